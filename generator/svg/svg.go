// Package svg writes a laid-out diagram as SVG, one file per step.
//
// It knows nothing of YAML or pages: it draws a layout.Diagram up to a given
// step, marking earlier steps as past and the given one as current, with
// classes that the theme's diagram.css colours, handed to it as data: a
// standalone file carries it in a <style> element, a page in its
// stylesheet, so a strict Content-Security-Policy needs no inline style. All SVG is written with svgo but the root's start
// tag, its title and the <symbol> tags, which svgo cannot write as needed.
//
// What a page can rely on: the root is svg.lgd; each actor is a group
// g#lgd-a-{id}, with class "on" when it takes part in the current step;
// each step is a group g#lgd-s{n} (n counting from 1) with class "past"
// before the current step and "now" for it; the current message's number
// and label are in a group g.ride whose data-d is the offset, in user
// units, from where they settle to the sender's lifeline. A step's view
// holds every step up to it, the whole story so far (see layout.View); a
// page pins a copy of the actor heads (Scene.Heads) above it while the
// reader scrolls back.
package svg

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"sort"
	"strings"

	svgo "github.com/ajstarks/svgo"
	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
)

// View says what to draw and how to describe it.
type View struct {
	// Step is the current step, counting from 0, or -1 for the overview: every
	// step drawn and numbered, none highlighted.
	Step int
	// Title and Desc name the step for screen readers.
	Title, Desc string
	// Lang is the language of the diagram's text, a BCP 47 tag.
	Lang string
	// Standalone adds what a file needs on its own: the XML declaration and
	// a <style> with the font faces (at FontURL, a relative URL ending in
	// "/"), the text sizes and CSS, the theme's diagram stylesheet
	// (diagram.css), which gives the colours in light and dark.
	Standalone bool
	FontURL    string
	CSS        string
}

// Write draws d as seen on view v.
func Write(w io.Writer, d *layout.Diagram, v View) error {
	ew := &errWriter{w: w}
	if v.Standalone {
		io.WriteString(ew, xmlDecl)
	}
	writeHead(ew, d, v)
	if v.Standalone {
		io.WriteString(ew, styleElement(v.FontURL, v.CSS))
	}
	writeBody(ew, d, v.Step, nil)
	return ew.err
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// styleElement is a standalone file's <style>, with its fonts at fontURL
// and the theme's diagram stylesheet css.
func styleElement(fontURL, css string) string {
	var b strings.Builder
	svgo.New(&b).Style("text/css", FontFaces(fontURL)+textCSS+literalCSS(css)+css)
	return b.String()
}

// Scene draws the step views of one laid-out diagram. A step looks the same
// in the view of every later step, so it is drawn once as a past step and
// reused: a scene of n steps has n views of up to n steps each.
type Scene struct {
	d    *layout.Diagram
	past [][]byte
	// head and body are reused from view to view; style is the <style>
	// element of standalone files, for fonts at fontURL and the diagram
	// stylesheet css.
	head, body          bytes.Buffer
	style, fontURL, css string
}

// NewScene prepares to draw the views of d.
func NewScene(d *layout.Diagram) *Scene {
	return &Scene{d: d, past: make([][]byte, len(d.Steps))}
}

// Pair draws the step view v twice from one drawing: inline, for a page
// whose stylesheet has PageCSS and the theme's diagram.css, and
// standalone, with its fonts at fontURL and v.CSS in its <style>.
// A site needs both for every step, and drawing is the costly part.
// Pair is not safe for concurrent use.
func (sc *Scene) Pair(v View, fontURL string) (inline, standalone []byte) {
	if sc.style == "" || sc.fontURL != fontURL || sc.css != v.CSS {
		sc.style, sc.fontURL, sc.css = styleElement(fontURL, v.CSS), fontURL, v.CSS
	}
	head, body := &sc.head, &sc.body
	head.Reset()
	body.Reset()
	writeHead(head, sc.d, v)
	writeBody(body, sc.d, v.Step, sc.pastStep)
	inline = make([]byte, 0, head.Len()+body.Len())
	inline = append(append(inline, head.Bytes()...), body.Bytes()...)
	standalone = make([]byte, 0, len(xmlDecl)+head.Len()+len(sc.style)+body.Len())
	standalone = append(append(append(append(standalone, xmlDecl...), head.Bytes()...), sc.style...), body.Bytes()...)
	return inline, standalone
}

// pastStep is step i as every view after it draws it.
func (sc *Scene) pastStep(i int) []byte {
	if sc.past[i] == nil {
		var b bytes.Buffer
		writeStep(svgo.New(&b), sc.d, i, len(sc.d.Steps))
		sc.past[i] = b.Bytes()
	}
	return sc.past[i]
}

// writeHead writes the root element's start tag, the title and description.
func writeHead(w io.Writer, d *layout.Diagram, v View) {
	win := d.ViewAt(v.Step)
	height := win.Bottom - win.Top
	id := ids(d)
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="%s" viewBox="0 %d %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d" lang="%s">`+"\n",
		rootClass(d), win.Top, d.Width, height, d.Width, height, id, id, attr(v.Lang))
	fmt.Fprintf(w, "<title id=\"%s-t\">%s</title>\n<desc id=\"%s-d\">%s</desc>\n", id, text(v.Title), id, text(v.Desc))
}

// writeBody writes the drawing and closes the root. past, if not nil,
// gives the steps before the current one already drawn.
func writeBody(w io.Writer, d *layout.Diagram, step int, past func(int) []byte) {
	c := svgo.New(w)
	win := d.ViewAt(step)
	last := last(d, step)
	writeDefs(c, d, last)
	// Frames go under the lifelines, title tabs over them.
	writePhases(c, d, win, step, false)
	writeActors(c, d, step, win.Bottom)
	writePhases(c, d, win, step, true)
	for i := 0; i <= last; i++ {
		if past != nil && i < step {
			w.Write(past(i))
			continue
		}
		writeStep(c, d, i, step)
	}
	c.End()
}

// last is the last step drawn in the view of step: every step in the
// overview (step < 0).
func last(d *layout.Diagram, step int) int {
	if step < 0 {
		return len(d.Steps) - 1
	}
	return step
}

// writeDefs defines each icon the diagram uses, once.
func writeDefs(c *svgo.SVG, d *layout.Diagram, last int) {
	var kinds []string
	seen := map[string]bool{}
	for _, a := range d.Actors {
		if a.Kind != "" && !seen[a.Kind] {
			seen[a.Kind] = true
			kinds = append(kinds, a.Kind)
		}
	}
	sort.Strings(kinds) // sorted for deterministic output
	lock := false
	for i := 0; i <= last; i++ {
		lock = lock || d.Steps[i].Secure
	}
	if len(kinds) == 0 && !lock {
		return
	}
	c.Def()
	for _, k := range kinds {
		symbol(c, ids(d)+"-"+k, iconSize, iconSize, icons[k])
	}
	if lock {
		symbol(c, ids(d)+"-lock", 10, 13, lockIcon)
	}
	c.DefEnd()
}

// writePhases draws the phase frames, or with tabs their title tabs.
func writePhases(c *svgo.SVG, d *layout.Diagram, win layout.View, step int, tabs bool) {
	for _, p := range win.Phases {
		cls := "ph"
		if step >= p.First && step <= p.Last {
			cls += " cur"
		}
		if step == p.First {
			cls += " new" // the page's stylesheet animates a phase's arrival
		}
		c.Group(class(cls))
		if !tabs {
			c.Rect(p.Box.X, p.Box.Y, p.Box.W, p.Box.H, class("fr"))
			c.Gend()
			continue
		}
		t := p.Tab
		notch := layout.PhaseTabNotch
		if d.RTL {
			c.Path(fmt.Sprintf("M%d %dH%dV%dL%d %dH%dZ", t.X+t.W, t.Y, t.X, t.Y+t.H-notch, t.X+notch, t.Y+t.H, t.X+t.W), class("tab"))
		} else {
			c.Path(fmt.Sprintf("M%d %dH%dV%dL%d %dH%dZ", t.X, t.Y, t.X+t.W, t.Y+t.H-notch, t.X+t.W-notch, t.Y+t.H, t.X), class("tab"))
		}
		writeText(c, p.Title, "pt")
		c.Gend()
	}
}

// writeActors draws the lifelines, down to bottom, and the actors' heads.
func writeActors(c *svgo.SVG, d *layout.Diagram, step, bottom int) {
	// The lifelines break where a wait is drawn.
	var gaps [][2]int
	for i := 0; i <= last(d, step); i++ {
		if w := &d.Steps[i].Wait; w.Shown() {
			gaps = append(gaps, [2]int{w.Top, w.Bottom})
		}
	}
	for i, a := range d.Actors {
		c.Group(actorAttrs(d, step, i, true)...)
		top := a.LifelineTop
		for _, g := range gaps {
			c.Line(a.X, top, a.X, g[0], class("ll"))
			top = g[1]
		}
		c.Line(a.X, top, a.X, bottom-layout.Margin, class("ll"))
		writeActorHead(c, d, &a)
		c.Gend()
	}
}

// actorAttrs are the attributes of actor i's group in the view of step:
// class "a", "on" when it takes part in the step, "to" when it receives
// its message (the page's stylesheet shows it receiving), and with id its
// id, which only the diagram itself carries.
func actorAttrs(d *layout.Diagram, step, i int, id bool) []string {
	cls := "a"
	if step >= 0 {
		s := &d.Steps[step]
		on, to := false, false
		for k, j := range s.Actors {
			on = on || j == i
			to = to || j == i && k > 0 && s.Kind == content.Message && !s.Lost
		}
		if on {
			cls += " on"
		}
		if to {
			cls += " to"
		}
	}
	attrs := []string{class(cls)}
	if id {
		attrs = append(attrs, `id="`+ids(d)+`-a-`+attr(d.Actors[i].ID)+`"`)
	}
	return attrs
}

// writeActorHead draws an actor's head: its box, icon and name.
func writeActorHead(c *svgo.SVG, d *layout.Diagram, a *layout.Actor) {
	h := a.Head
	c.Roundrect(h.X, h.Y, h.W, h.H, 6, 6, class("hd"))
	if a.Kind != "" {
		c.Use(a.Icon.X, a.Icon.Y, "#"+ids(d)+"-"+a.Kind, fmt.Sprintf(`width="%d" height="%d"`, a.Icon.W, a.Icon.H), class("ic"))
	}
	writeText(c, a.Name, "nm")
}

func writeStep(c *svgo.SVG, d *layout.Diagram, i, current int) {
	s := &d.Steps[i]
	c.Group(class(stepClass(s, i, current)), fmt.Sprintf(`id="%s-s%d"`, ids(d), i+1))
	if s.Wait.Shown() {
		writeWait(c, d, &s.Wait)
	}
	if s.Kind == content.Note {
		c.Roundrect(s.Note.X, s.Note.Y, s.Note.W, s.Note.H, 4, 4, class("nb"))
	} else {
		writeArrow(c, s, i == current)
	}
	writeLabel(c, d, s, i == current)
	c.Gend()
}

// stepClass is the classes of step i's group in the view of step current.
func stepClass(s *layout.Step, i, current int) string {
	cls := []string{"s"}
	if s.Kind == content.Note {
		cls = append(cls, "n")
	} else {
		cls = append(cls, "m")
	}
	for _, f := range []struct {
		on   bool
		name string
	}{{s.Reply, "rp"}, {s.Secure, "sc"}, {s.Lost, "lo"}} {
		if f.on {
			cls = append(cls, f.name)
		}
	}
	if s.Kind == content.Message && s.End().X < s.Path[0].X {
		cls = append(cls, "rv") // right to left on the page, for the stylesheet's motion
	}
	if s.Sloped() {
		cls = append(cls, "tr") // in flight: its motion slopes down
	}
	if len(s.Actors) > 2 && s.Kind == content.Message {
		cls = append(cls, "bc") // a broadcast
	}
	switch {
	case current < 0:
	case i < current:
		cls = append(cls, "past")
	default:
		cls = append(cls, "now")
	}
	return strings.Join(cls, " ")
}

// writeLabel draws a step's number badge, padlock and label. The current
// message's ride with it from the sender's lifeline and settle in place:
// data-d is how far from it they start; the stylesheet reads it with
// attr(), since a strict Content-Security-Policy allows no inline style.
func writeLabel(c *svgo.SVG, d *layout.Diagram, s *layout.Step, current bool) {
	ride := current && s.Kind == content.Message && s.End().X != s.Path[0].X
	if ride {
		c.Group(class("ride"), fmt.Sprintf(`data-d="%d"`, s.Path[0].X-rideCenter(s)))
	}
	if p := s.Plate; p.W > 0 {
		c.Rect(p.X, p.Y, p.W, p.H, class("pl"))
	}
	b := s.Badge
	if b.W == b.H {
		c.Circle(b.X+b.W/2, b.Y+b.H/2, b.H/2, class("bd"))
	} else {
		c.Roundrect(b.X, b.Y, b.W, b.H, b.H/2, b.H/2, class("bd"))
	}
	writeText(c, s.Number, "nn")
	if s.Secure {
		c.Use(s.Lock.X, s.Lock.Y, "#"+ids(d)+"-lock", fmt.Sprintf(`width="%d" height="%d"`, s.Lock.W, s.Lock.H), class("lk"))
	}
	writeText(c, s.Label, "lb")
	if ride {
		c.Gend()
	}
}

// rideCenter is the middle of a message's number and label, side by side.
func rideCenter(s *layout.Step) int {
	l := s.Label.Box(0)
	return (min(s.Badge.X, l.X) + max(s.Badge.X+s.Badge.W, l.X+l.W)) / 2
}

// writeText writes a text as one <text>, each further line a <tspan>. Its
// anchor, given as a side of the page, becomes the SVG text-anchor of its
// direction: the left end of right-to-left text is its end.
func writeText(c *svgo.SVG, t layout.Text, cls string) {
	if len(t.Lines) == 0 {
		return
	}
	switch {
	case t.Anchor == layout.Middle:
		cls += " c"
	case (t.Anchor == layout.Right) != t.RTL:
		cls += " e"
	}
	if t.RTL {
		cls += " rtl"
	}
	for i, line := range t.Lines {
		if i == 0 {
			c.Textspan(t.X, t.Y, line, class(cls))
			continue
		}
		c.Span(line, fmt.Sprintf(`x="%d" dy="%d"`, t.X, t.Pitch))
	}
	c.TextEnd()
}

// ids is the prefix of the diagram's ids: a page may hold a diagram and
// its narrow layout (see layout.Narrow), whose ids must differ.
func ids(d *layout.Diagram) string {
	if d.Narrow {
		return "lgn"
	}
	return "lgd"
}

// rootClass is the root element's class: lgd, and nw for a narrow layout,
// whose names and icons are smaller.
func rootClass(d *layout.Diagram) string {
	if d.Narrow {
		return "lgd nw"
	}
	return "lgd"
}

func class(c string) string { return `class="` + c + `"` }

// attr escapes a value for an attribute; text escapes element content.
func attr(s string) string { return html.EscapeString(s) }

func text(s string) string { return html.EscapeString(s) }

// errWriter remembers the first write error, so that drawing code need not
// check every call.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	n, err := e.w.Write(p)
	if err != nil {
		e.err = err
	}
	return n, nil
}
