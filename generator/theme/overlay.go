package theme

import (
	"errors"
	"io/fs"
	"sort"
)

// Overlay returns a file system in which each file of top, when top is not
// nil, replaces the file of the same path in base. Directory listings merge
// both.
func Overlay(top, base fs.FS) fs.FS {
	if top == nil {
		return base
	}
	return overlay{top, base}
}

type overlay struct{ top, base fs.FS }

func (o overlay) Open(name string) (fs.File, error) {
	if f, err := o.top.Open(name); err == nil {
		if info, err := f.Stat(); err == nil && !info.IsDir() {
			return f, nil
		}
		f.Close()
	}
	return o.base.Open(name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	a, errA := fs.ReadDir(o.top, name)
	b, errB := fs.ReadDir(o.base, name)
	if errA != nil && errB != nil {
		if errors.Is(errA, fs.ErrNotExist) {
			return nil, errB
		}
		return nil, errA
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
