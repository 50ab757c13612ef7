package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
)

// sceneSkeleton is what "lessongen new scene" writes: a scene that builds as
// it is, with every field explained where it is used.
var sceneSkeleton = template.Must(template.New("scene").Parse(`# yaml-language-server: $schema={{.Schema}}
# A lessongen scene: one lesson, one page per step. See "The content format"
# in lessongen's README for every field.
title: {{.Title}}
summary: One or two sentences on what the reader learns.
topic: {{.Topic}}      # a topic id from site.yaml
order: 100        # position inside the topic

# The participants, drawn left to right in this order. kind picks the icon:
# pc, laptop, phone, tablet, server, router, switch, access-point, firewall,
# load-balancer, proxy, cdn, dns, ca, cloud, database, person or mail.
actors:
  - id: client
    name: Client
    kind: pc
  - id: server
    name: Server
    kind: server

# Each step is a page: a message (from, to) or a note (note: actor, or
# note: [a, b, c] over several). More on messages: "to: [a, b]" delivers one
# message to each (a broadcast); "transit: 2" makes it take two rows to
# arrive, so later steps happen while it is in flight. On any step,
# wait: "RTO: 1 s" draws the time that passes before it, and consecutive
# steps with the same phase: "Handshake" are framed together.
steps:
  - id: start
    note: client
    label: Decides to ask
    text: |
      Narration in Markdown: *what happens* and **why**.
  - id: request
    from: client
    to: server
    label: Request
    fields:          # shown beside the narration, in this order
      port: "443"
    text: The client sends its request.
  - id: response
    from: server
    to: client
    label: Response
    reply: true      # drawn dashed; secure: true adds a padlock, lost: true a cross
    text: The server answers.

references:
  - title: Where to read more
    url: https://www.rfc-editor.org/
`))

func newCommand() *cobra.Command {
	cmd := group("new", "Start a lesson site, or a scene in one")
	cmd.AddCommand(newSiteCommand(), newSceneCommand())
	return cmd
}

func newSceneCommand() *cobra.Command {
	var contentDir, topic, title string
	cmd := &cobra.Command{
		Use:   "scene ID",
		Short: "Write a commented scene skeleton that builds as it is",
		Long: `New scene writes content/scenes/ID.yaml, a commented skeleton that builds as
it is. It never overwrites a file. The id is the scene's file name and URL:
lower-case letters, digits and hyphens.`,
		Example: `  lessongen new scene dns-basics --topic naming --title "DNS: the basics"`,
		Args:    positional("ID"),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := args[0]
			stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
			if msg := content.IDProblem(id); msg != "" {
				return usagef("the id %q %s", id, msg)
			}
			opts := options(contentDir)
			site, diags := content.Load(opts.Content, opts.ContentName)
			if site == nil {
				report(stderr, diags)
				return errReported
			}
			if topic == "" && len(site.Topics) > 0 {
				topic = site.Topics[0].ID
			}
			if !slices.ContainsFunc(site.Topics, func(t content.Topic) bool { return t.ID == topic }) {
				ids := make([]string, len(site.Topics))
				for i, t := range site.Topics {
					ids[i] = t.ID
				}
				fmt.Fprintf(stderr, "lessongen new scene: unknown topic %q; the topics of %s/site.yaml are: %s.\n"+
					"Nothing was written. To add a topic, list it under topics: in site.yaml with its id and title:\n"+
					"  - id: %s\n    title: %s\n", topic, filepath.ToSlash(contentDir), strings.Join(ids, ", "), topic, content.InlineScalar(titleFromID(topic)))
				return errReported
			}
			if title == "" {
				title = titleFromID(id)
			}
			var b strings.Builder
			schemaLine, haveSchema := schemaPath(contentDir)
			err := sceneSkeleton.Execute(&b, map[string]string{
				"Schema": schemaLine, "Title": content.InlineScalar(title), "Topic": content.InlineScalar(topic),
			})
			if err != nil {
				return err
			}
			p := filepath.Join(contentDir, "scenes", id+".yaml")
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			// O_EXCL: never overwrite an author's scene, even one created a moment ago.
			f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if errors.Is(err, fs.ErrExist) {
				fmt.Fprintf(stderr, "lessongen new scene: %s already exists; choose another id or edit it\n", filepath.ToSlash(p))
				return errReported
			}
			if err != nil {
				return err
			}
			if _, err := f.WriteString(b.String()); err != nil {
				f.Close()
				return err
			}
			if err := f.Close(); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s\n", filepath.ToSlash(p))
			if !haveSchema {
				fmt.Fprintf(stdout, "For completion in your editor, write the schema its first line names:\n  mkdir -p schema && lessongen schema scene > schema/scene.schema.json\n")
			}
			return nil
		},
	}
	contentFlag(cmd, &contentDir)
	cmd.Flags().StringVar(&topic, "topic", "", "the scene's `topic` (default: the first topic of site.yaml)")
	cmd.Flags().StringVar(&title, "title", "", "the scene's `title` (default: from the id)")
	return cmd
}

// schemaPath is the path from a scene file to the scene schema, in the
// schema/ folder beside the content folder, where "lessongen new site" puts
// it (and where lessongen's own repository has it); it also reports whether
// the schema is there.
func schemaPath(contentDir string) (string, bool) {
	_, err := os.Stat(filepath.Join(filepath.Dir(filepath.Clean(contentDir)), "schema", "scene.schema.json"))
	return "../../schema/scene.schema.json", err == nil
}

// titleFromID makes a title of an id: "dns-basics" → "Dns basics".
func titleFromID(id string) string {
	if id == "" {
		return id
	}
	return strings.ToUpper(id[:1]) + strings.ReplaceAll(id[1:], "-", " ")
}
