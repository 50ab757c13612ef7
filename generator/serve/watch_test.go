package serve

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lessongen/lessongen/generator/folder"
	"github.com/lessongen/lessongen/generator/pipeline"
)

// TestThemeCreatedLater: a site's theme folder made while serve runs is
// watched like one that was there from the start.
func TestThemeCreatedLater(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "content")
	os.MkdirAll(filepath.Join(dir, "scenes"), 0o755)
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(site), 0o644)
	os.WriteFile(filepath.Join(dir, "scenes/hello.yaml"), []byte(scene), 0o644)
	themeDir := filepath.Join(base, "themes", "default")
	srv := New(pipeline.Options{Content: folder.Open(dir), ContentName: "content", Theme: folder.Open(themeDir), ThemeName: "themes/default"})
	srv.Rebuild()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	watching(t, srv, dir, func() error { return srv.Watch(ctx, dir, themeDir) })
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	ev := events(t, ts)
	next(t, ev)

	// Folders made beside content/ on the way are no concern of serve's.
	os.WriteFile(filepath.Join(base, "notes.txt"), []byte("x"), 0o644)
	os.MkdirAll(filepath.Join(base, "node_modules", "x"), 0o755)
	os.MkdirAll(filepath.Join(themeDir, "assets"), 0o755)
	os.WriteFile(filepath.Join(themeDir, "assets", "favicon.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title>mine</title></svg>`), 0o644)
	deadline := time.Now().Add(10 * time.Second)
	for {
		st := next(t, ev)
		if _, body, _ := get(t, ts.URL+"/assets/favicon.svg"); strings.Contains(body, "<title>mine</title>") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the new theme's favicon is not served after build %d", st.Gen)
		}
	}
	// And its files are watched from then on.
	os.WriteFile(filepath.Join(themeDir, "assets", "favicon.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"><title>edited</title></svg>`), 0o644)
	for {
		st := next(t, ev)
		if _, body, _ := get(t, ts.URL+"/assets/favicon.svg"); strings.Contains(body, "<title>edited</title>") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the edited favicon is not served after build %d", st.Gen)
		}
	}
}
