package svg

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	svgo "github.com/ajstarks/svgo"
	"github.com/lessongen/lessongen/generator/layout"
)

// An animation is one self-contained SVG of a whole scene that plays its
// steps with CSS alone, for places that show an SVG only as an image and
// never run a script (a README on GitHub). Each step is drawn twice: as in
// the overview, and as the current step; keyframes show the current copy
// while the step is on, then the overview copy. Under reduced motion, or
// where CSS animations do not run, the file is the overview, still.
//
// What a test can rely on: the root has data-cycle, the loop's length in
// seconds; each current copy is g#lga-n{n} with data-t, the second its
// step comes on, and data-e, the second it goes off.

// Font is a font file the animation embeds, as a data: URI.
type Font struct {
	// Script is "latin", "arabic" or "hebrew": the text that needs it.
	Script string
	Weight string
	Data   []byte
}

// AnimationView says how to describe the animation and what it embeds.
type AnimationView struct {
	Title, Desc, Lang string
	// CSS is the theme's diagram stylesheet, as for a standalone step.
	CSS string
	// Fonts are the diagram's font files; those for scripts the scene
	// does not use are left out.
	Fonts []Font
}

// Timing constants, in seconds: a step stays on long enough to read its
// label at a slow reading pace, the last one longer, and the loop starts
// with the bare actors so that a reader sees it start again.
const (
	animIntro    = 1.0
	animBase     = 1.6
	animPerChar  = 0.045
	animMinDwell = 2.2
	animMaxDwell = 6.0
	animEndPause = 4.0
	animFade     = 0.25
)

// Timing returns when each step of d comes on, in seconds from the start of
// the loop, and the loop's length.
func Timing(d *layout.Diagram) (start []float64, cycle float64) {
	t := animIntro
	start = make([]float64, len(d.Steps))
	for i, s := range d.Steps {
		start[i] = t
		n := 0
		for _, l := range s.Label.Lines {
			n += utf8.RuneCountInString(l)
		}
		t += min(max(animBase+animPerChar*float64(n), animMinDwell), animMaxDwell)
	}
	return start, t + animEndPause
}

// Animation writes the animation of d.
func Animation(w io.Writer, d *layout.Diagram, v AnimationView) error {
	ew := &errWriter{w: w}
	start, cycle := Timing(d)
	end := func(i int) float64 {
		if i+1 < len(start) {
			return start[i+1]
		}
		return cycle
	}
	win := d.ViewAt(-1)
	io.WriteString(ew, xmlDecl)
	fmt.Fprintf(ew, `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="lgd lga" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="lgd-t lgd-d" lang="%s" data-cycle="%s">`+"\n",
		d.Width, d.Height, d.Width, d.Height, attr(v.Lang), seconds(cycle))
	fmt.Fprintf(ew, "<title id=\"lgd-t\">%s</title>\n<desc id=\"lgd-d\">%s</desc>\n", text(v.Title), text(v.Desc))

	var css strings.Builder
	css.WriteString(embeddedFonts(d, v.Fonts))
	css.WriteString(textCSS)
	css.WriteString(v.CSS)
	css.WriteString(".lga .lga-n{opacity:0}\n")
	fmt.Fprintf(&css, ".lga .lga-n,.lga .lga-o,.lga .lga-f{animation:%ss linear infinite}\n", seconds(cycle))
	for i := range d.Steps {
		n := i + 1
		keyframes(&css, "lga-n"+strconv.Itoa(n), cycle, start[i], end(i))
		keyframes(&css, "lga-o"+strconv.Itoa(n), cycle, end(i), cycle)
		fmt.Fprintf(&css, "#lga-n%d{animation-name:lga-n%d}#lga-o%d{animation-name:lga-o%d}\n", n, n, n, n)
	}
	for k, p := range win.Phases {
		keyframes(&css, "lga-f"+strconv.Itoa(k+1), cycle, start[p.First], cycle)
		fmt.Fprintf(&css, "#lga-f%d,#lga-f%dt{animation-name:lga-f%d}\n", k+1, k+1, k+1)
	}
	// Still, as the overview, for readers who ask for less motion.
	css.WriteString("@media (prefers-reduced-motion:reduce){.lga .lga-n,.lga .lga-o,.lga .lga-f{animation:none}}\n")
	svgo.New(ew).Style("text/css", css.String())

	c := svgo.New(ew)
	writeDefs(c, d, len(d.Steps)-1)
	// Frames go under the lifelines, title tabs over them, as in a step.
	for _, tabs := range []bool{false, true} {
		for k, p := range win.Phases {
			one := win
			one.Phases = []layout.Phase{p}
			id := fmt.Sprintf(`id="lga-f%d"`, k+1)
			if tabs {
				id = fmt.Sprintf(`id="lga-f%dt"`, k+1)
			}
			c.Group(`class="lga-f"`, id)
			writePhases(c, d, one, -1, tabs)
			c.Gend()
		}
		if !tabs {
			writeActors(c, d, -1, win.Bottom)
		}
	}
	var b bytes.Buffer
	for i := range d.Steps {
		n := i + 1
		// The overview's copy, then the current one over it.
		for _, copy := range []struct {
			current int
			id      string
		}{{-1, fmt.Sprintf(`class="lga-o" id="lga-o%d"`, n)}, {i, fmt.Sprintf(`class="lga-n" id="lga-n%d" data-t="%s" data-e="%s"`, n, seconds(start[i]), seconds(end(i)))}} {
			b.Reset()
			writeStep(svgo.New(&b), d, i, copy.current)
			// The step's own id would be there twice; the wrapper names it.
			fmt.Fprintf(ew, "<g %s>\n", copy.id)
			ew.Write(bytes.Replace(b.Bytes(), []byte(fmt.Sprintf(` id="lgd-s%d"`, n)), nil, 1))
			io.WriteString(ew, "</g>\n")
		}
	}
	c.End()
	return ew.err
}

// keyframes writes an animation that shows an element, fading, from on to
// off seconds into a loop of cycle seconds, and hides it otherwise.
func keyframes(b *strings.Builder, name string, cycle, on, off float64) {
	pc := func(t float64) string { return strconv.FormatFloat(min(max(t/cycle*100, 0), 100), 'f', 3, 64) + "%" }
	fadeIn := min(on+animFade, off)
	switch {
	case on >= cycle: // never shown while the loop plays: the last step's overview copy
		fmt.Fprintf(b, "@keyframes %s{0%%,100%%{opacity:0}}\n", name)
		return
	case off >= cycle:
		fmt.Fprintf(b, "@keyframes %s{0%%,%s{opacity:0}%s,100%%{opacity:1}}\n", name, pc(on), pc(fadeIn))
		return
	}
	fmt.Fprintf(b, "@keyframes %s{0%%,%s{opacity:0}%s,%s{opacity:1}%s,100%%{opacity:0}}\n", name, pc(on), pc(fadeIn), pc(off-0.001), pc(off))
}

// seconds formats a time for attributes and CSS.
func seconds(t float64) string {
	return strconv.FormatFloat(t, 'f', 2, 64)
}

// embeddedFonts declares the fonts for the scripts d's text uses, inline:
// an SVG shown as an image may load nothing else. Text that is all in the
// core of Latin (ASCII and common punctuation, as English and most CJK
// diagrams are) gets the core subset, a third of the Latin font's size.
func embeddedFonts(d *layout.Diagram, fonts []Font) string {
	need := map[string]bool{}
	see := func(t layout.Text) {
		for _, l := range t.Lines {
			for _, r := range l {
				switch {
				case unicode.Is(unicode.Arabic, r):
					need["arabic"] = true
				case unicode.Is(unicode.Hebrew, r):
					need["hebrew"] = true
				case !inCore(r) && inRanges(r, latinRange):
					need["latin"] = true
				}
			}
		}
	}
	for _, a := range d.Actors {
		see(a.Name)
	}
	for _, s := range d.Steps {
		see(s.Label)
		see(s.Number)
	}
	for _, p := range d.Phases {
		see(p.Title)
	}
	have := map[string]bool{}
	for _, f := range fonts {
		have[f.Script] = true
	}
	if !need["latin"] && !have["latin-core"] {
		need["latin"] = true
	}
	need["latin-core"] = !need["latin"]
	ranges := map[string]string{"latin": latinRange, "latin-core": coreRange, "arabic": arabicRange, "hebrew": hebrewRange}
	var b strings.Builder
	for _, f := range fonts {
		if !need[f.Script] {
			continue
		}
		b.WriteString(`@font-face{font-family:"lessongen diagram";font-weight:` + f.Weight +
			`;src:url(data:font/woff2;base64,` + base64.StdEncoding.EncodeToString(f.Data) + `) format("woff2");unicode-range:` + ranges[f.Script] + "}\n")
	}
	return b.String()
}

// coreRange is what the core subset of the Latin font holds, as
// generator/text/fontdata/build.py makes it.
const coreRange = "U+0020-007E,U+00A0,U+2013-2014,U+2018-2019,U+201C-201D,U+2026,U+2192"

func inCore(r rune) bool { return inRanges(r, coreRange) }

// inRanges reports whether r is in a unicode-range list ("U+0020-007E,U+00A0").
func inRanges(r rune, ranges string) bool {
	for _, part := range strings.Split(ranges, ",") {
		lo, hi, _ := strings.Cut(strings.TrimPrefix(part, "U+"), "-")
		if hi == "" {
			hi = lo
		}
		a, _ := strconv.ParseUint(lo, 16, 32)
		b, _ := strconv.ParseUint(hi, 16, 32)
		if uint64(r) >= a && uint64(r) <= b {
			return true
		}
	}
	return false
}
