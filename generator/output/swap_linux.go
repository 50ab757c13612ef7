package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges the folders tmp and final in one atomic step (renameat2
// with RENAME_EXCHANGE), so that at every instant the output path holds a
// whole site, the old or the new; then it renames the old site, now at tmp,
// to old.
func swap(tmp, final, old string) error {
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, final, unix.RENAME_EXCHANGE); err != nil {
		return &os.LinkError{Op: "exchange", Old: tmp, New: final, Err: err}
	}
	return os.Rename(tmp, old)
}
