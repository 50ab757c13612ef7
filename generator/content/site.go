package content

import (
	"github.com/lessongen/lessongen/generator/locale"
	"gopkg.in/yaml.v3"
)

// site decodes site.yaml.
func (d *decoder) site(root *yaml.Node) *Site {
	m := d.fields(root, "site.yaml", "title", "description", "language", "baseURL", "topics", "languages")
	s := &Site{BaseURL: "/"}
	s.Title = d.required(root, m, "site.yaml", "title")
	if e, ok := m["description"]; ok {
		s.Description = d.str(e)
	}
	s.Language = d.required(root, m, "site.yaml", "language")
	if e, ok := m["language"]; ok && s.Language != "" {
		if !locale.Valid(s.Language) {
			d.errorf(e.value, "language %q is not a BCP 47 language tag (such as en, ja, zh-Hans or pt-BR)", s.Language)
		}
	}
	if e, ok := m["baseURL"]; ok {
		if u := d.str(e); u != "" {
			s.BaseURL = u
		}
	}
	if e, ok := m["languages"]; ok {
		s.LanguageList = []Ref{}
		for _, n := range d.list(e) {
			if tag := d.str(entry{e.key, n}); tag != "" {
				s.LanguageList = append(s.LanguageList, Ref{ID: tag, Pos: d.pos(n)})
			}
		}
	}
	e, ok := m["topics"]
	if !ok {
		d.errorf(root, "site.yaml is missing \"topics\"; list at least one topic with its id and title")
		s.topicsBroken = true
		return s
	}
	before := d.diags.Errors()
	defer func() { s.topicsBroken = d.diags.Errors() != before }()
	seen := map[string]bool{}
	for _, n := range d.list(e) {
		f := d.fields(n, "topic", "id", "title")
		if f == nil {
			continue
		}
		t := Topic{Pos: d.pos(n)}
		t.ID = d.required(n, f, "topic", "id")
		t.Title = d.required(n, f, "topic", "title")
		if t.ID == "" {
			continue
		}
		d.checkID(f["id"].value, "topic id", t.ID)
		if seen[t.ID] {
			d.errorf(f["id"].value, "topic %q is defined twice", t.ID)
			continue
		}
		seen[t.ID] = true
		s.Topics = append(s.Topics, t)
	}
	if len(e.value.Content) == 0 && e.value.Kind == yaml.SequenceNode {
		d.errorf(e.value, "topics is empty; list at least one topic with its id and title")
	}
	return s
}
