// Package svg writes a laid-out diagram as SVG, one file per step.
//
// It knows nothing of YAML or pages: it draws a layout.Diagram up to a given
// step, marking earlier steps as past and the given one as current, with
// classes that its one <style> element (or the page's CSS) colours. All SVG
// elements are written with svgo; the root and <symbol> tags, which svgo
// cannot write as needed here, by hand.
package svg

import (
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
	c := svgo.New(ew)
	last := v.Step
	height := d.Height
	if v.Step >= 0 {
		height = d.BottomAt(v.Step)
	} else {
		last = len(d.Steps) - 1
	}
	if v.Standalone {
		fmt.Fprintln(ew, `<?xml version="1.0" encoding="UTF-8"?>`)
	}
	dir := ""
	if d.RTL {
		dir = ` direction="rtl"`
	}
	fmt.Fprintf(ew, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="lgd" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="lgd-t lgd-d" lang="%s"%s>`+"\n",
		d.Width, height, d.Width, height, attr(v.Lang), dir)
	fmt.Fprintf(ew, "<title id=\"lgd-t\">%s</title>\n<desc id=\"lgd-d\">%s</desc>\n", text(v.Title), text(v.Desc))
	c.Style("text/css", style(v))
	writeDefs(c, d, last)
	// Frames go under the lifelines, title tabs over them.
	writePhases(c, d, v.Step, last, false)
	writeActors(c, d, v.Step, height-layout.Margin)
	writePhases(c, d, v.Step, last, true)
	for i := 0; i <= last; i++ {
		writeStep(c, d, i, v.Step)
	}
	c.End()
	return ew.err
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
		symbol(c, "lgd-"+k, iconSize, iconSize, icons[k])
	}
	if lock {
		symbol(c, "lgd-lock", 10, 13, lockIcon)
	}
	c.DefEnd()
}

// writePhases draws the phase frames, or with tabs their title tabs.
func writePhases(c *svgo.SVG, d *layout.Diagram, step, last int, tabs bool) {
	for _, p := range d.Phases {
		if p.First > last {
			continue
		}
		cls := "ph"
		if step >= p.First && step <= p.Last {
			cls += " cur"
		}
		if step == p.First {
			cls += " new" // the page's stylesheet animates a phase's arrival
		}
		c.Group(class(cls))
		if !tabs {
			bottom := p.Box.Y + p.Box.H
			if step >= 0 {
				bottom = p.BoxBottomAt(d, step)
			}
			c.Rect(p.Box.X, p.Box.Y, p.Box.W, bottom-p.Box.Y, class("fr"))
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

func writeActors(c *svgo.SVG, d *layout.Diagram, step, bottom int) {
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
	for i, a := range d.Actors {
		cls := "a"
		if involved[i] {
			cls += " on"
		}
		if i == receiver {
			cls += " to" // the page's stylesheet shows it receiving the message
		}
		c.Group(class(cls), fmt.Sprintf(`id="lgd-a-%s"`, attr(a.ID)))
		c.Line(a.X, a.LifelineTop, a.X, bottom, class("ll"))
		h := a.Head
		c.Roundrect(h.X, h.Y, h.W, h.H, 6, 6, class("hd"))
		if a.Kind != "" {
			c.Use(a.Icon.X, a.Icon.Y, "#lgd-"+a.Kind, fmt.Sprintf(`width="%d" height="%d"`, a.Icon.W, a.Icon.H), class("ic"))
		}
		writeText(c, a.Name, "nm")
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
	switch {
	case current < 0:
	case i < current:
		cls = append(cls, "past")
	default:
		cls = append(cls, "now")
	}
	attrs := []string{class(strings.Join(cls, " ")), fmt.Sprintf(`id="lgd-s%d"`, i+1)}
	if i == current && s.Kind == content.Message {
		// Where the message leaves from and how far it goes, for the page's
		// stylesheet to draw its arrival: CSS cannot read a path's geometry.
		attrs = append(attrs, fmt.Sprintf(`style="--x0:%d;--dx:%d"`, s.Path[0].X, s.End().X-s.Path[0].X))
	}
	c.Group(attrs...)
	if s.Kind == content.Note {
		c.Roundrect(s.Note.X, s.Note.Y, s.Note.W, s.Note.H, 4, 4, class("nb"))
	} else {
		writeArrow(c, s)
	}
	c.Circle(s.Number.X, s.Number.Y, layout.NumberRadius, class("nc"))
	c.Text(s.Number.X, s.Number.Y+4, fmt.Sprint(i+1), class("nn"))
	if s.Secure {
		c.Use(s.Lock.X, s.Lock.Y, "#lgd-lock", fmt.Sprintf(`width="%d" height="%d"`, s.Lock.W, s.Lock.H), class("lk"))
	}
	writeText(c, s.Label, "lb")
	c.Gend()
}

// writeArrow draws a message's line and its end: an arrowhead whose tip
// touches the receiver's lifeline, or the cross of a lost message.
func writeArrow(c *svgo.SVG, s *layout.Step) {
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
		fmt.Fprintf(&b, "%s%d %d", map[bool]string{true: "M", false: "L"}[j == 0], x, p.Y)
	}
	c.Path(b.String(), class("l"))
	if s.Lost {
		k := layout.CrossSize
		c.Path(fmt.Sprintf("M%d %dl%d %dM%d %dl%d %d", end.X-k, end.Y-k, 2*k, 2*k, end.X-k, end.Y+k, 2*k, -2*k), class("x"))
		return
	}
	bx := end.X - dir*layout.ArrowHead
	c.Polygon([]int{end.X, bx, bx}, []int{end.Y, end.Y - layout.ArrowHalf, end.Y + layout.ArrowHalf}, class("ah"))
}

// writeText writes one <text> per line.
func writeText(c *svgo.SVG, t layout.Text, cls string) {
	anchor := ""
	if t.Anchor == layout.Middle {
		anchor = ` text-anchor="middle"`
	}
	for i, line := range t.Lines {
		c.Text(t.X, t.Y+i*t.Pitch, line, class(cls)+anchor)
	}
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
