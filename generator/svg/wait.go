package svg

import (
	"strings"

	svgo "github.com/ajstarks/svgo"
	"github.com/lessongen/lessongen/generator/layout"
)

// zigzag is the half width and the half period of a lifeline's zig-zag
// across a wait.
const zigzag = 4

// writeWait draws the break of a wait: across it every lifeline zig-zags,
// the usual mark of time left out, and a box over the actors holds the
// text (writeActors leaves the gap in the dashed lifelines).
func writeWait(c *svgo.SVG, d *layout.Diagram, w *layout.Wait) {
	c.Group(class("wt"))
	var b strings.Builder
	for _, a := range d.Actors {
		b.WriteString("M" + num(float64(a.X)) + " " + num(float64(w.Top)))
		side := 1
		for y := w.Top + zigzag; y < w.Bottom-zigzag; y += 2 * zigzag {
			b.WriteString("L" + num(float64(a.X+side*zigzag)) + " " + num(float64(y)))
			side = -side
		}
		b.WriteString("L" + num(float64(a.X)) + " " + num(float64(w.Bottom)))
	}
	c.Path(b.String(), class("zz"))
	r := w.Box
	round := min(r.H/2, layout.WaitRound)
	c.Roundrect(r.X, r.Y, r.W, r.H, round, round, class("wb"))
	writeText(c, w.Label, "wl")
	c.Gend()
}
