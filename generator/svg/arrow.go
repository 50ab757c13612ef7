package svg

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	svgo "github.com/ajstarks/svgo"
	"github.com/lessongen/lessongen/generator/layout"
)

// writeArrow draws a message's line and its ends: an arrowhead whose tip
// touches each receiver's lifeline, or the cross of a lost message. A
// secure message's line is doubled, a tunnel, so it stands out in any
// colour. A message in flight slopes, and its arrowheads with it.
//
// Each end of the current message is grouped with an invisible line from
// the sender, so the stylesheet can move it by its own size (100% of its
// fill box) from the sender to its receiver, without inline style.
func writeArrow(c *svgo.SVG, s *layout.Step, current bool) {
	heads := s.Arrowheads()
	end := s.End()
	var b strings.Builder
	for j, p := range s.Path {
		x, y := float64(p.X), float64(p.Y)
		if j == len(s.Path)-1 && len(heads) > 0 {
			// Stop where the last head begins, so the line never pokes
			// through its tip.
			h := heads[len(heads)-1]
			x, y = (h[1][0]+h[2][0])/2, (h[1][1]+h[2][1])/2
		}
		cmd := "L"
		if j == 0 {
			cmd = "M"
		}
		b.WriteString(cmd + num(x) + " " + num(y))
	}
	c.Path(b.String(), class("l"))
	if s.Secure {
		c.Path(b.String(), class("l2"))
	}
	start := s.Path[0]
	// tip groups what reaches p with an invisible line from the sender,
	// for the stylesheet to move it along; level, even for a message to
	// oneself, which comes back lower, unless the message is in flight.
	tip := func(p layout.Point) {
		y0 := p.Y
		if s.Sloped() {
			y0 = start.Y
		}
		c.Group(class("tip"))
		c.Line(start.X, y0, p.X, p.Y, class("sp"))
	}
	for i, h := range heads[:max(0, len(heads)-1)] {
		// A broadcast's nearer arrowheads ride along the line too, each as
		// far along it as its receiver, and all arrive together.
		if current {
			tip(s.Arrivals[i])
		}
		writeArrowhead(c, h, class("ah dv"))
		if current {
			c.Gend()
		}
	}
	if current && end.X != start.X {
		tip(end)
		defer c.Gend()
	}
	if s.Lost {
		k := layout.CrossSize
		c.Path(fmt.Sprintf("M%d %dl%d %dM%d %dl%d %d", end.X-k, end.Y-k, 2*k, 2*k, end.X-k, end.Y+k, 2*k, -2*k), class("x"))
		return
	}
	writeArrowhead(c, heads[len(heads)-1], class("ah"))
}

// writeArrowhead draws an arrowhead: a polygon when its corners are whole
// units, as on a level line, or else a path, whose numbers may have a
// decimal.
func writeArrowhead(c *svgo.SVG, t layout.Triangle, attrs ...string) {
	xs, ys := make([]int, 3), make([]int, 3)
	whole := true
	for i, p := range t {
		xs[i], ys[i] = int(p[0]), int(p[1])
		whole = whole && float64(xs[i]) == p[0] && float64(ys[i]) == p[1]
	}
	if whole {
		c.Polygon(xs, ys, attrs...)
		return
	}
	c.Path("M"+num(t[0][0])+" "+num(t[0][1])+"L"+num(t[1][0])+" "+num(t[1][1])+"L"+num(t[2][0])+" "+num(t[2][1])+"Z", attrs...)
}

// num formats a coordinate with at most one decimal, and none for a whole
// number.
func num(f float64) string {
	f = math.Round(f*10) / 10
	if f == 0 {
		f = 0 // no "-0"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}
