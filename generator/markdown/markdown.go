// Package markdown renders step narration from Markdown to HTML.
//
// It is the only package that imports goldmark. Raw HTML in the source is
// escaped and shown as text, never passed through, and links with
// dangerous schemes (javascript:, data: and the like) lose their target, so
// narration from any contributor is safe to publish.
package markdown

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Renderer converts Markdown to HTML. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer for CommonMark with GitHub's tables and
// strikethrough.
func New() *Renderer {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(rebaser{}, 100))),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(escapeHTML{}, 100))),
	)
	return &Renderer{md: md}
}

// Render converts src to HTML.
func (r *Renderer) Render(src string) (template.HTML, error) {
	return r.RenderRebased(src, nil)
}

// RenderRebased converts src to HTML for a page in another folder than the
// one its relative links were written for: rebase maps each relative link
// or image target to the one that reaches the same file from that page.
func (r *Renderer) RenderRebased(src string, rebase func(dest string) string) (template.HTML, error) {
	var buf bytes.Buffer
	buf.Grow(len(src) * 3 / 2)
	ctx := parser.NewContext()
	if rebase != nil {
		ctx.Set(rebaseKey, rebase)
	}
	if err := r.md.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // #nosec: goldmark escapes text, and escapeHTML escapes raw HTML
}

// escapeHTML renders raw HTML, inline and in blocks, as escaped text instead
// of goldmark's default of dropping it, so an author sees what they wrote.
type escapeHTML struct{}

func (escapeHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				template.HTMLEscape(w, seg.Value(source))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		_, _ = w.WriteString("<p>")
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			line := lines.At(i)
			template.HTMLEscape(w, line.Value(source))
		}
		if b.HasClosure() {
			template.HTMLEscape(w, b.ClosureLine.Value(source))
		}
		_, _ = w.WriteString("</p>\n")
		return ast.WalkSkipChildren, nil
	})
}

var rebaseKey = parser.NewContextKey()

// rebaser applies the rebase function RenderRebased was given to every
// relative link and image target.
type rebaser struct{}

func (rebaser) Transform(doc *ast.Document, _ text.Reader, pc parser.Context) {
	rebase, _ := pc.Get(rebaseKey).(func(string) string)
	if rebase == nil {
		return
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if relative(n.Destination) {
				n.Destination = []byte(rebase(string(n.Destination)))
			}
		case *ast.Image:
			if relative(n.Destination) {
				n.Destination = []byte(rebase(string(n.Destination)))
			}
		}
		return ast.WalkContinue, nil
	})
}

// relative reports whether a link target is a path relative to the page:
// not empty, not a fragment or query, not rooted, and without a scheme.
func relative(dest []byte) bool {
	if len(dest) == 0 || dest[0] == '#' || dest[0] == '?' || dest[0] == '/' {
		return false
	}
	for _, c := range dest {
		switch c {
		case ':':
			return false
		case '/', '?', '#':
			return true
		}
	}
	return true
}
