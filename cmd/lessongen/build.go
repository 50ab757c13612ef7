package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/folder"
	"github.com/lessongen/lessongen/generator/pipeline"
)

func buildCommand() *cobra.Command {
	var (
		contentDir, out, baseURL, cpuprofile, memprofile string
		quiet, verbose                                   bool
	)
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the site into public/",
		Long: `Build compiles every scene of the content folder into a site with one page
per step, in every language, and writes it to the output folder. The site is
written beside the output and swapped in whole, so a failed build leaves the
last site as it was; a folder that lessongen did not create is never replaced.

On a terminal it shows its progress; in a pipe, or with --quiet, it prints
only problems.`,
		Example: `  lessongen build
  lessongen build --base-url https://user.github.io/lessons/`,
		Args: positional(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if baseURL != "" {
				if msg := content.BaseURLProblem(baseURL); msg != "" {
					return usagef("--base-url %s", msg)
				}
			}
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			stopProfile, err := startProfile(cpuprofile)
			if err != nil {
				return err
			}
			defer stopProfile()
			opts := options(contentDir)
			opts.BaseURL = baseURL
			var prog *progress
			switch {
			case verbose && !quiet:
				opts.Progress = func(path string, _ pipeline.Stats) { fmt.Fprintln(stdout, path) }
			case !quiet && isTerminal(stdout):
				prog = &progress{w: stdout}
				opts.Progress = prog.update
			}
			stats, diags, err := pipeline.Build(opts, out)
			prog.done()
			if perr := writeHeapProfile(memprofile); perr != nil && err == nil {
				err = perr
			}
			report(stderr, diags)
			if errors.Is(err, pipeline.ErrContent) {
				return errReported
			}
			if err != nil {
				return err
			}
			if !quiet {
				fmt.Fprintf(stdout, "wrote %d pages in %s (%d files, %.1f MB) to %s\n", stats.Pages, plural(stats.Languages, "language"), stats.Files, float64(stats.Bytes)/1e6, out)
			}
			return nil
		},
	}
	f := cmd.Flags()
	contentFlag(cmd, &contentDir)
	f.StringVar(&out, "out", "public", "the output `folder`; replaced whole by each build")
	cmd.MarkFlagDirname("out")
	f.StringVar(&baseURL, "base-url", "", "the `URL` the site is published at, such as https://user.github.io/repo/; replaces site.yaml's baseURL")
	f.BoolVar(&quiet, "quiet", false, "print nothing but problems")
	f.BoolVar(&verbose, "verbose", false, "list every file written")
	f.StringVar(&cpuprofile, "cpuprofile", "", "write a CPU profile to `file` (see go tool pprof)")
	f.StringVar(&memprofile, "memprofile", "", "write a heap profile to `file` at the end of the build")
	return cmd
}

// options makes build options for a content folder on disk. The site's own
// theme files are looked for in themes/default beside the content folder.
// Both are read confined to their folders.
func options(contentDir string) pipeline.Options {
	themeDir := themeDir(contentDir)
	return pipeline.Options{
		Content: folder.Open(contentDir), ContentName: filepath.ToSlash(filepath.Clean(contentDir)),
		Theme: folder.Open(themeDir), ThemeName: filepath.ToSlash(themeDir),
	}
}

// themeDir is the folder of the site's own theme files.
func themeDir(contentDir string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(contentDir)), "themes", "default")
}

// report prints diagnostics, one a line, then a count of errors and
// warnings.
func report(w io.Writer, diags diag.List) {
	if len(diags) == 0 {
		return
	}
	fmt.Fprint(w, diags.String())
	errs := diags.Errors()
	warns := len(diags) - errs
	switch {
	case errs > 0 && warns > 0:
		fmt.Fprintf(w, "%s, %s\n", plural(errs, "error"), plural(warns, "warning"))
	case errs > 0:
		fmt.Fprintln(w, plural(errs, "error"))
	default:
		fmt.Fprintln(w, plural(warns, "warning"))
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
