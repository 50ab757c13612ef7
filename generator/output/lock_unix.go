//go:build unix

package output

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// lock takes an exclusive lock on the folder dir, or says that another build
// holds it. The kernel releases the lock when the process dies, so a killed
// build never leaves the output locked, and no lock file is needed.
func lock(dir, what string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another lessongen build is writing %s; wait for it to finish", what)
		}
		return nil, err
	}
	return f, nil
}

// lockWait takes an exclusive lock on the folder dir, waiting for it: it is
// held for moments only.
func lockWait(dir string) (*os.File, error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func unlock(f *os.File) {
	if f != nil {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}
}
