// Package pages turns the content model, laid-out diagrams and rendered
// narration into the pages of the site, through the theme's templates.
//
// Templates receive typed page structs, never maps. Every link is relative,
// so the output works under any base path and from file://.
package pages

import (
	"html/template"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/locale"
	"github.com/lessongen/lessongen/generator/svg"
)

// Page is what every template receives. One type serves every kind of page,
// each filling the fields below that it uses, rather than a type per kind
// embedding the shared part: text/template looks up a promoted field with a
// breadth-first search that allocates, and those lookups took a quarter of
// the time spent rendering a step page.
type Page struct {
	Lang string
	// Dir is "ltr" or "rtl".
	Dir         string
	Title       string
	Description string
	// Root is the relative URL of the site's root from this page: "" or a
	// run of "../".
	Root string
	// CSS and JS are the relative URLs of the theme's stylesheet and script.
	CSS, JS   string
	SiteTitle string
	// Home is the relative URL of this language's index page.
	Home string
	// SiteTitleLang is the language of SiteTitle when it is not the page's.
	SiteTitleLang string
	// LangName is the page language's name in itself.
	LangName string
	// Canonical is the page's absolute URL and Image the absolute URL of the
	// shared social image; both are "" unless the site has an absolute base
	// URL.
	Canonical, Image string
	// Alternates are this page in every language of the site, the page's own
	// included; XDefault is the version for readers of none of them.
	Alternates []Alternate
	XDefault   string
	ui         content.Strings

	// The index page: the topics and their scenes, and the language of the
	// site's description when it is not the page's.
	DescriptionLang string
	Topics          []Topic

	// A scene's overview and its step pages: the scene and the diagram (of
	// the whole scene, or up to the step). Steps lists the steps on the
	// overview; a step page has them rendered once per scene, in StepLog.
	Scene SceneLink
	SVG   template.HTML
	Steps []StepLink
	// SVGNarrow is a step page's diagram laid out for phones, if it has
	// one, and Fit the class that tells the stylesheet when to show it.
	SVGNarrow template.HTML
	Fit       string
	// Heads and HeadsNarrow are the bands of actor heads a step page pins
	// above its diagrams while the reader scrolls back (svg.Scene.Heads).
	Heads, HeadsNarrow template.HTML

	// The overview only.
	References []content.Reference
	Related    []SceneLink
	// Embed offers the scene's animated SVG for use elsewhere.
	Embed *Embed

	// Step pages only: step N of Total, and its narration.
	N, Total  int
	Step      StepLink
	Narration template.HTML
	// TextLang is the narration's language when it fell back to the source.
	TextLang string
	// Untranslated is true when the step's label or narration is shown in
	// the source language.
	Untranslated bool
	Fields       []content.Field
	// Bytes is the step's byte view, and ByteCount how many bytes it shows.
	Bytes     []ByteItem
	ByteCount int
	// SVGURL is the standalone diagram file of this step.
	SVGURL string
	// Prev and Next are empty at the ends of the scene.
	Prev, Next, Overview string
	// First and Last are the scene's first and last steps, for the player's
	// Home and End.
	First, Last string
	// StepLog is Steps as the theme's "stepitem" template writes them.
	StepLog template.HTML
}

// Embed is what an overview offers for putting the scene's animation in a
// README or another page: the picture's URL and size, and ready-to-copy
// snippets. The URLs are absolute when the site's base URL is.
type Embed struct {
	// Src is the animation's URL from the overview, for its preview.
	Src           string
	Width, Height int
	Markdown      string
	Img, IFrame   string
}

// Alternate is the same page in another language.
type Alternate struct {
	Lang, Name, Dir string
	// URL is relative, or absolute when the site has an absolute base URL.
	URL string
	// Link is always relative, for the language switcher.
	Link    string
	Current bool
}

// T returns the UI string key with each {name} replaced by the value that
// follows name in args: {{.T "step_of" "n" 3 "total" 9}}.
func (p *Page) T(key string, args ...any) string {
	return p.fill(p.message(key, "other"), args)
}

// Plural returns the UI string key in the plural form that count takes in
// the page's language, with {count} replaced by count.
func (p *Page) Plural(key string, count int) string {
	return p.fill(p.message(key, locale.PluralForm(p.Lang, count)), []any{"count", count})
}

func (p *Page) message(key, form string) string {
	m, ok := p.ui[key]
	if !ok {
		return key // a test checks that every key the templates use exists
	}
	if s, ok := m[form]; ok {
		return s
	}
	return m["other"]
}

// fill replaces each {name} in s by the value after name in args; numbers
// are written the way the page's language writes them.
func (p *Page) fill(s string, args []any) string {
	for i := 0; i+1 < len(args); i += 2 {
		name, _ := args[i].(string)
		var v string
		switch x := args[i+1].(type) {
		case int:
			v = locale.FormatInt(p.Lang, x)
		case string:
			v = x
		}
		s = strings.ReplaceAll(s, "{"+name+"}", v)
	}
	return s
}

// OGLocale is the page language in Open Graph's form, with the country
// where it is most spoken when the tag names none: fr_FR, ja_JP, pt_BR.
func (p *Page) OGLocale() string { return locale.OGLocale(p.Lang) }

// Topic is a group of scenes on the index.
type Topic struct {
	ID        string
	Title     string
	TitleLang string
	Scenes    []SceneLink
}

// SceneLink is a scene as other pages link to it.
type SceneLink struct {
	ID, Title, Summary     string
	TitleLang, SummaryLang string
	URL                    string
	// Thumb is the scene's thumbnail, ThumbW × ThumbH, for its index card.
	Thumb string
	Steps int
}

// ThumbW and ThumbH are the size of every scene's thumbnail, so that an
// index card keeps its room while the picture loads.
func (p *Page) ThumbW() int { return svg.ThumbWidth }

// ThumbH: see ThumbW.
func (p *Page) ThumbH() int { return svg.ThumbHeight }

// StepLink is a step as the step log lists it.
type StepLink struct {
	N int
	// ID is the step's stable key: its id, or its number when it has none.
	// Live reload finds the same step by it after steps were inserted.
	ID        string
	URL       string
	Who       string
	Label     string
	LabelLang string
	// LabelDir is "ltr" for a label in the page's language that has no
	// right-to-left letter on a right-to-left page, data such as "* 1 EXISTS"
	// or "1-RTT: HEADERS GET /", which the page's direction would reorder.
	LabelDir string
	// Current marks the step the page shows; Done the steps before it.
	Current, Done bool
	// Narration and Fields are filled on the overview only, which prints as
	// a handout of the whole scene.
	Narration template.HTML
	TextLang  string
	Fields    []content.Field
}
