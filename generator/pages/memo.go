package pages

import (
	"bytes"
	"encoding/json"
	"sync"
)

// Memo remembers the index pages, which list every scene, by the data they
// were rendered from, so that a rebuild renders one again only when that
// data changed: on a site of hundreds of scenes an index takes longer to
// render than an edited scene's pages. The data leaves out the theme and
// the UI strings, so whoever keeps a Memo across builds starts a new one
// when those change. A nil *Memo remembers nothing.
type Memo struct {
	mu    sync.Mutex
	pages map[string]memoPage
}

// memoPage is a rendered page and, as its key, its data in JSON.
type memoPage struct {
	key, out []byte
}

// execute is g.execute(name, data) for the page at path, or what it
// returned for the same data last time.
func (m *Memo) execute(g *Generator, path, name string, data any) ([]byte, error) {
	if m == nil {
		return g.execute(name, data)
	}
	key, err := json.Marshal(data)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	old, ok := m.pages[path]
	m.mu.Unlock()
	if ok && bytes.Equal(old.key, key) {
		return old.out, nil
	}
	out, err := g.execute(name, data)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	if m.pages == nil {
		m.pages = map[string]memoPage{}
	}
	m.pages[path] = memoPage{key, out}
	m.mu.Unlock()
	return out, nil
}
