package content

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/diag"
	"gopkg.in/yaml.v3"
)

// draftOf turns a loaded scene back into the draft that would write it.
func draftOf(s *Scene) *Draft {
	d := &Draft{Title: s.Title, Summary: s.Summary, Topic: s.Topic, Order: s.Order}
	for _, a := range s.Actors {
		d.Actors = append(d.Actors, DraftActor{ID: a.ID, Name: a.Name, Kind: a.Kind})
	}
	for _, st := range s.Steps {
		ds := DraftStep{ID: st.ID, Label: st.Label, Reply: st.Reply, Secure: st.Secure, Lost: st.Lost, Transit: st.Transit, Wait: st.Wait, Phase: st.Phase, Text: st.Text, Bytes: st.Bytes}
		if st.Kind == Note {
			for _, a := range st.Over {
				ds.Note = append(ds.Note, s.Actors[a].ID)
			}
		} else {
			ds.From, ds.To = s.Actors[st.From].ID, s.Actors[st.To].ID
			if len(st.Receivers) > 1 {
				for _, a := range st.Receivers {
					ds.Broadcast = append(ds.Broadcast, s.Actors[a].ID)
				}
			}
		}
		for _, f := range st.Fields {
			ds.Fields = append(ds.Fields, DraftField{Name: f.Name, Value: f.Value})
		}
		d.Steps = append(d.Steps, ds)
	}
	for _, r := range s.References {
		d.References = append(d.References, DraftReference{Title: r.Title, URL: r.URL})
	}
	for _, r := range s.Related {
		d.Related = append(d.Related, r.ID)
	}
	return d
}

// comparable is s without what says where it was read from, so that scenes
// read from different files compare equal when their content is. Every other
// field is compared: a field added to the model and not to Draft fails the
// round trip.
func comparable(s *Scene) Scene {
	c := *s
	c.Path, c.Lang, c.TopicPos = "", "", diag.Pos{}
	c.sources = nil // where each string was written
	c.Steps = append([]Step(nil), s.Steps...)
	for i := range c.Steps {
		c.Steps[i].Pos = diag.Pos{}
	}
	c.Related = append([]Ref(nil), s.Related...)
	for i := range c.Related {
		c.Related[i].Pos = diag.Pos{}
	}
	return c
}

// roundTrip marshals d, reads it back as scenes/<id>.yaml and returns the
// scene, failing on any diagnostic.
func roundTrip(t testing.TB, d *Draft, id string) (*Scene, string) {
	t.Helper()
	data, err := MarshalDraft(d)
	if err != nil {
		t.Fatalf("MarshalDraft: %v", err)
	}
	s, diags := ParseScene(data, "scenes/"+id+".yaml")
	if len(diags) > 0 || s == nil {
		t.Fatalf("the written draft does not load:\n%s\n--- file:\n%s", diags, data)
	}
	return s, string(data)
}

// TestDraftRoundTripSamples writes every sample lesson as a draft and reads
// it back: the same scene, field for field.
func TestDraftRoundTripSamples(t *testing.T) {
	site, diags := Load(os.DirFS("../../content"), "content")
	if diags.HasErrors() {
		t.Fatalf("the sample content does not load:\n%s", diags)
	}
	if len(site.Scenes) < 5 {
		t.Fatalf("only %d sample scenes", len(site.Scenes))
	}
	schema := compileSchemas(t)["scene"]
	for _, s := range site.Scenes {
		got, data := roundTrip(t, draftOf(s), s.ID)
		if !reflect.DeepEqual(comparable(got), comparable(s)) {
			t.Errorf("%s: the scene read back differs from the one written\n--- file:\n%s", s.ID, data)
		}
		// An editor checks the file against the schema too.
		if err := schema.Validate(yamlToJSON(t, []byte(data))); err != nil {
			t.Errorf("%s: the written file does not validate against scene.schema.json: %v", s.ID, err)
		}
	}
}

// tricky are strings YAML would read as something else unless written with
// care.
var tricky = []string{
	"~", "null", "Null", "NULL", "true", "False", "yes", "No", "ON", "off", "y", "n",
	"123", "-1", "0x1F", "0o17", "1e3", ".5", ".inf", "-.Inf", ".nan", "1_000", "12:30", "2024-01-02",
	"a: b", "a:b", "key:", "# not a comment", "a #b", "a#b", "- item", "-", "? q", "[x]", "{x}", "x, y",
	"&anchor", "*alias", "!tag", "!!str", "|", ">", "@at", "`tick", "'single'", `"double"`, `back\slash`,
	"%directive", "---", "...", " leading", "trailing ", "  ", "a  b", "\ttab start", "mid\ttab",
	"line\nbreak", "code:\n\tindented by a tab\n", "two\n\nparagraphs\n", "\nleading newline", "trailing newline\n", "trailing\n\n\n",
	"  indented\nfirst line", "spaces at end \nof a line", "carriage\r\nreturn", "nel\u0085x", "ls\u2028x", "ps\u2029x",
	"bell\x07", "del\x7f", "bom\ufeffmid", "中文标签", "日本語のラベル", "Tiếng Việt có dấu", "Português: ação",
	"العربية: رسالة", "emoji 🔐", "zero\u200bwidth", "rtl\u202emark", "<b>html</b>", "#59;entity", "a\\nb",
}

// TestDraftQuoting puts each tricky string in every text field of a scene
// and reads it back unchanged.
func TestDraftQuoting(t *testing.T) {
	for _, s := range tricky {
		if strings.ContainsFunc(s, func(r rune) bool { return forbidden(r) != "" }) {
			continue // the loader refuses controls and bidi overrides (chars.go)
		}
		label := s
		if strings.TrimSpace(label) == "" {
			label = "x" + label
		}
		d := &Draft{
			Title: label, Summary: s, Topic: "web",
			Actors: []DraftActor{{ID: "a", Name: label, Kind: "pc"}, {ID: "b", Name: "B"}},
			Steps: []DraftStep{
				{From: "a", To: "b", Label: label, Phase: strings.TrimSpace(s), Text: s,
					Fields: []DraftField{{Name: label, Value: s}, {Name: "other", Value: s}}},
				{Note: []string{"a", "b"}, Label: label, Text: s},
			},
			References: []DraftReference{{Title: label, URL: "https://example.com/"}},
		}
		got, data := roundTrip(t, d, "tricky")
		st := got.Steps[0]
		checks := []struct{ what, got, want string }{
			{"title", got.Title, label}, {"summary", got.Summary, s}, {"name", got.Actors[0].Name, label},
			{"label", st.Label, label}, {"phase", st.Phase, strings.TrimSpace(s)}, {"text", st.Text, s},
			{"field name", st.Fields[0].Name, label}, {"field value", st.Fields[0].Value, s},
			{"note text", got.Steps[1].Text, s}, {"reference", got.References[0].Title, label},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s %q read back as %q\n--- file:\n%s", c.what, c.want, c.got, data)
			}
		}
		if strings.Contains(data, "\t") || strings.ContainsAny(data, "\r\u0085\u2028\u2029") {
			t.Errorf("%q: the file holds a raw tab or odd line break; editors and the loader mangle them:\n%s", s, data)
		}
	}
}

// TestDraftYAML11 checks that the words older YAML parsers read as booleans
// are quoted, so that a file checked by such a tool (an editor's schema
// check, a linter) means the same there.
func TestDraftYAML11(t *testing.T) {
	for _, w := range []string{"yes", "No", "ON", "off", "y", "N"} {
		data, err := MarshalDraft(&Draft{Title: w})
		if err != nil {
			t.Fatal(err)
		}
		if want := "title: \"" + w + "\"\n"; string(data) != want {
			t.Errorf("got %q, want %q", data, want)
		}
	}
}

// TestDraftFormat holds the whole layout of a written scene: the order of
// fields, comments, flow lists for notes, blocks for narration.
func TestDraftFormat(t *testing.T) {
	d := &Draft{
		Comment: "Imported from README.md:12.\nEdit freely.",
		Title:   "Login", Summary: "How a login works.", Topic: "web", Order: 20,
		Actors: []DraftActor{{ID: "alice", Name: "Alice", Kind: "person"}, {Comment: "was \"Bob\"", ID: "bob", Name: "Bob: the server"}},
		Steps: []DraftStep{
			{ID: "hello", From: "alice", To: "bob", Label: "Hello", Reply: true, Lost: true, Phase: "loop: every minute",
				Fields: []DraftField{{"port", "443"}, {"flags", "yes"}}, Text: "First line.\n\nSecond *paragraph*.\n"},
			{Comment: "README.md:15: a note over two", Note: []string{"alice", "bob"}, Label: "Think", Text: "One line."},
			{Note: []string{"bob"}, Label: "Alone", Secure: true},
		},
		References: []DraftReference{{"RFC 9110: HTTP Semantics", "https://www.rfc-editor.org/rfc/rfc9110"}},
		Related:    []string{"dns", "tcp"},
	}
	want := `# Imported from README.md:12.
# Edit freely.
title: Login
summary: How a login works.
topic: web
order: 20
actors:
  - id: alice
    name: Alice
    kind: person
  # was "Bob"
  - id: bob
    name: 'Bob: the server'
steps:
  - id: hello
    from: alice
    to: bob
    label: Hello
    reply: true
    lost: true
    phase: 'loop: every minute'
    fields:
      port: "443"
      flags: "yes"
    text: |
      First line.

      Second *paragraph*.
  # README.md:15: a note over two
  - note: [alice, bob]
    label: Think
    text: One line.
  - note: bob
    label: Alone
    secure: true
references:
  - title: 'RFC 9110: HTTP Semantics'
    url: https://www.rfc-editor.org/rfc/rfc9110
related:
  - dns
  - tcp
`
	data, err := MarshalDraft(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != want {
		t.Errorf("got:\n%s\nwant:\n%s", data, want)
	}
}

// TestParseSceneReports shows that ParseScene reports what the loader would,
// at the place in the file.
func TestParseSceneReports(t *testing.T) {
	_, diags := ParseScene([]byte("title: T\ntopic: web\nactors:\n  - id: a\n    name: A\nsteps:\n  - from: a\n    to: b\n    label: x\n"), "content/scenes/t.yaml")
	if got, want := diags.String(), "content/scenes/t.yaml:8:9: unknown actor \"b\"; "; !strings.HasPrefix(got, want) {
		t.Errorf("got %q, want it to start with %q", got, want)
	}
}

// FuzzDraft writes drafts whose texts are arbitrary and checks that the
// loader reads back each text exactly.
func FuzzDraft(f *testing.F) {
	for i, s := range tricky {
		f.Add(s, tricky[(i+1)%len(tricky)])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || strings.ContainsFunc(a+b, func(r rune) bool { return forbidden(r) != "" }) {
			t.Skip() // the loader refuses such files, with a message
		}
		// A draft is not validated (importers keep within the limits), so
		// the fuzzer's strings are kept within them too: past them the
		// loader rightly refuses the file.
		label := "x" + a
		if utf8.RuneCountInString(label) > MaxLabel || utf8.RuneCountInString(label) > MaxName {
			label = "x"
		}
		if utf8.RuneCountInString(a) > min(MaxFieldName, MaxTitle) || utf8.RuneCountInString(b) > min(MaxSummary, MaxFieldValue) || markdownProblem(b) != "" {
			t.Skip()
		}
		d := &Draft{Title: label, Summary: b, Topic: "t",
			Actors: []DraftActor{{ID: "a", Name: label}, {ID: "b", Name: "B"}},
			Steps: []DraftStep{{From: "a", To: "b", Label: label, Text: b, Phase: strings.TrimSpace(a),
				Fields: []DraftField{{Name: a, Value: b}}}},
		}
		got, data := roundTrip(t, d, "f")
		st := got.Steps[0]
		if got.Title != label || got.Summary != b || st.Text != b || st.Label != label || st.Phase != strings.TrimSpace(a) ||
			st.Fields[0].Name != a || st.Fields[0].Value != b {
			t.Errorf("read back differently:\n%s\ngot %+v", data, got)
		}
	})
}

// TestInlineScalarReadsBack: what lessongen new writes after "title: "
// reads back as the text given, where hand quoting missed line breaks, ~
// and null.
func TestInlineScalarReadsBack(t *testing.T) {
	for _, s := range []string{"QUIC: a new transport", "null", "~", "Null", "123", "0x1f", "1e3", "yes", "off", "true",
		"a\nb", "line\r\nbreak", "tab\there", "# not a comment", "- a list?", "it's", `say "hi"`, `back\slash`, " padded ", "", "[x]", "{x}", "&anchor", "*alias", "!tag", "%TAG", "@at", "`tick`", "|", ">", "plain title"} {
		var got map[string]any
		doc := "title: " + InlineScalar(s) + "\n"
		if err := yaml.Unmarshal([]byte(doc), &got); err != nil {
			t.Errorf("%q: %q does not parse: %v", s, doc, err)
			continue
		}
		if v, ok := got["title"].(string); !ok || v != s {
			t.Errorf("%q written as %q reads back as %#v", s, doc, got["title"])
		}
	}
}
