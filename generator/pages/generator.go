package pages

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/locale"
	"github.com/lessongen/lessongen/generator/markdown"
	"github.com/lessongen/lessongen/generator/svg"
	"github.com/lessongen/lessongen/generator/text"
	"github.com/lessongen/lessongen/generator/theme"
)

// File is one output file, by its path relative to the output folder.
type File struct {
	Path string
	Data []byte
}

// Generator renders the pages of one language of a site.
type Generator struct {
	// Site is the site as readers of Lang see it (content.Site.In).
	Site  *content.Site
	Theme *theme.Theme
	Lang  *content.Language
	// Langs are all the site's languages, for links between them.
	Langs []*content.Language
	// Memo, when set, keeps index pages from one build to the next.
	Memo *Memo
	// Budget, when set, is the most bytes a scene's pages may take: Scene
	// fails with a *ContentError once it knows they would take more.
	Budget func(*content.Scene) int64
	md     *markdown.Renderer
	ui     content.Strings
}

// New returns a Generator for language lang of a site whose languages are
// langs; s is the site as seen in lang.
func New(s *content.Site, th *theme.Theme, lang *content.Language, langs []*content.Language) *Generator {
	return &Generator{Site: s, Theme: th, Lang: lang, Langs: langs, md: markdown.New(), ui: uiStrings(th, lang)}
}

// uiStrings merges the UI strings for a language: English as the last
// resort, then the theme's strings from the least to the most specific tag
// ("zh", then "zh-Hans"), then the site's own overrides, key by key.
func uiStrings(th *theme.Theme, l *content.Language) content.Strings {
	out := content.Strings{}
	chain := locale.Fallbacks(l.Tag)
	layers := []content.Strings{th.UI["en"]}
	for i := len(chain) - 1; i >= 0; i-- {
		layers = append(layers, th.UI[chain[i]])
	}
	for _, layer := range append(layers, l.UI) {
		for k, v := range layer {
			out[k] = v
		}
	}
	return out
}

// Dir is the writing direction of the generator's language: "ltr" or "rtl".
func (g *Generator) Dir() string { return g.Lang.Dir }

// page fills the parts every page shares. sub is the page's path below its
// language folder ("https/3/index.html"), or "" for the site root's page.
func (g *Generator) page(sub, title, desc string) Page {
	own := g.Lang.Tag + "/" + sub
	if sub == "" {
		own = "index.html"
	}
	root := strings.Repeat("../", strings.Count(own, "/"))
	p := Page{
		Lang: g.Lang.Tag, Dir: g.Lang.Dir, Title: title, Description: desc, Root: root,
		CSS: root + "assets/" + g.Theme.CSS, JS: root + "assets/" + g.Theme.JS,
		SiteTitle: g.Site.Title, SiteTitleLang: g.Site.TitleLang, LangName: g.Lang.Name,
		Home: root + g.Lang.Tag + "/index.html", ui: g.ui,
	}
	if sub == "" {
		sub = "index.html"
	}
	if g.absolute() {
		p.Canonical = g.url(root, own)
		p.Image = g.url(root, "assets/og-image.png")
	}
	for _, l := range g.Langs {
		rel := l.Tag + "/" + sub
		p.Alternates = append(p.Alternates, Alternate{Lang: l.Tag, Name: l.Name, Dir: l.Dir,
			URL: g.url(root, rel), Link: root + rel, Current: l == g.Lang})
		if l.Source {
			p.XDefault = g.url(root, rel)
		}
	}
	return p
}

// absolute reports whether the site's base URL is a full http(s) URL, which
// canonical links, hreflang links, Open Graph and the sitemap need.
func (g *Generator) absolute() bool {
	base := g.Site.BaseURL
	return strings.HasPrefix(base, "https://") || strings.HasPrefix(base, "http://")
}

// url is the URL of a page at path rel under the site root, from a page
// whose root is root: absolute when the site's base URL is, else relative.
func (g *Generator) url(root, rel string) string {
	if g.absolute() {
		return PublishedURL(g.Site.BaseURL, rel)
	}
	return root + rel
}

// PublishedURL is the absolute URL of the file at path rel under the site
// root, as a host serves it: a page in directory form, as GitHub Pages and
// Hugo give it (https://user.github.io/repo/fr/dhcp/4/ for
// fr/dhcp/4/index.html), any other file as it is. Links inside pages stay
// relative and keep index.html, so that they also work from the disk.
func PublishedURL(base, rel string) string {
	if rel == "index.html" {
		rel = ""
	} else if dir, ok := strings.CutSuffix(rel, "/index.html"); ok {
		rel = dir + "/"
	}
	return strings.TrimSuffix(base, "/") + "/" + rel
}

// NotFound renders 404.html. Hosts serve it at whatever path was missing,
// so its links cannot be relative to where it lies: they start from the
// base URL's path instead ("/repo/en/index.html"). A <base> element would
// do the same for links, but would also send the skip link's "#main" to
// the site's home page.
func (g *Generator) NotFound() (File, error) {
	p := g.page("", g.ui["not_found"]["other"]+" – "+g.Site.Title, "")
	root := g.Site.BaseURL
	if u, err := url.Parse(root); err == nil && u.Path != "" {
		root = u.Path
	}
	if !strings.HasSuffix(root, "/") {
		root += "/"
	}
	p.Canonical = ""
	p.Root, p.CSS, p.JS, p.Home = root+p.Root, root+p.CSS, root+p.JS, root+p.Home
	for i := range p.Alternates {
		p.Alternates[i].Link = root + p.Alternates[i].Link
	}
	data, err := g.execute("404.html", &p)
	return File{Path: "404.html", Data: data}, err
}

// Languages renders the site root of a multilingual site: a list of every
// language, from which the script sends readers to the one they prefer.
func (g *Generator) Languages() (File, error) {
	p := g.page("", g.Site.Title, g.Site.Description)
	data, err := g.execute("languages.html", &p)
	return File{Path: "index.html", Data: data}, err
}

// Index renders the language's index page; atRoot renders the copy at the
// site root that a single-language site has.
func (g *Generator) Index(atRoot bool) (File, error) {
	sub, name := "index.html", g.Lang.Tag+"/index.html"
	if atRoot {
		sub, name = "", "index.html"
	}
	p := g.page(sub, g.Site.Title, g.Site.Description)
	p.DescriptionLang = g.Site.DescriptionLang
	for _, t := range g.Site.Topics {
		topic := Topic{ID: t.ID, Title: t.Title, TitleLang: t.TitleLang}
		for _, s := range g.Site.Scenes {
			if s.Topic == t.ID {
				topic.Scenes = append(topic.Scenes, g.sceneLink(s, p.Root+g.Lang.Tag+"/"))
			}
		}
		if len(topic.Scenes) > 0 {
			p.Topics = append(p.Topics, topic)
		}
	}
	data, err := g.Memo.execute(g, name, "index.html", &p)
	return File{Path: name, Data: data}, err
}

func (g *Generator) sceneLink(s *content.Scene, langRoot string) SceneLink {
	return SceneLink{ID: s.ID, Title: s.Title, Summary: s.Summary, TitleLang: s.TitleLang, SummaryLang: s.SummaryLang,
		URL: langRoot + s.ID + "/index.html", Thumb: langRoot + s.ID + "/thumb.svg", Steps: len(s.Steps)}
}

// Scene renders a scene's overview, its step pages and its standalone step
// diagrams, handing each file to emit as soon as it is ready. d is the
// scene's diagram; narrow, if not nil, its layout for phones, which step
// pages carry beside d for the stylesheet to show on a narrow screen.
func (g *Generator) Scene(s *content.Scene, d, narrow *layout.Diagram, emitFile func(File) error) error {
	base := g.Lang.Tag + "/" + s.ID + "/"
	budget := g.budget(s)
	emit := func(f File) error {
		if err := budget.spend(int64(len(f.Data)), 0); err != nil {
			return err
		}
		return emitFile(f)
	}
	over := g.page(s.ID+"/index.html", s.Title+" – "+g.Site.Title, s.Summary)
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
	over.Steps = g.stepLinks(s, "")
	var narrated int64
	for i, st := range s.Steps {
		var err error
		if narration[i], err = budget.narration(&st, func() (template.HTML, error) { return g.md.Render(st.Text) }); err != nil {
			return err
		}
		o := &over.Steps[i]
		o.Narration, o.TextLang, o.Fields = narration[i], st.TextLang, st.Fields
		// Text without a bracket has no link to move.
		if strings.Contains(st.Text, "]") {
			if o.Narration, err = budget.narration(&st, func() (template.HTML, error) { return g.md.RenderRebased(st.Text, fromStepFolder(i+1)) }); err != nil {
				return err
			}
		}
		// Each narration is on its step page and on the overview.
		narrated += int64(len(narration[i]) + len(o.Narration))
		if err := budget.spend(0, narrated); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := svg.Write(&buf, d, svg.View{Step: -1, Lang: g.Lang.Tag, Title: s.Title, Desc: s.Summary}); err != nil {
		return err
	}
	over.SVG = template.HTML(buf.String())
	buf.Reset()
	if err := svg.Thumb(&buf, d, g.Theme.DiagramCSS); err != nil {
		return err
	}
	if err := emit(File{Path: base + "thumb.svg", Data: bytes.Clone(buf.Bytes())}); err != nil {
		return err
	}
	over.Embed = g.embed(s, d)
	data, err := g.execute("scene.html", &over)
	if err != nil {
		return err
	}
	if err := emit(File{Path: base + "index.html", Data: data}); err != nil {
		return err
	}
	if err := g.animation(s, d, base, emit); err != nil {
		return err
	}

	total := len(s.Steps)
	links := g.stepLinks(s, "../")
	log, err := g.stepLog(links)
	if err != nil {
		return err
	}
	// Every step page holds the whole log and its own narration.
	if err := budget.spend(0, int64(total)*log.bytes()+narrated/2); err != nil {
		return err
	}
	draw := svg.NewScene(d)
	var drawNarrow *svg.Scene
	fit := ""
	if narrow != nil {
		if fit = svg.FitClass(d); fit != "" {
			drawNarrow = svg.NewScene(narrow)
		}
	}
	// chrome is the size of a step page less its diagram, narration and
	// log: a guess at first, then the last page's, so that each page's
	// buffer is allocated once.
	chrome := 4096
	for i, st := range s.Steps {
		n := i + 1
		p := g.page(fmt.Sprintf("%s/%d/index.html", s.ID, n), "", st.Label)
		p.Scene, p.N, p.Total, p.Fields, p.Overview = over.Scene, n, total, st.Fields, "../index.html"
		p.TextLang, p.Untranslated = st.TextLang, st.LabelLang != "" || st.TextLang != ""
		if st.Bytes != nil {
			p.Bytes, p.ByteCount = byteItems(st.Bytes, func(n int) string { return p.Plural("byte_count", n) }), len(st.Bytes.Data)
		}
		stepOf := p.T("step_of", "n", n, "total", total)
		p.Title = stepOf + " – " + st.Label + " – " + s.Title
		p.Scene.URL = "../index.html"
		p.StepLog = log.at(i)
		p.Step = links[i]
		p.Step.Current = true
		p.First, p.Last = links[0].URL, links[total-1].URL
		if n > 1 {
			p.Prev = fmt.Sprintf("../%d/index.html", n-1)
		}
		if n < total {
			p.Next = fmt.Sprintf("../%d/index.html", n+1)
		}
		p.SVGURL = fmt.Sprintf("../%d.svg", n)
		p.Narration = narration[i]
		desc := p.T("colon", "a", p.Step.Who, "b", st.Label) // French spaces its colon, Chinese and Japanese write a full-width one
		if st.Wait != "" {
			desc = p.T("after_wait", "wait", st.Wait) + desc // the diagram's break, for a screen reader
		}
		view := svg.View{Step: i, Lang: g.Lang.Tag, Title: p.T("colon", "a", stepOf, "b", st.Label), Desc: desc, CSS: g.Theme.DiagramCSS}
		inline, standalone := draw.Pair(view, "../../assets/fonts/")
		p.SVG, p.Heads = template.HTML(inline), template.HTML(draw.Heads(i)) // #nosec: package svg escapes every text
		parts := len(inline) + len(p.StepLog) + len(p.Narration)
		if drawNarrow != nil {
			small, _ := drawNarrow.Pair(view, "../../assets/fonts/")
			p.SVGNarrow, p.HeadsNarrow, p.Fit = template.HTML(small), template.HTML(drawNarrow.Heads(i)), fit // #nosec: package svg escapes every text
			parts += len(small)
		}
		if data, err = g.executeSized("step.html", &p, chrome+chrome/8+parts); err != nil {
			return err
		}
		chrome = len(data) - parts
		if err := emit(File{Path: fmt.Sprintf("%s%d/index.html", base, n), Data: data}); err != nil {
			return err
		}
		if err := emit(File{Path: fmt.Sprintf("%s%d.svg", base, n), Data: standalone}); err != nil {
			return err
		}
	}
	return nil
}

// fromStepFolder rewrites a link that narration wrote for step page n, in
// folder n/, for the overview one folder up.
func fromStepFolder(n int) func(dest string) string {
	return func(dest string) string {
		if rest, ok := strings.CutPrefix(dest, "../"); ok {
			return rest
		}
		return strconv.Itoa(n) + "/" + dest
	}
}

// stepLog holds each entry of a scene's step log in its three states, done,
// current and to come, each written once by the theme's "stepitem" template:
// a scene of n steps has n logs of n entries, and executing the template n²
// times was most of the build's time.
type stepLog [][3]string

func (g *Generator) stepLog(links []StepLink) (stepLog, error) {
	t, err := g.template("step.html")
	if err != nil {
		return nil, err
	}
	log := make(stepLog, len(links))
	var buf strings.Builder
	for i, l := range links {
		for state := range 3 {
			l.Done, l.Current = state == 0, state == 1
			buf.Reset()
			if err := t.ExecuteTemplate(&buf, "stepitem", l); err != nil {
				return nil, g.templateError(err)
			}
			log[i][state] = buf.String()
		}
	}
	return log, nil
}

// at is the log as the page of step current shows it.
func (log stepLog) at(current int) template.HTML {
	var b strings.Builder
	n := 0
	for _, e := range log {
		n += len(e[2]) + 32 // room for the classes of done and current entries
	}
	b.Grow(n)
	for i, e := range log {
		switch {
		case i < current:
			b.WriteString(e[0])
		case i == current:
			b.WriteString(e[1])
		default:
			b.WriteString(e[2])
		}
	}
	return template.HTML(b.String()) // #nosec: each entry comes from html/template
}

// stepLinks lists a scene's steps for the step log, none of them current;
// prefix leads from the page to the scene's folder.
func (g *Generator) stepLinks(s *content.Scene, prefix string) []StepLink {
	arrow := " → "
	if g.Lang.Dir == "rtl" {
		arrow = " ← "
	}
	sep := ", "
	if m, ok := g.ui["list_separator"]; ok && m["other"] != "" {
		sep = m["other"]
	}
	names := func(actors []int) string {
		var b strings.Builder
		for j, a := range actors {
			if j > 0 {
				b.WriteString(sep)
			}
			b.WriteString(s.Actors[a].Name)
		}
		return b.String()
	}
	out := make([]StepLink, len(s.Steps))
	for i, st := range s.Steps {
		// "Laptop → Switch, DHCP server, Router"; a note names its actors.
		who := names(st.Over)
		if st.Kind == content.Message {
			who = s.Actors[st.From].Name + arrow + names(st.Receivers)
		}
		out[i] = StepLink{N: i + 1, ID: st.Key, URL: fmt.Sprintf("%s%d/index.html", prefix, i+1), Who: who, Label: st.Label, LabelLang: st.LabelLang}
		if g.Lang.Dir == "rtl" && st.LabelLang == "" && !text.RTL(st.Label, true) {
			out[i].LabelDir = "ltr"
		}
	}
	return out
}

// template is the theme's page template name, with the partials it uses.
func (g *Generator) template(name string) (*template.Template, error) {
	t, ok := g.Theme.Pages[name]
	if !ok {
		return nil, fmt.Errorf("the theme has no template %s", name)
	}
	return t, nil
}

// execute renders the page template name with data.
func (g *Generator) execute(name string, data any) ([]byte, error) {
	return g.executeSized(name, data, 0)
}

// executeSized is execute into a buffer of size bytes to start with: a
// page's buffer growing from nothing was a quarter of what a build
// allocated.
func (g *Generator) executeSized(name string, data any, size int) ([]byte, error) {
	t, err := g.template(name)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(size)
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, g.templateError(err)
	}
	return buf.Bytes(), nil
}

// templateError places an error of the theme's templates in the theme, as a
// problem of the content: a site's own template can fail only on some pages.
func (g *Generator) templateError(err error) error {
	if pos, msg, ok := g.Theme.Locate(err); ok {
		return &ContentError{Pos: pos, Message: msg}
	}
	return err
}
