// Package output writes a site into a fresh folder beside the output folder
// and swaps it in only when the whole site is written, so a failed or
// interrupted build leaves the previous site as it was.
//
// It refuses to replace a non-empty folder that lessongen did not create
// (marked by a Marker file), so a mistaken --out can never delete a user's
// files. Each build holds a lock on its own temporary folder, so two builds
// never interleave and no lock file is left behind; on Linux the new site is
// swapped in atomically, so a build killed at any moment leaves the old site
// or the new one, whole. After any build, the folder that holds the output
// holds nothing of lessongen's but the output, or a message says what could
// not be removed.
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

const markerText = "This folder is written by lessongen; a build replaces it whole.\n"

// Dir is an output folder being written.
type Dir struct {
	final     string
	tmp       string
	lock      *os.File // on tmp, for as long as the build runs
	made      sync.Map // the folders made so far, by path
	created   string   // the first folder Begin had to create above final, if any
	leftovers []Leftover
}

// Leftover is a folder of an earlier build that could not be removed. The
// site is written all the same; the user is told to remove it.
type Leftover struct {
	Path string
	Err  error
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
	d := &Dir{final: final, created: firstMissing(parent)}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	// The parent's lock is held only while looking for what earlier
	// builds left and making this build's folder, so that no build takes
	// another's folder, just made and not yet locked, for a leftover.
	parentLock, err := lockWait(parent)
	if err != nil {
		d.removeCreated()
		return nil, err
	}
	defer unlock(parentLock)
	if err := d.removeStale(parent, base); err != nil {
		d.removeCreated()
		return nil, err
	}
	d.tmp, err = os.MkdirTemp(parent, tempPrefix(base, newInfix))
	if err == nil {
		d.lock, err = lock(d.tmp, final)
	}
	if err == nil {
		// The marker goes in first: a leftover holding it is known to be
		// lessongen's, even one whose build was killed at once.
		err = os.WriteFile(filepath.Join(d.tmp, Marker), []byte(markerText), 0o644)
	}
	if err != nil {
		d.Abort()
		return nil, err
	}
	return d, nil
}

// The infixes of the folders beside the output: a site being written, and
// an old site being removed.
const (
	newInfix = ".new-"
	oldInfix = ".old-"
)

// tempPrefix is the name of a temporary folder before MkdirTemp's random
// digits: ".public.new-".
func tempPrefix(base, infix string) string { return "." + base + infix }

// removeStale removes what builds into the same output left behind when they
// were killed: half-written new sites and old sites not yet deleted. Only
// folders named exactly so (the prefix, then MkdirTemp's digits) and holding
// the marker, or empty, are touched; a folder another build is still writing
// (its lock is held) means that build is running.
func (d *Dir) removeStale(parent, base string) error {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		var infix string
		for _, in := range []string{newInfix, oldInfix} {
			if digits, ok := strings.CutPrefix(name, tempPrefix(base, in)); ok && allDigits(digits) {
				infix = in
			}
		}
		if infix == "" || !e.IsDir() {
			continue
		}
		p := filepath.Join(parent, name)
		if !ours(p) {
			continue
		}
		if infix == newInfix {
			l, err := lock(p, d.final)
			if err != nil {
				return err
			}
			unlock(l)
		}
		if err := removeAll(p); err != nil {
			d.leftovers = append(d.leftovers, Leftover{p, err})
		}
	}
	return nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// ours reports whether the folder at p holds lessongen's marker or nothing.
func ours(p string) bool {
	if _, err := os.Stat(filepath.Join(p, Marker)); err == nil {
		return true
	}
	entries, err := os.ReadDir(p)
	return err == nil && len(entries) == 0
}

// removeAll removes a folder that lessongen wrote, its marker last: a build
// killed while removing it leaves a folder that still says it is
// lessongen's, or an empty one, which the next build removes. A folder made
// read-only since (by a copy tool, or chmod -R a-w) is made writable again
// first, as it is lessongen's own.
func removeAll(p string) error {
	err := removeContents(p)
	if err != nil {
		filepath.WalkDir(p, func(q string, e fs.DirEntry, err error) error {
			if err == nil && e.IsDir() {
				os.Chmod(q, 0o755)
			}
			return nil
		})
		err = removeContents(p)
	}
	if err != nil {
		return err
	}
	if err := os.Remove(filepath.Join(p, Marker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Remove(p)
}

// removeContents removes everything in the folder p but the marker.
func removeContents(p string) error {
	entries, err := os.ReadDir(p)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() != Marker {
			if err := os.RemoveAll(filepath.Join(p, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// firstMissing returns the highest folder of dir's path that does not exist,
// or "" when dir exists.
func firstMissing(dir string) string {
	missing := ""
	for p := dir; ; p = filepath.Dir(p) {
		if _, err := os.Lstat(p); err == nil {
			return missing
		}
		missing = p
		if filepath.Dir(p) == p {
			return missing
		}
	}
}

// removeCreated removes the folders Begin made above the output, so that a
// failed build leaves no folder at all.
func (d *Dir) removeCreated() {
	if d.created == "" {
		return
	}
	for p := filepath.Dir(d.final); ; p = filepath.Dir(p) {
		if os.Remove(p) != nil || p == d.created {
			return
		}
	}
}

// Leftovers lists the folders of earlier builds that could not be removed.
func (d *Dir) Leftovers() []Leftover { return d.leftovers }

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

// Commit puts the new site in place of the old one. A folder of the old
// site that cannot be removed does not make the commit fail: the new site
// is published, and Leftovers names the folder.
func (d *Dir) Commit() error {
	defer unlock(d.lock)
	// MkdirTemp makes the folder 0700; a published site must be readable.
	if err := os.Chmod(d.tmp, 0o755); err != nil {
		return err
	}
	if _, err := os.Lstat(d.final); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(d.tmp, d.final)
	}
	// swap leaves the old site at old, whose name the next build cleans up
	// should this one be killed while deleting it.
	old := strings.Replace(d.tmp, newInfix, oldInfix, 1)
	if err := swap(d.tmp, d.final, old); err != nil {
		return err
	}
	if err := removeAll(old); err != nil {
		d.leftovers = append(d.leftovers, Leftover{old, err})
	}
	return nil
}

// Abort removes what was written, and the folders Begin made for it.
func (d *Dir) Abort() error {
	defer unlock(d.lock)
	var err error
	if d.tmp != "" {
		err = os.RemoveAll(d.tmp)
	}
	d.removeCreated()
	return err
}
