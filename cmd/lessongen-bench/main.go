// Command lessongen-bench writes synthetic sites for benchmarks: a lessongen
// content folder of realistic scenes with complete translations, and
// optionally the equivalent Hugo site (the same narration, one Markdown page
// per step, with prev/next links and a language switcher), so that both tools
// are measured on the same words.
//
// Usage:
//
//	lessongen-bench gen [-scenes 100] [-steps 20] [-langs 4] [-hugo DIR] DIR
//	lessongen-bench compare [-sizes 2000,8000,32000] [-runs 3] [-disks /dev/shm,/var/tmp]
//
// compare times lessongen, Hugo (when installed) and cp -r of lessongen's
// output, alternating them, and prints the median of each.
package main

import (
	"flag"
	"fmt"
	"github.com/lessongen/lessongen/generator/synth"
	"os"
)

func main() {
	if len(os.Args) >= 2 && os.Args[1] == "compare" {
		if err := compare(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "lessongen-bench:", err)
			os.Exit(1)
		}
		return
	}
	if len(os.Args) < 2 || os.Args[1] != "gen" {
		fmt.Fprintln(os.Stderr, "usage: lessongen-bench gen [-scenes 100] [-steps 20] [-langs 4] [-hugo DIR] DIR\n       lessongen-bench compare [-sizes 2000,8000,32000] [-runs 3] [-disks /dev/shm,/var/tmp]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet("gen", flag.ExitOnError)
	scenes := fs.Int("scenes", 100, "number of scenes")
	steps := fs.Int("steps", 20, "steps per scene")
	langs := fs.Int("langs", 4, "number of languages, the source included (at most 6)")
	hugo := fs.String("hugo", "", "also write the equivalent Hugo site into this `folder`")
	fs.Parse(os.Args[2:])
	if fs.NArg() != 1 || *langs < 1 || *langs > len(synth.Languages) {
		fs.Usage()
		os.Exit(2)
	}
	s := synth.New(*scenes, *steps, *langs)
	if err := s.WriteLessongen(fs.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "lessongen-bench:", err)
		os.Exit(1)
	}
	if *hugo != "" {
		if err := s.WriteHugo(*hugo); err != nil {
			fmt.Fprintln(os.Stderr, "lessongen-bench:", err)
			os.Exit(1)
		}
	}
}
