package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

const trialSite = "title: Networks\nlanguage: en\ntopics:\n  - id: transport\n    title: Transport\n"

// trialScene has steps without ids, data fields and phases: what the
// issue's French translator met.
const trialScene = `title: The TCP handshake
summary: How a connection opens.
topic: transport
actors:
  - id: client
    name: Client
  - id: server
    name: Web server
steps:
  - note: server
    label: Listens on port 80
    phase: Before
    text: The server waits for connections.
  - from: client
    to: server
    label: SYN
    phase: Handshake
    fields:
      source port: "49152"
      seq: "0x3903F326"
      options: window scaling offered
    text: The client asks to open a connection.
  - from: server
    to: client
    label: SYN+ACK
    reply: true
    phase: Handshake
    fields:
      address: 192.168.1.50:68
      lifetime: 86400 s
    text: The server accepts and sends its own number.
  - from: client
    to: server
    label: ACK
    phase: Handshake
    text: The client confirms. The connection is open.
  - note: client
    label: Sends the request
    text: Now data can flow both ways.
references:
  - title: "RFC 9293: Transmission Control Protocol"
    url: https://www.rfc-editor.org/rfc/rfc9293
`

// trialDir writes the trial site in a temporary folder.
func trialDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	for name, data := range map[string]string{"site.yaml": trialSite, "scenes/tcp.yaml": trialScene} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), old) {
		t.Fatalf("%s has no %q:\n%s", path, old, data)
	}
	os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644)
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := runCLI(args...)
	if code != 0 {
		t.Fatalf("lessongen %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
	}
	return stdout
}

var staleLine = regexp.MustCompile(`(?m)^\S+: stale (\S+): .*\n    was: (.*)\n    now: (.*)\n`)

// TestTranslatorTrial is the trial of issue #15, step by step, as a French
// translator following the README.
func TestTranslatorTrial(t *testing.T) {
	dir := trialDir(t)
	fr := filepath.Join(dir, "locales/fr/tcp.yaml")
	mustRun(t, "i18n", "extract", "--content", dir, "fr")

	// Only words are asked: the data fields have no key under their step
	// (their names are words, asked once under field_names).
	data, _ := os.ReadFile(fr)
	for _, key := range []string{"      source port:", "      seq:", "      address:", "      lifetime:", "label: SYN\n"} {
		if strings.Contains(string(data), key) {
			t.Errorf("extract asked for data %q:\n%s", key, data)
		}
	}
	// Translate every string.
	n := 0
	translated := regexp.MustCompile(`(?m)^( *)([^#\s].*): ""$`).ReplaceAllStringFunc(string(data), func(s string) string {
		n++
		return strings.TrimSuffix(s, `""`) + fmt.Sprintf("FR%d", n)
	})
	os.WriteFile(fr, []byte(translated), 0o644)
	site := filepath.Join(dir, "locales/fr/site.yaml")
	replaceIn(t, site, "title: \"\"", "title: Réseaux")
	replaceIn(t, site, "transport: \"\"", "transport: Transport")
	mustRun(t, "i18n", "extract", "--content", dir, "fr")
	if n < 15 {
		t.Fatalf("only %d strings to translate", n)
	}
	if code, stdout, _ := runCLI("i18n", "status", "--content", dir, "--strict"); code != 0 || !strings.Contains(stdout, "fr (français): 22 of 22 strings") || strings.Contains(stdout, "missing") {
		t.Fatalf("everything translated, data left alone: exit %d\n%s", code, stdout)
	}

	// The author changes three English strings: exactly three stale, each
	// with its old and new text, in either order of extract.
	scene := filepath.Join(dir, "scenes/tcp.yaml")
	replaceIn(t, scene, "title: The TCP handshake", "title: The TCP three-way handshake")
	replaceIn(t, scene, "label: Sends the request", "label: Sends the HTTP request")
	replaceIn(t, scene, "text: The client confirms. The connection is open.", "text: The client confirms; both sides are now ESTABLISHED.")
	want := [][3]string{
		{"title", "The TCP handshake", "The TCP three-way handshake"},
		{"steps.4.text", "The client confirms. The connection is open.", "The client confirms; both sides are now ESTABLISHED."},
		{"steps.5.label", "Sends the request", "Sends the HTTP request"},
	}
	for _, when := range []string{"before extract", "after extract", "after a second extract"} {
		_, stdout, _ := runCLI("i18n", "status", "--content", dir, "--lang", "fr")
		got := staleLine.FindAllStringSubmatch(stdout, -1)
		if len(got) != 3 || !strings.Contains(stdout, "; 3 stale\n") {
			t.Fatalf("%s: want three stale strings:\n%s", when, stdout)
		}
		for i, w := range want {
			if got[i][1] != w[0] || got[i][2] != w[1] || got[i][3] != w[2] {
				t.Errorf("%s: stale line %d: %q, was %q, now %q; want %v", when, i, got[i][1], got[i][2], got[i][3], w)
			}
		}
		if code, _, _ := runCLI("i18n", "status", "--content", dir, "--strict"); code != 1 {
			t.Errorf("%s: status --strict passes with stale strings", when)
		}
		mustRun(t, "i18n", "extract", "--content", dir, "fr")
	}

	// An unnamed step inserted at the top: every French page shows its own
	// translation or the English, never a neighbour's.
	replaceIn(t, scene, "steps:\n", "steps:\n  - note: client\n    label: Opens a browser\n    text: The user types an address.\n")
	mustRun(t, "i18n", "extract", "--content", dir, "fr")
	out := filepath.Join(t.TempDir(), "public")
	mustRun(t, "build", "--content", dir, "--out", out, "--quiet")
	frFile, _ := os.ReadFile(fr)
	for step, want := range map[int]string{1: "The user types an address.", 2: "FR", 3: "FR", 4: "FR", 5: "FR", 6: "FR"} {
		page, err := os.ReadFile(filepath.Join(out, fmt.Sprintf("fr/tcp/%d/index.html", step)))
		if err != nil {
			t.Fatal(err)
		}
		text := narration(string(page))
		if !strings.HasPrefix(text, want) {
			t.Errorf("French step %d shows %q, want %q", step, text, want)
		}
		if step > 1 {
			// The narration FRn was written for the step that is now step+1.
			own := regexp.MustCompile(`FR\d+`).FindString(text)
			if !strings.Contains(string(frFile), fmt.Sprintf("  %q:\n", fmt.Sprint(step))) || !entryHas(string(frFile), step, own) {
				t.Errorf("French step %d shows %s, which is not its own translation:\n%s", step, own, frFile)
			}
		}
	}

	// A phase renamed: stale, not deleted.
	replaceIn(t, scene, "phase: Handshake", "phase: Three-way handshake")
	replaceIn(t, scene, "phase: Handshake", "phase: Three-way handshake")
	replaceIn(t, scene, "phase: Handshake", "phase: Three-way handshake")
	stdout := mustRun(t, "i18n", "extract", "--content", dir, "fr")
	if strings.Contains(stdout, "warning") {
		t.Errorf("extract after renaming a phase: %s", stdout)
	}
	_, stdout, _ = runCLI("i18n", "status", "--content", dir, "--lang", "fr")
	if !strings.Contains(stdout, ": stale phases.Three-way handshake: ") || !strings.Contains(stdout, "    was: Handshake\n    now: Three-way handshake\n") {
		t.Errorf("the renamed phase:\n%s", stdout)
	}
}

// narration returns the text of the narration of a step page.
func narration(page string) string {
	m := regexp.MustCompile(`(?s)<div class="text"[^>]*>\s*(.*?)</div>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], ""))
}

// entryHas reports whether the locale file's entry for step holds text.
func entryHas(file string, step int, text string) bool {
	i := strings.Index(file, fmt.Sprintf("  %q:\n", fmt.Sprint(step)))
	if i < 0 {
		return false
	}
	rest := file[i+1:]
	if j := strings.Index(rest, "\n  \""); j >= 0 {
		rest = rest[:j+1]
	}
	return strings.Contains(rest, text+"\n")
}

// TestPORoundTrip exports a translation, edits two entries as Poedit
// would, and imports it back: those two become current, the rest stays
// as it was, and the locale files change nowhere else.
func TestPORoundTrip(t *testing.T) {
	for _, tool := range []string{"msgfmt", "msgcat"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s (Debian's gettext) is needed: %v", tool, err)
		}
	}
	dir := copyContent(t, nil)
	scene := filepath.Join(dir, "scenes/tcp-handshake.yaml")
	// Two English strings change (two stale), one is new (one missing).
	replaceIn(t, scene, "label: LISTEN on port 80", "label: LISTEN on TCP port 80")
	replaceIn(t, scene, "label: Why not two messages?", "label: Why not just two messages?")
	replaceIn(t, scene, "    label: ESTABLISHED\n", "    label: ESTABLISHED\n    wait: a few microseconds later\n")
	mustRun(t, "i18n", "extract", "--content", dir, "es")
	before := snapshot(t, filepath.Join(dir, "locales"))
	_, status, _ := runCLI("i18n", "status", "--content", dir, "--lang", "es")
	stale, missing := counts(t, status)
	changedFile := filepath.Join(dir, "locales/es/tcp-handshake.yaml")
	old, _ := os.ReadFile(changedFile)

	po := filepath.Join(t.TempDir(), "es.po")
	mustRun(t, "i18n", "export", "--content", dir, "es", "--format", "po", "-o", po)
	if out, err := exec.Command("msgfmt", "--check", "-o", os.DevNull, po).CombinedOutput(); err != nil {
		t.Fatalf("msgfmt --check refuses the export: %v\n%s", err, out)
	}
	exported, _ := os.ReadFile(po)
	for _, want := range []string{
		"#, fuzzy\n#| msgid \"LISTEN on port 80\"\nmsgctxt \"tcp-handshake/steps.listen.label\"\nmsgid \"LISTEN on TCP port 80\"\nmsgstr \"LISTEN en el puerto 80\"\n",
		"msgctxt \"tcp-handshake/steps.established.wait\"\nmsgid \"a few microseconds later\"\nmsgstr \"\"\n",
		"#. The label of step listen, drawn on the diagram: keep it short.\n#: " + filepath.ToSlash(dir) + "/scenes/tcp-handshake.yaml:",
	} {
		if !strings.Contains(string(exported), want) {
			t.Errorf("the PO file lacks\n%s", want)
		}
	}

	// Imported untouched, it changes nothing.
	mustRun(t, "i18n", "import", "--content", dir, "es", po)
	if after := snapshot(t, filepath.Join(dir, "locales")); after != before {
		t.Fatal("importing the export unchanged changed the locale files")
	}

	// Poedit: a translator fixes the first stale entry (Poedit drops its
	// fuzzy flag and previous msgid), fills in the missing one, leaves the
	// other fuzzy, and Poedit saves the file wrapped at 79 columns.
	edited := strings.Replace(string(exported),
		"#, fuzzy\n#| msgid \"LISTEN on port 80\"\nmsgctxt \"tcp-handshake/steps.listen.label\"\nmsgid \"LISTEN on TCP port 80\"\nmsgstr \"LISTEN en el puerto 80\"\n",
		"msgctxt \"tcp-handshake/steps.listen.label\"\nmsgid \"LISTEN on TCP port 80\"\nmsgstr \"LISTEN en el puerto TCP 80\"\n", 1)
	edited = strings.Replace(edited,
		"msgid \"a few microseconds later\"\nmsgstr \"\"\n", "msgid \"a few microseconds later\"\nmsgstr \"unos microsegundos después\"\n", 1)
	if edited == string(exported) {
		t.Fatal("the edits did not apply")
	}
	os.WriteFile(po, []byte(edited), 0o644)
	if out, err := exec.Command("msgcat", "--width=79", "-o", po, po).CombinedOutput(); err != nil {
		t.Fatalf("msgcat: %v\n%s", err, out)
	}
	stdout := mustRun(t, "i18n", "import", "--content", dir, "es", po)
	if !strings.Contains(stdout, "imported 2 changes\n") {
		t.Errorf("import: %s", stdout)
	}
	_, status, _ = runCLI("i18n", "status", "--content", dir, "--lang", "es")
	if strings.Contains(status, "stale steps.listen.label") || strings.Contains(status, "steps.established.wait") || !strings.Contains(status, "stale steps.why-three.label") {
		t.Errorf("after the import:\n%s", grepLines(status, "tcp-handshake"))
	}
	if s, m := counts(t, status); s != stale-1 || m != missing-1 {
		t.Errorf("after the import: %d stale and %d missing, want %d and %d", s, m, stale-1, missing-1)
	}
	// Every other locale file is byte for byte as it was; in the one that
	// changed, every line is as it was but those of the two entries.
	after := snapshot(t, filepath.Join(dir, "locales"))
	for _, line := range strings.Split(before, "\n") {
		if !strings.Contains(after, line) && !strings.HasPrefix(line, changedFile+" ") {
			t.Errorf("import changed another file: %s", line)
		}
	}
	got, _ := os.ReadFile(changedFile)
	// The old lines that a line diff finds removed are the ones import
	// replaced, and must all be the two entries' own.
	replaced := removedLines(strings.SplitAfter(string(old), "\n"), strings.SplitAfter(string(got), "\n"))
	if want := []string{
		"    # stale: update the translation to the new en text (#| was the old), or confirm it\n",
		"    #| en: LISTEN on port 80\n",
		"    # fp: " + fpOf("LISTEN on TCP port 80") + " stale " + fpOf("LISTEN en el puerto 80") + "\n",
		"    label: LISTEN en el puerto 80\n",
		"    wait: \"\"\n",
	}; strings.Join(replaced, "") != strings.Join(want, "") {
		t.Errorf("import replaced the lines\n%s\nwant only\n%s", strings.Join(replaced, ""), strings.Join(want, ""))
	}
	for _, want := range []string{
		"    # en: LISTEN on TCP port 80\n    # fp: ",
		"    label: LISTEN en el puerto TCP 80\n",
		"    # en: a few microseconds later\n",
		"    wait: unos microsegundos después\n",
	} {
		if !strings.Contains(string(got), want) {
			t.Errorf("tcp-handshake.yaml lacks %q", want)
		}
	}
}

func fpOf(s string) string { return content.Fingerprint(s) }

// counts reads the numbers of stale and missing strings from the summary
// line of a status.
func counts(t *testing.T, status string) (stale, missing int) {
	t.Helper()
	// The summary line names only the counts that are not zero: a complete
	// translation with one stale string reads "...; 1 stale".
	line := regexp.MustCompile(`(?m)^\s*es \(.*\d+ of \d+ strings.*$`).FindString(status)
	if line == "" {
		t.Fatalf("no summary line in:\n%s", status)
	}
	if m := regexp.MustCompile(`; (\d+) stale`).FindStringSubmatch(line); m != nil {
		fmt.Sscan(m[1], &stale)
	}
	if m := regexp.MustCompile(`; (\d+) missing`).FindStringSubmatch(line); m != nil {
		fmt.Sscan(m[1], &missing)
	}
	return stale, missing
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// removedLines returns the lines of a that are not in the longest common
// subsequence of the lines of a and b: what a line diff shows removed.
func removedLines(a, b []string) []string {
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < len(a) {
		switch {
		case j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && lcs[i][j+1] >= lcs[i+1][j]:
			j++
		default:
			out = append(out, a[i])
			i++
		}
	}
	return out
}
