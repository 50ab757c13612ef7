package pages

import (
	"bytes"
	"fmt"
	"html"
	"path"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/svg"
)

// AnimationFile is the name of a scene's animated SVG in its folder.
const AnimationFile = "animation.svg"

// animation writes the scene's animated SVG, which plays every step with
// CSS alone, for a README or any page that shows SVG as an image.
func (g *Generator) animation(s *content.Scene, d *layout.Diagram, base string, emit func(File) error) error {
	var buf bytes.Buffer
	buf.Grow(64 << 10)
	err := svg.Animation(&buf, d, svg.AnimationView{Title: s.Title, Desc: s.Summary, Lang: g.Lang.Tag, CSS: g.Theme.DiagramCSS, Fonts: g.diagramFonts()})
	if err != nil {
		return err
	}
	return emit(File{Path: base + AnimationFile, Data: buf.Bytes()})
}

// embed is the overview's offer of the animation, with snippets whose URLs
// are absolute when the site has an absolute base URL (a README needs
// them), and relative to the site's root otherwise.
func (g *Generator) embed(s *content.Scene, d *layout.Diagram) *Embed {
	folder := g.Lang.Tag + "/" + s.ID + "/"
	anim, scene := g.url("/", folder+AnimationFile), g.url("/", folder)
	alt := html.EscapeString(s.Title)
	size := fmt.Sprintf(`width="%d" height="%d"`, d.Width, d.Height)
	return &Embed{
		Src: AnimationFile, Width: d.Width, Height: d.Height,
		Markdown: "[![" + markdownText(s.Title) + "](" + anim + ")](" + scene + ")",
		Img:      `<a href="` + scene + `"><img src="` + anim + `" alt="` + alt + `" ` + size + `></a>`,
		IFrame:   `<iframe src="` + anim + `" title="` + alt + `" ` + size + ` style="border:0"></iframe>`,
	}
}

// markdownText escapes the characters that would end a Markdown link's
// text.
func markdownText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(s)
}

// diagramFonts are the theme's diagram fonts, fonts/diagram-SCRIPT-WEIGHT.woff2
// (the script may hold a hyphen: "latin-core").
func (g *Generator) diagramFonts() []svg.Font {
	var out []svg.Font
	for _, a := range g.Theme.Assets {
		name, ok := strings.CutPrefix(a.Path, "fonts/diagram-")
		if !ok || path.Ext(name) != ".woff2" {
			continue
		}
		name = strings.TrimSuffix(name, ".woff2")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			out = append(out, svg.Font{Script: name[:i], Weight: name[i+1:], Data: a.Data})
		}
	}
	return out
}
