package layout

import (
	"math"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/text"
)

// Scene lays out a scene. It reads as the recipe: measure the labels, place
// the actors, place the rows, frame the phases, then shift everything into
// the margins and mirror it for right-to-left languages.
func Scene(s *content.Scene, rtl bool) *Diagram {
	d := &Diagram{RTL: rtl}
	labels := measureLabels(s)
	placeActors(d, s, labels)
	placeRows(d, s, labels)
	framePhases(d, s)
	fit(d)
	if rtl {
		mirror(d)
	}
	return d
}

// label is a step's text, wrapped and measured before anything is placed.
type label struct {
	lines []string
	width int // widest line
	// block is the width of the whole label: number circle, padlock and text.
	block int
}

func measureLabels(s *content.Scene) []label {
	out := make([]label, len(s.Steps))
	for i, st := range s.Steps {
		size, maxW := float64(LabelSize), float64(MaxLabelWidth)
		if st.Kind == content.Note {
			size, maxW = NoteSize, MaxNoteWidth
		}
		// The current step's label is drawn bold, and the layout is the same on
		// every step, so labels are measured bold: the wider of the two.
		style := text.Bold
		if st.Kind == content.Note {
			style = text.Regular
		}
		l := label{lines: text.Wrap(st.Label, size, style, maxW)}
		for _, line := range l.lines {
			l.width = max(l.width, ceil(text.Width(line, size, style)))
		}
		l.block = 2*NumberRadius + NumberGap + l.width
		if st.Secure {
			l.block += LockWidth + LockGap
		}
		out[i] = l
	}
	return out
}

// pitch is the distance between two baselines of wrapped text at size.
func pitch(size int) int { return ceil(float64(size) * LineHeight) }

func ceil(f float64) int { return int(math.Ceil(f)) }

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
		lines := text.Wrap(a.Name, NameSize, text.Bold, MaxNameWidth)
		w := 0
		for _, l := range lines {
			w = max(w, ceil(text.Width(l, NameSize, text.Bold)))
		}
		h := 2*HeadPadY + len(lines)*pitch(NameSize)
		if a.Kind != "" {
			h += IconSize + IconGap
		}
		headH = max(headH, h)
		d.Actors[i] = Actor{ID: a.ID, Kind: a.Kind, Head: Rect{W: max(MinActorWidth, w+2*ActorPadX)},
			Name: Text{Anchor: Middle, Lines: lines, Width: w, Pitch: pitch(NameSize)}}
	}

	// need[i][j] is the least distance from lifeline i to lifeline j > i.
	need := make([][]int, n)
	for i := range need {
		need[i] = make([]int, n)
	}
	for i := 0; i+1 < n; i++ {
		need[i][i+1] = d.Actors[i].Head.W/2 + MinActorGap + d.Actors[i+1].Head.W/2
	}
	require := func(i, j, dist int) {
		if 0 <= i && i < j && j < n {
			need[i][j] = max(need[i][j], dist)
		}
	}
	// left and right are how far anything reaches beyond the outer lifelines.
	left := d.Actors[0].Head.W / 2
	right := d.Actors[n-1].Head.W / 2
	for i, st := range s.Steps {
		l := labels[i]
		switch {
		case st.Kind == content.Note:
			w := noteWidth(l)
			if st.From == st.To {
				require(st.From-1, st.From, w/2+MinActorGap)
				require(st.From, st.From+1, w/2+MinActorGap)
			} else {
				require(st.From, st.To, w-2*NoteOverhang)
			}
			if st.From == 0 {
				left = max(left, w/2)
			}
			if st.To == n-1 {
				right = max(right, w/2)
			}
		case st.From == st.To:
			reach := max(SelfLoopW, SelfLabelInset+l.block) + LabelPadX
			require(st.From, st.From+1, reach+MinActorGap/2)
			if st.From == n-1 {
				right = max(right, reach)
			}
		default:
			require(min(st.From, st.To), max(st.From, st.To), l.block+2*LabelPadX+ArrowHead)
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
		// Centre the name in the space left below the icon.
		free := headH - HeadPadY - nameTop - len(a.Name.Lines)*pitch(NameSize)
		a.Name.X, a.Name.Y = x, nameTop+free/2+baseline(NameSize)
		a.LifelineTop = headH
	}
	d.Width = d.Actors[n-1].X + right
}

// baseline is how far a line's baseline sits below the top of its line box.
func baseline(size int) int { return ceil(float64(size) * 1.05) }

func noteWidth(l label) int {
	return l.width + 2*NotePadX + 2*(2*NumberRadius+NumberGap)
}

// placeRows stacks the steps downwards, one row each.
func placeRows(d *Diagram, s *content.Scene, labels []label) {
	y := d.Actors[0].LifelineTop + HeadToFirstRow
	d.Steps = make([]Step, len(s.Steps))
	for i, st := range s.Steps {
		if i > 0 && st.Phase != s.Steps[i-1].Phase && s.Steps[i-1].Phase != "" {
			y += PhasePad // leave room below the frame that just closed
		}
		if st.Phase != "" && (i == 0 || s.Steps[i-1].Phase != st.Phase) {
			y += phaseTabHeight() + PhaseTabGap + PhasePad
		}
		out := &d.Steps[i]
		*out = Step{Kind: st.Kind, From: st.From, To: st.To, Top: y, Reply: st.Reply, Secure: st.Secure, Lost: st.Lost}
		switch {
		case st.Kind == content.Note:
			placeNote(d, out, labels[i])
		case st.From == st.To:
			placeSelf(d, out, labels[i])
		default:
			placeMessage(d, out, labels[i])
		}
		y = out.Bottom + RowGap
	}
	d.Height = y - RowGap
}

// placeLabel sets a label block whose number circle starts at x and whose
// first line's baseline is at y.
func placeLabel(out *Step, l label, x, y int) {
	out.Number = Point{X: x + NumberRadius, Y: y - ceil(LabelSize*0.35)}
	tx := x + 2*NumberRadius + NumberGap
	if out.Secure {
		out.Lock = Rect{X: tx, Y: y - LabelSize + 1, W: LockWidth, H: LabelSize - 1}
		tx += LockWidth + LockGap
	}
	out.Label = Text{X: tx, Y: y, Pitch: pitch(LabelSize), Anchor: Start, Lines: l.lines, Width: l.width}
}

func placeMessage(d *Diagram, out *Step, l label) {
	x1, x2 := d.Actors[out.From].X, d.Actors[out.To].X
	first := out.Top + baseline(LabelSize)
	lineY := first + (len(l.lines)-1)*pitch(LabelSize) + LabelGap + 4
	placeLabel(out, l, (x1+x2)/2-l.block/2, first)
	end := Point{X: x2, Y: lineY}
	if out.Lost {
		end.X = (x1 + x2) / 2
	}
	out.Path = []Point{{X: x1, Y: lineY}, end}
	out.Bottom = lineY + max(ArrowHalf, CrossSize)
}

func placeSelf(d *Diagram, out *Step, l label) {
	x := d.Actors[out.From].X
	first := out.Top + baseline(LabelSize)
	lineY := first + (len(l.lines)-1)*pitch(LabelSize) + LabelGap + 4
	placeLabel(out, l, x+SelfLabelInset, first)
	out.Path = []Point{{x, lineY}, {x + SelfLoopW, lineY}, {x + SelfLoopW, lineY + SelfLoopH}, {x, lineY + SelfLoopH}}
	if out.Lost {
		out.Path = out.Path[:3]
	}
	out.Bottom = lineY + SelfLoopH + max(ArrowHalf, CrossSize)
}

func placeNote(d *Diagram, out *Step, l label) {
	w := l.width + 2*NotePadX
	x1, x2 := d.Actors[out.From].X, d.Actors[out.To].X
	if out.From != out.To {
		w = max(w, x2-x1+2*NoteOverhang)
	}
	h := len(l.lines)*pitch(NoteSize) + 2*NotePadY
	box := Rect{X: (x1+x2)/2 - w/2, Y: out.Top, W: w, H: h}
	out.Note = box
	out.Number = Point{X: box.X - NumberGap - NumberRadius, Y: box.Y + h/2}
	out.Label = Text{X: box.X + w/2, Y: box.Y + NotePadY + baseline(NoteSize), Pitch: pitch(NoteSize), Anchor: Middle, Lines: l.lines, Width: l.width}
	out.Bottom = box.Y + h
}

func phaseTabHeight() int { return pitch(NoteSize) + 2*PhaseTitlePad }

// framePhases draws a frame around each run of consecutive steps with the
// same phase, across the whole width of the diagram.
func framePhases(d *Diagram, s *content.Scene) {
	for i := 0; i < len(s.Steps); {
		p := s.Steps[i].Phase
		j := i
		for j+1 < len(s.Steps) && s.Steps[j+1].Phase == p {
			j++
		}
		if p != "" {
			top := d.Steps[i].Top - PhaseTabGap - phaseTabHeight() - PhasePad
			bottom := d.Steps[j].Bottom + PhasePad
			w := ceil(text.Width(p, NoteSize, text.Bold))
			d.Phases = append(d.Phases, Phase{
				First: i, Last: j,
				Box:   Rect{Y: top, H: bottom - top},
				Tab:   Rect{Y: top, W: w + 2*PhaseTitlePad + PhaseTabNotch, H: phaseTabHeight()},
				Title: Text{Y: top + PhaseTitlePad + baseline(NoteSize), Pitch: pitch(NoteSize), Anchor: Start, Lines: []string{p}, Width: w},
			})
		}
		i = j + 1
	}
}
