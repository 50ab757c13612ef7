package layout_test

import (
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
)

// FuzzLayout lays out a scene whose actor names and labels are any text, in
// both directions, with every construct: notes over one actor and over
// several, plain, lost and reply messages, broadcasts, messages in flight
// (one lost on the way, one arriving after the last step) and waits. Every
// name fits its actor's head, every note's and wait's text its box, no text
// overlaps another or an arrowhead, every arrowhead's tip is on a lifeline,
// and everything lies inside the picture.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{"SYN seq=x", "Checks certificate, signature, Finished", "サーバー", "الخادم \u2066203.0.113.80\u2069", ""} {
		f.Add(s, "Web server", uint8(2))
	}
	f.Add("RTO: 1 s", "ACK", uint8(8))
	f.Fuzz(func(t *testing.T, label, name string, transit uint8) {
		q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
		n := string(rune('1' + transit%8)) // 1 to 8
		scene := `title: T
topic: t
actors:
  - {id: a, name: ` + q(name) + `}
  - {id: b, name: B}
  - {id: c, name: ` + q(label) + `}
  - {id: d, name: D}
steps:
  - {from: a, to: c, label: ` + q(label) + `}
  - {note: b, label: ` + q(label) + `, wait: ` + q(name) + `}
  - {from: a, to: [b, c, d], label: ` + q(label) + `, transit: ` + n + `}
  - {note: [d, a, c], label: ` + q(name) + `, phase: ` + q(label) + `}
  - {from: c, to: a, label: ` + q(name) + `, reply: true, transit: ` + n + `, phase: ` + q(label) + `}
  - {from: d, to: [c, a], label: ` + q(label) + `, wait: ` + q(label) + `, phase: ` + q(label) + `}
  - {from: a, to: b, label: ` + q(label) + `, lost: true}
  - {from: d, to: a, label: ` + q(name) + `, lost: true, transit: 1}
  - {from: b, to: d, label: ` + q(label) + `, transit: ` + n + `}
`
		fsys := fstest.MapFS{
			"site.yaml":     {Data: []byte(siteYAML)},
			"scenes/s.yaml": {Data: []byte(scene)},
		}
		site, diags := content.Load(fsys, "fuzz")
		if diags.HasErrors() || len(site.Scenes) != 1 {
			return // content rejects it, with a message: FuzzScene covers that
		}
		for _, rtl := range []bool{false, true} {
			d := layout.Scene(site.Scenes[0], rtl)
			whole := layout.Rect{W: d.Width, H: d.Height}
			for _, a := range d.Actors {
				if a.Name.Width > a.Head.W {
					t.Fatalf("rtl=%v: actor name %q (%d wide) overflows its head (%d)", rtl, a.Name.Lines, a.Name.Width, a.Head.W)
				}
				within(t, a.Head, whole)
			}
			for i, s := range d.Steps {
				if s.Kind == content.Note {
					if s.Label.Width > s.Note.W {
						t.Fatalf("rtl=%v: note %q (%d wide) overflows its box (%d)", rtl, s.Label.Lines, s.Label.Width, s.Note.W)
					}
					within(t, s.Note, whole)
				}
				if s.Wait.Shown() {
					within(t, s.Wait.Box, whole)
				}
				for _, p := range s.Arrivals {
					if on := onLifeline(d, p); !on {
						t.Fatalf("rtl=%v: step %d's arrowhead at %v is on no lifeline", rtl, i+1, p)
					}
				}
				for _, h := range s.Arrowheads() {
					within(t, h.Bounds(), whole)
				}
			}
			texts, heads := items(d)
			for i, a := range texts {
				within(t, a.box, a.in)
				for _, b := range texts[i+1:] {
					if overlap(a.box, b.box) {
						t.Fatalf("rtl=%v: %s %v overlaps %s %v", rtl, a.name, a.box, b.name, b.box)
					}
				}
				for _, h := range heads {
					if overlap(a.box, h) {
						t.Fatalf("rtl=%v: %s %v crosses an arrowhead or cross %v", rtl, a.name, a.box, h)
					}
				}
			}
		}
	})
}

func within(t *testing.T, r, in layout.Rect) {
	t.Helper()
	if !inside(r, in) {
		t.Fatalf("box %+v leaves %+v", r, in)
	}
}

// onLifeline reports whether p is on an actor's lifeline.
func onLifeline(d *layout.Diagram, p layout.Point) bool {
	for _, a := range d.Actors {
		if a.X == p.X {
			return true
		}
	}
	return false
}
