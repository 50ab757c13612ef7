package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/i18n"
)

func i18nImportCommand() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "import LANG FILE.po",
		Short: "Bring translations back from a PO file into the locale files of LANG",
		Long: `Import reads a PO file made by "lessongen i18n export" and edited in a
translation tool, and writes what changed into content/locales/LANG/: an
entry translated or no longer fuzzy becomes current, a fuzzy one stays
stale, and one whose msgid is an older source text is stale too. Entries
the tool did not change, and everything else in the locale files, stay
byte for byte as they were.`,
		Example: "  lessongen i18n import fr fr.po",
		Args:    positional("LANG", "FILE.po"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runImport(dir, args[0], args[1], cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	contentFlag(cmd, &dir)
	return cmd
}

// runImport applies the PO file at path to language tag.
func runImport(dir, tag, path string, stdout, stderr io.Writer) error {
	site, l, err := i18nSite(dir, tag, false, stderr)
	if err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	changes, notes, err := i18n.Import(data, path, site, l)
	if err != nil {
		fmt.Fprintf(stderr, "lessongen i18n import: %v\n", err)
		return errReported
	}
	for _, d := range notes {
		fmt.Fprintln(stderr, d.String())
	}
	folder := localeFolder(dir, l)
	ed, err := content.Apply(site, l, os.DirFS(folder), changes)
	if err != nil {
		return err
	}
	if _, err := writeEdited(dir, folder, ed, stdout); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "imported %s\n", plural(len(changes), "change"))
	return nil
}
