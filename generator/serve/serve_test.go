package serve

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lessongen/lessongen/generator/pipeline"
)

const site = "title: Test\nlanguage: en\ntopics:\n  - id: web\n    title: Web\n"

const scene = "title: Hello\ntopic: web\nactors:\n  - id: pc\n    name: PC\n  - id: server\n    name: Server\nsteps:\n  - from: pc\n    to: server\n    label: SYN\n    text: First version.\n"

func setup(t *testing.T) (dir string, srv *Server, ts *httptest.Server) {
	t.Helper()
	dir = t.TempDir()
	os.MkdirAll(filepath.Join(dir, "scenes"), 0o755)
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(site), 0o644)
	os.WriteFile(filepath.Join(dir, "scenes/hello.yaml"), []byte(scene), 0o644)
	srv = New(pipeline.Options{Content: os.DirFS(dir), ContentName: "content"})
	srv.Rebuild()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	watching(t, srv, dir, func() error { return srv.Watch(ctx, dir) })
	ts = httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return dir, srv, ts
}

// subscribe returns a channel that receives the state after every rebuild,
// as the event stream's pages do, until the test ends.
func subscribe(t *testing.T, srv *Server) <-chan State {
	c := make(chan State, 64)
	srv.mu.Lock()
	srv.subs[c] = struct{}{}
	srv.mu.Unlock()
	t.Cleanup(func() {
		srv.mu.Lock()
		delete(srv.subs, c)
		srv.mu.Unlock()
	})
	return c
}

// watching runs watch, srv's Watch, in the background and returns once it
// rebuilds on a save: it saves dir/site.yaml unchanged, by renaming a copy
// over it, until a rebuild
// follows (a sleep would guess how long registering the folders takes),
// then until the rebuilds stop, so that none of its own reaches the test.
// The site's Gen is then one or more past what it was.
func watching(t *testing.T, srv *Server, dir string, watch func() error) {
	t.Helper()
	c := subscribe(t, srv)
	stopped := make(chan error, 1)
	go func() { stopped <- watch() }()
	p := filepath.Join(dir, "site.yaml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		// Saved whole, as an editor that renames its copy over the file
		// does: a rebuild between os.WriteFile's truncating and writing
		// would see an empty site.yaml, and a busy machine's next one
		// could come after this function had returned.
		if err := os.WriteFile(p+"~", data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(p+"~", p); err != nil {
			t.Fatal(err)
		}
		select {
		case <-c:
			for {
				select {
				case <-c:
				case <-time.After(5 * settle):
					return
				}
			}
		case err := <-stopped:
			t.Fatalf("Watch stopped: %v", err)
		case <-time.After(5 * settle):
		}
		if time.Now().After(deadline) {
			t.Fatal("no rebuild within 10 s of saving site.yaml: the watcher does not see the content folder")
		}
	}
}

// gen is the count of srv's good builds.
func gen(srv *Server) int {
	srv.mu.RLock()
	defer srv.mu.RUnlock()
	return srv.state.Gen
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

// events subscribes to the build events of a page.
func events(t *testing.T, ts *httptest.Server) <-chan State {
	t.Helper()
	resp, err := http.Get(ts.URL + "/_lessongen/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	out := make(chan State, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if data, ok := strings.CutPrefix(sc.Text(), "data: "); ok {
				var st State
				json.Unmarshal([]byte(data), &st)
				out <- st
			}
		}
	}()
	return out
}

func next(t *testing.T, c <-chan State) State {
	t.Helper()
	select {
	case st := <-c:
		return st
	case <-time.After(5 * time.Second):
		t.Fatal("no build event within 5 s")
	}
	return State{}
}

func TestEditReloadBreakRecover(t *testing.T) {
	dir, srv, ts := setup(t)
	g := gen(srv) // the builds so far
	page := ts.URL + "/en/hello/1/index.html"
	code, body, h := get(t, page)
	if code != 200 || !strings.Contains(body, "First version.") || !strings.Contains(body, fmt.Sprintf(`<script src="/_lessongen/live.js" data-gen="%d" defer></script>`, g)) {
		t.Fatalf("first fetch: %d\n%s", code, body)
	}
	if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("headers: %v", h)
	}
	ev := events(t, ts)
	if st := next(t, ev); st.Gen != g || len(st.Errors) != 0 {
		t.Fatalf("initial state %+v, want gen %d", st, g)
	}

	// The author edits the narration and saves.
	os.WriteFile(filepath.Join(dir, "scenes/hello.yaml"), []byte(strings.Replace(scene, "First version.", "Second version.", 1)), 0o644)
	if st := next(t, ev); st.Gen != g+1 || len(st.Errors) != 0 {
		t.Fatalf("after an edit: %+v", st)
	}
	if _, body, _ := get(t, page); !strings.Contains(body, "Second version.") {
		t.Error("the page does not show the edit")
	}

	// A broken save: the errors are published, the last good site stays.
	os.WriteFile(filepath.Join(dir, "scenes/hello.yaml"), []byte(strings.Replace(scene, "to: server", "to: sever", 1)), 0o644)
	st := next(t, ev)
	if st.Gen != g+1 || len(st.Errors) != 1 || st.Errors[0] != `content/scenes/hello.yaml:10:9: unknown actor "sever"; did you mean "server"?` {
		t.Fatalf("after a broken save: %+v", st)
	}
	if code, body, _ := get(t, page); code != 200 || !strings.Contains(body, "Second version.") {
		t.Errorf("the last good page is not served: %d", code)
	}

	// Half a file, as an editor may leave it for a moment: no crash.
	os.WriteFile(filepath.Join(dir, "scenes/hello.yaml"), []byte(scene[:40]), 0o644)
	if st := next(t, ev); len(st.Errors) == 0 {
		t.Errorf("a half-written file built: %+v", st)
	}

	// Fixed: the pages reload and show the fix.
	os.WriteFile(filepath.Join(dir, "scenes/hello.yaml"), []byte(strings.Replace(scene, "First version.", "Third version.", 1)), 0o644)
	if st := next(t, ev); st.Gen != g+2 || len(st.Errors) != 0 {
		t.Fatalf("after the fix: %+v", st)
	}
	if _, body, _ := get(t, page); !strings.Contains(body, "Third version.") {
		t.Error("the page does not show the fix")
	}
}

func TestPaths(t *testing.T) {
	_, _, ts := setup(t)
	for _, tc := range []struct {
		path  string
		code  int
		ctype string
	}{
		{"/", 200, "text/html; charset=utf-8"},
		{"/en/", 200, "text/html; charset=utf-8"},
		{"/en/hello/1/", 200, "text/html; charset=utf-8"},
		{"/en/hello/1.svg", 200, "image/svg+xml"},
		{"/assets/favicon.svg", 200, "image/svg+xml"},
		{"/en/nope/", 404, ""},
		{"/en/../../etc/passwd", 400, ""},
		{"/en/%2e%2e/%2e%2e/etc/passwd", 400, ""},
		{"/en/..%5c..%5cetc", 400, ""},
	} {
		req, _ := http.NewRequest("GET", ts.URL, nil)
		req.URL.Opaque = tc.path // send the path as written, unnormalised
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.code || (tc.ctype != "" && resp.Header.Get("Content-Type") != tc.ctype) {
			t.Errorf("GET %s: %d %s, want %d %s", tc.path, resp.StatusCode, resp.Header.Get("Content-Type"), tc.code, tc.ctype)
		}
	}
}

func TestBrokenFromTheStart(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: [\n"), 0o644)
	srv := New(pipeline.Options{Content: os.DirFS(dir), ContentName: "content"})
	srv.Rebuild()
	ts := httptest.NewServer(srv)
	defer ts.Close()
	code, body, _ := get(t, ts.URL+"/en/index.html")
	if code != 500 || !strings.Contains(body, "content/site.yaml:1:1: YAML syntax error") || !strings.Contains(body, "/_lessongen/live.js") {
		t.Errorf("%d\n%s", code, body)
	}
}
