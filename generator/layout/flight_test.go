package layout_test

import (
	"fmt"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
)

// actorX is the lifeline of the actor with the id.
func actorX(t *testing.T, d *layout.Diagram, id string) int {
	t.Helper()
	for _, a := range d.Actors {
		if a.ID == id {
			return a.X
		}
	}
	t.Fatalf("no actor %s", id)
	return 0
}

// TestBroadcast checks that a broadcast is one line to its farthest
// receiver with an arrowhead on each receiver's lifeline, pointing the way
// it goes in either direction, and none on the actor it passes; a lost one
// ends in a cross half way to its nearest receiver.
func TestBroadcast(t *testing.T) {
	for _, rtl := range []bool{false, true} {
		t.Run(fmt.Sprintf("rtl=%v", rtl), func(t *testing.T) {
			d := layout.Scene(fixtures(t)["broadcast"], rtl)
			x := func(id string) int { return actorX(t, d, id) }
			s := d.Steps[0] // laptop to switch, dhcp and router, past the access point
			want := []int{x("switch"), x("dhcp"), x("router")}
			if len(s.Arrivals) != 3 {
				t.Fatalf("arrivals %v, want one on each of %v", s.Arrivals, want)
			}
			for i, p := range s.Arrivals {
				if p.X != want[i] || p.Y != s.Path[0].Y {
					t.Errorf("arrival %d at %v, want on the lifeline at x=%d, level with the line at y=%d", i, p, want[i], s.Path[0].Y)
				}
				if p.X == x("ap") {
					t.Errorf("an arrowhead on the access point, which the broadcast only passes")
				}
			}
			if s.End().X != x("router") {
				t.Errorf("the line ends at %d, not at the farthest receiver %d", s.End().X, x("router"))
			}
			for i, h := range s.Arrowheads() {
				// The base is behind the tip, on the sender's side.
				if back := h[1][0] - h[0][0]; (back < 0) != (x("laptop") < x("router")) {
					t.Errorf("arrowhead %d points back to the sender: %v", i, h)
				}
			}
			lost := d.Steps[2] // router to dhcp, switch and ap, lost
			if len(lost.Arrivals) != 0 || lost.End().X != (x("router")+x("dhcp"))/2 {
				t.Errorf("a lost broadcast reaches %v and ends at %v, want no one and half way to the DHCP server at %d", lost.Arrivals, lost.End(), (x("router")+x("dhcp"))/2)
			}
		})
	}
}

// TestTransit checks that a message in flight ends in the row Transit
// steps later, at that row's own line, or at the top of a note, or below
// the last step; that a lost one's cross is half way along the sloped line;
// and that its label is anchored at the sender, above the start of its line.
func TestTransit(t *testing.T) {
	sc := fixtures(t)["transit"]
	for _, rtl := range []bool{false, true} {
		t.Run(fmt.Sprintf("rtl=%v", rtl), func(t *testing.T) {
			d := layout.Scene(sc, rtl)
			last := d.Steps[len(d.Steps)-1]
			for i, s := range d.Steps {
				st := sc.Steps[i]
				if st.Transit == 0 {
					continue
				}
				k := i + st.Transit
				var y int
				switch {
				case k >= len(d.Steps):
					y = last.Path[0].Y + (k-len(d.Steps)+1)*layout.RowPitch
				case d.Steps[k].Kind == content.Note:
					y = d.Steps[k].Note.Y - layout.ArrowHalf
				default:
					y = d.Steps[k].Path[0].Y
				}
				x1, x2 := d.Actors[st.From].X, d.Actors[st.To].X
				end := s.End()
				if st.Lost {
					if mid := (x1 + x2) / 2; abs(end.X-mid) > 0 || abs(end.Y-(s.Path[0].Y+y)/2) > 1 {
						t.Errorf("step %d: the cross at %v is not half way along the line from %v to %d,%d", i+1, end, s.Path[0], x2, y)
					}
				} else if end.X != x2 || end.Y != y {
					t.Errorf("step %d (transit %d): ends at %v, want %d,%d in row %d", i+1, st.Transit, end, x2, y, k+1)
				}
				box := s.Label.Box(layout.LabelSize)
				near, far := min(box.X, s.Badge.X), max(box.X+box.W, s.Badge.X+s.Badge.W)
				if x1 < x2 && near != x1+layout.LabelPadX || x1 > x2 && far != x1-layout.LabelPadX {
					t.Errorf("step %d: label %d–%d is not anchored %d from the sender at %d", i+1, near, far, layout.LabelPadX, x1)
				}
				if v := d.ViewAt(i); v.Bottom < s.Reach {
					t.Errorf("step %d's view ends at %d, above its line's end at %d", i+1, v.Bottom, s.Reach)
				}
			}
		})
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestWait checks where a wait's break goes: below the row before, above
// its step's row, inside the frame of the phase its step continues and
// above the frame of a phase its step opens; and that the overview and the
// step's view both show it.
func TestWait(t *testing.T) {
	d := layout.Scene(fixtures(t)["wait"], false)
	for i, s := range d.Steps {
		w := s.Wait
		if !w.Shown() {
			continue
		}
		if i > 0 && w.Top <= d.Steps[i-1].Bottom {
			t.Errorf("step %d's wait starts at %d, in the row above, which ends at %d", i+1, w.Top, d.Steps[i-1].Bottom)
		}
		if w.Bottom >= s.Top || w.Box.Y < w.Top || w.Box.Y+w.Box.H > w.Bottom {
			t.Errorf("step %d's wait %d–%d (box %v) is not above its row at %d", i+1, w.Top, w.Bottom, w.Box, s.Top)
		}
		if v := d.ViewAt(i); v.Top > w.Top {
			t.Errorf("step %d's view starts at %d, below its wait at %d", i+1, v.Top, w.Top)
		}
	}
	closing, timeWait := d.Phases[0], d.Phases[1]
	if w := d.Steps[2].Wait; w.Top < closing.Box.Y || w.Bottom > closing.Box.Y+closing.Box.H {
		t.Errorf("the wait inside the phase, %d–%d, is outside its frame %v", w.Top, w.Bottom, closing.Box)
	}
	if w := d.Steps[4].Wait; w.Bottom > timeWait.Box.Y || w.Top < closing.Box.Y+closing.Box.H {
		t.Errorf("the wait before a phase, %d–%d, is not between the frames %v and %v", w.Top, w.Bottom, closing.Box, timeWait.Box)
	}
}

// TestNoteOverMany checks that a note over actors listed in any order spans
// from the leftmost to the rightmost, and names just those it lists.
func TestNoteOverMany(t *testing.T) {
	for _, rtl := range []bool{false, true} {
		d := layout.Scene(fixtures(t)["notes"], rtl)
		n := d.Steps[0] // [router, laptop, ap, tablet]
		l, r := actorX(t, d, "laptop"), actorX(t, d, "router")
		lo, hi := min(l, r), max(l, r)
		if n.Note.X > lo-layout.NoteOverhang || n.Note.X+n.Note.W < hi+layout.NoteOverhang {
			t.Errorf("rtl=%v: the note %v does not span the laptop (%d) to the router (%d)", rtl, n.Note, l, r)
		}
		if n.Note.X+n.Note.W > actorX(t, d, "cdn") && !rtl || rtl && n.Note.X < actorX(t, d, "cdn") {
			t.Errorf("rtl=%v: the note %v reaches the CDN, which it does not list", rtl, n.Note)
		}
		if fmt.Sprint(n.Actors) != "[0 1 2 3]" {
			t.Errorf("the note involves %v, want the four it lists", n.Actors)
		}
	}
}

// TestLongViewKeepsTheStory checks that the view of a late step in a long
// scene still holds every row before it, with the messages in flight.
func TestLongViewKeepsTheStory(t *testing.T) {
	var steps string
	for i := range 40 {
		steps += fmt.Sprintf("  - {from: a, to: b, label: Segment %d, transit: 3}\n", i)
	}
	d := layout.Scene(oneScene(t, "title: T\ntopic: t\nactors:\n  - {id: a, name: A}\n  - {id: b, name: B}\nsteps:\n"+steps), false)
	if v := d.ViewAt(30); v.Top > d.Steps[0].Top || v.Bottom < d.Steps[30].Reach {
		t.Errorf("step 31's view %d–%d does not hold step 1 (from %d) to where step 31 arrives (%d)", v.Top, v.Bottom, d.Steps[0].Top, d.Steps[30].Reach)
	}
	checkViews(t, d)
}
