package layout

// fit frames the phases across the width of everything drawn, then moves the
// whole diagram so that it sits inside the margins. In lanes the frames
// leave out the heads, whose outer ones reach over the frames' padding
// (see placeLanes).
func fit(d *Diagram) {
	minX, maxX := d.Actors[0].Head.X, d.Width
	grow := func(lo, hi int) {
		minX, maxX = min(minX, lo), max(maxX, hi)
	}
	heads := func() {
		for _, a := range d.Actors {
			grow(a.Head.X, a.Head.X+a.Head.W)
		}
	}
	if d.plan.lanes > 0 {
		minX = 0
	} else {
		heads()
	}
	for _, s := range d.Steps {
		grow(s.Badge.X, s.Badge.X+s.Badge.W)
		b := s.Label.Box(LabelSize)
		grow(b.X, b.X+b.W)
		for _, p := range s.Path {
			grow(p.X-CrossSize, p.X+CrossSize) // room for the cross of a lost message
		}
		if s.Note.W > 0 {
			grow(s.Note.X, s.Note.X+s.Note.W)
		}
		if s.Wait.Shown() {
			grow(s.Wait.Box.X, s.Wait.Box.X+s.Wait.Box.W)
		}
	}
	if len(d.Phases) > 0 {
		minX -= PhasePad
		maxX = max(maxX+PhasePad, minX+maxTab(d))
		for i := range d.Phases {
			p := &d.Phases[i]
			p.Box.X, p.Box.W = minX, maxX-minX
			p.Tab.X = minX
			p.Title.X = minX + PhaseTitlePad
		}
	}
	if d.plan.lanes > 0 {
		heads()
	}
	shift(d, Margin-minX, Margin)
	d.Width = maxX - minX + 2*Margin
	d.Height += 2 * Margin
}

func maxTab(d *Diagram) int {
	w := 0
	for _, p := range d.Phases {
		w = max(w, p.Tab.W)
	}
	return w
}

// shift moves every element by dx, dy.
func shift(d *Diagram, dx, dy int) {
	d.each(func(x *int) { *x += dx }, func(y *int) { *y += dy }, func(r *Rect) { r.X += dx; r.Y += dy }, func(*Anchor) {})
}

// mirror flips the diagram left to right for right-to-left languages: what
// was on the left is on the right, and texts anchored on their left are
// anchored on their right.
func mirror(d *Diagram) {
	w := d.Width
	d.each(func(x *int) { *x = w - *x }, func(*int) {}, func(r *Rect) { r.X = w - r.X - r.W }, func(a *Anchor) {
		switch *a {
		case Left:
			*a = Right
		case Right:
			*a = Left
		}
	})
}

// each calls fx on every x coordinate, fy on every y coordinate, fr on
// every box and fa on every text anchor of the diagram.
func (d *Diagram) each(fx, fy func(*int), fr func(*Rect), fa func(*Anchor)) {
	point := func(p *Point) { fx(&p.X); fy(&p.Y) }
	txt := func(t *Text) { fx(&t.X); fy(&t.Y); fa(&t.Anchor) }
	rect := func(r *Rect) {
		if r.W > 0 || r.H > 0 {
			fr(r)
		}
	}
	for i := range d.Actors {
		a := &d.Actors[i]
		fx(&a.X)
		fy(&a.LifelineTop)
		rect(&a.Head)
		rect(&a.Icon)
		txt(&a.Name)
	}
	for i := range d.Steps {
		s := &d.Steps[i]
		fy(&s.Top)
		fy(&s.Bottom)
		fy(&s.Reach)
		for j := range s.Path {
			point(&s.Path[j])
		}
		for j := range s.Arrivals {
			point(&s.Arrivals[j])
		}
		if s.Wait.Shown() {
			fy(&s.Wait.Top)
			fy(&s.Wait.Bottom)
			rect(&s.Wait.Box)
			txt(&s.Wait.Label)
		}
		rect(&s.Badge)
		txt(&s.Number)
		rect(&s.Lock)
		txt(&s.Label)
		rect(&s.Plate)
		rect(&s.Note)
	}
	for i := range d.Phases {
		p := &d.Phases[i]
		rect(&p.Box)
		rect(&p.Tab)
		txt(&p.Title)
	}
}
