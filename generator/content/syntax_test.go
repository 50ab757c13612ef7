package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/diag"
)

// TestScannerAcceptsValidFiles runs the syntax scanner over every content
// file of the sample site and the fixtures, and over valid YAML that bends
// the usual layout: on a file the parser accepts it must find nothing, or
// it would send authors to the wrong line.
func TestScannerAcceptsValidFiles(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../content/*.yaml", "../../content/*/*.yaml", "../../content/*/*/*.yaml",
		"../pipeline/testdata/fixture/*.yaml", "../pipeline/testdata/fixture/*/*.yaml", "../pipeline/testdata/fixture/*/*/*.yaml", "../../themes/default/i18n/*.yaml"} {
		m, _ := filepath.Glob(pattern)
		files = append(files, m...)
	}
	if len(files) < 20 {
		t.Fatalf("found only %d files", len(files))
	}
	texts := map[string]string{
		"compact list":       "steps:\n- from: a\n  to: b\n- note: a\n",
		"block scalars":      "text: |\n  line one\n\n    indented more\n  line: with a colon\nnext: >-\n  folded: text\n",
		"multi-line quotes":  "title: \"one\n  two: three\"\nsummary: 'it''s\n two: x'\n",
		"multi-line flow":    "fields: {seq: x,\n  ack: y}\nrelated: [a,\n  b]\n",
		"multi-line plain":   "text: a long\n  narration that\n  goes on\nlabel: x\n",
		"comments":           "# top\ntitle: x # trailing\n  # indented comment\nsteps:\n  # a comment\n  - note: a # c\n",
		"anchors and tags":   "title: !!str 404\nlabel: &a x\n",
		"nested lists":       "note:\n  - a\n  - b\nx:\n  - - a\n    - b\n",
		"quoted keys":        "fields:\n  \"a: b\": x\n  'c': \"d: e\"\n",
		"document marker":    "---\ntitle: x\n",
		"value with colon":   "url: https://example.com/a:b\nlabel: a:b\n",
		"crlf":               "title: x\r\nsteps:\r\n  - note: a\r\n",
		"list item plain":    "related:\n  - abc\n    def\n",
		"dash alone":         "steps:\n  -\n    note: a\n",
		"blank lines inside": "steps:\n\n  - note: a\n\n    label: b\n",
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[f] = string(data)
	}
	for name, text := range texts {
		s := &scanner{lines: strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")}
		if p := s.scan(); p != nil {
			t.Errorf("%s: %d:%d: %s", name, p.line, p.col, p.msg)
		}
	}
}

// FuzzSyntax parses arbitrary files: every message must point inside the
// file, at a line it has and a column on that line.
func FuzzSyntax(f *testing.F) {
	for _, s := range []string{okScene, okSite, "title: [x\n", "a:\n  - b\n   c: d\n", "t: \"\\u12\"\n", "- a\nb: c\n"} {
		f.Add([]byte(s))
	}
	cases, _ := filepath.Glob("../../cmd/lessongen/testdata/malformed/*.txt")
	for _, p := range cases {
		data, _ := os.ReadFile(p)
		for _, part := range strings.Split(string(data), "\n-- ")[0:] {
			if name, body, ok := strings.Cut(strings.TrimPrefix(part, "-- "), " --\n"); ok && strings.HasSuffix(name, ".yaml") {
				f.Add([]byte(body))
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags diag.List
		d := &decoder{path: "f.yaml", diags: &diags}
		d.parse(data)
		lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
		for _, e := range diags {
			if e.Pos.Line == 0 {
				continue
			}
			if e.Pos.Line > len(lines) || e.Pos.Col < 1 || e.Pos.Col > utf8.RuneCountInString(lines[e.Pos.Line-1])+1 {
				t.Errorf("%s points outside the file:\n%q", e, data)
			}
		}
	})
}
