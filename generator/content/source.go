package content

import (
	"strings"

	"github.com/lessongen/lessongen/generator/diag"
)

// Source is where a translatable source string was written, and the
// author's mark on it.
type Source struct {
	Pos  diag.Pos
	Mark Mark
}

// sources holds the Source of each translatable string of a file, by the
// string's key in the locale file (see pathKey).
type sources map[string]Source

// pathKey joins a key path into one map key. The separator cannot occur in
// YAML keys read from a file, unlike "." which URLs and phase titles use.
func pathKey(key ...string) string { return strings.Join(key, "\x00") }

// source records where the translatable string of e was written and the
// author's mark on it (a "!data" or "!words" tag before the value).
func (d *decoder) source(src sources, e entry, key ...string) {
	if e.value == nil {
		return
	}
	s := Source{Pos: d.pos(e.value)}
	switch e.value.Tag {
	case dataTag:
		s.Mark = MarkData
	case wordsTag:
		s.Mark = MarkWords
	default:
		if strings.HasPrefix(e.value.Tag, "!") && !strings.HasPrefix(e.value.Tag, "!!") {
			d.errorf(e.value, "unknown tag %s; before a value, !data says it is not to be translated and !words that it is", e.value.Tag)
		}
	}
	src[pathKey(key...)] = s
}
