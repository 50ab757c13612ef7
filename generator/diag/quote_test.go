package diag

import (
	"strings"
	"testing"
)

func TestMessagesAreSafeToPrint(t *testing.T) {
	long := strings.Repeat("é", 3<<20)
	for _, tc := range []struct {
		name   string
		pos    Pos
		format string
		args   []any
		want   string
	}{
		{"terminal escapes in a quoted key", Pos{Path: "a.yaml", Line: 2, Col: 3}, "unknown field %q in step",
			[]any{"\x1b[2K\x1b[1Acontent is valid\x1b[8m"},
			`a.yaml:2:3: unknown field "\x1b[2K\x1b[1Acontent is valid\x1b[8m" in step`},
		{"a 3 MB value is cut", Pos{Path: "a.yaml", Line: 1, Col: 8}, "unknown topic %q", []any{long},
			`a.yaml:1:8: unknown topic "` + strings.Repeat("é", MaxQuoted) + `…"`},
		{"bidi override and noncharacter", Pos{Path: "a.yaml", Line: 1, Col: 1}, "unknown actor %q", []any{"ab\u202ecd\uffff"},
			`a.yaml:1:1: unknown actor "ab\u202ecd\uffff"`},
		{"a raw %s argument is escaped too", Pos{Path: "a.yaml", Line: 1, Col: 1}, "%s must be text", []any{"\x1b]0;title\x07"},
			`a.yaml:1:1: \x1b]0;title\x07 must be text`},
		{"a file name with escapes", Pos{Path: "content/scenes/\x1b[31mred.yaml"}, "scene id %q", []any{"\x1b[31mred"},
			`content/scenes/\x1b[31mred.yaml: scene id "\x1b[31mred"`},
		{"invalid UTF-8 and a real U+FFFD", Pos{Path: "a.yaml", Line: 1, Col: 1}, "%s %s", []any{"\xff", "\ufffd"},
			`a.yaml:1:1: \xff ` + "\ufffd"},
		{"an over-long message is cut", Pos{Path: "a.yaml", Line: 1, Col: 1}, "the actors are: %s", []any{strings.Repeat("x, ", 1000)},
			"a.yaml:1:1: the actors are: " + strings.Repeat("x, ", 1000)[:MaxMessage-len("the actors are: ")] + "…"},
		{"other verbs still work", Pos{Path: "a.yaml", Line: 1, Col: 1}, "%5s|%-3s|%d|%x", []any{"ab", "c", 7, "hi"},
			"a.yaml:1:1:    ab|c  |7|6869"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var l List
			l.Errorf(tc.pos, tc.format, tc.args...)
			if got := l[0].String(); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestDiagnosticStringEscapesDirectMessages(t *testing.T) {
	d := Diagnostic{Pos: Pos{Path: "x"}, Message: "a\x1b[2Kb\nc"}
	if got, want := d.String(), `x: a\x1b[2Kb\x0ac`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
