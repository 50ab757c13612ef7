// Package serve builds a site in memory and serves it on loopback while
// the author edits: it watches the content and theme folders, rebuilds on
// every save, and tells open pages to reload. A build with errors leaves
// the last good site served and shows the errors over the page.
package serve

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/pipeline"
)

// Server is a live site. The zero value is not usable; call New.
type Server struct {
	inc *pipeline.Incremental
	// Log receives one line per rebuild; nil for none.
	Log io.Writer

	mu    sync.RWMutex
	site  *pipeline.Memory // the last good build, or nil
	state State
	subs  map[chan State]struct{}
}

// State is what open pages are told after each build.
type State struct {
	// Gen counts good builds: a page reloads when it changes.
	Gen int `json:"gen"`
	// Errors are the current build's problems, one "path:line:col: message"
	// each; empty when it succeeded.
	Errors []string `json:"errors"`
	// Stats of the last good build.
	Pages int `json:"pages"`
}

// New returns a server for the site that opts describe. It does not build
// until Rebuild is called.
func New(opts pipeline.Options) *Server {
	return &Server{inc: pipeline.NewIncremental(opts), subs: map[chan State]struct{}{}}
}

// Rebuild builds the site in memory again, re-rendering only what changed.
// On success the new site replaces the old; on failure the old stays and the
// errors are published.
func (s *Server) Rebuild() State {
	start := time.Now()
	m, stats, diags, err := s.inc.Build()
	s.mu.Lock()
	st := State{Gen: s.state.Gen, Pages: s.state.Pages}
	switch {
	case err == nil:
		s.site = m
		st.Gen++
		st.Pages = stats.Pages
	case diags.HasErrors():
		st.Errors = lines(diags)
	default:
		st.Errors = []string{err.Error()}
	}
	s.state = st
	subs := make([]chan State, 0, len(s.subs))
	for c := range s.subs {
		subs = append(subs, c)
	}
	s.mu.Unlock()
	for _, c := range subs {
		select {
		case c <- st:
		default: // a slow client catches up with the next state
		}
	}
	if s.Log != nil {
		if len(st.Errors) == 0 {
			fmt.Fprintf(s.Log, "built %d pages in %s (%d files unchanged)\n", stats.Pages, time.Since(start).Round(time.Millisecond), stats.Reused)
		} else {
			fmt.Fprintf(s.Log, "%s%d errors; still serving the last good build\n", strings.Join(st.Errors, "\n")+"\n", len(st.Errors))
		}
	}
	return st
}

func lines(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

// ServeHTTP serves the site, the live-reload script and its event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-cache")
	if !ownHost(r) {
		misdirected(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/_lessongen/events":
		s.events(w, r)
		return
	case "/_lessongen/live.js":
		h.Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, liveJS)
		return
	}
	name, ok := sitePath(r.URL.Path)
	if !ok {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	s.mu.RLock()
	site, st := s.site, s.state
	s.mu.RUnlock()
	if site == nil {
		h.Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, errorPage(st.Errors))
		return
	}
	data := site.File(name)
	if data == nil && !strings.HasSuffix(name, ".html") && path.Ext(name) == "" {
		if data = site.File(path.Join(name, "index.html")); data != nil {
			// From the cleaned name, never the path as sent: "//en" + "/"
			// would send the browser to the host "en".
			http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if data == nil {
		status, name, data = http.StatusNotFound, "404.html", site.File("404.html")
		if data == nil {
			http.NotFound(w, r)
			return
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	if strings.HasSuffix(name, ".html") {
		data = inject(data, st.Gen)
	}
	w.WriteHeader(status)
	w.Write(data)
}

// sitePath maps a URL path to a file of the site, refusing any path with a
// ".." segment, however it was encoded.
func sitePath(p string) (string, bool) {
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || strings.ContainsRune(seg, '\\') || strings.ContainsRune(seg, 0) {
			return "", false
		}
	}
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if name == "" || strings.HasSuffix(p, "/") {
		name = path.Join(name, "index.html")
	}
	return name, true
}

// inject adds the live-reload script to a page, with the build it comes
// from, so that a build finished before the script connects still reloads.
func inject(page []byte, gen int) []byte {
	tag := fmt.Sprintf(`<script src="/_lessongen/live.js" data-gen="%d" defer></script>`, gen)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// events streams the build state to a page as server-sent events: the
// current state at once, then every new one.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	rc := http.NewResponseController(w)
	// The stream lasts as long as the page: the server's write limit, meant
	// for stalled readers of a page, does not apply to it.
	if err := rc.SetWriteDeadline(time.Time{}); err != nil {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	c := make(chan State, 1)
	s.mu.Lock()
	s.subs[c] = struct{}{}
	c <- s.state
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, c)
		s.mu.Unlock()
	}()
	io.WriteString(w, "retry: 500\n\n")
	keepAlive := time.NewTicker(15 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case st := <-c:
			data, _ := json.Marshal(st)
			fmt.Fprintf(w, "event: build\ndata: %s\n\n", data)
		case <-keepAlive.C:
			io.WriteString(w, ": keep-alive\n\n")
		}
		if rc.Flush() != nil {
			return
		}
	}
}
