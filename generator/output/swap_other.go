//go:build !linux

package output

import "os"

// swap exchanges two folders. Without Linux's atomic exchange it takes two
// renames; a build killed between them leaves the old site at a's path,
// which the next build puts back.
func swap(a, b string) error {
	old := b + ".swap"
	if err := os.Rename(b, old); err != nil {
		return err
	}
	if err := os.Rename(a, b); err != nil {
		os.Rename(old, b)
		return err
	}
	return os.Rename(old, a)
}
