package layout

// View is the part of a diagram that a step's picture shows: everything
// from the top down to the step's row, or, when that is taller than
// ViewHeight, the actors pinned at the top above the most recent rows.
// Coordinates stay those of the whole diagram, so an element keeps its
// place from one step to the next; only the window moves.
type View struct {
	// Top and Bottom bound the window, in diagram coordinates.
	Top, Bottom int
	// First is the first step shown; earlier steps scrolled out of view.
	First int
	// HeadShift is how far the actor heads move down to stay at the top of
	// the window; their lifelines start below them.
	HeadShift int
	// Phases give each phase frame as drawn in this view: shortened to its
	// steps so far, and with its top (and title tab) moved down to the
	// window's first row when it began above it. Phases not shown are absent.
	Phases []Phase
}

// ViewAt is the view of step n, counting from 0; n < 0 views the whole
// diagram.
func (d *Diagram) ViewAt(n int) View {
	if n < 0 || n >= len(d.Steps) {
		return View{Top: 0, Bottom: d.Height, Phases: d.Phases}
	}
	v := View{Bottom: d.bottomAt(n)}
	if v.Bottom > ViewHeight {
		// Drop rows from the top until the rest fits below the pinned heads.
		head := d.Actors[0].LifelineTop - Margin + HeadToFirstRow
		for v.First = 0; v.First < n && v.Bottom-(d.rowTop(v.First)-head) > ViewHeight-Margin; v.First++ {
		}
		if v.First > 0 {
			v.Top = d.rowTop(v.First) - head - Margin
			v.HeadShift = v.Top
		}
	}
	for _, p := range d.Phases {
		if p.First > n || p.Last < v.First {
			continue
		}
		if p.First < v.First {
			// Begun above the window: bring its title down to the first row.
			top := d.Steps[v.First].Top - phaseHeader()
			p.Tab.Y += top - p.Box.Y
			p.Title.Y += top - p.Box.Y
			p.Box.H -= top - p.Box.Y
			p.Box.Y = top
		}
		if n < p.Last {
			// Still going on: the frame ends just below the current step.
			p.Box.H = d.Steps[n].Bottom + PhasePad - p.Box.Y
		}
		v.Phases = append(v.Phases, p)
	}
	return v
}

// rowTop is where step i's row begins, with the title tab of a phase it
// opens.
func (d *Diagram) rowTop(i int) int {
	for _, p := range d.Phases {
		if p.First == i {
			return p.Box.Y
		}
	}
	// A step inside a phase needs room for that phase's tab when it is the
	// first one in view.
	for _, p := range d.Phases {
		if p.First < i && i <= p.Last {
			return d.Steps[i].Top - phaseHeader()
		}
	}
	return d.Steps[i].Top
}

// bottomAt is where the diagram ends when it is drawn up to step n: just
// below that step's row, or the frame of the phase it is in.
func (d *Diagram) bottomAt(n int) int {
	bottom := d.Steps[n].Bottom
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
