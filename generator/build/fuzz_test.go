package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const fuzzSite = "title: Fuzz\nlanguage: en\ntopics:\n  - id: web\n    title: Web\n"

// seeds adds every scene of the sample site and every file section of the
// malformed-input corpus to the fuzz corpus.
func seeds(f *testing.F, section string) {
	scenes, _ := filepath.Glob("../../content/scenes/*.yaml")
	locales, _ := filepath.Glob("../../content/locales/*/*.yaml")
	for _, p := range append(scenes, locales...) {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	cases, _ := filepath.Glob("../../cmd/lessongen/testdata/malformed/*.txt")
	for _, p := range cases {
		data, _ := os.ReadFile(p)
		for _, part := range strings.Split(string(data), "\n-- ")[0:] {
			name, body, ok := strings.Cut(strings.TrimPrefix(part, "-- "), " --\n")
			if ok && strings.HasPrefix(name, section) {
				f.Add([]byte(body))
			}
		}
	}
}

// buildFuzz runs the whole pipeline on a content folder; it may report
// errors but must never panic, hang or write outside its output.
func buildFuzz(t *testing.T, fsys fstest.MapFS) {
	var m Memory
	_, diags, err := Site(Options{Content: fsys, ContentName: "content"}, &m)
	if err != nil && !diags.HasErrors() {
		t.Fatalf("a build failed without a content error: %v", err)
	}
	for _, p := range m.Paths() {
		if strings.HasPrefix(p, "/") || strings.Contains(p, "..") {
			t.Fatalf("wrote outside the output folder: %s", p)
		}
	}
}

// FuzzScene loads, validates, lays out and renders an arbitrary scene file.
func FuzzScene(f *testing.F) {
	seeds(f, "scenes/")
	f.Fuzz(func(t *testing.T, data []byte) {
		buildFuzz(t, fstest.MapFS{"site.yaml": {Data: []byte(fuzzSite)}, "scenes/s.yaml": {Data: data}})
	})
}

// FuzzLocale builds a valid scene with an arbitrary translation file.
func FuzzLocale(f *testing.F) {
	seeds(f, "locales/")
	scene, err := os.ReadFile("../../content/scenes/http.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		buildFuzz(t, fstest.MapFS{
			"site.yaml":            {Data: []byte(strings.Replace(fuzzSite, "id: web", "id: web\n  - id: transport\n    title: T", 1))},
			"scenes/http.yaml":     {Data: scene},
			"locales/ar/http.yaml": {Data: data},
		})
	})
}
