package main

import (
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKilledBuildLeavesAWholeSite kills builds with SIGKILL at random
// moments, 50 times, and checks that the output folder always holds a whole
// site: the one before the build or the one it was writing, never a mix,
// never nothing. Then a normal build must still work (no stale lock).
func TestKilledBuildLeavesAWholeSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary and runs 50 builds")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "lessongen")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	// The sample without its translations: a sixth of the pages, so that
	// 50 builds stay quick on a busy machine, with every kind of page.
	a := copyContent(t, nil)
	b := copyContent(t, map[string]string{"site.yaml": strings.Replace(mustRead(t, "../../content/site.yaml"), "title: ", "title: Edited ", 1)})
	for _, dir := range []string{a, b} {
		if err := os.RemoveAll(filepath.Join(dir, "locales")); err != nil {
			t.Fatal(err)
		}
	}
	build := func(content, out string) {
		t.Helper()
		if out, err := exec.Command(bin, "build", "--quiet", "--content", content, "--out", out).CombinedOutput(); err != nil {
			t.Fatalf("build: %v\n%s", err, out)
		}
	}
	want := map[string]string{}
	for name, content := range map[string]string{"a": a, "b": b} {
		ref := filepath.Join(tmp, "ref-"+name)
		build(content, ref)
		want[name] = strings.ReplaceAll(snapshot(t, ref), ref, "OUT")
	}
	// The output has a folder of its own, to check that nothing is left
	// beside it.
	out := filepath.Join(tmp, "site", "public")
	start := time.Now()
	build(a, out)
	took := time.Since(start)
	r := rand.New(rand.NewPCG(7, 9))
	for i := range 50 {
		content := a
		if i%2 == 0 {
			content = b
		}
		cmd := exec.Command(bin, "build", "--quiet", "--content", content, "--out", out)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Int64N(int64(took) * 12 / 10)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		got := strings.ReplaceAll(snapshot(t, out), out, "OUT")
		if got != want["a"] && got != want["b"] {
			t.Fatalf("kill %d left a site that is neither the old nor the new one:\n%s", i, got)
		}
	}
	build(a, out)
	if got := strings.ReplaceAll(snapshot(t, out), out, "OUT"); got != want["a"] {
		t.Error("a normal build after the kills did not write the site")
	}
	if got := names(t, filepath.Dir(out)); got != "public" {
		t.Errorf("after the kills and a build, the output's folder holds %s; want public alone", got)
	}
}

// names lists the names in dir, sorted, space-separated.
func names(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var s []string
	for _, e := range entries {
		s = append(s, e.Name())
	}
	return strings.Join(s, " ")
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
