package main

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFiles builds sites with a file that is not a regular file
// inside the folder, or a symbolic link that leads out of it: each must be
// refused at once, by check and build alike, with nothing written and no
// debris left beside the output.
func TestSpecialFiles(t *testing.T) {
	fifo := func(p string) error { return syscall.Mkfifo(p, 0o644) }
	link := func(target string) func(string) error {
		return func(p string) error { return os.Symlink(target, p) }
	}
	socket := func(p string) error {
		ln, err := net.Listen("unix", p)
		if err == nil {
			t.Cleanup(func() { ln.Close() })
		}
		return err
	}
	file := func(p string) error { return os.WriteFile(p, []byte(corpusScene), 0o644) }
	folder := func(p string) error { return os.MkdirAll(filepath.Join(p, "inner"), 0o755) }
	for _, tc := range []struct {
		name string
		path string // under the site folder, which holds content/ and themes/
		make func(string) error
		want string
	}{
		{"scene linked to /dev/zero", "content/scenes/z.yaml", link("/dev/zero"),
			`content/scenes/z.yaml: a symbolic link to "/dev/zero", outside content; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to`},
		{"scene linked to /etc/passwd", "content/scenes/pw.yaml", link("/etc/passwd"),
			`content/scenes/pw.yaml: a symbolic link to "/etc/passwd", outside content; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to`},
		{"scene linked up and out", "content/scenes/up.yaml", link("../../outside.yaml"),
			`content/scenes/up.yaml: a symbolic link to "../../outside.yaml", outside content; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to`},
		{"dangling scene link", "content/scenes/gone.yaml", link("nothing.yaml"),
			`content/scenes/gone.yaml: a symbolic link to "nothing.yaml", which does not exist; point it at a file or delete it`},
		{"named pipe scene", "content/scenes/f.yaml", fifo,
			`content/scenes/f.yaml: a named pipe (FIFO), not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"socket scene", "content/scenes/s.yaml", socket,
			`content/scenes/s.yaml: a socket, not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"named pipe site.yaml", "content/site.yaml", fifo,
			`content/site.yaml: a named pipe (FIFO), not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"named pipe locale file", "content/locales/fr/f.yaml", fifo,
			`content/locales/fr/f.yaml: a named pipe (FIFO), not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"named pipe ui.yaml", "content/locales/fr/ui.yaml", fifo,
			`content/locales/fr/ui.yaml: a named pipe (FIFO), not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"scenes folder linked outside", "content/scenes", link("/etc"),
			`content/scenes: a symbolic link to "/etc", outside content; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to`},
		{"locale folder linked outside", "content/locales/fr", link("/etc"),
			`content/locales/fr: a symbolic link to "/etc", outside content; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to`},
		{"scene linked to a folder", "content/scenes/d.yaml", link("."),
			`content/scenes/d.yaml: a folder, not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"theme asset linked outside", "themes/default/assets/leak.txt", link("/etc/hostname"),
			`themes/default/assets/leak.txt: a symbolic link to "/etc/hostname", outside themes/default; lessongen reads only what is inside its folders, so replace the link with a copy of what it points to`},
		{"named pipe theme template", "themes/default/templates/step.html", fifo,
			`themes/default/templates/step.html: a named pipe (FIFO), not a file; lessongen reads only regular files, so replace it with one or delete it`},
		// Found by FuzzSite: os.OpenRoot blocked on a named pipe for a
		// folder, and a folder where the theme has a file hid that file.
		{"named pipe theme folder", "themes/default", fifo,
			`themes/default: a named pipe (FIFO), not a folder; lessongen reads the files of a folder of this name, so replace it with one`},
		{"theme folder a file", "themes/default", file,
			`themes/default: a file, not a folder; lessongen reads the files of a folder of this name, so replace it with one`},
		{"theme template a folder", "themes/default/templates/step.html", folder,
			`themes/default/templates/step.html: a folder, not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"theme templates folder a file", "themes/default/templates", file,
			`themes/default/templates: a file, not a folder; lessongen reads the files of a folder of this name, so replace it with one`},
		{"named pipe scenes folder", "content/scenes", fifo,
			`content/scenes: a named pipe (FIFO), not a folder; lessongen reads the files of a folder of this name, so replace it with one`},
		{"scenes folder a file", "content/scenes", file,
			`content/scenes: a file, not a folder; lessongen reads the files of a folder of this name, so replace it with one`},
		// Found by FuzzSite's check that every special entry is named:
		// these were skipped without a word, or fell back to lessongen's
		// own theme file.
		{"scene file a folder", "content/scenes/d.yaml", folder,
			`content/scenes/d.yaml: a folder, not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"locale file a folder", "content/locales/fr/ok.yaml", folder,
			`content/locales/fr/ok.yaml: a folder, not a file; lessongen reads only regular files, so replace it with one or delete it`},
		{"dangling scenes folder link", "content/scenes", link("nothing"),
			`content/scenes: a symbolic link to "nothing", which does not exist; point it at a file or delete it`},
		{"dangling theme template link", "themes/default/templates/step.html", link("nothing"),
			`themes/default/templates/step.html: a symbolic link to "nothing", which does not exist; point it at a file or delete it`},
		{"dangling theme folder link", "themes/default", link("nothing"),
			`themes/default: a symbolic link to "nothing", which does not exist; point it at a file or delete it`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := t.TempDir()
			dir := filepath.Join(site, "content")
			os.MkdirAll(filepath.Join(dir, "scenes"), 0o755)
			os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(corpusSite), 0o644)
			os.WriteFile(filepath.Join(dir, "scenes/ok.yaml"), []byte(corpusScene), 0o644)
			os.WriteFile(filepath.Join(site, "outside.yaml"), []byte(corpusScene), 0o644)
			p := filepath.Join(site, tc.path)
			os.RemoveAll(p)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := tc.make(p); err != nil {
				t.Fatal(err)
			}
			want := tc.want + "\n1 error\n"
			for _, cmd := range []string{"check", "build"} {
				out := filepath.Join(site, "public")
				args := []string{cmd, "--content", dir}
				if cmd == "build" {
					args = append(args, "--out", out)
				}
				code, stdout, stderr := runWithin(t, time.Second, args...)
				stderr = strings.ReplaceAll(stderr, filepath.ToSlash(site)+"/", "")
				if code != 1 || stderr != want || stdout != "" {
					t.Errorf("lessongen %s: exit %d, stdout %q, stderr:\n%s\nwant exit 1 and:\n%s", cmd, code, stdout, stderr, want)
				}
				entries, _ := os.ReadDir(site)
				for _, e := range entries {
					if e.Name() != "content" && e.Name() != "themes" && e.Name() != "outside.yaml" {
						t.Errorf("lessongen %s left %s beside the content", cmd, e.Name())
					}
				}
			}
		})
	}
}

// runWithin runs the command line, failing the test if it takes longer
// than limit; a command that blocks for ever is left behind.
func runWithin(t *testing.T, limit time.Duration, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		c, o, e := runCLI(args...)
		done <- result{c, o, e}
	}()
	select {
	case r := <-done:
		return r.code, r.stdout, r.stderr
	case <-time.After(limit):
		t.Fatalf("lessongen %v still running after %v", args, limit)
		return 0, "", ""
	}
}
