package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/pipeline"
)

func checkCommand() *cobra.Command {
	var contentDir string
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check every content and locale file, writing nothing",
		Long: `Check validates every content and locale file and prints exactly what build
would, as path:line:col: message, writing nothing. It is fast enough for a
pre-commit hook.`,
		Args: positional(),
		RunE: func(cmd *cobra.Command, _ []string) error {
			diags := pipeline.Check(options(contentDir))
			report(cmd.ErrOrStderr(), diags)
			if diags.HasErrors() {
				return errReported
			}
			fmt.Fprintln(cmd.OutOrStdout(), "content is valid")
			return nil
		},
	}
	contentFlag(cmd, &contentDir)
	return cmd
}
