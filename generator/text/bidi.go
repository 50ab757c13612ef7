package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The Unicode isolate controls. They are invisible and zero wide; Width
// ignores them.
const (
	lri = '\u2066' // left-to-right isolate
	rli = '\u2067' // right-to-left isolate
	pdi = '\u2069' // pop directional isolate
)

// RTL reports whether s reads right to left in a diagram whose direction
// is right to left when context is true.
//
// In a right-to-left diagram, any text with a right-to-left letter reads
// right to left: it is the translation, and the page's HTML gives it the
// page's dir, so "ESTABLISHED، وكل البيانات مُقَرّ بها" keeps ESTABLISHED on
// the right in the diagram as in the step list. Otherwise the first strongly
// directional character decides (rule P2 of the Unicode bidirectional
// algorithm, what dir="auto" does): the English of an untranslated string
// reads left to right on an Arabic page, an Arabic name right to left on an
// English one. Text with no strong character reads in the context's
// direction.
func RTL(s string, context bool) bool {
	if context && strings.ContainsFunc(s, func(r rune) bool { return strong(r) == 'R' }) {
		return true
	}
	for _, r := range s {
		switch strong(r) {
		case 'R':
			return true
		case 'L':
			return false
		}
	}
	return context
}

// strong is the strong direction of r: 'L', 'R', or 0 for the weak and
// neutral characters (digits, punctuation, spaces, marks).
func strong(r rune) byte {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return 'L'
		}
		return 0
	case rightToLeft(r):
		return 'R'
	case unicode.IsLetter(r):
		return 'L'
	}
	return 0
}

// rightToLeft reports the letters of the right-to-left scripts: Hebrew,
// Arabic, Syriac, Thaana, N'Ko and their presentation forms.
func rightToLeft(r rune) bool {
	return (0x0590 <= r && r <= 0x08FF && r != 0x0660 && !(0x06F0 <= r && r <= 0x06F9) && !unicode.Is(unicode.Mn, r)) ||
		(0xFB1D <= r && r <= 0xFDFF) || (0xFE70 <= r && r <= 0xFEFF)
}

// trailing are the characters that belong to a token they end, such as the
// slash of "https://example.com/", unlike the full stop ending a sentence.
const trailing = "/%#*+-=_&~@"

// StripControls removes bidi embedding, override and isolate controls
// (U+202A–U+202E, U+2066–U+2069). A translator's own isolates would end up
// split across wrapped lines, or doubled by Isolate, which one diagram font
// then fails to draw; Isolate puts back, line by line, what each needs.
func StripControls(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return -1
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return ('\u202a' <= r && r <= '\u202e') || ('\u2066' <= r && r <= '\u2069')
}

// Isolate wraps each run of s written in the direction opposite to rtl in
// isolate controls, so that the bidirectional algorithm keeps it whole and
// in its own order. Inside Arabic text, "SYN", "ACK=x+1", "192.168.1.23" or
// "TLS_AES_128_GCM_SHA256" then stay intact wherever their punctuation
// falls; inside English text, so does an Arabic or Hebrew phrase.
//
// A run starts at a strong character of the opposite direction (or, in
// right-to-left text, a digit) and ends at the last such character before
// a strong character of the text's own direction; spaces and punctuation
// between its words belong to it, those at its ends do not, except brackets
// that open against the run or inside it and the brackets that close them:
// "connect()" and "EHLO [192.168.1.57]" keep their brackets in an Arabic
// sentence.
func Isolate(s string, rtl bool) string {
	// opens reports whether run holds an opening bracket that closing, one of
	// ")]}", has not yet closed.
	opens := func(run string, closing rune) bool {
		o := rune("([{"[strings.IndexRune(")]}", closing)])
		return strings.Count(run, string(o)) > strings.Count(run, string(closing))
	}
	open := rli
	if rtl {
		open = lri
	}
	opposite := func(r rune) bool {
		d := strong(r)
		if rtl {
			return d == 'L' || ('0' <= r && r <= '9')
		}
		return d == 'R'
	}
	own := func(r rune) bool {
		d := strong(r)
		return (rtl && d == 'R') || (!rtl && d == 'L')
	}
	var b strings.Builder
	start, end := -1, -1 // the current run is s[start:end]
	flush := func() {
		b.WriteRune(open)
		b.WriteString(s[start:end])
		b.WriteRune(pdi)
		start, end = -1, -1
	}
	for i, r := range s {
		switch {
		case opposite(r):
			if start < 0 {
				start = i
			}
			end = i + utf8.RuneLen(r)
		case start >= 0 && strings.ContainsRune(trailing, r) && i == end:
			end = i + utf8.RuneLen(r) // a URL's final slash, a sign: part of the token
		case start >= 0 && strings.ContainsRune("([{", r) && i == end:
			end = i + 1 // "connect(": a bracket against the token opens inside it
		case start >= 0 && strings.ContainsRune(")]}", r) && opens(s[start:end], r):
			end = i + 1 // "connect()", "[192.168.1.57]": a bracket opened inside the run closes inside it
		case own(r) && start >= 0:
			rest := s[end:i]
			flush()
			b.WriteString(rest)
		}
		if start < 0 && !opposite(r) {
			b.WriteRune(r)
		}
	}
	if start >= 0 {
		rest := s[end:]
		flush()
		b.WriteString(rest)
	}
	if b.Len() == len(s) {
		return s
	}
	return b.String()
}
