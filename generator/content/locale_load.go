package content

import (
	"path"
	"sort"
	"strings"

	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/locale"
	"gopkg.in/yaml.v3"
)

// loadLocales reads content/locales/<tag>/ for every language and sets
// site.Languages: the source language first, then the translations, in the
// order site.yaml's languages list gives or else by tag.
func (l *loader) locales(display func(string) string, site *Site) {
	diags := l.diags
	src := &Language{Tag: site.Language, Name: locale.Name(site.Language), Dir: dirOf(site.Language), Source: true}
	langs := append([]*Language{src}, l.translations(display, site.Language)...)
	if len(langs) > MaxLanguages {
		diags.Errorf(diag.Pos{Path: display("locales")}, "a site has at most %d languages, this one has %d", MaxLanguages, len(langs))
		langs = langs[:1]
	}
	for _, lang := range langs[1:] {
		checkLimits(lang, diags)
	}
	site.Languages = orderLanguages(site, langs, diags)
	for _, lang := range site.Languages {
		checkTranslations(site, lang, l.files, l.cache, diags)
	}
}

// translations reads every language folder in content/locales/ but that of
// src, the source language. With src "" (site.yaml could not be read) the
// folders are still read, so that their problems are reported with the
// rest rather than one fix at a time.
func (l *loader) translations(display func(string) string, src string) []*Language {
	fsys, diags := l.fsys, l.diags
	var langs []*Language
	entries := readDir(fsys, "locales", display("locales"), diags)
	for _, e := range entries {
		if !isDir(fsys, "locales/"+e.Name(), display("locales/"+e.Name()), e, diags) || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		tag := e.Name()
		p := display("locales/" + tag)
		switch {
		case !locale.Valid(tag):
			diags.Errorf(diag.Pos{Path: p}, "locale folder %q is not a BCP 47 language tag (such as ja, zh-Hans or pt-BR)", tag)
			continue
		case locale.Canonical(tag) != tag:
			diags.Errorf(diag.Pos{Path: p}, "locale folder %q should be spelt %q", tag, locale.Canonical(tag))
			continue
		case tag == src:
			diags.Errorf(diag.Pos{Path: p}, "%q is the source language (site.yaml's language); its text lives in the scene files, so remove this folder", tag)
			continue
		}
		langs = append(langs, l.language("locales/"+tag, p, tag, src))
	}
	return langs
}

func dirOf(tag string) string {
	if locale.RTL(tag) {
		return "rtl"
	}
	return "ltr"
}

// orderLanguages applies site.yaml's languages list, if any.
func orderLanguages(site *Site, langs []*Language, diags *diag.List) []*Language {
	if site.LanguageList == nil {
		sort.SliceStable(langs[1:], func(i, j int) bool { return langs[1+i].Tag < langs[1+j].Tag })
		return langs
	}
	byTag := map[string]*Language{}
	var tags []string
	for _, l := range langs {
		byTag[l.Tag] = l
		tags = append(tags, l.Tag)
	}
	out := []*Language{langs[0]}
	for _, ref := range site.LanguageList {
		l, ok := byTag[ref.ID]
		switch {
		case !ok:
			diags.Errorf(ref.Pos, "unknown language %q; %s (a language is a folder content/locales/<tag>/)", ref.ID, suggestRef(ref.ID, "language", tags))
		case l.Source:
			// The source language is always first; listing it is fine.
		default:
			out = append(out, l)
			delete(byTag, ref.ID) // listed twice is listed once
		}
	}
	return out
}

// language reads the locale folder dir of language tag; src is the source
// language, whose tag the records in the files' comments name.
func (l *loader) language(dir, display, tag, src string) *Language {
	lang := NewLanguage(tag, display)
	entries := readDir(l.fsys, dir, display, l.diags)
	var names []string
	for _, e := range entries {
		switch name := e.Name(); {
		case strings.HasPrefix(name, "."):
		case e.IsDir() && path.Ext(name) != ".yaml": // one named like a file is read, and refused as a folder
		case path.Ext(name) == ".yml":
			// Not silently skipped: a translation that is never shown is
			// hard to notice.
			l.diags.Errorf(diag.Pos{Path: display + "/" + name}, "locale files end in .yaml; rename it to %s", strings.TrimSuffix(name, ".yml")+".yaml")
		case path.Ext(name) == ".yaml":
			names = append(names, name)
		}
	}
	// Decoded in parallel, then kept in the order of the folder.
	values := make([]any, len(names))
	inParallel(len(names), func(i int) {
		name := names[i]
		p := display + "/" + name
		switch name {
		case "ui.yaml":
			values[i] = l.file(dir+"/"+name, p, func(d *decoder, n *yaml.Node) any {
				strs, at := d.strings(n)
				return uiFile{strs, at}
			})
		case "site.yaml":
			values[i] = l.file(dir+"/"+name, p, func(d *decoder, n *yaml.Node) any {
				s := NewLanguage(tag, display)
				d.localeSite(n, s, src)
				return s
			})
		default:
			values[i] = l.file(dir+"/"+name, p, func(d *decoder, n *yaml.Node) any { return d.sceneTranslation(n, src) })
		}
	})
	for i, name := range names {
		p := display + "/" + name
		switch v := values[i].(type) {
		case uiFile:
			lang.UI, lang.UIPath, lang.uiKeys = v.strings, p, v.at
		case *Language:
			lang.Name, lang.Dir, lang.Title, lang.Description, lang.Topics = v.Name, v.Dir, v.Title, v.Description, v.Topics
		case *SceneTranslation:
			lang.Scenes[strings.TrimSuffix(name, ".yaml")] = v
		}
	}
	return lang
}

// localeSite decodes content/locales/<tag>/site.yaml into l.
func (d *decoder) localeSite(root *yaml.Node, l *Language, src string) {
	m := d.fields(root, "locale site.yaml", "name", "dir", "title", "description", "topics")
	if e, ok := m["name"]; ok && d.str(e) != "" {
		l.Name = d.str(e)
		d.checkLength(e, l.Name, MaxName)
	}
	if e, ok := m["dir"]; ok {
		switch v := d.str(e); v {
		case "ltr", "rtl":
			l.Dir = v
		default:
			d.errorf(e.value, "dir must be ltr or rtl, found %s", describe(e.value))
		}
	}
	if e, ok := m["title"]; ok {
		l.Title = d.translation(e, src)
	}
	if e, ok := m["description"]; ok {
		l.Description = d.translation(e, src)
	}
	if e, ok := m["topics"]; ok {
		l.Topics = d.translationMap(e, src)
	}
}

func (d *decoder) sceneTranslation(root *yaml.Node, src string) *SceneTranslation {
	t := &SceneTranslation{Path: d.path, Steps: map[string]*StepTranslation{}}
	m := d.fields(root, "scene translation", "title", "summary", "actors", "steps", "phases", "references", "bytes", "field_names")
	if e, ok := m["title"]; ok {
		t.Title = d.translation(e, src)
	}
	if e, ok := m["summary"]; ok {
		t.Summary = d.translation(e, src)
	}
	if e, ok := m["actors"]; ok {
		t.Actors = d.translationMap(e, src)
	}
	if e, ok := m["phases"]; ok {
		t.Phases = d.translationMap(e, src)
	}
	if e, ok := m["references"]; ok {
		t.References = d.translationMap(e, src)
	}
	if e, ok := m["bytes"]; ok {
		t.Bytes = d.translationMap(e, src)
	}
	if e, ok := m["field_names"]; ok {
		t.FieldNames = d.translationMap(e, src)
	}
	if e, ok := m["steps"]; ok {
		for _, kv := range d.pairs(e) {
			f := d.fields(kv.value, "step translation", "label", "text", "wait", "fields")
			if f == nil {
				continue
			}
			st := &StepTranslation{KeyPos: d.pos(kv.key)}
			if e, ok := f["label"]; ok {
				st.Label = d.translation(e, src)
			}
			if e, ok := f["text"]; ok {
				st.Text = d.translation(e, src)
			}
			if e, ok := f["wait"]; ok {
				st.Wait = d.translation(e, src)
			}
			if e, ok := f["fields"]; ok {
				st.Fields = d.translationMap(e, src)
			}
			t.Steps[kv.key.Value] = st
		}
	}
	return t
}

// pairs returns the entries of a mapping in order, reporting duplicates.
func (d *decoder) pairs(e entry) []entry {
	if e.value.Kind != yaml.MappingNode {
		if !isNull(e.value) {
			d.errorf(e.value, "%s must be a mapping of \"key: value\" lines, found %s", e.key.Value, describe(e.value))
		}
		return nil
	}
	var out []entry
	seen := map[string]int{}
	for i := 0; i+1 < len(e.value.Content); i += 2 {
		k, v := e.value.Content[i], e.value.Content[i+1]
		if line, dup := seen[k.Value]; dup {
			d.errorf(k, "%q appears twice in %s (first at line %d)", k.Value, e.key.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		out = append(out, entry{k, v})
	}
	return out
}

func (d *decoder) translationMap(e entry, src string) map[string]Translation {
	out := map[string]Translation{}
	for _, kv := range d.pairs(e) {
		out[kv.key.Value] = d.translation(kv, src)
	}
	return out
}

// translation reads a translated string and the record in the comment
// above its key. src is the source language's tag.
func (d *decoder) translation(e entry, src string) Translation {
	t := Translation{Text: d.str(e), Pos: d.pos(e.value), KeyPos: d.pos(e.key)}
	t.Rec, _ = recordLines(d.textLines(), e.key.Line, e.key.Column, src)
	return t
}

// textLines returns the lines of the file being decoded.
func (d *decoder) textLines() []string {
	if d.lines == nil {
		d.lines = strings.Split(string(d.data), "\n")
	}
	return d.lines
}

// strings decodes a ui.yaml file, and says where each key is written.
func (d *decoder) strings(root *yaml.Node) (Strings, map[string]diag.Pos) {
	out, at := Strings{}, map[string]diag.Pos{}
	name := path.Base(d.path)
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if prev, dup := at[k.Value]; dup {
			d.errorf(k, "%q appears twice in %s (first at line %d)", k.Value, name, prev.Line)
			continue
		}
		at[k.Value] = d.pos(k)
		if v.Kind == yaml.MappingNode {
			forms := d.fields(v, "plural forms of "+k.Value, pluralForms...)
			m := Plural{}
			for _, f := range pluralForms {
				if e, ok := forms[f]; ok {
					m[f] = d.uiString(e)
				}
			}
			if _, ok := m["other"]; !ok && forms != nil {
				d.errorf(v, "plural forms of %s need \"other\"", k.Value)
			}
			out[k.Value] = m
			continue
		}
		out[k.Value] = Plural{"other": d.uiString(entry{k, v})}
	}
	return out, at
}

// uiString decodes one UI string. An empty one is an error: "next: \"\""
// would give links with no words, which a reader cannot see or hear.
func (d *decoder) uiString(e entry) string {
	s := d.str(e)
	if strings.TrimSpace(s) == "" && e.value.Kind == yaml.ScalarNode {
		d.errorf(e.value, "%s is empty, which would leave the page with no words there; write them, or delete the line to keep the theme's", e.key.Value)
	}
	d.checkLength(e, s, MaxUI)
	return s
}
