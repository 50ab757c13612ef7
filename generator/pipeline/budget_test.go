package pipeline

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestSceneBudget builds scenes whose pages would be far larger than their
// files: every step page lists every step, so 400 one-letter steps make 400
// lists of 400. Such a scene is refused, by build and check alike, before
// more than its budget is handed to the writer (when the step log alone
// shows the scene is too large, before its step pages are rendered at all).
func TestSceneBudget(t *testing.T) {
	var tiny, amp strings.Builder
	for range 400 {
		tiny.WriteString("  - note: a\n    label: x\n")
	}
	actors := ""
	for i := range 16 {
		actors += fmt.Sprintf("  - id: a%d\n    name: %q\n", i, strings.Repeat("&", 60))
	}
	for i := range 500 {
		fmt.Fprintf(&amp, "  - from: a%d\n    to: a%d\n    label: %q\n", i%16, (i+1)%16, strings.Repeat("&", 200))
	}
	for _, tc := range []struct {
		name, scene, want string
	}{
		{"400 one-letter steps", "title: A\ntopic: web\nactors:\n  - id: a\n    name: A\nsteps:\n" + tiny.String(),
			"content/scenes/s.yaml: the pages of this scene in en would be over 19.2 MB, 2000 bytes for each byte of the scene file and its translation; split it into shorter scenes, since every step page lists all the steps\n"},
		{"500 steps of escaped labels", "title: A\ntopic: web\nactors:\n" + actors + "steps:\n" + amp.String(),
			"content/scenes/s.yaml: the pages of this scene in en would be over 64 MB, the most one scene may make; split it into shorter scenes, since every step page lists all the steps\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"site.yaml": {Data: []byte(fuzzSite)}, "scenes/s.yaml": {Data: []byte(tc.scene)}}
			opts := Options{Content: fsys, ContentName: "content"}
			var m Memory
			start := time.Now()
			_, diags, err := Site(opts, &m)
			took := time.Since(start)
			if err != ErrContent || diags.String() != tc.want {
				t.Errorf("build: %v\n%s\nwant:\n%s", err, diags, tc.want)
			}
			if got := Check(opts).String(); got != tc.want {
				t.Errorf("check:\n%s\nwant:\n%s", got, tc.want)
			}
			var written int
			for _, p := range m.Paths() {
				if strings.HasPrefix(p, "en/s/") {
					written += len(m.File(p))
				}
			}
			t.Logf("refused after %v, %d bytes of the scene's pages handed over", took, written)
			if written > 20<<20 || tc.name == "500 steps of escaped labels" && written > 4<<20 {
				t.Errorf("%d bytes of the scene's pages were written before it was refused", written)
			}
		})
	}
}
