package main

import (
	"fmt"
	"io"

	"github.com/lessongen/lessongen/generator/build"
)

func checkCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("check", "check [--content DIR]", stderr)
	contentDir := fs.String("content", "content", "the content `folder`: site.yaml, scenes/ and locales/")
	if err := parse(fs, args); err != nil {
		return err
	}
	diags := build.Check(options(*contentDir))
	report(stderr, diags)
	if diags.HasErrors() {
		return errReported
	}
	fmt.Fprintln(stdout, "content is valid")
	return nil
}
