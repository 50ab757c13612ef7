package theme

import "strings"

// minifyCSS drops a stylesheet's comments and indentation, which readers
// download on every first visit but never see. Strings are copied as they
// are, so a "/*" inside one survives.
func minifyCSS(src string) string {
	var b strings.Builder
	b.Grow(len(src))
	lineStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			i += end + 3
			continue
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(src) && src[j] != c && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j+1, len(src))
			b.WriteString(src[i:j])
			i = j - 1
			lineStart = false
			continue
		case c == '\n':
			if !lineStart {
				b.WriteByte('\n')
			}
			lineStart = true
			continue
		case (c == ' ' || c == '\t') && lineStart:
			continue
		}
		b.WriteByte(c)
		lineStart = false
	}
	return b.String()
}
