package content

import (
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/locale"
	"gopkg.in/yaml.v3"
)

// site decodes site.yaml.
func (d *decoder) site(root *yaml.Node) *Site {
	m := d.fields(root, "site.yaml", "title", "description", "language", "baseURL", "topics", "languages")
	s := &Site{BaseURL: "/", sources: sources{}}
	s.Title = d.required(root, m, "site.yaml", "title")
	d.checkLength(m["title"], s.Title, MaxTitle)
	d.source(s.sources, m["title"], "title")
	if e, ok := m["description"]; ok {
		s.Description = d.str(e)
		d.checkLength(e, s.Description, MaxSummary)
		d.source(s.sources, e, "description")
	}
	s.Language = d.required(root, m, "site.yaml", "language")
	if e, ok := m["language"]; ok && s.Language != "" {
		// Spelt as locale folders must be, so that a tag names one language
		// and one folder of the output, even on a disk that ignores case.
		switch c := locale.Canonical(s.Language); {
		case !locale.Valid(s.Language):
			d.errorf(e.value, "language %q is not a BCP 47 language tag (such as en, ja, zh-Hans or pt-BR)", s.Language)
		case c != s.Language:
			d.errorf(e.value, "language %q should be spelt %q", s.Language, c)
		}
	}
	if e, ok := m["baseURL"]; ok {
		if u := d.str(e); utf8.RuneCountInString(u) > MaxURL {
			d.checkLength(e, u, MaxURL)
		} else if u != "" {
			if msg := BaseURLProblem(u); msg != "" {
				d.errorf(e.value, "baseURL %s", msg)
			} else {
				s.BaseURL = u
			}
		}
	}
	if e, ok := m["languages"]; ok {
		s.LanguageList = []Ref{}
		seen := map[string]int{}
		items := d.list(e)
		if len(items) > MaxLanguages {
			d.errorf(e.value, "a site has at most %d languages, this list has %d", MaxLanguages, len(items))
			items = nil
		}
		for _, n := range items {
			tag := d.str(entry{e.key, n})
			if line, dup := seen[tag]; dup && tag != "" {
				d.errorf(n, "%q is listed twice in languages (first at line %d)", tag, line)
				continue
			}
			seen[tag] = n.Line
			if tag != "" {
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
	topics := d.list(e)
	if len(topics) > MaxTopics {
		d.errorf(e.value, "a site has at most %d topics, this one has %d", MaxTopics, len(topics))
		return s
	}
	for _, n := range topics {
		f := d.fields(n, "topic", "id", "title")
		if f == nil {
			continue
		}
		t := Topic{Pos: d.pos(n)}
		t.ID = d.required(n, f, "topic", "id")
		t.Title = d.required(n, f, "topic", "title")
		d.checkLength(f["title"], t.Title, MaxTitle)
		if t.ID == "" {
			continue
		}
		d.checkID(f["id"].value, "topic id", t.ID)
		if seen[t.ID] {
			d.errorf(f["id"].value, "topic %q is defined twice", t.ID)
			continue
		}
		seen[t.ID] = true
		d.source(s.sources, f["title"], "topics", t.ID)
		s.Topics = append(s.Topics, t)
	}
	if len(e.value.Content) == 0 && e.value.Kind == yaml.SequenceNode {
		d.errorf(e.value, "topics is empty; list at least one topic with its id and title")
	}
	return s
}
