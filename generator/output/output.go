// Package output writes a site into a fresh folder beside the output folder
// and swaps it in only when the whole site is written, so a failed or
// interrupted build leaves the previous site as it was.
//
// It refuses to replace a non-empty folder that lessongen did not create
// (marked by a Marker file), so a mistaken --out can never delete a user's
// files.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Marker is the file lessongen leaves in every folder it writes, to know it
// may replace the folder next time.
const Marker = ".lessongen"

// Dir is an output folder being written.
type Dir struct {
	final string
	tmp   string
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
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".new-")
	if err != nil {
		return nil, err
	}
	return &Dir{final: final, tmp: tmp}, nil
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
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Commit marks the new site and puts it in place of the old one.
func (d *Dir) Commit() error {
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
	old, err := os.MkdirTemp(filepath.Dir(d.final), "."+filepath.Base(d.final)+".old-")
	if err != nil {
		return err
	}
	if err := os.Rename(d.final, filepath.Join(old, "site")); err != nil {
		os.Remove(old)
		return err
	}
	if err := os.Rename(d.tmp, d.final); err != nil {
		// Put the old site back rather than leave none.
		_ = os.Rename(filepath.Join(old, "site"), d.final)
		os.Remove(old)
		return err
	}
	return os.RemoveAll(old)
}

// Abort removes what was written.
func (d *Dir) Abort() error { return os.RemoveAll(d.tmp) }
