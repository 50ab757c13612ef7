package pipeline

import (
	"sort"
	"sync"
)

// Memory is a Writer that keeps the site in memory, for tests and for
// serving without touching the disk.
type Memory struct {
	mu    sync.Mutex
	files map[string][]byte
}

// WriteFile keeps data at path; the caller must not modify it afterwards.
func (m *Memory) WriteFile(path string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[path] = data // writers never modify what they handed over
	return nil
}

// remove forgets the files at paths.
func (m *Memory) remove(paths []string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, p := range paths {
		delete(m.files, p)
	}
}

// File returns the file at path, or nil.
func (m *Memory) File(path string) []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.files[path]
}

// Paths lists every file written, sorted.
func (m *Memory) Paths() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.files))
	for p := range m.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
