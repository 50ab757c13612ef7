package svg

import (
	"bytes"
	"fmt"

	svgo "github.com/ajstarks/svgo"
	"github.com/lessongen/lessongen/generator/layout"
)

// Heads draws the band of actor heads that a step page pins at the top of
// the diagram's box while the reader scrolls back through earlier steps:
// the top of the diagram, as the view of step draws it, on the surface's
// colour so that rows scrolled under it are hidden. It borrows the icons
// the page's diagram defines, carries no ids, and is hidden from screen
// readers, which read the diagram itself. Its class "hds" lets the
// stylesheet pin it; the path "more" is the cue, shown by the stylesheet
// while there are rows above the box's top.
func (sc *Scene) Heads(step int) []byte {
	d := sc.d
	w, h := d.Width, d.HeadsHeight()
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="%s hds" viewBox="0 0 %d %d" width="%d" height="%d" aria-hidden="true">`+"\n",
		rootClass(d), w, h, w, h)
	c := svgo.New(&b)
	c.Rect(0, 0, w, h, class("pin"))
	for i := range d.Actors {
		c.Group(actorAttrs(d, step, i, false)...)
		writeActorHead(c, d, &d.Actors[i])
		c.Gend()
	}
	// An upward chevron in the margin at the start of the line, beside the
	// first head.
	x, y := layout.Margin/2, h/2
	if d.RTL {
		x = w - layout.Margin/2
	}
	c.Path(fmt.Sprintf("M%d %dl5 -5l5 5", x-5, y+2), class("more"), `fill="none" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" visibility="hidden"`)
	c.End()
	return b.Bytes()
}
