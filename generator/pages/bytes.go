package pages

import (
	"fmt"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
)

// ByteItem is one line of a step's byte view: a named range with its
// decoded value, or bytes that no range names (a gap). Leaves and gaps carry
// their bytes as hex; a range with parts carries them in Items instead, so
// reading the view from top to bottom reads every byte once, in order.
type ByteItem struct {
	// Offset is where the bytes start, as Wireshark writes it: 0x000e.
	Offset                                string
	Hex                                   string
	Size                                  int
	Name, NameLang, Value, Note, NoteLang string
	Gap                                   bool
	Items                                 []ByteItem
}

// byteItems lays out the ranges of a byte view as ByteItems, filling the
// gaps between ranges so that no byte goes unshown; a gap is named by
// count ("12 bytes").
func byteItems(bv *content.ByteView, count func(int) string) []ByteItem {
	if bv == nil {
		return nil
	}
	return rangeItems(bv.Data, bv.Ranges, 0, len(bv.Data), count)
}

func rangeItems(data []byte, rs []content.ByteRange, lo, hi int, count func(int) string) []ByteItem {
	var out []ByteItem
	gap := func(from, to int) {
		if from < to {
			out = append(out, ByteItem{Offset: offset(from), Hex: hexText(data[from:to]), Size: to - from, Gap: true, Name: count(to - from)})
		}
	}
	at := lo
	for _, r := range rs {
		gap(at, r.At)
		it := ByteItem{Offset: offset(r.At), Size: r.Size, Name: r.Name, NameLang: r.NameLang,
			Value: r.Value, Note: r.Note, NoteLang: r.NoteLang}
		if len(r.Ranges) > 0 {
			it.Items = rangeItems(data, r.Ranges, r.At, r.At+r.Size, count)
		} else {
			it.Hex = hexText(data[r.At : r.At+r.Size])
		}
		out = append(out, it)
		at = r.At + r.Size
	}
	gap(at, hi)
	return out
}

func offset(i int) string { return fmt.Sprintf("0x%04x", i) }

// hexText writes bytes as hex pairs separated by spaces, where lines may break.
func hexText(b []byte) string {
	var s strings.Builder
	s.Grow(len(b) * 3)
	for i, c := range b {
		if i > 0 {
			s.WriteByte(' ')
		}
		s.WriteByte("0123456789abcdef"[c>>4])
		s.WriteByte("0123456789abcdef"[c&15])
	}
	return s.String()
}
