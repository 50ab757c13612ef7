package mermaid

import (
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
)

// scanner walks a diagram's source rune by rune, knowing the line and
// column of each, so that every message points where the author looks.
type scanner struct {
	src  []rune
	i    int
	path string
	// line is the number of src's first line in the file.
	line int
	// starts holds the index of each line's first rune.
	starts []int
	diags  *diag.List
}

// maxCharProblems is the most unfit characters newScanner reports: a file
// of a million NULs deserves one screen of messages.
const maxCharProblems = 10

// newScanner reads src, which starts at line of path, and reports each
// character no page can hold where it is, since a scene holding it would
// not load.
func newScanner(src, path string, line int, diags *diag.List) *scanner {
	s := &scanner{src: []rune(src), path: path, line: line, diags: diags, starts: []int{0}}
	var unfit []int
	for i, r := range s.src {
		switch {
		case r == '\n':
			s.starts = append(s.starts, i+1)
		case content.Unfit(r) != "":
			unfit = append(unfit, i)
		}
	}
	for k, i := range unfit {
		if k == maxCharProblems {
			s.diags.Errorf(diag.Pos{Path: path, Line: line}, "%d more characters like these in the diagram", len(unfit)-k)
			break
		}
		s.errorf(i, "%s; delete it (most editors do not show it)", content.Unfit(s.src[i]))
	}
	return s
}

// pos is the place of the rune at index i.
func (s *scanner) pos(i int) diag.Pos {
	n := sort.Search(len(s.starts), func(k int) bool { return s.starts[k] > i }) - 1
	return diag.Pos{Path: s.path, Line: s.line + n, Col: i - s.starts[n] + 1}
}

func (s *scanner) errorf(i int, format string, args ...any) {
	s.diags.Errorf(s.pos(i), format, args...)
}

func (s *scanner) warnf(i int, format string, args ...any) {
	s.diags.Warnf(s.pos(i), format, args...)
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek() rune {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

// has reports whether the source continues with prefix, ignoring case.
func (s *scanner) has(prefix string) bool {
	j := s.i
	for _, r := range prefix {
		if j >= len(s.src) || unicode.ToLower(s.src[j]) != unicode.ToLower(r) {
			return false
		}
		j++
	}
	return true
}

// keyword consumes word when the source continues with it as a whole word,
// as Mermaid's lexer (case-insensitive, with a word boundary after a
// keyword that ends in a letter) reads it.
func (s *scanner) keyword(word string) bool {
	if !s.has(word) {
		return false
	}
	if j := s.i + len([]rune(word)); j < len(s.src) && isWord(s.src[j]) {
		return false
	}
	s.i += len([]rune(word))
	return true
}

// isWord is JavaScript's \w, which Mermaid's patterns use.
func isWord(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

// spaces skips spaces and tabs, not line breaks.
func (s *scanner) spaces() {
	for !s.eof() && s.src[s.i] != '\n' && unicode.IsSpace(s.src[s.i]) {
		s.i++
	}
}

// toEOL skips to the line break, leaving it.
func (s *scanner) toEOL() {
	for !s.eof() && s.src[s.i] != '\n' {
		s.i++
	}
}

// atComment reports whether a comment starts here: "%%" (not a "%%{"
// directive) or "#" (not an entity code).
func (s *scanner) atComment() bool {
	switch {
	case s.has("%%") && !s.has("%%{"):
		return true
	case s.peek() == '#':
		_, ok := entityAt(s.src, s.i)
		return !ok
	}
	return false
}

// text reads text up to the end of the statement: a line break, ';', or a
// '#' that does not start an entity code. It decodes entity codes and
// "<br/>" (as "\n"), trims, and drops Mermaid's "wrap:" and "nowrap:"
// prefixes, which only choose how Mermaid lays the text out. A comment cut
// off the end is reported, since authors rarely mean it.
func (s *scanner) text() string {
	var b strings.Builder
	for !s.eof() {
		r := s.src[s.i]
		if r == '\n' || r == ';' {
			break
		}
		if r == '#' {
			if e, ok := entityAt(s.src, s.i); ok {
				if r, n := utf8.DecodeRuneInString(e.text); n == len(e.text) && content.Unfit(r) != "" {
					s.errorf(s.i, "%s is %s; delete it", string(s.src[s.i:s.i+e.n]), content.Unfit(r))
				}
				b.WriteString(e.text)
				s.i += e.n
				continue
			}
			s.warnf(s.i, "Mermaid reads what follows '#' as a comment, so it is not imported; write #35; for a '#' in text")
			s.toEOL()
			break
		}
		b.WriteRune(r)
		s.i++
	}
	return clean(b.String())
}

var wrapPrefix = regexp.MustCompile(`^:?(?:no)?wrap:`)

var lineBreak = regexp.MustCompile(`(?i)<br\s*/?>`)

// clean trims t and turns "<br/>" into "\n", as Mermaid draws it.
func clean(t string) string {
	t = strings.TrimSpace(t)
	t = strings.TrimSpace(wrapPrefix.ReplaceAllString(t, ""))
	lines := strings.Split(lineBreak.ReplaceAllString(t, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

type entity struct {
	text string
	n    int // runes
}

// entityAt reads an entity code ("#59;", "#infin;") at src[i], which is a
// '#'. Mermaid hands "#name;" to the browser as "&name;": a decimal code
// point or any HTML character name.
func entityAt(src []rune, i int) (entity, bool) {
	j := i + 1
	for j < len(src) && isWord(src[j]) {
		j++
	}
	if j == i+1 || j >= len(src) || src[j] != ';' {
		return entity{}, false
	}
	name := string(src[i+1 : j])
	n := j - i + 1
	if strings.Trim(name, "0123456789") == "" {
		if code, err := strconv.Atoi(name); err == nil && code > 0 && code <= unicode.MaxRune {
			return entity{string(rune(code)), n}, true
		}
		return entity{"#" + name + ";", n}, true
	}
	if t := html.UnescapeString("&" + name + ";"); t != "&"+name+";" {
		return entity{t, n}, true
	}
	// Not a character name: the browser would show it as written, and it
	// still is no comment.
	return entity{"#" + name + ";", n}, true
}
