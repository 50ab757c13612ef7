package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/folder"
	"gopkg.in/yaml.v3"
)

// Load reads site.yaml and scenes/*.yaml from fsys, validates them, and
// returns the site with its scenes in index order. root is the content
// folder as the user named it; diagnostics print paths under it.
//
// The returned list holds every problem found in every file. When it has
// errors the Site must not be used.
func Load(fsys fs.FS, root string) (*Site, diag.List) {
	return LoadCached(fsys, root, nil)
}

// LoadCached is Load, reusing what cache holds of files that have not
// changed since it last saw them.
func LoadCached(fsys fs.FS, root string, cache *Cache) (*Site, diag.List) {
	var diags diag.List
	l := &loader{fsys: fsys, cache: cache, diags: &diags, files: map[string]uint64{}, sizes: map[string]int64{}}
	display := func(name string) string { return joinDisplay(root, name) }

	site := l.site(display("site.yaml"))

	entries := readDir(fsys, "scenes", display("scenes"), &diags)
	type sceneFile struct{ name, display, id string }
	var files []sceneFile
	for _, e := range entries {
		name := e.Name()
		ext := path.Ext(name)
		// A folder named like a scene is read, and refused as a folder:
		// skipped, the author would never learn why the scene is missing.
		if (e.IsDir() && ext != ".yaml") || strings.HasPrefix(name, ".") {
			continue
		}
		p := display("scenes/" + name)
		if ext == ".yml" {
			diags.Errorf(diag.Pos{Path: p}, "scene files end in .yaml; rename it to %s", strings.TrimSuffix(name, ext)+".yaml")
			continue
		}
		if ext != ".yaml" {
			continue
		}
		id := strings.TrimSuffix(name, ext)
		if msg := IDProblem(id); msg != "" {
			diags.Errorf(diag.Pos{Path: p}, "scene id %q (the file name) %s", id, msg)
			continue
		}
		files = append(files, sceneFile{name, p, id})
	}
	scenes := make([]any, len(files))
	inParallel(len(files), func(i int) {
		f := files[i]
		scenes[i] = l.file("scenes/"+f.name, f.display, func(d *decoder, n *yaml.Node) any { return d.scene(n, f.id) })
	})
	for _, v := range scenes {
		if sc, ok := v.(*Scene); ok && site != nil {
			copy := *sc
			copy.Lang = site.Language
			site.Scenes = append(site.Scenes, &copy)
		}
	}
	if site != nil {
		if len(site.Scenes) == 0 && !diags.HasErrors() {
			diags.Errorf(diag.Pos{Path: display("scenes")}, "the site has no scenes; add one as %s, or run \"lessongen new scene ID\"", display("scenes/<id>.yaml"))
		}
		crossCheck(site, &diags)
		sortScenes(site)
		l.locales(display, site)
		site.Files, site.Sizes, site.cache = l.files, l.sizes, cache
	} else {
		l.translations(display, "")
	}
	diags.Sort()
	return site, diags
}

// loader reads the files of one Load, several at once: decoding YAML is
// most of loading a large site.
type loader struct {
	fsys  fs.FS
	cache *Cache
	// mu guards diags and files.
	mu    sync.Mutex
	diags *diag.List
	// files records the hash of every file read, by the path messages
	// use, and sizes its size in bytes.
	files map[string]uint64
	sizes map[string]int64
}

// file reads the file name (display is its path in messages), parses it and
// decodes its top-level mapping with f, through the cache. It returns nil
// when the file cannot be used; the reasons are in the diagnostics. It is
// safe to call from several goroutines.
func (l *loader) file(name, display string, f func(d *decoder, n *yaml.Node) any) any {
	var diags diag.List
	v, hash, size, ok := l.read(name, display, &diags, f)
	l.mu.Lock()
	defer l.mu.Unlock()
	if ok {
		l.files[display], l.sizes[display] = hash, size
	}
	*l.diags = append(*l.diags, diags...)
	return v
}

// read is file's work, with the file's hash and size, and false when it
// could not be read at all.
func (l *loader) read(name, display string, diags *diag.List, f func(d *decoder, n *yaml.Node) any) (any, uint64, int64, bool) {
	// A file whose time and size are as when it was last read is not read
	// again: on a large site, reading every file would cost more than the
	// rebuild of what changed.
	var st stamp
	if info, err := fs.Stat(l.fsys, name); err == nil && info.Size() <= MaxFileSize {
		st = stamp{mod: info.ModTime().UnixNano(), size: info.Size()}
		if e, ok := l.cache.unchanged(display, st); ok {
			*diags = append(*diags, e.diags...)
			return e.value, e.hash, st.size, true
		}
	}
	data, ok := readFile(l.fsys, name, display, diags)
	if !ok {
		return nil, 0, 0, false
	}
	return l.cache.decode(display, data, st, diags, func(d *decoder) any {
		if n := d.parse(data); n != nil {
			return f(d, n)
		}
		return nil
	}), Hash(data), int64(len(data)), true
}

// inParallel runs job(0..n-1) on one goroutine per CPU.
func inParallel(n int, job func(i int)) {
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				job(i)
			}
		})
	}
	wg.Wait()
}

func (l *loader) site(p string) *Site {
	v, ok := l.file("site.yaml", p, func(d *decoder, n *yaml.Node) any { return d.site(n) }).(*Site)
	if !ok {
		return nil
	}
	s := *v // the cached value stays as decoded
	return &s
}

// readFile reads a content file: a regular file of at most MaxFileSize
// bytes, inside the content folder.
func readFile(fsys fs.FS, name, display string, diags *diag.List) ([]byte, bool) {
	data, err := folder.ReadFile(fsys, name, MaxFileSize)
	var large *folder.TooLargeError
	switch {
	case err == nil:
		return data, true
	case errors.As(err, &large):
		diags.Errorf(diag.Pos{Path: display}, "the file is %.1f MB; content files are limited to %d MB", float64(large.Size)/(1<<20), MaxFileSize>>20)
	case name == "site.yaml" && errors.Is(err, fs.ErrNotExist) && !isLink(fsys, name):
		diags.Errorf(diag.Pos{Path: display}, "file not found; a site needs %s with its title, language and topics", display)
	default:
		diags.Errorf(diag.Pos{Path: display}, "%s", folder.Why(fsys, name, contentName(display, name), err))
	}
	return nil, false
}

// readDir lists a folder of the content, reporting why it cannot.
func readDir(fsys fs.FS, name, display string, diags *diag.List) []fs.DirEntry {
	entries, err := fs.ReadDir(fsys, name)
	// A folder that does not exist is no error, but a link to nothing is:
	// someone put it there.
	if err != nil && (!errors.Is(err, fs.ErrNotExist) || isLink(fsys, name)) {
		diags.Errorf(diag.Pos{Path: display}, "%s", folder.Why(fsys, name, contentName(display, name), err))
	}
	return entries
}

// contentName is the content folder as messages name it, from the path
// messages print of a file in it.
func contentName(display, name string) string {
	if root := strings.TrimSuffix(display, "/"+name); root != display {
		return root
	}
	return "the content folder"
}

// isDir reports whether the entry e of a folder listing, at name, is a
// folder, following a symbolic link inside the content folder and
// reporting one that cannot be followed.
func isDir(fsys fs.FS, name, display string, e fs.DirEntry, diags *diag.List) bool {
	if e.Type()&fs.ModeSymlink == 0 {
		return e.IsDir()
	}
	info, err := fs.Stat(fsys, name)
	if err != nil {
		diags.Errorf(diag.Pos{Path: display}, "%s", folder.Why(fsys, name, contentName(display, name), err))
		return false
	}
	return info.IsDir()
}

func isLink(fsys fs.FS, name string) bool {
	info, err := fs.Lstat(fsys, name)
	return err == nil && info.Mode()&fs.ModeSymlink != 0
}

// crossCheck verifies references between files: each scene's topic and
// related scenes.
func crossCheck(site *Site, diags *diag.List) {
	topics := make([]string, len(site.Topics))
	for i, t := range site.Topics {
		topics[i] = t.ID
	}
	ids := make([]string, len(site.Scenes))
	for i, s := range site.Scenes {
		ids[i] = s.ID
	}
	for _, s := range site.Scenes {
		if s.Topic != "" && !site.topicsBroken && !contains(topics, s.Topic) {
			diags.Errorf(s.TopicPos, "unknown topic %q; %s (topics are listed in site.yaml)", s.Topic, suggestRef(s.Topic, "topic", topics))
		}
		for _, r := range s.Related {
			switch {
			case r.ID == s.ID:
				diags.Errorf(r.Pos, "related lists the scene itself (%q)", r.ID)
			case !contains(ids, r.ID):
				diags.Errorf(r.Pos, "unknown related scene %q; %s", r.ID, suggestRef(r.ID, "scene", ids))
			}
		}
	}
}

// sortScenes puts scenes in index order: by topic as site.yaml lists them,
// then by order, then by id so that ties are broken the same way every time.
func sortScenes(site *Site) {
	rank := map[string]int{}
	for i, t := range site.Topics {
		rank[t.ID] = i
	}
	sort.SliceStable(site.Scenes, func(i, j int) bool {
		a, b := site.Scenes[i], site.Scenes[j]
		if rank[a.Topic] != rank[b.Topic] {
			return rank[a.Topic] < rank[b.Topic]
		}
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.ID < b.ID
	})
}

func joinDisplay(root, name string) string {
	if root == "" || root == "." {
		return name
	}
	return strings.TrimSuffix(root, "/") + "/" + name
}

// unwrapPath drops the path an fs.PathError repeats, since the diagnostic
// already starts with it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}
