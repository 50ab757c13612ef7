package content

import (
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
    label: SYN
    text: |
      The PC sends a SYN.
      It picks a sequence number.
    fields:
      seq: x
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

// states maps each unit's key to its state.
func states(s *Site, l *Language) map[string]State {
	out := map[string]State{}
	for _, u := range Units(s, l) {
		out[u.File+":"+u.KeyString()] = u.State()
	}
	return out
}

func extractAll(t *testing.T, fsys fstest.MapFS, tag string) (Extracted, fstest.MapFS) {
	t.Helper()
	s, diags := Load(fsys, "content")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	ex, err := Extract(s, language(t, s, tag))
	if err != nil {
		t.Fatal(err)
	}
	next := fstest.MapFS{}
	for k, v := range fsys {
		next[k] = v
	}
	for _, f := range ex.Files {
		next["locales/"+tag+"/"+f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return ex, next
}

func TestExtractIsIdempotentAndKeepsTranslations(t *testing.T) {
	fsys := i18nFS(map[string]string{
		"locales/ja/ok.yaml": "title: シーン\nsteps:\n  syn:\n    label: SYN（同期）\n  gone:\n    label: 消えた\n",
	})
	first, fsys2 := extractAll(t, fsys, "ja")
	if got := first.Removed.String(); !strings.Contains(got, `content/locales/ja/ok.yaml:5:3: warning: removed the translation of unknown step "gone"`) {
		t.Errorf("removed = %q", got)
	}
	okFile := string(fsys2["locales/ja/ok.yaml"].Data)
	for _, want := range []string{
		"# en: A scene\n# fp: ", "title: シーン\n",
		"    # en: The PC sends a SYN.\n    #   It picks a sequence number.\n",
		"    label: SYN（同期）\n", "    text: \"\"\n", "      seq: \"\"\n", "  Handshake: \"\"\n", "  \"2\":\n",
	} {
		if !strings.Contains(okFile, want) {
			t.Errorf("extracted ok.yaml lacks %q:\n%s", want, okFile)
		}
	}
	if strings.Contains(okFile, "gone") {
		t.Error("the orphaned key was kept")
	}
	second, _ := extractAll(t, fsys2, "ja")
	for i, f := range second.Files {
		if string(f.Data) != string(first.Files[i].Data) {
			t.Errorf("second extract changed %s:\n%s\nthen:\n%s", f.Name, first.Files[i].Data, f.Data)
		}
	}
	s, diags := Load(fsys2, "content")
	if diags.HasErrors() || len(diags) != 0 {
		t.Fatalf("extracted files do not load cleanly:\n%s", diags)
	}
	st := states(s, language(t, s, "ja"))
	if st["ok.yaml:title"] != Translated || st["ok.yaml:steps.syn.label"] != Translated || st["ok.yaml:steps.syn.text"] != Missing {
		t.Errorf("states after extract: %v", st)
	}
}

func TestStaleUntilTranslationChanges(t *testing.T) {
	_, fsys := extractAll(t, i18nFS(map[string]string{"locales/es/ok.yaml": "title: Una escena\n"}), "es")
	// The author changes the English title.
	fsys["scenes/ok.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(i18nScene, "title: A scene", "title: A better scene", 1))}
	s, _ := Load(fsys, "content")
	if got := states(s, language(t, s, "es"))["ok.yaml:title"]; got != Stale {
		t.Fatalf("after the source changed: state %v, want Stale", got)
	}
	// Extract must not hide it: still stale, with the new source quoted.
	_, fsys = extractAll(t, fsys, "es")
	s, _ = Load(fsys, "content")
	if got := states(s, language(t, s, "es"))["ok.yaml:title"]; got != Stale {
		t.Fatalf("after extract: state %v, want still Stale", got)
	}
	if !strings.Contains(string(fsys["locales/es/ok.yaml"].Data), "# en: A better scene\n") {
		t.Error("extract did not quote the new source text")
	}
	// The translator updates the translation.
	data := strings.Replace(string(fsys["locales/es/ok.yaml"].Data), "title: Una escena", "title: Una escena mejor", 1)
	fsys["locales/es/ok.yaml"] = &fstest.MapFile{Data: []byte(data)}
	s, _ = Load(fsys, "content")
	if got := states(s, language(t, s, "es"))["ok.yaml:title"]; got != Translated {
		t.Fatalf("after the translation changed: state %v, want Translated", got)
	}
}

func TestUnfingerprintedIsStale(t *testing.T) {
	s, _ := Load(i18nFS(map[string]string{"locales/ko/ok.yaml": "title: 장면\n"}), "content")
	if got := states(s, language(t, s, "ko"))["ok.yaml:title"]; got != Stale {
		t.Errorf("state %v, want Stale until extract records a fingerprint", got)
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
			`content/locales/ja/ok.yaml:4:7: warning: translation of unknown field "ack"; the fields are: seq`},
		{"orphan scene", map[string]string{"locales/ja/nope.yaml": "title: x\n"},
			`content/locales/ja/nope.yaml:1:1: warning: translation of unknown scene "nope"; the scenes are: ok`},
		{"orphan topic", map[string]string{"locales/ja/site.yaml": "topics:\n  webb: ウェブ\n"},
			`content/locales/ja/site.yaml:2:3: warning: translation of unknown topic "webb"; did you mean "web"?`},
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
// lessongen serve does, and checks that a translation's warnings follow
// edits to either the scene or the translation.
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
		_, diags := LoadCached(fsys, "content", &cache)
		if got := strings.Contains(diags.String(), orphan); got != tc.warned {
			t.Errorf("after %s: warned %v, want %v:\n%s", tc.name, got, tc.warned, diags)
		}
	}
}
