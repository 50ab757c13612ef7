package layout

import (
	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/text"
)

// route finishes each message's line between two actors: level in its own
// row, or, for a message in flight, sloping down to the moment (at) of the
// row Transit steps later, which may lie below the last step. It sets the
// arrowheads' tips where the line meets each receiver's lifeline, and for a
// lost message the cross half way to the nearest receiver.
func route(d *Diagram, s *content.Scene, at []int) {
	for i := range d.Steps {
		out := &d.Steps[i]
		if out.Kind != content.Message || out.From == out.To {
			continue
		}
		st := &s.Steps[i]
		start := out.Path[0]
		end := Point{X: d.Actors[out.To].X, Y: start.Y}
		if out.Transit > 0 {
			end.Y = moment(at, i+out.Transit)
		}
		on := func(x int) Point { return Point{X: x, Y: start.Y + div((end.Y-start.Y)*(x-start.X), end.X-start.X)} }
		if out.Lost {
			out.Path = []Point{start, on((start.X + d.Actors[st.Receivers[0]].X) / 2)}
		} else {
			out.Path = []Point{start, end}
			for _, r := range st.Receivers {
				out.Arrivals = append(out.Arrivals, on(d.Actors[r].X))
			}
		}
		out.Reach = max(out.Reach, out.End().Y+max(ArrowHalf, CrossSize))
		d.Height = max(d.Height, out.Reach)
	}
}

// moment is where a message arriving in row k ends; rows beyond the last
// step are taken to be one-line rows.
func moment(at []int, k int) int {
	if k < len(at) {
		return at[k]
	}
	return at[len(at)-1] + (k-len(at)+1)*RowPitch
}

// div divides, rounding to the nearest whole number.
func div(a, b int) int {
	if (a < 0) != (b < 0) {
		return -((-a + b/2) / b)
	}
	return (a + b/2) / b
}

// makeRoom finds where a mark of a message in flight (an arrowhead, or a
// lost message's cross) lands on the text, badge, note, wait or phase tab
// of a row it passes, and asks for the room that clears it: in the row it
// arrives in, its arrowhead and the row's own label move apart (lift);
// elsewhere the row moves down (space), by more than the overlap since the
// mark moves down too when the rows below it do. It reports whether it
// asked for any.
func makeRoom(d *Diagram, s *content.Scene, space, lift []int) bool {
	asked := false
	for i := range d.Steps {
		m := &d.Steps[i]
		if !m.Sloped() {
			continue
		}
		arrive := i + m.Transit
		start, end := m.Path[0], m.End()
		full := d.Actors[m.To].X - start.X // the whole way, to the farthest receiver
		var marks []Rect
		for _, h := range m.Arrowheads() {
			marks = append(marks, h.Bounds())
		}
		if m.Lost {
			marks = append(marks, Rect{X: end.X - CrossSize, Y: end.Y - CrossSize, W: 2 * CrossSize, H: 2 * CrossSize})
		}
		for j, mark := range marks {
			tip := end // a lost message's cross
			if j < len(m.Arrivals) {
				tip = m.Arrivals[j]
			}
			// How far along the way the mark is: 1 at the row it arrives in.
			t := float64(tip.X-start.X) / float64(full)
			for k := i + 1; k <= min(arrive, len(d.Steps)-1); k++ {
				for _, o := range obstacles(d, s, k) {
					if !overlap(mark, o.box) {
						continue
					}
					switch {
					case o.own && k == arrive && j == len(m.Arrivals)-1:
						// The arrowhead moves down with the row's line.
						lift[k] += o.box.Y + o.box.H - mark.Y
					case t < 1:
						// The row moves down by space, the mark by t×space.
						space[k] += ceil(float64(mark.Y+mark.H-o.box.Y) / (1 - t))
					default:
						continue
					}
					asked = true
				}
			}
		}
	}
	return asked
}

// obstacle is something of row k that no mark may cover; own is set for
// what lies above the row's own line: its label, badge and padlock.
type obstacle struct {
	box Rect
	own bool
}

func obstacles(d *Diagram, s *content.Scene, k int) []obstacle {
	r := &d.Steps[k]
	size := LabelSize
	if r.Kind == content.Note {
		size = NoteSize
	}
	out := []obstacle{{r.Label.Box(size), r.Kind == content.Message}, {r.Badge, r.Kind == content.Message}}
	if r.Lock.W > 0 {
		out = append(out, obstacle{r.Lock, true})
	}
	if r.Note.W > 0 {
		out = append(out, obstacle{box: r.Note})
	}
	if r.Wait.Shown() {
		out = append(out, obstacle{box: r.Wait.Box})
	}
	if r.Kind == content.Message && !r.Sloped() {
		// Two arrowheads side by side would read as one message: keep
		// them a head's width apart.
		for _, h := range r.Arrowheads() {
			b := h.Bounds()
			out = append(out, obstacle{box: Rect{X: b.X, Y: b.Y - ArrowHead, W: b.W, H: b.H + 2*ArrowHead}})
		}
		if r.Lost {
			e := r.End()
			out = append(out, obstacle{box: Rect{X: e.X - CrossSize, Y: e.Y - CrossSize, W: 2 * CrossSize, H: 2 * CrossSize}})
		}
	}
	if st := s.Steps[k]; st.Phase != "" && (k == 0 || s.Steps[k-1].Phase != st.Phase) {
		// The tab's place is settled by fit, at the left of everything
		// drawn: reach from far left to where it would end at the latest.
		title := measure(st.Phase, NoteSize, text.Bold)
		right := d.Actors[0].Head.X - PhasePad + title + 2*PhaseTitlePad + PhaseTabNotch
		out = append(out, obstacle{box: Rect{X: right - 1<<20, Y: r.Top - phaseHeader() + PhasePad, W: 1 << 20, H: phaseTabHeight()}})
	}
	return out
}

func overlap(a, b Rect) bool {
	return a.W > 0 && b.W > 0 && a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// plate puts a box of the surface's colour behind each label that the line
// of a message in flight crosses, so the label reads clearly over it: the
// line passes behind.
func plate(d *Diagram) {
	for i := range d.Steps {
		m := &d.Steps[i]
		if !m.Sloped() {
			continue
		}
		for k := i + 1; k <= min(i+m.Transit, len(d.Steps)-1); k++ {
			r := &d.Steps[k]
			if r.Kind != content.Message {
				continue // notes, like waits and tabs, are boxes already
			}
			box := r.Label.Box(LabelSize)
			if r.Lock.W > 0 {
				box.W += box.X - r.Lock.X
				box.X = r.Lock.X
			}
			box = Rect{X: box.X - PlatePad, Y: box.Y - PlatePad, W: box.W + 2*PlatePad, H: box.H + 2*PlatePad}
			if crosses(m.Path[0], m.End(), box) {
				r.Plate = box
			}
		}
	}
}

// crosses reports whether the segment from a to b passes through box.
func crosses(a, b Point, box Rect) bool {
	// Clip the segment to the box's rows, then see whether what is left
	// spans any of its columns (Liang–Barsky, in one dimension each way).
	x0, y0, x1, y1 := float64(a.X), float64(a.Y), float64(b.X), float64(b.Y)
	t0, t1 := 0.0, 1.0
	for _, c := range [][2]float64{
		{-(x1 - x0), x0 - float64(box.X)}, {x1 - x0, float64(box.X+box.W) - x0},
		{-(y1 - y0), y0 - float64(box.Y)}, {y1 - y0, float64(box.Y+box.H) - y0},
	} {
		p, q := c[0], c[1]
		if p == 0 {
			if q < 0 {
				return false
			}
			continue
		}
		r := q / p
		if p < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
	}
	return t0 < t1
}
