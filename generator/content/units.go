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
	// Scene is the scene's id, or "" for site.yaml.
	Scene string
	// Key is the path to the string in that file: ["steps", "syn", "label"].
	Key    []string
	Source string
	// SourcePos is where the source text was written.
	SourcePos diag.Pos
	// Data is set for a string with nothing to translate (see IsData, and
	// the !data and !words marks): it is not asked of translators, but a
	// translator may still override it.
	Data bool
	// Tr is the translation, or nil when the language has none.
	Tr *Translation
	// At is the translation's key path in the file. It differs from Key
	// when the translation was matched by its record after the string's
	// key changed (see matching); extract then moves it to Key.
	At []string
}

// KeyString joins the key with dots, as messages show it.
func (u Unit) KeyString() string { return strings.Join(u.Key, ".") }

// Asked reports whether the unit is one a translator is asked for: any
// string of words, and a data string only when it has been translated.
func (u Unit) Asked() bool {
	return !u.Data || (u.Tr != nil && strings.TrimSpace(u.Tr.Text) != "")
}

// State is how far a unit is translated.
type State int

// The states of a unit, from best to worst.
const (
	// Current: translated, and written or confirmed against the source
	// text as it is now.
	Current State = iota
	// Stale: translated from another source text; see Record for the rules.
	Stale
	// Missing: no translation, or an empty one.
	Missing
)

// State tells whether the unit is current, stale or missing, by the rules
// Record describes.
func (u Unit) State() State {
	t := u.Tr
	if t == nil || strings.TrimSpace(t.Text) == "" {
		return Missing
	}
	r := t.Rec
	switch {
	case r == nil:
		return Stale // nothing says which source text it translates
	case r.SourceFP != Fingerprint(u.Source):
		return Stale // the source changed since the record
	case r.Stale && Fingerprint(t.Text) == r.TextFP:
		return Stale // marked stale and not edited since
	}
	return Current
}

// Units lists every translatable string of the site in language l, in the
// order the locale files list them, data strings included (see Asked).
// For the source language Tr is nil.
func Units(s *Site, l *Language) []Unit {
	var out []Unit
	add := func(file, scene string, src sources, m *matching) func([]string, string, func(string, string)) {
		return func(key []string, text string, _ func(string, string)) {
			if strings.TrimSpace(text) == "" {
				return
			}
			k := pathKey(key...)
			info := src[k]
			u := Unit{File: file, Scene: scene, Key: key, Source: text, SourcePos: info.Pos,
				Data: info.Mark == MarkData || (info.Mark == Auto && IsData(text))}
			if e, ok := m.at[k]; ok && !l.Source {
				u.Tr, u.At = e.tr, e.file
			}
			out = append(out, u)
		}
	}
	scratch := *s
	s.each(&scratch, add("site.yaml", "", s.sources, l.siteMatch()))
	for _, sc := range s.Scenes {
		sc.each(sc.clone(), add(sc.ID+".yaml", sc.ID, sc.sources, l.sceneMatch(sc.ID)))
	}
	return out
}

// each calls f for every translatable string of the site's own file, in
// the order the locale file lists them, with the function that puts a
// translation (text, and the language of the text) in place in out, a copy
// of s. Units and Site.In both walk the strings this way, so that a new
// kind of translatable string is one more line here (and in Scene.each).
func (s *Site) each(out *Site, f func(key []string, text string, set func(text, lang string))) {
	f([]string{"title"}, s.Title, func(t, l string) { out.Title, out.TitleLang = t, l })
	f([]string{"description"}, s.Description, func(t, l string) { out.Description, out.DescriptionLang = t, l })
	for i, t := range s.Topics {
		f([]string{"topics", t.ID}, t.Title, func(t, l string) { out.Topics[i].Title, out.Topics[i].TitleLang = t, l })
	}
}

// each is Site.each for a scene: out is a copy of sc made by clone.
func (sc *Scene) each(out *Scene, f func(key []string, text string, set func(text, lang string))) {
	f([]string{"title"}, sc.Title, func(t, l string) { out.Title, out.TitleLang = t, l })
	f([]string{"summary"}, sc.Summary, func(t, l string) { out.Summary, out.SummaryLang = t, l })
	for i, a := range sc.Actors {
		f([]string{"actors", a.ID}, a.Name, func(t, l string) { out.Actors[i].Name, out.Actors[i].NameLang = t, l })
	}
	for i, st := range sc.Steps {
		o := &out.Steps[i]
		f([]string{"steps", st.Key, "label"}, st.Label, func(t, l string) { o.Label, o.LabelLang = t, l })
		f([]string{"steps", st.Key, "text"}, st.Text, func(t, l string) { o.Text, o.TextLang = t, l })
		f([]string{"steps", st.Key, "wait"}, st.Wait, func(t, l string) { o.Wait, o.WaitLang = t, l })
		for j, fl := range st.Fields {
			f([]string{"steps", st.Key, "fields", fl.Name}, fl.Value, func(t, l string) { o.Fields[j].Value, o.Fields[j].ValueLang = t, l })
		}
	}
	for _, p := range phases(sc) {
		f([]string{"phases", p}, p, func(t, l string) {
			for i, st := range sc.Steps {
				if st.Phase == p {
					out.Steps[i].Phase, out.Steps[i].PhaseLang = t, l
				}
			}
		})
	}
	// A byte view's names and notes repeat from packet to packet ("Source
	// port" in every TCP header), so each is translated once per scene, by
	// its source text, like a phase title.
	for _, w := range byteWords(sc) {
		f([]string{"bytes", w}, w, func(t, l string) {
			for i, st := range sc.Steps {
				if st.Bytes == nil {
					continue
				}
				eachRange(st.Bytes.Ranges, out.Steps[i].Bytes.Ranges, func(r ByteRange, o *ByteRange) {
					if r.Name == w {
						o.Name, o.NameLang = t, l
					}
					if r.Note == w {
						o.Note, o.NoteLang = t, l
					}
				})
			}
		})
	}
	// A field's name repeats from step to step ("seq", "window"), so it too
	// is translated once per scene, by its source text.
	for _, name := range fieldNames(sc) {
		f([]string{"field_names", name}, name, func(t, l string) {
			for i, st := range sc.Steps {
				for j, fl := range st.Fields {
					if fl.Name == name {
						out.Steps[i].Fields[j].Name, out.Steps[i].Fields[j].NameLang = t, l
					}
				}
			}
		})
	}
	for i, r := range sc.References {
		f([]string{"references", r.URL}, r.Title, func(t, l string) { out.References[i].Title, out.References[i].TitleLang = t, l })
	}
}

// clone copies the scene and the slices that Scene.each writes to.
func (sc *Scene) clone() *Scene {
	out := *sc
	out.Actors = append([]Actor(nil), sc.Actors...)
	out.Steps = make([]Step, len(sc.Steps))
	for i, st := range sc.Steps {
		st.Fields = append([]Field(nil), st.Fields...)
		if st.Bytes != nil {
			bv := *st.Bytes
			bv.Ranges = cloneRanges(bv.Ranges)
			st.Bytes = &bv
		}
		out.Steps[i] = st
	}
	out.References = append([]Reference(nil), sc.References...)
	return &out
}

// fieldNames lists the names of a scene's fields, each once, in the order
// they first appear.
func fieldNames(sc *Scene) []string {
	return firstSeen(sc, func(st Step, add func(string)) {
		for _, f := range st.Fields {
			add(f.Name)
		}
	})
}

// phases lists a scene's phase titles in the order they first appear.
func phases(sc *Scene) []string {
	return firstSeen(sc, func(st Step, add func(string)) { add(st.Phase) })
}

// firstSeen lists the non-empty strings that each calls add with, step by
// step, each once, in the order they first appear: the strings a scene
// translates once however often they repeat.
func firstSeen(sc *Scene, each func(st Step, add func(string))) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, st := range sc.Steps {
		each(st, add)
	}
	return out
}
