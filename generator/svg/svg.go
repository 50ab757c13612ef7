// Package svg writes a laid-out diagram as SVG, one file per step.
//
// It knows nothing of YAML or pages: it draws a layout.Diagram up to a given
// step, marking earlier steps as past and the given one as current, with
// classes that its one <style> element (or the page's CSS) colours. It writes
// the markup itself, into one buffer per file, because the build writes two
// files for every step of every scene in every language.
//
// What a page can rely on: the root is svg.lgd; each actor is a group
// g#lgd-a-{id}, with class "on" when it takes part in the current step;
// each step is a group g#lgd-s{n} (n counting from 1) with class "past"
// before the current step and "now" for it. A long scene's step view shows
// only its most recent rows below the pinned actors (see layout.View), so
// the current step is on screen without the page scrolling.
package svg

import (
	"io"
	"sort"
	"strconv"
	"sync"

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
	o := pool.Get().(*out)
	defer func() { o.b = o.b[:0]; pool.Put(o) }()
	win := d.ViewAt(v.Step)
	last := v.Step
	if v.Step < 0 {
		last = len(d.Steps) - 1
	}
	if v.Standalone {
		o.str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	}
	height := win.Bottom - win.Top
	o.str(`<svg xmlns="http://www.w3.org/2000/svg" class="lgd" viewBox="0 `)
	for _, n := range []int{win.Top, d.Width, height} {
		o.num(n)
		o.str(" ")
	}
	o.b = o.b[:len(o.b)-1]
	o.str(`"`)
	o.attr("width", d.Width)
	o.attr("height", height)
	o.str(` role="img" aria-labelledby="lgd-t lgd-d" lang="`)
	o.escape(v.Lang)
	o.str("\">\n<title id=\"lgd-t\">")
	o.escape(v.Title)
	o.str("</title>\n<desc id=\"lgd-d\">")
	o.escape(v.Desc)
	o.str("</desc>\n<style>\n")
	o.str(style(v))
	o.str("</style>\n")
	writeDefs(o, d, win.First, last)
	// Frames go under the lifelines, title tabs over them.
	writePhases(o, d, win, v.Step, false)
	writeActors(o, d, v.Step, win)
	writePhases(o, d, win, v.Step, true)
	for i := win.First; i <= last; i++ {
		writeStep(o, d, i, v.Step)
	}
	o.str("</svg>\n")
	_, err := w.Write(o.b)
	return err
}

// pool keeps the buffers of files written, for the next ones.
var pool = sync.Pool{New: func() any { return &out{b: make([]byte, 0, 16<<10)} }}

// writeDefs defines each icon the diagram uses, once.
func writeDefs(o *out, d *layout.Diagram, first, last int) {
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
	o.str("<defs>\n")
	for _, k := range kinds {
		o.symbol("lgd-"+k, iconSize, iconSize, icons[k])
	}
	if lock {
		o.symbol("lgd-lock", 10, 13, lockIcon)
	}
	o.str("</defs>\n")
}

// writePhases draws the phase frames, or with tabs their title tabs.
func writePhases(o *out, d *layout.Diagram, win layout.View, step int, tabs bool) {
	for _, p := range win.Phases {
		cls := "ph"
		if step >= p.First && step <= p.Last {
			cls = "ph cur"
		}
		o.group(cls, "")
		if !tabs {
			o.rect(p.Box.X, p.Box.Y, p.Box.W, p.Box.H, 0, "fr")
			o.end("g")
			continue
		}
		// A tab with its lower outer corner cut, on the side the frame starts.
		t := p.Tab
		notch := layout.PhaseTabNotch
		x0, x1, in := t.X, t.X+t.W, -notch
		if d.RTL {
			x0, x1, in = x1, x0, notch
		}
		o.path("MHVLHZ", []int{x0, t.Y, x1, t.Y + t.H - notch, x1 + in, t.Y + t.H, x0}, "tab")
		writeText(o, p.Title, "pt")
		o.end("g")
	}
}

// writeActors draws the lifelines and, pinned at the top of the window,
// the actors' heads.
func writeActors(o *out, d *layout.Diagram, step int, win layout.View) {
	lo, hi := -1, -1 // the actors the current step involves
	if step >= 0 {
		s := d.Steps[step]
		lo, hi = min(s.From, s.To), max(s.From, s.To)
	}
	dy := win.HeadShift
	for i, a := range d.Actors {
		cls := "a"
		if i == lo || i == hi || (lo <= i && i <= hi && d.Steps[step].Kind == content.Note) {
			cls = "a on"
		}
		o.group(cls, "lgd-a-"+a.ID)
		o.line(a.X, a.LifelineTop+dy, a.X, win.Bottom-layout.Margin, "ll")
		h := a.Head
		o.rect(h.X, h.Y+dy, h.W, h.H, 6, "hd")
		if a.Kind != "" {
			o.use(a.Icon.X, a.Icon.Y+dy, a.Icon.W, a.Icon.H, "lgd-"+a.Kind, "ic")
		}
		name := a.Name
		name.Y += dy
		writeText(o, name, "nm")
		o.end("g")
	}
}

func writeStep(o *out, d *layout.Diagram, i, current int) {
	s := &d.Steps[i]
	cls := "s m"
	if s.Kind == content.Note {
		cls = "s n"
	}
	if s.Reply {
		cls += " rp"
	}
	if s.Secure {
		cls += " sc"
	}
	if s.Lost {
		cls += " lo"
	}
	switch {
	case current < 0:
	case i < current:
		cls += " past"
	default:
		cls += " now"
	}
	o.group(cls, "lgd-s"+strconv.Itoa(i+1))
	if s.Kind == content.Note {
		o.rect(s.Note.X, s.Note.Y, s.Note.W, s.Note.H, 4, "nb")
	} else {
		writeArrow(o, s)
	}
	b := s.Badge
	if b.W == b.H {
		o.circle(b.X+b.W/2, b.Y+b.H/2, b.H/2, "bd")
	} else {
		o.rect(b.X, b.Y, b.W, b.H, b.H/2, "bd")
	}
	writeText(o, s.Number, "nn")
	if s.Secure {
		o.use(s.Lock.X, s.Lock.Y, s.Lock.W, s.Lock.H, "lgd-lock", "lk")
	}
	writeText(o, s.Label, "lb")
	o.end("g")
}

// writeArrow draws a message's line and its end: an arrowhead whose tip
// touches the receiver's lifeline, or the cross of a lost message. A secure
// message's line is doubled, a tunnel, so it stands out in any colour.
func writeArrow(o *out, s *layout.Step) {
	end := s.End()
	prev := s.Path[len(s.Path)-2]
	dir := 1
	if end.X < prev.X {
		dir = -1
	}
	var buf [16]int
	pts := buf[:0]
	for j, p := range s.Path {
		x := p.X
		if j == len(s.Path)-1 && !s.Lost {
			x -= dir * layout.ArrowHead // stop where the head begins, so the line never pokes through its tip
		}
		pts = append(pts, x, p.Y)
	}
	cmds := "MLLL"[:len(s.Path)]
	o.path(cmds, pts, "l")
	if s.Secure {
		o.path(cmds, pts, "l2")
	}
	if s.Lost {
		k := layout.CrossSize
		o.path("MlMl", []int{end.X - k, end.Y - k, 2 * k, 2 * k, end.X - k, end.Y + k, 2 * k, -2 * k}, "x")
		return
	}
	bx := end.X - dir*layout.ArrowHead
	o.path("MLLZ", []int{end.X, end.Y, bx, end.Y - layout.ArrowHalf, bx, end.Y + layout.ArrowHalf}, "ah")
}

// writeText writes a text as one <text>, each further line a <tspan>. Its
// anchor, given as a side of the page, becomes the SVG text-anchor of its
// direction: the left end of right-to-left text is its end.
func writeText(o *out, t layout.Text, cls string) {
	if len(t.Lines) == 0 {
		return
	}
	o.str("<text")
	o.attr("x", t.X)
	o.attr("y", t.Y)
	o.str(` class="`)
	o.str(cls)
	switch {
	case t.Anchor == layout.Middle:
		o.str(" c")
	case (t.Anchor == layout.Right) != t.RTL:
		o.str(" e")
	}
	if t.RTL {
		o.str(" rtl")
	}
	o.str(`">`)
	for i, line := range t.Lines {
		if i > 0 {
			o.str("<tspan")
			o.attr("x", t.X)
			o.attr("dy", t.Pitch)
			o.str(">")
		}
		o.escape(line)
		if i > 0 {
			o.str("</tspan>")
		}
	}
	o.str("</text>\n")
}
