package synth

import (
	"fmt"
	"strings"
)

// LongScene is the YAML of a scene of n steps between the given number of
// actors, every kind of step in turn (note, message, reply, self-message,
// secure message) in phases of seven, for the layout and drawing tests and
// benchmarks.
func LongScene(n, actors int) string {
	var b strings.Builder
	b.WriteString("title: long\ntopic: t\nactors:\n")
	for i := range actors {
		fmt.Fprintf(&b, "  - {id: a%d, name: Actor %d, kind: server}\n", i, i)
	}
	b.WriteString("steps:\n")
	for i := range n {
		from, to := i%actors, (i+1)%actors
		phase := fmt.Sprintf("Phase %d", i/7)
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, "  - {note: a%d, label: Note %d, phase: %s}\n", from, i, phase)
		case 1:
			fmt.Fprintf(&b, "  - {from: a%d, to: a%d, label: Message %d with a longer label that wraps, phase: %s}\n", from, to, i, phase)
		case 2:
			fmt.Fprintf(&b, "  - {from: a%d, to: a%d, label: Reply %d, reply: true}\n", to, from, i)
		case 3:
			fmt.Fprintf(&b, "  - {from: a%d, to: a%d, label: Self %d}\n", from, from, i)
		default:
			fmt.Fprintf(&b, "  - {from: a%d, to: a%d, label: Secure %d, secure: true, phase: %s}\n", from, to, i, phase)
		}
	}
	return b.String()
}
