package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/mermaid"
)

func exportMermaidCommand() *cobra.Command {
	var contentDir, lang string
	cmd := &cobra.Command{
		Use:   "mermaid SCENE",
		Short: "Print a scene as a Mermaid sequence diagram",
		Long: `Export mermaid prints the scene SCENE (its id, or its file) as a Mermaid
sequence diagram, to paste into a README or any page that renders Mermaid.
With --lang it is in that language, where the translation has the strings.
"lessongen import mermaid" reads it back as the same actors and steps;
narration, fields and step ids have no place in Mermaid and are left out.`,
		Example: `  lessongen export mermaid tcp-handshake > handshake.mmd
  lessongen export mermaid dns --lang ja`,
		Args: positional("SCENE"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return exportMermaid(args[0], lang, contentDir, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	contentFlag(cmd, &contentDir)
	cmd.Flags().StringVar(&lang, "lang", "", "the `language` to write the diagram in, such as ja (default: the source language)")
	return cmd
}

func exportMermaid(scene, lang, contentDir string, stdout, stderr io.Writer) error {
	id := strings.TrimSuffix(filepath.Base(scene), filepath.Ext(scene))
	// Warnings (an untranslated string...) are check's business, not
	// this command's: only errors stop it.
	site, _, err := loadValid(contentDir, stderr)
	if err != nil {
		return err
	}
	if lang != "" {
		var tags []string
		var found *content.Language
		for _, l := range site.Languages {
			tags = append(tags, l.Tag)
			if l.Tag == lang {
				found = l
			}
		}
		if found == nil {
			return usagef("--lang %q is not a language of the site; it has %s", lang, quoteList(tags))
		}
		site = site.In(found)
	}
	var ids []string
	for _, s := range site.Scenes {
		if s.ID == id {
			_, err := fmt.Fprint(stdout, mermaid.Export(s))
			return err
		}
		ids = append(ids, s.ID)
	}
	return usagef("no scene %q; the scenes are %s", id, strings.Join(ids, ", "))
}
