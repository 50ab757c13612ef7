// Package text measures and breaks the labels drawn on diagrams, with the
// advance widths of the fonts the reader's browser will use.
//
// The theme ships the diagram font (Noto Sans, Noto Sans Arabic and Noto
// Sans Hebrew, subset to woff2) and fontdata/ holds the same fonts' advance
// widths, so a label measured here has the width it will have on screen.
// CJK ideographs, kana and Hangul are one em wide in every font and are not
// in the tables. Characters of other scripts are counted one em wide, which
// over-estimates and so never overflows.
package text

import (
	"bufio"
	"bytes"
	"embed"
	"strconv"
	"strings"
	"sync"
)

// Style is a font weight of the diagram font.
type Style int

// The diagram font's weights.
const (
	Regular Style = iota
	Bold
)

//go:embed fontdata/*.txt
var fontdata embed.FS

// arabicForms are the widths of an Arabic letter's initial, medial and final
// forms; zero where the letter has no such form.
type arabicForms [3]int16

type face struct {
	// low holds the widths of the characters below U+0800 (Latin, Greek,
	// Cyrillic, Hebrew, Arabic), -1 where the font has none; widths the rest.
	low    [0x800]int16
	widths map[rune]int16
	forms  map[rune]arabicForms
	// lamAlef maps an alef (or alef maksura) to the widths of its ligature
	// with a preceding lam: where the lam starts a word, and where it joins
	// the letter before it.
	lamAlef map[rune][2]int16
}

var (
	loadOnce sync.Once
	faces    [2]face
)

func load() {
	for i, weight := range []string{"400", "700"} {
		f := face{widths: map[rune]int16{}, forms: map[rune]arabicForms{}, lamAlef: map[rune][2]int16{}}
		for r := range f.low {
			f.low[r] = -1
		}
		for _, script := range []string{"latin", "arabic", "hebrew"} {
			data, err := fontdata.ReadFile("fontdata/diagram-" + script + "-" + weight + ".txt")
			if err != nil {
				panic(err) // embedded at compile time: cannot happen
			}
			parseWidths(data, &f)
		}
		faces[i] = f
	}
}

func parseWidths(data []byte, f *face) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		cols := strings.Fields(sc.Text())
		if len(cols) < 2 || strings.HasPrefix(cols[0], "#") {
			continue
		}
		lig := strings.HasPrefix(cols[0], "L")
		cp, err1 := strconv.ParseUint(strings.TrimPrefix(cols[0], "L"), 16, 32)
		w, err2 := strconv.Atoi(cols[1])
		if err1 != nil || err2 != nil {
			panic("text: bad line in font data: " + sc.Text())
		}
		r := rune(cp)
		if lig {
			joined, err := strconv.Atoi(cols[len(cols)-1])
			if len(cols) != 3 || err != nil {
				panic("text: bad ligature line in font data: " + sc.Text())
			}
			f.lamAlef[r] = [2]int16{int16(w), int16(joined)}
			continue
		}
		// The first table to list a character wins: the font faces' unicode
		// ranges do not overlap, and the Latin face, read first, has the space.
		if r < rune(len(f.low)) {
			if f.low[r] < 0 {
				f.low[r] = int16(w)
			}
		} else if _, seen := f.widths[r]; !seen {
			f.widths[r] = int16(w)
		}
		if len(cols) == 5 {
			var forms arabicForms
			for j, c := range cols[2:] {
				if n, err := strconv.Atoi(c); err == nil {
					forms[j] = int16(n)
				}
			}
			f.forms[r] = forms
		}
	}
}
