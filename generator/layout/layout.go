package layout

import (
	"math"
	"strconv"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/text"
)

// Scene lays out a scene. It reads as the recipe: measure the labels, place
// the actors, place the rows (and route the messages in flight), back the
// labels they cross, frame the phases, then shift everything into the
// margins and mirror it for right-to-left languages.
func Scene(s *content.Scene, rtl bool) *Diagram {
	return lay(s, rtl, classic(MaxLabelWidth))
}

// lay lays out a scene by plan p; see Scene.
func lay(s *content.Scene, rtl bool, p plan) *Diagram {
	d := &Diagram{RTL: rtl, Narrow: p.small, plan: p}
	labels := measureLabels(s, p, rtl)
	if p.lanes > 0 {
		placeLanes(d, s)
	} else {
		placeActors(d, s, labels)
	}
	placeRows(d, s, labels)
	plate(d)
	framePhases(d, s)
	fit(d)
	if rtl {
		mirror(d)
	}
	return d
}

// label is a step's text, wrapped and measured before anything is placed.
type label struct {
	text  Text
	badge int // the number badge's width
	// block is the width of the whole label: number badge, padlock and text.
	block int
	// wait is the text of the step's wait, if any.
	wait Text
}

func measureLabels(s *content.Scene, p plan, rtl bool) []label {
	out := make([]label, len(s.Steps))
	for i, st := range s.Steps {
		l := label{badge: badgeWidth(i + 1)}
		// The current step's label, a note's too, is drawn bold, and the
		// layout is the same on every step, so labels are measured bold: the
		// wider of the two.
		size, width := LabelSize, p.labelWidth
		if st.Kind == content.Note {
			size, width = NoteSize, p.noteWidth
		}
		l.text = wrap(st.Label, size, text.Bold, width, rtl)
		if st.Wait != "" {
			l.wait = wrap(st.Wait, NoteSize, text.Regular, p.labelWidth, rtl)
			l.wait.Anchor = Middle
		}
		l.block = l.badge + NumberGap + l.text.Width
		if st.Secure {
			l.block += LockWidth + LockGap
		}
		out[i] = l
	}
	return out
}

// wrap breaks a text into lines of at most maxWidth and measures them. Its
// base direction is its own first strong character's, or the diagram's.
func wrap(s string, size int, style text.Style, maxWidth int, rtl bool) Text {
	s = text.StripControls(s)
	t := Text{Pitch: pitch(size), RTL: text.RTL(s, rtl)}
	t.Lines = balance(s, float64(size), style, float64(maxWidth))
	for i, line := range t.Lines {
		t.Width = max(t.Width, measure(line, size, style))
		t.Lines[i] = text.Isolate(line, t.RTL)
	}
	return t
}

// balance wraps s into as few lines as maxWidth allows, then narrows the
// width while the line count holds, so that the lines come out of even
// length rather than a full line over a lone word.
func balance(s string, size float64, style text.Style, maxWidth float64) []string {
	lines := text.Wrap(s, size, style, maxWidth)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := maxWidth/2, maxWidth // Wrap at hi gives len(lines) lines
	for hi-lo > 2 {
		mid := (lo + hi) / 2
		if len(text.Wrap(s, size, style, mid)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return text.Wrap(s, size, style, hi)
}

// measure is the width of a line, rounded up. Arabic gets one unit more:
// Chromium's boxes of Arabic text come out up to 0.7 units wider than its
// glyphs' advances add up to.
func measure(s string, size int, style text.Style) int {
	w := ceil(text.Width(s, float64(size), style))
	for _, r := range s {
		if 0x0600 <= r && r <= 0x06FF {
			return w + 1
		}
	}
	return w
}

// badgeWidth is the width of step n's number badge: a circle, stretched
// into a pill for a number too wide for it.
func badgeWidth(n int) int {
	w := ceil(text.Width(strconv.Itoa(n), NumberSize, text.Bold)) + 2*NumberPadX
	return max(2*NumberRadius, w)
}

// pitch is the distance between two baselines of wrapped text at size.
func pitch(size int) int { return ceil(float64(size) * LineHeight) }

// ascent is how far a line's glyphs reach above its baseline: the diagram
// font's ascender, which browsers also give Arabic and CJK text's boxes.
func ascent(size int) int { return ceil(float64(size) * 1.07) }

// descent is how far they reach below it: further in Arabic, whose letters
// have deep descenders, than in other scripts.
func descent(size int, lines []string) int {
	for _, l := range lines {
		for _, r := range l {
			if 0x0600 <= r && r <= 0x06FF {
				return ceil(float64(size) * 0.5)
			}
		}
	}
	return ceil(float64(size) * 0.3)
}

func ceil(f float64) int { return int(math.Ceil(f)) }
