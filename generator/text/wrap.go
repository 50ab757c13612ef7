package text

import (
	"strings"
	"unicode"
)

// Wrap breaks s into lines no wider than maxWidth: at spaces, after a hyphen
// or slash, and between any two CJK characters (but never before CJK closing
// punctuation such as 。 or 」). A word wider than maxWidth on its own is
// broken between characters as a last resort, so no line ever overflows.
func Wrap(s string, size float64, style Style, maxWidth float64) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	if Width(s, size, style) <= maxWidth {
		return []string{s}
	}
	var lines []string
	line := ""
	for _, piece := range segments(s) {
		candidate := line + piece
		if line == "" || Width(strings.TrimRight(candidate, " "), size, style) <= maxWidth {
			line = candidate
			continue
		}
		lines = append(lines, strings.TrimRight(line, " "))
		line = strings.TrimLeft(piece, " ")
	}
	if line != "" {
		lines = append(lines, strings.TrimRight(line, " "))
	}
	// Break any line still too wide (a single long word) between characters.
	var out []string
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
		if canBreakAfter(runes[i], runes[i+1]) {
			out = append(out, string(runes[start:i+1]))
			start = i + 1
		}
	}
	return append(out, string(runes[start:]))
}

func canBreakAfter(r, next rune) bool {
	switch {
	case noBreakBefore(next):
		return false
	case r == ' ':
		return next != ' '
	case r == '-' || r == '/':
		return next != ' ' && !unicode.IsDigit(next)
	case isCJK(r) || isCJK(next):
		return next != ' ' && !noBreakAfter(r)
	}
	return false
}

// isCJK reports characters between which lines may break: ideographs, kana,
// Hangul and CJK punctuation.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// Kinsoku: closing punctuation never starts a line, opening never ends one.
func noBreakBefore(r rune) bool {
	return strings.ContainsRune("、。，．・：；？！ー)]}）」』】〉》〕〟”’ヽヾゝゞ々ぁぃぅぇぉっゃゅょァィゥェォッャュョ", r)
}

func noBreakAfter(r rune) bool {
	return strings.ContainsRune("(（「『【〈《〔〝“‘[{", r)
}

func breakChars(l string, size float64, style Style, maxWidth float64) []string {
	if Width(l, size, style) <= maxWidth {
		return []string{l}
	}
	var out []string
	runes := []rune(l)
	start := 0
	for i := 1; i <= len(runes); i++ {
		if i == len(runes) || Width(string(runes[start:i+1]), size, style) > maxWidth {
			out = append(out, string(runes[start:i]))
			start = i
		}
	}
	return out
}
