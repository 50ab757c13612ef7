package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/lessongen/lessongen/generator/synth"
)

// TestIncremental edits a site the way an author and a translator do and
// checks, after each edit, that an incremental rebuild writes exactly what a
// full build writes, while re-rendering only what the edit touched.
func TestIncremental(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	if err := synth.New(4, 5, 3).WriteLessongen(dir); err != nil {
		t.Fatal(err)
	}
	theme := fstest.MapFS{}
	opts := Options{Content: os.DirFS(dir), ContentName: "content", Theme: theme}
	inc := NewIncremental(opts)
	if _, st, diags, err := inc.Build(); err != nil || st.Reused != 0 {
		t.Fatalf("first build: %v %v, reused %d", err, diags, st.Reused)
	}
	edit := func(file, old, new string) {
		t.Helper()
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(data), old) {
			t.Fatalf("%s has no %q", file, old)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
	}
	cut := func(file, from string) {
		t.Helper()
		p := filepath.Join(dir, file)
		data, err := os.ReadFile(p)
		i := bytes.Index(data, []byte(from))
		if err != nil || i < 0 {
			t.Fatalf("%s has no %q", file, from)
		}
		os.WriteFile(p, data[:i], 0o644)
	}
	rendered := func(st Stats) int { return st.Pages }
	for _, tc := range []struct {
		name  string
		edit  func()
		pages int // step and overview pages re-rendered, plus the 3 language indexes and the root and 404 pages
	}{
		{"nothing", func() {}, 5},
		{"one scene's narration", func() { edit("scenes/scene-002.yaml", "text: |\n      ", "text: |\n      Edited. ") }, 3*6 + 5},
		{"one locale file", func() { edit("locales/de/scene-003.yaml", "label: \"[de] ", "label: \"[de] Neu ") }, 6 + 5},
		// Titles are on the index pages, which must not keep the old ones.
		{"one scene's title", func() { edit("scenes/scene-002.yaml", "title: \"", "title: \"Edited ") }, 3*6 + 5},
		{"one translated title", func() { edit("locales/de/scene-003.yaml", "title: \"[de] ", "title: \"[de] Neu ") }, 6 + 5},
		{"a template", func() { theme["templates/step.html"] = &fstest.MapFile{Data: editedTemplate(t, "step.html")} }, 3*4*6 + 5},
		{"site.yaml", func() { edit("site.yaml", "title: Synthetic lessons", "title: Edited lessons") }, 3*4*6 + 5},
		// What a rebuild no longer writes must be gone, as after a full build.
		{"the stylesheet", func() { theme["assets/style.css"] = &fstest.MapFile{Data: editedAsset(t, "style.css", ".edited{}")} }, 3*4*6 + 5},
		{"a step removed", func() { cut("scenes/scene-002.yaml", "  - id: s5\n") }, 3*5 + 5},
		{"a scene removed", func() { os.Remove(filepath.Join(dir, "scenes/scene-004.yaml")) }, 5},
	} {
		tc.edit()
		m, st, diags, err := inc.Build()
		if err != nil {
			t.Fatalf("%s: %v\n%s", tc.name, err, diags)
		}
		if got := rendered(st); got != tc.pages {
			t.Errorf("after editing %s: %d pages rendered, want %d", tc.name, got, tc.pages)
		}
		var full Memory
		if _, _, err := Site(opts, &full); err != nil {
			t.Fatal(err)
		}
		if a, b := strings.Join(m.Paths(), "\n"), strings.Join(full.Paths(), "\n"); a != b {
			t.Fatalf("after editing %s: the incremental build has other files than a full build", tc.name)
		}
		for _, p := range full.Paths() {
			if !bytes.Equal(m.File(p), full.File(p)) {
				t.Errorf("after editing %s: %s differs from a full build", tc.name, p)
			}
		}
	}
}

// editedAsset is a theme asset with more appended.
func editedAsset(t *testing.T, name, more string) []byte {
	data, err := os.ReadFile("../../themes/default/assets/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return append(data, more...)
}

// editedTemplate is a theme template with a change that alters no output,
// so that the rebuilt site still equals a full build.
func editedTemplate(t *testing.T, name string) []byte {
	data, err := os.ReadFile("../../themes/default/templates/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return append(data, "{{/* edited */}}"...)
}

// BenchmarkIncrementalEdit is the time from saving one scene's narration to
// the new pages being servable, on a synthetic site of 400 scenes of 20
// steps in 4 languages: 32,000 step pages.
func BenchmarkIncrementalEdit(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "content")
	if err := synth.New(400, 20, 4).WriteLessongen(dir); err != nil {
		b.Fatal(err)
	}
	inc := NewIncremental(Options{Content: os.DirFS(dir), ContentName: "content"})
	if _, _, diags, err := inc.Build(); err != nil {
		b.Fatal(err, diags)
	}
	p := filepath.Join(dir, "scenes/scene-123.yaml")
	orig, _ := os.ReadFile(p)
	i := 0
	for b.Loop() {
		i++
		os.WriteFile(p, bytes.Replace(orig, []byte("text: |\n      "), []byte(fmt.Sprintf("text: |\n      Edit %d. ", i)), 1), 0o644)
		if _, _, _, err := inc.Build(); err != nil {
			b.Fatal(err)
		}
	}
}
