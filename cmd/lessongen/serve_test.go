package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

const (
	serveSite  = "title: Test\nlanguage: en\ntopics:\n  - id: web\n    title: Web\n"
	serveScene = "title: Hello\ntopic: web\nactors:\n  - id: pc\n    name: PC\n  - id: server\n    name: Server\nsteps:\n  - from: pc\n    to: server\n    label: SYN\n    text: First version.\n"
)

// started sends on the channel it returns each command startCommand is
// asked to start, in place of starting it, until the test ends; fail, if
// not nil, is what starting returns. runServer opens the browser after it
// says where it serves, so tests wait for the command.
func started(t *testing.T, fail error) chan []string {
	calls := make(chan []string, 10)
	old := startCommand
	startCommand = func(name string, args ...string) error {
		calls <- append([]string{name}, args...)
		return fail
	}
	t.Cleanup(func() { startCommand = old })
	return calls
}

// nextStart is the next command started, within 10 s.
func nextStart(t *testing.T, calls chan []string) []string {
	t.Helper()
	select {
	case c := <-calls:
		return c
	case <-time.After(10 * time.Second):
		t.Fatal("no command was started within 10 s")
	}
	return nil
}

// A server is runServer running in the background on a free port, and
// what it prints, a line at a time.
type server struct {
	url   string
	lines chan string
	// done is closed when runServer has returned err.
	done chan struct{}
	err  error
	stop context.CancelFunc
}

// startServer runs runServer on a site in a new folder, and waits for it to
// say where it serves.
func startServer(t *testing.T, open bool) (s *server, contentDir string) {
	t.Helper()
	contentDir = filepath.Join(t.TempDir(), "content")
	os.MkdirAll(filepath.Join(contentDir, "scenes"), 0o755)
	os.WriteFile(filepath.Join(contentDir, "site.yaml"), []byte(serveSite), 0o644)
	os.WriteFile(filepath.Join(contentDir, "scenes", "hello.yaml"), []byte(serveScene), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	r, w := io.Pipe()
	s = &server{lines: make(chan string, 100), done: make(chan struct{}), stop: cancel}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
	}()
	go func() {
		s.err = runServer(ctx, contentDir, "127.0.0.1:0", open, w)
		w.Close()
		close(s.done)
	}()
	t.Cleanup(func() {
		cancel()
		<-s.done
	})
	// The first build's line, then where it serves.
	if l := s.line(t); !strings.HasPrefix(l, "built ") {
		t.Fatalf("runServer first printed %q, want the first build's line", l)
	}
	l := s.line(t)
	_, rest, ok := strings.Cut(l, " at http://")
	if !strings.HasPrefix(l, "Serving "+contentDir+" at http://127.0.0.1:") || !ok || !strings.Contains(rest, "; press Ctrl-C to stop)") {
		t.Fatalf("runServer printed %q, want where it serves", l)
	}
	s.url = "http://" + strings.Fields(rest)[0]
	return s, contentDir
}

// line is the next line the server prints, within 10 s.
func (s *server) line(t *testing.T) string {
	t.Helper()
	l, ok := s.lineWithin(t, 10*time.Second)
	if !ok {
		t.Fatal("runServer printed nothing for 10 s")
	}
	return l
}

// lineWithin is the next line the server prints, if it prints one within d.
func (s *server) lineWithin(t *testing.T, d time.Duration) (string, bool) {
	t.Helper()
	select {
	case l, ok := <-s.lines:
		if !ok {
			<-s.done
			t.Fatalf("runServer ended: %v", s.err)
		}
		return l, true
	case <-time.After(d):
		return "", false
	}
}

func fetch(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestRunServer serves a site as "lessongen serve" does, shows an edit,
// and stops when told to.
func TestRunServer(t *testing.T) {
	calls := started(t, nil)
	s, dir := startServer(t, false)
	page := s.url + "en/hello/1/"
	code, body := fetch(t, page)
	if code != 200 || !strings.Contains(body, "First version.") || !strings.Contains(body, `<script src="/_lessongen/live.js"`) {
		t.Fatalf("GET %s: %d\n%s", page, code, body)
	}
	if code, _ := fetch(t, s.url+"en/nope/"); code != 404 {
		t.Errorf("a page that does not exist: %d", code)
	}

	// An edit is served once it is rebuilt. The watcher may still be
	// registering the folder at the first save, so save until it is seen.
	scene := filepath.Join(dir, "scenes", "hello.yaml")
	edited := strings.Replace(serveScene, "First version.", "Edited.", 1)
	for deadline := time.Now().Add(10 * time.Second); ; {
		os.WriteFile(scene, []byte(edited), 0o644)
		if l, ok := s.lineWithin(t, 500*time.Millisecond); ok && !strings.HasPrefix(l, "built ") {
			t.Fatalf("after a save runServer printed %q, want a build's line", l)
		}
		if _, body := fetch(t, page); strings.Contains(body, "Edited.") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the edit is not served within 10 s")
		}
	}

	// A broken save prints the error and keeps the last good site.
	os.WriteFile(scene, []byte(strings.Replace(edited, "to: server", "to: sever", 1)), 0o644)
	for l := s.line(t); !strings.Contains(l, "still serving the last good build"); l = s.line(t) {
		if strings.HasPrefix(l, "built ") {
			continue // a second build of the save before
		}
		if !strings.Contains(l, `hello.yaml:10:9: unknown actor "sever"`) {
			t.Errorf("after a broken save runServer printed %q", l)
		}
	}
	if code, body := fetch(t, page); code != 200 || !strings.Contains(body, "Edited.") {
		t.Errorf("after a broken save: %d, and the page does not show the last good build", code)
	}

	s.stop()
	select {
	case <-s.done:
		if s.err != nil {
			t.Errorf("runServer returned %v when stopped", s.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("runServer did not return within 10 s of being stopped")
	}
	var rest []string
	for l := range s.lines {
		rest = append(rest, l)
	}
	if !slices.Contains(rest, "stopped") {
		t.Errorf("when stopped runServer printed %q, want \"stopped\"", rest)
	}
	if _, err := http.Get(page); err == nil {
		t.Error("the server still answers after runServer returned")
	}
	if len(calls) != 0 {
		t.Errorf("without --open, serve started %q", <-calls)
	}
}

// TestRunServerOpen: with --open the browser is sent to the address served,
// and a browser that cannot be started is reported, not fatal.
func TestRunServerOpen(t *testing.T) {
	calls := started(t, nil)
	s, _ := startServer(t, true)
	name, _ := browserCommand(runtime.GOOS, "")
	if got, want := nextStart(t, calls), []string{name, s.url}; !slices.Equal(got, want) {
		t.Errorf("--open started %q, want %q", got, want)
	}

	started(t, errors.New(`exec: "xdg-open": executable file not found in $PATH`))
	s, _ = startServer(t, true)
	if l := s.line(t); l != `Could not open a browser (exec: "xdg-open": executable file not found in $PATH); open `+s.url+" in one" {
		t.Errorf("with no browser to start runServer printed %q", l)
	}
	if code, _ := fetch(t, s.url+"en/hello/1/"); code != 200 {
		t.Errorf("with no browser to start the site is not served: %d", code)
	}
}

// TestRunServerPortInUse: a port another server holds is an error that
// says what to do, and nothing is opened.
func TestRunServerPortInUse(t *testing.T) {
	calls := started(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	dir := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(filepath.Join(dir, "scenes"), 0o755)
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(serveSite), 0o644)
	err = runServer(context.Background(), dir, ln.Addr().String(), true, io.Discard)
	if err == nil || !strings.HasPrefix(err.Error(), "cannot listen on "+ln.Addr().String()+": ") || !strings.HasSuffix(err.Error(), "(is another server using the port? try --port)") {
		t.Errorf("serving on a port in use: %v", err)
	}
	if len(calls) != 0 {
		t.Errorf("serve started %q though it serves nothing", <-calls)
	}
}

// TestBrowserCommand: each system's way to open a page in its default
// browser.
func TestBrowserCommand(t *testing.T) {
	for _, c := range []struct{ goos, name string }{
		{"linux", "xdg-open"}, {"freebsd", "xdg-open"}, {"darwin", "open"}, {"windows", "explorer"},
	} {
		name, args := browserCommand(c.goos, "http://127.0.0.1:1313/")
		if name != c.name || !slices.Equal(args, []string{"http://127.0.0.1:1313/"}) {
			t.Errorf("%s: %s %q, want %s and the address", c.goos, name, args, c.name)
		}
	}
	calls := started(t, errors.New("no"))
	if err := openBrowser("http://127.0.0.1:1313/"); err == nil || err.Error() != "no" {
		t.Errorf("openBrowser returned %v, not the error of starting the browser", err)
	}
	name, _ := browserCommand(runtime.GOOS, "")
	if got, want := nextStart(t, calls), []string{name, "http://127.0.0.1:1313/"}; !slices.Equal(got, want) {
		t.Errorf("openBrowser started %q, want %q", got, want)
	}
}
