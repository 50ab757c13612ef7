// Package svg writes a laid-out diagram as SVG, one file per step.
//
// It knows nothing of YAML or pages: it draws a layout.Diagram up to a given
// step, marking earlier steps as past and the given one as current, with
// classes that PageCSS colours: a standalone file carries it in a <style>
// element, a page in its stylesheet, so a strict Content-Security-Policy
// needs no inline style. All SVG is written with svgo but the root's start
// tag, its title and the <symbol> tags, which svgo cannot write as needed.
//
// What a page can rely on: the root is svg.lgd; each actor is a group
// g#lgd-a-{id}, with class "on" when it takes part in the current step;
// each step is a group g#lgd-s{n} (n counting from 1) with class "past"
// before the current step and "now" for it; the current message's number
// and label are in a group g.ride whose data-d is the offset, in user
// units, from where they settle to the sender's lifeline. A long scene's
// step view shows only its most recent rows below the pinned actors (see
// layout.View), so the current step is on screen without the page
// scrolling.
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
	// Standalone adds what a file needs on its own: the XML declaration, the
	// font faces (at FontURL, a relative URL ending in "/") and dark colours.
	Standalone bool
	FontURL    string
}

// Write draws d as seen on view v.
func Write(w io.Writer, d *layout.Diagram, v View) error {
	ew := &errWriter{w: w}
	if v.Standalone {
		io.WriteString(ew, xmlDecl)
	}
	writeHead(ew, d, v)
	if v.Standalone {
		io.WriteString(ew, styleElement(v.FontURL))
	}
	writeBody(ew, d, v.Step, nil)
	return ew.err
}

const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

// styleElement is a standalone file's <style>, with its fonts at fontURL.
func styleElement(fontURL string) string {
	var b strings.Builder
	svgo.New(&b).Style("text/css", FontFaces(fontURL)+baseCSS+darkCSS)
	return b.String()
}

// Scene draws the step views of one laid-out diagram. A step looks the same
// in the view of every later step, so it is drawn once as a past step and
// reused: a scene of n steps has n views of up to n steps each.
type Scene struct {
	d    *layout.Diagram
	past [][]byte
	// head and body are reused from view to view; style is the <style>
	// element of standalone files with fonts at fontURL.
	head, body     bytes.Buffer
	style, fontURL string
}

// NewScene prepares to draw the views of d.
func NewScene(d *layout.Diagram) *Scene {
	return &Scene{d: d, past: make([][]byte, len(d.Steps))}
}

// Pair draws the step view v twice from one drawing: inline, for a page
// whose stylesheet has PageCSS, and standalone, with its fonts at fontURL.
// A site needs both for every step, and drawing is the costly part.
// Pair is not safe for concurrent use.
func (sc *Scene) Pair(v View, fontURL string) (inline, standalone []byte) {
	if sc.style == "" || sc.fontURL != fontURL {
		sc.style, sc.fontURL = styleElement(fontURL), fontURL
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
	fmt.Fprintf(w, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="lgd" viewBox="0 %d %d %d" width="%d" height="%d" role="img" aria-labelledby="lgd-t lgd-d" lang="%s">`+"\n",
		win.Top, d.Width, height, d.Width, height, attr(v.Lang))
	fmt.Fprintf(w, "<title id=\"lgd-t\">%s</title>\n<desc id=\"lgd-d\">%s</desc>\n", text(v.Title), text(v.Desc))
}

// writeBody writes the drawing and closes the root. past, if not nil,
// gives the steps before the current one already drawn.
func writeBody(w io.Writer, d *layout.Diagram, step int, past func(int) []byte) {
	c := svgo.New(w)
	win := d.ViewAt(step)
	last := step
	if step < 0 {
		last = len(d.Steps) - 1
	}
	writeDefs(c, d, win.First, last)
	// Frames go under the lifelines, title tabs over them.
	writePhases(c, d, win, step, false)
	writeActors(c, d, step, win)
	writePhases(c, d, win, step, true)
	for i := win.First; i <= last; i++ {
		if past != nil && i < step {
			w.Write(past(i))
			continue
		}
		writeStep(c, d, i, step)
	}
	c.End()
}

// writeDefs defines each icon the diagram uses, once.
func writeDefs(c *svgo.SVG, d *layout.Diagram, first, last int) {
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
	for i := first; i <= last; i++ {
		lock = lock || d.Steps[i].Secure
	}
	if len(kinds) == 0 && !lock {
		return
	}
	c.Def()
	for _, k := range kinds {
		symbol(c, "lgd-"+k, iconSize, iconSize, icons[k])
	}
	if lock {
		symbol(c, "lgd-lock", 10, 13, lockIcon)
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

// writeActors draws the lifelines and, pinned at the top of the window,
// the actors' heads.
func writeActors(c *svgo.SVG, d *layout.Diagram, step int, win layout.View) {
	involved := map[int]bool{}
	receiver := -1
	if step >= 0 {
		s := d.Steps[step]
		for i := min(s.From, s.To); i <= max(s.From, s.To); i++ {
			involved[i] = s.Kind == content.Note || i == s.From || i == s.To
		}
		if s.Kind == content.Message && !s.Lost {
			receiver = s.To
		}
	}
	dy := win.HeadShift
	for i, a := range d.Actors {
		cls := "a"
		if involved[i] {
			cls += " on"
		}
		if i == receiver {
			cls += " to" // the page's stylesheet shows it receiving the message
		}
		c.Group(class(cls), `id="lgd-a-`+attr(a.ID)+`"`)
		c.Line(a.X, a.LifelineTop+dy, a.X, win.Bottom-layout.Margin, class("ll"))
		h := a.Head
		c.Roundrect(h.X, h.Y+dy, h.W, h.H, 6, 6, class("hd"))
		if a.Kind != "" {
			c.Use(a.Icon.X, a.Icon.Y+dy, "#lgd-"+a.Kind, fmt.Sprintf(`width="%d" height="%d"`, a.Icon.W, a.Icon.H), class("ic"))
		}
		name := a.Name
		name.Y += dy
		writeText(c, name, "nm")
		c.Gend()
	}
}

func writeStep(c *svgo.SVG, d *layout.Diagram, i, current int) {
	s := &d.Steps[i]
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
	switch {
	case current < 0:
	case i < current:
		cls = append(cls, "past")
	default:
		cls = append(cls, "now")
	}
	c.Group(class(strings.Join(cls, " ")), fmt.Sprintf(`id="lgd-s%d"`, i+1))
	if s.Kind == content.Note {
		c.Roundrect(s.Note.X, s.Note.Y, s.Note.W, s.Note.H, 4, 4, class("nb"))
	} else {
		writeArrow(c, s, i == current)
	}
	// The current message's number and label ride with it from the
	// sender's lifeline and settle in place. data-d is how far from it they
	// start; the stylesheet reads it with attr(), since a strict
	// Content-Security-Policy allows no inline style.
	ride := i == current && s.Kind == content.Message && s.End().X != s.Path[0].X
	if ride {
		c.Group(class("ride"), fmt.Sprintf(`data-d="%d"`, s.Path[0].X-rideCenter(s)))
	}
	b := s.Badge
	if b.W == b.H {
		c.Circle(b.X+b.W/2, b.Y+b.H/2, b.H/2, class("bd"))
	} else {
		c.Roundrect(b.X, b.Y, b.W, b.H, b.H/2, b.H/2, class("bd"))
	}
	writeText(c, s.Number, "nn")
	if s.Secure {
		c.Use(s.Lock.X, s.Lock.Y, "#lgd-lock", fmt.Sprintf(`width="%d" height="%d"`, s.Lock.W, s.Lock.H), class("lk"))
	}
	writeText(c, s.Label, "lb")
	if ride {
		c.Gend()
	}
	c.Gend()
}

// rideCenter is the middle of a message's number and label, side by side.
func rideCenter(s *layout.Step) int {
	l := s.Label.Box(0)
	return (min(s.Badge.X, l.X) + max(s.Badge.X+s.Badge.W, l.X+l.W)) / 2
}

// writeArrow draws a message's line and its end: an arrowhead whose tip
// touches the receiver's lifeline, or the cross of a lost message. A secure
// message's line is doubled, a tunnel, so it stands out in any colour.
// The current message's end is grouped with an invisible line as long as
// the message, so the stylesheet can move it by its own width (100% of its
// fill box) from the sender to the receiver, without inline style.
func writeArrow(c *svgo.SVG, s *layout.Step, current bool) {
	end := s.End()
	prev := s.Path[len(s.Path)-2]
	dir := 1
	if end.X < prev.X {
		dir = -1
	}
	var b strings.Builder
	for j, p := range s.Path {
		x := p.X
		if j == len(s.Path)-1 && !s.Lost {
			x -= dir * layout.ArrowHead // stop where the head begins, so the line never pokes through its tip
		}
		cmd := "L"
		if j == 0 {
			cmd = "M"
		}
		fmt.Fprintf(&b, "%s%d %d", cmd, x, p.Y)
	}
	c.Path(b.String(), class("l"))
	if s.Secure {
		c.Path(b.String(), class("l2"))
	}
	if current && end.X != s.Path[0].X {
		c.Group(class("tip"))
		c.Line(s.Path[0].X, end.Y, end.X, end.Y, class("sp"))
		defer c.Gend()
	}
	if s.Lost {
		k := layout.CrossSize
		c.Path(fmt.Sprintf("M%d %dl%d %dM%d %dl%d %d", end.X-k, end.Y-k, 2*k, 2*k, end.X-k, end.Y+k, 2*k, -2*k), class("x"))
		return
	}
	bx := end.X - dir*layout.ArrowHead
	c.Polygon([]int{end.X, bx, bx}, []int{end.Y, end.Y - layout.ArrowHalf, end.Y + layout.ArrowHalf}, class("ah"))
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
