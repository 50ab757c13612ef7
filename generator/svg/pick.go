package svg

import (
	"fmt"
	"strings"

	"github.com/lessongen/lessongen/generator/layout"
)

// A page may hold a diagram twice: as laid out for its column, and in the
// lanes of layout.Narrow for a phone. Which one shows is the stylesheet's
// choice, made without script: the figure has the class FitClass names,
// and a container query per bucket of pickStep units shows the narrow one
// wherever the diagram's box is narrower than the wide one, which is never
// drawn smaller than its size, so its text never gets smaller than the
// layout's sizes.
const (
	pickStep  = 80
	pickFirst = 400 // the narrowest wide diagram that has a narrow one: wider than layout.PhoneWidth
	pickLast  = 880
)

// FitClass is the class of the figure that holds wide and its narrow
// layout, or "" when wide needs none: it is narrow enough for any phone,
// or too wide for the buckets.
func FitClass(wide *layout.Diagram) string {
	if wide.Width <= layout.PhoneWidth || wide.Width > pickLast {
		return ""
	}
	n := max(pickFirst, (wide.Width+pickStep-1)/pickStep*pickStep)
	return fmt.Sprintf("fit-%d", n)
}

// pickCSS shows a figure's narrow diagram and hides its wide one where the
// figure is narrower than its class's bucket. The custom properties cross
// from the query, which styles the figure's children, to the diagrams.
var pickCSS = func() string {
	var b strings.Builder
	b.WriteString(".diagram{container-type:inline-size}.diagram .lgd{display:var(--w,block)}.diagram .lgd.nw{display:var(--n,none)}")
	for n := pickFirst; n <= pickLast; n += pickStep {
		fmt.Fprintf(&b, "@container (width<%dpx){.fit-%d>*{--w:none;--n:block}}", n, n)
	}
	return b.String() + "\n"
}()
