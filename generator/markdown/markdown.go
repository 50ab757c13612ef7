// Package markdown renders step narration from Markdown to HTML.
//
// It is the only package that imports goldmark. Raw HTML in the source is
// escaped and shown as text, never passed through, and links with
// dangerous schemes (javascript:, vbscript:, file: and every data: target,
// which goldmark keeps for images) lose their target, so narration from any
// contributor is safe to publish.
package markdown

import (
	"bytes"
	"errors"
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
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(rebaser{}, 100), util.Prioritized(dropData{}, 200))),
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
	buf := limited{max: MaxHTML}
	buf.Grow(min(len(src)*3/2, MaxHTML))
	ctx := parser.NewContext()
	if rebase != nil {
		ctx.Set(rebaseKey, rebase)
	}
	if err := r.md.Convert([]byte(src), &buf, parser.WithContext(ctx)); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // #nosec: goldmark escapes text, and escapeHTML escapes raw HTML
}

// MaxHTML is the most HTML one narration may render to. A few lines of
// Markdown can render to megabytes: a link to a long address, defined once
// and used a thousand times, writes the address a thousand times.
const MaxHTML = 1 << 20

// ErrTooLarge is the error of a narration that renders to more than
// MaxHTML bytes.
var ErrTooLarge = errors.New("the narration renders to more than 1 MB of HTML")

// limited is a buffer that refuses to grow past max bytes. Goldmark's
// writer keeps the first error and writes nothing more, so rendering stops
// there.
type limited struct {
	bytes.Buffer
	max int
}

func (l *limited) Write(p []byte) (int, error) {
	if l.Len()+len(p) > l.max {
		return 0, ErrTooLarge
	}
	return l.Buffer.Write(p)
}

func (l *limited) WriteString(s string) (int, error) {
	if l.Len()+len(s) > l.max {
		return 0, ErrTooLarge
	}
	return l.Buffer.WriteString(s)
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

// dropData empties every link and image target with the data: scheme.
// Goldmark drops the dangerous ones but keeps PNG, GIF, JPEG and WebP
// images, which the pages' policy (default-src 'self') would not load
// anyway, and whose href a reader could open as a page of its own.
type dropData struct{}

func (dropData) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var autolinks []*ast.AutoLink
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if isData(n.Destination) {
				n.Destination = nil
			}
		case *ast.Image:
			if isData(n.Destination) {
				n.Destination = nil
			}
		case *ast.AutoLink:
			if isData(n.URL(reader.Source())) {
				autolinks = append(autolinks, n)
			}
		}
		return ast.WalkContinue, nil
	})
	// An autolink's target is its text, so it becomes a link without one.
	for _, a := range autolinks {
		label := ast.NewString(a.Label(reader.Source()))
		label.SetRaw(true)
		link := ast.NewLink()
		link.AppendChild(link, label)
		a.Parent().ReplaceChild(a.Parent(), a, link)
	}
}

// isData reports whether a target has the data: scheme, as the page will
// have it (with its character references resolved), in any case and after
// the spaces and control characters a browser would skip.
func isData(dest []byte) bool {
	dest = bytes.TrimLeft(util.URLEscape(dest, true), "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	return len(dest) >= 5 && bytes.EqualFold(dest[:5], []byte("data:"))
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
