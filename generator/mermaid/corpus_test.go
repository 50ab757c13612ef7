package mermaid

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// importText imports a file as "lessongen import mermaid" does and returns
// the scene files it would write, one after another, and its messages.
func importText(t *testing.T, name string, data []byte) (string, string) {
	t.Helper()
	scenes, diags := ImportFile(name, data, FileOptions{Topic: "web"})
	var b strings.Builder
	for _, s := range scenes {
		yaml, err := content.MarshalDraft(s.Draft)
		if err != nil {
			t.Fatal(err)
		}
		// Every scene written must load as it is.
		if _, ds := content.ParseScene(yaml, "scenes/"+s.ID+".yaml"); len(ds) > 0 {
			t.Errorf("%s: scene %s does not load:\n%s\n%s", name, s.ID, ds, yaml)
		}
		b.WriteString("# ---- scenes/" + s.ID + ".yaml\n")
		b.Write(yaml)
	}
	return b.String(), diags.String()
}

// TestCorpus imports real diagrams (every sequence diagram of Mermaid's
// documentation, two of Mermaid's own) and diagrams written in several
// scripts, and holds the scenes and messages against golden files.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.mmd")
	md, _ := filepath.Glob("testdata/*/*.md")
	files = append(files, md...)
	if len(files) < 38 {
		t.Fatalf("only %d corpus files", len(files))
	}
	for _, f := range files {
		if filepath.Base(f) == "SOURCE.md" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		scenes, diags := importText(t, filepath.Base(f), data)
		base := strings.TrimSuffix(f, filepath.Ext(f))
		for _, g := range []struct{ path, got string }{{base + ".golden.yaml", scenes}, {base + ".golden.txt", diags}} {
			if *update {
				if err := os.WriteFile(g.path, []byte(g.got), 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(g.path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if string(want) != g.got {
				t.Errorf("%s differs from what import gives now:\n%s", g.path, g.got)
			}
		}
	}
}
