package layout

import (
	"strconv"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/text"
)

// placeRows stacks the steps downwards, one row each, then routes the
// messages in flight to the rows they arrive in. Where the arrowhead or
// cross of a message in flight would land on a later row's text, makeRoom
// asks for room and the rows are stacked again: a few passes settle it.
func placeRows(d *Diagram, s *content.Scene, labels []label) {
	n := len(s.Steps)
	space := make([]int, n) // extra room above row i
	lift := make([]int, n)  // extra room between row i's label and its line
	for pass := 0; ; pass++ {
		at := stackRows(d, s, labels, space, lift)
		route(d, s, at)
		if pass == maxPasses || !makeRoom(d, s, space, lift) {
			return
		}
	}
}

// stackRows places each step's row below the last, leaving room above a
// step with a wait for its break and above the first step of each phase
// for the phase's title tab. It returns each row's moment: where a message
// arriving in the row ends, the row's own line for a message and just
// above the box for a note.
func stackRows(d *Diagram, s *content.Scene, labels []label, space, lift []int) []int {
	y := d.headsBottom() + HeadToFirstRow
	d.Steps = make([]Step, len(s.Steps))
	at := make([]int, len(s.Steps))
	for i := range s.Steps {
		st := &s.Steps[i]
		if i > 0 && st.Phase != s.Steps[i-1].Phase && s.Steps[i-1].Phase != "" {
			y += PhasePad // leave room below the frame that just closed
		}
		y += space[i]
		out := &d.Steps[i]
		*out = Step{Kind: st.Kind, From: st.From, To: st.To, Reply: st.Reply, Secure: st.Secure, Lost: st.Lost, Transit: st.Transit}
		out.Actors = st.Over
		if st.Kind == content.Message {
			out.Actors = append([]int{st.From}, st.Receivers...)
		}
		if st.Wait != "" {
			y = placeWait(d, out, labels[i].wait, y)
		}
		if st.Phase != "" && (i == 0 || s.Steps[i-1].Phase != st.Phase) {
			y += phaseHeader()
		}
		out.Top = y
		switch {
		case st.Kind == content.Note:
			placeNote(d, out, labels[i], i+1)
			at[i] = out.Note.Y - ArrowHalf
		case st.From == st.To:
			placeSelf(d, out, labels[i], i+1, lift[i])
			at[i] = out.Path[0].Y
		default:
			placeMessage(d, out, st, labels[i], i+1, lift[i])
			at[i] = out.Path[0].Y
		}
		out.Bottom = max(out.Bottom, out.Top+MinRowHeight)
		out.Reach = out.Bottom
		y = out.Bottom + RowGap
	}
	d.Height = y - RowGap
	return at
}

// placeWait draws the break before a step from y down, its text in a box
// centred over the actors, and returns where the step's row may begin.
func placeWait(d *Diagram, out *Step, t Text, y int) int {
	h := ascent(NoteSize) + (len(t.Lines)-1)*t.Pitch + descent(NoteSize, t.Lines) + 2*WaitPadY
	w := t.Width + 2*WaitPadX
	mid := (d.Actors[0].X + d.Actors[len(d.Actors)-1].X) / 2
	box := Rect{X: mid - w/2, Y: y + WaitGap, W: w, H: h}
	t.X, t.Y = mid, box.Y+WaitPadY+ascent(NoteSize)
	out.Wait = Wait{Top: y, Bottom: box.Y + h + WaitGap, Box: box, Label: t}
	return out.Wait.Bottom + RowGap/2
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

// placeMessage sets a message's label and starts its line, level, below
// it; lift is extra room between the two. route finishes the line.
func placeMessage(d *Diagram, out *Step, st *content.Step, l label, n, lift int) {
	x1, x2 := d.Actors[out.From].X, d.Actors[out.To].X
	// A broadcast's label goes over the way to its nearest receiver, clear
	// of the arrowheads further on.
	near := d.Actors[st.Receivers[0]].X
	lineY := arrowY(out.Top, l) + lift + d.laneLift()
	out.Path = []Point{{X: x1, Y: lineY}, {X: x2, Y: lineY}}
	var left int
	switch {
	case out.Transit > 0:
		// In flight, the line slopes away below the label: anchored at the
		// sender, in its own row, the label keeps clear of the labels of
		// the other messages in flight, which are in theirs.
		left = x1 + LabelPadX
		if near < x1 {
			left = x1 - LabelPadX - l.block
		}
	case out.Lost:
		// Centred over the half of the way it goes, so that the cross
		// comes after the label, never under it.
		left = (x1+(x1+near)/2)/2 - l.block/2
	default:
		left = (x1+near)/2 - l.block/2
	}
	placeLabel(out, l, n, d.clampX(left, l.block), out.Top+ascent(LabelSize))
	out.Bottom = lineY + max(ArrowHalf, CrossSize)
}

// placeSelf draws a message to oneself as a loop out to the right of the
// lifeline and back, with its label above the loop.
func placeSelf(d *Diagram, out *Step, l label, n, lift int) {
	x := d.Actors[out.From].X
	lineY := arrowY(out.Top, l) + lift + d.laneLift()
	placeLabel(out, l, n, d.clampX(x+SelfLabelInset, l.block), out.Top+ascent(LabelSize))
	out.Path = []Point{{x, lineY}, {x + SelfLoopW, lineY}, {x + SelfLoopW, lineY + SelfLoopH}, {x, lineY + SelfLoopH}}
	if out.Lost {
		// Lost on the way back: the cross half way along the return.
		out.Path[3].X = x + SelfLoopW/2
	} else {
		out.Arrivals = []Point{out.Path[3]}
	}
	out.Bottom = lineY + SelfLoopH + max(ArrowHalf, CrossSize)
}

// placeNote draws a note as a box over its actor's lifeline, or across
// several actors' lifelines, with the number badge before it.
func placeNote(d *Diagram, out *Step, l label, n int) {
	w := noteWidth(l)
	x1, x2 := d.Actors[out.From].X, d.Actors[out.To].X
	if out.From != out.To {
		w = max(w, x2-x1+2*NoteOverhang)
	}
	if d.plan.lanes > 0 {
		w = min(w, d.Width-NumberGap-l.badge) // the badge hangs before the box
	}
	h := ascent(NoteSize) + (len(l.text.Lines)-1)*l.text.Pitch + descent(NoteSize, l.text.Lines) + 2*NotePadY
	// Centre a one-line note in a steady row.
	top := out.Top + max(0, MinRowHeight-h)/2
	box := Rect{X: (x1+x2)/2 - w/2, Y: top, W: w, H: h}
	if d.plan.lanes > 0 {
		box.X = max(NumberGap+l.badge, min(box.X, d.Width-w))
	}
	out.Note = box
	placeBadge(out, l, n, box.X-NumberGap-l.badge, box.Y+h/2)
	out.Label = l.text
	out.Label.X, out.Label.Y, out.Label.Anchor = box.X+w/2, box.Y+NotePadY+ascent(NoteSize), Middle
	out.Bottom = box.Y + h
}
