package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/i18n"
	"github.com/lessongen/lessongen/generator/locale"
)

const i18nUsage = `Usage:
  lessongen i18n status [--content DIR] [--lang L] [--strict]
  lessongen i18n extract [--content DIR] LANG
`

func i18nCmd(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, i18nUsage)
		return errUsage
	}
	switch args[0] {
	case "status":
		return statusCmd(args[1:], stdout, stderr)
	case "extract":
		return extractCmd(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, i18nUsage)
		return nil
	}
	fmt.Fprintf(stderr, "lessongen i18n: unknown command %q\n\n%s", args[0], i18nUsage)
	return errUsage
}

func statusCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("i18n status", "i18n status [--content DIR] [--lang L] [--strict]", stderr)
	dir := fs.String("content", "content", "the content `folder`")
	lang := fs.String("lang", "", "report only this `language`")
	strict := fs.Bool("strict", false, "exit with status 1 when anything is missing or stale (for CI)")
	if err := parse(fs, args); err != nil {
		return err
	}
	site, diags, err := loadValid(*dir, stderr)
	if err != nil {
		return err
	}
	statuses := i18n.Report(site, *lang, diags)
	if *lang != "" && len(statuses) == 0 {
		fmt.Fprintf(stderr, "lessongen i18n status: %q is not a translated language of this site\n", *lang)
		return errUsage
	}
	i18n.Write(stdout, statuses)
	if *strict {
		for _, st := range statuses {
			if !st.Complete() {
				return errReported
			}
		}
	}
	return nil
}

func extractCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("i18n extract", "i18n extract [--content DIR] LANG", stderr)
	dir := fs.String("content", "content", "the content `folder`")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	tag := fs.Arg(0)
	if !locale.Valid(tag) || locale.Canonical(tag) != tag {
		fmt.Fprintf(stderr, "lessongen i18n extract: %q is not a BCP 47 language tag spelt canonically (such as ja, zh-Hans or pt-BR)\n", tag)
		return errUsage
	}
	site, _, err := loadValid(*dir, stderr)
	if err != nil {
		return err
	}
	if tag == site.Language {
		fmt.Fprintf(stderr, "lessongen i18n extract: %q is the source language\n", tag)
		return errUsage
	}
	folder := filepath.Join(*dir, "locales", tag)
	var lang *content.Language
	for _, l := range site.Languages {
		if l.Tag == tag {
			lang = l
		}
	}
	if lang == nil {
		lang = content.NewLanguage(tag, filepath.ToSlash(folder))
	}
	ex, err := content.Extract(site, lang)
	if err != nil {
		return err
	}
	for _, d := range ex.Removed {
		fmt.Fprintln(stdout, d.String())
	}
	if err := os.MkdirAll(folder, 0o755); err != nil {
		return err
	}
	changed := 0
	for _, f := range ex.Files {
		p := filepath.Join(folder, f.Name)
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, f.Data) {
			continue
		}
		if err := writeAtomic(p, f.Data); err != nil {
			return err
		}
		changed++
		fmt.Fprintf(stdout, "wrote %s\n", filepath.ToSlash(p))
	}
	if changed == 0 {
		fmt.Fprintf(stdout, "%s is up to date\n", filepath.ToSlash(folder))
	}
	return nil
}

// writeAtomic replaces a file by writing a temporary file beside it and
// renaming it over the old one, so an interrupted write never leaves a
// translator's file half-written.
func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// loadValid loads the content in dir; when it has errors, it prints them
// and returns errReported, since translation reports need a whole site.
func loadValid(dir string, stderr io.Writer) (*content.Site, diag.List, error) {
	opts := options(dir)
	site, diags := content.Load(opts.Content, opts.ContentName)
	if diags.HasErrors() {
		report(stderr, diags)
		return nil, nil, errReported
	}
	return site, diags, nil
}
