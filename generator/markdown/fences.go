package markdown

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Fence is a fenced code block found in a Markdown file.
type Fence struct {
	// Code is the block's content. Each line keeps the columns it has in
	// the file: what sits before it (indentation, a list's or quote's
	// marker) is replaced by as many spaces, so that positions counted in
	// Code are positions in the file.
	Code string
	// Line is the number of the file's line where Code starts (the line
	// after the opening fence).
	Line int
	// Heading is the text of the last heading above the block, or "".
	Heading string
}

// Fences returns the fenced code blocks of src whose info string starts
// with lang ("```mermaid"), in the order they appear, as CommonMark finds
// them: inside lists and block quotes too, never inside other code.
func Fences(src []byte, lang string) []Fence {
	doc := goldmark.New().Parser().Parse(text.NewReader(src))
	var out []Fence
	heading := ""
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			heading = plainText(n, src)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			info := ""
			if n.Info != nil {
				info = string(n.Info.Segment.Value(src))
			}
			if f := strings.Fields(info); len(f) == 0 || f[0] != lang {
				return ast.WalkSkipChildren, nil
			}
			fence := Fence{Heading: heading, Line: lineOf(src, fenceEnd(n, src)) + 1}
			var b strings.Builder
			lines := n.Lines()
			for i := 0; i < lines.Len(); i++ {
				seg := lines.At(i)
				if i == 0 {
					fence.Line = lineOf(src, seg.Start)
				}
				start := bytes.LastIndexByte(src[:seg.Start], '\n') + 1
				b.WriteString(strings.Repeat(" ", utf8.RuneCount(src[start:seg.Start])+seg.Padding))
				b.Write(seg.Value(src))
			}
			fence.Code = b.String()
			out = append(out, fence)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// fenceEnd is an offset on the opening fence's line: its info string's.
func fenceEnd(n *ast.FencedCodeBlock, src []byte) int {
	if n.Info != nil {
		return n.Info.Segment.Start
	}
	return 0
}

// lineOf is the number of the line that holds byte offset i.
func lineOf(src []byte, i int) int {
	return bytes.Count(src[:i], []byte("\n")) + 1
}

// plainText is a heading's text without its Markdown.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		if s, ok := c.(*ast.String); ok && entering {
			b.Write(s.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
