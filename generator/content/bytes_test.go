package content

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// withBytes is a scene whose one step has the bytes field given, starting
// at line 12.
func withBytes(bytes string) map[string]string {
	return map[string]string{"scenes/bad.yaml": "title: Bad\ntopic: web\nactors:\n  - id: pc\n    name: PC\n  - id: server\n    name: Server\nsteps:\n" +
		"  - from: pc\n    to: server\n    label: SYN\n" + bytes}
}

func TestByteViewValid(t *testing.T) {
	s, diags := load(withBytes(`    bytes:
      hex: |
        16 03 01 00 05
        01 00 00 01 03
      ranges:
        - at: 0
          size: 5
          name: TLS record header
          note: Every record starts with these.
          ranges:
            - {at: 0, size: 1, name: Content type, value: handshake (22)}
            - {at: 3, size: 2, name: Length, value: "5"}
        - {at: 5, size: 5, name: Handshake}
`))
	if diags != "" {
		t.Fatal(diags)
	}
	var st Step
	for _, sc := range s.Scenes {
		if sc.ID == "bad" {
			st = sc.Steps[0]
		}
	}
	want := &ByteView{
		Data: []byte{0x16, 3, 1, 0, 5, 1, 0, 0, 1, 3},
		Ranges: []ByteRange{
			{At: 0, Size: 5, Name: "TLS record header", Note: "Every record starts with these.", Ranges: []ByteRange{
				{At: 0, Size: 1, Name: "Content type", Value: "handshake (22)"},
				{At: 3, Size: 2, Name: "Length", Value: "5"},
			}},
			{At: 5, Size: 5, Name: "Handshake"},
		},
	}
	if !reflect.DeepEqual(st.Bytes, want) {
		t.Errorf("got %+v\nwant %+v", st.Bytes, want)
	}
}

func TestByteViewErrors(t *testing.T) {
	for _, tc := range []struct{ name, bytes, want string }{
		{"no hex", "    bytes:\n      ranges: []\n",
			`content/scenes/bad.yaml:13:7: bytes is missing "hex"; write the packet's bytes as hexadecimal digits`},
		{"bad digit in block", "    bytes:\n      hex: |\n        16 03\n        01 0g\n",
			`content/scenes/bad.yaml:15:13: 'g' is not a hex digit; hex holds only 0-9, a-f and spaces`},
		{"bad digit plain", "    bytes:\n      hex: 16 0x 01\n",
			`content/scenes/bad.yaml:13:16: 'x' is not a hex digit; hex holds only 0-9, a-f and spaces`},
		{"bad digit quoted", "    bytes:\n      hex: \"16 0x\"\n",
			`content/scenes/bad.yaml:13:17: 'x' is not a hex digit; hex holds only 0-9, a-f and spaces`},
		{"half byte", "    bytes:\n      hex: 16 3 01\n",
			`content/scenes/bad.yaml:13:15: a byte is two hex digits; '3' stands alone`},
		{"odd end", "    bytes:\n      hex: 1603a\n",
			`content/scenes/bad.yaml:13:16: hex ends with half a byte; a byte is two hex digits`},
		{"outside", "    bytes:\n      hex: 16 03 01\n      ranges:\n        - {at: 1, size: 3, name: X}\n",
			`content/scenes/bad.yaml:15:16: bytes 1 to 3 are outside the bytes (0 to 2)`},
		{"outside parent", "    bytes:\n      hex: 16 03 01 00\n      ranges:\n        - at: 0\n          size: 2\n          name: X\n          ranges:\n            - {at: 1, size: 2, name: Y}\n",
			`content/scenes/bad.yaml:19:20: bytes 1 to 2 are outside the range it is in (0 to 1)`},
		{"same as parent", "    bytes:\n      hex: 16 03 01 00\n      ranges:\n        - at: 0\n          size: 2\n          name: X\n          ranges:\n            - {at: 0, size: 2, name: Y}\n",
			`content/scenes/bad.yaml:19:20: this range is the whole of the range it is in; name those bytes once`},
		{"overlap", "    bytes:\n      hex: 16 03 01 00\n      ranges:\n        - {at: 0, size: 2, name: X}\n        - {at: 1, size: 2, name: Y}\n",
			`content/scenes/bad.yaml:16:16: bytes 1 to 2 overlap the range before (which ends at 1); ranges are in order and side by side`},
		{"zero size", "    bytes:\n      hex: 16 03\n      ranges:\n        - {at: 0, size: 0, name: X}\n",
			`content/scenes/bad.yaml:15:25: size is 0; a range holds at least one byte`},
		{"negative", "    bytes:\n      hex: 16 03\n      ranges:\n        - {at: -1, size: 1, name: X}\n",
			`content/scenes/bad.yaml:15:16: at must be between 0 and 16384, found -1`},
		{"no name", "    bytes:\n      hex: 16 03\n      ranges:\n        - {at: 0, size: 1}\n",
			`content/scenes/bad.yaml:15:11: byte range is missing "name"`},
		{"unknown key", "    bytes:\n      hex: 16 03\n      ranges:\n        - {at: 0, size: 1, name: X, vaule: 3}\n",
			`content/scenes/bad.yaml:15:37: unknown field "vaule" in byte range; did you mean "value"?`},
		{"too many bytes", "    bytes:\n      hex: " + strings.Repeat("00", MaxViewBytes+1) + "\n",
			`content/scenes/bad.yaml:13:12: hex holds more than 16384 bytes; show one packet, or the part of it the step is about`},
		{"too deep", "    bytes:\n      hex: " + strings.Repeat("00", 20) + "\n      ranges:\n" + deep(10),
			`content/scenes/bad.yaml:47:41: ranges nest more than 8 deep; name the inner fields at the level above`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := load(withBytes(tc.bytes))
			if strings.TrimSpace(got) != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// deep nests n ranges, each one byte smaller than the one around it.
func deep(n int) string {
	var b strings.Builder
	for i := range n {
		ind := strings.Repeat("    ", i) + "        "
		b.WriteString(ind + "- at: 0\n" + ind + "  size: " + itoa(20-i) + "\n" + ind + "  name: L" + itoa(i) + "\n" + ind + "  ranges:\n")
	}
	b.WriteString(strings.Repeat("    ", n) + "        - {at: 0, size: 1, name: Z}\n")
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestHexLines(t *testing.T) {
	data := make([]byte, 18)
	for i := range data {
		data[i] = byte(i * 15)
	}
	want := "00 0f 1e 2d 3c 4b 5a 69 78 87 96 a5 b4 c3 d2 e1\nf0 ff"
	if got := HexLines(data); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestByteViewRoundTrip writes a byte view as an importer does and reads it
// back unchanged, tricky names and values included.
func TestByteViewRoundTrip(t *testing.T) {
	data := make([]byte, 40)
	for i := range data {
		data[i] = byte(i * 7)
	}
	bv := &ByteView{Data: data, Ranges: []ByteRange{
		{At: 0, Size: 14, Name: "Ethernet II", Note: "The link layer: a note: with colons.", Ranges: []ByteRange{
			{At: 0, Size: 6, Name: "Destination", Value: "00:00:00:00:00:00"},
			{At: 12, Size: 2, Name: "Type", Value: "0x0800"},
		}},
		{At: 14, Size: 2, Name: "yes", Value: "- 1"},
		{At: 20, Size: 20, Name: "# data", Value: "[x]"},
	}}
	d := &Draft{Title: "T", Topic: "web", Actors: []DraftActor{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}},
		Steps: []DraftStep{{From: "a", To: "b", Label: "x", Bytes: bv}}}
	s, file := roundTrip(t, d, "t")
	if !reflect.DeepEqual(s.Steps[0].Bytes, bv) {
		t.Errorf("read back %+v\nwant %+v\n--- file:\n%s", s.Steps[0].Bytes, bv, file)
	}
	if !regexp.MustCompile(`hex: \|\n +00 07 0e 15 1c 23 2a 31 38 3f 46 4d 54 5b 62 69\n +70 77`).MatchString(file) {
		t.Errorf("hex is not written as a block of lines:\n%s", file)
	}
}
