package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/lessongen/lessongen/generator/build"
	"github.com/lessongen/lessongen/generator/diag"
)

// errReported means the problems were printed already.
var errReported = errors.New("reported")

func buildCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("build", "build [--content DIR] [--out DIR] [--base-url URL]", stderr)
	contentDir := fs.String("content", "content", "the content `folder`: site.yaml and scenes/")
	out := fs.String("out", "public", "the output `folder`; replaced whole by each build")
	baseURL := fs.String("base-url", "", "the `URL` the site is published at, replacing site.yaml's baseURL")
	quiet := fs.Bool("quiet", false, "print nothing but problems")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `file` (see go tool pprof)")
	memprofile := fs.String("memprofile", "", "write a heap profile to `file` at the end of the build")
	verbose := fs.Bool("verbose", false, "list every file written")
	if err := parse(fs, args); err != nil {
		return err
	}
	stopProfile, err := startProfile(*cpuprofile)
	if err != nil {
		return err
	}
	defer stopProfile()
	opts := options(*contentDir)
	opts.BaseURL = *baseURL
	var prog *progress
	switch {
	case *verbose && !*quiet:
		opts.Progress = func(path string, _ build.Stats) { fmt.Fprintln(stdout, path) }
	case !*quiet && isTerminal(stdout):
		prog = &progress{w: stdout}
		opts.Progress = prog.update
	}
	stats, diags, err := build.Build(opts, *out)
	prog.done()
	if perr := writeHeapProfile(*memprofile); perr != nil && err == nil {
		err = perr
	}
	report(stderr, diags)
	if errors.Is(err, build.ErrContent) {
		return errReported
	}
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(stdout, "wrote %d pages in %s (%d files, %.1f MB) to %s\n", stats.Pages, plural(stats.Languages, "language"), stats.Files, float64(stats.Bytes)/1e6, *out)
	}
	return nil
}

// options makes build options for a content folder on disk. The site's own
// theme files are looked for in themes/default beside the content folder.
func options(contentDir string) build.Options {
	opts := build.Options{Content: os.DirFS(contentDir), ContentName: filepath.ToSlash(filepath.Clean(contentDir))}
	themeDir := filepath.Join(filepath.Dir(filepath.Clean(contentDir)), "themes", "default")
	if info, err := os.Stat(themeDir); err == nil && info.IsDir() {
		opts.Theme = os.DirFS(themeDir)
	}
	return opts
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
