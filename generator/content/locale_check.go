package content

import (
	"fmt"
	"sort"

	"github.com/lessongen/lessongen/generator/diag"
)

// checkTranslations lines each translation of language l up with the
// strings it translates (see matching) and warns about the entries that
// translate nothing any more: a removed step, a typo, a step changed
// beyond recognition. They are warnings, not errors: a translator's file
// must never break the build. files holds the hashes of the files read,
// by which c keeps each scene's matching from one load to the next.
func checkTranslations(s *Site, l *Language, files map[string]uint64, c *Cache, diags *diag.List) {
	if l.Source {
		return
	}
	l.site = matchSite(s, l)
	warnOrphans(diags, l.site.orphans)
	scenes := map[string]*Scene{}
	var ids []string
	for _, sc := range s.Scenes {
		scenes[sc.ID] = sc
		ids = append(ids, sc.ID)
	}
	l.matches = map[string]*matching{}
	for _, id := range sortedKeys(l.Scenes) {
		tr := l.Scenes[id]
		sc, ok := scenes[id]
		if !ok {
			diags.Warnf(diag.Pos{Path: tr.Path, Line: 1, Col: 1}, "translation of unknown scene %q; %s", id, suggestRef(id, "scene", ids))
			continue
		}
		m, found := c.checked(tr.Path, files[sc.Path], files[tr.Path], func(d *diag.List) *matching {
			m := matchScene(sc, tr)
			warnOrphans(d, m.orphans)
			return m
		})
		l.matches[id] = m
		*diags = append(*diags, found...)
	}
}

// warnOrphans reports each orphan, with a hint when its key looks like a
// typo of a key the source has.
func warnOrphans(diags *diag.List, orphans []Orphan) {
	for _, o := range orphans {
		diags.Warnf(o.Pos, "%s", o.Message())
	}
}

// Message says what is wrong with the orphan and what to do.
func (o Orphan) Message() string {
	name := o.Key[len(o.Key)-1]
	if o.What == "wait" {
		return fmt.Sprintf("translation of a wait that step %q does not have; remove it, or add \"wait\" to the step", o.Known[0])
	}
	numbered := o.What == "step" && atoi(name) > 0
	if m := didYouMean(name, o.Known); m != "" && m != name && !numbered {
		return fmt.Sprintf("translation of unknown %s %q; did you mean %q?", o.What, name, m)
	}
	if numbered {
		return fmt.Sprintf("translation of step %s matches no step of the scene any more, so it is shown nowhere; "+
			"\"lessongen i18n extract\" keeps it as a comment (#~) for you to reuse or delete", name)
	}
	return fmt.Sprintf("translation of unknown %s %q, shown nowhere; %s", o.What, name, suggestRef(name, o.What, o.Known))
}

// sortedKeys returns m's keys sorted, for deterministic output.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
