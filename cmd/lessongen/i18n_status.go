package main

import (
	"io"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/i18n"
)

func i18nStatusCommand() *cobra.Command {
	var dir, lang string
	var strict bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show how much of each language is translated, and what is missing or stale",
		Long: `Status prints, for each translated language, how many strings are done, then
one line for each thing to do, "file:line:col: state key: what to do":
missing strings, stale ones (translated from an older source text, shown
with the old and the new text side by side), orphaned translations, and
steps without an id in the scenes a language translates.`,
		Example: `  lessongen i18n status --lang ja
  lessongen i18n status --strict   # in CI: exit 1 while anything is missing or stale`,
		Args: positional(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runStatus(dir, lang, strict, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	contentFlag(cmd, &dir)
	cmd.Flags().StringVar(&lang, "lang", "", "report only this `language`")
	cmd.Flags().BoolVar(&strict, "strict", false, "exit with status 1 when anything is missing or stale (for CI)")
	return cmd
}

// runStatus prints how far each language, or only lang, is translated,
// and with strict fails while anything is missing or stale.
func runStatus(dir, lang string, strict bool, stdout, stderr io.Writer) error {
	site, diags, err := loadValid(dir, stderr)
	if err != nil {
		return err
	}
	folder := func(l *content.Language) fs.FS { return os.DirFS(localeFolder(dir, l)) }
	statuses := i18n.Report(site, lang, diags, folder)
	if lang != "" && len(statuses) == 0 {
		return usagef("--lang %q is not a translated language of this site", lang)
	}
	style := i18n.Plain
	if isTerminal(stdout) && os.Getenv("NO_COLOR") == "" {
		style = i18n.Color
	}
	i18n.Write(stdout, statuses, style)
	if strict {
		for _, st := range statuses {
			if !st.Complete() {
				return errReported
			}
		}
	}
	return nil
}
