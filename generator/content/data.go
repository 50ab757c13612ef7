package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Mark is an author's say on whether a source string is to be translated,
// given with a YAML tag before the value: "!data" or "!words".
type Mark int

// The marks. Auto leaves the decision to IsData.
const (
	Auto Mark = iota
	// MarkData: nothing to translate, whatever the string looks like
	// ("flags: !data none").
	MarkData
	// MarkWords: to translate, although it looks like data
	// ("label: !words OK").
	MarkWords
)

// Tags of the marks, as authors write them.
const (
	dataTag  = "!data"
	wordsTag = "!words"
)

// IsData reports whether s has nothing a translator could translate: it is
// made only of data — numbers (with SI or IEC unit symbols: "86400 s",
// "100 ms", "2048-bit"), addresses ("192.168.1.50:68", "2001:db8::1",
// "00:00:5e:00:53:10", "www.example.com", "/index.html"), hex ("0x3903F326",
// "03:A1:5C"), key=value pairs ("seq=1", "RD=1"), identifiers
// ("TLS_AES_128_GCM_SHA256", "close_notify", "connect()"), protocol tokens
// written in capitals ("SYN+ACK", "LISTEN", "200 OK", "IN A") or in
// CamelCase ("ClientHello", "serverAuth"), header names ("Content-Type:"),
// one-letter variables ("x", "y+1") and punctuation ("→", "…", "–").
//
// A string with any other word — "port 80", "1460 bytes", "about 100 ms",
// "Certificate", "good" — is words, as is any letter outside the Latin
// alphabet: a unit symbol such as "s" counts only after a number, and a
// capitalised English word is never taken for a token. When the rule is
// wrong for a string, the author marks it with !data or !words.
//
// Data strings are not asked of translators (extract writes no key for
// them and status counts none missing) and are shown as they are in every
// language; a translator may still override one by adding its key.
func IsData(s string) bool {
	tokens := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == ';' })
	if len(tokens) == 0 {
		return false
	}
	prevNumber := false
	for _, tok := range tokens {
		t := strings.Trim(tok, "()[]{}\"'`«»“”‘’.!?…*_~")
		switch {
		case strings.HasSuffix(strings.TrimRight(tok, ",.;:!?"), "()") && len(t) > 0:
			prevNumber = false // a function: "connect()"
		case t == "":
			prevNumber = false // punctuation only: "→", "…"
		case isNumber(t):
			prevNumber = true
		case prevNumber && unitSymbols[t]:
			prevNumber = false
		case isToken(t):
			prevNumber = false
		default:
			return false
		}
	}
	return true
}

// unitSymbols are the unit symbols (SI, IEC and common networking ones)
// that follow a number without being words: "100 ms", "1500 B".
var unitSymbols = map[string]bool{
	"s": true, "ms": true, "µs": true, "us": true, "ns": true, "min": true, "h": true,
	"B": true, "kB": true, "KB": true, "MB": true, "GB": true, "TB": true,
	"KiB": true, "MiB": true, "GiB": true, "TiB": true,
	"bit": true, "kbit": true, "Mbit": true, "Gbit": true, "bit/s": true, "kbit/s": true, "Mbit/s": true, "Gbit/s": true,
	"bps": true, "kbps": true, "Mbps": true, "Gbps": true,
	"Hz": true, "kHz": true, "MHz": true, "GHz": true, "dB": true, "dBm": true, "%": true,
	"m": true, "km": true, "cm": true, "mm": true,
}

// isNumber reports whether t is a number: digits with at most signs,
// separators and a decimal point ("-1", "1,460", "1.5", "3221–4681").
func isNumber(t string) bool {
	digits := false
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits = true
		case strings.ContainsRune("+-−–.,:×/%", r):
		default:
			return false
		}
	}
	return digits
}

// isToken reports whether one whitespace-free piece of a string is data.
func isToken(t string) bool {
	letters, upper, lower, digits := 0, 0, 0, 0
	lowerThenUpper := false
	prev := rune(0)
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				if unicode.IsLower(prev) {
					lowerThenUpper = true
				}
			} else {
				lower++
			}
		case unicode.IsLetter(r) && r != 'µ':
			return false // a word in another script
		}
		prev = r
	}
	inner := strings.TrimRight(t, ":")
	switch {
	case letters == 0:
		return true // "→", "/", "+", ":status:" without letters
	case isMeasure(t):
		return false // "2048-bit", "32-byte": English, "RSA de 2048 bits" in Spanish
	case digits > 0:
		return true // "x25519", "h2", "0x3903F326", "192.168.1.50:68"
	case strings.ContainsAny(inner, "_=/\\@") || strings.Contains(inner, "()"):
		return true // "close_notify", "RD=1", "text/html", "connect()"
	case strings.Contains(inner, ":") || strings.Contains(strings.Trim(inner, "."), "."):
		return true // "CA:FALSE", "DNS:www.example.com", "www.example.com", "com."
	case lower == 0 && (upper >= 2 || letters == 1):
		return true // "SYN+ACK", "TIME-WAIT", "OK", "A", "IN"
	case upper == 0 && letters == 1:
		return true // a variable: "x", "y+1"
	case lowerThenUpper:
		return true // "ClientHello", "serverAuth", "includeSubDomains"
	case strings.HasSuffix(t, ":") && strings.Contains(inner, "-"):
		return true // a header name: "Content-Type:", "content-type:"
	case isHeaderName(inner):
		return true // "Content-Type", "Strict-Transport-Security"
	}
	return false
}

// isHeaderName reports whether t is two or more capitalised parts joined
// by hyphens, the shape of HTTP header names: "Content-Type".
func isHeaderName(t string) bool {
	parts := strings.Split(t, "-")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		r, _ := utf8.DecodeRuneInString(p)
		if p == "" || !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isMeasure reports whether t is a number joined by a hyphen to a lowercase
// word, the English compound "2048-bit" that other languages write their
// own way.
func isMeasure(t string) bool {
	num, word, ok := strings.Cut(t, "-")
	if !ok || num == "" || len(word) < 2 || strings.Trim(num, "0123456789") != "" {
		return false
	}
	for _, r := range word {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
