//go:build unix

package output

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestReadOnlyOldSite: an old site made read-only (by a copy tool, or
// chmod -R a-w) does not turn a published site into a failure, and does not
// stay behind.
func TestReadOnlyOldSite(t *testing.T) {
	dir, ok := unprivileged(t, nil)
	if !ok {
		return
	}
	out := filepath.Join(dir, "pub")
	if err := write(t, out, map[string]string{"en/a/index.html": "old", "index.html": "old"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"en/a", "en", "."} {
		os.Chmod(filepath.Join(out, p), 0o555)
	}
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("new"))
	if err := d.Commit(); err != nil {
		t.Fatalf("the new site is in place, yet Commit failed: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "index.html")); string(data) != "new" {
		t.Errorf("index.html = %q", data)
	}
	if l := d.Leftovers(); len(l) != 0 {
		t.Errorf("leftovers: %v", l)
	}
	if got := beside(t, out); got != "pub" {
		t.Errorf("beside the output: %s", got)
	}
}

// TestLeftoverIsReported: a folder of an earlier build that cannot be
// removed (here, files of another user) is named, and the build succeeds.
func TestLeftoverIsReported(t *testing.T) {
	dir, ok := unprivileged(t, func(dir string) {
		// Made by root, so that nobody cannot remove it.
		stale := filepath.Join(dir, ".pub.old-42")
		os.MkdirAll(filepath.Join(stale, "en"), 0o755)
		os.WriteFile(filepath.Join(stale, Marker), nil, 0o644)
		os.WriteFile(filepath.Join(stale, "en", "index.html"), nil, 0o644)
	})
	if !ok {
		return
	}
	out := filepath.Join(dir, "pub")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	l := d.Leftovers()
	if len(l) != 1 || l[0].Path != filepath.Join(dir, ".pub.old-42") || !errors.Is(l[0].Err, fs.ErrPermission) {
		t.Errorf("leftovers: %v", l)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Error("the site was not written")
	}
}

// unprivileged gives the calling test a folder to work in, as a user who is
// not root, since root ignores the permissions these tests are about. Run
// as root (as in CI), it lets setup make files in the folder as root, then
// runs the test again as nobody and returns ok=false; in that run, or a run
// by any other user, it returns the folder and ok=true.
func unprivileged(t *testing.T, setup func(dir string)) (dir string, ok bool) {
	if dir := os.Getenv("LESSONGEN_UNPRIVILEGED_DIR"); dir != "" {
		return dir, true
	}
	if os.Geteuid() != 0 {
		if setup != nil {
			t.Skip("needs root to make files another user owns")
		}
		return t.TempDir(), true
	}
	// A folder nobody can reach: t.TempDir's parents are private.
	dir, err := os.MkdirTemp("", "lessongen-nobody-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { exec.Command("rm", "-rf", dir).Run() })
	bin := filepath.Join(dir, "test")
	data, err := os.ReadFile(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(bin, data, 0o755)
	work := filepath.Join(dir, "work")
	os.Mkdir(work, 0o755)
	os.Chmod(dir, 0o755)
	if err := os.Chown(work, 65534, 65534); err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(work)
	}
	cmd := exec.Command(bin, "-test.run", "^"+t.Name()+"$", "-test.v")
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "LESSONGEN_UNPRIVILEGED_DIR="+work, "HOME="+work)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Errorf("as nobody: %v\n%s", err, out)
	}
	return "", false
}
