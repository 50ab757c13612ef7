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
		{name: "generated-deep-nesting", files: map[string][]byte{"scenes/deep.yaml": []byte(deep)}, exit: 1,
			want: "content/scenes/deep.yaml:1:1: YAML syntax error: exceeded max depth of 10000\n1 error\n"},
	}
}

func TestMalformedCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/malformed/*.txt")
	var cases []corpusCase
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, parseCase(f, data))
	}
	cases = append(cases, generatedCases()...)
	if len(cases) < 60 {
		t.Errorf("the corpus has %d cases; it should have at least 60", len(cases))
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.name), func(t *testing.T) {
			tmp := t.TempDir()
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
					t.Fatal(err)
				}
			}
			out := filepath.Join(tmp, "public")
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			code, stdout, stderr := runCLI("build", "--content", dir, "--out", out)
			took := time.Since(start)
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			stderr = strings.ReplaceAll(stderr, filepath.ToSlash(dir), "content")
			if *update && !strings.HasPrefix(filepath.Base(c.name), "generated-") {
				rewriteWant(t, c, stderr)
				return
			}
			if code != c.exit {
				t.Errorf("exit %d, want %d", code, c.exit)
			}
			if stderr != c.want {
				t.Errorf("stderr:\n%.2000s\nwant:\n%s", stderr, c.want)
			}
			if c.exit != 0 {
				if _, err := os.Stat(out); !os.IsNotExist(err) {
					t.Error("a failed build wrote its output folder")
				}
				if stdout != "" {
					t.Errorf("stdout: %q", stdout)
				}
			}
			// Guards against a case that hangs or balloons, not benchmarks:
			// the bounds are the issue's, far above what a case takes.
			if took > time.Second {
				t.Errorf("took %v", took)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 200<<20 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
		})
	}
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
