package content

import (
	"strings"

	"github.com/lessongen/lessongen/generator/diag"
)

// Unit is one translatable string of the site: its source text and, in a
// language, its translation.
type Unit struct {
	// File is the locale file that holds the translation, relative to the
	// language's folder: "site.yaml" or "<scene>.yaml".
	File string
	// Key is the path to the string in that file: ["steps", "syn", "label"].
	Key    []string
	Source string
	// Tr is the translation, or nil when the language has none.
	Tr *Translation
}

// KeyString joins the key with dots, as messages show it.
func (u Unit) KeyString() string { return strings.Join(u.Key, ".") }

// State is how far a unit is translated.
type State int

// The states of a unit, from best to worst.
const (
	Translated State = iota
	// Stale: the source text changed after the translation was made, and the
	// translation has not changed since.
	Stale
	// Missing: no translation, or an empty one.
	Missing
)

// State tells whether the unit is translated, stale or missing.
func (u Unit) State() State {
	switch {
	case u.Tr == nil || strings.TrimSpace(u.Tr.Text) == "":
		return Missing
	case u.Tr.SourceFP == "":
		return Stale // never fingerprinted: nothing says which source it translates
	case u.Tr.SourceFP != Fingerprint(u.Source) && u.Tr.TextFP == Fingerprint(u.Tr.Text):
		return Stale
	}
	return Translated
}

// Units lists every translatable string of the site in language l, in the
// order the locale files list them. For the source language Tr is nil.
func Units(s *Site, l *Language) []Unit {
	var out []Unit
	add := func(file, source string, tr *Translation, key ...string) {
		if strings.TrimSpace(source) == "" {
			return
		}
		if tr != nil && tr.Pos == (diag.Pos{}) {
			tr = nil // absent from the file
		}
		out = append(out, Unit{File: file, Key: key, Source: source, Tr: tr})
	}
	ptr := func(m map[string]Translation, k string) *Translation {
		t := m[k]
		return &t
	}
	add("site.yaml", s.Title, &l.Title, "title")
	add("site.yaml", s.Description, &l.Description, "description")
	for _, t := range s.Topics {
		add("site.yaml", t.Title, ptr(l.Topics, t.ID), "topics", t.ID)
	}
	for _, sc := range s.Scenes {
		file := sc.ID + ".yaml"
		tr := l.Scenes[sc.ID]
		if tr == nil {
			tr = &SceneTranslation{}
		}
		add(file, sc.Title, &tr.Title, "title")
		add(file, sc.Summary, &tr.Summary, "summary")
		for _, a := range sc.Actors {
			add(file, a.Name, ptr(tr.Actors, a.ID), "actors", a.ID)
		}
		for _, st := range sc.Steps {
			stt := tr.Steps[st.Key]
			if stt == nil {
				stt = &StepTranslation{}
			}
			add(file, st.Label, &stt.Label, "steps", st.Key, "label")
			add(file, st.Text, &stt.Text, "steps", st.Key, "text")
			for _, f := range st.Fields {
				add(file, f.Value, ptr(stt.Fields, f.Name), "steps", st.Key, "fields", f.Name)
			}
		}
		for _, p := range phases(sc) {
			add(file, p, ptr(tr.Phases, p), "phases", p)
		}
		for _, r := range sc.References {
			add(file, r.Title, ptr(tr.References, r.URL), "references", r.URL)
		}
	}
	return out
}

// phases lists a scene's phase titles in the order they first appear.
func phases(sc *Scene) []string {
	var out []string
	seen := map[string]bool{}
	for _, st := range sc.Steps {
		if st.Phase != "" && !seen[st.Phase] {
			seen[st.Phase] = true
			out = append(out, st.Phase)
		}
	}
	return out
}
