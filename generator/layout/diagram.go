// Package layout places a scene's actors, messages, notes and phases on a
// plane: it turns a content.Scene into a Diagram of plain coordinates.
//
// The layout of a scene is computed once, for the whole scene; every step
// page draws the same Diagram up to its step, so an element sits at the same
// place on every page and moving between steps only adds and highlights.
// Layout knows nothing of SVG: it measures text with package text and hands
// the writer numbers.
package layout

import (
	"math"

	"github.com/lessongen/lessongen/generator/content"
)

// Diagram is a laid-out scene. All coordinates are whole SVG user units.
type Diagram struct {
	Width, Height int
	// RTL diagrams are mirrored: the first actor is on the right.
	RTL bool
	// Narrow diagrams are laid out for phones (see Narrow): their actors'
	// names and icons are smaller.
	Narrow bool
	Actors []Actor
	Steps  []Step
	Phases []Phase
	plan   plan
}

// headsBottom is where the lowest actor head ends.
func (d *Diagram) headsBottom() int {
	b := 0
	for _, a := range d.Actors {
		b = max(b, a.Head.Y+a.Head.H)
	}
	return b
}

// Point is a place on the diagram.
type Point struct{ X, Y int }

// Rect is a box; X and Y are its top-left corner.
type Rect struct{ X, Y, W, H int }

// Anchor is the side of a Text that its X gives, as seen on the page.
type Anchor int

// The anchors of a Text.
const (
	Left Anchor = iota
	Middle
	Right
)

// Text is one or more lines of text. Y is the first line's baseline; each
// further line is Pitch lower.
type Text struct {
	X, Y   int
	Pitch  int
	Anchor Anchor
	// RTL is the text's base direction: true when it reads right to left.
	// Runs in the other direction are wrapped in Unicode isolates, so each
	// line displays right in a renderer that runs the bidi algorithm.
	RTL   bool
	Lines []string
	// Width is the widest line's measured width.
	Width int
}

// Box is the text's extent: Width wide, from the first line's ascenders to
// the last line's descenders.
func (t *Text) Box(size int) Rect {
	x := t.X
	switch t.Anchor {
	case Middle:
		x -= t.Width / 2
	case Right:
		x -= t.Width
	}
	top := t.Y - ascent(size)
	return Rect{X: x, Y: top, W: t.Width, H: t.Y + (len(t.Lines)-1)*t.Pitch + descent(size, t.Lines) - top}
}

// Actor is a participant's head box and lifeline.
type Actor struct {
	ID   string
	Kind string
	// X is the lifeline's position.
	X    int
	Head Rect
	// Icon is where the kind's icon goes; zero when the actor has no kind.
	Icon Rect
	Name Text
	// LifelineTop is where the lifeline leaves the head box.
	LifelineTop int
}

// Step is the geometry of one step: a message's arrow and label, or a note.
type Step struct {
	Kind     content.StepKind
	From, To int
	// Actors are those the step involves: a message's sender and receivers,
	// the actors a note names.
	Actors []int
	// Top and Bottom bound the step's row.
	Top, Bottom int
	// Reach is the lowest point the step's drawing reaches: Bottom, or
	// further down for a message in flight.
	Reach int
	// Path is a message's line, from the sender to where it ends: the
	// receiver's lifeline (the farthest receiver's, for a broadcast) or,
	// for a lost message, half way (to the nearest receiver). A message in
	// flight slopes down to the row it arrives in.
	Path []Point
	// Arrivals are the tips of a message's arrowheads: one on each
	// receiver's lifeline, where the line meets it, the nearest first.
	// None for a lost message.
	Arrivals []Point
	// Badge is the step number's circle (or pill, when the number is long);
	// Number is the number, centred in it.
	Badge  Rect
	Number Text
	// Lock is where a secure message's padlock goes.
	Lock  Rect
	Label Text
	// Plate is a box of the surface's colour behind a message's label and
	// padlock, where a message in flight crosses them; zero when none does.
	Plate Rect
	// Note is a note's box.
	Note                Rect
	Reply, Secure, Lost bool
	// Transit is the rows a message takes to arrive; 0 when it arrives in
	// its own row.
	Transit int
	// Wait is the break in the lifelines drawn above the step's row, for
	// the time that passes before it; see Wait.Shown.
	Wait Wait
}

// Wait is the break in the lifelines before a step: between Top and
// Bottom the lifelines zig-zag, and the text says how long, in a box
// centred over the actors.
type Wait struct {
	Top, Bottom int
	Box         Rect
	Label       Text
}

// Shown reports whether there is a wait.
func (w *Wait) Shown() bool { return len(w.Label.Lines) > 0 }

// End is where a message's line ends: the tip of its arrowhead, or the
// centre of a lost message's cross.
func (s *Step) End() Point { return s.Path[len(s.Path)-1] }

// Sloped reports whether a message's line slopes down: it is in flight.
func (s *Step) Sloped() bool { return s.Transit > 0 }

// Arrowheads are the triangles at the message's arrivals: each has its tip
// on the receiver's lifeline and its base ArrowHead back along the line,
// 2×ArrowHalf wide. Corners are exact, not rounded to whole units.
func (s *Step) Arrowheads() []Triangle {
	if len(s.Arrivals) == 0 {
		return nil
	}
	// The direction of the line's last segment: a message to oneself
	// comes back along its last one.
	a, b := s.Path[len(s.Path)-2], s.End()
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	l := math.Hypot(dx, dy)
	ux, uy := dx/l, dy/l
	out := make([]Triangle, len(s.Arrivals))
	for i, t := range s.Arrivals {
		tx, ty := float64(t.X), float64(t.Y)
		bx, by := tx-ArrowHead*ux, ty-ArrowHead*uy
		px, py := -uy*ArrowHalf, ux*ArrowHalf
		c1, c2 := [2]float64{bx + px, by + py}, [2]float64{bx - px, by - py}
		if c2[1] < c1[1] || (c2[1] == c1[1] && c2[0] < c1[0]) {
			c1, c2 = c2, c1 // the upper corner first, whichever way the line goes
		}
		out[i] = Triangle{{tx, ty}, c1, c2}
	}
	return out
}

// Triangle is three corners, in user units.
type Triangle [3][2]float64

// Bounds is the smallest whole-unit box around the triangle.
func (t Triangle) Bounds() Rect {
	x0, y0, x1, y1 := t[0][0], t[0][1], t[0][0], t[0][1]
	for _, p := range t[1:] {
		x0, y0, x1, y1 = min(x0, p[0]), min(y0, p[1]), max(x1, p[0]), max(y1, p[1])
	}
	x, y := int(math.Floor(x0)), int(math.Floor(y0))
	return Rect{X: x, Y: y, W: int(math.Ceil(x1)) - x, H: int(math.Ceil(y1)) - y}
}

// Phase is a frame around consecutive steps of the same phase.
type Phase struct {
	// First and Last index Diagram.Steps.
	First, Last int
	Box         Rect
	Tab         Rect
	Title       Text
}
