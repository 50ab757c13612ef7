package svg

import "strconv"

// out builds an SVG file in memory. Each element has its own method that
// appends its tag with whole-number coordinates, so that drawing a step
// allocates nothing but the buffer: the build writes thousands of them.
type out struct{ b []byte }

func (o *out) str(s string) { o.b = append(o.b, s...) }

func (o *out) num(n int) { o.b = strconv.AppendInt(o.b, int64(n), 10) }

// attr appends name="n".
func (o *out) attr(name string, n int) {
	o.b = append(o.b, ' ')
	o.b = append(o.b, name...)
	o.b = append(o.b, `="`...)
	o.num(n)
	o.b = append(o.b, '"')
}

// class appends class="c" and closes the tag, empty or not.
func (o *out) class(c string, empty bool) {
	o.str(` class="`)
	o.str(c)
	if empty {
		o.str("\"/>\n")
	} else {
		o.str(`">`)
	}
}

// escape appends s as XML character data or attribute value.
func (o *out) escape(s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		case '&':
			rep = "&amp;"
		case '"':
			rep = "&#34;"
		case '\'':
			rep = "&#39;"
		default:
			continue
		}
		o.str(s[last:i])
		o.str(rep)
		last = i + 1
	}
	o.str(s[last:])
}

func (o *out) rect(x, y, w, h, r int, class string) {
	o.str("<rect")
	o.attr("x", x)
	o.attr("y", y)
	o.attr("width", w)
	o.attr("height", h)
	if r > 0 {
		o.attr("rx", r)
	}
	o.class(class, true)
}

func (o *out) circle(cx, cy, r int, class string) {
	o.str("<circle")
	o.attr("cx", cx)
	o.attr("cy", cy)
	o.attr("r", r)
	o.class(class, true)
}

func (o *out) line(x1, y1, x2, y2 int, class string) {
	o.str("<line")
	o.attr("x1", x1)
	o.attr("y1", y1)
	o.attr("x2", x2)
	o.attr("y2", y2)
	o.class(class, true)
}

func (o *out) use(x, y, w, h int, href, class string) {
	o.str(`<use href="#`)
	o.str(href)
	o.str(`"`)
	o.attr("x", x)
	o.attr("y", y)
	o.attr("width", w)
	o.attr("height", h)
	o.class(class, true)
}

// path appends a <path> whose data is given as commands and points: each
// command letter is followed by that many numbers from pts.
func (o *out) path(cmds string, pts []int, class string) {
	o.str(`<path d="`)
	k := 0
	for i := 0; i < len(cmds); i++ {
		c := cmds[i]
		o.b = append(o.b, c)
		n := 2
		switch c {
		case 'H', 'V':
			n = 1
		case 'Z':
			n = 0
		}
		for j := 0; j < n; j++ {
			if j > 0 {
				o.b = append(o.b, ' ')
			}
			o.num(pts[k])
			k++
		}
	}
	o.str(`"`)
	o.class(class, true)
}

// group opens a <g> with a class and, if not empty, an id.
func (o *out) group(class, id string) {
	o.str(`<g class="`)
	o.str(class)
	if id != "" {
		o.str(`" id="`)
		o.escape(id)
	}
	o.str("\">\n")
}

func (o *out) end(tag string) {
	o.str("</")
	o.str(tag)
	o.str(">\n")
}
