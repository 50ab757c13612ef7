package diag

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what a message prints of the content, so that no file can
// flood a terminal: a 3 MB value quoted whole would make a 3 MB line.
const (
	// MaxQuoted is the most characters of one content string a message
	// quotes; a longer one is cut, with "…" before the closing quote.
	MaxQuoted = 60
	// MaxMessage is the most characters of one message.
	MaxMessage = 400
)

// Quote returns s in double quotes, as Go writes a string literal, with
// every control, format and invalid character written as an escape ("\x1b",
// "\u202e"), so that content can never move the cursor, change colours or
// erase what a terminal shows. A string longer than MaxQuoted characters is
// cut, with "…" before the closing quote.
func Quote(s string) string {
	cut := false
	if utf8.RuneCountInString(s) > MaxQuoted {
		i, n := 0, 0
		for i = range s {
			if n == MaxQuoted {
				break
			}
			n++
		}
		s, cut = s[:i], true
	}
	q := strconv.Quote(s)
	if cut {
		q = q[:len(q)-1] + "…\""
	}
	return q
}

// Printable returns s with every character that could control a terminal
// or reorder a line (C0 and C1 controls, DEL, format characters such as the
// bidi overrides, line and paragraph separators, noncharacters and invalid
// UTF-8) written as an escape, and at most MaxMessage characters long.
// Diagnostics pass their paths and messages through it, so that a message
// from any stage is safe to print.
func Printable(s string) string {
	if printable(s) {
		return s
	}
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n == MaxMessage {
			b.WriteString("…")
			break
		}
		n++
		switch {
		case r == utf8.RuneError && strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteRune(r) // a real U+FFFD, not an invalid byte
		case r == utf8.RuneError:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafe(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func printable(s string) bool {
	if utf8.RuneCountInString(s) > MaxMessage {
		return false
	}
	for i, r := range s {
		if unsafe(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return false
		}
	}
	return true
}

// unsafe reports the characters Printable escapes.
func unsafe(r rune) bool {
	return r < 0x20 || (0x7f <= r && r < 0xa0) || unicode.Is(unicode.Cf, r) ||
		r == '\u2028' || r == '\u2029' || (0xfdd0 <= r && r <= 0xfdef) || r&0xfffe == 0xfffe
}

// sprintf formats a message, quoting each string argument of a %q verb
// with Quote, and makes the result Printable.
func sprintf(format string, args []any) string {
	wrapped := make([]any, len(args))
	for i, a := range args {
		if s, ok := a.(string); ok {
			wrapped[i] = quotable(s)
		} else {
			wrapped[i] = a
		}
	}
	return Printable(fmt.Sprintf(format, wrapped...))
}

// quotable is a string argument of a message: %q quotes it with Quote,
// every other verb prints it as fmt would.
type quotable string

func (s quotable) Format(f fmt.State, verb rune) {
	if verb == 'q' && !f.Flag('#') && !f.Flag('+') {
		io.WriteString(f, Quote(string(s)))
		return
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), string(s))
}
