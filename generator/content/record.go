package content

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
)

// A Record is what a locale file says, in the comment lines above a key,
// about the source text the translation belongs to:
//
//	# stale: update the translation to the new en text (#| was the old), or confirm it
//	#| en: SYN seq=2873901225
//	# en: SYN seq=2873901226
//	# fp: 4c8c5aca stale 9c438cfb
//	label: SYN seq=2873901225
//
// "# en:" quotes the source text as it was when lessongen last wrote the
// record, and "# fp:" holds its fingerprint. A current key's fp line is
// just "# fp: <source>". A stale key's also says "stale" and the
// fingerprint of the translation when it was marked, and "#| en:" quotes
// the source text the translation was made from, as gettext's "#| msgid"
// does. The "# stale:" line is for people and is written anew each time.
// Lines of other comments are the translator's and are left alone.
//
// The rules (see Unit.State): a translation is current only when it was
// written, or confirmed, against the source text that is current now.
//   - With no record at all, nothing says which source text a translation
//     belongs to: stale.
//   - With a plain record, it is current while the source's fingerprint is
//     the recorded one; once the source changes it is stale, even if the
//     translation changed too, since nothing tells which came first.
//   - A stale record stays stale until the translation is edited while the
//     source is still the one recorded, or the translator confirms it
//     ("lessongen i18n confirm", or a PO file whose entry is no longer
//     fuzzy). Extract never turns a stale record into a current one: it
//     only writes a plain record for a translation that is already current
//     by these rules.
type Record struct {
	// SourceFP is the fingerprint of the source text recorded: the one
	// the translation was written or confirmed against, or for a stale
	// record the source when it was marked stale.
	SourceFP string
	// Stale is set once extract found the source changed since.
	Stale bool
	// TextFP is, for a stale record, the fingerprint of the translation
	// when it was marked: a translation edited since then has been looked
	// at against the new source.
	TextFP string
	// Shown is the source text quoted by the "# en:" lines.
	Shown string
	// Previous is, for a stale record, the source text quoted by the
	// "#| en:" lines: the one the translation was made from, or "" when
	// that is not known.
	Previous string
	// Legacy is set for the records of lessongen's first format, which held
	// the fingerprints of the source and of the translation ("# fp: A B")
	// and no state. They read as plain records of the source A.
	Legacy bool
}

// Fingerprint is a short hash of a text, recorded beside each translation
// to notice when the source text changes.
func Fingerprint(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// The prefixes of the comment lines of a record. Source lines also carry
// the source language's tag: "# en: ", "#| en: ".
const (
	fpPrefix    = "# fp: "
	stalePrefix = "# stale:"
	prevMark    = "#|"
	contIndent  = "   "
)

// recordLines returns which of the lines above the key on line keyLine
// (counted from 1) belong to its record, as indexes into lines from the
// top, and the record they hold (nil when they hold no fp line). The
// comment block of a key is the run of comment lines right above it,
// indented no deeper than the key: deeper lines may be the text of a block
// scalar before it.
func recordLines(lines []string, keyLine, keyCol int, src string) (*Record, []int) {
	top := keyLine - 1 // index of the key's line
	for top > 0 {
		line := strings.TrimRight(lines[top-1], "\r")
		t := strings.TrimLeft(line, " ")
		if !strings.HasPrefix(t, "#") || len(line)-len(t) > keyCol-1 {
			break
		}
		top--
	}
	var (
		rec                  Record
		found                bool
		idx                  []int
		shown, prev          []string
		cur                  *[]string
		inStale              bool
		srcPrefix, prevStart = "# " + src + ":", prevMark + " " + src + ":"
	)
	for i := top; i < keyLine-1; i++ {
		t := strings.TrimLeft(strings.TrimRight(lines[i], "\r"), " ")
		mine := true
		switch {
		case strings.HasPrefix(t, prevStart):
			prev, cur, inStale = []string{strings.TrimPrefix(strings.TrimPrefix(t, prevStart), " ")}, &prev, false
		case strings.HasPrefix(t, srcPrefix):
			shown, cur, inStale = []string{strings.TrimPrefix(strings.TrimPrefix(t, srcPrefix), " ")}, &shown, false
		case cur == &prev && (t == prevMark || strings.HasPrefix(t, prevMark+contIndent)):
			prev = append(prev, strings.TrimPrefix(strings.TrimPrefix(t, prevMark), contIndent))
		case cur == &shown && (t == "#" || strings.HasPrefix(t, "#"+contIndent)):
			shown = append(shown, strings.TrimPrefix(strings.TrimPrefix(t, "#"), contIndent))
		case strings.HasPrefix(t, fpPrefix):
			cur, inStale = nil, false
			f := strings.Fields(strings.TrimPrefix(t, fpPrefix))
			switch {
			case len(f) == 1 && isFP(f[0]):
				rec, found = Record{SourceFP: f[0]}, true
			case len(f) == 3 && isFP(f[0]) && f[1] == "stale" && isFP(f[2]):
				rec, found = Record{SourceFP: f[0], Stale: true, TextFP: f[2]}, true
			case len(f) == 2 && isFP(f[0]) && isFP(f[1]):
				rec, found = Record{SourceFP: f[0], Legacy: true}, true
			default:
				mine = false
			}
		case strings.HasPrefix(t, stalePrefix):
			cur, inStale = nil, true
		case inStale && strings.HasPrefix(t, "#"+contIndent):
		default:
			mine, cur, inStale = false, nil, false
		}
		if mine {
			idx = append(idx, i)
		}
	}
	if !found {
		return nil, idx
	}
	rec.Shown = strings.Join(shown, "\n")
	if rec.Stale {
		rec.Previous = strings.Join(prev, "\n")
	}
	return &rec, idx
}

func isFP(s string) bool {
	if len(s) != 8 {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil
}

// render returns the comment lines of the record, without indentation.
// src is the source language's tag.
func (r Record) render(src string) []string {
	var out []string
	if r.Stale {
		out = append(out, fmt.Sprintf("%s update the translation to the new %s text (#| was the old), or confirm it", stalePrefix, src))
		prev := r.Previous
		if prev == "" {
			prev = "(not recorded)"
		}
		out = append(out, quote(prevMark+" "+src+": ", prevMark, prev)...)
	}
	out = append(out, quote("# "+src+": ", "#", r.Shown)...)
	if r.Stale {
		out = append(out, fpPrefix+r.SourceFP+" stale "+r.TextFP)
	} else {
		out = append(out, fpPrefix+r.SourceFP)
	}
	return out
}

// quote turns a text into comment lines: the first after first, the next
// after cont and three spaces, so that indentation inside the text shows.
func quote(first, cont, text string) []string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	out := make([]string, len(lines))
	for i, line := range lines {
		line = strings.TrimRight(line, " \t\r")
		switch {
		case i == 0:
			out[i] = strings.TrimRight(first+line, " ")
		case line == "":
			out[i] = cont
		default:
			out[i] = cont + contIndent + line
		}
	}
	return out
}
