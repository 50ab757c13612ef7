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

// Anchor is how a Text is aligned on its X: at its start (left in
// left-to-right text, right in right-to-left text), middle or end.
type Anchor string

// The text anchors, as SVG spells them.
const (
	Start  Anchor = "start"
	Middle Anchor = "middle"
)

// Text is one or more lines of text. Y is the first line's baseline; each
// further line is Pitch lower.
type Text struct {
	X, Y   int
	Pitch  int
	Anchor Anchor
	Lines  []string
	// Width is the widest line's measured width.
	Width int
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
	// Number is the centre of the step number's circle.
	Number Point
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

// BottomAt is where the diagram ends when it is drawn up to step n: just
// below that step's row.
func (d *Diagram) BottomAt(n int) int {
	bottom := d.Steps[n].Bottom + RowGap
	for _, p := range d.Phases {
		if p.First <= n && n <= p.Last {
			bottom = max(bottom, p.BoxBottomAt(d, n)+RowGap)
		}
	}
	return bottom + Margin - RowGap
}

// BoxBottomAt is the bottom of the phase frame when the diagram is drawn up to
// step n: the frame grows with its steps and is whole once its last step is.
func (p *Phase) BoxBottomAt(d *Diagram, n int) int {
	if n >= p.Last {
		return p.Box.Y + p.Box.H
	}
	return d.Steps[n].Bottom + PhasePad
}
