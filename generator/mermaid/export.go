package mermaid

import (
	"strings"

	"github.com/lessongen/lessongen/generator/content"
)

// Export writes a scene as a Mermaid sequence diagram, for an author to
// paste into a README. Importing it gives the same actors and steps, as far
// as Mermaid can say them:
//
//   - actors keep their ids (with '_' for '-', which Mermaid reads as the
//     start of an arrow) and names; a person is an "actor", a database a
//     participant of type "database"; other kinds have no Mermaid symbol;
//   - a message is ->>, a reply -->>, a lost message -x (--x for a lost
//     reply), a secure one has "🔒 " before its label;
//   - a broadcast is a "par" block of one arrow per receiver, which
//     Import reads back as one step;
//   - a note is "Note over" its actor, or its first and last actor (Mermaid
//     spans at most two);
//   - a wait before a step is a note over every actor, "⏳ " before its
//     text, which Import reads back as the next step's wait;
//   - a message in flight (transit) is drawn level: Mermaid has no sloped
//     arrows;
//   - consecutive steps of one phase are a fragment: a phase that Import
//     made from a fragment ("loop: Every minute", "alt: ok" then "else:
//     not ok") becomes that fragment again; any other is a rect band with
//     a "%% phase: NAME" comment under its first line, which Mermaid
//     ignores and Import reads back;
//   - narration, fields and step ids have no place in Mermaid and are left
//     out.
func Export(s *content.Scene) string {
	e := exporter{names: mermaidNames(s.Actors)}
	e.line(0, "sequenceDiagram")
	if s.Title != "" {
		e.line(1, "title "+escape(s.Title))
	}
	if s.Summary != "" {
		e.line(1, "accDescr: "+oneLine(s.Summary))
	}
	for i, a := range s.Actors {
		decl := "participant " + e.names[i]
		switch a.Kind {
		case "person":
			decl = "actor " + e.names[i]
		case "database":
			decl += `@{ "type": "database" }`
		}
		e.line(1, decl+" as "+escape(a.Name))
	}
	for i := 0; i < len(s.Steps); {
		i = e.run(s, i)
	}
	return e.b.String()
}

type exporter struct {
	b     strings.Builder
	names []string
}

func (e *exporter) line(depth int, s string) {
	e.b.WriteString(strings.Repeat("    ", depth))
	e.b.WriteString(s)
	e.b.WriteByte('\n')
}

// run writes the steps from i that share a phase, and returns where the
// next run starts. A fragment's sections (alt, else, else...) are runs of
// their own phases and are written as one fragment.
func (e *exporter) run(s *content.Scene, i int) int {
	phase := s.Steps[i].Phase
	end := runEnd(s.Steps, i)
	if phase == "" {
		e.steps(s, i, end, 1)
		return end
	}
	kw, text := splitPhase(phase)
	section := map[string]string{"alt": "else", "par": "and", "critical": "option"}[kw]
	if kw == "" || kw == "else" || kw == "and" || kw == "option" {
		e.line(1, "rect rgba(128, 128, 128, 0.1)")
		e.line(2, "%% phase: "+oneLine(phase))
		e.steps(s, i, end, 2)
		e.line(1, "end")
		return end
	}
	e.line(1, strings.TrimSpace(kw+" "+escape(text)))
	e.steps(s, i, end, 2)
	for section != "" && end < len(s.Steps) {
		next, nextText := splitPhase(s.Steps[end].Phase)
		if next != section {
			break
		}
		e.line(1, strings.TrimSpace(section+" "+escape(nextText)))
		start := end
		end = runEnd(s.Steps, start)
		e.steps(s, start, end, 2)
	}
	e.line(1, "end")
	return end
}

// runEnd is the index after the last step from i with i's phase.
func runEnd(steps []content.Step, i int) int {
	j := i + 1
	for j < len(steps) && steps[j].Phase == steps[i].Phase {
		j++
	}
	return j
}

// fragmentKeywords are the phases' prefixes that name a Mermaid fragment.
var fragmentKeywords = []string{"loop", "opt", "alt", "else", "par", "and", "critical", "option", "break"}

// splitPhase reads "alt: ok" as ("alt", "ok") and "loop" as ("loop", "");
// a phase of another form gives ("", phase).
func splitPhase(phase string) (keyword, text string) {
	if contains(fragmentKeywords, phase) {
		return phase, ""
	}
	if kw, text, ok := strings.Cut(phase, ": "); ok && contains(fragmentKeywords, kw) && strings.TrimSpace(text) != "" {
		return kw, text
	}
	return "", phase
}

func (e *exporter) steps(s *content.Scene, from, to, depth int) {
	for _, st := range s.Steps[from:to] {
		label := st.Label
		if st.Wait != "" {
			over := e.names[0]
			if len(e.names) > 1 {
				over += "," + e.names[len(e.names)-1]
			}
			e.line(depth, "Note over "+over+": "+escape(waitMark+st.Wait))
		}
		if st.Kind == content.Note {
			over := e.names[st.From]
			if st.To != st.From {
				over += "," + e.names[st.To]
			}
			e.line(depth, "Note over "+over+": "+escape(label))
			continue
		}
		arrow := "->>"
		switch {
		case st.Lost && st.Reply:
			arrow = "--x"
		case st.Lost:
			arrow = "-x"
		case st.Reply:
			arrow = "-->>"
		}
		if st.Secure {
			label = secureMark + label
		}
		if len(st.Receivers) > 1 {
			for k, r := range st.Receivers {
				if k == 0 {
					e.line(depth, "par")
				} else {
					e.line(depth, "and")
				}
				e.line(depth+1, e.names[st.From]+arrow+e.names[r]+": "+escape(label))
			}
			e.line(depth, "end")
			continue
		}
		e.line(depth, e.names[st.From]+arrow+e.names[st.To]+": "+escape(label))
	}
}

// keywords are the words Mermaid's lexer takes as keywords wherever a
// token starts, so no participant may be called by one.
var keywords = []string{"participant", "actor", "create", "destroy", "box", "loop", "rect", "opt", "alt", "else", "par",
	"par_over", "and", "critical", "option", "break", "end", "links", "link", "properties", "details", "over", "note",
	"activate", "deactivate", "autonumber", "off", "title", "sequencediagram", "accdescr", "acctitle"}

// mermaidNames gives each actor a name Mermaid reads as one token: its id
// with '_' for '-' (Mermaid stops a name at "-x", "--" and other arrow
// starts), and a '_' after one that is a keyword.
func mermaidNames(actors []content.Actor) []string {
	out := make([]string, len(actors))
	used := map[string]bool{}
	for i, a := range actors {
		n := strings.ReplaceAll(a.ID, "-", "_")
		for contains(keywords, strings.ToLower(n)) || used[n] {
			n += "_"
		}
		used[n] = true
		out[i] = n
	}
	return out
}

// escape writes text so that Mermaid shows it as it is: '#' would start a
// comment and ';' end the statement; '<' and '>' would be read as HTML;
// a leading "wrap:" would be taken as a layout option. Mermaid turns the
// entity codes back into the characters.
func escape(t string) string {
	t = oneLine(t)
	t = strings.NewReplacer("#", "#35;", ";", "#59;", "<", "#lt;", ">", "#gt;").Replace(t)
	if wrapPrefix.MatchString(t) {
		t = strings.Replace(t, ":", "#58;", 1)
	}
	return t
}
