package output

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, out string, files map[string]string) error {
	t.Helper()
	d, err := Begin(out)
	if err != nil {
		return err
	}
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			d.Abort()
			return err
		}
	}
	return d.Commit()
}

func TestReplacesItsOwnOutput(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(t, out, map[string]string{"a/index.html": "one", "old.html": "x"}); err != nil {
		t.Fatal(err)
	}
	if err := write(t, out, map[string]string{"a/index.html": "two"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "a/index.html")); string(got) != "two" {
		t.Errorf("a/index.html = %q, want the new content", got)
	}
	if _, err := os.Stat(filepath.Join(out, "old.html")); !os.IsNotExist(err) {
		t.Error("a file of the previous build survived")
	}
	if got := beside(t, out); got != "public" {
		t.Errorf("beside the output: %s", got)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o755 {
		t.Errorf("output folder mode %v, want 0755", info.Mode().Perm())
	}
}

func TestRefusesForeignFolder(t *testing.T) {
	home := t.TempDir()
	precious := filepath.Join(home, "thesis.tex")
	os.WriteFile(precious, []byte("years of work"), 0o644)
	err := write(t, home, map[string]string{"index.html": "x"})
	if err == nil || !strings.Contains(err.Error(), "refusing to replace") || !strings.Contains(err.Error(), "lessongen did not create it") {
		t.Fatalf("err = %v, want a refusal", err)
	}
	if got, _ := os.ReadFile(precious); string(got) != "years of work" {
		t.Fatal("the user's file was touched")
	}
	entries, _ := os.ReadDir(filepath.Dir(home))
	for _, e := range entries {
		if strings.Contains(e.Name(), ".new-") {
			t.Errorf("left %s behind", e.Name())
		}
	}
}

func TestRefusesFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(f, []byte("mine"), 0o644)
	if err := write(t, f, nil); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Fatalf("err = %v", err)
	}
}

func TestAbortKeepsOldSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if err := write(t, out, map[string]string{"index.html": "old"}); err != nil {
		t.Fatal(err)
	}
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("half"))
	d.Abort()
	if got, _ := os.ReadFile(filepath.Join(out, "index.html")); string(got) != "old" {
		t.Errorf("index.html = %q after an aborted build", got)
	}
}

func TestRejectsPathsOutside(t *testing.T) {
	d, err := Begin(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Abort()
	for _, p := range []string{"../x", "/etc/passwd", "a/../../x"} {
		if err := d.WriteFile(p, nil); err == nil {
			t.Errorf("WriteFile(%q) succeeded", p)
		}
	}
}

func TestTwoBuildsCannotInterleave(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(out); err == nil || !strings.Contains(err.Error(), "another lessongen build is writing") {
		t.Errorf("second Begin: %v", err)
	}
	first.Abort()
	second, err := Begin(out)
	if err != nil {
		t.Fatalf("after the first build ended: %v", err)
	}
	second.Abort()
}

func TestRefusesSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	os.Mkdir(target, 0o755)
	os.WriteFile(filepath.Join(target, "mine.txt"), []byte("mine"), 0o644)
	link := filepath.Join(dir, "public")
	os.Symlink(target, link)
	if err := write(t, link, map[string]string{"index.html": "x"}); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("err = %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(target, "mine.txt")); string(data) != "mine" {
		t.Error("the link's target was touched")
	}
}

func TestCleansUpAfterAKilledBuild(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	// What killed builds leave: folders with the marker, written first,
	// or empty ones, killed before that.
	for _, stale := range []string{".public.new-123", ".public.old-456"} {
		os.MkdirAll(filepath.Join(dir, stale, "en"), 0o755)
		os.WriteFile(filepath.Join(dir, stale, Marker), nil, 0o644)
	}
	os.Mkdir(filepath.Join(dir, ".public.new-789"), 0o755)
	os.Mkdir(filepath.Join(dir, "notes"), 0o755)
	if err := write(t, out, map[string]string{"index.html": "x"}); err != nil {
		t.Fatal(err)
	}
	if got := beside(t, out); got != "notes public" {
		t.Errorf("beside the output: %s", got)
	}
}

// TestCleanUpTouchesOnlyItsOwn: the clean-up matches its exact names, not a
// pattern built from the output's name ("--out '*'" once matched every
// hidden folder), and leaves alone a folder so named that lessongen did not
// write.
func TestCleanUpTouchesOnlyItsOwn(t *testing.T) {
	for _, tc := range []struct {
		out, mine string
		marker    bool // the folder holds lessongen's marker: only its name tells it apart
	}{
		{"*", ".photos.old-2019", true},
		{"*", ".*.old-x", true},
		{"[a-z]ub", ".pub.new-1", true},
		{"public", ".public.new-12x", true},
		{"public", ".public.new-", true},
		{"public", ".public.old-2019", false}, // the right name, but not lessongen's
	} {
		dir := t.TempDir()
		mine := filepath.Join(dir, tc.mine, "holiday.jpg")
		os.MkdirAll(filepath.Dir(mine), 0o755)
		os.WriteFile(mine, []byte("sun"), 0o644)
		if tc.marker {
			os.WriteFile(filepath.Join(dir, tc.mine, Marker), nil, 0o644)
		}
		if err := write(t, filepath.Join(dir, tc.out), map[string]string{"index.html": "x"}); err != nil {
			t.Fatal(err)
		}
		if data, _ := os.ReadFile(mine); string(data) != "sun" {
			t.Errorf("--out %q: a build removed %s", tc.out, tc.mine)
		}
		if got, want := beside(t, filepath.Join(dir, tc.out)), strings.Join(sorted(tc.mine, tc.out), " "); got != want {
			t.Errorf("--out %q: beside the output %q, want %q", tc.out, got, want)
		}
	}
}

// beside lists the names in the folder that holds out, sorted.
func beside(t *testing.T, out string) string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return strings.Join(names, " ")
}

func sorted(s ...string) []string {
	slices.Sort(s)
	return s
}

// TestRemovesOldSiteWhole checks that a rebuild removes every file of the
// old site, however deep, including those the parallel removal handles.
func TestRemovesOldSiteWhole(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	old := map[string]string{"index.html": "x", "robots.txt": "x"}
	for _, l := range []string{"en", "ja"} {
		for s := range 20 {
			old[fmt.Sprintf("%s/scene-%d/index.html", l, s)] = "x"
			old[fmt.Sprintf("%s/scene-%d/1/index.html", l, s)] = "x"
			old[fmt.Sprintf("%s/scene-%d/1.svg", l, s)] = "x"
		}
	}
	if err := write(t, out, old); err != nil {
		t.Fatal(err)
	}
	if err := write(t, out, map[string]string{"index.html": "new"}); err != nil {
		t.Fatal(err)
	}
	var files []string
	filepath.Walk(filepath.Dir(out), func(p string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			files = append(files, strings.TrimPrefix(p, filepath.Dir(out)))
		}
		return nil
	})
	want := []string{"/public/" + Marker, "/public/index.html"}
	if strings.Join(files, " ") != strings.Join(want, " ") {
		t.Errorf("after a rebuild the folder holds %v, want %v", files, want)
	}
}
