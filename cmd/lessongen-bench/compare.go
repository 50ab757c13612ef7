package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/lessongen/lessongen/generator/synth"
)

// run is one timed command.
type run struct {
	wall  time.Duration
	rssKB int64
}

// timed runs a command and measures its wall time and peak resident set
// size (from wait4's rusage, the figure /usr/bin/time -v prints).
func timed(dir string, name string, args ...string) (run, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdout = io.Discard
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	r := run{wall: time.Since(start)}
	if err != nil {
		return r, fmt.Errorf("%s %v: %w\n%s", name, args, err, stderr.String())
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKB = ru.Maxrss
	}
	return r, nil
}

func median(rs []run) run {
	sort.Slice(rs, func(i, j int) bool { return rs[i].wall < rs[j].wall })
	m := rs[len(rs)/2]
	// Peak memory: the median of the runs as well.
	rss := make([]int64, len(rs))
	for i, r := range rs {
		rss[i] = r.rssKB
	}
	sort.Slice(rss, func(i, j int) bool { return rss[i] < rss[j] })
	m.rssKB = rss[len(rss)/2]
	return m
}

func dirSize(dir string) (bytes int64, files, pages int) {
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			bytes += info.Size()
			files++
			if strings.HasSuffix(p, ".html") {
				pages++
			}
		}
		return nil
	})
	return
}

// compare builds synthetic sites of several sizes with lessongen and Hugo,
// alternating them, on each of the given disks, and prints medians.
func compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	sizes := fs.String("sizes", "2000,8000,32000", "step pages per site (scenes × 20 steps × 4 languages)")
	runs := fs.Int("runs", 3, "runs of each tool per size and disk")
	disks := fs.String("disks", "/dev/shm,/var/tmp", "folders to build in: a RAM disk and a normal disk")
	bin := fs.String("lessongen", "", "the lessongen binary (default: build it)")
	fs.Parse(args)
	hugo, _ := exec.LookPath("hugo")
	work, err := os.MkdirTemp("", "lessongen-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	if *bin == "" {
		*bin = filepath.Join(work, "lessongen")
		if out, err := exec.Command("go", "build", "-o", *bin, "./cmd/lessongen").CombinedOutput(); err != nil {
			return fmt.Errorf("go build: %v\n%s", err, out)
		}
	}
	fmt.Printf("%-6s %-9s %-9s %9s %10s %9s %9s %8s %10s %10s\n", "pages", "disk", "tool", "median", "pages/s", "peak RSS", "written", "files", "÷ Hugo", "÷ cp -r")
	for _, sz := range strings.Split(*sizes, ",") {
		pages, err := strconv.Atoi(strings.TrimSpace(sz))
		if err != nil {
			return err
		}
		scenes := max(1, pages/(20*4))
		for _, disk := range strings.Split(*disks, ",") {
			base, err := os.MkdirTemp(disk, "lessongen-bench-")
			if err != nil {
				return err
			}
			src, hsrc := filepath.Join(base, "content"), filepath.Join(base, "hugo")
			s := synth.New(scenes, 20, 4)
			if err := s.WriteLessongen(src); err != nil {
				return err
			}
			if err := s.WriteHugo(hsrc); err != nil {
				return err
			}
			var lg, hg, cp []run
			out, hout := filepath.Join(base, "public"), filepath.Join(base, "hugo-public")
			for i := 0; i < *runs; i++ {
				os.RemoveAll(out)
				r, err := timed(base, *bin, "build", "--quiet", "--content", src, "--out", out)
				if err != nil {
					return err
				}
				lg = append(lg, r)
				if hugo != "" {
					os.RemoveAll(hout)
					r, err := timed(hsrc, hugo, "--quiet", "-d", hout)
					if err != nil {
						return err
					}
					hg = append(hg, r)
				}
				copyTo := filepath.Join(base, "copy")
				os.RemoveAll(copyTo)
				r, err = timed(base, "cp", "-r", out, copyTo)
				if err != nil {
					return err
				}
				cp = append(cp, r)
				os.RemoveAll(copyTo)
			}
			bytes, files, npages := dirSize(out)
			l, c := median(lg), median(cp)
			ratioHugo := "-"
			if hugo != "" {
				h := median(hg)
				hb, hf, hp := dirSize(hout)
				ratioHugo = fmt.Sprintf("%.2f", l.wall.Seconds()/h.wall.Seconds())
				row(pages, disk, "hugo", h, hp, hb, hf, "1.00", "")
			}
			row(pages, disk, "lessongen", l, npages, bytes, files, ratioHugo, fmt.Sprintf("%.2f", l.wall.Seconds()/c.wall.Seconds()))
			row(pages, disk, "cp -r", c, npages, bytes, files, "", "1.00")
			os.RemoveAll(base)
		}
	}
	return nil
}

func row(size int, disk, tool string, r run, pages int, bytes int64, files int, vsHugo, vsCp string) {
	fmt.Printf("%-6d %-9s %-9s %8.2fs %10.0f %7.0fMB %7.0fMB %8d %10s %10s\n", size, disk, tool, r.wall.Seconds(),
		float64(pages)/r.wall.Seconds(), float64(r.rssKB)/1024, float64(bytes)/1e6, files, vsHugo, vsCp)
}
