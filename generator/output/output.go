// Package output writes a site into a fresh folder beside the output folder
// and swaps it in only when the whole site is written, so a failed or
// interrupted build leaves the previous site as it was.
//
// It refuses to replace a non-empty folder that lessongen did not create
// (marked by a Marker file), so a mistaken --out can never delete a user's
// files. A lock beside the output keeps two builds from interleaving, and on
// Linux the new site is swapped in atomically, so a build killed at any
// moment leaves the old site or the new one, whole.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Marker is the file lessongen leaves in every folder it writes, to know it
// may replace the folder next time.
const Marker = ".lessongen"

// Dir is an output folder being written.
type Dir struct {
	final string
	tmp   string
	lock  *os.File
	made  sync.Map // the folders made so far, by path
}

// Begin checks that dir may be replaced and creates the temporary folder
// beside it that the build writes into.
func Begin(dir string) (*Dir, error) {
	final, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := checkReplaceable(final); err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(final), filepath.Base(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	l, err := lock(filepath.Join(parent, "."+base+".lock"), final)
	if err != nil {
		return nil, err
	}
	// Holding the lock, anything left by a build that was killed is ours to
	// remove: half-written new sites and old sites not yet deleted.
	for _, pattern := range []string{".new-*", ".old-*"} {
		stale, _ := filepath.Glob(filepath.Join(parent, "."+base+pattern))
		for _, p := range stale {
			os.RemoveAll(p)
		}
	}
	tmp, err := os.MkdirTemp(parent, "."+base+".new-")
	if err != nil {
		unlock(l)
		return nil, err
	}
	return &Dir{final: final, tmp: tmp, lock: l}, nil
}

// checkReplaceable allows a folder that does not exist, is empty, or holds
// lessongen's marker.
func checkReplaceable(final string) error {
	info, err := os.Lstat(final)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("refusing to write through the symbolic link %s; give the folder it points to as --out", final)
	}
	if !info.IsDir() {
		return fmt.Errorf("refusing to replace %s: it is not a folder", final)
	}
	entries, err := os.ReadDir(final)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(final, Marker)); err != nil {
		return fmt.Errorf("refusing to replace %s: it is not empty and lessongen did not create it (it has no %s file); choose another --out folder", final, Marker)
	}
	return nil
}

// WriteFile writes data at the path rel, a slash-separated path inside the
// output folder.
func (d *Dir) WriteFile(rel string, data []byte) error {
	local, err := filepath.Localize(rel)
	if err != nil || !filepath.IsLocal(local) {
		return fmt.Errorf("output path %q leaves the output folder", rel)
	}
	p := filepath.Join(d.tmp, local)
	// Each folder is made once: asking for every file's folder again was a
	// system call per file.
	if dir := filepath.Dir(p); dir != d.tmp {
		if _, made := d.made.Load(dir); !made {
			// Most folders are new and their parent exists: one Mkdir
			// is enough, where MkdirAll would first look for the folder.
			if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
			}
			d.made.Store(dir, true)
		}
	}
	return os.WriteFile(p, data, 0o644)
}

// Commit marks the new site and puts it in place of the old one.
func (d *Dir) Commit() error {
	defer unlock(d.lock)
	if err := os.WriteFile(filepath.Join(d.tmp, Marker), []byte("This folder is written by lessongen; a build replaces it whole.\n"), 0o644); err != nil {
		return err
	}
	// MkdirTemp makes the folder 0700; a published site must be readable.
	if err := os.Chmod(d.tmp, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(d.final); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(d.tmp, d.final)
	}
	if err := swap(d.tmp, d.final); err != nil {
		return err
	}
	// d.tmp now holds the old site. Rename it before removing it, so that a
	// build killed while deleting leaves a name the next build cleans up.
	old := strings.Replace(d.tmp, ".new-", ".old-", 1)
	if err := os.Rename(d.tmp, old); err != nil {
		return os.RemoveAll(d.tmp)
	}
	return os.RemoveAll(old)
}

// Abort removes what was written.
func (d *Dir) Abort() error {
	defer unlock(d.lock)
	return os.RemoveAll(d.tmp)
}
