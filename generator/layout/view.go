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
	// InFlight lists the steps before First whose messages are still in
	// flight in the window: they arrive in its rows. Their lines and ends
	// are drawn, under the pinned heads; their labels, above the window's
	// rows, are not.
	InFlight []int
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
		head := d.headsBottom() - Margin + HeadToFirstRow
		for v.First = 0; v.First < n && v.Bottom-(d.rowTop(v.First)-head) > ViewHeight-Margin; v.First++ {
		}
		if v.First > 0 {
			v.Top = d.rowTop(v.First) - head - Margin
			v.HeadShift = v.Top
		}
	}
	for m := range v.First {
		if s := &d.Steps[m]; s.Sloped() && m+s.Transit >= v.First {
			v.InFlight = append(v.InFlight, m) // arrives in the window's first row or later
		}
	}
	for _, p := range d.Phases {
		if p.First > n || p.Last < v.First {
			continue
		}
		if p.First < v.First {
			// Begun above the window: bring its title down to the first row.
			top := d.lead(v.First) - phaseHeader()
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

// rowTop is where step i's row begins, with its wait and the title tab of
// a phase it opens.
func (d *Diagram) rowTop(i int) int {
	for _, p := range d.Phases {
		if p.First == i {
			return min(p.Box.Y, d.lead(i))
		}
	}
	// A step inside a phase needs room for that phase's tab when it is the
	// first one in view.
	for _, p := range d.Phases {
		if p.First < i && i <= p.Last {
			return d.lead(i) - phaseHeader()
		}
	}
	return d.lead(i)
}

// lead is the top of step i's row, or of the wait above it.
func (d *Diagram) lead(i int) int {
	if w := &d.Steps[i].Wait; w.Shown() {
		return w.Top
	}
	return d.Steps[i].Top
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
