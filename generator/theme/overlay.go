package theme

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay returns a file system in which each file of top, when top is not
// nil, replaces the file of the same path in base; directory listings merge
// both. Messages about a file of top name it under topName, the folder as
// the user knows it ("themes/default", "site/themes/default").
//
// A file of top that cannot be read (a named pipe, a symbolic link out of
// its folder) is an error, never a silent fall back to base's file.
func Overlay(top fs.FS, topName string, base fs.FS) fs.FS {
	if top == nil {
		return base
	}
	return overlay{top, topName, base}
}

type overlay struct {
	top  fs.FS
	name string
	base fs.FS
}

func (o overlay) Open(name string) (fs.File, error) {
	f, err := o.top.Open(name)
	switch {
	case err == nil:
		if info, err := f.Stat(); err == nil && !info.IsDir() {
			return f, nil
		}
		f.Close()
	case !errors.Is(err, fs.ErrNotExist) || o.inTop(name):
		return nil, err // a link to nothing is an error too
	}
	return o.base.Open(name)
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	if info, err := fs.Stat(o.top, name); !errors.Is(err, fs.ErrNotExist) || o.inTop(name) {
		return info, err
	}
	return fs.Stat(o.base, name)
}

func (o overlay) Lstat(name string) (fs.FileInfo, error) {
	if info, err := fs.Lstat(o.top, name); !errors.Is(err, fs.ErrNotExist) {
		return info, err
	}
	return fs.Lstat(o.base, name)
}

func (o overlay) ReadLink(name string) (string, error) {
	if o.inTop(name) {
		return fs.ReadLink(o.top, name)
	}
	return fs.ReadLink(o.base, name)
}

// inTop reports whether name is in top, readable or not.
func (o overlay) inTop(name string) bool {
	_, err := fs.Lstat(o.top, name)
	if errors.Is(err, fs.ErrNotExist) {
		// An fs.FS without Lstat (fstest.MapFS has it) says so by Stat.
		_, err = fs.Stat(o.top, name)
	}
	return !errors.Is(err, fs.ErrNotExist)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	b, errB := fs.ReadDir(o.base, name)
	switch {
	case errA != nil && !errors.Is(errA, fs.ErrNotExist):
		return nil, errA
	case errA != nil && errB != nil:
		return nil, errB
	}
	seen := map[string]bool{}
	var out []fs.DirEntry
	for _, list := range [][]fs.DirEntry{a, b} {
		for _, e := range list {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// shadows reports whether the site's theme has a folder at name where
// lessongen's has a file (dir), or a file where it has a folder: the walk
// of the overlay would take one for the other and lose what is under it.
func shadows(fsys fs.FS, name string) (found, dir bool) {
	o, ok := fsys.(overlay)
	if !ok {
		return false, false
	}
	top, err := fs.Stat(o.top, name)
	if err != nil {
		return false, false
	}
	base, err := fs.Stat(o.base, name)
	if err != nil || top.IsDir() == base.IsDir() {
		return false, false
	}
	return true, top.IsDir()
}

// where is the path messages print for the file name of a theme.
func where(fsys fs.FS, name string) (path, folder string) {
	if o, ok := fsys.(overlay); ok && o.inTop(name) {
		if name == "." {
			return o.name, o.name
		}
		return o.name + "/" + name, o.name
	}
	return DefaultName + "/" + name, DefaultName
}

// DefaultName is the folder that messages name lessongen's own theme by,
// and where a site puts its overrides: beside its content folder.
const DefaultName = "themes/default"
