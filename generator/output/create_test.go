package output

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func TestCreateNew(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "scenes", "a.yaml"), filepath.Join(dir, "scenes", "b.yaml")
	if err := CreateNew([]File{{a, []byte("a\n")}, {b, []byte("b\n")}}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{a: "a\n", b: "b\n"} {
		got, err := os.ReadFile(p)
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v", p, got, err)
		}
		if info, _ := os.Stat(p); info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", p, info.Mode().Perm())
		}
	}
	listing := func() []string {
		entries, _ := os.ReadDir(filepath.Join(dir, "scenes"))
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return names
	}
	if got := listing(); len(got) != 2 {
		t.Errorf("the folder holds %q, want only a.yaml and b.yaml", got)
	}
}

// TestCreateNewNeverReplaces tries to create a new file and one that exists:
// neither is written, the existing one keeps its bytes, and nothing is left
// beside them.
func TestCreateNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	old, fresh := filepath.Join(dir, "old.yaml"), filepath.Join(dir, "fresh.yaml")
	if err := os.WriteFile(old, []byte("the author's work\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := CreateNew([]File{{fresh, []byte("new\n")}, {old, []byte("replaced\n")}})
	var exists *ExistsError
	if !errors.As(err, &exists) || exists.Path != old || !errors.Is(err, fs.ErrExist) {
		t.Fatalf("got %v, want an ExistsError for %s", err, old)
	}
	if got, _ := os.ReadFile(old); string(got) != "the author's work\n" {
		t.Errorf("the existing file now holds %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only old.yaml", len(entries))
	}
}

// TestCreateNewRollsBack names one new file twice: the second link fails as
// if another program had just made the file, and the first is removed again.
func TestCreateNewRollsBack(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.yaml")
	err := CreateNew([]File{{p, []byte("1")}, {p, []byte("2")}})
	if !errors.Is(err, fs.ErrExist) {
		t.Fatalf("got %v, want ErrExist", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the folder still holds %d files", len(entries))
	}
}

func TestReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "ui.yaml")
	for _, data := range []string{"first\n", "second\n"} {
		if err := Replace(p, []byte(data)); err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(p); string(got) != data {
			t.Errorf("got %q, want %q", got, data)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the folder holds %d files, want 1", len(entries))
	}
}
