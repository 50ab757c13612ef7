package text

import (
	"unicode"
)

// Width returns the width of s, set in one line at font size size in the
// given style, in the same unit as size.
func Width(s string, size float64, style Style) float64 {
	loadOnce.Do(load)
	f := &faces[style]
	runes := []rune(s)
	total := 0
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r == 0x0644 && i+1 < len(runes) { // lam followed by alef is one ligature glyph
			if w, ok := f.lamAlef[runes[i+1]]; ok {
				total += int(w)
				i++
				continue
			}
		}
		total += f.advance(runes, i)
	}
	return float64(total) * size / 1000
}

// advance is the width of runes[i] in thousandths of an em.
func (f *face) advance(runes []rune, i int) int {
	r := runes[i]
	if forms, ok := f.forms[r]; ok {
		joinPrev := joinsLeft(f, runes, i, -1)
		joinNext := i+1 < len(runes) && joinsRight(f, runes, i, +1)
		var form int16
		switch {
		case joinPrev && joinNext && forms[1] != 0:
			form = forms[1]
		case joinPrev && forms[2] != 0:
			form = forms[2]
		case joinNext && forms[0] != 0:
			form = forms[0]
		}
		if form != 0 {
			return int(form)
		}
	}
	if w, ok := f.widths[r]; ok {
		return int(w)
	}
	switch {
	case unicode.Is(unicode.Mn, r), r == '\u200d', r == '\u200c', isFormatting(r):
		return 0
	}
	return 1000 // CJK is one em in every font; other scripts are over-estimated
}

// joinsLeft reports whether the nearest non-mark letter before runes[i]
// connects to the letter after it (has an initial or medial form).
func joinsLeft(f *face, runes []rune, i, step int) bool {
	for j := i + step; j >= 0 && j < len(runes); j += step {
		if unicode.Is(unicode.Mn, runes[j]) {
			continue
		}
		forms, ok := f.forms[runes[j]]
		return ok && (forms[0] != 0 || forms[1] != 0)
	}
	return false
}

// joinsRight reports whether the nearest non-mark letter after runes[i] is an
// Arabic letter that connects to the one before it (has a final form), and
// runes[i] itself can connect forwards.
func joinsRight(f *face, runes []rune, i, step int) bool {
	if forms := f.forms[runes[i]]; forms[0] == 0 && forms[1] == 0 {
		return false
	}
	for j := i + step; j >= 0 && j < len(runes); j += step {
		if unicode.Is(unicode.Mn, runes[j]) {
			continue
		}
		forms, ok := f.forms[runes[j]]
		return ok && forms[2] != 0
	}
	return false
}

// isFormatting reports the invisible bidi controls the SVG writer may add.
func isFormatting(r rune) bool {
	return (r >= 0x2066 && r <= 0x2069) || (r >= 0x200e && r <= 0x200f) || (r >= 0x202a && r <= 0x202e)
}
