package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		max  float64 // at 14px regular
		want []string
	}{
		{"fits", "ClientHello", 200, []string{"ClientHello"}},
		{"spaces collapse", "  two   words ", 200, []string{"two words"}},
		{"empty", "   ", 200, nil},
		{"words", "A message whose label is long enough to wrap", 120,
			[]string{"A message whose", "label is long", "enough to wrap"}},
		{"after a hyphen", "three-way handshake", 80, []string{"three-way", "handshake"}},
		{"inside a hyphenated word", "end-to-end-encrypted", 70, []string{"end-to-", "end-", "encrypted"}},
		{"not before a digit after a hyphen", "RFC-9293 text", 70, []string{"RFC-9293", "text"}},
		{"after a slash", "GET /index.html", 80, []string{"GET", "/index.html"}},
		{"not inside ://", "open https://www.example.com/", 190, []string{"open", "https://www.example.com/"}},
		{"after a slash inside a word", "TCP/IP/UDP", 50, []string{"TCP/IP/", "UDP"}},
		{"after an underscore", "TLS_AES_128_GCM_SHA256", 100, []string{"TLS_AES_128_", "GCM_SHA256"}},
		{"over-long word", "www.example.com.example.net", 100, []string{"www.example.", "com.example.", "net"}},
		{"between CJK", "サーバーが証明書を返します", 84, []string{"サーバーが証", "明書を返しま", "す"}},
		{"kinsoku: no 。 at a line start", "証明書を返す。", 84, []string{"証明書を返", "す。"}},
		{"kinsoku: no ー at a line start", "サーバー", 42, []string{"サー", "バー"}},
		{"kinsoku: no opening bracket at a line end", "鍵「共通鍵」", 42, []string{"鍵「共", "通鍵」"}},
		{"Latin inside Japanese", "ブラウザがSYNを送信", 100, []string{"ブラウザがSYN", "を送信"}},
		{"Chinese", "服务器验证证书，然后回复。", 70, []string{"服务器验证", "证书，然后", "回复。"}},
		{"Korean breaks at spaces", "브라우저가 SYN을 보냄", 80, []string{"브라우저가", "SYN을 보냄"}},
		{"Korean word too long", "브라우저가브라우저가", 60, []string{"브라우저", "가브라우", "저가"}},
		{"Arabic words", "يطلب المحلل عنوان الموقع من خادم الأسماء الجذري", 120,
			[]string{"يطلب المحلل عنوان", "الموقع من خادم", "الأسماء الجذري"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Wrap(tc.in, 14, Regular, tc.max)
			if strings.Join(got, "|") != strings.Join(tc.want, "|") || len(got) != len(tc.want) {
				t.Errorf("Wrap(%q, %v)\n got %q\nwant %q", tc.in, tc.max, got, tc.want)
			}
			for _, l := range got {
				if w := Width(l, 14, Regular); w > tc.max {
					t.Errorf("line %q is %.1f wide, more than %v", l, w, tc.max)
				}
			}
		})
	}
}

// TestWrapKeepsText checks that wrapping only ever removes spaces.
func TestWrapKeepsText(t *testing.T) {
	for _, s := range samples {
		for _, max := range []float64{10, 40, 90, 200} {
			got := strings.ReplaceAll(strings.Join(Wrap(s, 14, Bold, max), ""), " ", "")
			if want := strings.ReplaceAll(s, " ", ""); got != want {
				t.Errorf("Wrap(%q, %v) lost text: %q", s, max, got)
			}
		}
	}
}

// breakCharsWhole is breakChars as it was, measuring each candidate line
// whole: the reference the linear version must agree with.
func breakCharsWhole(l string, size float64, style Style, maxWidth float64) []string {
	if Width(l, size, style) <= maxWidth {
		return []string{l}
	}
	var out []string
	runes := []rune(l)
	start := 0
	for start < len(runes) {
		end := start + 1
		for end < len(runes) && Width(string(runes[start:end+1]), size, style) <= maxWidth {
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

// FuzzBreakChars holds the linear breakChars to the whole-line one on any
// text and width, Arabic with its joining forms, marks and lam-alef included.
func FuzzBreakChars(f *testing.F) {
	for _, s := range []string{"www.example.com.example.net", "سلامللاعليكمٌٍَُبالإنترنت", "لاَّلا", "サーバーが証明書を返します。。。", "a\u0301b\u0301c"} {
		f.Add(s, 40.0, false)
	}
	f.Fuzz(func(t *testing.T, s string, max float64, bold bool) {
		if !utf8.ValidString(s) || max != max || max < 1 || max > 2000 || len(s) > 500 {
			return
		}
		style := Regular
		if bold {
			style = Bold
		}
		got, want := breakChars(s, 14, style, max), breakCharsWhole(s, 14, style, max)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("breakChars(%q, %v) = %q, want %q", s, max, got, want)
		}
	})
}

// TestWrapLongWord breaks a word of 150,000 characters, as a phase title of
// that length once was, in a room a million units wide: measuring each
// candidate line whole took minutes.
func TestWrapLongWord(t *testing.T) {
	lines := Wrap(strings.Repeat("W", 150000), 12, Bold, 1<<20)
	if len(lines) < 2 || len(strings.Join(lines, "")) != 150000 {
		t.Fatalf("%d lines", len(lines))
	}
}

func BenchmarkWrapLongWord(b *testing.B) {
	s := strings.Repeat("سلام", 2500)
	for b.Loop() {
		Wrap(s, 12, Bold, 220)
	}
}
