package folder

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

func TestOpenConfinesReads(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "content")
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "a.yaml"), []byte("inside"), 0o644)
	os.WriteFile(filepath.Join(base, "secret"), []byte("outside"), 0o644)
	os.WriteFile(filepath.Join(dir, "big"), make([]byte, 1001), 0o644)
	os.Symlink("sub/a.yaml", filepath.Join(dir, "in.yaml"))
	os.Symlink("sub", filepath.Join(dir, "linked"))
	os.Symlink("../secret", filepath.Join(dir, "up.yaml"))
	os.Symlink(filepath.Join(base, "secret"), filepath.Join(dir, "abs.yaml"))
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.yaml"))
	os.Symlink("nothing", filepath.Join(dir, "dangling.yaml"))
	os.Symlink("..", filepath.Join(dir, "parent"))
	syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o644)
	fsys := Open(dir)
	for _, tc := range []struct {
		name string
		want string // the content, or the error it must be
		err  error
	}{
		{name: "sub/a.yaml", want: "inside"},
		{name: "in.yaml", want: "inside"},
		{name: "linked/a.yaml", want: "inside"},
		{name: "up.yaml", err: ErrOutside},
		{name: "abs.yaml", err: ErrOutside},
		{name: "zero.yaml", err: ErrOutside},
		{name: "parent/secret", err: ErrOutside},
		{name: "dangling.yaml", err: fs.ErrNotExist},
		{name: "missing.yaml", err: fs.ErrNotExist},
		{name: "fifo.yaml", err: ErrNotRegular},
		{name: "sub", err: ErrNotRegular},
		{name: "big", err: ErrTooLarge},
		{name: "../secret", err: fs.ErrInvalid},
	} {
		done := make(chan struct{})
		var data []byte
		var err error
		go func() {
			data, err = ReadFile(fsys, tc.name, 1000)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("ReadFile(%s) blocks", tc.name)
		}
		switch {
		case tc.err == nil && (err != nil || string(data) != tc.want):
			t.Errorf("ReadFile(%s) = %q, %v; want %q", tc.name, data, err, tc.want)
		case tc.err != nil && !errors.Is(err, tc.err):
			t.Errorf("ReadFile(%s) = %q, %v; want %v", tc.name, data, err, tc.err)
		}
	}
	// Opening a named pipe must not wait for a writer either.
	if _, err := fsys.Open("fifo.yaml"); !errors.Is(err, ErrNotRegular) {
		t.Errorf("Open(fifo.yaml) = %v", err)
	}
	if _, err := fs.ReadDir(fsys, "parent"); !errors.Is(err, ErrOutside) {
		t.Errorf("ReadDir(parent) = %v", err)
	}
	if err := fstest.TestFS(Open(filepath.Join(dir, "sub")), "a.yaml"); err != nil {
		t.Error(err)
	}
}

func TestOpenBeforeTheFolderExists(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "theme")
	fsys := Open(dir)
	if _, err := fs.Stat(fsys, "a.html"); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("Stat before the folder exists: %v", err)
	}
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "a.html"), []byte("x"), 0o644)
	if data, err := ReadFile(fsys, "a.html", 10); err != nil || string(data) != "x" {
		t.Fatalf("ReadFile once it exists: %q, %v", data, err)
	}
}

func TestReadFileOnAnyFS(t *testing.T) {
	fsys := fstest.MapFS{
		"ok":   {Data: []byte("ok")},
		"fifo": {Mode: fs.ModeNamedPipe},
		"dev":  {Mode: fs.ModeDevice | fs.ModeCharDevice},
		"big":  {Data: []byte(strings.Repeat("x", 11))},
	}
	if data, err := ReadFile(fsys, "ok", 10); err != nil || string(data) != "ok" {
		t.Errorf("ok: %q, %v", data, err)
	}
	for _, name := range []string{"fifo", "dev"} {
		if _, err := ReadFile(fsys, name, 10); !errors.Is(err, ErrNotRegular) {
			t.Errorf("%s: %v", name, err)
		}
	}
	var large *TooLargeError
	if _, err := ReadFile(fsys, "big", 10); !errors.As(err, &large) || large.Size != 11 || large.Limit != 10 {
		t.Errorf("big: %v", err)
	}
}

func TestWhy(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("/etc/passwd", filepath.Join(dir, "pw.yaml"))
	os.Symlink("gone", filepath.Join(dir, "gone.yaml"))
	syscall.Mkfifo(filepath.Join(dir, "f.yaml"), 0o644)
	fsys := Open(dir)
	for name, want := range map[string]string{
		"pw.yaml":   `a symbolic link to "/etc/passwd", outside content; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to`,
		"gone.yaml": `a symbolic link to "gone", which does not exist; point it at a file or delete it`,
		"f.yaml":    `a named pipe (FIFO), not a file; lessongen reads only regular files, so replace it with one or delete it`,
		"no.yaml":   `the file does not exist`,
	} {
		_, err := ReadFile(fsys, name, 10)
		if got := Why(fsys, name, "content", err); got != want {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}
