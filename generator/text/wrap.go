package text

import (
	"strings"
	"unicode"
)

// Wrap breaks s into lines no wider than maxWidth: at spaces, after a hyphen,
// slash or underscore, and between two CJK characters (but never before CJK
// closing punctuation such as 。 or 」, nor after opening punctuation).
// Korean, which puts spaces between its words, breaks at the spaces only, as
// Korean typesetting does. A word wider than maxWidth on its own is broken
// between characters as a last resort, so no line ever overflows.
func Wrap(s string, size float64, style Style, maxWidth float64) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	if Width(s, size, style) <= maxWidth {
		return []string{s}
	}
	space := Width(" ", size, style)
	var lines []string
	var line strings.Builder
	// lineW is the width of line without its trailing space, if any.
	lineW, trailing := 0.0, false
	for _, piece := range segments(s) {
		// Breaks fall between words, so no letter joins across one and the
		// widths of the pieces add up.
		word := strings.TrimSuffix(piece, " ")
		w := Width(word, size, style)
		gap := 0.0
		if trailing {
			gap = space
		}
		if line.Len() > 0 && lineW+gap+w > maxWidth {
			lines = append(lines, strings.TrimSuffix(line.String(), " "))
			line.Reset()
			lineW, gap = 0, 0
		}
		line.WriteString(piece)
		lineW += gap + w
		trailing = len(word) < len(piece)
	}
	if line.Len() > 0 {
		lines = append(lines, strings.TrimSuffix(line.String(), " "))
	}
	// Break any line still too wide (a single long word) between characters.
	out := lines[:0:0]
	for _, l := range lines {
		out = append(out, breakChars(l, size, style, maxWidth)...)
	}
	return out
}

// segments splits s into the pieces between break opportunities; each piece
// keeps its trailing space.
func segments(s string) []string {
	var out []string
	runes := []rune(s)
	start := 0
	for i := 0; i < len(runes)-1; i++ {
		prev := ' '
		if i > 0 {
			prev = runes[i-1]
		}
		if canBreakAfter(prev, runes[i], runes[i+1]) {
			out = append(out, string(runes[start:i+1]))
			start = i + 1
		}
	}
	return append(out, string(runes[start:]))
}

func canBreakAfter(prev, r, next rune) bool {
	switch {
	case next == ' ' || noBreakBefore(next):
		return false
	case r == ' ':
		return true
	case r == '-' || r == '/' || r == '_':
		// Inside a word only: "GET /index.html" keeps its slash, "-1" its sign.
		// Nor inside "://".
		return prev != ' ' && !unicode.IsDigit(next) && next != '/' && !(r == '/' && prev == '/')
	case noBreakAfter(r):
		return false
	case isHangul(r) || isHangul(next):
		return false // Korean breaks at its spaces, and "SYN을" stays whole
	case isCJK(r) || isCJK(next):
		return true
	}
	return false
}

// isCJK reports characters between which lines may break: ideographs, kana,
// Hangul and CJK punctuation.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

// Kinsoku: closing punctuation and small kana never start a line, opening
// punctuation never ends one.
func noBreakBefore(r rune) bool {
	return strings.ContainsRune("、。，．・：；？！ー)]}）」』】〉》〕〟”’ヽヾゝゞ々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.:;?!", r)
}

func noBreakAfter(r rune) bool {
	return strings.ContainsRune("(（「『【〈《〔〝“‘[{", r)
}

// breakChars breaks a line wider than maxWidth between characters (never
// before closing punctuation), taking as many as fit on each line.
//
// It measures each line as it grows one character at a time, in time linear
// in the line's length: the width a character adds depends only on the
// letters just before it (an Arabic letter joins its neighbour), so it is
// the width of those letters with the character less their width without.
// Measuring each candidate line whole took minutes on a 150,000-character
// word.
func breakChars(l string, size float64, style Style, maxWidth float64) []string {
	if Width(l, size, style) <= maxWidth {
		return []string{l}
	}
	var out []string
	runes := []rune(l)
	start := 0
	for start < len(runes) {
		end := start + 1 // at least one character a line, however narrow the room
		w := Width(string(runes[start:end]), size, style)
		for end < len(runes) {
			from := context(runes, start, end)
			w += Width(string(runes[from:end+1]), size, style) - Width(string(runes[from:end]), size, style)
			if w > maxWidth+1e-9 {
				break
			}
			end++
		}
		for end < len(runes) && end > start+1 && noBreakBefore(runes[end]) {
			end--
		}
		out = append(out, string(runes[start:end]))
		start = end
	}
	return out
}

// context is where to start measuring the change that runes[end] makes to
// the width of runes[start:end]: two letters back, skipping the marks
// between them, so that the letter before it, whose form it may change,
// is measured with its own neighbour before it too.
func context(runes []rune, start, end int) int {
	i, letters := end, 0
	for i > start && letters < 2 {
		i--
		if !unicode.Is(unicode.Mn, runes[i]) {
			letters++
		}
	}
	return i
}
