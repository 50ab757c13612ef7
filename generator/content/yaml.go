package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/diag"
	"gopkg.in/yaml.v3"
)

// decoder turns the yaml.Node tree of one file into model values, reporting
// every problem at the node it concerns.
type decoder struct {
	path  string
	diags *diag.List
	// data is the file's text, where locale files keep translation
	// records in comments (see readRecord); lines, made from it on first
	// use, are its lines.
	data  []byte
	lines []string
}

func (d *decoder) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{Path: d.path, Line: n.Line, Col: n.Column}
}

func (d *decoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.pos(n), format, args...)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse checks the raw bytes of a file and parses them into the document's
// top-level mapping. It returns nil when the file cannot be used; the reasons
// are in d.diags.
func (d *decoder) parse(data []byte) *yaml.Node {
	if !d.checkBytes(data) {
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	d.data = data
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			d.diags.Errorf(diag.Pos{Path: d.path, Line: 1, Col: 1}, "the file is empty; see the content format in README.md")
		} else {
			d.syntaxError(data, err)
		}
		return nil
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(&extra, "a second YAML document; a file holds one, so remove the \"---\" line")
		return nil
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(data, err)
		return nil
	}
	if len(doc.Content) == 0 {
		d.diags.Errorf(diag.Pos{Path: d.path, Line: 1, Col: 1}, "the file is empty; see the content format in README.md")
		return nil
	}
	if !d.noAliases(&doc) {
		return nil
	}
	before := len(*d.diags)
	if d.checkText(&doc, ""); len(*d.diags) > before {
		return nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" && root.Value == "" {
		// Only a "---" line: YAML places the empty document on the line
		// below it, which a file without a final newline does not have.
		d.diags.Errorf(diag.Pos{Path: d.path, Line: 1, Col: 1}, "the file holds only \"---\" and no \"key: value\" lines; see the content format in README.md")
		return nil
	}
	if root.Kind != yaml.MappingNode {
		d.errorf(root, "expected \"key: value\" lines at the top of the file, found %s", describe(root))
		return nil
	}
	return root
}

// noAliases rejects YAML aliases. Content never needs them, and refusing them
// makes alias bombs (a few lines that expand to billions of nodes) harmless.
// Only the first alias is reported: a bomb has thousands.
func (d *decoder) noAliases(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, "YAML aliases (*%s) are not supported; write the value out", n.Value)
		return false
	}
	for _, c := range n.Content {
		if !d.noAliases(c) {
			return false
		}
	}
	return true
}

// describe names a node's type for messages: "a list", "text" and so on.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!bool":
		return "true/false"
	case "!!int", "!!float":
		return "a number"
	}
	return fmt.Sprintf("%q", n.Value)
}

// entry is one key of a mapping and its value.
type entry struct {
	key   *yaml.Node
	value *yaml.Node
}

// fields checks that n is a mapping whose keys are all among known, each at
// most once, and returns its entries by key. what names the mapping in
// messages ("step", "actor").
func (d *decoder) fields(n *yaml.Node, what string, known ...string) map[string]entry {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of \"key: value\" lines, found %s", what, describe(n))
		return nil
	}
	out := make(map[string]entry, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, "a key in %s must be a plain word, found %s", what, describe(k))
			continue
		}
		if !contains(known, k.Value) {
			d.errorf(k, "unknown field %q in %s; %s", k.Value, what, suggestField(k.Value, known))
			// Read a likely typo as the field it was meant to be, so that
			// one slip gives one message, not a second "missing" one.
			if m := didYouMean(k.Value, known); m != "" {
				if _, taken := out[m]; !taken && !hasKey(n, m) {
					out[m] = entry{&yaml.Node{Kind: yaml.ScalarNode, Value: m, Line: k.Line, Column: k.Column}, v}
				}
			}
			continue
		}
		if prev, dup := out[k.Value]; dup {
			d.errorf(k, "%q appears twice in %s (first at line %d)", k.Value, what, prev.key.Line)
			continue
		}
		out[k.Value] = entry{k, v}
	}
	return out
}

// hasKey reports whether the mapping n has the key.
func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

// isNull reports whether a value was left empty ("title:" or "title: null").
func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// str reads a text value. Numbers and booleans are accepted as written, so
// that "label: 404" is the text 404.
func (d *decoder) str(e entry) string {
	if e.value.Kind != yaml.ScalarNode {
		d.errorf(e.value, "%s must be text, found %s", e.key.Value, describe(e.value))
		return ""
	}
	if isNull(e.value) {
		return ""
	}
	return e.value.Value
}

// required reads a text value that must be present and not empty.
func (d *decoder) required(n *yaml.Node, m map[string]entry, what, key string) string {
	e, ok := m[key]
	if !ok {
		d.errorf(n, "%s is missing %q", what, key)
		return ""
	}
	s := d.str(e)
	if strings.TrimSpace(s) == "" && e.value.Kind == yaml.ScalarNode {
		d.errorf(e.value, "%s is empty", key)
	}
	return s
}

func (d *decoder) boolean(e entry) bool {
	if e.value.Kind != yaml.ScalarNode || e.value.Tag != "!!bool" {
		d.errorf(e.value, "%s must be true or false, found %s", e.key.Value, describe(e.value))
		return false
	}
	return e.value.Value == "true"
}

func (d *decoder) integer(e entry) int {
	if e.value.Kind == yaml.ScalarNode && e.value.Tag == "!!int" {
		if n, err := strconv.Atoi(e.value.Value); err == nil {
			return n
		}
	}
	d.errorf(e.value, "%s must be a whole number, found %s", e.key.Value, describe(e.value))
	return 0
}

// list checks that e's value is a list and returns its items.
func (d *decoder) list(e entry) []*yaml.Node {
	if e.value.Kind != yaml.SequenceNode {
		d.errorf(e.value, "%s must be a list, found %s", e.key.Value, describe(e.value))
		return nil
	}
	return e.value.Content
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// checkID reports an id that is not made of lower-case ASCII letters, digits
// and hyphens: ids become folder names and URL segments.
func (d *decoder) checkID(n *yaml.Node, what, id string) bool {
	if msg := IDProblem(id); msg != "" {
		d.errorf(n, "%s %q %s", what, id, msg)
		return false
	}
	return true
}

// IDProblem says what is wrong with an id, or returns "" when it is valid:
// ids become folder names and URL segments.
func IDProblem(id string) string {
	if n := utf8.RuneCountInString(id); n > MaxID {
		return fmt.Sprintf("is %d characters long; keep it under %d", n, MaxID)
	}
	if idPattern.MatchString(id) {
		return ""
	}
	// The hint writes each run of separators as one '-': "x/../../y" is
	// "x-y", not "x-------y".
	dropped := false
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case r == '-' || r == ' ' || r == '_' || r == '.' || r == '/' || r == '\\':
			if !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		default:
			dropped = true
		}
	}
	hint := strings.Trim(b.String(), "-")
	msg := "must use only a-z, 0-9 and '-', starting with a letter or digit"
	if hint != "" && !dropped && idPattern.MatchString(hint) { // a hint that loses letters ("über" → "ber") is no help
		msg += fmt.Sprintf(" (for example %q)", hint)
	}
	return msg
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
