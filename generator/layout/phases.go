package layout

import (
	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/text"
)

// phaseTabHeight is the height of a phase's title tab.
func phaseTabHeight() int {
	return ascent(NoteSize) + descent(NoteSize, []string{"\u0627"}) + 2*PhaseTitlePad
}

// phaseHeader is the room a phase needs above its first row: the frame's
// padding, the title tab, and the gap below it.
func phaseHeader() int { return PhasePad + phaseTabHeight() + PhaseTabGap }

// framePhases draws a frame around each run of consecutive steps with the
// same phase. Their width is set by fit, once everything else is placed.
func framePhases(d *Diagram, s *content.Scene) {
	for i := 0; i < len(s.Steps); {
		p := s.Steps[i].Phase
		j := i
		for j+1 < len(s.Steps) && s.Steps[j+1].Phase == p {
			j++
		}
		if p != "" {
			top := d.Steps[i].Top - phaseHeader()
			bottom := d.Steps[j].Bottom + PhasePad
			title := wrap(p, NoteSize, text.Bold, 1<<20, d.RTL)
			d.Phases = append(d.Phases, Phase{
				First: i, Last: j,
				Box:   Rect{Y: top, H: bottom - top},
				Tab:   Rect{Y: top, W: title.Width + 2*PhaseTitlePad + PhaseTabNotch, H: phaseTabHeight()},
				Title: title,
			})
			d.Phases[len(d.Phases)-1].Title.Y = top + PhaseTitlePad + ascent(NoteSize)
		}
		i = j + 1
	}
}
