package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pagesBaseURL is what actions/configure-pages gives as base_url for a
// project site: no trailing slash.
const pagesBaseURL = "https://mrdupont.github.io/lessons"

// TestContentOnlySite runs the whole path of a teacher with a repository
// that holds only lessons: "new site", then "go mod tidy" as the printed
// next steps say, then the run: steps of the generated workflow, read out
// of pages.yml and run in order as GitHub Actions would, with the Pages
// base URL. go.mod points at this checkout by a replace directive that only
// the test adds, since this version of lessongen is not published.
func TestContentOnlySite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go mod tidy and builds lessongen as a tool")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	defer pretendVersion(buildVersion{Module: "v0.0.0-20261202044609-189f5f7d3dac"})()
	dir := filepath.Join(t.TempDir(), "lessons")
	code, stdout, stderr := runCLI("new", "site", dir, "--title", "Networking for my class")
	if code != 0 || stderr != "" {
		t.Fatalf("new site: exit %d\n%s%s", code, stdout, stderr)
	}
	next := stdout[strings.Index(stdout, "\nNext:\n")+len("\nNext:\n"):]
	wantNext := "  cd " + filepath.ToSlash(dir) + "\n" +
		"  lessongen serve    # preview at http://127.0.0.1:1313/, rebuilt on every save\n" +
		"  go mod tidy        # before publishing: records lessongen's checksums in go.sum\n"
	if next != wantNext {
		t.Errorf("next steps:\n%s\nwant:\n%s", next, wantNext)
	}
	if !strings.Contains(stdout, "go.mod pins the commit it was built from, v0.0.0-20261202044609-189f5f7d3dac") {
		t.Errorf("new site does not say what it pinned:\n%s", stdout)
	}
	goMod := mustRead(t, filepath.Join(dir, "go.mod"))
	if goMod != "module lessons\n\ngo "+goVersion+"\n\nrequire github.com/lessongen/lessongen v0.0.0-20261202044609-189f5f7d3dac\n\ntool github.com/lessongen/lessongen/cmd/lessongen\n" {
		t.Errorf("go.mod:\n%s", goMod)
	}
	// The test's own additions: this checkout instead of the module proxy,
	// and its go.sum, so that no checksum has to be fetched. The proxy stays
	// on for the go.mod files of lessongen's dependencies that tidy reads but
	// a build never downloads (github.com/ajstarks/deck/generate, required by
	// svgo): a fresh module cache lacks them, and go.sum verifies them.
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod+"\nreplace github.com/lessongen/lessongen => "+repo+"\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "go.sum"), []byte(mustRead(t, "../../go.sum")), 0o644)
	env := append(os.Environ(), "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	sh(t, dir, env, "go mod tidy")

	steps := runSteps(t, mustRead(t, filepath.Join(dir, ".github/workflows/pages.yml")))
	if len(steps) != 4 || !strings.Contains(steps[3], "go tool lessongen build --base-url") {
		t.Fatalf("the workflow's run: steps are %q", steps)
	}
	for _, step := range steps {
		step = strings.ReplaceAll(step, "${{ steps.pages.outputs.base_url }}", pagesBaseURL)
		if strings.Contains(step, "${{") {
			t.Fatalf("a run: step uses an expression the test does not know: %s", step)
		}
		sh(t, dir, env, step)
	}

	page := mustRead(t, filepath.Join(dir, "public/en/tcp-handshake/2/index.html"))
	for _, want := range []string{
		`<link rel="canonical" href="` + pagesBaseURL + `/en/tcp-handshake/2/">`,
		`<meta property="og:url" content="` + pagesBaseURL + `/en/tcp-handshake/2/">`,
		`<meta property="og:locale" content="en_US">`,
		`<title>Step 2 of 5 – SYN – Opening a TCP connection`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("en/tcp-handshake/2/index.html lacks %s", want)
		}
	}
	sitemap := mustRead(t, filepath.Join(dir, "public/sitemap.xml"))
	for _, want := range []string{"<loc>" + pagesBaseURL + "/en/</loc>", "<loc>" + pagesBaseURL + "/en/tcp-handshake/5/</loc>"} {
		if !strings.Contains(sitemap, want) {
			t.Errorf("sitemap.xml lacks %s:\n%s", want, sitemap)
		}
	}
	if robots := mustRead(t, filepath.Join(dir, "public/robots.txt")); !strings.Contains(robots, "Sitemap: "+pagesBaseURL+"/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", robots)
	}
	if got := names(t, dir); got != ".github .gitignore README.md content go.mod go.sum public schema" {
		t.Errorf("the site's folder after the build holds %s", got)
	}

	// What git would commit: no build output, no lock file.
	if _, err := exec.LookPath("git"); err == nil {
		sh(t, dir, env, "git init -q && git add -A")
		staged := sh(t, dir, env, "git status --porcelain")
		for _, line := range strings.Split(strings.TrimSpace(staged), "\n") {
			if !strings.HasPrefix(line, "A  ") || strings.HasPrefix(line, "A  public/") || strings.Contains(line, ".lock") {
				t.Errorf("git add -A stages %q", line)
			}
		}
		if !strings.Contains(staged, "A  go.sum\n") || !strings.Contains(staged, "A  .github/workflows/pages.yml\n") {
			t.Errorf("git status:\n%s", staged)
		}
	}

	// A new scene in such a site builds, and its schema line resolves.
	contentDir := filepath.Join(dir, "content")
	if code, _, stderr := runCLI("new", "scene", "dns-basics", "--content", contentDir); code != 0 {
		t.Fatalf("new scene: %s", stderr)
	}
	scene := mustRead(t, filepath.Join(contentDir, "scenes/dns-basics.yaml"))
	m := regexp.MustCompile(`^# yaml-language-server: \$schema=(\S+)\n`).FindStringSubmatch(scene)
	if m == nil {
		t.Fatalf("new scene wrote no schema line:\n%s", scene)
	}
	if _, err := os.Stat(filepath.Join(contentDir, "scenes", m[1])); err != nil {
		t.Errorf("the schema line of a new scene does not resolve: %v", err)
	}
	for _, p := range []string{"content/site.yaml", "content/scenes/tcp-handshake.yaml"} {
		m := regexp.MustCompile(`^# yaml-language-server: \$schema=(\S+)\n`).FindStringSubmatch(mustRead(t, filepath.Join(dir, p)))
		if m == nil {
			t.Errorf("%s has no schema line", p)
		} else if _, err := os.Stat(filepath.Join(dir, filepath.Dir(p), m[1])); err != nil {
			t.Errorf("%s: the schema line does not resolve: %v", p, err)
		}
	}
	if code, _, stderr := runCLI("check", "--content", contentDir); code != 0 {
		t.Errorf("after new scene: %s", stderr)
	}

	// actionlint, as make test runs it on this repository's workflows.
	lint := exec.Command("go", "tool", "actionlint", filepath.Join(dir, ".github/workflows/pages.yml"), filepath.Join(repo, ".github/workflows/release.yml"))
	lint.Dir = repo
	if out, err := lint.CombinedOutput(); err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}

// runSteps reads the run: commands out of a workflow, in order: one-line
// ones and | blocks.
func runSteps(t *testing.T, workflow string) []string {
	var steps []string
	sc := bufio.NewScanner(strings.NewReader(workflow))
	var block []string
	blockIndent := -1
	for sc.Scan() {
		line := sc.Text()
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if blockIndent >= 0 {
			if strings.TrimSpace(line) == "" || indent >= blockIndent {
				block = append(block, strings.TrimPrefix(line, strings.Repeat(" ", blockIndent)))
				continue
			}
			steps = append(steps, strings.Join(block, "\n"))
			block, blockIndent = nil, -1
		}
		trimmed := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(line, " "), "- "), " ")
		cmd, ok := strings.CutPrefix(trimmed, "run: ")
		if !ok {
			continue
		}
		if cmd == "|" {
			blockIndent = indent + 2
			continue
		}
		steps = append(steps, cmd)
	}
	if blockIndent >= 0 {
		steps = append(steps, strings.Join(block, "\n"))
	}
	return steps
}

// sh runs a command as GitHub Actions runs a run: step (bash -e), in dir.
func sh(t *testing.T, dir string, env []string, script string) string {
	t.Helper()
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, out)
	}
	return string(out)
}

// pretendVersion makes new site see v as its own version, until the
// returned function is called.
func pretendVersion(v buildVersion) func() {
	old := runningVersion
	runningVersion = func() buildVersion { return v }
	return func() { runningVersion = old }
}

func TestPinFor(t *testing.T) {
	for _, tc := range []struct {
		v    buildVersion
		pin  string
		note string
	}{
		{buildVersion{Module: "v1.2.0"}, "v1.2.0", "go.mod pins lessongen v1.2.0, the version you are running."},
		{buildVersion{Module: "v0.0.0-20261202044609-189f5f7d3dac", Revision: "189f5f7d3dac54fba71e06375330aeea70905ad8"}, "v0.0.0-20261202044609-189f5f7d3dac",
			"this lessongen is a development build, so go.mod pins the commit it was built from, v0.0.0-20261202044609-189f5f7d3dac; once lessongen has a release, pin it with \"go get -tool github.com/lessongen/lessongen/cmd/lessongen@latest\"."},
		{buildVersion{Module: "v1.2.1-0.20261202044609-189f5f7d3dac+dirty", Modified: true}, "v1.2.1-0.20261202044609-189f5f7d3dac",
			"this lessongen is a development build, so go.mod pins the commit it was built from, v1.2.1-0.20261202044609-189f5f7d3dac (the build had uncommitted changes, which that version does not hold); once lessongen has a release, pin it with \"go get -tool github.com/lessongen/lessongen/cmd/lessongen@latest\"."},
		{buildVersion{Module: "(devel)", Revision: "189f5f7d3dac54fba71e06375330aeea70905ad8", Time: "2026-12-02T04:46:09Z"}, "v0.0.0-20261202044609-189f5f7d3dac",
			"this lessongen is a development build, so go.mod pins the commit it was built from, v0.0.0-20261202044609-189f5f7d3dac; once lessongen has a release, pin it with \"go get -tool github.com/lessongen/lessongen/cmd/lessongen@latest\"."},
		{buildVersion{Module: "(devel)"}, "",
			"this lessongen was built without version information (by go run, or with -buildvcs=false), so go.mod pins no version yet: run \"go get -tool github.com/lessongen/lessongen/cmd/lessongen@latest\" in the site's folder before publishing."},
	} {
		p := pinFor(tc.v)
		if p.Version != tc.pin || p.Note != tc.note {
			t.Errorf("pinFor(%+v) = %q, %q\nwant %q, %q", tc.v, p.Version, p.Note, tc.pin, tc.note)
		}
	}
}

// TestGoVersionMatchesGoMod: a site's go.mod asks for the Go that
// lessongen's own go.mod asks for, no less (go would refuse) and no more.
func TestGoVersionMatchesGoMod(t *testing.T) {
	m := regexp.MustCompile(`(?m)^go (\S+)$`).FindStringSubmatch(mustRead(t, "../../go.mod"))
	if m == nil || m[1] != goVersion {
		t.Errorf("go.mod says go %v; new_site.go's goVersion is %s", m, goVersion)
	}
}

func TestNewSiteNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("mine"), 0o644)
	code, stdout, stderr := runCLI("new", "site", dir)
	if code != 1 || stdout != "" || stderr != "lessongen new site: "+filepath.ToSlash(dir)+"/README.md already exists; nothing was written (choose another folder, or move that file away)\n" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if got := names(t, dir); got != "README.md" {
		t.Errorf("the folder holds %s", got)
	}
	if mustRead(t, filepath.Join(dir, "README.md")) != "mine" {
		t.Error("README.md was overwritten")
	}
	// An empty folder, such as a fresh clone's, is fine; a bad language is
	// refused before anything is written.
	empty := filepath.Join(t.TempDir(), "cours")
	if code, _, stderr := runCLI("new", "site", empty, "--language", "French"); code != 2 || !strings.HasPrefix(stderr, `lessongen new site: --language "French" is not a BCP 47 language tag`) {
		t.Errorf("--language French: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Error("a refused new site made its folder")
	}
	if code, _, stderr := runCLI("new", "site", empty, "--language", "fr", "--title", "Les réseaux: pas à pas"); code != 0 {
		t.Fatal(stderr)
	}
	site := mustRead(t, filepath.Join(empty, "content/site.yaml"))
	if !strings.Contains(site, "\ntitle: 'Les réseaux: pas à pas'\n") || !strings.Contains(site, "\nlanguage: fr\n") {
		t.Errorf("site.yaml:\n%s", site)
	}
	if code, _, stderr := runCLI("check", "--content", filepath.Join(empty, "content")); code != 0 {
		t.Errorf("a French site does not check: %s", stderr)
	}
}

func TestNewSceneUnknownTopic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(filepath.Join(dir, "scenes"), 0o755)
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(corpusSite+"  - id: transport\n    title: Transport\n"), 0o644)
	before := snapshot(t, dir)
	code, stdout, stderr := runCLI("new", "scene", "vlan", "--topic", "switching", "--content", dir)
	want := "lessongen new scene: unknown topic \"switching\"; the topics of " + filepath.ToSlash(dir) + "/site.yaml are: web, transport.\n" +
		"Nothing was written. To add a topic, list it under topics: in site.yaml with its id and title:\n" +
		"  - id: switching\n    title: Switching\n"
	if code != 1 || stdout != "" || stderr != want {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant:\n%s", code, stdout, stderr, want)
	}
	if snapshot(t, dir) != before {
		t.Error("new scene wrote something")
	}
}

// TestServeWithoutSite: serve says what is missing and exits 1 at once,
// rather than serving an error page.
func TestServeWithoutSite(t *testing.T) {
	empty := t.TempDir()
	for _, tc := range []struct{ content, want string }{
		{filepath.Join(empty, "content"), "lessongen: no site here: there is no " + filepath.ToSlash(empty) + "/content/site.yaml; run \"lessongen new site DIR\" to start one, or point --content at the folder that holds site.yaml\n"},
		{empty, "lessongen: " + filepath.ToSlash(empty) + "/site.yaml is missing: it holds the site's title, language and topics (\"lessongen new site DIR\" writes one)\n"},
	} {
		code, stdout, stderr := runCLI("serve", "--port", "1", "--content", tc.content)
		if code != 1 || stdout != "" || stderr != tc.want {
			t.Errorf("serve --content %s: exit %d, stdout %q, stderr %q\nwant %q", tc.content, code, stdout, stderr, tc.want)
		}
	}
}
