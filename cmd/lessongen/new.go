package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

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
# pc, phone, server, router, dns, ca, cloud, database, person, switch,
# firewall or mail.
actors:
  - id: client
    name: Client
    kind: pc
  - id: server
    name: Server
    kind: server

# Each step is a page: a message (from, to) or a note (note: actor).
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

func newCmd(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "scene" {
		fmt.Fprint(stderr, "Usage: lessongen new scene ID [--topic T] [--title \"...\"] [--content DIR]\n")
		return errUsage
	}
	fset := flags("new scene", "new scene ID [--topic T] [--title \"...\"] [--content DIR]", stderr)
	contentDir := fset.String("content", "content", "the content `folder`")
	topic := fset.String("topic", "", "the scene's `topic` (default: the first topic of site.yaml)")
	title := fset.String("title", "", "the scene's `title` (default: from the id)")
	// Accept the id before or after the flags.
	rest := args[1:]
	var id string
	if len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
		id, rest = rest[0], rest[1:]
	}
	if err := fset.Parse(rest); err != nil {
		return errUsage
	}
	if id == "" && fset.NArg() == 1 {
		id = fset.Arg(0)
	} else if fset.NArg() > 0 || id == "" {
		fset.Usage()
		return errUsage
	}
	opts := options(*contentDir)
	site, diags := content.Load(opts.Content, opts.ContentName)
	if site == nil {
		report(stderr, diags)
		return errReported
	}
	if msg := content.IDProblem(id); msg != "" {
		fmt.Fprintf(stderr, "lessongen new scene: the id %q %s\n", id, msg)
		return errUsage
	}
	if *topic == "" && len(site.Topics) > 0 {
		*topic = site.Topics[0].ID
	}
	if *title == "" {
		*title = strings.ToUpper(id[:1]) + strings.ReplaceAll(id[1:], "-", " ")
	}
	var b strings.Builder
	err := sceneSkeleton.Execute(&b, map[string]string{
		"Schema": schemaPath(*contentDir), "Title": yamlString(*title), "Topic": yamlString(*topic),
	})
	if err != nil {
		return err
	}
	p := filepath.Join(*contentDir, "scenes", id+".yaml")
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
	return nil
}

// schemaPath is the path from a scene file to the scene schema, when the
// content folder sits in a lessongen checkout beside schema/; otherwise the
// schema's name, for the author to point at a copy.
func schemaPath(contentDir string) string {
	rel := filepath.Join(filepath.Dir(filepath.Clean(contentDir)), "schema", "scene.schema.json")
	if _, err := os.Stat(rel); err == nil {
		return "../../schema/scene.schema.json"
	}
	return "scene.schema.json"
}

// yamlString quotes s when YAML would read it as something other than the
// same text.
func yamlString(s string) string {
	if strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`") || strings.TrimSpace(s) != s {
		return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
	}
	return s
}
