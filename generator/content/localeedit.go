package content

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// An editor changes a locale file in place, line by line, at the positions
// yaml.v3 gives for its keys, so that everything it does not change stays
// byte for byte as the translator wrote it: quoting, block scalars,
// comments, blank lines, line ends. Changes are collected, then applied at
// once by bytes; each names an entry by its key path.
type editor struct {
	lines []string // without their "\n"; a "\r" stays on its line
	root  *yaml.Node
	eol   string // "\r\n" when the file uses it
	bom   bool
	src   string // the source language's tag, for records
	// rank orders the keys of each mapping as the source lists them; see
	// insertion.
	rank func(path []string) (int, bool)

	replaced []span
	inserts  map[int][]string // new lines before line i, in order
	pending  map[*yaml.Node]*pendingMap
	order    []*yaml.Node // the keys of pending, in the order first used
	fixed    map[int]bool // key lines rewritten to end in ":"
	// renamed holds the new key of each key node renamed, and gone the key
	// nodes removed or commented out: adding entries goes by the keys the
	// file will have.
	renamed map[*yaml.Node]string
	gone    map[*yaml.Node]bool
}

// span replaces lines [start, end) with lines.
type span struct {
	start, end int
	lines      []string
}

// newEntry is an entry to be added, with its children when it is a mapping.
type newEntry struct {
	key      string
	text     string
	rec      *Record
	children []*newEntry
}

// pendingMap holds the entries to add to one mapping of the file: at each
// line, the children of a holder entry go before it.
type pendingMap struct {
	indent int
	at     map[int]*newEntry
	lines  []int // the keys of at, in the order first used
}

// newEditor parses data, the text of a locale file. rank tells where new
// keys go (see insertion).
func newEditor(data []byte, src string, rank func([]string) (int, bool)) (*editor, error) {
	e := &editor{src: src, rank: rank, inserts: map[int][]string{}, pending: map[*yaml.Node]*pendingMap{}, fixed: map[int]bool{},
		renamed: map[*yaml.Node]string{}, gone: map[*yaml.Node]bool{}}
	if bytes.HasPrefix(data, []byte("\ufeff")) {
		e.bom, data = true, data[3:]
	}
	if bytes.Contains(data, []byte("\r\n")) {
		e.eol = "\r\n"
	} else {
		e.eol = "\n"
	}
	text := strings.TrimSuffix(string(data), "\n")
	e.lines = strings.Split(text, "\n")
	if len(data) == 0 {
		e.lines = nil
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	switch {
	case len(doc.Content) == 0:
		e.root = &yaml.Node{Kind: yaml.MappingNode}
	case doc.Content[0].Kind == yaml.MappingNode:
		e.root = doc.Content[0]
	default:
		return nil, fmt.Errorf("the file is not a mapping of keys")
	}
	return e, nil
}

// bytes applies the changes and returns the new text of the file.
func (e *editor) bytes() []byte {
	e.flushPending()
	byStart := map[int]span{}
	for _, s := range e.replaced {
		byStart[s.start] = s
	}
	var b strings.Builder
	if e.bom {
		b.WriteString("\ufeff")
	}
	emit := func(line string) {
		b.WriteString(strings.TrimSuffix(line, "\r"))
		b.WriteString(e.eol)
	}
	for i := 0; i <= len(e.lines); i++ {
		for _, l := range e.inserts[i] {
			emit(l)
		}
		if i == len(e.lines) {
			break
		}
		if s, ok := byStart[i]; ok {
			for _, l := range s.lines {
				emit(l)
			}
			i = s.end - 1
			continue
		}
		b.WriteString(e.lines[i])
		b.WriteString("\n")
	}
	return []byte(b.String())
}

// replace records a replacement of lines [start, end). Replacements never
// overlap: each concerns one entry, or the record above one.
func (e *editor) replace(start, end int, lines []string) {
	for _, s := range e.replaced {
		if start < s.end && s.start < end || start == s.start {
			panic(fmt.Sprintf("localeedit: overlapping changes at lines %d-%d and %d-%d", start+1, end, s.start+1, s.end))
		}
	}
	e.replaced = append(e.replaced, span{start, end, lines})
}

// find returns the key and value nodes of the entry at path, and the
// mapping that holds it, or nils.
func (e *editor) find(path []string) (key, value, parent *yaml.Node) {
	m := e.root
	for i, k := range path {
		if m == nil || m.Kind != yaml.MappingNode {
			return nil, nil, nil
		}
		var next *yaml.Node
		for j := 0; j+1 < len(m.Content); j += 2 {
			if m.Content[j].Value == k {
				key, next = m.Content[j], m.Content[j+1]
			}
		}
		if next == nil {
			return nil, nil, nil
		}
		if i == len(path)-1 {
			return key, next, m
		}
		m = next
	}
	return nil, nil, nil
}

func indentOf(line string) int { return len(line) - len(strings.TrimLeft(line, " ")) }

func blank(line string) bool { return strings.TrimSpace(line) == "" }

// entryEnd returns the index of the last line of the entry whose key is k
// and value v: the key's line, the value's lines, the lines of its
// children.
func (e *editor) entryEnd(k, v *yaml.Node) int {
	col := k.Column - 1
	start := v.Line - 1
	if v.Line == 0 {
		start = k.Line - 1
	}
	switch {
	case v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0:
		if len(v.Content) == 0 {
			return k.Line - 1
		}
		return e.entryEnd(v.Content[len(v.Content)-2], v.Content[len(v.Content)-1])
	case v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode:
		return e.scanFlow(start, v.Column-1)
	case v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		last := start
		keep := strings.Contains(headerOf(e.lines[start], v.Column-1), "+")
		for i := start + 1; i < len(e.lines); i++ {
			if blank(e.lines[i]) {
				if keep {
					last = i
				}
				continue
			}
			if indentOf(e.lines[i]) <= col {
				break
			}
			last = i
		}
		return last
	case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return e.scanQuoted(start, v.Column-1, v.Style&yaml.DoubleQuotedStyle != 0)
	}
	// A plain scalar, perhaps folded over more lines, each indented deeper
	// than the key. A comment ends it.
	last := start
	for i := start + 1; i < len(e.lines); i++ {
		t := strings.TrimSpace(e.lines[i])
		if t == "" {
			continue
		}
		if indentOf(e.lines[i]) <= col || strings.HasPrefix(t, "#") {
			break
		}
		last = i
	}
	if v.Line == 0 || isNull(v) {
		return k.Line - 1
	}
	return last
}

// headerOf returns the block scalar header ("|", ">-", "|2+") at col of line.
func headerOf(line string, col int) string {
	r := []rune(line)
	if col >= len(r) {
		return ""
	}
	h := string(r[col:])
	if i := strings.Index(h, " #"); i >= 0 {
		h = h[:i]
	}
	return strings.TrimSpace(h)
}

// scanQuoted returns the line where the quoted scalar starting at line,
// col ends.
func (e *editor) scanQuoted(line, col int, double bool) int {
	q := '\''
	if double {
		q = '"'
	}
	first := true
	for i := line; i < len(e.lines); i++ {
		r := []rune(e.lines[i])
		j := 0
		if first {
			j, first = col+1, false
		}
		for ; j < len(r); j++ {
			switch {
			case double && r[j] == '\\':
				j++
			case r[j] == q && !double && j+1 < len(r) && r[j+1] == '\'':
				j++
			case r[j] == q:
				return i
			}
		}
	}
	return len(e.lines) - 1
}

// scanFlow returns the line where the flow collection starting at line,
// col ends.
func (e *editor) scanFlow(line, col int) int {
	depth := 0
	first := true
	var quote rune
	for i := line; i < len(e.lines); i++ {
		r := []rune(e.lines[i])
		j := 0
		if first {
			j, first = col, false
		}
		for ; j < len(r); j++ {
			c := r[j]
			switch {
			case quote == '"' && c == '\\':
				j++
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '#' && (j == 0 || r[j-1] == ' '):
				j = len(r)
			case c == '{' || c == '[':
				depth++
			case c == '}' || c == ']':
				depth--
				if depth == 0 {
					return i
				}
			}
		}
	}
	return len(e.lines) - 1
}

// headTop returns the index of the first comment line of the block right
// above the key on keyLine (see recordLines).
func (e *editor) headTop(k *yaml.Node) int {
	top := k.Line - 1
	for top > 0 {
		line := strings.TrimRight(e.lines[top-1], "\r")
		t := strings.TrimLeft(line, " ")
		if !strings.HasPrefix(t, "#") || len(line)-len(t) > k.Column-1 {
			break
		}
		top--
	}
	return top
}

// setRecord writes rec above the key at path, in place of the record there.
func (e *editor) setRecord(path []string, rec Record) {
	k, _, _ := e.find(path)
	if k == nil {
		panic("localeedit: no key " + strings.Join(path, "."))
	}
	_, idx := recordLines(e.lines, k.Line, k.Column, e.src)
	for _, i := range idx {
		e.replace(i, i+1, nil)
	}
	pad := strings.Repeat(" ", k.Column-1)
	for _, l := range rec.render(e.src) {
		e.inserts[k.Line-1] = append(e.inserts[k.Line-1], pad+l)
	}
}

// setValue writes text as the value of the key at path, keeping the key
// as written.
func (e *editor) setValue(path []string, text string) {
	k, v, _ := e.find(path)
	line := e.lines[k.Line-1]
	end := keyEnd(line, k.Column-1)
	style := v.Style
	if v.Value == "" {
		style = 0 // an empty value was quoted only because it was empty
	}
	if !strings.Contains(text, "\n") {
		style &^= yaml.LiteralStyle | yaml.FoldedStyle
	}
	e.replace(k.Line-1, e.entryEnd(k, v)+1, renderEntry(line[:end], text, style, k.Column-1))
}

// rename changes the key at path to key, keeping its value as it is.
func (e *editor) rename(path []string, key string) {
	k, _, _ := e.find(path)
	line := e.lines[k.Line-1]
	start := len(string([]rune(line)[:k.Column-1]))
	end := keyEnd(line, k.Column-1)
	e.replace(k.Line-1, k.Line, []string{line[:start] + scalarText(key) + line[end:]})
	e.renamed[k] = key
}

// remove takes out the entry at path, with its record, and the mapping
// that held it when nothing else is left in it.
func (e *editor) remove(path []string) {
	k, v, parent := e.find(path)
	_, idx := recordLines(e.lines, k.Line, k.Column, e.src)
	for _, i := range idx {
		e.replace(i, i+1, nil)
	}
	e.replace(k.Line-1, e.entryEnd(k, v)+1, nil)
	e.gone[k] = true
	if len(path) == 1 {
		return
	}
	for j := 0; j+1 < len(parent.Content); j += 2 {
		if !e.gone[parent.Content[j]] {
			return
		}
	}
	// Every entry of the mapping is gone: take it out whole, in place of
	// the changes made inside it.
	pk, pv, _ := e.find(path[:len(path)-1])
	start, end := pk.Line-1, e.entryEnd(pk, pv)+1
	kept := e.replaced[:0]
	for _, s := range e.replaced {
		if s.start < start || s.start >= end {
			kept = append(kept, s)
		}
	}
	e.replaced = kept
	e.remove(path[:len(path)-1])
}

// keyOfNode returns the key a key node will have once the changes are made.
func (e *editor) keyOfNode(k *yaml.Node) string {
	if r, ok := e.renamed[k]; ok {
		return r
	}
	return k.Value
}

// findNew is find by the keys the file will have.
func (e *editor) findNew(path []string) (key, value *yaml.Node) {
	m := e.root
	for i, want := range path {
		if m == nil || m.Kind != yaml.MappingNode {
			return nil, nil
		}
		var next *yaml.Node
		for j := 0; j+1 < len(m.Content); j += 2 {
			if k := m.Content[j]; !e.gone[k] && e.keyOfNode(k) == want {
				key, next = k, m.Content[j+1]
			}
		}
		if next == nil {
			return nil, nil
		}
		if i == len(path)-1 {
			return key, next
		}
		m = next
	}
	return nil, nil
}

// commentOut turns the entry at path, its comments included, into comment
// lines "#~ ", as gettext keeps obsolete entries, under a line saying why.
func (e *editor) commentOut(path []string, why string) {
	k, v, _ := e.find(path)
	col := k.Column - 1
	pad := strings.Repeat(" ", col)
	top, end := e.headTop(k), e.entryEnd(k, v)
	e.gone[k] = true
	out := []string{pad + "# " + why}
	for i := top; i <= end; i++ {
		line := strings.TrimRight(e.lines[i], "\r")
		if len(line) < col || indentOf(line) < col {
			out = append(out, pad+"#~")
			continue
		}
		out = append(out, strings.TrimRight(pad+"#~ "+line[col:], " "))
	}
	e.replace(top, end+1, out)
}

// keyEnd returns the byte offset in line just past the key that starts at
// rune column col: the key as written, quoted or not, before its ":".
func keyEnd(line string, col int) int {
	start := len(string([]rune(line)[:min(col, len([]rune(line)))]))
	rest := line[start:]
	switch {
	case strings.HasPrefix(rest, `"`):
		for i := 1; i < len(rest); i++ {
			if rest[i] == '\\' {
				i++
			} else if rest[i] == '"' {
				return start + i + 1
			}
		}
	case strings.HasPrefix(rest, "'"):
		for i := 1; i < len(rest); i++ {
			if rest[i] == '\'' {
				if i+1 < len(rest) && rest[i+1] == '\'' {
					i++
					continue
				}
				return start + i + 1
			}
		}
	}
	for i := 0; i < len(rest); i++ {
		if rest[i] == ':' && (i+1 == len(rest) || rest[i+1] == ' ' || rest[i+1] == '\r') {
			return start + i
		}
	}
	return len(line)
}

// scalarText returns s as YAML writes it as a key or a one-line value.
func scalarText(s string) string {
	out, err := yaml.Marshal(&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
	if err != nil {
		panic(err)
	}
	return strings.TrimSuffix(string(out), "\n")
}

// renderEntry returns the lines of "key: text", key as written, at
// indentation col, in the style asked for when it can hold the text.
func renderEntry(key, text string, style yaml.Style, col int) []string {
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: text, Style: style &^ yaml.FlowStyle}
	if strings.Contains(text, "\n") && style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
		v.Style = yaml.LiteralStyle
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{{Kind: yaml.ScalarNode, Tag: "!!str", Value: "k"}, v}}); err != nil {
		panic(err)
	}
	enc.Close()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	pad := strings.Repeat(" ", col)
	out := make([]string, len(lines))
	for i, l := range lines {
		switch {
		case i == 0:
			out[i] = key + strings.TrimPrefix(l, "k")
			if !strings.HasPrefix(key, pad) {
				out[i] = pad + out[i]
			}
		case l == "":
			out[i] = ""
		default:
			out[i] = pad + l
		}
	}
	return out
}

// add adds the entry at path with text and rec, and the mappings above it
// that the file lacks, where rank says it goes. The file has no flow
// mappings on the path (see blockStyle).
func (e *editor) add(path []string, text string, rec *Record) {
	// Find the deepest mapping of the file on the path.
	var p *pendingMap
	var before int
	m, depth := e.root, 0
	for depth < len(path)-1 {
		k, v := e.findNew(path[:depth+1])
		if v == nil {
			break
		}
		depth++
		if v.Kind != yaml.MappingNode || len(v.Content) == 0 {
			// "steps:" with nothing under it yet: the children go right
			// after the key's line, which must then end in ":".
			p, before = e.pendingOf(v, k.Column-1+2), k.Line
			line := e.lines[k.Line-1]
			if head := line[:keyEnd(line, k.Column-1)] + ":"; strings.TrimRight(line, " \r") != head && !e.fixed[k.Line-1] {
				e.replace(k.Line-1, e.entryEnd(k, v)+1, []string{head})
				e.fixed[k.Line-1] = true
			}
			break
		}
		m = v
	}
	if p == nil {
		indent := 0
		if len(m.Content) > 0 {
			indent = m.Content[0].Column - 1
		}
		p, before = e.pendingOf(m, indent), e.insertion(m, path[:depth], path[depth])
	}
	h := p.at[before]
	if h == nil {
		h = &newEntry{}
		p.at[before] = h
		p.lines = append(p.lines, before)
	}
	for ; depth < len(path); depth++ {
		var next *newEntry
		for _, c := range h.children {
			if c.key == path[depth] {
				next = c
			}
		}
		if next == nil {
			next = &newEntry{key: path[depth]}
			h.children = append(h.children, next)
		}
		h = next
	}
	h.text, h.rec = text, rec
}

// pendingOf returns the entries waiting to be added to mapping m, whose
// entries are indented by indent.
func (e *editor) pendingOf(m *yaml.Node, indent int) *pendingMap {
	p := e.pending[m]
	if p == nil {
		p = &pendingMap{indent: indent, at: map[int]*newEntry{}}
		e.pending[m] = p
		e.order = append(e.order, m)
	}
	return p
}

// insertion returns the line before which a new key goes in mapping m at
// path: after the last entry whose key the source lists before it, or
// else before the first entry the source lists, or else at the end.
func (e *editor) insertion(m *yaml.Node, path []string, key string) int {
	want, _ := e.rank(append(append([]string{}, path...), key))
	after, firstRanked := -1, -1
	for j := 0; j+1 < len(m.Content); j += 2 {
		r, ok := e.rank(append(append([]string{}, path...), e.keyOfNode(m.Content[j])))
		if !ok || e.gone[m.Content[j]] {
			continue
		}
		if firstRanked < 0 {
			firstRanked = j
		}
		if r < want {
			after = j
		}
	}
	switch {
	case after >= 0:
		return e.entryEnd(m.Content[after], m.Content[after+1]) + 1
	case firstRanked >= 0:
		return e.headTop(m.Content[firstRanked])
	case len(m.Content) > 0:
		return e.entryEnd(m.Content[len(m.Content)-2], m.Content[len(m.Content)-1]) + 1
	}
	return len(e.lines)
}

// flushPending renders the entries waiting to be added into inserts. At
// one line, the entries of a deeper mapping go first: that mapping ends
// where the shallower one goes on. And they all go before the record
// lines written there, which belong right above the key of that line.
func (e *editor) flushPending() {
	type block struct {
		indent int
		lines  []string
	}
	at := map[int][]block{}
	for _, m := range e.order {
		p := e.pending[m]
		for _, line := range p.lines {
			for _, ne := range p.at[line].children {
				at[line] = append(at[line], block{p.indent, e.render(ne, p.indent)})
			}
		}
	}
	for line, blocks := range at {
		sort.SliceStable(blocks, func(i, j int) bool { return blocks[i].indent > blocks[j].indent })
		var out []string
		for _, b := range blocks {
			out = append(out, b.lines...)
		}
		e.inserts[line] = append(out, e.inserts[line]...)
	}
	e.pending, e.order = map[*yaml.Node]*pendingMap{}, nil
}

// render returns the lines of a new entry at indentation col.
func (e *editor) render(ne *newEntry, col int) []string {
	pad := strings.Repeat(" ", col)
	var out []string
	if ne.children == nil {
		if ne.rec != nil {
			for _, l := range ne.rec.render(e.src) {
				out = append(out, pad+l)
			}
		}
		return append(out, renderEntry(pad+scalarText(ne.key), ne.text, 0, col)...)
	}
	out = append(out, pad+scalarText(ne.key)+":")
	for _, c := range ne.children {
		out = append(out, e.render(c, col+2)...)
	}
	return out
}

// blockStyle rewrites the flow mappings of a locale file ("fields: {seq:
// x}") in block style, one key a line, so that keys can be added to them
// and records written above their keys. Everything else stays as it is.
func blockStyle(data []byte) []byte {
	e, err := newEditor(data, "", nil)
	if err != nil {
		return data
	}
	changed := false
	var walk func(m *yaml.Node)
	walk = func(m *yaml.Node) {
		for j := 0; j+1 < len(m.Content); j += 2 {
			k, v := m.Content[j], m.Content[j+1]
			if v.Kind != yaml.MappingNode {
				continue
			}
			if v.Style&yaml.FlowStyle == 0 {
				walk(v)
				continue
			}
			line := e.lines[k.Line-1]
			head := line[:keyEnd(line, k.Column-1)] + ":"
			out := []string{head}
			if len(v.Content) > 0 {
				var buf bytes.Buffer
				enc := yaml.NewEncoder(&buf)
				enc.SetIndent(2)
				clearFlow(v)
				if enc.Encode(v) != nil {
					return
				}
				enc.Close()
				pad := strings.Repeat(" ", k.Column-1+2)
				for _, l := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
					out = append(out, pad+l)
				}
			}
			e.replace(k.Line-1, e.entryEnd(k, v)+1, out)
			changed = true
		}
	}
	walk(e.root)
	if !changed {
		return data
	}
	return e.bytes()
}

func clearFlow(n *yaml.Node) {
	n.Style &^= yaml.FlowStyle
	for _, c := range n.Content {
		clearFlow(c)
	}
}
