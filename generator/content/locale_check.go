package content

import (
	"sort"

	"github.com/lessongen/lessongen/generator/diag"
)

// checkTranslations warns about translations of strings that no longer
// exist in the source: a renamed step id, a removed actor, a typo. They are
// warnings, not errors: a translator's file must never break the build.
// files holds the hashes of the files read, by which c keeps each scene's
// findings from one load to the next.
func checkTranslations(s *Site, l *Language, files map[string]uint64, c *Cache, diags *diag.List) {
	if l.Source {
		return
	}
	topics := make([]string, len(s.Topics))
	for i, t := range s.Topics {
		topics[i] = t.ID
	}
	orphans(diags, l.Topics, topics, "topic")
	scenes := map[string]*Scene{}
	var ids []string
	for _, sc := range s.Scenes {
		scenes[sc.ID] = sc
		ids = append(ids, sc.ID)
	}
	for _, id := range sortedKeys(l.Scenes) {
		tr := l.Scenes[id]
		sc, ok := scenes[id]
		if !ok {
			diags.Warnf(diag.Pos{Path: tr.Path, Line: 1, Col: 1}, "translation of unknown scene %q; %s", id, suggestRef(id, "scene", ids))
			continue
		}
		*diags = append(*diags, c.checked(tr.Path, files[sc.Path], files[tr.Path], func(d *diag.List) {
			checkScene(sc, tr, d)
		})...)
	}
}

// checkScene warns about the strings of tr that scene sc does not have.
func checkScene(sc *Scene, tr *SceneTranslation, diags *diag.List) {
	var actors, keys, refs []string
	for _, a := range sc.Actors {
		actors = append(actors, a.ID)
	}
	steps := map[string]Step{}
	for _, st := range sc.Steps {
		keys = append(keys, st.Key)
		steps[st.Key] = st
	}
	for _, r := range sc.References {
		refs = append(refs, r.URL)
	}
	orphans(diags, tr.Actors, actors, "actor")
	orphans(diags, tr.Phases, phases(sc), "phase")
	orphans(diags, tr.References, refs, "reference")
	for _, k := range sortedKeys(tr.Steps) {
		stt := tr.Steps[k]
		st, ok := steps[k]
		if !ok {
			diags.Warnf(stt.KeyPos, "translation of unknown step %q; %s", k, suggestRef(k, "step key", keys))
			continue
		}
		var names []string
		for _, f := range st.Fields {
			names = append(names, f.Name)
		}
		orphans(diags, stt.Fields, names, "field")
	}
}

// orphans warns about each key of m that is not among known.
func orphans(diags *diag.List, m map[string]Translation, known []string, what string) {
	for _, k := range sortedKeys(m) {
		if !contains(known, k) {
			diags.Warnf(m[k].KeyPos, "translation of unknown %s %q; %s", what, k, suggestRef(k, what, known))
		}
	}
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
