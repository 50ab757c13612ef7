package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/i18n"
)

func i18nExportCommand() *cobra.Command {
	var dir, format, out string
	cmd := &cobra.Command{
		Use:   "export LANG",
		Short: "Write the translation of LANG as a PO file, for translation tools",
		Long: `Export writes the strings of LANG as a gettext PO file, which Poedit, Weblate,
Crowdin, OmegaT and Lokalize open: one entry a string, its context the key
that "lessongen i18n status" prints, its msgid the source text, its msgstr
the translation (empty when missing). A stale translation is marked fuzzy,
with the source text it was made from as the previous msgid ("#|"), so
the tool shows what changed. Translate in the tool, then bring the file
back with "lessongen i18n import".`,
		Example: `  lessongen i18n export fr --format po -o fr.po
  lessongen i18n export fr > fr.po`,
		Args: positional("LANG"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "po" {
				return usagef("--format %q: the only format is po", format)
			}
			return runExport(dir, args[0], out, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	contentFlag(cmd, &dir)
	cmd.Flags().StringVar(&format, "format", "po", "the file `format`: po")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this `file` rather than to the standard output")
	return cmd
}

// runExport writes the PO file of language tag to out, or to stdout.
func runExport(dir, tag, out string, stdout, stderr io.Writer) error {
	site, l, err := i18nSite(dir, tag, false, stderr)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := i18n.Export(&b, site, l); err != nil {
		return err
	}
	if out == "" {
		_, err := stdout.Write(b.Bytes())
		return err
	}
	if err := writeAtomic(out, b.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", out)
	return nil
}
