package svg_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/svg"
)

var testFonts = []svg.Font{{Script: "latin", Weight: "400", Data: []byte("LATIN")}, {Script: "latin-core", Weight: "400", Data: []byte("CORE")},
	{Script: "arabic", Weight: "400", Data: []byte("ARABIC")}}

func animation(t *testing.T, name string, rtl bool) (string, *layout.Diagram) {
	t.Helper()
	d := layout.Scene(fixture(t, name), rtl)
	var b bytes.Buffer
	if err := svg.Animation(&b, d, svg.AnimationView{Title: "T & t", Desc: "D", Lang: name, CSS: themeCSS(t), Fonts: testFonts}); err != nil {
		t.Fatal(err)
	}
	return b.String(), d
}

// TestAnimation checks the animated SVG of every construct: well-formed,
// script-free, every step drawn as in the overview and as current, on a
// schedule that gives each step time to be read and the last one more.
func TestAnimation(t *testing.T) {
	for _, lang := range []string{"en", "ar", "ja", "pt"} {
		out, d := animation(t, lang, lang == "ar")
		dec := xml.NewDecoder(strings.NewReader(out))
		ids := map[string]bool{}
		for {
			tok, err := dec.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: not well-formed: %v", lang, err)
			}
			if se, ok := tok.(xml.StartElement); ok {
				if se.Name.Local == "script" || se.Name.Local == "foreignObject" {
					t.Errorf("%s: a <%s>", lang, se.Name.Local)
				}
				for _, a := range se.Attr {
					if a.Name.Local == "id" {
						if ids[a.Value] {
							t.Errorf("%s: id %q twice", lang, a.Value)
						}
						ids[a.Value] = true
					}
					if strings.HasPrefix(a.Name.Local, "on") || (a.Name.Local == "href" && !strings.HasPrefix(a.Value, "#")) {
						t.Errorf("%s: %s=%q", lang, a.Name.Local, a.Value)
					}
				}
			}
		}
		start, cycle := svg.Timing(d)
		for i := range d.Steps {
			n := strconv.Itoa(i + 1)
			if !ids["lga-o"+n] || !ids["lga-n"+n] {
				t.Errorf("%s: step %s is not drawn twice", lang, n)
			}
			if !strings.Contains(out, `id="lga-n`+n+`" data-t="`+strconv.FormatFloat(start[i], 'f', 2, 64)+`"`) {
				t.Errorf("%s: step %s does not say when it comes on", lang, n)
			}
			end := cycle
			if i+1 < len(start) {
				end = start[i+1]
			}
			if end-start[i] < 2.2-1e-9 {
				t.Errorf("%s: step %s is on for %.2f s only", lang, n, end-start[i])
			}
		}
		if last := cycle - start[len(start)-1]; last < 6 {
			t.Errorf("%s: the last step holds %.2f s, want the end pause", lang, last)
		}
		if !strings.Contains(out, "@media (prefers-reduced-motion:reduce)") {
			t.Errorf("%s: no still version for reduced motion", lang)
		}
		// Fonts are embedded only for the scripts the diagram uses, and the
		// core of Latin alone when the text needs no more.
		latin, core := strings.Contains(out, "base64,TEFUSU4="), strings.Contains(out, "base64,Q09SRQ==")
		if latin == core {
			t.Errorf("%s: Latin font %v, its core %v: want one of them", lang, latin, core)
		}
		if got := strings.Contains(out, "base64,QVJBQklD"); got != (lang == "ar") {
			t.Errorf("%s: Arabic font embedded: %v", lang, got)
		}
		if latin != wantLatin[lang] {
			t.Errorf("%s: the whole Latin font embedded: %v, want %v", lang, latin, wantLatin[lang])
		}
		if regexp.MustCompile(`url\((?:[^d]|d[^a])`).MatchString(out) {
			t.Errorf("%s: a url() that is not data:", lang)
		}
	}
}

// wantLatin says which fixtures have text beyond ASCII in Latin letters.
var wantLatin = map[string]bool{"en": false, "ar": false, "ja": false, "pt": true}

// TestAnimationRsvg has librsvg, a renderer without CSS animations, draw
// the animation: it shows the overview.
func TestAnimationRsvg(t *testing.T) {
	if _, err := exec.LookPath("rsvg-convert"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("rsvg-convert is not installed")
		}
		t.Skip("rsvg-convert is not installed")
	}
	out, _ := animation(t, "en", false)
	cmd := exec.Command("rsvg-convert", "-f", "png")
	cmd.Stdin = strings.NewReader(out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	png, err := cmd.Output()
	if err != nil || len(png) < 1000 || stderr.Len() > 0 {
		t.Fatalf("rsvg-convert: %v, %d bytes, %s", err, len(png), stderr.String())
	}
}
