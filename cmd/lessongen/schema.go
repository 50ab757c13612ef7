package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/schema"
)

func schemaCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "schema NAME",
		Short: "Print the JSON Schema of a content file, for editors",
		Long: `Schema prints the JSON Schema of a content file; NAME is one of
` + strings.Join(schema.Names, ", ") + `. Editors such as VS Code (with Red Hat's YAML
extension) and JetBrains IDEs use them to complete field names and flag
mistakes as you type.`,
		Example:   "  lessongen schema scene > scene.schema.json",
		Args:      positional("NAME"),
		ValidArgs: schema.Names,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(schema.Names, args[0]) {
				return usagef("unknown schema %q; the schemas are %s", args[0], strings.Join(schema.Names, ", "))
			}
			_, err := fmt.Fprint(cmd.OutOrStdout(), string(schema.Get(args[0])))
			return err
		},
	}
}
