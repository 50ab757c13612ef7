package mermaid

import (
	"path"
	"strconv"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/markdown"
)

// FileOptions say how to import a file's diagrams.
type FileOptions struct {
	// ID names the scene, or the scenes ID-1, ID-2... when the file holds
	// several diagrams; "" names each from its title.
	ID    string
	Topic string
	// Taken reports whether a scene id is in use already, so that ids
	// made from titles do not clash; nil for none.
	Taken func(id string) bool
}

// Scene is one diagram of a file, imported.
type Scene struct {
	ID    string
	Draft *content.Draft
}

// ImportFile imports every sequence diagram in a file: a Markdown file
// (name ending in .md or .markdown) holds them in ```mermaid blocks, any
// other file is one diagram. name is the file's path as messages print it.
// Other kinds of Mermaid diagram in a Markdown file are skipped with a
// warning. The scenes are nil when there are errors.
func ImportFile(name string, data []byte, opts FileOptions) ([]Scene, diag.List) {
	var diags diag.List
	type block struct {
		code, heading string
		line          int
	}
	var blocks []block
	ext := strings.ToLower(path.Ext(name))
	isMarkdown := ext == ".md" || ext == ".markdown"
	if isMarkdown {
		for _, f := range markdown.Fences(data, "mermaid") {
			blocks = append(blocks, block{f.Code, f.Heading, f.Line})
		}
	} else {
		blocks = []block{{string(data), "", 1}}
	}
	var drafts []*content.Draft
	var titles []string
	for _, b := range blocks {
		if isMarkdown {
			if kind := diagramType(b.code); kind != "sequenceDiagram" {
				diags.Warnf(diag.Pos{Path: name, Line: b.line, Col: 1}, "a %q diagram, not a sequence diagram: not imported", kind)
				continue
			}
		}
		d, ds := Parse(b.code, name, b.line)
		diags = append(diags, ds...)
		if d == nil || ds.HasErrors() {
			continue
		}
		title := b.heading
		if title == "" {
			title = strings.TrimSuffix(path.Base(name), path.Ext(name))
		}
		draft, ds := Import(d, ImportOptions{Topic: opts.Topic, Title: title, Source: name + ":" + strconv.Itoa(d.Pos.Line)})
		diags = append(diags, ds...)
		if draft != nil {
			drafts = append(drafts, draft)
			titles = append(titles, draft.Title)
		}
	}
	if len(blocks) == 0 || (len(drafts) == 0 && !diags.HasErrors()) {
		diags.Errorf(diag.Pos{Path: name}, "no Mermaid sequence diagram found; a Markdown file holds them in ```mermaid blocks starting with the line \"sequenceDiagram\"")
	}
	diags.Sort()
	if diags.HasErrors() {
		return nil, diags
	}
	taken := opts.Taken
	if taken == nil {
		taken = func(string) bool { return false }
	}
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if strings.EqualFold(base, "readme") {
		base = ""
	}
	ids := SceneIDs(opts.ID, titles, base, taken)
	out := make([]Scene, len(drafts))
	for i := range drafts {
		out[i] = Scene{ids[i], drafts[i]}
	}
	return out, diags
}

// diagramType is the keyword a diagram starts with, after its front
// matter, comments and directives: "sequenceDiagram", "flowchart"...
func diagramType(code string) string {
	var diags diag.List
	p := &parser{scanner: newScanner(code, "", 1, &diags), d: &Diagram{}}
	p.frontMatter()
	p.blank()
	if p.has("sequenceDiagram") {
		return "sequenceDiagram"
	}
	if f := strings.Fields(string(p.src[p.i:])); len(f) > 0 {
		return f[0]
	}
	return "empty"
}
