package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the want sections of testdata/malformed")

const corpusSite = "title: Test site\nlanguage: en\ntopics:\n  - id: web\n    title: The web\n"

const corpusScene = "title: A scene\ntopic: web\nactors:\n  - id: pc\n    name: PC\n    kind: pc\n  - id: server\n    name: Server\n    kind: server\nsteps:\n  - from: pc\n    to: server\n    label: SYN\n    text: Hello.\n"

// A case is a content folder that differs from a small valid site by the
// files it names, and what lessongen build must print and exit with.
type corpusCase struct {
	name  string
	files map[string][]byte // nil value: delete the file
	order []string
	want  string
	exit  int
}

// parseCase reads the archive format of testdata/malformed: sections that
// start with a line "-- name --"; "want" and "exit" are the expectations,
// every other name a file, "<delete>" a file to remove.
func parseCase(name string, data []byte) corpusCase {
	c := corpusCase{name: name, files: map[string][]byte{}, exit: 1}
	var section string
	var body []byte
	flush := func() {
		switch section {
		case "":
		case "want":
			c.want = string(body)
		case "exit":
			c.exit, _ = strconv.Atoi(strings.TrimSpace(string(body)))
		default:
			c.order = append(c.order, section)
			if string(body) == "<delete>\n" {
				c.files[section] = nil
			} else {
				c.files[section] = append([]byte{}, body...) // empty, not nil: nil deletes
			}
		}
	}
	for _, line := range bytes.SplitAfter(data, []byte("\n")) {
		t := string(bytes.TrimRight(line, "\n"))
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") {
			flush()
			section, body = strings.TrimSuffix(strings.TrimPrefix(t, "-- "), " --"), nil
			continue
		}
		body = append(body, line...)
	}
	flush()
	return c
}

// generated cases are too large to commit.
func generatedCases() []corpusCase {
	huge := strings.Repeat("# a comment to make the file large\n", 50<<20/35+1)
	var steps strings.Builder
	for i := range 10000 {
		fmt.Fprintf(&steps, "  - note: pc\n    label: Step %d\n", i)
	}
	deep := "title: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	return []corpusCase{
		{name: "generated-50MB-file", files: map[string][]byte{"scenes/big.yaml": []byte(corpusScene + huge)}, exit: 1,
			want: "content/scenes/big.yaml: the file is 50.0 MB; content files are limited to 4 MB\n1 error\n"},
		{name: "generated-10000-steps", files: map[string][]byte{"scenes/long.yaml": []byte("title: Long\ntopic: web\nactors:\n  - id: pc\n    name: PC\nsteps:\n" + steps.String())}, exit: 1,
			want: "content/scenes/long.yaml:7:3: a scene has at most 500 steps, this one has 10000; split it into several scenes\n1 error\n"},
		{name: "generated-100000-character-label", files: map[string][]byte{"scenes/wide.yaml": []byte(strings.Replace(corpusScene, "label: SYN", "label: "+strings.Repeat("x", 100000), 1))}, exit: 1,
			want: "content/scenes/wide.yaml:13:12: label is 100000 characters long; keep it under 200\n1 error\n"},
		// Raw control characters, which the YAML parser reports at 1:1 and
		// which editors do not show, are reported where they are.
		{name: "generated-raw-control-characters", files: map[string][]byte{"scenes/raw.yaml": []byte(strings.NewReplacer(
			"title: A scene", "title: A\x00scene", "name: PC", "name: P\x01C", "label: SYN", "label: S\x1bYN",
			"text: Hello.", "text: Hel\x7flo \uFFFE.").Replace(corpusScene))}, exit: 1,
			want: "content/scenes/raw.yaml:1:9: U+0000 (NUL) in the file, a control character that pages cannot hold; delete it (most editors do not show it)\n" +
				"content/scenes/raw.yaml:5:12: U+0001 in the file, a control character that pages cannot hold; delete it (most editors do not show it)\n" +
				"content/scenes/raw.yaml:13:13: U+001B (ESC) in the file, a control character that pages cannot hold; delete it (most editors do not show it)\n" +
				"content/scenes/raw.yaml:14:14: U+007F (DEL) in the file, a control character that pages cannot hold; delete it (most editors do not show it)\n" +
				"content/scenes/raw.yaml:14:18: U+FFFE in the file, a noncharacter that pages cannot hold; delete it (most editors do not show it)\n" +
				"5 errors\n"},
		{name: "generated-raw-next-line", files: map[string][]byte{"scenes/nel.yaml": []byte(strings.Replace(corpusScene, "label: SYN", "label: SYN\u0085ACK", 1))}, exit: 1,
			want: "content/scenes/nel.yaml:13:15: U+0085 (NEL) in the file, which YAML reads as a line break; replace it with a space or a line break\n1 error\n"},
		{name: "generated-raw-bidi-override", files: map[string][]byte{"scenes/rlo.yaml": []byte(strings.Replace(corpusScene, "label: SYN", "label: exe\u202etxt.SYN", 1))}, exit: 1,
			want: "content/scenes/rlo.yaml:13:15: U+202E (RIGHT-TO-LEFT OVERRIDE) in the file, which reverses the text around it; delete it: lessongen sets the direction of every text itself\n1 error\n"},
		{name: "generated-1MB-unknown-topic", files: map[string][]byte{"scenes/t.yaml": []byte(strings.Replace(corpusScene, "topic: web", "topic: w"+strings.Repeat("e", 1<<20), 1))}, exit: 1,
			want: "content/scenes/t.yaml:2:8: unknown topic \"w" + strings.Repeat("e", 59) + "…\"; the topics are: web (topics are listed in site.yaml)\n1 error\n"},
		{name: "generated-deep-nesting", files: map[string][]byte{"scenes/deep.yaml": []byte(deep)}, exit: 1,
			want: "content/scenes/deep.yaml:1:1: YAML syntax error: exceeded max depth of 10000\n1 error\n"},
	}
}

// corpusCases are every case of testdata/malformed and those generated.
func corpusCases(tb testing.TB) []corpusCase {
	files, _ := filepath.Glob("testdata/malformed/*.txt")
	var cases []corpusCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		cases = append(cases, parseCase(f, data))
	}
	cases = append(cases, generatedCases()...)
	return append(cases, limitCases()...)
}

// A caseRun is what a case's build and check did.
type caseRun struct {
	code, checkCode             int
	stdout, stderr, checkStderr string
	wrote                       bool     // the output folder exists
	beside                      []string // what else the build left beside content/ and the output
	wall, cpu                   time.Duration
	alloc                       uint64 // bytes allocated by the build
}

// runCase builds the case's site in a new temporary folder, then checks
// it; messages name the content folder "content".
func runCase(tb testing.TB, tmp string, c corpusCase) caseRun {
	dir := filepath.Join(tmp, "content")
	os.MkdirAll(filepath.Join(dir, "scenes"), 0o755)
	os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(corpusSite), 0o644)
	os.WriteFile(filepath.Join(dir, "scenes/ok.yaml"), []byte(corpusScene), 0o644)
	for name, data := range c.files {
		p := filepath.Join(dir, name)
		if data == nil {
			os.Remove(p)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	out := filepath.Join(tmp, "public")
	var r caseRun
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	start := time.Now()
	r.code, r.stdout, r.stderr = runCLI("build", "--content", dir, "--out", out)
	r.wall, r.cpu = time.Since(start), cpuTime()-cpu0
	runtime.ReadMemStats(&after)
	r.alloc = after.TotalAlloc - before.TotalAlloc
	entries, _ := os.ReadDir(tmp)
	for _, e := range entries {
		switch e.Name() {
		case "content":
		case "public":
			r.wrote = true
		default:
			r.beside = append(r.beside, e.Name())
		}
	}
	r.checkCode, _, r.checkStderr = runCLI("check", "--content", dir)
	name := filepath.ToSlash(dir)
	r.stderr, r.checkStderr = strings.ReplaceAll(r.stderr, name, "content"), strings.ReplaceAll(r.checkStderr, name, "content")
	return r
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// The corpus's bounds, from the issue: a case must take under a second and
// 200 MB. They detect a case that hangs or balloons, and time nothing:
// the time is CPU time, which a loaded machine does not inflate as it does
// the clock (the slowest case takes about a tenth of it; see
// BenchmarkMalformedCorpus and docs/performance.md), and the race detector,
// which slows Go code down 5 to 10 times, gets ten times as much.
const (
	caseCPU   = time.Second * raceFactor
	caseAlloc = 200 << 20
)

func TestMalformedCorpus(t *testing.T) {
	cases := corpusCases(t)
	if len(cases) < 60 {
		t.Errorf("the corpus has %d cases; it should have at least 60", len(cases))
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.name), func(t *testing.T) {
			r := runCase(t, t.TempDir(), c)
			if *update && !strings.HasPrefix(filepath.Base(c.name), "generated-") && !strings.HasPrefix(c.name, "limit-") {
				rewriteWant(t, c, r.stderr)
				return
			}
			if r.code != c.exit {
				t.Errorf("exit %d, want %d", r.code, c.exit)
			}
			if r.stderr != c.want {
				t.Errorf("stderr:\n%.2000s\nwant:\n%s", r.stderr, c.want)
			}
			// check prints exactly what build would.
			if r.checkCode != r.code || r.checkStderr != r.stderr {
				t.Errorf("check exit %d, stderr:\n%.2000s\nbuild exit %d", r.checkCode, r.checkStderr, r.code)
			}
			if r.wrote != (c.exit == 0) {
				t.Errorf("exit %d, and the output folder exists: %v", r.code, r.wrote)
			}
			if c.exit != 0 && r.stdout != "" {
				t.Errorf("stdout: %q", r.stdout)
			}
			if r.beside != nil {
				t.Errorf("left %q beside the output", r.beside)
			}
			if r.cpu > caseCPU {
				t.Errorf("took %v of CPU time (%v by the clock); the bound is %v", r.cpu, r.wall, caseCPU)
			}
			if r.alloc > caseAlloc {
				t.Errorf("allocated %d MB; the bound is %d MB", r.alloc>>20, caseAlloc>>20)
			}
		})
	}
}

// BenchmarkMalformedCorpus builds and checks every corpus case once per
// iteration, and reports the slowest and most allocating case: the real
// figures behind TestMalformedCorpus's bounds.
func BenchmarkMalformedCorpus(b *testing.B) {
	cases := corpusCases(b)
	var worstWall, worstCPU time.Duration
	var worstAlloc uint64
	var slowest, hungriest string
	for b.Loop() {
		for _, c := range cases {
			r := runCase(b, b.TempDir(), c)
			worstWall = max(worstWall, r.wall)
			if r.cpu > worstCPU {
				worstCPU, slowest = r.cpu, filepath.Base(c.name)
			}
			if r.alloc > worstAlloc {
				worstAlloc, hungriest = r.alloc, filepath.Base(c.name)
			}
		}
	}
	b.ReportMetric(float64(len(cases)), "cases")
	b.ReportMetric(float64(worstCPU.Microseconds())/1000, "max-cpu-ms/case")
	b.ReportMetric(float64(worstWall.Microseconds())/1000, "max-ms/case")
	b.ReportMetric(float64(worstAlloc)/(1<<20), "max-MB/case")
	b.Logf("slowest %s (%v CPU), most allocating %s (%.1f MB)", slowest, worstCPU, hungriest, float64(worstAlloc)/(1<<20))
}

func rewriteWant(t *testing.T, c corpusCase, stderr string) {
	data, err := os.ReadFile(c.name)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte("-- want --\n"))
	rest := data[i+len("-- want --\n"):]
	tail := ""
	if j := bytes.Index(rest, []byte("-- exit --\n")); j >= 0 {
		tail = string(rest[j:])
	}
	out := string(data[:i]) + "-- want --\n" + stderr + tail
	if err := os.WriteFile(c.name, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
}
