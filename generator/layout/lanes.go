package layout

import (
	"strings"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/text"
)

// placeLanes stands the actors in lanes across the plan's content width,
// the outer heads at its edges and the lifelines evenly spaced between:
// every head as wide as the widest name needs, as far as the lanes allow.
// When a word of a name does not fit, or a name would take more than
// MaxLaneNameLines lines, the heads stand in two staggered
// rows, the even actors' above the odd ones', each nearly as wide as two
// lanes: the lifelines of the upper row pass down between the heads of the
// lower one.
func placeLanes(d *Diagram, s *content.Scene) {
	n, inner := len(s.Actors), d.plan.lanes
	size, icon := d.plan.nameSize(), d.plan.iconSize()
	// The outer heads may reach as far out as the phase frames do: a long
	// word of a name then fits whole more often.
	over := 0
	if hasPhase(s) {
		over = PhasePad
	}
	room := inner + 2*over
	// The widest head that leaves LaneGap between neighbours in a row.
	maxHead := (room - (n-1)*LaneGap) / n
	stagger := false
	for _, a := range s.Actors {
		// A word that does not fit, or a name in a column of words.
		if n > 2 && (widestWord(a.Name, size) > maxHead-2*LanePadX || len(text.Wrap(a.Name, float64(size), text.Bold, float64(maxHead-2*LanePadX))) > MaxLaneNameLines) {
			stagger = true
		}
	}
	if stagger {
		maxHead = (2*room - (n-1)*LaneGap) / (n + 1)
	}
	names := make([]Text, n)
	headW, headH := MinLaneHeadW, 0
	for i, a := range s.Actors {
		names[i] = wrap(a.Name, size, text.Bold, maxHead-2*LanePadX, d.RTL)
		names[i].Anchor = Middle
		headW = max(headW, names[i].Width+2*LanePadX)
		h := 2*HeadPadY + nameHeight(size, names[i].Lines)
		if a.Kind != "" {
			h += icon + IconGap
		}
		headH = max(headH, h)
	}
	headW = min(headW, max(maxHead, MinLaneHeadW))
	// The outer lifelines stand in from the edges by half a head, or on the
	// right by the loop of a message the last actor sends itself.
	left, right := headW/2-over, headW-headW/2-over
	for _, st := range s.Steps {
		if st.Kind == content.Message && st.From == n-1 && st.To == n-1 {
			right = max(right, SelfLoopW+CrossSize)
		}
	}
	d.Actors = make([]Actor, n)
	for i, a := range s.Actors {
		x := inner / 2
		if n > 1 {
			x = left + i*(inner-left-right)/(n-1)
		}
		y := 0
		if stagger && i%2 == 1 {
			y = headH + LaneRowGap
		}
		act := Actor{ID: a.ID, Kind: a.Kind, X: x, Head: Rect{X: x - headW/2, Y: y, W: headW, H: headH}, Name: names[i], LifelineTop: y + headH}
		nameTop := y + HeadPadY
		if a.Kind != "" {
			act.Icon = Rect{X: x - icon/2, Y: nameTop, W: icon, H: icon}
			nameTop += icon + IconGap
		}
		free := y + headH - HeadPadY - nameTop - nameHeight(size, act.Name.Lines)
		act.Name.X, act.Name.Y = x, nameTop+free/2+ascent(size)
		d.Actors[i] = act
	}
	d.Width = inner
}

// nameHeight is the height of an actor's name of these lines at size.
func nameHeight(size int, lines []string) int {
	return ascent(size) + (len(lines)-1)*pitch(size) + descent(size, lines)
}

// hasPhase reports whether any of s's steps opens a phase, whose frame
// reaches PhasePad beyond the lanes.
func hasPhase(s *content.Scene) bool {
	for _, st := range s.Steps {
		if st.Phase != "" {
			return true
		}
	}
	return false
}

// widestWord is the width of a name's widest word, bold at size.
func widestWord(name string, size int) int {
	w := 0
	for _, word := range strings.Fields(text.StripControls(name)) {
		w = max(w, measure(word, size, text.Bold))
	}
	return w
}

// clampX keeps a block w wide starting at x inside a lanes diagram's width;
// the classic layout makes room for its blocks instead, and keeps x.
func (d *Diagram) clampX(x, w int) int {
	if d.plan.lanes == 0 {
		return x
	}
	return max(0, min(x, d.Width-w))
}

// laneLift is the extra room between a label and its line in lanes: a
// label there may reach past the ends of its line, over the arrowheads and
// crosses below it, which the classic layout keeps beside it instead.
func (d *Diagram) laneLift() int {
	if d.plan.lanes == 0 {
		return 0
	}
	return LaneLabelLift
}
