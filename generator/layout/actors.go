package layout

import (
	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/text"
)

// placeActors sizes the actor heads and spaces the lifelines so that every
// head, label and note fits between its neighbours. Each requirement is a
// minimum distance between two lifelines; taking the actors left to right and
// placing each as far left as all its requirements allow gives the narrowest
// diagram.
func placeActors(d *Diagram, s *content.Scene, labels []label) {
	n := len(s.Actors)
	d.Actors = make([]Actor, n)
	headH := 0
	for i, a := range s.Actors {
		name := wrap(a.Name, NameSize, text.Bold, MaxNameWidth, d.RTL)
		name.Anchor = Middle
		h := 2*HeadPadY + ascent(NameSize) + (len(name.Lines)-1)*name.Pitch + descent(NameSize, name.Lines)
		if a.Kind != "" {
			h += IconSize + IconGap
		}
		headH = max(headH, h)
		d.Actors[i] = Actor{ID: a.ID, Kind: a.Kind, Head: Rect{W: max(MinActorWidth, name.Width+2*ActorPadX)}, Name: name}
	}

	// need[i][j] is the least distance from lifeline i to lifeline j > i.
	need := make([][]int, n)
	for i := range need {
		need[i] = make([]int, n)
	}
	for i := 0; i+1 < n; i++ {
		// A head reaches W/2 left of its lifeline and the rest right of it.
		need[i][i+1] = d.Actors[i].Head.W - d.Actors[i].Head.W/2 + MinActorGap + d.Actors[i+1].Head.W/2
	}
	require := func(i, j, dist int) {
		if 0 <= i && i < j && j < n {
			need[i][j] = max(need[i][j], dist)
		}
	}
	// left and right are how far anything reaches beyond the outer lifelines.
	left := d.Actors[0].Head.W / 2
	right := d.Actors[n-1].Head.W - d.Actors[n-1].Head.W/2
	for i, st := range s.Steps {
		l := labels[i]
		switch {
		case st.Kind == content.Note:
			w := noteWidth(l)
			// The badge hangs outside the note, before it.
			reach := w/2 + NumberGap + l.badge
			if st.From == st.To {
				require(st.From-1, st.From, reach+MinActorGap)
				require(st.From, st.From+1, w/2+MinActorGap)
			} else {
				require(st.From, st.To, w-2*NoteOverhang)
			}
			if st.From == 0 {
				left = max(left, reach)
			}
			if st.To == n-1 {
				right = max(right, w/2)
			}
		case st.From == st.To:
			reach := max(SelfLoopW+CrossSize, SelfLabelInset+l.block) + LabelPadX
			require(st.From, st.From+1, reach+MinActorGap/2)
			if st.From == n-1 {
				right = max(right, reach)
			}
		default:
			// The label goes over the way to the nearest receiver (the only
			// one but for a broadcast).
			near := st.Receivers[0]
			lo, hi := min(st.From, near), max(st.From, near)
			switch {
			case st.Lost:
				// Over the half of the way that a lost message goes.
				require(lo, hi, 2*(l.block+2*LabelPadX+CrossSize))
			case st.Transit > 0:
				// From the sender to before the first arrowhead.
				require(lo, hi, l.block+2*LabelPadX+ArrowHead)
			default:
				require(lo, hi, l.block+2*LabelPadX+2*ArrowHead)
			}
		}
	}
	x := 0
	for j := range d.Actors {
		if j == 0 {
			x = left
		} else {
			x = 0
			for i := 0; i < j; i++ {
				if need[i][j] > 0 {
					x = max(x, d.Actors[i].X+need[i][j])
				}
			}
		}
		a := &d.Actors[j]
		a.X = x
		a.Head = Rect{X: x - a.Head.W/2, Y: 0, W: a.Head.W, H: headH}
		nameTop := HeadPadY
		if a.Kind != "" {
			a.Icon = Rect{X: x - IconSize/2, Y: HeadPadY, W: IconSize, H: IconSize}
			nameTop += IconSize + IconGap
		}
		// Centre the name in the room left below the icon.
		nameH := ascent(NameSize) + (len(a.Name.Lines)-1)*a.Name.Pitch + descent(NameSize, a.Name.Lines)
		free := headH - HeadPadY - nameTop - nameH
		a.Name.X, a.Name.Y = x, nameTop+free/2+ascent(NameSize)
		a.LifelineTop = headH
	}
	d.Width = d.Actors[n-1].X + right
}

// noteWidth is the width of a note's box around its text.
func noteWidth(l label) int { return l.text.Width + 2*NotePadX }
