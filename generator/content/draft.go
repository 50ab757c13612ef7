package content

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"github.com/lessongen/lessongen/generator/diag"
	"gopkg.in/yaml.v3"
)

// Draft is a scene about to be written to a file, as an importer or
// "lessongen new scene" makes it: the fields of a scene file in the order
// they are written, each able to carry a comment for the author. MarshalDraft
// turns it into YAML that Load reads back as the same scene.
//
// Empty fields are left out of the file. A draft is not validated here: what
// is written is checked by the loader, like any scene an author wrote.
type Draft struct {
	// Comment is written at the top of the file, each line as a "# " line.
	Comment    string
	Title      string
	Summary    string
	Topic      string
	Order      int
	Actors     []DraftActor
	Steps      []DraftStep
	References []DraftReference
	// Related lists the ids of scenes worth reading next.
	Related []string
}

// DraftActor is one entry of a draft's actors.
type DraftActor struct {
	// Comment is written on the lines above the actor.
	Comment string
	ID      string
	Name    string
	Kind    string
}

// DraftStep is one entry of a draft's steps: a message when From and To are
// set, a note when Note is.
type DraftStep struct {
	// Comment is written on the lines above the step.
	Comment string
	ID      string
	From    string
	To      string
	// Broadcast, when set, lists the two or more receivers of a broadcast,
	// written as "to: [a, b]" in place of To.
	Broadcast []string
	// Note lists the actors a note spans: one is written as "note: a", more
	// as "note: [a, b]".
	Note   []string
	Label  string
	Reply  bool
	Secure bool
	Lost   bool
	// Transit is the rows a message takes to arrive; 0 writes none.
	Transit int
	// Wait is the time that passes before the step.
	Wait  string
	Phase string
	// Fields are written in this order.
	Fields []DraftField
	// Text is the narration in Markdown; text with line breaks is written as
	// a block ("text: |") whenever YAML can keep it exactly that way.
	Text string
	// Bytes is written last, as hex in lines of 16 bytes and its ranges.
	Bytes *ByteView
}

// DraftField is one "name: value" line of a step's fields.
type DraftField struct {
	Name  string
	Value string
}

// DraftReference is one entry of a draft's references.
type DraftReference struct {
	Title string
	URL   string
}

// MarshalDraft writes d as a scene file: two-space indentation, the draft's
// comments in place, every string quoted when YAML (1.2, which the loader
// reads, or 1.1, which some editors still use) would otherwise read it as
// anything but the same text.
func MarshalDraft(d *Draft) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode, HeadComment: d.Comment}
	m := mapping{root}
	m.str("title", d.Title)
	m.str("summary", d.Summary)
	m.str("topic", d.Topic)
	if d.Order != 0 {
		m.add("order", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(d.Order)})
	}
	if len(d.Actors) > 0 {
		list := m.list("actors")
		for _, a := range d.Actors {
			item := list.item(a.Comment)
			item.str("id", a.ID)
			item.str("name", a.Name)
			item.str("kind", a.Kind)
		}
	}
	if len(d.Steps) > 0 {
		list := m.list("steps")
		for _, s := range d.Steps {
			list.item(s.Comment).step(&s)
		}
	}
	if len(d.References) > 0 {
		list := m.list("references")
		for _, r := range d.References {
			item := list.item("")
			item.str("title", r.Title)
			item.str("url", r.URL)
		}
	}
	if len(d.Related) > 0 {
		list := m.list("related")
		for _, r := range d.Related {
			list.Content = append(list.Content, scalar(r))
		}
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func (m mapping) step(s *DraftStep) {
	m.str("id", s.ID)
	m.ids("note", s.Note)
	m.str("from", s.From)
	if len(s.Broadcast) > 0 {
		m.ids("to", s.Broadcast)
	} else {
		m.str("to", s.To)
	}
	m.str("label", s.Label)
	m.boolean("reply", s.Reply)
	m.boolean("secure", s.Secure)
	m.boolean("lost", s.Lost)
	if s.Transit != 0 {
		m.add("transit", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(s.Transit)})
	}
	m.str("wait", s.Wait)
	m.str("phase", s.Phase)
	if len(s.Fields) > 0 {
		fields := &yaml.Node{Kind: yaml.MappingNode}
		for _, f := range s.Fields {
			fields.Content = append(fields.Content, scalar(f.Name), scalar(f.Value))
		}
		m.add("fields", fields)
	}
	if s.Text != "" {
		m.add("text", block(s.Text))
	}
	if s.Bytes != nil {
		bv := mapping{&yaml.Node{Kind: yaml.MappingNode}}
		hex := scalar(HexLines(s.Bytes.Data) + "\n")
		hex.Style = yaml.LiteralStyle
		bv.add("hex", hex)
		if len(s.Bytes.Ranges) > 0 {
			bv.add("ranges", draftRanges(s.Bytes.Ranges))
		}
		m.add("bytes", bv.Node)
	}
}

// draftRanges writes byte ranges; one with no note and no parts on one line.
func draftRanges(rs []ByteRange) *yaml.Node {
	list := &yaml.Node{Kind: yaml.SequenceNode}
	for _, r := range rs {
		n := mapping{&yaml.Node{Kind: yaml.MappingNode}}
		if r.Note == "" && len(r.Ranges) == 0 {
			n.Style = yaml.FlowStyle
		}
		n.add("at", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(r.At)})
		n.add("size", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(r.Size)})
		n.str("name", r.Name)
		n.str("value", r.Value)
		n.str("note", r.Note)
		if len(r.Ranges) > 0 {
			n.add("ranges", draftRanges(r.Ranges))
		}
		list.Content = append(list.Content, n.Node)
	}
	return list
}

// mapping builds a YAML mapping key by key, in the order written.
type mapping struct{ *yaml.Node }

func (m mapping) add(key string, v *yaml.Node) {
	m.Content = append(m.Content, scalar(key), v)
}

// str adds a text value, or nothing when it is empty.
func (m mapping) str(key, v string) {
	if v != "" {
		m.add(key, scalar(v))
	}
}

// ids adds one actor id as "key: a", more as "key: [a, b]", or nothing.
func (m mapping) ids(key string, ids []string) {
	switch len(ids) {
	case 0:
	case 1:
		m.str(key, ids[0])
	default:
		list := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, a := range ids {
			list.Content = append(list.Content, scalar(a))
		}
		m.add(key, list)
	}
}

// boolean adds "key: true", or nothing when v is false.
func (m mapping) boolean(key string, v bool) {
	if v {
		m.add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
}

func (m mapping) list(key string) sequence {
	l := &yaml.Node{Kind: yaml.SequenceNode}
	m.add(key, l)
	return sequence{l}
}

// sequence builds a YAML list.
type sequence struct{ *yaml.Node }

// item appends a mapping to the list, with comment above it.
func (s sequence) item(comment string) mapping {
	n := &yaml.Node{Kind: yaml.MappingNode, HeadComment: comment}
	s.Content = append(s.Content, n)
	return mapping{n}
}

// scalar is a text value. The encoder already quotes what YAML 1.2 would
// read as a number, a boolean or null, and what is not plain text (": ",
// " #", leading "-", spaces at either end...). Left to itself it writes the
// YAML 1.1 booleans (yes, no, on, off, y, n) bare, which are text to the
// loader but true or false to older parsers; writes line breaks other than
// "\n" raw, which a parser reads back as "\n"; and drops a leading "\n".
// Those are double-quoted here, with escapes.
func scalar(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if yaml11Bool[strings.ToLower(s)] || strings.HasPrefix(s, "\n") || hasOddBreak(s) {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

// yaml11Bool holds the words YAML 1.1 reads as booleans, lower-cased (it
// accepts them lower-case, capitalised or upper-case).
var yaml11Bool = map[string]bool{"y": true, "yes": true, "n": true, "no": true, "on": true, "off": true}

// block is a narration value: a literal block when it has line breaks, so
// that it reads as written. The encoder itself falls back to quotes for what
// a block cannot hold (trailing spaces, leading blank lines).
func block(s string) *yaml.Node {
	n := scalar(s)
	if n.Style == 0 && strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// hasOddBreak reports whether s holds a line break YAML knows but the loader
// would not keep (\r, NEL, the Unicode line and paragraph separators), a
// control character, or a tab starting a line: valid YAML in a block, but
// the loader reads any tab in indentation as a mistake.
func hasOddBreak(s string) bool {
	lineStart := true
	for _, r := range s {
		switch {
		case r == '\n':
			lineStart = true
			continue
		case r == '\t' && lineStart:
			return true
		case r == '\r', r == '\u0085', r == '\u2028', r == '\u2029', r == '\ufeff':
			return true
		case r != '\t' && unicode.IsControl(r):
			return true
		}
		lineStart = lineStart && r == ' '
	}
	return false
}

// ParseScene reads one scene file on its own, as Load would read
// scenes/ID.yaml (ID taken from path's base name), without the checks that
// need the rest of the site: whether its topic and related scenes exist.
func ParseScene(data []byte, path string) (*Scene, diag.List) {
	var diags diag.List
	d := &decoder{path: path, diags: &diags}
	root := d.parse(data)
	if root == nil {
		return nil, diags
	}
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	s := d.scene(root, id)
	diags.Sort()
	return s, diags
}

// InlineScalar is s as a YAML value on the line of its key ("title: …")
// that the loader reads back as s: quoted where YAML would read it as
// something else (a number, true, null, ~, "a: b", a comment, a line
// break), as MarshalDraft quotes the values it writes.
func InlineScalar(s string) string {
	n := scalar(s)
	if strings.Contains(s, "\n") {
		n.Style = yaml.DoubleQuotedStyle // not a block, which needs lines of its own
	}
	out, err := yaml.Marshal(n)
	if err != nil { // the encoder refuses no string; quote it anyway
		return strconv.Quote(s)
	}
	return strings.TrimSuffix(string(out), "\n")
}
