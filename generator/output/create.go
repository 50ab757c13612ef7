package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// File is a file to create: its path and its whole content.
type File struct {
	Path string
	Data []byte
}

// ExistsError says that a file to create is already there.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string {
	return filepath.ToSlash(e.Path) + " already exists"
}

// Is makes errors.Is(err, fs.ErrExist) true.
func (e *ExistsError) Is(target error) bool { return target == fs.ErrExist }

// CreateNew creates every file of files, making their folders, or none of
// them: it never replaces a file that exists (an author's scene, say), and a
// reader never sees a file half-written. When one of the files exists, or
// any write fails, the files it created are removed again and the error
// says why; an existing file is reported as an *ExistsError.
func CreateNew(files []File) (err error) {
	for _, f := range files {
		if _, err := os.Lstat(f.Path); err == nil {
			return &ExistsError{f.Path}
		}
	}
	var created []string
	defer func() {
		if err != nil {
			for _, p := range created {
				os.Remove(p)
			}
		}
	}()
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
			return err
		}
		if err := createOne(f); err != nil {
			return err
		}
		created = append(created, f.Path)
	}
	return nil
}

// Replace writes data at path in place of whatever is there, through a
// temporary file renamed over it, so that an interrupted write never leaves
// a file half-written.
func Replace(path string, data []byte) error {
	tmp, err := writeTemp(path, data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	return os.Rename(tmp, path)
}

// writeTemp writes data to a new file beside path and returns its name.
func writeTemp(path string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if err2 := tmp.Close(); err == nil {
		err = err2
	}
	// CreateTemp makes the file 0600; a content file is shared like any other.
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// createOne writes f beside its path under a temporary name, then links it
// into place: the link fails rather than replace a file, even one made a
// moment ago by someone else, and the file appears whole.
func createOne(f File) error {
	tmp, err := writeTemp(f.Path, f.Data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	err = os.Link(tmp, f.Path)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return &ExistsError{f.Path}
	}
	// A file system without hard links: exclusive creation still never
	// replaces a file, though a reader could see it half-written.
	out, err2 := os.OpenFile(f.Path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err2, fs.ErrExist) {
		return &ExistsError{f.Path}
	}
	if err2 != nil {
		return fmt.Errorf("cannot create %s: %w", filepath.ToSlash(f.Path), err)
	}
	if _, err := out.Write(f.Data); err != nil {
		out.Close()
		os.Remove(f.Path)
		return err
	}
	if err := out.Close(); err != nil {
		os.Remove(f.Path)
		return err
	}
	return nil
}
