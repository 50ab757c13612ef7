// Package synth makes synthetic sites for benchmarks: realistic scenes
// (3–6 actors, messages, notes, phases, fields, about 120 words of Markdown
// narration per step) with complete translations, written as a lessongen
// content folder and as the equivalent Hugo site, so that both tools are
// measured on the same words. The same arguments make the same site.
// LongScene is a single long scene for the layout and drawing tests.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Languages are the languages a synthetic site may have, the source first.
var Languages = []string{"en", "de", "fr", "es", "ja", "ar"}

var kinds = []string{"pc", "server", "router", "dns", "ca", "cloud", "database", "phone"}

var words = strings.Fields(`packet segment handshake server client browser resolver certificate
	signature key secret random sequence number acknowledgement window timeout retransmission
	cipher suite record header field address port connection session ticket cache record query
	answer authority referral root domain name lookup route hop gateway frame encrypt decrypt
	verify trust chain issuer subject validity protocol message request response status body
	stream byte order loss delay network link layer transport application secure channel state`)

// Site is a synthetic site, generated once and written in both formats.
type Site struct {
	langs  []string
	scenes []scene
}

type scene struct {
	id, title, summary string
	actors             []string
	steps              []step
}

type step struct {
	from, to   int
	note       bool
	label      string
	text       string
	phase      string
	fields     [][2]string
	reply, sec bool
}

// New makes a site of nScenes scenes of nSteps steps in nLangs languages
// (at most len(Languages)); the same arguments make the same site.
func New(nScenes, nSteps, nLangs int) *Site {
	r := rand.New(rand.NewPCG(1, 2))
	s := &Site{langs: Languages[:nLangs]}
	for i := range nScenes {
		sc := scene{id: fmt.Sprintf("scene-%03d", i+1), title: sentence(r, 4), summary: sentence(r, 14)}
		nActors := 3 + r.IntN(4)
		for a := range nActors {
			w := words[r.IntN(len(words))] // ASCII, so its first byte is its first letter
			sc.actors = append(sc.actors, fmt.Sprintf("%s%s %d", strings.ToUpper(w[:1]), w[1:], a+1))
		}
		phase := ""
		for j := range nSteps {
			if j%5 == 0 {
				phase = ""
				if r.IntN(2) == 0 {
					phase = "Phase " + sentence(r, 2)
				}
			}
			st := step{from: r.IntN(nActors), label: sentence(r, 1+r.IntN(4)), text: narration(r), phase: phase}
			st.to = (st.from + 1 + r.IntN(nActors-1)) % nActors
			switch r.IntN(6) {
			case 0:
				st.note = true
			case 1:
				st.reply = true
			case 2:
				st.sec = true
			}
			if r.IntN(2) == 0 {
				st.fields = [][2]string{{"seq", fmt.Sprint(r.IntN(1 << 20))}, {"ack", fmt.Sprint(r.IntN(1 << 20))}, {"flags", "ACK"}}
			}
			sc.steps = append(sc.steps, st)
		}
		s.scenes = append(s.scenes, sc)
	}
	return s
}

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = words[r.IntN(len(words))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ")
}

// narration is about 120 words of Markdown with inline code and a list.
func narration(r *rand.Rand) string {
	var b strings.Builder
	for range 4 {
		fmt.Fprintf(&b, "%s `%s` %s. ", sentence(r, 9), words[r.IntN(len(words))], sentence(r, 10)[1:])
	}
	b.WriteString("\n\n")
	for range 3 {
		fmt.Fprintf(&b, "- %s\n", sentence(r, 6))
	}
	fmt.Fprintf(&b, "\n%s.\n", sentence(r, 12))
	return b.String()
}

// tr is the synthetic "translation" of a text: the same words, marked, so
// that every language has text of the same length.
func tr(lang, s string) string {
	if lang == "en" {
		return s
	}
	return "[" + lang + "] " + s
}
