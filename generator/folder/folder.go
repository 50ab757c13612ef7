// Package folder reads the folders lessongen takes as input, the content
// and the site's theme, confined to them.
//
// A content folder comes from many hands, so what it holds is not trusted:
// a symbolic link may lead to /etc/passwd or /dev/zero, a named pipe would
// block a read forever, a file may be larger than any lesson. Open confines
// every read to its folder with os.Root, and ReadFile reads only regular
// files, through a limit, on any fs.FS.
package folder

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"syscall"
)

// The reasons ReadFile and Open refuse a file; errors.Is tells them apart.
var (
	// ErrNotRegular is a named pipe, a device, a socket or anything else
	// that is neither a regular file nor a folder.
	ErrNotRegular = errors.New("not a regular file")
	// ErrOutside is a path that leads out of its folder, through a symbolic
	// link or "..".
	ErrOutside = errors.New("outside the folder")
	// ErrTooLarge is a file larger than the limit ReadFile was given.
	ErrTooLarge = errors.New("file too large")
	// ErrNotFolder is a file, a named pipe or anything else where a folder
	// is expected. It matches syscall.ENOTDIR, which reading such a folder
	// fails with, so errors.Is answers for both.
	ErrNotFolder error = notFolder{}
)

type notFolder struct{}

func (notFolder) Error() string        { return "not a folder" }
func (notFolder) Is(target error) bool { return target == syscall.ENOTDIR }

// TooLargeError is the error of ReadFile for a file larger than its limit.
type TooLargeError struct {
	// Size is the file's size, or a lower bound of it for a file that grew
	// while it was read.
	Size, Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("file of %d bytes, over the limit of %d", e.Size, e.Limit)
}

// Unwrap makes errors.Is(err, ErrTooLarge) hold.
func (e *TooLargeError) Unwrap() error { return ErrTooLarge }

// Open returns the folder dir as a file system confined to it: a symbolic
// link is followed only while it stays inside, and opening anything but a
// regular file or a folder fails with ErrNotRegular, without blocking. The
// folder is opened on first use, so it need not exist yet: until it does,
// every name is fs.ErrNotExist.
func Open(dir string) fs.FS {
	return &dirFS{dir: dir}
}

type dirFS struct {
	dir  string
	mu   sync.Mutex
	root *os.Root
}

// get opens the folder, once it exists.
func (d *dirFS) get() (*os.Root, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.root != nil {
		return d.root, nil
	}
	// os.OpenRoot opens the folder without O_NONBLOCK, so a named pipe in
	// its place would block it until a writer came: look first. (Swapping
	// one in between the two calls takes a hand on the folder itself, not
	// a hostile file inside it.)
	if info, err := os.Stat(d.dir); err == nil && !info.IsDir() {
		return nil, ErrNotFolder
	}
	r, err := os.OpenRoot(d.dir)
	if err != nil {
		return nil, err
	}
	d.root = r
	return r, nil
}

// Open opens name without blocking: O_NONBLOCK makes opening a named pipe
// return at once instead of waiting for a writer, and makes no difference
// to a regular file or a folder.
func (d *dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	r, err := d.get()
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: rootError(err)}
	}
	f, err := r.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: rootError(err)}
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: ErrNotRegular}
	}
	return f, nil
}

// ReadDir lists the folder name, sorted by file name. A file or a named
// pipe in its place fails with ErrNotFolder, without blocking.
func (d *dirFS) ReadDir(name string) ([]fs.DirEntry, error) {
	f, err := d.Open(name)
	if errors.Is(err, ErrNotRegular) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: ErrNotFolder}
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dir, ok := f.(fs.ReadDirFile)
	if info, err := f.Stat(); err != nil || !info.IsDir() || !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: ErrNotFolder}
	}
	list, err := dir.ReadDir(-1)
	sort.Slice(list, func(i, j int) bool { return list[i].Name() < list[j].Name() })
	return list, err
}

func (d *dirFS) Stat(name string) (fs.FileInfo, error) {
	return d.do("stat", name, func(r *os.Root) (fs.FileInfo, error) { return r.Stat(name) })
}

func (d *dirFS) Lstat(name string) (fs.FileInfo, error) {
	return d.do("lstat", name, func(r *os.Root) (fs.FileInfo, error) { return r.Lstat(name) })
}

func (d *dirFS) ReadLink(name string) (string, error) {
	r, err := d.get()
	if err != nil && name == "." {
		return os.Readlink(d.dir) // the folder itself is a link to nothing
	}
	if err != nil {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: rootError(err)}
	}
	return r.Readlink(name)
}

func (d *dirFS) do(op, name string, f func(*os.Root) (fs.FileInfo, error)) (fs.FileInfo, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	r, err := d.get()
	if err != nil && name == "." && (errors.Is(err, ErrNotFolder) || errors.Is(err, fs.ErrNotExist)) {
		// The folder itself, to say what stands in its place: a file,
		// a named pipe, a link to nothing.
		if op == "lstat" {
			return os.Lstat(d.dir)
		}
		return os.Stat(d.dir)
	}
	if err != nil {
		return nil, &fs.PathError{Op: op, Path: name, Err: rootError(err)}
	}
	info, err := f(r)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Err = rootError(pe.Err)
			return nil, pe
		}
		return nil, rootError(err)
	}
	return info, nil
}

// rootError turns os.Root's error for a path that leads out of the root,
// which the os package does not export, into ErrOutside.
func rootError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if strings.Contains(err.Error(), "path escapes from parent") {
		return ErrOutside
	}
	return err
}

// ReadFile reads the file name of fsys, which must be a regular file of at
// most limit bytes: anything else fails with ErrNotRegular, and a larger
// file with a *TooLargeError, after reading at most limit+1 bytes of it.
func ReadFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	// Stat first, so that a named pipe is never opened by a file system that
	// would block on it (os.DirFS, fstest.MapFS).
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if err := regular(name, info, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Again on the open file: the path may now name another file.
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regular(name, info, limit); err != nil {
		return nil, err
	}
	data := make([]byte, 0, min(info.Size(), limit)+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > limit {
			return nil, &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: max(info.Size(), int64(len(data))), Limit: limit}}
		}
		if errors.Is(err, io.EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // a file that grew since Stat
		}
	}
}

func regular(name string, info fs.FileInfo, limit int64) error {
	switch {
	case !info.Mode().IsRegular():
		return &fs.PathError{Op: "read", Path: name, Err: ErrNotRegular}
	case info.Size() > limit:
		return &fs.PathError{Op: "read", Path: name, Err: &TooLargeError{Size: info.Size(), Limit: limit}}
	}
	return nil
}
