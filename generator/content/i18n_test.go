package content

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

const i18nScene = `title: A scene
topic: web
actors:
  - id: pc
    name: PC
steps:
  - id: syn
    note: pc
    label: SYN sent
    text: |
      The PC sends a SYN.
      It picks a sequence number.
    fields:
      seq: x
      state: waiting for an answer
    phase: Handshake
  - note: pc
    label: Second
`

func i18nFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.yaml":      {Data: []byte(okSite)},
		"scenes/ok.yaml": {Data: []byte(i18nScene)},
	}
	for k, v := range files {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	return fsys
}

func language(t *testing.T, s *Site, tag string) *Language {
	t.Helper()
	for _, l := range s.Languages {
		if l.Tag == tag {
			return l
		}
	}
	t.Fatalf("no language %s", tag)
	return nil
}

// languageOrNew returns the language tag of s, or a new one.
func languageOrNew(s *Site, tag string) *Language {
	for _, l := range s.Languages {
		if l.Tag == tag {
			return l
		}
	}
	return NewLanguage(tag, "content/locales/"+tag)
}

// trial is a translator's folder in memory, acted on step by step.
type trial struct {
	t    *testing.T
	fsys fstest.MapFS
	tag  string
}

func newTrial(t *testing.T, tag string, files map[string]string) *trial {
	return &trial{t, i18nFS(files), tag}
}

func (tr *trial) load() *Site {
	tr.t.Helper()
	s, diags := Load(tr.fsys, "content")
	if diags.HasErrors() {
		tr.t.Fatal(diags)
	}
	return s
}

// extract runs Extract and writes its files; it returns the notes.
func (tr *trial) extract() string {
	tr.t.Helper()
	s := tr.load()
	files, _ := fs.Sub(tr.fsys, "locales/"+tr.tag)
	ed, err := Extract(s, languageOrNew(s, tr.tag), files)
	if err != nil {
		tr.t.Fatal(err)
	}
	for _, f := range ed.Files {
		tr.fsys["locales/"+tr.tag+"/"+f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return ed.Notes.String()
}

// edit replaces old by new, once, in a file.
func (tr *trial) edit(name, old, new string) {
	tr.t.Helper()
	f := tr.fsys[name]
	if f == nil || !strings.Contains(string(f.Data), old) {
		tr.t.Fatalf("%s has no %q:\n%s", name, old, f.Data)
	}
	tr.fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
}

func (tr *trial) file(name string) string { return string(tr.fsys["locales/"+tr.tag+"/"+name].Data) }

// units returns the units of the trial's language by "file:key".
func (tr *trial) units() map[string]Unit {
	s := tr.load()
	out := map[string]Unit{}
	for _, u := range Units(s, languageOrNew(s, tr.tag)) {
		out[u.File+":"+u.KeyString()] = u
	}
	return out
}

func (tr *trial) state(key string) State {
	tr.t.Helper()
	u, ok := tr.units()[key]
	if !ok {
		tr.t.Fatalf("no unit %s", key)
	}
	return u.State()
}

func (tr *trial) want(key string, st State) {
	tr.t.Helper()
	if got := tr.state(key); got != st {
		tr.t.Errorf("%s: state %v, want %v\n%s", key, got, st, tr.file("ok.yaml"))
	}
}

// confirm applies a confirmation of the unit key.
func (tr *trial) confirm(key string) {
	tr.t.Helper()
	s := tr.load()
	l := language(tr.t, s, tr.tag)
	var changes []Change
	for _, u := range Units(s, l) {
		if u.File+":"+u.KeyString() == key {
			changes = append(changes, Change{Unit: u})
		}
	}
	files, _ := fs.Sub(tr.fsys, "locales/"+tr.tag)
	ed, err := Apply(s, l, files, changes)
	if err != nil {
		tr.t.Fatal(err)
	}
	for _, f := range ed.Files {
		tr.fsys["locales/"+tr.tag+"/"+f.Name] = &fstest.MapFile{Data: f.Data}
	}
}

func TestExtractNewLanguage(t *testing.T) {
	tr := newTrial(t, "fr", nil)
	tr.extract()
	ok := tr.file("ok.yaml")
	for _, want := range []string{
		"# français (fr) translation of the scene \"ok\".\n",
		"\n# en: A scene\n# fp: " + Fingerprint("A scene") + "\ntitle: \"\"\n",
		"    # en: The PC sends a SYN.\n    #   It picks a sequence number.\n    # fp: " + Fingerprint("The PC sends a SYN.\nIt picks a sequence number.\n") + "\n    text: \"\"\n",
		"    fields:\n      # en: waiting for an answer\n",
		"  \"2\":\n    # en: Second\n",
		"phases:\n  # en: Handshake\n",
		"field_names:\n  # en: seq\n", // a field's name is words, even when its value is data
	} {
		if !strings.Contains(ok, want) {
			t.Errorf("ok.yaml lacks %q:\n%s", want, ok)
		}
	}
	if strings.Contains(ok, "      seq:") {
		t.Errorf("the data field seq: x was extracted:\n%s", ok)
	}
	if site := tr.file("site.yaml"); !strings.Contains(site, "\nname: français\n# en: Test site\n") {
		t.Errorf("site.yaml:\n%s", site)
	}
	before := snapshotFS(tr.fsys)
	tr.extract()
	if after := snapshotFS(tr.fsys); after != before {
		t.Errorf("a second extract changed the files:\n%s", after)
	}
	tr.want("ok.yaml:title", Missing)
	if _, asked := tr.units()["ok.yaml:steps.syn.fields.seq"]; asked && tr.units()["ok.yaml:steps.syn.fields.seq"].Asked() {
		t.Error("the data field is asked")
	}
}

func snapshotFS(fsys fstest.MapFS) string {
	var b strings.Builder
	for _, k := range sortedKeys(fsys) {
		b.WriteString(k + "\n" + string(fsys[k].Data) + "\n")
	}
	return b.String()
}

// TestStaleness acts out, in every order the issue names, what translators
// and authors do, and checks that a translation of an older source text is
// stale until a translator edits or confirms it.
func TestStaleness(t *testing.T) {
	const title = "ok.yaml:title"
	t.Run("first translation, then the source changes", func(t *testing.T) {
		tr := newTrial(t, "fr", nil)
		tr.extract()
		tr.edit("locales/fr/ok.yaml", `title: ""`, `title: Une scène`)
		tr.want(title, Current)
		tr.edit("scenes/ok.yaml", "title: A scene", "title: A better scene")
		tr.want(title, Stale)
		tr.extract()
		tr.want(title, Stale)
		if f := tr.file("ok.yaml"); !strings.Contains(f, "#| en: A scene\n# en: A better scene\n# fp: "+Fingerprint("A better scene")+" stale "+Fingerprint("Une scène")+"\ntitle: Une scène\n") {
			t.Errorf("the stale record does not show both texts:\n%s", f)
		}
		tr.extract()
		tr.want(title, Stale)
		tr.edit("locales/fr/ok.yaml", "title: Une scène", "title: Une meilleure scène")
		tr.want(title, Current)
		tr.extract()
		tr.want(title, Current)
		if f := tr.file("ok.yaml"); !strings.Contains(f, "\n\n# en: A better scene\n# fp: "+Fingerprint("A better scene")+"\ntitle: Une meilleure scène\n") {
			t.Errorf("extract left the stale marks of a current translation:\n%s", f)
		}
	})
	t.Run("the source changes between extract and translation", func(t *testing.T) {
		tr := newTrial(t, "fr", nil)
		tr.extract()
		tr.edit("scenes/ok.yaml", "title: A scene", "title: A better scene")
		// The translator translates what the file shows: the old text.
		tr.edit("locales/fr/ok.yaml", `title: ""`, `title: Une scène`)
		tr.want(title, Stale)
		tr.extract()
		tr.want(title, Stale)
	})
	t.Run("translation edited, then the source, before extract", func(t *testing.T) {
		tr := newTrial(t, "fr", nil)
		tr.extract()
		tr.edit("locales/fr/ok.yaml", `title: ""`, `title: Une scène`)
		tr.extract()
		tr.edit("locales/fr/ok.yaml", `title: Une scène`, `title: Une belle scène`)
		tr.edit("scenes/ok.yaml", "title: A scene", "title: A better scene")
		tr.want(title, Stale) // which came first is not known
		tr.extract()
		tr.want(title, Stale)
	})
	t.Run("confirmed", func(t *testing.T) {
		tr := newTrial(t, "fr", nil)
		tr.extract()
		tr.edit("locales/fr/ok.yaml", `title: ""`, `title: Une scène`)
		tr.edit("scenes/ok.yaml", "title: A scene", "title: A scene!")
		tr.extract()
		tr.want(title, Stale)
		tr.confirm(title)
		tr.want(title, Current)
		if f := tr.file("ok.yaml"); !strings.Contains(f, "# en: A scene!\n# fp: "+Fingerprint("A scene!")+"\ntitle: Une scène\n") {
			t.Errorf("confirm:\n%s", f)
		}
	})
	t.Run("the source changes twice", func(t *testing.T) {
		tr := newTrial(t, "fr", nil)
		tr.extract()
		tr.edit("locales/fr/ok.yaml", `title: ""`, `title: Une scène`)
		tr.edit("scenes/ok.yaml", "title: A scene", "title: A second scene")
		tr.extract()
		tr.edit("scenes/ok.yaml", "title: A second scene", "title: A third scene")
		tr.want(title, Stale)
		tr.extract()
		tr.want(title, Stale)
		if f := tr.file("ok.yaml"); !strings.Contains(f, "#| en: A scene\n# en: A third scene\n") {
			t.Errorf("the previous text should stay the one translated:\n%s", f)
		}
	})
	t.Run("no record", func(t *testing.T) {
		tr := newTrial(t, "ko", map[string]string{"locales/ko/ok.yaml": "title: 장면\n"})
		tr.want(title, Stale)
		tr.extract()
		tr.want(title, Stale)
		if f := tr.file("ok.yaml"); !strings.Contains(f, "#| en: (not recorded)\n# en: A scene\n") {
			t.Errorf("an unrecorded translation:\n%s", f)
		}
		tr.confirm(title)
		tr.want(title, Current)
	})
	t.Run("records of lessongen 0.1", func(t *testing.T) {
		fp := Fingerprint("A scene")
		tr := newTrial(t, "es", map[string]string{"locales/es/ok.yaml": "# en: A scene\n# fp: " + fp + " 11111111\ntitle: Una escena\n" +
			"# en: An old summary\n# fp: " + Fingerprint("An old summary") + " 22222222\nsummary: Un resumen viejo\n"})
		tr.edit("scenes/ok.yaml", "topic: web\n", "summary: A new summary\ntopic: web\n")
		tr.want(title, Current)
		tr.want("ok.yaml:summary", Stale)
		tr.extract()
		tr.want(title, Current)
		tr.want("ok.yaml:summary", Stale)
		if f := tr.file("ok.yaml"); !strings.Contains(f, "# fp: "+fp+"\ntitle: Una escena\n") || !strings.Contains(f, "#| en: An old summary\n# en: A new summary\n") {
			t.Errorf("migrated:\n%s", f)
		}
	})
}

func TestExtractKeepsBytes(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n"} {
		orig := strings.ReplaceAll(`# My own notes, at the top.

title: 'Une scène, dite « simple »'   # a comment after the value
actors:
  pc: "PC \"maison\""
steps:
  syn:
    # Le terme SYN reste en anglais.
    label: SYN envoyé
    text: |-
      Le PC envoie un SYN.

        # pas un commentaire, du texte
      Il choisit un numéro.
  "2":
    label: >
      Deuxième
      étape
phases:
  Handshake: Poignée de main
`, "\n", eol)
		tr := newTrial(t, "fr", map[string]string{"locales/fr/ok.yaml": orig})
		before := tr.units()
		tr.extract()
		got := tr.file("ok.yaml")
		// Every line of the translator's stays, in order, byte for byte.
		rest := got
		for _, line := range strings.SplitAfter(orig, eol) {
			i := strings.Index(rest, line)
			if i < 0 {
				t.Fatalf("eol %q: extract changed or moved %q:\n%s", eol, line, got)
			}
			rest = rest[i+len(line):]
		}
		if strings.Contains(strings.ReplaceAll(got, "\r\n", ""), "\n") && eol == "\r\n" {
			t.Errorf("extract wrote bare LF into a CRLF file:\n%q", got)
		}
		for k, u := range tr.units() {
			if b := before[k]; b.Tr != nil && (u.Tr == nil || u.Tr.Text != b.Tr.Text) {
				t.Errorf("%s: %q became %v", k, b.Tr.Text, u.Tr)
			}
		}
		for _, want := range []string{
			"    # Le terme SYN reste en anglais." + eol + "    # stale: ",
			"  \"2\":" + eol + "    # stale: ",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("eol %q: no %q in:\n%s", eol, want, got)
			}
		}
	}
}

// pages returns what each step of the scene shows in language tag: label
// and text, by step number.
func (tr *trial) pages() []string {
	s := tr.load().In(language(tr.t, tr.load(), tr.tag))
	var out []string
	for _, sc := range s.Scenes {
		for _, st := range sc.Steps {
			out = append(out, st.Label+" | "+strings.TrimSpace(st.Text))
		}
	}
	return out
}

const unnamedScene = `title: Unnamed
topic: web
actors:
  - id: pc
    name: PC
steps:
  - note: pc
    label: One
    text: The first step.
  - note: pc
    label: Two
  - note: pc
    label: Three
    text: The third step.
`

func TestStepsWithoutIDsKeepTheirTranslations(t *testing.T) {
	tr := newTrial(t, "fr", map[string]string{"scenes/ok.yaml": unnamedScene})
	tr.extract()
	tr.edit("locales/fr/ok.yaml", "label: \"\"", "label: Un")
	tr.edit("locales/fr/ok.yaml", "text: \"\"", "text: La première étape.")
	tr.edit("locales/fr/ok.yaml", "label: \"\"", "label: Deux")
	tr.edit("locales/fr/ok.yaml", "label: \"\"", "label: Trois")
	tr.extract()
	translated := []string{"Un | La première étape.", "Deux | ", "Trois | The third step."}
	if got := tr.pages(); strings.Join(got, "\n") != strings.Join(translated, "\n") {
		t.Fatalf("before the insertion:\n%s", strings.Join(got, "\n"))
	}
	// An unnamed step goes in at the top: every page keeps its own words,
	// before and after extract, and nothing is stale or orphaned.
	tr.edit("scenes/ok.yaml", "steps:\n", "steps:\n  - note: pc\n    label: Zero\n")
	want := append([]string{"Zero | "}, translated...)
	for _, when := range []string{"before extract", "after extract"} {
		if got := tr.pages(); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s, the pages show:\n%s\nwant:\n%s", when, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		for _, k := range []string{"ok.yaml:steps.2.label", "ok.yaml:steps.2.text", "ok.yaml:steps.3.label", "ok.yaml:steps.4.label"} {
			tr.want(k, Current)
		}
		tr.want("ok.yaml:steps.1.label", Missing)
		if notes := tr.extract(); notes != "" {
			t.Errorf("extract: %s", notes)
		}
	}
	if f := tr.file("ok.yaml"); !strings.Contains(f, "  \"1\":\n    # en: Zero\n") || !strings.Contains(f, "  \"2\":\n    # en: One\n") || !strings.Contains(f, "  \"4\":\n    # en: Three\n") {
		t.Errorf("the keys were not moved:\n%s", f)
	}
	// A label-only step renamed where it stands: stale, not lost.
	tr.edit("scenes/ok.yaml", "label: Two", "label: Two, renamed")
	tr.want("ok.yaml:steps.3.label", Stale)
	tr.extract()
	tr.want("ok.yaml:steps.3.label", Stale)
	// A step removed: its translation is shown nowhere, and kept as a comment.
	tr.edit("scenes/ok.yaml", "  - note: pc\n    label: One\n    text: The first step.\n", "")
	want = []string{"Zero | ", "Deux | ", "Trois | The third step."}
	if got := tr.pages(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after the removal, the pages show:\n%s", strings.Join(got, "\n"))
	}
	notes := tr.extract()
	if !strings.Contains(notes, "kept the translation of steps.2 as a comment (#~)") {
		t.Errorf("notes: %s", notes)
	}
	if f := tr.file("ok.yaml"); !strings.Contains(f, "  #~ \"2\":\n  #~   # en: One\n") {
		t.Errorf("the orphan is not a comment:\n%s", f)
	}
	if got := tr.pages(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after extract, the pages show:\n%s", strings.Join(got, "\n"))
	}
}

func TestRenamedPhaseIsStale(t *testing.T) {
	tr := newTrial(t, "fr", nil)
	tr.extract()
	tr.edit("locales/fr/ok.yaml", "Handshake: \"\"", "Handshake: Poignée de main")
	tr.edit("scenes/ok.yaml", "phase: Handshake", "phase: Three-way handshake")
	tr.want("ok.yaml:phases.Three-way handshake", Stale)
	if notes := tr.extract(); notes != "" {
		t.Errorf("extract: %s", notes)
	}
	tr.want("ok.yaml:phases.Three-way handshake", Stale)
	if f := tr.file("ok.yaml"); !strings.Contains(f, "  #| en: Handshake\n  # en: Three-way handshake\n") || !strings.Contains(f, "  Three-way handshake: Poignée de main\n") {
		t.Errorf("the renamed phase:\n%s", f)
	}
}

func TestDataIsNotAsked(t *testing.T) {
	scene := strings.Replace(i18nScene, "      seq: x\n", "      seq: x\n      port: !words \"80\"\n      mode: !data passive open\n", 1)
	tr := newTrial(t, "fr", map[string]string{"scenes/ok.yaml": scene})
	tr.extract()
	f := tr.file("ok.yaml")
	if strings.Contains(f, "      seq:") || strings.Contains(f, "      mode:") || !strings.Contains(f, "# en: 80\n") {
		t.Errorf("asked for the wrong strings:\n%s", f)
	}
	// A translator may still override a data string.
	tr.edit("locales/fr/ok.yaml", "      port: \"\"\n", "      port: \"80\"\n      # en: x\n      # fp: "+Fingerprint("x")+"\n      seq: ξ\n")
	s := tr.load()
	fields := s.In(language(t, s, "fr")).Scenes[0].Steps[0].Fields
	for _, f := range fields {
		switch f.Name {
		case "seq":
			if f.Value != "ξ" || f.ValueLang != "" {
				t.Errorf("override: %+v", f)
			}
		case "mode":
			if f.Value != "passive open" || f.ValueLang != "" {
				t.Errorf("data shown as %+v; it should be shown as it is, not marked as English", f)
			}
		case "state":
			if f.ValueLang != "en" {
				t.Errorf("untranslated words not marked: %+v", f)
			}
		}
	}
	if _, diags := Load(i18nFS(map[string]string{"scenes/ok.yaml": strings.Replace(i18nScene, "seq: x", "seq: !dta x", 1)}), "content"); !strings.Contains(diags.String(), "content/scenes/ok.yaml:14:12: unknown tag !dta") {
		t.Errorf("an unknown tag: %s", diags)
	}
}

func TestLocaleErrorsAndWarnings(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"orphan step", map[string]string{"locales/ja/ok.yaml": "steps:\n  sin:\n    label: x\n"},
			`content/locales/ja/ok.yaml:2:3: warning: translation of unknown step "sin"; did you mean "syn"?`},
		{"orphan actor", map[string]string{"locales/ja/ok.yaml": "actors:\n  pcc: x\n"},
			`content/locales/ja/ok.yaml:2:3: warning: translation of unknown actor "pcc"; did you mean "pc"?`},
		{"orphan field", map[string]string{"locales/ja/ok.yaml": "steps:\n  syn:\n    fields:\n      ack: x\n"},
			`content/locales/ja/ok.yaml:4:7: warning: translation of unknown field "ack", shown nowhere; the fields are: seq, state`},
		{"orphan scene", map[string]string{"locales/ja/nope.yaml": "title: x\n"},
			`content/locales/ja/nope.yaml:1:1: warning: translation of unknown scene "nope"; the scenes are: ok`},
		{"orphan topic", map[string]string{"locales/ja/site.yaml": "topics:\n  webb: ウェブ\n"},
			`content/locales/ja/site.yaml:2:3: warning: translation of unknown topic "webb"; did you mean "web"?`},
		{"orphan numbered step", map[string]string{"locales/ja/ok.yaml": "steps:\n  \"7\":\n    # en: Gone\n    # fp: " + Fingerprint("Gone") + "\n    label: x\n"},
			`content/locales/ja/ok.yaml:2:3: warning: translation of step 7 matches no step of the scene any more, so it is shown nowhere; "lessongen i18n extract" keeps it as a comment (#~) for you to reuse or delete`},
		{"malformed", map[string]string{"locales/ja/ok.yaml": "title: [\n"},
			`content/locales/ja/ok.yaml:1:1: YAML syntax error: did not find expected node content`},
		{"unknown field", map[string]string{"locales/ja/ok.yaml": "titel: x\n"},
			`content/locales/ja/ok.yaml:1:1: unknown field "titel" in scene translation; did you mean "title"?`},
		{"bad dir", map[string]string{"locales/ja/site.yaml": "dir: up\n"},
			`content/locales/ja/site.yaml:1:6: dir must be ltr or rtl, found "up"`},
		{"bad tag", map[string]string{"locales/japanese!/ok.yaml": "title: x\n"},
			`content/locales/japanese!: locale folder "japanese!" is not a BCP 47 language tag (such as ja, zh-Hans or pt-BR)`},
		{"tag spelling", map[string]string{"locales/zh-hans/ok.yaml": "title: x\n"},
			`content/locales/zh-hans: locale folder "zh-hans" should be spelt "zh-Hans"`},
		{"source language", map[string]string{"locales/en/ok.yaml": "title: x\n"},
			`content/locales/en: "en" is the source language (site.yaml's language); its text lives in the scene files, so remove this folder`},
		{"unknown listed language", map[string]string{"site.yaml": okSite + "languages: [en, jp]\n", "locales/ja/ok.yaml": "title: x\n"},
			`content/site.yaml:6:17: unknown language "jp"; did you mean "ja"? (a language is a folder content/locales/<tag>/)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, diags := Load(i18nFS(tc.files), "content")
			if got := strings.TrimSpace(diags.String()); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestLanguageOrder(t *testing.T) {
	files := map[string]string{"locales/ja/ok.yaml": "title: x\n", "locales/ar/ok.yaml": "title: x\n", "locales/es/ok.yaml": "title: x\n"}
	s, _ := Load(i18nFS(files), "content")
	var tags []string
	for _, l := range s.Languages {
		tags = append(tags, l.Tag+"/"+l.Dir)
	}
	if got := strings.Join(tags, " "); got != "en/ltr ar/rtl es/ltr ja/ltr" {
		t.Errorf("languages %s", got)
	}
	files["site.yaml"] = okSite + "languages: [ja, es]\n"
	s, _ = Load(i18nFS(files), "content")
	tags = nil
	for _, l := range s.Languages {
		tags = append(tags, l.Tag)
	}
	if got := strings.Join(tags, " "); got != "en ja es" {
		t.Errorf("languages with a list: %s", got)
	}
}

// TestCachedCheck loads content again and again through one Cache, as
// lessongen serve does, and checks that a translation's warnings and what
// the pages show follow edits to either the scene or the translation.
func TestCachedCheck(t *testing.T) {
	fsys := i18nFS(map[string]string{"locales/ja/ok.yaml": "steps:\n  syn:\n    label: x\n"})
	var cache Cache
	const orphan = `content/locales/ja/ok.yaml:2:3: warning: translation of unknown step "syn"`
	for _, tc := range []struct {
		name, file, old, new string
		warned               bool
	}{
		{"first load", "", "", "", false},
		{"the step renamed in the scene", "scenes/ok.yaml", "id: syn", "id: syn1", true},
		{"nothing", "", "", "", true},
		{"the translation renamed too", "locales/ja/ok.yaml", "syn:", "syn1:", false},
	} {
		if tc.file != "" {
			fsys[tc.file].Data = []byte(strings.Replace(string(fsys[tc.file].Data), tc.old, tc.new, 1))
		}
		s, diags := LoadCached(fsys, "content", &cache)
		if got := strings.Contains(diags.String(), orphan); got != tc.warned {
			t.Errorf("after %s: warned %v, want %v:\n%s", tc.name, got, tc.warned, diags)
		}
		label := s.In(language(t, s, "ja")).Scenes[0].Steps[0].Label
		if shown := label == "x"; shown == tc.warned {
			t.Errorf("after %s: the step shows %q", tc.name, label)
		}
	}
}

// TestWaitIsTranslatable follows a step's wait through every translation
// path: extract writes its key, status counts it missing and then
// translated, the site in the language shows the translation or falls
// back with the source language marked, and a translated wait that the
// step does not have is reported.
func TestWaitIsTranslatable(t *testing.T) {
	scene := strings.Replace(i18nScene, "  - note: pc\n    label: Second\n", "  - note: pc\n    label: Second\n    wait: \"the timer runs out\"\n", 1)
	tr := newTrial(t, "ar", map[string]string{"scenes/ok.yaml": scene, "locales/ar/ok.yaml": "title: مشهد\n"})
	tr.extract()
	if file := tr.file("ok.yaml"); !strings.Contains(file, "    # en: the timer runs out\n") {
		t.Errorf("extract wrote no source comment for the wait:\n%s", file)
	}
	tr.want("ok.yaml:steps.2.wait", Missing)
	s := tr.load()
	if st := s.In(language(t, s, "ar")).Scenes[0].Steps[1]; st.Wait != "the timer runs out" || st.WaitLang != "en" {
		t.Errorf("fallback wait %q in %q, want the English one marked en", st.Wait, st.WaitLang)
	}
	tr.edit("locales/ar/ok.yaml", "wait: \"\"", "wait: \"تنتهي مهلة المؤقت\"")
	tr.want("ok.yaml:steps.2.wait", Current)
	s = tr.load()
	if st := s.In(language(t, s, "ar")).Scenes[0].Steps[1]; st.Wait != "تنتهي مهلة المؤقت" || st.WaitLang != "" {
		t.Errorf("translated wait %q in %q", st.Wait, st.WaitLang)
	}
	_, diags := Load(i18nFS(map[string]string{"scenes/ok.yaml": scene, "locales/ar/ok.yaml": "steps:\n  syn:\n    wait: ثانية\n"}), "content")
	if got := diags.String(); !strings.Contains(got, `content/locales/ar/ok.yaml:3:5: warning: translation of a wait that step "syn" does not have`) {
		t.Errorf("orphaned wait: %q", got)
	}
}

// TestByteWordsTranslatedOnce: a byte view's names and notes repeat from
// packet to packet, so a translator is asked for each text once per scene,
// and that one translation shows on every packet that has it.
func TestByteWordsTranslatedOnce(t *testing.T) {
	view := "    bytes:\n      hex: 45 00 00 3c\n      ranges:\n" +
		"        - {at: 0, size: 2, name: Source port, note: Where it came from., value: \"17664\"}\n" +
		"        - {at: 2, size: 2, name: Length, value: \"60\"}\n"
	scene := strings.Replace(i18nScene, "    phase: Handshake\n", "    phase: Handshake\n"+view, 1)
	scene = strings.Replace(scene, "    label: Second\n", "    label: Second\n"+view, 1)
	tr := newTrial(t, "fr", map[string]string{"scenes/ok.yaml": scene})
	tr.extract()
	f := tr.file("ok.yaml")
	if n := strings.Count(f, "# en: Source port\n"); n != 1 {
		t.Fatalf("asked for \"Source port\" %d times, want once:\n%s", n, f)
	}
	tr.edit("locales/fr/ok.yaml", "  Source port: \"\"\n", "  Source port: Port source\n")
	tr.want("ok.yaml:bytes.Source port", Current)
	tr.want("ok.yaml:bytes.Length", Missing)
	s := tr.load()
	for i, st := range s.In(language(t, s, "fr")).Scenes[0].Steps {
		r := st.Bytes.Ranges
		if r[0].Name != "Port source" || r[0].NameLang != "" || r[1].Name != "Length" || r[1].NameLang != "en" {
			t.Errorf("step %d: %+v", i+1, r)
		}
	}
}
