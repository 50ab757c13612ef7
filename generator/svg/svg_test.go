package svg_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/svg"
	"github.com/lessongen/lessongen/generator/synth"
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

// goldens are the fixtures drawn into testdata/*.golden.svg, each with its
// language: every construct in five languages, and every icon.
var goldens = []struct {
	name, lang string
	rtl        bool
}{
	{"en", "en", false}, {"ja", "ja", false}, {"zh-Hans", "zh-Hans", false}, {"ko", "ko", false}, {"ar", "ar", true},
	{"icons", "en", false},
}

// render draws every golden fixture: the overview (every step) and the
// view of step 8 (past, current and absent steps), both standalone.
func render(t testing.TB, fn func(file string, data []byte)) {
	for _, g := range goldens {
		d := layout.Scene(fixture(t, g.name), g.rtl)
		for _, step := range []int{-1, 7} {
			if step >= len(d.Steps) {
				continue
			}
			file := g.name + ".golden.svg"
			if step >= 0 {
				file = fmt.Sprintf("%s.step%d.golden.svg", g.name, step+1)
			}
			var buf bytes.Buffer
			v := svg.View{Step: step, Lang: g.lang, Title: g.name, Desc: "Every construct", Standalone: true, FontURL: "../../../themes/default/assets/fonts/"}
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
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its golden copy; run go test -update and review the diff", file)
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
// construct of the content format, and the icons fixture each icon once.
func TestEveryConstruct(t *testing.T) {
	en, err := os.ReadFile("testdata/en.golden.svg")
	if err != nil {
		t.Fatal(err)
	}
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
	icons, err := os.ReadFile("testdata/icons.golden.svg")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range content.Kinds {
		if n := bytes.Count(icons, []byte(`<symbol id="lgd-`+k+`"`)); n != 1 {
			t.Errorf("icons.golden.svg defines the %s icon %d times", k, n)
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
		v := svg.View{Step: step, Lang: "en", Title: "t", Desc: "d"}
		inline, standalone := draw.Pair(v, "fonts/")
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
