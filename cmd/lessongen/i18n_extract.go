package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
)

func i18nExtractCommand() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "extract LANG",
		Short: "Write or bring up to date the files a translator fills in for LANG",
		Long: `Extract writes content/locales/LANG/, one file per scene and a site.yaml, each
string to translate with its source text and a record of it above it. Run
again, it adds new keys, marks stale every translation whose source text
changed (showing the old text beside the new), moves translations whose
step or phase was renumbered or renamed, and keeps orphaned ones as
comments. It changes nothing else: the translator's text stays byte for
byte. It never makes a stale translation current: editing it or
"lessongen i18n confirm" does.

LANG is a BCP 47 language tag spelt canonically, such as ja, zh-Hans or pt-BR.`,
		Example: "  lessongen i18n extract ja",
		Args:    positional("LANG"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(dir, args[0], cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	contentFlag(cmd, &dir)
	return cmd
}

// runExtract brings the locale files of language tag up to date with the
// source (see content.Extract), creating them for a new language.
func runExtract(dir, tag string, stdout, stderr io.Writer) error {
	site, l, err := i18nSite(dir, tag, true, stderr)
	if err != nil {
		return err
	}
	folder := localeFolder(dir, l)
	ed, err := content.Extract(site, l, os.DirFS(folder))
	if err != nil {
		return err
	}
	changed, err := writeEdited(dir, folder, ed, stdout)
	if err != nil {
		return err
	}
	if changed == 0 {
		fmt.Fprintf(stdout, "%s is up to date\n", filepath.ToSlash(folder))
	}
	return nil
}
