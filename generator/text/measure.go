package text

import (
	"unicode"
)

// Width returns the width of s, set in one line at font size size in the
// given style, in the same unit as size.
func Width(s string, size float64, style Style) float64 {
	loadOnce.Do(load)
	f := &faces[style]
	total := 0
	for i, r := range s {
		if 0x0600 <= r && r <= 0x06FF {
			// Arabic letters take the shape, and width, of their place in a word.
			total += f.shaped([]rune(s[i:]))
			break
		}
		total += f.width(r)
	}
	return float64(total) * size / 1000
}

// width is the advance of r alone, in thousandths of an em.
func (f *face) width(r rune) int {
	if r < rune(len(f.low)) {
		if w := f.low[r]; w >= 0 {
			return int(w)
		}
	} else if w, ok := f.widths[r]; ok {
		return int(w)
	}
	switch {
	case unicode.Is(unicode.Mn, r), r == '\u200d', r == '\u200c', isFormatting(r):
		return 0
	}
	return 1000 // CJK is one em in every font; other scripts are over-estimated
}

// shaped is the width of runes with Arabic joining applied: each letter in
// its isolated, initial, medial or final form, and lam with a following alef
// as one ligature.
func (f *face) shaped(runes []rune) int {
	total := 0
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if unicode.Is(unicode.Mn, r) {
			continue // marks sit on their letter and take no room
		}
		joinPrev := f.joining(runes, i, -1)
		if r == 0x0644 { // lam
			if j := nextLetter(runes, i, +1); j > 0 {
				if lig, ok := f.lamAlef[runes[j]]; ok {
					if joinPrev {
						total += int(lig[1])
					} else {
						total += int(lig[0])
					}
					i = j
					continue
				}
			}
		}
		forms, ok := f.forms[r]
		if !ok {
			total += f.width(r)
			continue
		}
		joinNext := (forms[0] != 0 || forms[1] != 0) && f.joining(runes, i, +1)
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
			total += int(form)
		} else {
			total += f.width(r)
		}
	}
	return total
}

// joining reports whether the nearest letter before runes[i] (step -1)
// connects forwards to it, or the nearest after it (step +1) connects
// backwards; marks in between are transparent.
func (f *face) joining(runes []rune, i, step int) bool {
	j := nextLetter(runes, i, step)
	if j < 0 {
		return false
	}
	r := runes[j]
	if r == 0x0640 || r == '\u200d' { // tatweel and the zero width joiner join on both sides
		return true
	}
	forms := f.forms[r]
	if step < 0 {
		return forms[0] != 0 || forms[1] != 0 // it has an initial or medial form
	}
	return forms[2] != 0 // it has a final form
}

// nextLetter is the index of the nearest non-mark rune from runes[i] in the
// direction step, or -1.
func nextLetter(runes []rune, i, step int) int {
	for j := i + step; j >= 0 && j < len(runes); j += step {
		if !unicode.Is(unicode.Mn, runes[j]) {
			return j
		}
	}
	return -1
}

// isFormatting reports the invisible bidi controls the layout may add.
func isFormatting(r rune) bool {
	return (r >= 0x2066 && r <= 0x2069) || (r >= 0x200e && r <= 0x200f) || (r >= 0x202a && r <= 0x202e)
}
