package capture

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

// FuzzDecode feeds arbitrary bytes as a capture, seeded with the real ones:
// never a panic, and every draft it makes loads.
func FuzzDecode(f *testing.F) {
	for _, tc := range captures {
		data, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		keys, _ := os.ReadFile(filepath.Join("testdata", "tls13.keys"))
		c, err := Decode(bytes.NewReader(data), Options{Name: "fuzz.pcap", KeyLog: keys})
		if err != nil {
			return
		}
		d, _ := c.Draft(DraftOptions{Topic: "captures"})
		if len(d.Steps) == 0 {
			return
		}
		yaml, err := content.MarshalDraft(d)
		if err != nil {
			t.Fatal(err)
		}
		if _, diags := content.ParseScene(yaml, "scenes/fuzz.yaml"); diags.HasErrors() {
			t.Fatalf("the draft of a fuzzed capture does not load:\n%s\n%s", diags, yaml)
		}
	})
}
