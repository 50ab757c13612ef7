package content

import (
	"strings"
	"testing"
	"testing/fstest"
)

const okSite = `title: Test site
language: en
topics:
  - id: web
    title: The web
`

const okScene = `title: A scene
topic: web
actors:
  - id: pc
    name: PC
    kind: pc
  - id: server
    name: Server
    kind: server
steps:
  - from: pc
    to: server
    label: SYN
    text: Hello.
`

// load builds a content folder from files, with a valid site.yaml and
// scenes/ok.yaml unless files replace them.
func load(files map[string]string) (*Site, string) {
	fsys := fstest.MapFS{
		"site.yaml":      {Data: []byte(okSite)},
		"scenes/ok.yaml": {Data: []byte(okScene)},
	}
	for name, data := range files {
		if data == "<delete>" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	s, diags := Load(fsys, "content")
	return s, diags.String()
}

func TestLoadValid(t *testing.T) {
	s, diags := load(nil)
	if diags != "" {
		t.Fatalf("unexpected diagnostics:\n%s", diags)
	}
	if len(s.Scenes) != 1 || s.Scenes[0].ID != "ok" || len(s.Scenes[0].Steps) != 1 {
		t.Fatalf("unexpected site: %+v", s)
	}
	st := s.Scenes[0].Steps[0]
	if st.Kind != Message || st.From != 0 || st.To != 1 || st.Key != "1" || st.Label != "SYN" {
		t.Errorf("unexpected step: %+v", st)
	}
}

func TestLoadErrors(t *testing.T) {
	scene := func(body string) map[string]string { return map[string]string{"scenes/bad.yaml": body} }
	withSteps := func(steps string) map[string]string {
		return scene("title: Bad\ntopic: web\nactors:\n  - id: pc\n    name: PC\n  - id: server\n    name: Server\nsteps:\n" + steps)
	}
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"unknown actor", withSteps("  - from: pc\n    to: sever\n    label: SYN\n"),
			`content/scenes/bad.yaml:10:9: unknown actor "sever"; did you mean "server"?`},
		{"unknown actor far off", withSteps("  - note: database\n    label: Stores\n"),
			`content/scenes/bad.yaml:9:11: unknown actor "database"; the actors are: pc, server`},
		{"unknown topic", scene(strings.Replace(okScene, "topic: web", "topic: wbe", 1)),
			`content/scenes/bad.yaml:2:8: unknown topic "wbe"; did you mean "web"? (topics are listed in site.yaml)`},
		{"duplicate actor", scene(strings.Replace(okScene, "id: server", "id: pc", 1)),
			`content/scenes/bad.yaml:7:9: actor "pc" is defined twice (first at line 4)`},
		{"duplicate step id", withSteps("  - id: syn\n    note: pc\n    label: A\n  - id: syn\n    note: pc\n    label: B\n"),
			`content/scenes/bad.yaml:12:5: step id "syn" is used twice (first at line 9)`},
		{"duplicate topic", map[string]string{"site.yaml": okSite + "  - id: web\n    title: Again\n"},
			`content/site.yaml:6:9: topic "web" is defined twice`},
		{"missing label", withSteps("  - from: pc\n    to: server\n"),
			`content/scenes/bad.yaml:9:5: step is missing "label"`},
		{"missing title", scene(strings.Replace(okScene, "title: A scene\n", "", 1)),
			`content/scenes/bad.yaml:1:1: scene is missing "title"`},
		{"missing site title", map[string]string{"site.yaml": strings.Replace(okSite, "title: Test site\n", "", 1)},
			`content/site.yaml:1:1: site.yaml is missing "title"`},
		{"empty label", withSteps("  - from: pc\n    to: server\n    label: \"\"\n"),
			`content/scenes/bad.yaml:11:12: label is empty`},
		{"unknown field typo", withSteps("  - from: pc\n    to: server\n    lable: SYN\n"),
			`content/scenes/bad.yaml:11:5: unknown field "lable" in step; did you mean "label"?`},
		{"unknown field", withSteps("  - from: pc\n    to: server\n    label: SYN\n    colour: red\n"),
			`content/scenes/bad.yaml:12:5: unknown field "colour" in step; expected one of: id, from, to, note, label, text, fields, reply, secure, lost, phase`},
		{"wrong type bool", withSteps("  - from: pc\n    to: server\n    label: SYN\n    reply: sometimes\n"),
			`content/scenes/bad.yaml:12:12: reply must be true or false, found "sometimes"`},
		{"wrong type list", withSteps("  - from: pc\n    to: server\n    label: [a, b]\n"),
			`content/scenes/bad.yaml:11:12: label must be text, found a list`},
		{"wrong type int", scene(strings.Replace(okScene, "topic: web", "topic: web\norder: first", 1)),
			`content/scenes/bad.yaml:3:8: order must be a whole number, found "first"`},
		{"steps not a list", scene("title: Bad\ntopic: web\nactors:\n  - id: pc\n    name: PC\nsteps: none\n"),
			`content/scenes/bad.yaml:6:8: steps must be a list, found "none"`},
		{"both note and message", withSteps("  - from: pc\n    to: server\n    note: pc\n    label: X\n"),
			`content/scenes/bad.yaml:11:5: a step is either a message (from, to) or a note, not both`},
		{"reply on note", withSteps("  - note: pc\n    label: X\n    reply: true\n"),
			`content/scenes/bad.yaml:11:5: reply applies only to messages (steps with from and to), not to notes`},
		{"neither", withSteps("  - label: X\n"),
			`content/scenes/bad.yaml:9:5: step needs "from" and "to" (a message) or "note" (an action of one actor)`},
		{"id with slash", withSteps("  - id: a/b\n    note: pc\n    label: X\n"),
			`content/scenes/bad.yaml:9:9: step id "a/b" must use only a-z, 0-9 and '-', starting with a letter or digit (for example "a-b")`},
		{"id with dots", scene(strings.Replace(okScene, "id: pc", "id: ../pc", 1)),
			`content/scenes/bad.yaml:4:9: actor id "../pc" must use only a-z, 0-9 and '-', starting with a letter or digit (for example "pc")`},
		{"numeric step id", withSteps("  - id: \"3\"\n    note: pc\n    label: X\n"),
			`content/scenes/bad.yaml:9:9: step id "3" is only digits, which would clash with step numbers; use a word such as "syn"`},
		{"file name", map[string]string{"scenes/My Scene.yaml": okScene},
			`content/scenes/My Scene.yaml: scene id "My Scene" (the file name) must use only a-z, 0-9 and '-', starting with a letter or digit (for example "my-scene")`},
		{"yaml syntax", scene("title: Bad\nsummary: a: b\n"),
			`content/scenes/bad.yaml:2:1: YAML syntax error: mapping values are not allowed in this context (a value that contains ": " needs quotes)`},
		{"unclosed quote", scene("title: \"Bad\ntopic: web\n"),
			`content/scenes/bad.yaml:3:1: YAML syntax error: found unexpected end of stream`},
		{"tabs", scene("title: Bad\nactors:\n\t- id: pc\n\t  name: PC\n"),
			"content/scenes/bad.yaml:3:1: tab in indentation; YAML indents with spaces\ncontent/scenes/bad.yaml:4:1: tab in indentation; YAML indents with spaces"},
		{"invalid utf-8", scene("title: Caf\xe9\n"),
			`content/scenes/bad.yaml:1:11: invalid UTF-8 (byte 0xe9); save the file as UTF-8`},
		{"empty file", scene(""),
			`content/scenes/bad.yaml:1:1: the file is empty; see the content format in README.md`},
		{"only comments", scene("# nothing yet\n"),
			`content/scenes/bad.yaml:1:1: the file is empty; see the content format in README.md`},
		{"not a mapping", scene("- a\n- b\n"),
			`content/scenes/bad.yaml:1:1: expected "key: value" lines at the top of the file, found a list`},
		{"two documents", scene(okScene + "---\ntitle: Again\n"),
			`content/scenes/bad.yaml:15:1: a second YAML document; a file holds one, so remove the "---" line`},
		{"alias bomb", scene("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"),
			"content/scenes/bad.yaml:2:8: YAML aliases (*a) are not supported; write the value out"},
		{"missing site.yaml", map[string]string{"site.yaml": "<delete>"},
			`content/site.yaml: file not found; a site needs content/site.yaml with its title, language and topics`},
		{"bad language", map[string]string{"site.yaml": strings.Replace(okSite, "language: en", "language: english!", 1)},
			`content/site.yaml:2:11: language "english!" is not a BCP 47 language tag (such as en, ja, zh-Hans or pt-BR)`},
		{"unknown kind", scene(strings.Replace(okScene, "kind: server", "kind: sever", 1)),
			`content/scenes/bad.yaml:9:11: unknown actor kind "sever"; did you mean "server"?`},
		{"unknown related", scene(okScene + "related:\n  - htp\n"),
			`content/scenes/bad.yaml:16:5: unknown related scene "htp"; the scenes are: bad, ok`},
		{"bad reference url", scene(okScene + "references:\n  - title: X\n    url: javascript:alert(1)\n"),
			`content/scenes/bad.yaml:17:10: url "javascript:alert(1)" must be a full address starting with https:// or http://`},
		{"yml extension", map[string]string{"scenes/x.yml": okScene},
			`content/scenes/x.yml: scene files end in .yaml; rename it to x.yaml`},
		{"label too long", withSteps("  - note: pc\n    label: " + strings.Repeat("x", 300) + "\n"),
			`content/scenes/bad.yaml:10:12: label is 300 characters long; keep it under 200`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, got := load(tc.files)
			if strings.TrimSpace(got) != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestLoadAllErrorsAtOnce(t *testing.T) {
	_, got := load(map[string]string{
		"scenes/a.yaml": strings.Replace(okScene, "label: SYN", "lable: SYN", 1),
		"scenes/b.yaml": strings.Replace(okScene, "topic: web", "topic: nope", 1),
	})
	want := `content/scenes/a.yaml:13:5: unknown field "lable" in step; did you mean "label"?
content/scenes/b.yaml:2:8: unknown topic "nope"; the topics are: web (topics are listed in site.yaml)
`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestSceneOrder(t *testing.T) {
	s, diags := load(map[string]string{
		"site.yaml":     okSite + "  - id: naming\n    title: Naming\n",
		"scenes/z.yaml": strings.Replace(okScene, "topic: web", "topic: web\norder: 1", 1),
		"scenes/a.yaml": strings.Replace(okScene, "topic: web", "topic: naming", 1),
		"scenes/m.yaml": strings.Replace(okScene, "topic: web", "topic: web\norder: 1", 1),
	})
	if diags != "" {
		t.Fatal(diags)
	}
	var ids []string
	for _, sc := range s.Scenes {
		ids = append(ids, sc.ID)
	}
	if got, want := strings.Join(ids, " "), "ok m z a"; got != want {
		t.Errorf("scene order %q, want %q", got, want)
	}
}
