package pipeline

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestDiagramCSSIsOneThemeFile checks that a site's own diagram.css
// restyles every diagram: inline ones through the pages' stylesheet, and
// standalone files through their own <style>. It is not written on its own.
func TestDiagramCSSIsOneThemeFile(t *testing.T) {
	const mark = ".lgd .l{stroke:#123456}"
	var m Memory
	th := fstest.MapFS{"assets/diagram.css": {Data: []byte("/* the site's own */\n" + mark + "\n")}}
	if _, diags, err := Site(Options{Content: os.DirFS("testdata/fixture"), ContentName: "fixture", Theme: th}, &m); err != nil {
		t.Fatalf("%v\n%s", err, diags)
	}
	var css string
	svgs := 0
	for _, p := range m.Paths() {
		data := string(m.File(p))
		switch {
		case p == "assets/diagram.css":
			t.Errorf("diagram.css is written on its own as %s", p)
		case strings.HasPrefix(p, "assets/style.") && strings.HasSuffix(p, ".css"):
			css = data
		case strings.HasSuffix(p, ".svg") && strings.Contains(data, `class="lgd"`):
			svgs++
			if !strings.Contains(data, mark) || strings.Contains(data, "the site's own") {
				t.Errorf("%s has not the site's diagram.css, minified, in its <style>", p)
			}
		case strings.HasSuffix(p, "/1/index.html") && strings.Contains(data, mark):
			t.Errorf("%s carries the diagram's CSS itself rather than through the stylesheet", p)
		}
	}
	if svgs == 0 {
		t.Fatal("no standalone diagram written")
	}
	if !strings.Contains(css, mark) || strings.Index(css, mark) > strings.Index(css, ".skip") {
		t.Errorf("the stylesheet does not start with the site's diagram.css before the theme's own rules")
	}
}
