package layout

import (
	"strconv"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/text"
)

// placeRows stacks the steps downwards, one row each, leaving room above
// the first step of each phase for the phase's title tab.
func placeRows(d *Diagram, s *content.Scene, labels []label) {
	y := d.Actors[0].LifelineTop + HeadToFirstRow
	d.Steps = make([]Step, len(s.Steps))
	for i, st := range s.Steps {
		if i > 0 && st.Phase != s.Steps[i-1].Phase && s.Steps[i-1].Phase != "" {
			y += PhasePad // leave room below the frame that just closed
		}
		if st.Phase != "" && (i == 0 || s.Steps[i-1].Phase != st.Phase) {
			y += phaseHeader()
		}
		out := &d.Steps[i]
		*out = Step{Kind: st.Kind, From: st.From, To: st.To, Top: y, Reply: st.Reply, Secure: st.Secure, Lost: st.Lost}
		switch {
		case st.Kind == content.Note:
			placeNote(d, out, labels[i], i+1)
		case st.From == st.To:
			placeSelf(d, out, labels[i], i+1)
		default:
			placeMessage(d, out, labels[i], i+1)
		}
		out.Bottom = max(out.Bottom, out.Top+MinRowHeight)
		y = out.Bottom + RowGap
	}
	d.Height = y - RowGap
}

// placeBadge puts step n's number badge at x, centred on y.
func placeBadge(out *Step, l label, n, x, y int) {
	h := 2 * NumberRadius
	out.Badge = Rect{X: x, Y: y - h/2, W: l.badge, H: h}
	w := ceil(text.Width(strconv.Itoa(n), NumberSize, text.Bold))
	// Digits sit on the baseline and reach up 0.714 em: centre that.
	out.Number = Text{X: x + l.badge/2, Y: y + ceil(NumberSize*0.714)/2, Anchor: Middle, Lines: []string{strconv.Itoa(n)}, Width: w}
}

// placeLabel sets a label block, left to right: number badge, padlock for
// a secure message, text; x is its left end and y the first baseline.
func placeLabel(out *Step, l label, n, x, y int) {
	placeBadge(out, l, n, x, y-ceil(LabelSize*0.36))
	tx := x + l.badge + NumberGap
	if out.Secure {
		out.Lock = Rect{X: tx, Y: y - LabelSize + 1, W: LockWidth, H: LabelSize - 1}
		tx += LockWidth + LockGap
	}
	out.Label = l.text
	out.Label.X, out.Label.Y, out.Label.Anchor = tx, y, Left
}

// arrowY is where a message's line runs below its label, which starts at
// the row's top.
func arrowY(top int, l label) int {
	return top + ascent(LabelSize) + (len(l.text.Lines)-1)*l.text.Pitch + LabelGap + LabelToLine
}

func placeMessage(d *Diagram, out *Step, l label, n int) {
	x1, x2 := d.Actors[out.From].X, d.Actors[out.To].X
	lineY := arrowY(out.Top, l)
	end := Point{X: x2, Y: lineY}
	if out.Lost {
		end.X = (x1 + x2) / 2
	}
	// The label is centred over the line as drawn, so a lost message's
	// cross comes after its label, never under it.
	placeLabel(out, l, n, (x1+end.X)/2-l.block/2, out.Top+ascent(LabelSize))
	out.Path = []Point{{X: x1, Y: lineY}, end}
	out.Bottom = lineY + max(ArrowHalf, CrossSize)
}

// placeSelf draws a message to oneself as a loop out to the right of the
// lifeline and back, with its label above the loop.
func placeSelf(d *Diagram, out *Step, l label, n int) {
	x := d.Actors[out.From].X
	lineY := arrowY(out.Top, l)
	placeLabel(out, l, n, x+SelfLabelInset, out.Top+ascent(LabelSize))
	out.Path = []Point{{x, lineY}, {x + SelfLoopW, lineY}, {x + SelfLoopW, lineY + SelfLoopH}, {x, lineY + SelfLoopH}}
	if out.Lost {
		// Lost on the way back: the cross half way along the return.
		out.Path[3].X = x + SelfLoopW/2
	}
	out.Bottom = lineY + SelfLoopH + max(ArrowHalf, CrossSize)
}

// placeNote draws a note as a box over its actor's lifeline, or across two
// actors' lifelines, with the number badge before it.
func placeNote(d *Diagram, out *Step, l label, n int) {
	w := noteWidth(l)
	x1, x2 := d.Actors[out.From].X, d.Actors[out.To].X
	if out.From != out.To {
		w = max(w, x2-x1+2*NoteOverhang)
	}
	h := ascent(NoteSize) + (len(l.text.Lines)-1)*l.text.Pitch + descent(NoteSize, l.text.Lines) + 2*NotePadY
	// Centre a one-line note in a steady row.
	top := out.Top + max(0, MinRowHeight-h)/2
	box := Rect{X: (x1+x2)/2 - w/2, Y: top, W: w, H: h}
	out.Note = box
	placeBadge(out, l, n, box.X-NumberGap-l.badge, box.Y+h/2)
	out.Label = l.text
	out.Label.X, out.Label.Y, out.Label.Anchor = box.X+w/2, box.Y+NotePadY+ascent(NoteSize), Middle
	out.Bottom = box.Y + h
}
