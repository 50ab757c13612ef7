package mermaid

import (
	"strings"

	"github.com/lessongen/lessongen/generator/diag"
)

// Parse reads one diagram. src is the diagram's source, whose first line is
// line number line of the file path (a Markdown file holds several). It
// returns nil when src is not a sequence diagram; the error says so. A
// Diagram is returned whenever src is one, with every problem found, so
// that an author sees them all at once.
func Parse(src, path string, line int) (*Diagram, diag.List) {
	var diags diag.List
	src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
	p := &parser{scanner: newScanner(src, path, line, &diags), byID: map[string]*Participant{}, warned: map[string]bool{}}
	p.d = &Diagram{}
	p.frontMatter()
	p.blank()
	// Mermaid tells a diagram's type by this keyword, case and all.
	if !p.has("sequenceDiagram") || string(p.src[p.i:p.i+len("sequenceDiagram")]) != "sequenceDiagram" {
		what := "nothing"
		if !p.eof() {
			what = strings.Fields(string(p.src[p.i:]))[0]
			what = "\"" + what + "\""
		}
		p.errorf(p.i, "not a sequence diagram: it starts with %s where \"sequenceDiagram\" should be", what)
		return nil, diags
	}
	p.d.Pos = p.pos(p.i)
	p.i += len("sequenceDiagram")
	for {
		p.blank()
		if p.eof() {
			break
		}
		p.statement()
	}
	for i := len(p.open) - 1; i >= 0; i-- {
		p.errorf(p.open[i].at, "%q is never closed; add a line \"end\" after its last statement", p.open[i].keyword)
	}
	if p.created != nil {
		p.errorf(p.createdAt, "%q is created but no message to it follows", p.created.ID)
	}
	diags.Sort()
	return p.d, diags
}

// parser turns statements into the Diagram.
type parser struct {
	*scanner
	d    *Diagram
	byID map[string]*Participant
	// open holds the fragments and box not yet closed, innermost last.
	open []opened
	// box is the title of the open box, if one is.
	box string
	// created and destroyed are participants whose "create" or "destroy"
	// waits for its message.
	created, destroyed     *Participant
	createdAt, destroyedAt int
	// warned holds the kinds of warning given once per diagram.
	warned map[string]bool
}

type opened struct {
	keyword string
	at      int
}

// frontMatter reads the YAML front matter Mermaid accepts before the
// diagram ("---", "title: ...", "---"). Only its title means something to
// a lesson; the rest configures how Mermaid draws.
func (p *parser) frontMatter() {
	if !p.has("---") {
		return
	}
	p.toEOL()
	for !p.eof() {
		p.i++ // the line break
		start := p.i
		p.toEOL()
		line := string(p.src[start:p.i])
		if strings.HasPrefix(line, "---") && strings.TrimSpace(line[3:]) == "" {
			if !p.eof() {
				p.i++
			}
			return
		}
		if v, ok := strings.CutPrefix(line, "title:"); ok {
			p.d.Title, p.d.TitlePos = unquote(strings.TrimSpace(v)), p.pos(start)
		}
	}
	p.errorf(0, "the front matter that starts here has no closing \"---\" line")
}

// unquote reads a one-line YAML scalar as the front matter's title is
// usually written: plain, 'single-' or "double-quoted".
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"') {
		return strings.NewReplacer(`\"`, `"`, `\\`, `\`).Replace(v[1 : len(v)-1])
	}
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// blank skips what separates statements: white space, line breaks, ';',
// comments and "%%{...}%%" directives (which only configure Mermaid).
func (p *parser) blank() {
	for !p.eof() {
		switch r := p.peek(); {
		case r == '\n' || r == ';' || r == ' ' || r == '\t' || r == '\f' || r == '\v' || r == '\u00a0' || r == '\ufeff':
			p.i++
		case p.has("%%{"):
			for !p.eof() && !p.has("}%%") {
				p.i++
			}
			p.i += min(3, len(p.src)-p.i)
		case p.atComment():
			p.toEOL()
		default:
			return
		}
	}
}

// end finishes a statement: only spaces and a comment may follow it on its
// line (or before the next ';').
func (p *parser) end() {
	p.spaces()
	if p.eof() || p.peek() == '\n' || p.peek() == ';' || p.atComment() {
		return
	}
	p.errorf(p.i, "unexpected %q here; a statement ends at the end of its line or at ';'", p.rest())
	p.toEOL()
}

// rest is what is left of the line, for messages.
func (p *parser) rest() string {
	j := p.i
	for j < len(p.src) && p.src[j] != '\n' {
		j++
	}
	return strings.TrimSpace(string(p.src[p.i:j]))
}

// fragments are the keywords that open a fragment, with the sections they
// may hold.
var fragments = []struct{ keyword, section string }{
	{"loop", ""}, {"rect", ""}, {"opt", ""}, {"alt", "else"}, {"par_over", "and"}, {"par", "and"},
	{"critical", "option"}, {"break", ""},
}

func (p *parser) statement() {
	start := p.i
	if p.box != "" && !p.has("participant") && !p.has("actor") && !p.has("destroy") && !p.has("end") {
		p.errorf(start, "only participant, actor and destroy lines may stand inside a box; close the box with \"end\" first")
		p.toEOL()
		return
	}
	switch {
	case p.keyword("participant"):
		p.participant(start, false, false)
	case p.keyword("actor"):
		p.participant(start, true, false)
	case p.keyword("create"):
		p.spaces()
		switch {
		case p.keyword("participant"):
			p.participant(start, false, true)
		case p.keyword("actor"):
			p.participant(start, true, true)
		default:
			p.errorf(p.i, "\"create\" is followed by \"participant\" or \"actor\" and a name")
			p.toEOL()
		}
	case p.keyword("destroy"):
		p.destroy(start)
	case p.keyword("box"):
		p.spaces()
		p.boxStart(start)
	case p.keyword("end"):
		p.close(start)
	case p.keyword("else"), p.keyword("and"), p.keyword("option"):
		p.section(start, strings.ToLower(string(p.src[start:p.i])))
	case p.keyword("note"):
		p.note(start)
	case p.keyword("activate"), p.keyword("deactivate"):
		if !p.warned["activate"] {
			p.warned["activate"] = true
			p.warnf(start, "activations (activate, deactivate, +/- on arrows) are not imported: lessongen highlights the current step instead")
		}
		p.toEOL()
	case p.has("title:"):
		p.i += len("title:")
		p.title(start)
	case p.has("title") && p.i+5 < len(p.src) && (p.src[p.i+5] == ' ' || p.src[p.i+5] == '\t'):
		p.i += len("title")
		p.title(start)
	case p.accessible():
	case p.keyword("autonumber"):
		// lessongen numbers every step.
		p.toEOL()
	case p.keyword("links"), p.keyword("link"), p.keyword("properties"), p.keyword("details"):
		p.warnf(start, "%s (an actor's menu in Mermaid) is not imported: lessongen has no actor menus; put links in the narration or references", strings.ToLower(string(p.src[start:p.i])))
		p.toEOL()
	case p.keyword("sequenceDiagram"):
		p.errorf(start, "a second \"sequenceDiagram\" line; a diagram has one, at its top")
	default:
		if !p.fragment(start) {
			p.message(start)
		}
		return
	}
	p.end()
}

// title reads "title Text" (after the keyword).
func (p *parser) title(start int) {
	p.spaces()
	p.d.Title, p.d.TitlePos = p.text(), p.pos(start)
}

// accessible reads accTitle and accDescr, whose values run to the end of
// the line (';' and '#' included), or for accDescr { ... } to the '}'.
func (p *parser) accessible() bool {
	for _, key := range []string{"accTitle", "accDescr"} {
		if !p.has(key) {
			continue
		}
		save := p.i
		p.i += len(key)
		p.spaces()
		switch {
		case p.peek() == ':':
			p.i++
			vs := p.i
			p.toEOL()
			v := clean(decode(p.src[vs:p.i]))
			if key == "accTitle" {
				p.d.AccTitle = v
			} else {
				p.d.AccDescr = v
			}
			return true
		case key == "accDescr" && p.peek() == '{':
			p.i++
			vs := p.i
			for !p.eof() && p.peek() != '}' {
				p.i++
			}
			if p.eof() {
				p.errorf(save, "accDescr { has no closing '}'")
			}
			p.d.AccDescr = clean(decode(p.src[vs:p.i]))
			p.i = min(p.i+1, len(p.src))
			return true
		}
		p.i = save
	}
	return false
}

// decode replaces the entity codes in src.
func decode(src []rune) string {
	var b strings.Builder
	for i := 0; i < len(src); {
		if src[i] == '#' {
			if e, ok := entityAt(src, i); ok {
				b.WriteString(e.text)
				i += e.n
				continue
			}
		}
		b.WriteRune(src[i])
		i++
	}
	return b.String()
}

// fragment reads the line that opens a fragment ("loop Every minute").
func (p *parser) fragment(start int) bool {
	for _, f := range fragments {
		if !p.keyword(f.keyword) {
			continue
		}
		p.spaces()
		st := Statement{Kind: Open, Pos: p.pos(start), Keyword: f.keyword, Text: p.text()}
		p.end()
		if f.keyword == "rect" {
			st.Phase = p.phaseComment()
		}
		p.d.Statements = append(p.d.Statements, st)
		p.open = append(p.open, opened{f.keyword, start})
		return true
	}
	return false
}

// phaseComment reads the "%% phase: NAME" line lessongen's export writes
// right after a rect, to carry the phase name Mermaid cannot show.
func (p *parser) phaseComment() string {
	save := p.i
	for !p.eof() && (p.peek() == '\n' || p.peek() == ' ' || p.peek() == '\t') {
		p.i++
	}
	if p.has("%% phase:") {
		p.i += len("%% phase:")
		vs := p.i
		p.toEOL()
		return strings.TrimSpace(decode(p.src[vs:p.i]))
	}
	p.i = save
	return ""
}

// section reads else, and, option.
func (p *parser) section(start int, keyword string) {
	want := map[string][]string{"else": {"alt"}, "and": {"par", "par_over"}, "option": {"critical"}}[keyword]
	if len(p.open) == 0 || !contains(want, p.open[len(p.open)-1].keyword) {
		p.errorf(start, "%q outside %s; it starts the next section of a %q block", keyword, quoted(want), want[0])
		p.toEOL()
		return
	}
	p.spaces()
	p.d.Statements = append(p.d.Statements, Statement{Kind: Section, Pos: p.pos(start), Keyword: keyword, Text: p.text()})
}

func quoted(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = "\"" + s + "\""
	}
	return strings.Join(q, " or ")
}

func (p *parser) close(start int) {
	switch {
	case p.box != "":
		p.box = ""
		p.open = p.open[:len(p.open)-1]
	case len(p.open) == 0:
		p.errorf(start, "\"end\" with no loop, alt, opt, par, critical, break, rect or box to close")
	default:
		p.open = p.open[:len(p.open)-1]
		p.d.Statements = append(p.d.Statements, Statement{Kind: Close, Pos: p.pos(start)})
	}
}

// boxStart reads "box [colour] [title]", which groups participants.
func (p *parser) boxStart(start int) {
	title := boxTitle(p.text())
	if title == "" {
		title = "box"
	}
	p.warnf(start, "boxes are not imported: lessongen has no participant groups; the box %q becomes a comment above its first participant", title)
	p.box = title
	p.open = append(p.open, opened{"box", start})
}

// note reads "Note left of A: text", "Note right of A: text",
// "Note over A: text" and "Note over A,B: text".
func (p *parser) note(start int) {
	p.spaces()
	var placement string
	switch {
	case p.keyword("left of"):
		placement = "left of"
	case p.keyword("right of"):
		placement = "right of"
	case p.keyword("over"):
		placement = "over"
	default:
		p.errorf(p.i, "a note is placed \"left of\", \"right of\" or \"over\" a participant, as in \"Note over Alice: text\"")
		p.toEOL()
		return
	}
	p.spaces()
	at := p.i
	a := p.actorName()
	if a == "" {
		p.errorf(at, "a note names the participant it belongs to, as in \"Note %s Alice: text\"", placement)
		p.toEOL()
		return
	}
	b := a
	p.spaces()
	if p.peek() == ',' {
		if placement != "over" {
			p.errorf(p.i, "only a note \"over\" spans two participants")
			p.toEOL()
			return
		}
		p.i++
		p.spaces()
		if b = p.actorName(); b == "" {
			p.errorf(p.i, "a second participant's name should follow ','")
			p.toEOL()
			return
		}
		p.spaces()
	}
	if p.peek() != ':' {
		p.errorf(p.i, "a note needs its text after ':', as in \"Note %s %s: text\"", placement, a)
		p.toEOL()
		return
	}
	p.i++
	p.use(a, at)
	p.use(b, at)
	p.d.Statements = append(p.d.Statements, Statement{Kind: Note, Pos: p.pos(start), From: a, To: b, Placement: placement, Text: p.text()})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
