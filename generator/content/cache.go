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
	// checks are the findings of the check of each scene translation, by
	// the translation's path; scenes are the scenes as Site.In translated
	// them, by language and the scene's path.
	checks map[string]check
	scenes map[[2]string]translatedScene
}

// translated says which files, by their hashes, a translated scene was made
// from, in which language from which source language.
type translated struct {
	lang, src string
	scene, tr uint64
}

type translatedScene struct {
	key   translated
	scene *Scene
}

// translated returns translate(), or what it returned last time for the
// scene at path in the same language from the same files: on a large site,
// translating every scene again after each save costs more than rendering
// the one that changed. Translated scenes, like decoded ones, are never
// modified.
func (c *Cache) translated(path string, key translated, translate func() *Scene) *Scene {
	if c == nil {
		return translate()
	}
	id := [2]string{key.lang, path}
	c.mu.Lock()
	e, ok := c.scenes[id]
	c.mu.Unlock()
	if ok && e.key == key {
		return e.scene
	}
	sc := translate()
	c.mu.Lock()
	if c.scenes == nil {
		c.scenes = map[[2]string]translatedScene{}
	}
	c.scenes[id] = translatedScene{key, sc}
	c.mu.Unlock()
	return sc
}

// check is the matching of a scene translation and what checking it
// found, and the hashes of the scene file and the translation file.
type check struct {
	scene, tr uint64
	m         *matching
	diags     diag.List
}

// checked returns the matching run makes of the translation at path and
// what it finds, or what it made and found last time when the scene file
// and the translation have the same hashes (scene and tr) as then:
// checking every translation of a large site after each save would cost
// more than rebuilding what changed.
func (c *Cache) checked(path string, scene, tr uint64, run func(*diag.List) *matching) (*matching, diag.List) {
	if c != nil {
		c.mu.Lock()
		e, ok := c.checks[path]
		c.mu.Unlock()
		if ok && e.scene == scene && e.tr == tr {
			return e.m, e.diags
		}
	}
	var diags diag.List
	m := run(&diags)
	if c != nil {
		c.mu.Lock()
		if c.checks == nil {
			c.checks = map[string]check{}
		}
		c.checks[path] = check{scene, tr, m, diags}
		c.mu.Unlock()
	}
	return m, diags
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
