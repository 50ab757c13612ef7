//go:build !linux

package output

import "os"

// swap moves the old site from final to old, then the new one from tmp to
// final. Without Linux's atomic exchange it takes two renames: a build
// killed between them leaves no site at final until the next build, which
// also removes the old one.
func swap(tmp, final, old string) error {
	if err := os.Rename(final, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Rename(old, final)
		return err
	}
	return nil
}
