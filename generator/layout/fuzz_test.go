package layout

import (
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/lessongen/lessongen/generator/content"
)

// FuzzLayout lays out a scene whose actor names and labels are any text, in
// both directions: every name fits its actor's head, every note's text its
// box, and everything lies inside the picture.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{"SYN seq=x", "Checks certificate, signature, Finished", "サーバー", "الخادم \u2066203.0.113.80\u2069", ""} {
		f.Add(s, "Web server")
	}
	f.Fuzz(func(t *testing.T, label, name string) {
		q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
		scene := `title: T
topic: t
actors:
  - {id: a, name: ` + q(name) + `}
  - {id: b, name: B}
  - {id: c, name: ` + q(label) + `}
steps:
  - {from: a, to: c, label: ` + q(label) + `}
  - {note: b, label: ` + q(label) + `}
  - {from: c, to: a, label: ` + q(name) + `, reply: true}
  - {from: a, to: b, label: ` + q(label) + `, lost: true}
`
		fsys := fstest.MapFS{
			"site.yaml":     {Data: []byte("title: T\nlanguage: en\ntopics:\n  - {id: t, title: T}\n")},
			"scenes/s.yaml": {Data: []byte(scene)},
		}
		site, diags := content.Load(fsys, "fuzz")
		if diags.HasErrors() || len(site.Scenes) != 1 {
			return // content rejects it, with a message: FuzzScene covers that
		}
		for _, rtl := range []bool{false, true} {
			d := Scene(site.Scenes[0], rtl)
			for _, a := range d.Actors {
				if a.Name.Width > a.Head.W {
					t.Fatalf("rtl=%v: actor name %q (%d wide) overflows its head (%d)", rtl, a.Name.Lines, a.Name.Width, a.Head.W)
				}
				inside(t, d, a.Head)
			}
			for _, s := range d.Steps {
				if s.Kind == content.Note {
					if s.Label.Width > s.Note.W {
						t.Fatalf("rtl=%v: note %q (%d wide) overflows its box (%d)", rtl, s.Label.Lines, s.Label.Width, s.Note.W)
					}
					inside(t, d, s.Note)
				}
			}
		}
	})
}

func inside(t *testing.T, d *Diagram, r Rect) {
	t.Helper()
	if r.X < 0 || r.Y < 0 || r.X+r.W > d.Width || r.Y+r.H > d.Height {
		t.Fatalf("box %+v leaves the %dx%d picture", r, d.Width, d.Height)
	}
}
