package main

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/output"
)

func i18nCommand() *cobra.Command {
	cmd := group("i18n", "Translate the site: what is missing or stale, and files to fill in")
	cmd.AddCommand(
		i18nStatusCommand(),
		i18nExtractCommand(),
		i18nConfirmCommand(),
		i18nExportCommand(),
		i18nImportCommand(),
	)
	return cmd
}

// writeAtomic replaces a file by writing a temporary file beside it and
// renaming it over the old one, so an interrupted write never leaves a
// translator's file half-written.
func writeAtomic(path string, data []byte) error {
	return output.Replace(path, data)
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
