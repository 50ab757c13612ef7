package svg

// iconSize is the side of the square every icon is drawn in.
const iconSize = 24

// icons are each actor kind's icon as line art in a 24×24 square, stroked
// with currentColor so that CSS colours it.
var icons = map[string]string{
	"pc":       `<rect x="3" y="4" width="18" height="12" rx="1"/><path d="M12 16v4M8 20h8"/>`,
	"phone":    `<rect x="7" y="2" width="10" height="20" rx="2"/><path d="M11 18h2"/>`,
	"server":   `<rect x="4" y="3" width="16" height="5" rx="1"/><rect x="4" y="10" width="16" height="5" rx="1"/><rect x="4" y="17" width="16" height="5" rx="1"/><path d="M7 5.5h1M7 12.5h1M7 19.5h1"/>`,
	"router":   `<rect x="3" y="13" width="18" height="7" rx="1"/><path d="M7 13 5 6M17 13l2-7M7 16.5h1M10 16.5h1"/>`,
	"dns":      `<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3c2.5 2.5 3.8 5.5 3.8 9s-1.3 6.5-3.8 9c-2.5-2.5-3.8-5.5-3.8-9S9.5 5.5 12 3"/>`,
	"ca":       `<path d="M14 18H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h16a1 1 0 0 1 1 1v7M7 8h10M7 11h6"/><circle cx="18" cy="16" r="3"/><path d="M16.5 18.5 16 22l2-1 2 1-.5-3.5"/>`,
	"cloud":    `<path d="M7 19h10.5a4 4 0 0 0 .4-8A6 6 0 0 0 6.3 12.2 3.5 3.5 0 0 0 7 19z"/>`,
	"database": `<ellipse cx="12" cy="6" rx="7" ry="3"/><path d="M5 6v12c0 1.7 3.1 3 7 3s7-1.3 7-3V6M5 12c0 1.7 3.1 3 7 3s7-1.3 7-3"/>`,
	"person":   `<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>`,
	"switch":   `<rect x="2" y="7" width="20" height="10" rx="1"/><path d="M6 10h9l-2-2M18 14H9l2 2"/>`,
	"firewall": `<rect x="3" y="5" width="18" height="15"/><path d="M3 10h18M3 15h18M9 5v5M15 5v5M6 10v5M12 10v5M18 10v5M9 15v5M15 15v5"/>`,
	"mail":     `<rect x="3" y="6" width="18" height="13" rx="1"/><path d="M3 7l9 6 9-6"/>`,
}

// lockIcon is the padlock drawn before a secure message's label, in a
// 10×13 box.
const lockIcon = `<rect x="1" y="5" width="8" height="7" rx="1"/><path d="M3 5V3.5a2 2 0 0 1 4 0V5"/>`

// symbol writes one <symbol>. Its presentation attributes are on the symbol,
// not in CSS: Chromium does not match document style rules inside a <use>
// instance, but inheritance works.
func (o *out) symbol(id string, w, h int, shapes string) {
	o.str(`<symbol id="`)
	o.str(id)
	o.str(`" viewBox="0 0 `)
	o.num(w)
	o.str(" ")
	o.num(h)
	o.str(`" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">`)
	o.str(shapes)
	o.str("</symbol>\n")
}
