package content

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/diag"
	"gopkg.in/yaml.v3"
)

// ByteView is a step's packet bytes with named ranges, shown on the step page
// as an annotated hex view. In a scene file:
//
//	bytes:
//	  hex: |
//	    16 03 01 02 00 01 00 01 fc 03 03
//	  ranges:
//	    - at: 0
//	      size: 5
//	      name: TLS record header
//	      note: Every TLS record starts with these five bytes.
//	      ranges:
//	        - {at: 0, size: 1, name: Content type, value: handshake (22)}
//
// Offsets count from the first byte of hex. A range lies inside its parent
// and is smaller than it; sibling ranges are in order and do not overlap.
// Names and notes are translatable; hex and values are data and never are.
type ByteView struct {
	Data   []byte
	Ranges []ByteRange
}

// ByteRange names Size bytes starting at offset At.
type ByteRange struct {
	At, Size int
	// Name says what the bytes are ("Cipher suite"), Value what they hold,
	// decoded ("TLS_AES_128_GCM_SHA256 (0x1301)"), and Note, optionally, why
	// they matter, in a sentence.
	Name, Value, Note  string
	NameLang, NoteLang string
	Ranges             []ByteRange
}

// Key identifies the range within its step, for translations: "AT+SIZE".
// It is unique because ranges never overlap unless one holds the other, and
// a range is always smaller than the one holding it.
func (r ByteRange) Key() string { return strconv.Itoa(r.At) + "+" + strconv.Itoa(r.Size) }

// Limits on byte views, so that a hostile one stays cheap to check and draw.
const (
	// MaxViewBytes is the most bytes one step may show: a full-size
	// Ethernet frame fits, and so does a TLS flight on loopback.
	MaxViewBytes = 16 << 10
	// MaxViewRanges is the most ranges one step may name, all depths together.
	MaxViewRanges = 2000
	// MaxViewDepth is how deeply ranges may nest.
	MaxViewDepth = 8
	// MaxRangeValue is the longest decoded value, in characters.
	MaxRangeValue = 300
	// MaxRangeNote is the longest note, in characters.
	MaxRangeNote = 1000
)

var byteViewFields = []string{"hex", "ranges"}

var rangeFields = []string{"at", "size", "name", "value", "note", "ranges"}

// byteView decodes a step's bytes field.
func (d *decoder) byteView(e entry, src sources) *ByteView {
	f := d.fields(e.value, "bytes", byteViewFields...)
	if f == nil {
		return nil
	}
	bv := &ByteView{}
	h, ok := f["hex"]
	if !ok {
		d.errorf(e.value, "bytes is missing \"hex\"; write the packet's bytes as hexadecimal digits")
		return nil
	}
	if bv.Data, ok = d.hex(h); !ok {
		return nil
	}
	if r, ok := f["ranges"]; ok {
		count := 0
		bv.Ranges = d.ranges(r, src, 0, len(bv.Data), 1, &count)
	}
	return bv
}

// hex reads hexadecimal digits, with any spaces and line breaks between
// pairs, reporting the first wrong character where it stands.
func (d *decoder) hex(e entry) ([]byte, bool) {
	s := d.str(e)
	if e.value.Kind != yaml.ScalarNode {
		return nil, false
	}
	out := make([]byte, 0, min(len(s)/2, MaxViewBytes))
	var hi byte
	half := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		var v byte
		switch {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t':
			if half {
				d.errorAt(e.value, s, i-1, "a byte is two hex digits; %q stands alone", s[i-1])
				return nil, false
			}
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			d.errorAt(e.value, s, i, "%q is not a hex digit; hex holds only 0-9, a-f and spaces", r)
			return nil, false
		}
		if !half {
			hi, half = v, true
			continue
		}
		half = false
		if len(out) == MaxViewBytes {
			d.errorf(e.value, "hex holds more than %d bytes; show one packet, or the part of it the step is about", MaxViewBytes)
			return nil, false
		}
		out = append(out, hi<<4|v)
	}
	if half {
		d.errorAt(e.value, s, len(s)-1, "hex ends with half a byte; a byte is two hex digits")
		return nil, false
	}
	if len(out) == 0 {
		d.errorf(e.value, "hex is empty; write the packet's bytes as hexadecimal digits")
		return nil, false
	}
	return out, true
}

// errorAt reports a problem at character i of a scalar's value: exact for
// plain and quoted scalars on one line and for literal blocks, which keep
// their lines as written.
func (d *decoder) errorAt(n *yaml.Node, s string, i int, format string, args ...any) {
	line, col := n.Line, n.Column+i
	switch n.Style {
	case yaml.DoubleQuotedStyle, yaml.SingleQuotedStyle:
		col++
	case yaml.LiteralStyle:
		before := s[:i]
		line += 1 + strings.Count(before, "\n")
		col = 1 + len(before) - (strings.LastIndexByte(before, '\n') + 1) + d.blockIndent(line)
	}
	d.diags.Errorf(diag.Pos{Path: d.path, Line: line, Col: col}, format, args...)
}

// blockIndent is the indentation of a literal block's line in the file.
func (d *decoder) blockIndent(line int) int {
	rest := d.data
	for l := 1; l < line && len(rest) > 0; l++ {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			return 0
		}
		rest = rest[i+1:]
	}
	n := 0
	for n < len(rest) && rest[n] == ' ' {
		n++
	}
	return n
}

// ranges decodes a list of ranges that must lie within [lo, hi).
func (d *decoder) ranges(e entry, src sources, lo, hi, depth int, count *int) []ByteRange {
	items := d.list(e)
	if depth > MaxViewDepth {
		d.errorf(e.value, "ranges nest more than %d deep; name the inner fields at the level above", MaxViewDepth)
		return nil
	}
	var out []ByteRange
	end := lo // where the previous sibling ended
	for _, n := range items {
		*count++
		if *count > MaxViewRanges {
			d.errorf(n, "a step names at most %d byte ranges; leave the least useful fields unnamed", MaxViewRanges)
			return out
		}
		f := d.fields(n, "byte range", rangeFields...)
		if f == nil {
			continue
		}
		r := ByteRange{Name: d.required(n, f, "byte range", "name")}
		d.checkLength(f["name"], r.Name, MaxLabel)
		d.byteWord(src, f["name"], r.Name)
		at, okAt := d.offset(n, f, "at")
		size, okSize := d.offset(n, f, "size")
		if v, ok := f["value"]; ok {
			r.Value = d.str(v)
			d.checkLength(v, r.Value, MaxRangeValue)
		}
		if v, ok := f["note"]; ok {
			r.Note = d.str(v)
			d.checkLength(v, r.Note, MaxRangeNote)
			d.byteWord(src, v, r.Note)
		}
		if !okAt || !okSize {
			continue
		}
		if size == 0 {
			d.errorf(f["size"].value, "size is 0; a range holds at least one byte")
			continue
		}
		r.At, r.Size = at, size
		switch {
		case at < lo || at+size > hi:
			what := "the bytes"
			if depth > 1 {
				what = "the range it is in"
			}
			d.errorf(f["at"].value, "bytes %d to %d are outside %s (%d to %d)", at, at+size-1, what, lo, hi-1)
			continue
		case depth > 1 && at == lo && size == hi-lo:
			d.errorf(f["at"].value, "this range is the whole of the range it is in; name those bytes once")
			continue
		case at < end:
			d.errorf(f["at"].value, "bytes %d to %d overlap the range before (which ends at %d); ranges are in order and side by side", at, at+size-1, end-1)
			continue
		}
		end = at + size
		if c, ok := f["ranges"]; ok {
			r.Ranges = d.ranges(c, src, at, at+size, depth+1, count)
		}
		out = append(out, r)
	}
	return out
}

// byteWord records where a byte view's name or note was first written:
// translations are by text, once per scene (see byteWords).
func (d *decoder) byteWord(src sources, e entry, text string) {
	if _, seen := src[pathKey("bytes", text)]; !seen && text != "" {
		d.source(src, e, "bytes", text)
	}
}

// offset reads a byte offset or size: a whole number, not negative.
func (d *decoder) offset(n *yaml.Node, f map[string]entry, key string) (int, bool) {
	e, ok := f[key]
	if !ok {
		d.errorf(n, "byte range is missing %q", key)
		return 0, false
	}
	before := d.diags.Errors()
	v := d.integer(e)
	if d.diags.Errors() != before {
		return 0, false
	}
	if v < 0 || v > MaxViewBytes {
		d.errorf(e.value, "%s must be between 0 and %d, found %d", key, MaxViewBytes, v)
		return 0, false
	}
	return v, true
}

// HexLines formats data as hex in lines of 16 bytes, as scene files write it.
func HexLines(data []byte) string {
	var b strings.Builder
	for i, c := range data {
		switch {
		case i == 0:
		case i%16 == 0:
			b.WriteByte('\n')
		default:
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%02x", c)
	}
	return b.String()
}

// walkRanges calls f for each range, parents before their children.
func walkRanges(rs []ByteRange, f func(ByteRange)) {
	for _, r := range rs {
		f(r)
		walkRanges(r.Ranges, f)
	}
}

// eachRange calls f for each range of rs and the range at the same place
// in out, a copy of rs made by cloneRanges, parents before their parts.
func eachRange(rs, out []ByteRange, f func(r ByteRange, o *ByteRange)) {
	for i, r := range rs {
		f(r, &out[i])
		eachRange(r.Ranges, out[i].Ranges, f)
	}
}

// cloneRanges copies ranges and their parts, for a translation to write to.
func cloneRanges(rs []ByteRange) []ByteRange {
	if rs == nil {
		return nil
	}
	out := make([]ByteRange, len(rs))
	for i, r := range rs {
		r.Ranges = cloneRanges(r.Ranges)
		out[i] = r
	}
	return out
}

// byteWords lists the names and notes of a scene's byte views, each once,
// in the order they first appear: the strings a translator is asked for.
func byteWords(sc *Scene) []string {
	return firstSeen(sc, func(st Step, add func(string)) {
		if st.Bytes != nil {
			walkRanges(st.Bytes.Ranges, func(r ByteRange) { add(r.Name); add(r.Note) })
		}
	})
}
