// Package layout places a scene's actors, messages, notes and phases on a
// plane: it turns a content.Scene into a Diagram of plain coordinates.
//
// The layout of a scene is computed once, for the whole scene; every step
// page draws the same Diagram up to its step, so an element sits at the same
// place on every page and moving between steps only adds and highlights.
// Layout knows nothing of SVG: it measures text with package text and hands
// the writer numbers.
package layout

import "github.com/lessongen/lessongen/generator/content"

// Diagram is a laid-out scene. All coordinates are whole SVG user units.
type Diagram struct {
	Width, Height int
	// RTL diagrams are mirrored: the first actor is on the right.
	RTL    bool
	Actors []Actor
	Steps  []Step
	Phases []Phase
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
	// Top and Bottom bound the step's row.
	Top, Bottom int
	// Path is a message's line, from the sender to where it ends: the
	// receiver's lifeline or, for a lost message, half way.
	Path []Point
	// Badge is the step number's circle (or pill, when the number is long);
	// Number is the number, centred in it.
	Badge  Rect
	Number Text
	// Lock is where a secure message's padlock goes.
	Lock  Rect
	Label Text
	// Note is a note's box.
	Note                Rect
	Reply, Secure, Lost bool
}

// End is where a message's line ends: the tip of its arrowhead, or the
// centre of a lost message's cross.
func (s *Step) End() Point { return s.Path[len(s.Path)-1] }

// Phase is a frame around consecutive steps of the same phase.
type Phase struct {
	// First and Last index Diagram.Steps.
	First, Last int
	Box         Rect
	Tab         Rect
	Title       Text
}
