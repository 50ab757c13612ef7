package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/locale"
	"github.com/lessongen/lessongen/generator/markdown"
	"github.com/lessongen/lessongen/generator/svg"
	"github.com/lessongen/lessongen/generator/theme"
)

// File is one output file, by its path relative to the output folder.
type File struct {
	Path string
	Data []byte
}

// Generator renders the pages of one language of a site.
type Generator struct {
	Site  *content.Site
	Theme *theme.Theme
	Lang  string
	md    *markdown.Renderer
}

// New returns a Generator for the site in language lang.
func New(s *content.Site, th *theme.Theme, lang string) *Generator {
	return &Generator{Site: s, Theme: th, Lang: lang, md: markdown.New()}
}

// page fills the parts every page shares; depth is how many folders below
// the site root the page is.
func (g *Generator) page(depth int, title, desc string) Page {
	root := strings.Repeat("../", depth)
	return Page{
		Lang: g.Lang, Dir: g.Dir(), Title: title, Description: desc, Root: root,
		CSS: root + "assets/" + g.Theme.CSS, JS: root + "assets/" + g.Theme.JS,
		SiteTitle: g.Site.Title, Home: root + g.Lang + "/index.html",
		ui: g.ui(),
	}
}

// ui is the theme's strings for the language, falling back to English key
// by key.
func (g *Generator) ui() content.Strings {
	out := content.Strings{}
	for k, v := range g.Theme.UI["en"] {
		out[k] = v
	}
	for k, v := range g.Theme.UI[g.Lang] {
		out[k] = v
	}
	return out
}

// Index renders the language's index page at depth (0 for the site root's
// copy, 1 for <lang>/index.html).
func (g *Generator) Index(depth int) (File, error) {
	p := IndexPage{Page: g.page(depth, g.Site.Title, g.Site.Description)}
	for _, t := range g.Site.Topics {
		topic := Topic{ID: t.ID, Title: t.Title}
		for _, s := range g.Site.Scenes {
			if s.Topic == t.ID {
				topic.Scenes = append(topic.Scenes, g.sceneLink(s, p.Root+g.Lang+"/"))
			}
		}
		if len(topic.Scenes) > 0 {
			p.Topics = append(p.Topics, topic)
		}
	}
	name := g.Lang + "/index.html"
	if depth == 0 {
		name = "index.html"
	}
	data, err := g.execute("index.html", &p)
	return File{Path: name, Data: data}, err
}

func (g *Generator) sceneLink(s *content.Scene, langRoot string) SceneLink {
	return SceneLink{ID: s.ID, Title: s.Title, Summary: s.Summary, URL: langRoot + s.ID + "/index.html", Steps: len(s.Steps)}
}

// Scene renders a scene's overview, its step pages and its standalone step
// diagrams, handing each file to emit as soon as it is ready.
func (g *Generator) Scene(s *content.Scene, d *layout.Diagram, emit func(File) error) error {
	base := g.Lang + "/" + s.ID + "/"
	over := ScenePage{Page: g.page(2, s.Title+" – "+g.Site.Title, s.Summary)}
	over.Scene = g.sceneLink(s, "../")
	over.References = s.References
	for _, r := range s.Related {
		for _, other := range g.Site.Scenes {
			if other.ID == r.ID {
				over.Related = append(over.Related, g.sceneLink(other, "../"))
			}
		}
	}
	narration := make([]template.HTML, len(s.Steps))
	for i, st := range s.Steps {
		var err error
		if narration[i], err = g.md.Render(st.Text); err != nil {
			return err
		}
	}
	over.Steps = g.stepLinks(s, -1, "")
	for i, st := range s.Steps {
		over.Steps[i].Narration, over.Steps[i].Fields = narration[i], st.Fields
	}
	var buf bytes.Buffer
	if err := svg.Write(&buf, d, svg.View{Step: -1, Lang: g.Lang, Title: s.Title, Desc: s.Summary}); err != nil {
		return err
	}
	over.SVG = template.HTML(buf.String())
	data, err := g.execute("scene.html", &over)
	if err != nil {
		return err
	}
	if err := emit(File{Path: base + "index.html", Data: data}); err != nil {
		return err
	}

	total := len(s.Steps)
	for i, st := range s.Steps {
		n := i + 1
		p := StepPage{Scene: over.Scene, N: n, Total: total, Fields: st.Fields, Overview: "../index.html"}
		p.Page = g.page(3, "", st.Label)
		p.Title = p.T("step_of", "n", n, "total", total) + " – " + st.Label + " – " + s.Title
		p.Scene.URL = "../index.html"
		p.Steps = g.stepLinks(s, i, "../")
		p.Step = p.Steps[i]
		p.First, p.Last = p.Steps[0].URL, p.Steps[total-1].URL
		if n > 1 {
			p.Prev = fmt.Sprintf("../%d/index.html", n-1)
		}
		if n < total {
			p.Next = fmt.Sprintf("../%d/index.html", n+1)
		}
		p.SVGURL = fmt.Sprintf("../%d.svg", n)
		p.Narration = narration[i]
		view := svg.View{Step: i, Lang: g.Lang, Title: p.T("step_of", "n", n, "total", total) + ": " + st.Label, Desc: p.Step.Who + ": " + st.Label}
		buf.Reset()
		if err := svg.Write(&buf, d, view); err != nil {
			return err
		}
		p.SVG = template.HTML(buf.String())
		if data, err = g.execute("step.html", &p); err != nil {
			return err
		}
		if err := emit(File{Path: fmt.Sprintf("%s%d/index.html", base, n), Data: data}); err != nil {
			return err
		}
		view.Standalone, view.FontURL = true, "../../assets/fonts/"
		buf.Reset()
		if err := svg.Write(&buf, d, view); err != nil {
			return err
		}
		if err := emit(File{Path: fmt.Sprintf("%s%d.svg", base, n), Data: bytes.Clone(buf.Bytes())}); err != nil {
			return err
		}
	}
	return nil
}

// stepLinks lists a scene's steps for the step log, with current (or -1)
// marked; prefix leads from the page to the scene's folder.
func (g *Generator) stepLinks(s *content.Scene, current int, prefix string) []StepLink {
	arrow := " → "
	if locale.RTL(g.Lang) {
		arrow = " ← "
	}
	out := make([]StepLink, len(s.Steps))
	for i, st := range s.Steps {
		who := s.Actors[st.From].Name
		switch {
		case st.Kind == content.Message:
			who += arrow + s.Actors[st.To].Name
		case st.To != st.From:
			who += ", " + s.Actors[st.To].Name
		}
		out[i] = StepLink{N: i + 1, URL: fmt.Sprintf("%s%d/index.html", prefix, i+1), Who: who, Label: st.Label,
			Current: i == current, Done: i < current}
	}
	return out
}

func (g *Generator) execute(name string, data any) ([]byte, error) {
	t, ok := g.Theme.Pages[name]
	if !ok {
		return nil, fmt.Errorf("the theme has no template %s", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Dir is the writing direction of the generator's language: "ltr" or "rtl".
func (g *Generator) Dir() string {
	if locale.RTL(g.Lang) {
		return "rtl"
	}
	return "ltr"
}
