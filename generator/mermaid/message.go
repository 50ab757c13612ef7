package mermaid

import "strings"

// arrows are Mermaid's arrow tokens in the order its lexer tries them: the
// first that matches wins.
var arrows = []string{
	"->>", "<<->>", "-->>", "<<-->>", "->", "-->", "-x", "--x", "-)", "--)",
	`--|\`, "--|/", `--\\`, "--//", "/|--", `\|--`, "//--", `\\--`,
	`-|\`, "-|/", `-\\`, "-//", "/|-", `\|-`, "//-", `\\-`,
}

// notInName are the characters that end the first part of an actor's name
// in a message; nameStops end every later part.
const (
	notInName = "/\\+()<->:\n,;"
	nameStops = "+<->:\n,;"
)

// arrowStarts are what Mermaid will not take into a name after its first
// part, since an arrow may start there.
var arrowStarts = []string{"-x", "--x", "-)", "--)", `-|\`, `-\`, "-/", "-//", "-|/", "/|-", `\|-`, "//-", `\\-`, `--|\`, "--", "()"}

// actorName reads an actor's name where a message or note names one, as
// Mermaid's ACTOR token: spaces inside are kept, single hyphens too
// ("web-server"), but not what could start an arrow.
func (p *parser) actorName() string {
	start := p.i
	for !p.eof() && !strings.ContainsRune(notInName, p.peek()) {
		p.i++
	}
	if p.i == start {
		return ""
	}
	for !p.eof() {
		if p.arrowAhead() {
			break
		}
		j := p.i
		for j < len(p.src) && p.src[j] == '-' {
			j++
		}
		k := j
		for k < len(p.src) && !strings.ContainsRune(nameStops, p.src[k]) {
			k++
		}
		if k == j {
			break
		}
		p.i = k
	}
	return strings.TrimSpace(decode(p.src[start:p.i]))
}

func (p *parser) arrowAhead() bool {
	for _, a := range arrowStarts {
		if p.has(a) {
			return true
		}
	}
	return false
}

// message reads "A->>B: text", with any of Mermaid's arrows, "+" or "-"
// after the arrow (activations) and "()" on either side of it.
func (p *parser) message(start int) {
	from := p.actorName()
	if from == "" {
		p.errorf(start, "cannot read %q: expected a message (\"Alice->>Bob: Hello\"), a note, or a keyword such as participant, loop or end", p.rest())
		p.toEOL()
		return
	}
	p.spaces()
	var arrow Arrow
	if p.has("()") {
		p.i += 2
		arrow.Central = true
	}
	for _, a := range arrows {
		if p.has(a) {
			arrow.Token = a
			p.i += len(a)
			break
		}
	}
	if arrow.Token == "" {
		p.errorf(p.i, "expected an arrow such as ->> after %q; Mermaid's arrows are ->>, -->>, ->, -->, -x, --x, -), --), <<->> and <<-->>", from)
		p.toEOL()
		return
	}
	t := strings.ToLower(arrow.Token)
	arrow.Dotted = strings.HasPrefix(t, "--") || strings.HasSuffix(t, "--") || strings.HasPrefix(t, "<<--")
	arrow.Cross = strings.HasSuffix(t, "x")
	arrow.Both = strings.HasPrefix(t, "<<")
	arrow.Half = strings.ContainsAny(t, `|\/`)
	p.spaces()
	switch {
	case p.has("()"):
		p.i += 2
		arrow.Central = true
	case p.peek() == '+' || p.peek() == '-':
		if !p.warned["activate"] {
			p.warned["activate"] = true
			p.warnf(p.i, "activations (activate, deactivate, +/- on arrows) are not imported: lessongen highlights the current step instead")
		}
		p.i++
	}
	p.spaces()
	at := p.i
	to := p.actorName()
	if to == "" {
		p.errorf(at, "expected the receiver's name after the arrow %s", arrow.Token)
		p.toEOL()
		return
	}
	p.spaces()
	if p.peek() != ':' {
		p.errorf(p.i, "a message needs its text after ':', as in \"%s%s%s: Hello\"", from, arrow.Token, to)
		p.toEOL()
		return
	}
	p.i++
	p.use(from, start)
	p.use(to, at)
	p.checkLifecycle(start, from, to)
	p.d.Statements = append(p.d.Statements, Statement{Kind: Message, Pos: p.pos(start), From: from, To: to, Arrow: arrow, Text: p.text()})
	p.end()
}

// checkLifecycle holds a message to Mermaid's rules for create and
// destroy: the message right after "create participant X" goes to X, the
// one after "destroy X" comes from or goes to X.
func (p *parser) checkLifecycle(start int, from, to string) {
	if c := p.created; c != nil {
		p.created = nil
		if to != c.ID {
			p.errorf(start, "the message after \"create\" (line %d) must go to %q, which it creates", p.pos(p.createdAt).Line, c.ID)
		}
	} else if d := p.destroyed; d != nil {
		p.destroyed = nil
		if from != d.ID && to != d.ID {
			p.errorf(start, "the message after \"destroy\" (line %d) must come from or go to %q", p.pos(p.destroyedAt).Line, d.ID)
		}
	}
}
