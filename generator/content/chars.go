package content

import (
	"fmt"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/diag"
	"gopkg.in/yaml.v3"
)

// maxByteProblems is the most problems checkBytes reports in one file: a
// file of a million tabs deserves one screen of messages, not a million.
const maxByteProblems = 10

// checkBytes reports what the YAML parser would report vaguely or at 1:1,
// each where it is: invalid UTF-8, tabs in indentation, and characters that
// no page can hold or that YAML reads as line breaks. It returns false when
// the file cannot be parsed.
func (d *decoder) checkBytes(data []byte) bool {
	problems := 0
	report := func(line, col int, format string, args ...any) {
		if problems < maxByteProblems {
			d.diags.Errorf(diag.Pos{Path: d.path, Line: line, Col: col}, format, args...)
		}
		problems++
	}
	line, col := 1, 1
	indent, tabbed := true, false
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			report(line, col, "invalid UTF-8 (byte 0x%02x); save the file as UTF-8", data[i])
			return false
		case r == '\n':
			line, col, indent, tabbed = line+1, 0, true, false
		case r == '\t' && indent && !tabbed: // once a line
			report(line, col, "tab in indentation; YAML indents with spaces")
			tabbed = true
		case r == '\r' && (i+1 == len(data) || data[i+1] != '\n'):
			report(line, col, "a carriage return (U+000D) on its own, which YAML reads as a line break; save the file with LF or CRLF line endings")
		case r == '\u0085' || r == '\u2028' || r == '\u2029':
			report(line, col, "%s in the file, which YAML reads as a line break; replace it with a space or a line break", runeName(r))
		case forbidden(r) != "":
			report(line, col, "%s in the file%s; delete it%s", runeName(r), forbidden(r), invisible(r))
		case r != ' ' && r != '\r' && r != '\ufeff':
			indent = false
		}
		i += size
		col++
	}
	if problems > maxByteProblems {
		d.diags.Errorf(diag.Pos{Path: d.path}, "%d more problems like these in the file", problems-maxByteProblems)
	}
	return problems == 0
}

// checkText reports every key and value that holds a character no page can
// hold, which can only be written as an escape in a double-quoted string
// ("\x01"), since checkBytes refuses them raw.
func (d *decoder) checkText(n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.ScalarNode:
		for _, r := range n.Value {
			if why := forbidden(r); why != "" {
				what := key
				if what == "" {
					what = fmt.Sprintf("the key %q", n.Value)
				}
				d.errorf(n, "%s contains %s%s; remove it", what, runeName(r), why)
				return
			}
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			d.checkText(n.Content[i], "")
			d.checkText(n.Content[i+1], n.Content[i].Value)
		}
	default:
		for _, c := range n.Content {
			d.checkText(c, key)
		}
	}
}

// forbidden says why content must not hold r, or returns "". Pages are
// HTML and SVG: XML cannot hold most controls at all, HTML calls controls
// and noncharacters errors, and a bidi embedding or override turns text
// around, in the page but not in the diagram, which sets the direction of
// every text itself.
func forbidden(r rune) string {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return ""
	case r < 0x20 || (0x7f <= r && r < 0xa0):
		return ", a control character that pages cannot hold"
	case (0xfdd0 <= r && r <= 0xfdef) || r&0xfffe == 0xfffe:
		return ", a noncharacter that pages cannot hold"
	case r == '\u202d' || r == '\u202e':
		return ", which reverses the text around it"
	case '\u202a' <= r && r <= '\u202c':
		return ", which changes the direction of the text around it"
	}
	return ""
}

// Unfit says why no page can hold r, as "U+0000 (NUL), a control
// character that pages cannot hold", or returns "" when pages can.
// Importers use it to point at such a character in their own file, before
// it reaches a scene that would not load.
func Unfit(r rune) string {
	if why := forbidden(r); why != "" {
		return runeName(r) + why
	}
	return ""
}

// invisible is the end of a message about a character the author cannot
// see.
func invisible(r rune) string {
	if '\u202a' <= r && r <= '\u202e' {
		return ": lessongen sets the direction of every text itself"
	}
	return " (most editors do not show it)"
}

// runeName names a character for messages: "U+001B (ESC)".
func runeName(r rune) string {
	if name, ok := runeNames[r]; ok {
		return fmt.Sprintf("U+%04X (%s)", r, name)
	}
	return fmt.Sprintf("U+%04X", r)
}

var runeNames = map[rune]string{
	0x00: "NUL", 0x07: "BEL", 0x08: "BACKSPACE", 0x0b: "VT", 0x0c: "FF", 0x1b: "ESC", 0x7f: "DEL",
	0x85: "NEL", 0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
	0x202a: "LEFT-TO-RIGHT EMBEDDING", 0x202b: "RIGHT-TO-LEFT EMBEDDING", 0x202c: "POP DIRECTIONAL FORMATTING",
	0x202d: "LEFT-TO-RIGHT OVERRIDE", 0x202e: "RIGHT-TO-LEFT OVERRIDE",
}
