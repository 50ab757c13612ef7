package svg

import (
	"fmt"
	"strings"

	"github.com/lessongen/lessongen/generator/layout"
)

// FontFamily is the diagram's font stack: the theme's own font first, for
// the scripts it measures (Latin, Greek, Cyrillic, Arabic, Hebrew), then
// common CJK system fonts, whose ideographs are one em wide in all of them.
const FontFamily = `"lessongen diagram","Noto Sans CJK JP","Noto Sans CJK SC","Hiragino Sans","PingFang SC","Microsoft YaHei","Malgun Gothic",sans-serif`

// FontFaces declares the diagram font's files under prefix. The theme's
// stylesheet declares the same faces for inline diagrams.
func FontFaces(prefix string) string {
	var b strings.Builder
	for _, f := range []struct{ file, weight, ranges string }{
		{"latin-400", "400", latinRange}, {"latin-700", "700", latinRange},
		{"arabic-400", "400", arabicRange}, {"arabic-700", "700", arabicRange},
		{"hebrew-400", "400", hebrewRange}, {"hebrew-700", "700", hebrewRange},
	} {
		b.WriteString(`@font-face{font-family:"lessongen diagram";font-weight:` + f.weight +
			`;font-display:swap;src:url(` + prefix + `diagram-` + f.file + `.woff2) format("woff2");unicode-range:` + f.ranges + "}\n")
	}
	return b.String()
}

// The unicode ranges of the font files, as generator/text/fontdata/build.py
// subsets them, so a browser downloads a file only for a page that needs it.
const (
	latinRange  = "U+0020-007E,U+00A0-017F,U+0300-0308,U+0370-03FF,U+0400-045F,U+2010-2027,U+2030-203A,U+20AC,U+2122,U+2190-2195,U+2212,U+2260,U+2264-2265"
	arabicRange = "U+060C-06FF,U+200C-200F,U+2066-2069"
	hebrewRange = "U+0590-05FF"
)

// textCSS sets the diagram's font, text sizes and weights, and text
// anchors: what the layout measured text with, so it belongs with the
// writer rather than the theme, whose diagram.css gives every colour,
// line and dash. The root is left to right, whatever the page around an
// inline diagram says: each text's direction comes from its class alone,
// so its anchor means the same everywhere.
var textCSS = fmt.Sprintf(`.lgd{font-family:%s;font-size:%dpx;direction:ltr}
.lgd .c{text-anchor:middle}
.lgd .e{text-anchor:end}
.lgd .rtl{direction:rtl}
.lgd .nm{font-size:%dpx;font-weight:700}
.lgd.nw .nm{font-size:%dpx}
.lgd .n .lb{font-size:%dpx}
.lgd text.nn{font-size:%dpx;font-weight:700}
.lgd .pt{font-size:%dpx;font-weight:700}
.lgd .wl{font-size:%dpx}
.lgd .now text.lb{font-weight:700}
`, FontFamily, layout.LabelSize, layout.NameSize, layout.LaneNameSize, layout.NoteSize, layout.NumberSize, layout.NoteSize, layout.NoteSize)

// PageCSS is what a page's stylesheet needs for inline diagrams besides the
// theme's diagram.css: the font faces, under fontURL, textCSS, and the
// rules that pick a diagram's narrow layout on a narrow screen.
func PageCSS(fontURL string) string {
	return FontFaces(fontURL) + textCSS + pickCSS
}

// literalCSS restates, with its custom properties' values written out, each
// declaration of css that uses var(): librsvg (2.54, Debian's) and other
// renderers without custom properties drop those declarations and would
// draw every box black and no line at all. Put before css, the literal
// declarations are what such a renderer keeps, and a browser overrides
// them with css's own, which follow the light and dark palettes. The values
// are those of css's top-level :root rules, the light palette.
func literalCSS(css string) string {
	vars := map[string]string{}
	rules := topRules(css)
	for _, r := range rules {
		if r.selector != ":root" {
			continue
		}
		for _, d := range r.decls {
			if name, value, ok := strings.Cut(d, ":"); ok && strings.HasPrefix(strings.TrimSpace(name), "--") {
				vars[strings.TrimSpace(name)] = strings.TrimSpace(value)
			}
		}
	}
	var b strings.Builder
	for _, r := range rules {
		if r.selector == ":root" || strings.HasPrefix(r.selector, "@") {
			continue
		}
		var out []string
		for _, d := range r.decls {
			if strings.Contains(d, "var(") {
				if lit, ok := resolveVars(d, vars); ok {
					out = append(out, lit)
				}
			}
		}
		if len(out) > 0 {
			b.WriteString(r.selector + "{" + strings.Join(out, ";") + "}\n")
		}
	}
	return b.String()
}

// cssRule is a top-level rule: its selector (or at-rule prelude) and, for a
// plain rule, its declarations.
type cssRule struct {
	selector string
	decls    []string
}

// topRules splits a stylesheet into its top-level rules, in order; the
// contents of at-rules (@media, @font-face) are not looked into.
func topRules(css string) []cssRule {
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			break
		}
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			css = css[:i]
			break
		}
		css = css[:i] + css[i+2+j+2:]
	}
	var out []cssRule
	for {
		open := strings.IndexByte(css, '{')
		if open < 0 {
			return out
		}
		depth, end := 0, -1
		for k := open; k < len(css) && end < 0; k++ {
			switch css[k] {
			case '{':
				depth++
			case '}':
				if depth--; depth == 0 {
					end = k
				}
			}
		}
		if end < 0 {
			return out
		}
		r := cssRule{selector: strings.TrimSpace(css[:open])}
		if !strings.HasPrefix(r.selector, "@") {
			for _, d := range strings.Split(css[open+1:end], ";") {
				if d = strings.TrimSpace(d); d != "" {
					r.decls = append(r.decls, d)
				}
			}
		}
		out = append(out, r)
		css = css[end+1:]
	}
}

// resolveVars writes out each var(--name) or var(--name, fallback) of a
// declaration; ok is false when a name has no value and no fallback.
func resolveVars(decl string, vars map[string]string) (string, bool) {
	for {
		i := strings.Index(decl, "var(")
		if i < 0 {
			return decl, true
		}
		j := strings.IndexByte(decl[i:], ')')
		if j < 0 {
			return "", false
		}
		name, fallback, hasFallback := strings.Cut(decl[i+4:i+j], ",")
		v, ok := vars[strings.TrimSpace(name)]
		if !ok {
			if !hasFallback {
				return "", false
			}
			v = strings.TrimSpace(fallback)
		}
		decl = decl[:i] + v + decl[i+j+1:]
	}
}
