package pages

import (
	"errors"
	"fmt"
	"html/template"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/markdown"
)

// ContentError is a problem of the content that only rendering finds, at
// the place in the content it comes from.
type ContentError struct {
	Pos     diag.Pos
	Message string
}

func (e *ContentError) Error() string { return e.Pos.String() + ": " + e.Message }

// budget counts the bytes of a scene's pages against the most they may
// take, so that Scene stops as soon as it knows they would take more: every
// step page lists every step, and a scene's pages grow with the square of
// its steps.
type budget struct {
	g     *Generator
	s     *content.Scene
	limit int64 // 0: none
	used  int64
}

func (g *Generator) budget(s *content.Scene) *budget {
	b := &budget{g: g, s: s}
	if g.Budget != nil {
		b.limit = g.Budget(s)
	}
	return b
}

// spend counts n more bytes, and more that will surely follow; it fails
// once the scene would be over its limit.
func (b *budget) spend(n, ahead int64) error {
	b.used += n
	if b.limit <= 0 || b.used+ahead <= b.limit {
		return nil
	}
	msg := fmt.Sprintf("the pages of this scene in %s would be over %s", b.g.Lang.Tag, mb(b.limit))
	if b.limit < content.MaxPageBytes {
		msg += fmt.Sprintf(", %d bytes for each byte of the scene file and its translation", content.MaxBytesPerByte)
	} else {
		msg += ", the most one scene may make"
	}
	return &ContentError{Pos: diag.Pos{Path: b.s.Path}, Message: msg + "; split it into shorter scenes, since every step page lists all the steps"}
}

// narration renders a step's text, reporting a text that renders to too
// much HTML at the step.
func (b *budget) narration(st *content.Step, render func() (template.HTML, error)) (template.HTML, error) {
	h, err := render()
	if errors.Is(err, markdown.ErrTooLarge) {
		return "", &ContentError{Pos: st.Pos, Message: fmt.Sprintf("the narration of this step in %s renders to more than %s of HTML; shorten it, or write fewer links to long addresses", b.g.Lang.Tag, mb(markdown.MaxHTML))}
	}
	return h, err
}

func mb(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// logBytes is the size of the step log on a page: at least that of every
// entry in its smallest state.
func (log stepLog) bytes() int64 {
	var n int64
	for _, e := range log {
		n += int64(min(len(e[0]), len(e[1]), len(e[2])))
	}
	return n
}
