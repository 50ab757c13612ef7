package content

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/diag"
)

// The YAML parser reports a syntax error at the line where the enclosing
// block began ("steps:", ten lines up, or the top of the file), never at a
// column, and with its own words ("did not find expected key"). syntaxError
// finds where the author must look instead: it reads the file's block
// structure line by line, as an author sees it (indentation, "- " items,
// "key: value" lines, quotes and brackets), and reports the first line that
// breaks it, with a hint that fits. When it finds nothing, the parser's own
// line and message stand.

// syntaxError reports the parser's error err on data.
func (d *decoder) syntaxError(data []byte, err error) {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	lines := strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if p := locate(lines, line, msg); p != nil {
		d.diags.Errorf(diag.Pos{Path: d.path, Line: p.line, Col: p.col}, "%s", p.msg)
		return
	}
	line = max(line, 1)
	col := 1
	if line <= len(lines) {
		col = 1 + utf8.RuneCountInString(lines[line-1]) - utf8.RuneCountInString(strings.TrimLeft(lines[line-1], " "))
	}
	d.diags.Errorf(diag.Pos{Path: d.path, Line: line, Col: col}, "YAML syntax error: %s", msg)
}

// problem is a syntax error's place and message.
type problem struct {
	line, col int
	msg       string
}

// locate finds the place of the parser's error msg, which it reported at
// line (0 when it gave none), or returns nil.
func locate(lines []string, line int, msg string) *problem {
	s := &scanner{lines: lines}
	p := s.scan()
	switch {
	case p != nil && p.line >= line:
		return p
	case strings.Contains(msg, "escape character") || strings.Contains(msg, "hexdecimal number"):
		return badEscape(lines, max(line, 1))
	case s.open != nil && (strings.Contains(msg, "end of stream") || strings.Contains(msg, "did not find expected ','")):
		return s.open
	}
	return nil
}

// yamlBlock is a mapping or a list whose entries start at a column.
type yamlBlock struct {
	indent int
	list   bool
	line   int    // where its first entry is
	first  string // how that entry starts: "- " or "key:"
}

// scanner reads a file's block structure line by line.
type scanner struct {
	lines  []string
	blocks []yamlBlock
	// open is a quote or bracket still open at the end of the file.
	open *problem
}

// scan returns the first line that breaks the block structure, or nil.
func (s *scanner) scan() *problem {
	// prev describes the last structural line: what may follow it.
	var prev struct {
		line, indent int
		key          string
		opens        bool // "key:" or "-" with nothing after: a nested block may follow
		plain        bool // "key: text": an indented line continues the text
	}
	blockScalar := -1 // the indentation a block scalar's lines must exceed, or -1
	for i := 0; i < len(s.lines); i++ {
		text := s.lines[i]
		indent := len(text) - len(strings.TrimLeft(text, " "))
		rest := text[indent:]
		n := i + 1
		if blockScalar >= 0 {
			if strings.TrimSpace(text) == "" || indent > blockScalar {
				continue
			}
			blockScalar = -1
		}
		if rest == "" || rest[0] == '#' || strings.HasPrefix(text, "---") || strings.HasPrefix(text, "...") || rest[0] == '%' {
			continue
		}
		if rest[0] == '?' && (len(rest) == 1 || rest[1] == ' ') {
			return nil // complex keys: too rare in content to follow
		}
		if prev.plain && indent > prev.indent && len(s.blocks) > 0 && !strings.HasPrefix(rest, "- ") && rest != "-" {
			// The continuation of a multi-line plain value, unless it looks
			// like a key, which YAML then refuses.
			if k, _, ok := keyOf(rest); ok && prev.key != "" {
				return &problem{n, col(text, indent), fmt.Sprintf("%q is indented deeper than %q on line %d, so YAML reads it as part of that value; line it up with %q", k+":", prev.key+":", prev.line, prev.key+":")}
			} else if ok {
				return &problem{n, col(text, indent), fmt.Sprintf("%q is indented deeper than the item on line %d, so YAML reads it as part of that item's text", k+":", prev.line)}
			}
			continue
		}
		// Blocks that ended: those indented deeper than this line.
		var closed *yamlBlock
		for len(s.blocks) > 0 && s.blocks[len(s.blocks)-1].indent > indent {
			b := s.blocks[len(s.blocks)-1]
			closed = &b
			s.blocks = s.blocks[:len(s.blocks)-1]
		}
		dash := rest == "-" || strings.HasPrefix(rest, "- ")
		top := s.top()
		switch {
		case top == nil:
			s.blocks = append(s.blocks, yamlBlock{indent: indent, list: dash, line: n, first: entryStart(rest)})
		case closed == nil && indent > top.indent:
			if !prev.opens {
				return &problem{n, col(text, indent), fmt.Sprintf("this line is indented deeper than line %d, which holds a whole value; %s", prev.line, s.alignHint(indent, closed))}
			}
			s.blocks = append(s.blocks, yamlBlock{indent: indent, list: dash, line: n, first: entryStart(rest)})
		case indent != top.indent:
			return &problem{n, col(text, indent), fmt.Sprintf("this line is indented %d spaces, which matches no block around it; %s", indent, s.alignHint(indent, closed))}
		case dash && !top.list && prev.opens && prev.indent == indent && prev.line == n-1-blankBefore(s.lines, i):
			// "steps:" followed by "- " at the same column: a list may
			// start level with its key.
			s.blocks = append(s.blocks, yamlBlock{indent: indent, list: true, line: n, first: "-"})
		case dash && !top.list:
			if closed != nil && closed.list {
				return &problem{n, col(text, indent), fmt.Sprintf("this list item's \"-\" is at column %d, but the items above it (from line %d) have theirs at column %d; line it up with them", indent+1, closed.line, closed.indent+1)}
			}
			return &problem{n, col(text, indent), fmt.Sprintf("a list item (\"-\") where a \"key: value\" line was expected, like line %d", top.line)}
		case !dash && top.list:
			return &problem{n, col(text, indent), fmt.Sprintf("a \"key: value\" line where a list item (\"- \") was expected, like line %d; if it belongs to the item above, indent it further", top.line)}
		}
		// The rest of the line: items opened by dashes, then a key and its
		// value.
		lineIndent := indent
		for rest == "-" || strings.HasPrefix(rest, "- ") {
			after := strings.TrimLeft(rest[1:], " ")
			indent += len(rest) - len(after)
			rest = after
			if rest != "" && rest[0] != '#' {
				s.blocks = append(s.blocks, yamlBlock{indent: indent, list: strings.HasPrefix(rest, "- "), line: n, first: entryStart(rest)})
			}
		}
		prev.line, prev.indent, prev.key, prev.opens, prev.plain = n, lineIndent, "", rest == "" || rest[0] == '#', false
		k, value, ok := keyOf(rest)
		if !ok {
			switch {
			case prev.opens:
			case rest[0] == '"' || rest[0] == '\'' || rest[0] == '[' || rest[0] == '{':
				if i = s.value(i, text, len(text)-len(rest)); i < 0 {
					return nil
				}
			case rest[0] == '|' || rest[0] == '>':
				blockScalar = lineIndent
			default:
				prev.plain = true
			}
			continue
		}
		prev.indent, prev.key = indent, k
		v := strings.TrimLeft(value, " ")
		vcol := len(text) - len(v)
		v = skipProperties(v)
		vcol = len(text) - len(v)
		switch {
		case v == "" || v[0] == '#':
			prev.opens = true
		case v[0] == '|' || v[0] == '>':
			blockScalar = indent
		case v[0] == '"' || v[0] == '\'' || v[0] == '[' || v[0] == '{':
			if i = s.value(i, text, vcol); i < 0 {
				return nil
			}
		default:
			if c := strings.Index(v, ": "); c >= 0 && !strings.Contains(v[:c], " #") {
				return &problem{n, col(text, vcol+c), fmt.Sprintf("a value that contains \": \" needs quotes: %s: %s", k, strconv.Quote(strings.TrimSpace(uncomment(v))))}
			}
			prev.plain = true
		}
	}
	return nil
}

func (s *scanner) top() *yamlBlock {
	if len(s.blocks) == 0 {
		return nil
	}
	return &s.blocks[len(s.blocks)-1]
}

// alignHint says which column a line at indent was likely meant to have:
// that of the block it just left, or of the one it fell back into.
func (s *scanner) alignHint(indent int, closed *yamlBlock) string {
	b := s.top()
	if closed != nil && (b == nil || closed.indent-indent <= indent-b.indent) {
		b = closed
	}
	if b == nil {
		return "indent it with spaces like the lines around it"
	}
	return fmt.Sprintf("line it up with %q on line %d (column %d)", b.first, b.line, b.indent+1)
}

// entryStart is how an entry of a block starts, for messages: "-" or
// "key:".
func entryStart(rest string) string {
	if rest == "-" || strings.HasPrefix(rest, "- ") {
		return "-"
	}
	if k, _, ok := keyOf(rest); ok {
		return k + ":"
	}
	if f := strings.Fields(rest); len(f) > 0 {
		return f[0]
	}
	return rest // white space that is not YAML indentation, such as a tab; messages quote it
}

// value follows a quoted or bracketed value that starts at byte start of
// line i, through the lines it spans, and returns the index of its last
// line, or -1 when it is still open at the end of the file (s.open then
// says where it opened).
func (s *scanner) value(i int, text string, start int) int {
	// The open brackets and quotes, by line and byte: their columns are
	// counted only for the one reported, since counting each would cost a
	// long line's length again for every bracket on it.
	type opener struct {
		line, b int
		c       byte
	}
	var stack []opener
	quote := byte(0)
	for {
		for j := start; j < len(text); j++ {
			c := text[j]
			switch {
			case quote == '"' && c == '\\':
				j++
			case quote != 0 && c == quote:
				if quote == '\'' && j+1 < len(text) && text[j+1] == '\'' {
					j++ // '' inside single quotes
					continue
				}
				quote = 0
				stack = stack[:len(stack)-1]
			case quote != 0:
			case c == '#' && (j == 0 || text[j-1] == ' '):
				j = len(text)
			case c == '"' || c == '\'':
				if len(stack) > 0 || j == start {
					quote = c
					stack = append(stack, opener{i, j, c})
				}
			case c == '[' || c == '{':
				stack = append(stack, opener{i, j, c})
			case (c == ']' || c == '}') && len(stack) > 0:
				stack = stack[:len(stack)-1]
			}
		}
		if len(stack) == 0 {
			return i
		}
		if i++; i == len(s.lines) {
			o := stack[0]
			msg := fmt.Sprintf("this %c is never closed; close the text with %c", o.c, o.c)
			if o.c == '[' || o.c == '{' {
				msg = fmt.Sprintf("this %c is never closed; close it with %c, or put the value in quotes", o.c, map[byte]byte{'[': ']', '{': '}'}[o.c])
			}
			s.open = &problem{o.line + 1, col(s.lines[o.line], o.b), msg}
			return -1
		}
		text, start = s.lines[i], 0
	}
}

// keyOf splits "key: value" (or "key:" alone), with a plain or quoted key.
func keyOf(rest string) (key, value string, ok bool) {
	if rest == "" {
		return "", "", false
	}
	if q := rest[0]; q == '"' || q == '\'' {
		for j := 1; j < len(rest); j++ {
			switch {
			case q == '"' && rest[j] == '\\':
				j++
			case rest[j] == q:
				after := rest[j+1:]
				if after == ":" || strings.HasPrefix(after, ": ") {
					return rest[:j+1], after[1:], true
				}
				return "", "", false
			}
		}
		return "", "", false
	}
	if strings.ContainsRune("[{&*!|>#", rune(rest[0])) {
		return "", "", false
	}
	for j := 0; j < len(rest); j++ {
		switch {
		case rest[j] == '#' && j > 0 && rest[j-1] == ' ':
			return "", "", false
		case rest[j] == ':' && (j+1 == len(rest) || rest[j+1] == ' '):
			return rest[:j], rest[j+1:], true
		}
	}
	return "", "", false
}

// skipProperties drops an anchor or tag in front of a value ("&a ", "!!str ").
func skipProperties(v string) string {
	for v != "" && (v[0] == '&' || v[0] == '!') {
		sp := strings.IndexByte(v, ' ')
		if sp < 0 {
			return ""
		}
		v = strings.TrimLeft(v[sp:], " ")
	}
	return v
}

// uncomment drops a comment from the end of a plain value.
func uncomment(v string) string {
	if i := strings.Index(v, " #"); i >= 0 {
		return v[:i]
	}
	return v
}

// blankBefore counts the blank and comment lines just before line i.
func blankBefore(lines []string, i int) int {
	n := 0
	for j := i - 1; j >= 0; j-- {
		t := strings.TrimSpace(lines[j])
		if t != "" && t[0] != '#' {
			break
		}
		n++
	}
	return n
}

// col is the column, counted in characters from 1, of byte b of text.
func col(text string, b int) int {
	return 1 + utf8.RuneCountInString(text[:min(b, len(text))])
}

// badEscape finds the escape the parser refused in the double-quoted text
// on or after line from.
func badEscape(lines []string, from int) *problem {
	for i := from - 1; i < len(lines); i++ {
		text := lines[i]
		in := false
		for j := 0; j < len(text); j++ {
			switch c := text[j]; {
			case !in && c == '"':
				in = true
			case in && c == '"':
				in = false
			case in && c == '\\' && j+1 < len(text):
				e := text[j+1]
				if digits, ok := hexEscapes[e]; ok {
					if !isHex(text[j+2:], digits) {
						return &problem{i + 1, col(text, j), fmt.Sprintf("\"\\%c\" needs %d hexadecimal digits (0-9, a-f) after it; to write a backslash, write \"\\\\\"", e, digits)}
					}
					j += 1 + digits
					continue
				}
				if !strings.ContainsRune(`0abt	nvfre "/\N_LP`, rune(e)) {
					return &problem{i + 1, col(text, j), fmt.Sprintf("\"\\%c\" is not an escape YAML knows; to write a backslash, write \"\\\\\", or put the text in single quotes", e)}
				}
				j++
			}
		}
	}
	return nil
}

var hexEscapes = map[byte]int{'x': 2, 'u': 4, 'U': 8}

func isHex(s string, n int) bool {
	if len(s) < n {
		return false
	}
	for _, c := range []byte(s[:n]) {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c)) {
			return false
		}
	}
	return true
}
