package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// settle is how long the folders must stay quiet before a rebuild: an
// editor's save is often several events (write a temporary file, rename it
// over the old one), and a burst of saves should cost one build.
const settle = 40 * time.Millisecond

// Watch rebuilds the site whenever a file under one of dirs changes, until
// ctx is done. Folders created later are watched too, and so is a folder
// of dirs that does not exist yet, such as a site's theme folder: from the
// moment it is made, as if it had been there from the start.
func (s *Server) Watch(ctx context.Context, dirs ...string) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	tw := &treeWatch{w: w}
	for _, d := range dirs {
		tw.want = append(tw.want, filepath.Clean(d))
	}
	if _, err := tw.resolve(); err != nil {
		return err
	}
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			if ignored(ev.Name) {
				continue
			}
			inside := tw.inside(ev.Name)
			if ev.Has(fsnotify.Create) {
				if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
					if inside {
						addTree(w, ev.Name)
					} else if made, _ := tw.resolve(); made {
						inside = true
					}
				}
			}
			if inside {
				timer = time.After(settle)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return nil
			}
			if s.Log != nil {
				s.Log.Write([]byte("watch: " + err.Error() + "\n"))
			}
		case <-timer:
			timer = nil
			s.Rebuild()
		}
	}
}

// treeWatch is the folders Watch was asked for: those that exist are
// watched whole; for each of the others, the nearest folder above it that
// exists is watched alone, to see it made.
type treeWatch struct {
	w     *fsnotify.Watcher
	want  []string // as asked
	trees []string // those watched whole
}

// resolve watches whole each wanted folder that now exists and is not yet
// watched, and the nearest existing parent of each that does not; it
// reports whether a folder came to be watched whole.
func (tw *treeWatch) resolve() (bool, error) {
	made := false
	for _, d := range tw.want {
		if tw.watched(d) {
			continue
		}
		if info, err := os.Stat(d); err == nil && info.IsDir() {
			if err := addTree(tw.w, d); err != nil {
				return made, err
			}
			tw.trees = append(tw.trees, d)
			made = true
			continue
		}
		// Not there yet: watch the nearest parent that is, alone. A folder
		// made under it is looked at again by the caller.
		for p := filepath.Dir(d); ; p = filepath.Dir(p) {
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				if err := tw.w.Add(p); err != nil {
					return made, err
				}
				break
			}
			if filepath.Dir(p) == p {
				break
			}
		}
	}
	if made {
		// Watching a tree takes a moment, in which a folder inside may have
		// been made with files in it (mkdir -p; cp -r): look again.
		more, err := tw.resolve()
		return made || more, err
	}
	return made, nil
}

func (tw *treeWatch) watched(d string) bool {
	for _, t := range tw.trees {
		if t == d {
			return true
		}
	}
	return false
}

// inside reports whether name is in a folder watched whole.
func (tw *treeWatch) inside(name string) bool {
	for _, t := range tw.trees {
		if name == t || strings.HasPrefix(name, t+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// addTree watches dir and every folder below it.
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
}

// ignored reports editors' swap and backup files, whose changes are not
// content changes.
func ignored(name string) bool {
	base := filepath.Base(name)
	return strings.HasPrefix(base, ".#") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") ||
		strings.HasSuffix(base, ".swx") || strings.HasPrefix(base, "4913")
}
