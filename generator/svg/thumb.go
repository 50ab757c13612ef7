package svg

import (
	"fmt"
	"io"
	"strings"

	svgo "github.com/ajstarks/svgo"
	"github.com/lessongen/lessongen/generator/layout"
)

// ThumbWidth and ThumbHeight are the size of a scene's thumbnail, in CSS
// pixels: the picture on its index card.
const ThumbWidth, ThumbHeight = 320, 180

// Thumb draws the thumbnail of a diagram: its top, cut to the thumbnail's
// proportions, with the actors, lifelines, arrows, notes and phase frames of
// every step but no text nor step numbers. It is decorative (the card names the lesson), and
// text would be too small to read at that size. css is the theme's diagram
// stylesheet, so the thumbnail has the colours of the diagrams, light and
// dark.
func Thumb(w io.Writer, d *layout.Diagram, css string) error {
	ew := &errWriter{w: w}
	bare := withoutText(d)
	h := min(bare.Height, bare.Width*ThumbHeight/ThumbWidth)
	io.WriteString(ew, xmlDecl)
	// Top and centre of the diagram in the picture; a short diagram keeps
	// its size rather than being stretched.
	fmt.Fprintf(ew, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="lgd lgt" viewBox="0 0 %d %d" width="%d" height="%d" preserveAspectRatio="xMidYMin meet" aria-hidden="true">`+"\n",
		bare.Width, h, ThumbWidth, ThumbHeight)
	var b strings.Builder
	svgo.New(&b).Style("text/css", css)
	io.WriteString(ew, b.String())
	writeBody(ew, bare, -1, nil)
	return ew.err
}

// withoutText is a copy of d whose texts have no lines, so that nothing
// writes them.
func withoutText(d *layout.Diagram) *layout.Diagram {
	out := *d
	out.Actors = append([]layout.Actor(nil), d.Actors...)
	for i := range out.Actors {
		out.Actors[i].Name.Lines = nil
	}
	out.Steps = append([]layout.Step(nil), d.Steps...)
	for i := range out.Steps {
		out.Steps[i].Label.Lines = nil
		out.Steps[i].Number.Lines = nil
		out.Steps[i].Badge = layout.Rect{} // a dot without its number
	}
	out.Phases = append([]layout.Phase(nil), d.Phases...)
	for i := range out.Phases {
		out.Phases[i].Title.Lines = nil
	}
	return &out
}
