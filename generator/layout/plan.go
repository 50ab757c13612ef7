package layout

import "github.com/lessongen/lessongen/generator/content"

// plan is how a scene is laid out: how wide its texts may run before they
// wrap, and whether its actors stand in lanes (see Narrow).
type plan struct {
	labelWidth, noteWidth int
	// lanes is the width of a lanes layout's content, between the margins;
	// zero for the classic layout, where lifelines move apart to make room.
	lanes int
	// small is a phone's lanes layout: smaller names and icons.
	small bool
}

// nameSize and iconSize are the size of actor names and icons.
func (p plan) nameSize() int {
	if p.small {
		return LaneNameSize
	}
	return NameSize
}

func (p plan) iconSize() int {
	if p.small {
		return LaneIconSize
	}
	return IconSize
}

// classic is the plan of a layout whose labels wrap at labelWidth.
func classic(labelWidth int) plan {
	return plan{labelWidth: labelWidth, noteWidth: min(MaxNoteWidth, labelWidth)}
}

// Fit lays out a scene at most width units wide where it can, wrapping
// labels only as much as that needs: the classic layout with labels wrapped
// at MaxLabelWidth, or narrower in steps of FitStep down to MinFitLabel;
// failing that, lanes as Narrow lays them out, with the classic sizes of
// names and icons; failing that (too many actors for lanes of
// MinLanePitch), the classic layout at its narrowest.
func Fit(s *content.Scene, rtl bool, width int) *Diagram {
	var d *Diagram
	for lw := MaxLabelWidth; lw >= MinFitLabel; lw -= FitStep {
		if d = lay(s, rtl, classic(lw)); d.Width <= width {
			return d
		}
	}
	if n := lay(s, rtl, lanes(s, width, false)); n.Width <= width {
		return n
	}
	return d
}

// Narrow lays out a scene for a screen width units wide, a phone's: the
// actors stand in lanes of equal width across it, their heads in two
// staggered rows when a name does not fit one lane, and each message's
// label, number and padlock have a line of their own above the arrow, as
// wide as the diagram, centred over the arrow as far as the edges allow.
// The diagram is width wide unless its actors need lanes of MinLanePitch,
// or a phase's title more room.
func Narrow(s *content.Scene, rtl bool, width int) *Diagram {
	return lay(s, rtl, lanes(s, width, true))
}

// lanes is the plan of a lanes layout width wide, with small names and
// icons or not.
func lanes(s *content.Scene, width int, small bool) plan {
	inner := width - 2*Margin
	if hasPhase(s) {
		inner -= 2 * PhasePad // the frames reach beyond everything else
	}
	inner = max(inner, len(s.Actors)*MinLanePitch)
	// Room for the widest label block: its badge, padlock and gaps.
	text := inner - 2*NumberRadius - NumberGap - LockWidth - LockGap
	return plan{labelWidth: text, noteWidth: text - 2*NotePadX, lanes: inner, small: small}
}
