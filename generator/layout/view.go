package layout

// View is the part of a diagram that a step's picture shows: everything
// from the top down to the step's row, so that the whole story so far is
// there to scroll back through. Coordinates stay those of the whole
// diagram, so an element keeps its place from one step to the next; only
// the bottom moves.
type View struct {
	// Top and Bottom bound the view, in diagram coordinates.
	Top, Bottom int
	// Phases give each phase frame as drawn in this view: shortened to its
	// steps so far. Phases not begun yet are absent.
	Phases []Phase
}

// ViewAt is the view of step n, counting from 0; n < 0 views the whole
// diagram.
func (d *Diagram) ViewAt(n int) View {
	if n < 0 || n >= len(d.Steps) {
		return View{Top: 0, Bottom: d.Height, Phases: d.Phases}
	}
	v := View{Bottom: d.bottomAt(n)}
	for _, p := range d.Phases {
		if p.First > n {
			continue
		}
		if n < p.Last {
			// Still going on: the frame ends just below the current step.
			p.Box.H = d.Steps[n].Bottom + PhasePad - p.Box.Y
		}
		v.Phases = append(v.Phases, p)
	}
	return v
}

// HeadsHeight is the height of the band at the top of the diagram that
// holds the actors' heads: what a page pins above the rows while the
// reader scrolls back through earlier steps.
func (d *Diagram) HeadsHeight() int {
	return d.headsBottom() + HeadToFirstRow/2
}

// bottomAt is where the diagram ends when it is drawn up to step n: just
// below that step's row, or the frame of the phase it is in.
func (d *Diagram) bottomAt(n int) int {
	bottom := d.Steps[n].Bottom
	for _, s := range d.Steps[:n+1] {
		bottom = max(bottom, s.Reach) // messages still in flight
	}
	for _, p := range d.Phases {
		if p.First <= n && n <= p.Last {
			bottom = max(bottom, d.Steps[n].Bottom+PhasePad)
			if n == p.Last {
				bottom = max(bottom, p.Box.Y+p.Box.H)
			}
		}
	}
	return bottom + Margin
}
