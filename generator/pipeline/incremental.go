package pipeline

import (
	"maps"
	"sort"
	"sync"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/pages"
	"github.com/lessongen/lessongen/generator/theme"
)

// Incremental builds a site into memory again and again, as lessongen serve
// does after each save. A rebuild parses only the files that changed and
// renders only the scenes, in each language, whose inputs changed: editing
// one scene's narration re-renders that scene in every language; editing a
// locale file, that language's pages of that scene; editing a template,
// site.yaml or anything shared, everything. Index pages, which list every
// scene, are rendered again when what they show of any scene changed.
type Incremental struct {
	opts   Options
	parsed content.Cache

	mu   sync.Mutex
	prev *Memory
	// keys are the input fingerprints of the last good build and of the
	// build under way, by "lang/scene"; files the paths each wrote, and
	// siteFiles the paths of the files of no one scene (assets, indexes).
	keys, next               map[string]uint64
	files, nextFiles         map[string][]string
	siteFiles, nextSiteFiles []string
	cur                      *Memory
	// index keeps the index pages while the inputs of every page, whose
	// fingerprint is shared, stay the same.
	index  *pages.Memo
	shared uint64
}

// NewIncremental returns an Incremental for opts; its first Build is a full
// build.
func NewIncremental(opts Options) *Incremental {
	return &Incremental{opts: opts}
}

// Build builds the site into a new Memory. It returns the build's stats, in
// which Reused counts the files carried over from the previous build. When
// the build fails, the previous one stays the base of the next.
func (inc *Incremental) Build() (*Memory, Stats, diag.List, error) {
	m := &Memory{}
	if inc.prev != nil {
		// The build starts from a copy of the previous one: copying the map
		// whole costs far less than carrying tens of thousands of files
		// over one by one. It then removes or replaces what changed.
		m.files = maps.Clone(inc.prev.files)
		m.remove(inc.siteFiles)
	}
	inc.cur, inc.next, inc.nextFiles, inc.nextSiteFiles = m, map[string]uint64{}, map[string][]string{}, nil
	stats, diags, err := run(inc.opts, m, inc)
	if err != nil {
		return nil, stats, diags, err
	}
	for id, paths := range inc.files {
		if _, ok := inc.next[id]; !ok {
			m.remove(paths) // a scene or language that is gone
		}
	}
	inc.prev, inc.keys, inc.files, inc.siteFiles = m, inc.next, inc.nextFiles, inc.nextSiteFiles
	return m, stats, diags, nil
}

// wrote records the files a scene's pages in one language were written to.
func (inc *Incremental) wrote(lang, scene string, paths []string) {
	if inc == nil {
		return
	}
	inc.mu.Lock()
	inc.nextFiles[lang+"/"+scene] = paths
	inc.mu.Unlock()
}

// siteWriter returns the writer of the files of no one scene, which records
// their paths, so that the next build can remove any it does not write.
func (inc *Incremental) siteWriter(w Writer) Writer {
	if inc == nil {
		return w
	}
	return siteWriter{inc, w}
}

type siteWriter struct {
	inc *Incremental
	w   Writer
}

func (s siteWriter) WriteFile(path string, data []byte) error {
	s.inc.mu.Lock()
	s.inc.nextSiteFiles = append(s.inc.nextSiteFiles, path)
	s.inc.mu.Unlock()
	return s.w.WriteFile(path, data)
}

// memo returns the Memo of index pages for a build whose shared inputs
// have the fingerprint shared: a new one when they changed.
func (inc *Incremental) memo(shared uint64) *pages.Memo {
	if inc == nil {
		return nil
	}
	if inc.index == nil || inc.shared != shared {
		inc.index, inc.shared = &pages.Memo{}, shared
	}
	return inc.index
}

func (inc *Incremental) cache() *content.Cache {
	if inc == nil {
		return nil
	}
	return &inc.parsed
}

// reuse records the fingerprint of a scene's inputs in one language and,
// when the previous build had the same, keeps its files in the new build
// and reports true; otherwise it removes them, for the caller to write
// anew. A nil Incremental reuses nothing.
func (inc *Incremental) reuse(lang, scene string, key uint64, cw *countingWriter) bool {
	if inc == nil {
		return false
	}
	id := lang + "/" + scene
	inc.mu.Lock()
	inc.next[id] = key
	same := inc.prev != nil && inc.keys[id] == key
	paths := inc.files[id]
	if same {
		inc.nextFiles[id] = paths
	}
	inc.mu.Unlock()
	if !same {
		inc.cur.remove(paths) // the scene may now have fewer steps
		return false
	}
	cw.mu.Lock()
	cw.stats.Reused += len(paths)
	cw.mu.Unlock()
	return true
}

// sharedKey fingerprints what every page depends on: the theme, the base
// URL, the languages, and every content file that is not a scene or a scene
// translation (site.yaml, the locale site.yaml and ui.yaml files).
func sharedKey(s *content.Site, th *theme.Theme) uint64 {
	perScene := map[string]bool{}
	for _, sc := range s.Scenes {
		perScene[sc.Path] = true
	}
	for _, l := range s.Languages {
		for _, t := range l.Scenes {
			perScene[t.Path] = true
		}
	}
	var paths []string
	for p := range s.Files {
		if !perScene[p] {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths) // sorted, so the same files give the same key
	h := th.Hash ^ content.Hash([]byte(s.BaseURL))
	for _, p := range paths {
		h = h*31 + content.Hash([]byte(p)) ^ s.Files[p]
	}
	for _, l := range s.Languages {
		h = h*31 + content.Hash([]byte(l.Tag+" "+l.Name+" "+l.Dir))
	}
	return h
}

// sceneKey fingerprints the inputs of one scene's pages in one language: the
// shared inputs, the scene file and its translation, and those of the
// related scenes, whose titles the overview shows.
func sceneKey(s *content.Site, shared uint64, l *content.Language, sc *content.Scene) uint64 {
	file := func(id, path string) uint64 {
		h := s.Files[path]
		if t, ok := l.Scenes[id]; ok {
			h = h*31 + s.Files[t.Path]
		}
		return h
	}
	h := shared*31 + file(sc.ID, sc.Path)
	for _, r := range sc.Related {
		for _, other := range s.Scenes {
			if other.ID == r.ID {
				h = h*31 + file(other.ID, other.Path)
			}
		}
	}
	return h
}
