package folder

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"

	"github.com/lessongen/lessongen/generator/diag"
)

// Why says, for a message about name, why ReadFile or Open failed with err:
// "is a symbolic link to "/etc/passwd", outside content; ...". folder is
// the folder as messages name it.
func Why(fsys fs.FS, name, folder string, err error) string {
	link, isLink := "", false
	if info, lerr := fs.Lstat(fsys, name); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
		link, _ = fs.ReadLink(fsys, name)
		isLink = true
	}
	var large *TooLargeError
	switch {
	case errors.As(err, &large):
		return fmt.Sprintf("the file is %s; files here are limited to %s", size(large.Size), size(large.Limit))
	case errors.Is(err, ErrOutside) && isLink:
		return fmt.Sprintf("a symbolic link to %s, outside %s; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to", diag.Quote(link), folder)
	case errors.Is(err, ErrOutside):
		return fmt.Sprintf("the path leads outside %s through a symbolic link; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to", folder)
	case errors.Is(err, fs.ErrNotExist) && isLink:
		return fmt.Sprintf("a symbolic link to %s, which does not exist; point it at a file or delete it", diag.Quote(link))
	case errors.Is(err, fs.ErrNotExist):
		return "the file does not exist"
	case errors.Is(err, ErrNotFolder) || errors.Is(err, syscall.ENOTDIR):
		return fmt.Sprintf("%s, not a folder; lessongen reads the files of a folder of this name, so replace it with one", kind(fsys, name))
	case errors.Is(err, ErrNotRegular):
		return fmt.Sprintf("%s, not a file; lessongen reads only regular files, so replace it with one or delete it", kind(fsys, name))
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = fmt.Errorf("%s: %w", pe.Op, pe.Err) // the message already names the file
	}
	return fmt.Sprintf("cannot read: %v", err)
}

// kind names what a file that is not a regular file is.
func kind(fsys fs.FS, name string) string {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return "not a regular file"
	}
	switch m := info.Mode(); {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	case m.IsRegular():
		return "a file"
	}
	return "a special file"
}

// size formats a number of bytes as MB, as the limits are set.
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
