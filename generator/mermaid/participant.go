package mermaid

import (
	"regexp"
	"strings"
	"unicode"
)

// participant reads the rest of "participant NAME [@{...}] [as ALIAS]" or
// the same with "actor", after the keyword. Mermaid reads the name in a
// state of its own: up to "@{", up to " as ", or up to the end of the
// line, spaces included.
func (p *parser) participant(start int, actor, created bool) {
	p.spaces()
	at := p.i
	id, config, alias, ok := p.declaration()
	if !ok {
		return
	}
	pt := p.byID[id]
	switch {
	case created && pt != nil:
		p.errorf(at, "%q already takes part; Mermaid cannot create a participant twice (use an alias, \"create participant B2 as %s\")", id, id)
		return
	case pt == nil:
		pt = &Participant{ID: id, Name: id, Pos: p.pos(at), Box: p.box}
		p.byID[id] = pt
		p.d.Participants = append(p.d.Participants, pt)
	}
	pt.Actor = actor
	if config != "" {
		p.config(pt, config, at)
	}
	if alias != "" {
		pt.Name = alias
	}
	if created {
		pt.Created = true
		p.created, p.createdAt = pt, start
	}
}

// declaration reads a participant's name, its @{...} configuration and
// its alias.
func (p *parser) declaration() (id, config, alias string, ok bool) {
	start := p.i
	// The name is what Mermaid's ID state takes: no < > : , ; @ or line
	// break, and no spaces when "@{" or " as " follows.
	j := start
	for j < len(p.src) && !strings.ContainsRune("<>:\n,;@", p.src[j]) {
		j++
	}
	run := p.src[start:j]
	word := 0
	for word < len(run) && !unicode.IsSpace(run[word]) {
		word++
	}
	switch {
	case word < len(run) && isAlias(run[word:]):
		id = string(run[:word])
		p.i = start + word
	case j < len(p.src) && p.src[j] == '@' && word == len(run) && p.has(string(run)+"@{"):
		id = string(run)
		p.i = j
	case j == len(p.src) || p.src[j] == '\n' || p.src[j] == ';':
		id = strings.TrimSpace(string(run))
		p.i = j
	default:
		// Mermaid backs off to a '#' (a comment) before the character
		// that stopped the name.
		if k := lastIndex(run, '#'); k > 0 {
			id = strings.TrimSpace(string(run[:k]))
			p.i = start + k
			break
		}
		p.errorf(j, "%q cannot stand in a participant's name; write it as #%d;", string(p.src[j]), p.src[j])
		p.toEOL()
		return "", "", "", false
	}
	id = decode([]rune(id))
	if id == "" {
		p.errorf(start, "a participant needs a name")
		p.toEOL()
		return "", "", "", false
	}
	if p.has("@{") {
		p.i += 2
		cs := p.i
		for !p.eof() && p.peek() != '}' {
			p.i++
		}
		if p.eof() {
			p.errorf(cs-2, "the configuration @{ has no closing '}'")
			return "", "", "", false
		}
		config = string(p.src[cs:p.i])
		p.i++
	}
	p.spaces()
	if p.keyword("as") {
		p.spaces()
		alias = p.text()
	}
	return id, config, alias, true
}

// isAlias reports whether rest (after a name) is white space, "as" and
// white space: Mermaid's " as " that starts an alias.
func isAlias(rest []rune) bool {
	s := strings.TrimLeftFunc(string(rest), unicode.IsSpace)
	if len(s) == len(string(rest)) || len(s) < 3 || !strings.EqualFold(s[:2], "as") {
		return false
	}
	return unicode.IsSpace(rune(s[2]))
}

func lastIndex(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

// config reads the @{ "type": "database", "alias": "Users" } of a
// participant: the pairs Mermaid reads as YAML flow mapping.
var configPair = regexp.MustCompile(`^\s*("([^"]*)"|'([^']*)'|[^:,]+?)\s*:\s*("([^"]*)"|'([^']*)'|[^,]*?)\s*$`)

var participantTypes = []string{"actor", "participant", "boundary", "control", "entity", "database", "collections", "queue"}

func (p *parser) config(pt *Participant, config string, at int) {
	for _, pair := range splitOutsideQuotes(config) {
		if strings.TrimSpace(pair) == "" {
			continue
		}
		m := configPair.FindStringSubmatch(pair)
		if m == nil {
			p.errorf(at, "cannot read %q in @{...}; write \"key\": \"value\" pairs, as in @{ \"type\": \"database\" }", strings.TrimSpace(pair))
			continue
		}
		key, value := m[2]+m[3], m[5]+m[6]
		if key == "" {
			key = strings.TrimSpace(m[1])
		}
		if value == "" {
			value = strings.TrimSpace(m[4])
		}
		switch key {
		case "type":
			if !contains(participantTypes, value) {
				p.errorf(at, "unknown participant type %q; Mermaid knows %s", value, strings.Join(participantTypes, ", "))
				continue
			}
			pt.Actor = value == "actor"
			if value != "actor" && value != "participant" {
				pt.Type = value
			}
		case "alias":
			pt.Name = clean(value)
		default:
			p.warnf(at, "%q in @{...} is not imported; lessongen reads \"type\" and \"alias\"", key)
		}
	}
}

// splitOutsideQuotes splits s at the commas that are not inside quotes.
func splitOutsideQuotes(s string) []string {
	var out []string
	var quote rune
	start := 0
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == ',':
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// destroy reads "destroy NAME".
func (p *parser) destroy(start int) {
	p.spaces()
	at := p.i
	id, _, _, ok := p.declaration()
	if !ok {
		return
	}
	p.use(id, at)
	p.byID[id].Destroyed = true
	p.destroyed, p.destroyedAt = p.byID[id], start
}

// use returns the participant named id, adding it when this is its first
// mention: Mermaid draws participants in the order they first appear.
func (p *parser) use(id string, at int) *Participant {
	if pt := p.byID[id]; pt != nil {
		return pt
	}
	pt := &Participant{ID: id, Name: id, Pos: p.pos(at)}
	p.byID[id] = pt
	p.d.Participants = append(p.d.Participants, pt)
	return pt
}

// cssColors are the colour keywords a box may start with (CSS Color 4).
var cssColors = strings.Fields(`transparent currentcolor aliceblue antiquewhite aqua aquamarine azure beige bisque black
blanchedalmond blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta
darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray
darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick
floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew
hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral
lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon
mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen
mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive
olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip
peachpuff peru pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon
sandybrown seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen`)

var boxColor = regexp.MustCompile(`^((?:rgba?|hsla?)\s*\(.*?\)|\w*)(.*)$`)

// boxTitle is a box's text without the colour that may start it, as
// Mermaid splits it.
func boxTitle(text string) string {
	m := boxColor.FindStringSubmatch(text)
	if m == nil {
		return text
	}
	c := strings.ToLower(strings.TrimSpace(m[1]))
	if strings.ContainsRune(c, '(') || contains(cssColors, c) {
		return strings.TrimSpace(m[2])
	}
	return text
}
