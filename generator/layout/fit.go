package layout

// fit frames the phases across the width of everything drawn, then moves the
// whole diagram so that it sits inside the margins.
func fit(d *Diagram) {
	minX, maxX := d.Actors[0].Head.X, d.Width
	grow := func(lo, hi int) {
		minX, maxX = min(minX, lo), max(maxX, hi)
	}
	for _, a := range d.Actors {
		grow(a.Head.X, a.Head.X+a.Head.W)
	}
	for _, s := range d.Steps {
		grow(s.Number.X-NumberRadius, s.Number.X+NumberRadius)
		grow(textBounds(s.Label))
		for _, p := range s.Path {
			grow(p.X-CrossSize, p.X+CrossSize) // room for the cross of a lost message
		}
		if s.Note.W > 0 {
			grow(s.Note.X, s.Note.X+s.Note.W)
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

// textBounds is the horizontal extent of a left-to-right text.
func textBounds(t Text) (int, int) {
	if t.Anchor == Middle {
		return t.X - t.Width/2, t.X + (t.Width+1)/2
	}
	return t.X, t.X + t.Width
}

// shift moves every element by dx, dy.
func shift(d *Diagram, dx, dy int) {
	d.each(func(x *int) { *x += dx }, func(y *int) { *y += dy }, func(r *Rect) { r.X += dx; r.Y += dy })
}

// mirror flips the diagram left to right for right-to-left languages. Texts
// keep their anchor: the SVG writer gives them a right-to-left direction, in
// which "start" is the right end.
func mirror(d *Diagram) {
	w := d.Width
	d.each(func(x *int) { *x = w - *x }, func(*int) {}, func(r *Rect) { r.X = w - r.X - r.W })
}

// each calls fx on every x coordinate, fy on every y coordinate, and fr on
// every box of the diagram.
func (d *Diagram) each(fx, fy func(*int), fr func(*Rect)) {
	point := func(p *Point) { fx(&p.X); fy(&p.Y) }
	txt := func(t *Text) { fx(&t.X); fy(&t.Y) }
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
		for j := range s.Path {
			point(&s.Path[j])
		}
		point(&s.Number)
		rect(&s.Lock)
		txt(&s.Label)
		rect(&s.Note)
	}
	for i := range d.Phases {
		p := &d.Phases[i]
		rect(&p.Box)
		rect(&p.Tab)
		txt(&p.Title)
	}
}
