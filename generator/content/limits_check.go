package content

import (
	"fmt"
	"maps"
	"slices"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/diag"
)

// checkLimits holds every translated string of a language to the limit of
// the string it translates, as the scene files are held when they are
// read: a translation is no cheaper to render than its source.
func checkLimits(l *Language, diags *diag.List) {
	c := limitChecker{diags}
	c.text("title", l.Title, MaxTitle)
	c.text("description", l.Description, MaxSummary)
	c.each("topic title", l.Topics, MaxTitle)
	// sorted for deterministic output, though Load sorts messages too
	for _, id := range slices.Sorted(maps.Keys(l.Scenes)) {
		t := l.Scenes[id]
		c.text("title", t.Title, MaxTitle)
		c.text("summary", t.Summary, MaxSummary)
		c.each("actor name", t.Actors, MaxName)
		c.each("phase", t.Phases, MaxLabel)
		c.each("field name", t.FieldNames, MaxFieldName)
		c.each("reference title", t.References, MaxReferenceTitle)
		for _, key := range slices.Sorted(maps.Keys(t.Steps)) {
			st := t.Steps[key]
			c.text("label", st.Label, MaxLabel)
			c.text("text", st.Text, MaxText)
			if msg := markdownProblem(st.Text.Text); msg != "" {
				diags.Errorf(st.Text.Pos, "text %s", msg)
			}
			c.each("field", st.Fields, MaxFieldValue)
		}
	}
}

type limitChecker struct{ diags *diag.List }

func (c limitChecker) text(what string, t Translation, limit int) {
	if n := utf8.RuneCountInString(t.Text); n > limit {
		c.diags.Errorf(t.Pos, "%s is %d characters long; keep it under %d", what, n, limit)
	}
}

func (c limitChecker) each(what string, m map[string]Translation, limit int) {
	for _, k := range slices.Sorted(maps.Keys(m)) {
		c.text(fmt.Sprintf("%s %q", what, k), m[k], limit)
	}
}
