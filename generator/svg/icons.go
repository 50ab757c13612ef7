package svg

import (
	"fmt"

	svgo "github.com/ajstarks/svgo"
)

// iconSize is the side of the square every icon is drawn in.
const iconSize = 24

// icons draws each actor kind's icon as line art in a 24×24 square, with
// currentColor so that CSS colours it.
var icons = map[string]func(c *svgo.SVG){
	"pc": func(c *svgo.SVG) {
		c.Roundrect(3, 4, 18, 12, 1, 1)
		c.Path("M12 16v4M8 20h8")
	},
	"phone": func(c *svgo.SVG) {
		c.Roundrect(7, 2, 10, 20, 2, 2)
		c.Path("M11 18h2")
	},
	"server": func(c *svgo.SVG) {
		c.Roundrect(4, 3, 16, 5, 1, 1)
		c.Roundrect(4, 10, 16, 5, 1, 1)
		c.Roundrect(4, 17, 16, 5, 1, 1)
		c.Path("M7 5.5h1M7 12.5h1M7 19.5h1")
	},
	"router": func(c *svgo.SVG) {
		c.Roundrect(3, 13, 18, 7, 1, 1)
		c.Path("M7 13 5 6M17 13l2-7M7 16.5h1M10 16.5h1")
	},
	"dns": func(c *svgo.SVG) {
		c.Circle(12, 12, 9)
		c.Path("M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3")
	},
	"ca": func(c *svgo.SVG) {
		c.Path("M14 18H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v7M7 8h10M7 11h6")
		c.Circle(18, 16, 3)
		c.Path("M16.5 18.5 16 22l2-1 2 1-.5-3.5")
	},
	"cloud": func(c *svgo.SVG) {
		c.Path("M7 19h10.5a4 4 0 0 0 .4-8A6 6 0 0 0 6.3 12.2 3.5 3.5 0 0 0 7 19z")
	},
	"database": func(c *svgo.SVG) {
		c.Ellipse(12, 6, 7, 3)
		c.Path("M5 6v12c0 1.7 3.1 3 7 3s7-1.3 7-3V6M5 12c0 1.7 3.1 3 7 3s7-1.3 7-3")
	},
	"person": func(c *svgo.SVG) {
		c.Circle(12, 8, 4)
		c.Path("M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7")
	},
	"switch": func(c *svgo.SVG) {
		c.Roundrect(2, 7, 20, 10, 1, 1)
		c.Path("M6 10h9l-2-2M18 14H9l2 2")
	},
	"firewall": func(c *svgo.SVG) {
		c.Rect(3, 5, 18, 15)
		c.Path("M3 10h18M3 15h18M9 5v5M15 5v5M6 10v5M12 10v5M18 10v5M9 15v5M15 15v5")
	},
	"mail": func(c *svgo.SVG) {
		c.Roundrect(3, 6, 18, 13, 1, 1)
		c.Path("M3 7l9 6 9-6")
	},
	"laptop": func(c *svgo.SVG) {
		c.Roundrect(4, 4, 16, 11, 1, 1)
		c.Path("M2 19h20l-2-4H4z")
	},
	"tablet": func(c *svgo.SVG) {
		c.Roundrect(4, 2, 16, 20, 2, 2)
		c.Path("M11 18.5h2")
	},
	"access-point": func(c *svgo.SVG) {
		c.Roundrect(4, 17, 16, 4, 2, 2)
		c.Path("M9.2 12.2a4 4 0 0 1 5.6 0M6.4 9.4a8 8 0 0 1 11.2 0M3.6 6.6a12 12 0 0 1 16.8 0M12 14.5v.5")
	},
	"load-balancer": func(c *svgo.SVG) {
		c.Circle(7, 12, 2)
		c.Path("M2 12h3M9 12h11M8.5 10.5 13 6h7M8.5 13.5 13 18h7M18 4l2 2-2 2M18 10l2 2-2 2M18 16l2 2-2 2")
	},
	"proxy": func(c *svgo.SVG) {
		c.Roundrect(8, 5, 8, 14, 1, 1)
		c.Path("M2 12h6M16 12h6M19 9l3 3-3 3M11 9h2M11 12h2M11 15h2")
	},
	"cdn": func(c *svgo.SVG) {
		c.Circle(12, 12, 3)
		c.Circle(5, 5, 2)
		c.Circle(19, 5, 2)
		c.Circle(5, 19, 2)
		c.Circle(19, 19, 2)
		c.Path("M6.5 6.5l3.4 3.4M17.5 6.5l-3.4 3.4M6.5 17.5l3.4-3.4M17.5 17.5l-3.4-3.4")
	},
}

// lockIcon is the padlock drawn before a secure message's label, in a
// 10×13 box.
func lockIcon(c *svgo.SVG) {
	c.Roundrect(1, 5, 8, 7, 1, 1)
	c.Path("M3 5V3.5a2 2 0 0 1 4 0V5")
}

// symbol writes one <symbol>; svgo has no call for it, so its tags are
// written here and its shapes by svgo.
func symbol(c *svgo.SVG, id string, w, h int, draw func(*svgo.SVG)) {
	// Presentation attributes on the symbol, not CSS: Chromium does not
	// match document style rules inside a <use> instance, but inheritance works.
	fmt.Fprintf(c.Writer, "<symbol id=\"%s\" viewBox=\"0 0 %d %d\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" stroke-linecap=\"round\" stroke-linejoin=\"round\">\n", id, w, h)
	draw(c)
	fmt.Fprintln(c.Writer, "</symbol>")
}
