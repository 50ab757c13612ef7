package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/i18n"
)

func i18nConfirmCommand() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "confirm LANG KEY...",
		Short: "Mark stale translations current as they are, when they still fit",
		Long: `Confirm is the translator's word that a stale translation still fits the new
source text: it becomes current without being edited.

KEY names a string as "lessongen i18n status" prints it: the locale file
without ".yaml", a slash and the key (https/steps.syn.label); a prefix of
one (https/steps.syn, or https for a whole file); or the file:line that
status prints.`,
		Example: `  lessongen i18n confirm ja https/steps.syn.label
  lessongen i18n confirm ja content/locales/ja/https.yaml:41`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) < 2 {
				return usagef("name the language and at least one KEY")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runConfirm(dir, args[0], args[1:], cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	contentFlag(cmd, &dir)
	return cmd
}

// runConfirm confirms the strings keys name in language tag.
func runConfirm(dir, tag string, keys []string, stdout, stderr io.Writer) error {
	site, l, err := i18nSite(dir, tag, false, stderr)
	if err != nil {
		return err
	}
	units, err := i18n.Select(content.Units(site, l), keys)
	if err != nil {
		return usagef("%v", err)
	}
	changes, err := i18n.Confirm(units)
	if err != nil {
		fmt.Fprintf(stderr, "lessongen i18n confirm: %v\n", err)
		return errReported
	}
	folder := localeFolder(dir, l)
	ed, err := content.Apply(site, l, os.DirFS(folder), changes)
	if err != nil {
		return err
	}
	if _, err := writeEdited(dir, folder, ed, stdout); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "confirmed %s\n", plural(len(changes), "translation"))
	return nil
}
