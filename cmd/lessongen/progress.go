package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/lessongen/lessongen/generator/pipeline"
)

// isTerminal reports whether w is a terminal, where progress is shown;
// output piped to a file or a CI log stays quiet.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progress redraws one status line, at most ten times a second.
type progress struct {
	w     io.Writer
	mu    sync.Mutex
	last  time.Time
	drawn bool
}

func (p *progress) update(_ string, s pipeline.Stats) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.drawn = true
	fmt.Fprintf(p.w, "\r\033[Kwriting… %d pages, %d files, %s", s.Pages, s.Files, plural(s.Languages, "language"))
}

// done clears the status line; a nil progress does nothing.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
