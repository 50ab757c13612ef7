//go:build !unix

package output

import "os"

// lock is a no-op where flock is missing: two builds at once into the same
// folder are not prevented there.
func lock(dir, what string) (*os.File, error) { return nil, nil }

func lockWait(dir string) (*os.File, error) { return nil, nil }

func unlock(*os.File) {}
