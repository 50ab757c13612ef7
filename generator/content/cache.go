package content

import (
	"hash/maphash"
	"sync"

	"github.com/lessongen/lessongen/generator/diag"
)

// Cache keeps the decoded form of each content file by the hash of its
// bytes, so that loading the content again (lessongen serve, after a save)
// parses only the files that changed. The zero value is ready to use; a nil
// *Cache caches nothing. Decoded values are never modified after decoding,
// so builds may share them.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cached
}

type cached struct {
	hash  uint64
	value any
	diags diag.List
	// stamp is the file's modification time and size when it was read.
	stamp stamp
}

// stamp identifies a file version without reading it. The zero stamp (an
// in-memory file system without times) never matches, so such files are
// always read and hashed.
type stamp struct {
	mod  int64
	size int64
}

// unchanged returns the cached entry for path when the file's stamp is the
// one it was read with.
func (c *Cache) unchanged(path string, st stamp) (cached, bool) {
	if c == nil || st.mod == 0 {
		return cached{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[path]
	return e, ok && e.stamp == st
}

// seed hashes file contents; the hashes only compare files within one
// process, so a random seed is fine.
var seed = maphash.MakeSeed()

// Hash is the hash of a file's contents that the cache and the build's
// change detection compare.
func Hash(data []byte) uint64 { return maphash.Bytes(seed, data) }

// decode returns what f decodes from data, the file at path p, reusing the
// previous result when the file's bytes are unchanged. The file's
// diagnostics are added to diags either way.
func (c *Cache) decode(p string, data []byte, st stamp, diags *diag.List, f func(d *decoder) any) any {
	h := Hash(data)
	if c != nil {
		c.mu.Lock()
		e, ok := c.entries[p]
		c.mu.Unlock()
		if ok && e.hash == h {
			*diags = append(*diags, e.diags...)
			if e.stamp != st {
				c.mu.Lock()
				e.stamp = st
				c.entries[p] = e
				c.mu.Unlock()
			}
			return e.value
		}
	}
	var local diag.List
	v := f(&decoder{path: p, diags: &local})
	*diags = append(*diags, local...)
	if c != nil {
		c.mu.Lock()
		if c.entries == nil {
			c.entries = map[string]cached{}
		}
		c.entries[p] = cached{hash: h, value: v, diags: local, stamp: st}
		c.mu.Unlock()
	}
	return v
}
