package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges two folders in one atomic step (renameat2 with
// RENAME_EXCHANGE), so that at every instant the output path holds a whole
// site, the old or the new.
func swap(a, b string) error {
	if err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE); err != nil {
		return &os.LinkError{Op: "exchange", Old: a, New: b, Err: err}
	}
	return nil
}
