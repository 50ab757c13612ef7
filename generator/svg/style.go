package svg

import "strings"

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

// baseCSS colours the diagram through custom properties, each with a light
// default, so a page can restyle it (dark mode) and a standalone file looks
// right as it is. The root is left to right, whatever the page around an
// inline diagram says: each text's direction comes from its class alone,
// so its anchor means the same everywhere. Message labels get a halo of the surface colour, so a
// lifeline they cross never strikes them through.
const baseCSS = `.lgd{font-family:` + FontFamily + `;font-size:14px;direction:ltr}
.lgd text{fill:var(--lg-ink,#1e293b)}
.lgd .c{text-anchor:middle}
.lgd .e{text-anchor:end}
.lgd .rtl{direction:rtl}
.lgd .hd{fill:var(--lg-surface,#fff);stroke:var(--lg-line,#94a3b8);stroke-width:1.5}
.lgd .ll{stroke:var(--lg-lifeline,#cbd5e1);stroke-dasharray:4 3}
.lgd .ic{color:var(--lg-ink,#1e293b)}
.lgd .nm{font-weight:700}
.lgd .l,.lgd .l2{fill:none;stroke:var(--lg-ink,#1e293b);stroke-width:1.5}
.lgd .ah{fill:var(--lg-ink,#1e293b)}
.lgd .m .lb{paint-order:stroke;stroke:var(--lg-surface,#fff);stroke-width:4px;stroke-linejoin:round}
.lgd .rp .l,.lgd .rp .l2{stroke-dasharray:6 4}
.lgd .sc .l{stroke:var(--lg-secure,#047857);stroke-width:4.5}
.lgd .sc .l2{stroke:var(--lg-surface,#fff);stroke-width:1.5}
.lgd .sc .ah{fill:var(--lg-secure,#047857)}
.lgd .lk{color:var(--lg-secure,#047857)}
.lgd .sp{stroke:none}
.lgd .x{stroke:var(--lg-lost,#b91c1c);stroke-width:2.5;stroke-linecap:round}
.lgd .nb{fill:var(--lg-note,#fef3c7);stroke:var(--lg-note-line,#d97706)}
.lgd .n .lb{font-size:13px}
.lgd .bd{fill:var(--lg-ink,#1e293b)}
.lgd text.nn{fill:var(--lg-surface,#fff);font-size:11px;font-weight:700}
.lgd .fr{fill:none;stroke:var(--lg-line,#94a3b8);stroke-dasharray:2 3}
.lgd .tab{fill:var(--lg-tab,#e2e8f0)}
.lgd .pt{font-size:13px;font-weight:700}
.lgd .past text.lb{fill:var(--lg-muted,#475569)}
.lgd .past .l{stroke:var(--lg-muted,#475569)}
.lgd .past .ah,.lgd .past .bd{fill:var(--lg-muted,#475569)}
.lgd .now .l{stroke:var(--lg-accent,#1d4ed8);stroke-width:2}
.lgd .now.sc .l{stroke-width:4.5}
.lgd .now .ah,.lgd .now .bd{fill:var(--lg-accent,#1d4ed8)}
.lgd .now text.lb{font-weight:700}
.lgd .now .nb{stroke:var(--lg-accent,#1d4ed8);stroke-width:2}
.lgd .on .hd{stroke:var(--lg-accent,#1d4ed8);stroke-width:2.5}
.lgd .cur .fr{stroke:var(--lg-accent,#1d4ed8)}
`

// darkCSS gives a standalone file dark colours when the viewer prefers them.
// Inline diagrams take theirs from the page instead.
const darkCSS = `@media (prefers-color-scheme:dark){.lgd{--lg-ink:#e2e8f0;--lg-surface:#0f172a;--lg-line:#64748b;--lg-lifeline:#475569;--lg-muted:#94a3b8;--lg-accent:#60a5fa;--lg-secure:#34d399;--lg-lost:#f87171;--lg-note:#422006;--lg-note-line:#b45309;--lg-tab:#334155}
svg.lgd{background:#0f172a}}
`

// PageCSS is what a page's stylesheet needs for inline diagrams: the font
// faces, under fontURL, and the colours, which the page may restyle.
func PageCSS(fontURL string) string {
	return FontFaces(fontURL) + baseCSS
}
