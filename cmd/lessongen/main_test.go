package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// copyContent copies the sample content into a temporary folder, with
// changes: a file name → new content.
func copyContent(t *testing.T, changes map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	err := filepath.WalkDir("../../content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("../../content", p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range changes {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot hashes every file under dir.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			fmt.Fprintf(&b, "%s %x\n", p, sha256.Sum256(data))
		}
		return nil
	})
	return b.String()
}

func TestBuildSample(t *testing.T) {
	heavy(t)
	out := filepath.Join(t.TempDir(), "public")
	code, stdout, stderr := runCLI("build", "--content", "../../content", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "wrote ") || !strings.Contains(stdout, " pages ") {
		t.Errorf("stdout = %q", stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "en/https/1/index.html")); err != nil {
		t.Error(err)
	}
}

func TestBadContentKeepsOldOutput(t *testing.T) {
	heavy(t)
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "--content", "../../content", "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	before := snapshot(t, out)
	bad := copyContent(t, map[string]string{
		"scenes/broken.yaml": "title: Broken\ntopic: web\nactors:\n  - id: pc\n    name: PC\nsteps:\n  - from: pc\n    to: sever\n    lable: SYN\n",
	})
	// The sample's translations may lag its English and warn about keys the
	// English dropped; this test is about the errors alone.
	if err := os.RemoveAll(filepath.Join(bad, "locales")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCLI("build", "--content", bad, "--out", out)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := fmt.Sprintf("%[1]s/scenes/broken.yaml:8:9: unknown actor \"sever\"; the actors are: pc\n"+
		"%[1]s/scenes/broken.yaml:9:5: unknown field \"lable\" in step; did you mean \"label\"?\n2 errors\n", filepath.ToSlash(bad))
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	if after := snapshot(t, out); after != before {
		t.Error("a failed build changed the previous output")
	}
}

// TestNothingLeftBeside: after a build that succeeds, the folder that holds
// the output holds the output alone (no lock file, no temporary folder);
// after one that fails on content, no folder was made at all.
func TestNothingLeftBeside(t *testing.T) {
	heavy(t)
	tmp := t.TempDir()
	out := filepath.Join(tmp, "site", "public")
	for range 2 { // the second build replaces the first's site
		if code, _, stderr := runCLI("build", "--content", "../../content", "--out", out); code != 0 {
			t.Fatal(stderr)
		}
		if got := names(t, filepath.Dir(out)); got != "public" {
			t.Errorf("beside the output: %s", got)
		}
	}
	bad := copyContent(t, map[string]string{"scenes/broken.yaml": "title: Broken\n"})
	if code, _, _ := runCLI("build", "--content", bad, "--out", filepath.Join(tmp, "new", "deeper", "public")); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if got := names(t, tmp); got != "site" {
		t.Errorf("a failed build left %q", got)
	}
	if code, _, _ := runCLI("build", "--content", bad, "--out", out); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if got := names(t, filepath.Dir(out)); got != "public" {
		t.Errorf("beside the output after a failed build: %s", got)
	}
}

func TestRefusesUserFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	code, _, stderr := runCLI("build", "--content", "../../content", "--out", dir)
	if code != 1 || !strings.Contains(stderr, "refusing to replace") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(data) != "mine" {
		t.Error("the user's file was lost")
	}
}

func TestI18nWorkflow(t *testing.T) {
	dir := copyContent(t, nil)
	os.RemoveAll(filepath.Join(dir, "locales"))
	code, stdout, stderr := runCLI("i18n", "extract", "--content", dir, "es")
	if code != 0 || !strings.Contains(stdout, "wrote "+filepath.ToSlash(dir)+"/locales/es/https.yaml") {
		t.Fatalf("extract: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ = runCLI("i18n", "extract", "--content", dir, "es"); code != 0 || !strings.HasSuffix(stdout, "locales/es is up to date\n") {
		t.Errorf("second extract: exit %d, %q", code, stdout)
	}
	code, stdout, _ = runCLI("i18n", "status", "--content", dir, "--strict")
	if code != 1 || !strings.Contains(stdout, "es (español): 0 of ") || !strings.Contains(stdout, "\n"+filepath.ToSlash(dir)+"/locales/es/https.yaml:26:12: missing steps.url.label: translate it here\n") {
		t.Errorf("status --strict on an empty translation: exit %d\n%s", code, stdout)
	}
	// Translate one string: it counts, and the build shows it.
	p := filepath.Join(dir, "locales/es/https.yaml")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(data), "title: \"\"", "title: Ver un sitio web por HTTPS", 1)), 0o644)
	_, stdout, _ = runCLI("i18n", "status", "--content", dir, "--lang", "es")
	if !strings.Contains(stdout, "es (español): 1 of ") {
		t.Errorf("status after translating the title:\n%s", stdout)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "--content", dir, "--out", out); code != 0 {
		t.Fatal(stderr)
	}
	page, _ := os.ReadFile(filepath.Join(out, "es/https/index.html"))
	if !strings.Contains(string(page), "<h1>Ver un sitio web por HTTPS</h1>") {
		t.Error("the translated title is not on the Spanish overview")
	}
	if step, _ := os.ReadFile(filepath.Join(out, "es/https/2/index.html")); !strings.Contains(string(step), `class="notice"`) {
		t.Error("an untranslated Spanish step has no notice")
	}
	if code, _, stderr := runCLI("i18n", "extract", "--content", dir, "EN_us"); code != 2 || !strings.Contains(stderr, "not a BCP 47 language tag") {
		t.Errorf("bad tag: exit %d, %q", code, stderr)
	}
}

func TestNewSceneBuilds(t *testing.T) {
	heavy(t)
	dir := copyContent(t, nil)
	code, stdout, stderr := runCLI("new", "scene", "quic", "--content", dir, "--topic", "transport", "--title", "QUIC: a new transport")
	if code != 0 || !strings.Contains(stdout, "wrote "+filepath.ToSlash(dir)+"/scenes/quic.yaml") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "scenes/quic.yaml"))
	if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=") || !strings.Contains(string(data), "title: 'QUIC: a new transport'\n") || !strings.Contains(string(data), "topic: transport") {
		t.Errorf("skeleton:\n%s", data)
	}
	out := filepath.Join(t.TempDir(), "public")
	if code, _, stderr := runCLI("build", "--content", dir, "--out", out); code != 0 {
		t.Fatalf("the skeleton does not build:\n%s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "en/quic/3/index.html")); err != nil {
		t.Error(err)
	}
	code, _, stderr = runCLI("new", "scene", "quic", "--content", dir)
	if code != 1 || !strings.Contains(stderr, "already exists") {
		t.Errorf("second new: exit %d, %q", code, stderr)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "scenes/quic.yaml")); string(again) != string(data) {
		t.Error("new overwrote an existing scene")
	}
	if code, _, stderr = runCLI("new", "scene", "Bad Id", "--content", dir); code != 2 || !strings.Contains(stderr, `(for example "bad-id")`) {
		t.Errorf("bad id: exit %d, %q", code, stderr)
	}
}

func TestCheckPrintsWhatBuildPrints(t *testing.T) {
	heavy(t)
	bad := copyContent(t, map[string]string{
		"scenes/broken.yaml": "title: Broken\ntopic: web\nactors:\n  - id: pc\n    name: PC\nsteps:\n  - from: pc\n    to: sever\n    lable: SYN\n",
	})
	checkCode, checkOut, checkErr := runCLI("check", "--content", bad)
	out := filepath.Join(t.TempDir(), "public")
	buildCode, _, buildErr := runCLI("build", "--content", bad, "--out", out)
	if checkCode != 1 || buildCode != 1 || checkErr != buildErr || checkOut != "" {
		t.Errorf("check: exit %d %q\nbuild: exit %d %q", checkCode, checkErr, buildCode, buildErr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed build created the output folder")
	}
	if code, stdout, _ := runCLI("check", "--content", "../../content"); code != 0 || stdout != "content is valid\n" {
		t.Errorf("check on the sample: exit %d, %q", code, stdout)
	}
}

func TestSchemaCommand(t *testing.T) {
	for _, name := range []string{"site", "scene", "locale-site", "locale-scene", "ui"} {
		code, stdout, _ := runCLI("schema", name)
		want, _ := os.ReadFile("../../schema/" + name + ".schema.json")
		if code != 0 || stdout != string(want) {
			t.Errorf("lessongen schema %s: exit %d, output differs from schema/%s.schema.json", name, code, name)
		}
	}
	if code, _, stderr := runCLI("schema", "nope"); code != 2 || !strings.Contains(stderr, "site, scene, locale-site, locale-scene, ui") {
		t.Errorf("unknown schema: exit %d %q", code, stderr)
	}
}

// TestLeftoverWarning: when a folder an earlier build left cannot be
// removed, the build still publishes its site, exits 0, and names the
// folder, instead of failing on a site that is in place.
func TestLeftoverWarning(t *testing.T) {
	tmp := t.TempDir()
	stale := filepath.Join(tmp, ".public.old-42")
	os.MkdirAll(stale, 0o755)
	os.WriteFile(filepath.Join(stale, ".lessongen"), nil, 0o644)
	stuck := filepath.Join(stale, "index.html")
	os.WriteFile(stuck, nil, 0o644)
	// An immutable file: not even root removes it (ext4 and most Linux
	// file systems; needs root).
	if out, err := exec.Command("chattr", "+i", stuck).CombinedOutput(); err != nil {
		t.Skipf("cannot make a file that stays: chattr: %v %s", err, out)
	}
	defer exec.Command("chattr", "-i", stuck).Run()
	// A small site of its own, so that no warning of the sample's
	// translations mixes with the one tested.
	site := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(filepath.Join(site, "scenes"), 0o755)
	os.WriteFile(filepath.Join(site, "site.yaml"), []byte(corpusSite), 0o644)
	os.WriteFile(filepath.Join(site, "scenes/ok.yaml"), []byte(corpusScene), 0o644)
	out := filepath.Join(tmp, "public")
	code, stdout, stderr := runCLI("build", "--content", site, "--out", out)
	want := filepath.ToSlash(stale) + ": warning: the site is written, but this folder of an earlier build could not be removed (operation not permitted); remove it yourself\n1 warning\n"
	if code != 0 || stderr != want || !strings.HasPrefix(stdout, "wrote ") {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	if _, err := os.Stat(filepath.Join(out, "en/ok/1/index.html")); err != nil {
		t.Error(err)
	}
}

// heavy skips a test under -short, as make race runs: the test builds the
// whole sample site to check what it writes, which make test checks, and
// runs no code concurrently that the lighter tests leave out.
func heavy(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the whole sample site; make test runs it")
	}
}
