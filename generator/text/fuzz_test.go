package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzWrap breaks any label at any width: no line is wider than the room
// unless it is a single character, and no character is lost or added.
func FuzzWrap(f *testing.F) {
	for _, s := range []string{
		"ClientHello + key_share", "https://www.example.com/index.html?q=1",
		"サーバーは証明書を送ります。", "يقرأ \u2066http://www.example.com/\u2069", "브라우저가 서버에 연결합니다",
		"TLS_AES_128_GCM_SHA256", "",
	} {
		f.Add(s, 120.0, false)
	}
	f.Fuzz(func(t *testing.T, s string, max float64, bold bool) {
		if !utf8.ValidString(s) || max != max || max < 1 || max > 2000 || len(s) > 2000 {
			return
		}
		style := Regular
		if bold {
			style = Bold
		}
		lines := Wrap(s, 14, style, max)
		squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if got, want := squash(strings.Join(lines, "")), squash(s); got != want {
			t.Fatalf("Wrap(%q, %v) = %q: the text changed", s, max, lines)
		}
		for _, l := range lines {
			if l == "" {
				t.Fatalf("Wrap(%q, %v) = %q: an empty line", s, max, lines)
			}
			if w := Width(l, 14, style); w > max && utf8.RuneCountInString(l) > 1 {
				t.Fatalf("Wrap(%q, %v): line %q is %v wide", s, max, l, w)
			}
		}
	})
}
