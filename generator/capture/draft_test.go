package capture

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/golden"
)

var update = flag.Bool("update", false, "rewrite the golden scenes in testdata")

// TestGoldenScenes imports every real capture and compares the scene file
// with its golden copy, testdata/NAME.golden.yaml. Each must load as it is,
// without a single diagnostic. Run "go test ./generator/capture -update"
// to rewrite them, and review the diff before committing it.
func TestGoldenScenes(t *testing.T) {
	for _, tc := range captures {
		t.Run(tc.file, func(t *testing.T) {
			c := decodeFile(t, tc.file, tc.keys)
			d, summary := c.Draft(DraftOptions{Topic: "captures"})
			data, err := content.MarshalDraft(d)
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(tc.file, filepath.Ext(tc.file))
			if s, diags := content.ParseScene(data, "scenes/"+name+".yaml"); len(diags) > 0 || s == nil {
				t.Fatalf("the imported scene does not load:\n%s", diags)
			}
			out := "# summary: " + strings.Join(summary, "; ") + "\n# warnings: " + strings.Join(c.Warnings, "; ") + "\n" + string(data)
			file := filepath.Join("testdata", name+".golden.yaml")
			if *update {
				if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update to write it)", err)
			}
			if d := golden.Diff(file, want, []byte(out)); d != "" {
				t.Errorf("the scene differs from its golden copy (run go test -update and review the diff):\n%s", d)
			}
		})
	}
}
