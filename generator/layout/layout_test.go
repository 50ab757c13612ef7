package layout_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/synth"
)

// siteYAML is the site.yaml of the tests' sites: one topic, t.
const siteYAML = "title: T\nlanguage: en\ntopics:\n  - {id: t, title: T}\n"

// oneScene loads a site of one scene, written in YAML.
func oneScene(t *testing.T, scene string) *content.Scene {
	t.Helper()
	site, diags := content.Load(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "scenes/s.yaml": {Data: []byte(scene)}}, "t")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return site.Scenes[0]
}

// fixtures are the scenes laid out by the tests: every construct in five
// languages (from the SVG writer's golden fixture), every icon, and long
// generated scenes.
func fixtures(t testing.TB) map[string]*content.Scene {
	t.Helper()
	files, err := filepath.Glob("../svg/testdata/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	fsys := fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fsys["scenes/"+strings.ToLower(filepath.Base(f))] = &fstest.MapFile{Data: data}
	}
	fsys["scenes/long.yaml"] = &fstest.MapFile{Data: []byte(synth.LongScene(120, 4))}
	fsys["scenes/bench.yaml"] = &fstest.MapFile{Data: []byte(synth.LongScene(30, 4))}
	site, diags := content.Load(fsys, "fixture")
	if diags.HasErrors() {
		t.Fatalf("fixture: %s", diags)
	}
	out := map[string]*content.Scene{}
	for _, s := range site.Scenes {
		out[s.ID] = s
	}
	return out
}

// items lists every text with the box it must stay in, and the arrowheads
// and crosses that no text may cross.
func items(d *layout.Diagram) (texts []item, arrowheads []layout.Rect) {
	for _, a := range d.Actors {
		size := layout.NameSize
		if d.Narrow {
			size = layout.LaneNameSize
		}
		texts = append(texts, item{"name of " + a.ID, a.Name.Box(size), a.Head})
	}
	for i, s := range d.Steps {
		size, in := layout.LabelSize, layout.Rect{X: 0, Y: 0, W: d.Width, H: d.Height}
		if s.Kind == content.Note {
			size, in = layout.NoteSize, s.Note
		}
		texts = append(texts, item{fmt.Sprintf("label %d", i+1), s.Label.Box(size), in})
		texts = append(texts, item{fmt.Sprintf("number %d", i+1), s.Number.Box(layout.NumberSize), s.Badge})
		if s.Lost {
			e := s.End()
			arrowheads = append(arrowheads, layout.Rect{X: e.X - layout.CrossSize, Y: e.Y - layout.CrossSize, W: 2 * layout.CrossSize, H: 2 * layout.CrossSize})
		}
		for _, h := range s.Arrowheads() {
			arrowheads = append(arrowheads, h.Bounds())
		}
		if w := s.Wait; w.Shown() {
			texts = append(texts, item{fmt.Sprintf("wait before %d", i+1), w.Label.Box(layout.NoteSize), w.Box})
		}
	}
	for _, p := range d.Phases {
		texts = append(texts, item{"phase " + p.Title.Lines[0], p.Title.Box(layout.NoteSize), p.Tab})
	}
	return texts, arrowheads
}

type item struct {
	name string
	box  layout.Rect
	in   layout.Rect // the container it must stay inside
}

func inside(a, b layout.Rect) bool {
	return a.X >= b.X && a.Y >= b.Y && a.X+a.W <= b.X+b.W && a.Y+a.H <= b.Y+b.H
}

func overlap(a, b layout.Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// layouts are the ways a scene is laid out: at its natural width, fitted
// to a desktop's column, and in lanes for a phone.
var layouts = []struct {
	name string
	lay  func(*content.Scene, bool) *layout.Diagram
}{
	{"scene", layout.Scene},
	{"fit", func(s *content.Scene, rtl bool) *layout.Diagram { return layout.Fit(s, rtl, layout.DesktopWidth) }},
	{"narrow", func(s *content.Scene, rtl bool) *layout.Diagram { return layout.Narrow(s, rtl, layout.PhoneWidth) }},
}

// TestInvariants checks, for every fixture in both directions and every
// way of laying it out, what makes a diagram readable: actors in order,
// rows in order, nothing outside the picture or its box, no text over
// another text or over an arrowhead.
func TestInvariants(t *testing.T) {
	for name, sc := range fixtures(t) {
		for _, l := range layouts {
			for _, rtl := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/%s/rtl=%v", name, l.name, rtl), func(t *testing.T) {
					invariants(t, l.lay(sc, rtl), rtl)
				})
			}
		}
	}
}

func invariants(t *testing.T, d *layout.Diagram, rtl bool) {
	whole := layout.Rect{W: d.Width, H: d.Height}
	for i := 1; i < len(d.Actors); i++ {
		a, b := d.Actors[i-1], d.Actors[i]
		if rtl {
			a, b = b, a
		}
		if a.X >= b.X {
			t.Errorf("actors %s and %s are not %s", d.Actors[i-1].ID, d.Actors[i].ID, map[bool]string{false: "left to right", true: "right to left"}[rtl])
		}
	}
	// Heads side by side keep a gap: in lanes, those in the same row.
	gap := layout.MinActorGap
	if d.Narrow || d.Actors[0].Head.Y != d.Actors[len(d.Actors)-1].Head.Y || gapOf(d) < gap {
		gap = layout.LaneGap
	}
	for i, a := range d.Actors {
		for _, b := range d.Actors[i+1:] {
			if a.Head.Y == b.Head.Y && overlap(layout.Rect{X: a.Head.X - gap + 1, Y: a.Head.Y, W: a.Head.W + 2*gap - 2, H: a.Head.H}, b.Head) {
				t.Errorf("actors %s and %s: heads %v and %v have no gap of %d between them", a.ID, b.ID, a.Head, b.Head, gap)
			}
		}
	}
	for i := 1; i < len(d.Steps); i++ {
		if d.Steps[i].Top <= d.Steps[i-1].Bottom {
			t.Errorf("row %d starts at %d, not below row %d's bottom %d", i+1, d.Steps[i].Top, i, d.Steps[i-1].Bottom)
		}
	}
	for _, a := range d.Actors {
		if !inside(a.Head, whole) {
			t.Errorf("actor %s's head %v is outside the diagram %v", a.ID, a.Head, whole)
		}
	}
	for i, s := range d.Steps {
		for _, p := range s.Path {
			if !inside(layout.Rect{X: p.X - layout.CrossSize, Y: p.Y - layout.CrossSize, W: 2 * layout.CrossSize, H: 2 * layout.CrossSize}, whole) {
				t.Errorf("step %d's line reaches %v, outside the diagram", i+1, p)
			}
		}
		if !inside(s.Badge, whole) || (s.Note.W > 0 && !inside(s.Note, whole)) {
			t.Errorf("step %d's badge %v or note %v is outside the diagram", i+1, s.Badge, s.Note)
		}
		if s.Kind == content.Message && s.Path[0].Y <= s.Label.Box(layout.LabelSize).Y+s.Label.Box(layout.LabelSize).H {
			t.Errorf("step %d's line at y=%d strikes through its label %v", i+1, s.Path[0].Y, s.Label.Box(layout.LabelSize))
		}
	}
	for _, p := range d.Phases {
		if !inside(p.Box, whole) {
			t.Errorf("phase %q's frame is outside the diagram", p.Title.Lines[0])
		}
	}
	texts, heads := items(d)
	for i, a := range texts {
		if !inside(a.box, a.in) {
			t.Errorf("%s %v overflows its box %v", a.name, a.box, a.in)
		}
		for _, b := range texts[i+1:] {
			if overlap(a.box, b.box) {
				t.Errorf("%s %v overlaps %s %v", a.name, a.box, b.name, b.box)
			}
		}
		for _, h := range heads {
			if overlap(a.box, h) {
				t.Errorf("%s %v crosses an arrowhead or cross %v", a.name, a.box, h)
			}
		}
	}
	checkViews(t, d)
}

// gapOf is the narrowest gap between two neighbouring heads.
func gapOf(d *layout.Diagram) int {
	g := 1 << 20
	for i := 1; i < len(d.Actors); i++ {
		a, b := d.Actors[i-1].Head, d.Actors[i].Head
		g = min(g, max(b.X-a.X-a.W, a.X-b.X-b.W))
	}
	return g
}

// checkViews checks each step's view: it starts at the top, so every
// earlier step is in it, and reaches down to the step's row; and that the
// band of pinned heads covers no row.
func checkViews(t *testing.T, d *layout.Diagram) {
	for n, s := range d.Steps {
		v := d.ViewAt(n)
		if v.Top != 0 {
			t.Errorf("step %d's view starts at %d, leaving out the rows above", n+1, v.Top)
		}
		if s.Bottom > v.Bottom {
			t.Errorf("step %d's row %d–%d is outside its view %d–%d", n+1, s.Top, s.Bottom, v.Top, v.Bottom)
		}
	}
	if h := d.HeadsHeight(); len(d.Steps) > 0 && h >= d.Steps[0].Top {
		t.Errorf("the pinned heads' band, %d high, covers the first row at %d", h, d.Steps[0].Top)
	}
}

// TestViewKeepsPlaces checks that the last step of a long scene is seen
// below every row before it, as the overview draws them.
func TestViewKeepsPlaces(t *testing.T) {
	d := layout.Scene(fixtures(t)["long"], false)
	last := len(d.Steps) - 1
	if v := d.ViewAt(last); v.Top != 0 || v.Bottom < d.Steps[last].Bottom {
		t.Errorf("the last step of a 120-step scene, %d–%d, is seen in %d–%d", d.Steps[last].Top, d.Steps[last].Bottom, v.Top, v.Bottom)
	}
	if v := d.ViewAt(-1); v.Top != 0 || v.Bottom != d.Height {
		t.Errorf("the overview %+v is not the whole diagram", v)
	}
	checkViews(t, d)
}

func TestLongNumbersFitTheirBadge(t *testing.T) {
	d := layout.Scene(fixtures(t)["long"], false)
	for _, n := range []int{0, 9, 99, 119} {
		s := d.Steps[n]
		if box := s.Number.Box(layout.NumberSize); box.W+2 > s.Badge.W {
			t.Errorf("number %d is %d wide in a badge %d wide", n+1, box.W, s.Badge.W)
		}
	}
}

func TestMirror(t *testing.T) {
	sc := fixtures(t)["ar"]
	ltr, rtl := layout.Scene(sc, false), layout.Scene(sc, true)
	if ltr.Width != rtl.Width || ltr.Height != rtl.Height {
		t.Fatalf("mirrored size %dx%d differs from %dx%d", rtl.Width, rtl.Height, ltr.Width, ltr.Height)
	}
	for i := range ltr.Actors {
		if ltr.Actors[i].X != ltr.Width-rtl.Actors[i].X {
			t.Errorf("actor %d at %d is not mirrored from %d", i, rtl.Actors[i].X, ltr.Actors[i].X)
		}
	}
	if rtl.Actors[0].X <= rtl.Actors[1].X {
		t.Errorf("in a right-to-left diagram the first actor is not on the right")
	}
	s := rtl.Steps[3] // the browser sends SYN to the server, leftwards
	if s.End().X >= s.Path[0].X {
		t.Errorf("message 4 points from %d to %d, not leftwards", s.Path[0].X, s.End().X)
	}
	if !s.Label.RTL || s.Label.Anchor != layout.Right {
		t.Errorf("an Arabic label is RTL=%v anchored %v, want right-to-left from its right end", s.Label.RTL, s.Label.Anchor)
	}
	if !strings.Contains(s.Label.Lines[0], "\u2066SYN\u2069") {
		t.Errorf("SYN is not isolated in %+q", s.Label.Lines[0])
	}
	if latin := rtl.Steps[5].Label; latin.RTL {
		t.Errorf("the all-Latin label %q is right to left", latin.Lines[0])
	}
}

// TestFitsTheScreen checks that every fixture of up to six actors is laid
// out as narrow as a 320 px phone for phones, and fits a desktop's column.
func TestFitsTheScreen(t *testing.T) {
	for name, sc := range fixtures(t) {
		if len(sc.Actors) > 6 {
			continue
		}
		for _, rtl := range []bool{false, true} {
			if d := layout.Narrow(sc, rtl, layout.PhoneWidth); d.Width > layout.PhoneWidth {
				t.Errorf("%s rtl=%v: the narrow layout is %d wide, more than a phone's %d", name, rtl, d.Width, layout.PhoneWidth)
			}
			if d := layout.Fit(sc, rtl, layout.DesktopWidth); d.Width > layout.DesktopWidth {
				t.Errorf("%s rtl=%v: fitted to a desktop, the layout is %d wide, more than %d", name, rtl, d.Width, layout.DesktopWidth)
			}
		}
	}
}

// TestLaneNamesKeepWordsWhole: on a phone, an actor's name breaks only
// between words, even a long German or French one among five actors and
// phases (de/dns and fr/dns broke "Betriebssyst|em" and "d’exam|ple.com").
func TestLaneNamesKeepWordsWhole(t *testing.T) {
	scene := `title: T
topic: t
actors:
  - {id: os, name: "Browser und Betriebssystem", kind: pc}
  - {id: root, name: "Serveur racine", kind: dns}
  - {id: ex, name: "Serveur d’example.com", kind: dns}
  - {id: res, name: "Rekursiver Resolver", kind: dns}
  - {id: com, name: "Un desconocido 203.0.113.66", kind: server}
steps:
  - {from: os, to: res, label: "Anfrage: www.example.com A?", phase: "Auf dem PC"}
  - {from: res, to: ex, label: "www.example.com A?", phase: "Suivre les renvois"}
`
	sc := oneScene(t, scene)
	for _, rtl := range []bool{false, true} {
		d := layout.Narrow(sc, rtl, layout.PhoneWidth)
		for i, a := range d.Actors {
			if got, want := strings.Join(a.Name.Lines, " "), strings.Join(strings.Fields(sc.Actors[i].Name), " "); got != want {
				t.Errorf("rtl=%v: %q is drawn in lines %q, broken inside a word", rtl, sc.Actors[i].Name, a.Name.Lines)
			}
		}
	}
}
