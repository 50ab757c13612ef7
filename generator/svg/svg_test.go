package svg_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/golden"
	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/svg"
	"github.com/lessongen/lessongen/generator/synth"
	"github.com/lessongen/lessongen/generator/theme"
	"github.com/lessongen/lessongen/themes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture loads testdata/NAME.yaml, or a generated scene, through the
// content loader, as the build does.
func fixture(t testing.TB, name string) *content.Scene {
	t.Helper()
	fsys := fstest.MapFS{"site.yaml": {Data: []byte("title: T\nlanguage: en\ntopics:\n  - {id: t, title: T}\n")}}
	if name == "long" {
		fsys["scenes/long.yaml"] = &fstest.MapFile{Data: []byte(synth.LongScene(30, 4))}
	} else {
		data, err := os.ReadFile(filepath.Join("testdata", name+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		fsys["scenes/"+strings.ToLower(name)+".yaml"] = &fstest.MapFile{Data: data}
	}
	site, diags := content.Load(fsys, "testdata")
	if diags.HasErrors() || len(site.Scenes) != 1 {
		t.Fatalf("%s: %s", name, diags)
	}
	return site.Scenes[0]
}

// themeCSS is the default theme's diagram stylesheet, as the build hands
// it to the writer for standalone files.
func themeCSS(t testing.TB) string {
	t.Helper()
	th, diags := theme.Load(themes.Default, nil, "")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return th.DiagramCSS
}

// goldens are the fixtures drawn into testdata/*.golden.svg, each with its
// language: every construct in five languages, and every icon.
var goldens = []struct {
	name, lang string
	rtl        bool
	// steps are the step views drawn besides the overview, counting from 0:
	// step 8 but where a fixture needs others.
	steps []int
}{
	{"en", "en", false, nil}, {"ja", "ja", false, nil}, {"zh-Hans", "zh-Hans", false, nil}, {"ko", "ko", false, nil}, {"ar", "ar", true, nil},
	{"icons", "en", false, nil}, {"kinds", "en", false, nil},
	// The constructs of issue #17, each alone, then together in Arabic.
	{"broadcast", "en", false, []int{0, 2}}, {"transit", "en", false, []int{1, 3, 8}}, {"wait", "en", false, []int{0, 2, 4}},
	{"notes", "en", false, []int{3}}, {"crowded", "en", false, []int{2}}, {"flight-ar", "ar", true, []int{1, 4, 6}},
}

// render draws every golden fixture: the overview (every step) and the
// view of step 8 (past, current and absent steps), both standalone.
func render(t testing.TB, fn func(file string, data []byte)) {
	css := themeCSS(t)
	for _, g := range goldens {
		d := layout.Scene(fixture(t, g.name), g.rtl)
		steps := g.steps
		if steps == nil {
			steps = []int{7}
		}
		for _, step := range append([]int{-1}, steps...) {
			if step >= len(d.Steps) {
				continue
			}
			file := g.name + ".golden.svg"
			if step >= 0 {
				file = fmt.Sprintf("%s.step%d.golden.svg", g.name, step+1)
			}
			var buf bytes.Buffer
			v := svg.View{Step: step, Lang: g.lang, Title: g.name, Desc: "Every construct", Standalone: true, FontURL: "../../../themes/default/assets/fonts/", CSS: css}
			if err := svg.Write(&buf, d, v); err != nil {
				t.Fatal(err)
			}
			fn(filepath.Join("testdata", file), buf.Bytes())
		}
	}
}

// TestGolden compares the drawings of the fixtures with their golden copies.
// Run "go test ./generator/svg -update" to rewrite them, then look at them
// in a browser and review the diff before committing.
func TestGolden(t *testing.T) {
	render(t, func(file string, got []byte) {
		if *update {
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if d := golden.Diff(file, want, got); d != "" {
			t.Errorf("%s differs from its golden copy (run go test -update and review the diff):\n%s", file, d)
		}
	})
}

// TestWellFormed parses every drawing as XML and checks what the issue asks
// of it: one <style>, no inline style, numbers with at most one decimal,
// every <text> real text, and the accessible name.
func TestWellFormed(t *testing.T) {
	decimals := regexp.MustCompile(`\d\.\d\d`)
	render(t, func(file string, data []byte) {
		dec := xml.NewDecoder(bytes.NewReader(data))
		styles, texts := 0, 0
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				switch se.Name.Local {
				case "style":
					styles++
				case "text":
					texts++
				}
				for _, a := range se.Attr {
					if a.Name.Local == "style" {
						t.Errorf("%s: inline style on <%s>", file, se.Name.Local)
					}
					if decimals.MatchString(a.Value) {
						t.Errorf("%s: %s=%q has more than one decimal", file, a.Name.Local, a.Value)
					}
				}
			}
		}
		if styles != 1 || texts == 0 {
			t.Errorf("%s: %d <style> elements and %d <text>s", file, styles, texts)
		}
		for _, want := range []string{`role="img"`, `<title id="lgd-t">`, `<desc id="lgd-d">`, `aria-labelledby="lgd-t lgd-d"`} {
			if !bytes.Contains(data, []byte(want)) {
				t.Errorf("%s: no %s", file, want)
			}
		}
	})
}

// TestEveryConstruct checks that the English fixture's overview draws each
// construct of the content format, the fixtures of issue #17 each of theirs,
// and the icons fixtures each icon once.
func TestEveryConstruct(t *testing.T) {
	// What the code draws now, not the golden files on disk, which an
	// -update could have rewritten without the construct.
	drawn := map[string][]byte{}
	render(t, func(file string, data []byte) { drawn[filepath.Base(file)] = data })
	en := drawn["en.golden.svg"]
	for what, want := range map[string]string{
		"a note": `class="s n"`, "a message": `class="s m"`, "a reply": `class="s m rp rv"`,
		"a secure message": `class="s m sc"`, "a secure reply": `class="s m rp sc rv"`, "a lost message": `class="s m lo"`,
		"a padlock": `xlink:href="#lgd-lock"`, "a cross": `class="x"`, "a phase": `class="fr"`, "a phase title": `class="pt`,
		"an actor without icon": `id="lgd-a-far"`, "a step number": `class="nn c"`,
	} {
		if !bytes.Contains(en, []byte(want)) {
			t.Errorf("en.golden.svg has no %s (%s)", what, want)
		}
	}
	for file, constructs := range map[string]map[string]string{
		"broadcast.golden.svg":       {"a broadcast": `class="s m bc"`, "an arrowhead on a nearer receiver": `class="ah dv"`, "a lost broadcast": `class="s m lo rv bc"`},
		"broadcast.step1.golden.svg": {"a nearer arrowhead riding along": `re:<g class="tip" >\n<line [^>]*class="sp" />\n<polygon [^>]*class="ah dv"`},
		"transit.golden.svg":         {"a message in flight": `class="s m tr"`, "a reply in flight": `class="s m rp rv tr"`, "a sloped arrowhead": `<path d="M`, "a label backed against lines": `class="pl"`},
		"wait.golden.svg":            {"a wait": `class="wt"`, "its zig-zags": `class="zz"`, "its box": `class="wb"`, "its text": `class="wl c"`},
		"flight-ar.golden.svg":       {"a right-to-left broadcast in flight": `class="s m rv tr bc"`, "right-to-left text": `class="wl c rtl"`},
	} {
		data := drawn[file]
		for what, want := range constructs {
			// "re:" marks a pattern, for constructs drawn as several elements.
			found := bytes.Contains(data, []byte(want))
			if re, ok := strings.CutPrefix(want, "re:"); ok {
				found = regexp.MustCompile(re).Match(data)
			}
			if !found {
				t.Errorf("%s has no %s (%s)", file, what, want)
			}
		}
	}
	var icons []byte
	for _, f := range []string{"icons.golden.svg", "kinds.golden.svg"} {
		icons = append(icons, drawn[f]...)
	}
	for _, k := range content.Kinds {
		if n := bytes.Count(icons, []byte(`<symbol id="lgd-`+k+`"`)); n != 1 {
			t.Errorf("icons.golden.svg and kinds.golden.svg define the %s icon %d times", k, n)
		}
	}
}

// TestRsvg renders every standalone drawing with librsvg's rsvg-convert
// (Debian: librsvg2-bin), a second renderer besides the browsers.
func TestRsvg(t *testing.T) {
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		t.Skip("rsvg-convert is not installed")
	}
	out := t.TempDir()
	render(t, func(file string, data []byte) {
		cmd := exec.Command("rsvg-convert", "-o", filepath.Join(out, filepath.Base(file)+".png"))
		cmd.Stdin = bytes.NewReader(data)
		if msg, err := cmd.CombinedOutput(); err != nil || len(msg) > 0 {
			t.Errorf("rsvg-convert %s: %v %s", file, err, msg)
		}
	})
}

// TestRsvgColours checks that librsvg, which has no CSS custom properties,
// draws a standalone file in the theme's light colours rather than black
// boxes without lines: the inside of an actor's head and of a note, a
// lifeline, a message's line and a wait's box, in the palette's colours.
func TestRsvgColours(t *testing.T) {
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		t.Skip("rsvg-convert is not installed")
	}
	css := themeCSS(t)
	for _, name := range []string{"en", "wait"} {
		d := layout.Scene(fixture(t, name), false)
		var buf bytes.Buffer
		if err := svg.Write(&buf, d, svg.View{Step: -1, Lang: "en", Standalone: true, FontURL: "f/", CSS: css}); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("rsvg-convert", "--background-color", "#808080")
		cmd.Stdin = &buf
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		at := func(what string, x, y int, want string) {
			r, g, b, _ := img.At(x, y).RGBA()
			if got := fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8); got != want {
				t.Errorf("%s: %s at %d,%d is %s, want %s", name, what, x, y, got, want)
			}
		}
		palette := func(v string) string {
			i := strings.Index(css, v+":")
			c := strings.TrimSpace(strings.SplitN(css[i+len(v)+1:], ";", 2)[0])
			if len(c) == 4 { // #fff
				c = string([]byte{'#', c[1], c[1], c[2], c[2], c[3], c[3]})
			}
			return c
		}
		h := d.Actors[0].Head
		at("the inside of a head", h.X+3, h.Y+h.H-3, palette("--lg-surface"))
		for _, s := range d.Steps {
			switch {
			case s.Note.W > 0:
				at("the inside of a note", s.Note.X+3, s.Note.Y+s.Note.H-3, palette("--lg-note"))
			case s.Wait.Shown():
				at("the inside of a wait's box", s.Wait.Box.X+s.Wait.Box.W/2, s.Wait.Box.Y+s.Wait.Box.H-3, palette("--lg-tab"))
			}
		}
		a := d.Actors[len(d.Actors)-1]
		if r, g, b, _ := img.At(a.X, d.Height-layout.Margin-4).RGBA(); r>>8 == 0x80 && g>>8 == 0x80 && b>>8 == 0x80 {
			t.Errorf("%s: no lifeline drawn at x=%d", name, a.X)
		}
	}
}

// TestStepSize checks that a step of a 30-step scene stays small.
func TestStepSize(t *testing.T) {
	d := layout.Scene(fixture(t, "long"), false)
	for _, standalone := range []bool{false, true} {
		var buf bytes.Buffer
		if err := svg.Write(&buf, d, svg.View{Step: 29, Lang: "en", Standalone: standalone, FontURL: "f/"}); err != nil {
			t.Fatal(err)
		}
		if buf.Len() > 25<<10 {
			t.Errorf("step 30 of 30 is %d bytes (standalone %v), more than 25 KB", buf.Len(), standalone)
		}
		t.Logf("step 30 of 30: %d bytes (standalone %v)", buf.Len(), standalone)
	}
}

// BenchmarkScene lays out a 30-step, 4-actor scene and draws every step,
// inline and standalone: what the build does for one scene in one language.
func BenchmarkScene(b *testing.B) {
	sc := fixture(b, "long")
	for b.Loop() {
		d := layout.Scene(sc, false)
		draw := svg.NewScene(d)
		for i := range d.Steps {
			draw.Pair(svg.View{Step: i, Lang: "en", Title: "t", Desc: "d"}, "fonts/")
		}
	}
}

// BenchmarkLayout lays out a 30-step, 4-actor scene.
func BenchmarkLayout(b *testing.B) {
	sc := fixture(b, "long")
	for b.Loop() {
		layout.Scene(sc, false)
	}
}

// BenchmarkWrite draws the 30 steps of a laid-out 30-step scene, each
// inline and standalone.
func BenchmarkWrite(b *testing.B) {
	d := layout.Scene(fixture(b, "long"), false)
	for b.Loop() {
		draw := svg.NewScene(d)
		for i := range d.Steps {
			draw.Pair(svg.View{Step: i, Lang: "en", Title: "t", Desc: "d"}, "fonts/")
		}
	}
}

// TestPair checks that Scene.Pair, which reuses past steps, draws what Write does, inline and standalone,
// so that a test of either drawing covers both.
func TestPair(t *testing.T) {
	d := layout.Scene(fixture(t, "long"), false)
	draw := svg.NewScene(d)
	for _, step := range []int{0, 7, len(d.Steps) - 1} {
		v := svg.View{Step: step, Lang: "en", Title: "t", Desc: "d", CSS: ".lgd .l{stroke:red}"}
		inline, standalone := draw.Pair(v, "fonts/")
		if bytes.Contains(inline, []byte("stroke:red")) || !bytes.Contains(standalone, []byte(".lgd .l{stroke:red}")) {
			t.Errorf("step %d: the stylesheet given is not the standalone file's alone", step)
		}
		var want bytes.Buffer
		if err := svg.Write(&want, d, v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(inline, want.Bytes()) {
			t.Errorf("step %d: Pair's inline drawing differs from Write's", step)
		}
		want.Reset()
		v.Standalone, v.FontURL = true, "fonts/"
		if err := svg.Write(&want, d, v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(standalone, want.Bytes()) {
			t.Errorf("step %d: Pair's standalone file differs from Write's", step)
		}
	}
}

// TestLifelinesBreakAtWaits checks that each lifeline stops where a wait
// begins and goes on where it ends, with the zig-zag between, in the
// overview and in the view of the step with the wait, and not before it.
func TestLifelinesBreakAtWaits(t *testing.T) {
	d := layout.Scene(fixture(t, "wait"), false)
	w := d.Steps[2].Wait // inside a phase
	line := fmt.Sprintf(`y2="%d" class="ll"`, w.Top)
	resume := fmt.Sprintf(`y1="%d" x2=`, w.Bottom)
	for _, step := range []int{-1, 2, 1} {
		var buf bytes.Buffer
		if err := svg.Write(&buf, d, svg.View{Step: step}); err != nil {
			t.Fatal(err)
		}
		got := buf.String()
		n, m := strings.Count(got, line), strings.Count(got, resume)
		if step == 1 {
			if n != 0 {
				t.Errorf("step 2's view breaks the lifelines for step 3's wait")
			}
			continue
		}
		if n != len(d.Actors) || m != len(d.Actors) {
			t.Errorf("view of step %d: %d lifelines stop at the wait's top %d and %d go on from its bottom %d, want %d", step+1, n, w.Top, m, w.Bottom, len(d.Actors))
		}
	}
}

// TestLateStepHoldsTheStory checks that the view of a late step in a long
// scene, inline and standalone, draws every step before it with its label,
// and that the pinned heads show who takes part in it.
func TestLateStepHoldsTheStory(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: T\ntopic: t\nactors:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: c, name: C}\nsteps:\n")
	for i := range 40 {
		fmt.Fprintf(&b, "  - {from: a, to: b, label: Segment %d, transit: 3}\n", i+1)
	}
	fsys := fstest.MapFS{
		"site.yaml":     {Data: []byte("title: T\nlanguage: en\ntopics:\n  - {id: t, title: T}\n")},
		"scenes/s.yaml": {Data: []byte(b.String())},
	}
	site, diags := content.Load(fsys, "t")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	sc := svg.NewScene(layout.Scene(site.Scenes[0], false))
	inline, standalone := sc.Pair(svg.View{Step: 30}, "f/")
	for name, got := range map[string]string{"inline": string(inline), "standalone": string(standalone)} {
		if !strings.Contains(got, `viewBox="0 0 `) {
			t.Errorf("%s: step 31's view does not start at the top: %.200s", name, got)
		}
		for i := 1; i <= 40; i++ {
			has := strings.Contains(got, fmt.Sprintf(`id="lgd-s%d"`, i)) && strings.Contains(got, fmt.Sprintf(">Segment %d<", i))
			if has != (i <= 31) {
				t.Errorf("%s: step %d drawn with its label: %v, want %v", name, i, has, i <= 31)
			}
		}
	}
	heads := string(sc.Heads(30))
	for _, want := range []string{`class="lgd hds"`, `aria-hidden="true"`, `<g class="a on" >`, `<g class="a on to" >`, `<g class="a" >`, ">C<", `class="more"`} {
		if !strings.Contains(heads, want) {
			t.Errorf("the pinned heads lack %s:\n%s", want, heads)
		}
	}
	if strings.Contains(heads, "id=") {
		t.Errorf("the pinned heads repeat the diagram's ids:\n%s", heads)
	}
}
