package pipeline

import (
	"io/fs"
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
			f.Add(fuzzName(section, p), data)
		}
	}
	cases, _ := filepath.Glob("../../cmd/lessongen/testdata/malformed/*.txt")
	for _, p := range cases {
		data, _ := os.ReadFile(p)
		for _, part := range strings.Split(string(data), "\n-- ")[0:] {
			name, body, ok := strings.Cut(strings.TrimPrefix(part, "-- "), " --\n")
			if ok && strings.HasPrefix(name, section) {
				f.Add(fuzzName(section, name), []byte(body))
			}
		}
	}
}

// fuzzName is the seed's scene id or locale tag: the name that output
// paths are made of, fuzzed along with the file.
func fuzzName(section, path string) string {
	if section == "locales/" {
		return filepath.Base(filepath.Dir(path))
	}
	return strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// outputPath is what every written path must look like: a path inside the
// output folder, of the characters a URL carries without escaping.
func outputPath(p string) bool {
	return fs.ValidPath(p) && strings.Trim(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-") == ""
}

// buildFuzz runs the whole pipeline on a content folder; it may report
// errors but must never panic, hang, write outside its output or write an
// SVG that is not well-formed.
func buildFuzz(t *testing.T, fsys fstest.MapFS) {
	var m Memory
	_, diags, err := Site(Options{Content: fsys, ContentName: "content"}, &m)
	if err != nil && !diags.HasErrors() {
		t.Fatalf("a build failed without a content error: %v", err)
	}
	for _, p := range m.Paths() {
		if !outputPath(p) {
			t.Fatalf("wrote %q, which is not a plain path inside the output folder", p)
		}
		if strings.HasSuffix(p, ".svg") {
			checkXML(t, p, m.File(p)) // a character XML cannot hold must not get through
		}
	}
}

// FuzzScene loads, validates, lays out and renders an arbitrary scene file.
func FuzzScene(f *testing.F) {
	seeds(f, "scenes/")
	http, _ := os.ReadFile("../../content/scenes/http.yaml")
	f.Add("Café au lait", http) // an id that is no URL path: refused, never written
	f.Fuzz(func(t *testing.T, id string, data []byte) {
		name := "scenes/" + id + ".yaml"
		if !fs.ValidPath(name) || strings.Contains(id, "/") {
			return // no file system holds it
		}
		buildFuzz(t, fstest.MapFS{"site.yaml": {Data: []byte(fuzzSite)}, name: {Data: data}})
	})
}

// FuzzLocale builds a valid scene with an arbitrary translation file.
func FuzzLocale(f *testing.F) {
	seeds(f, "locales/")
	scene, err := os.ReadFile("../../content/scenes/http.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, tag string, data []byte) {
		name := "locales/" + tag + "/http.yaml"
		if !fs.ValidPath(name) || strings.Contains(tag, "/") {
			return
		}
		buildFuzz(t, fstest.MapFS{
			"site.yaml":        {Data: []byte(strings.Replace(fuzzSite, "id: web", "id: web\n  - id: transport\n    title: T", 1))},
			"scenes/http.yaml": {Data: scene},
			name:               {Data: data},
		})
	})
}
