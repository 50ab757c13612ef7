package content

import (
	"reflect"
	"slices"
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
	// A LAN: the steps start at line 8.
	lan := func(steps string) map[string]string {
		return scene("title: Bad\ntopic: web\nactors:\n  - {id: laptop, name: Laptop, kind: laptop}\n  - {id: switch, name: Switch, kind: switch}\n  - {id: router, name: Router, kind: router}\nsteps:\n" + steps)
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
			`content/scenes/bad.yaml:12:5: unknown field "colour" in step; expected one of: id, from, to, note, label, text, fields, reply, secure, lost, transit, wait, phase, bytes`},
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
			`content/scenes/bad.yaml:2:11: a value that contains ": " needs quotes: summary: "a: b"`},
		{"lone carriage return", scene("title: Bad\rtopic: web\n"),
			`content/scenes/bad.yaml:1:11: a carriage return (U+000D) on its own, which YAML reads as a line break; save the file with LF or CRLF line endings`},
		{"unclosed quote", scene("title: \"Bad\ntopic: web\n"),
			`content/scenes/bad.yaml:1:8: this " is never closed; close the text with "`},
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
		{"unknown actor in a broadcast", lan("  - from: laptop\n    to: [switch, ruoter]\n    label: ARP\n"),
			`content/scenes/bad.yaml:9:18: unknown actor "ruoter"; did you mean "router"?`},
		{"broadcast of one", lan("  - from: laptop\n    to: [switch]\n    label: ARP\n"),
			`content/scenes/bad.yaml:9:9: to lists one actor; write "to: switch" for a message to one actor, or list two or more for a broadcast`},
		{"broadcast of none", lan("  - from: laptop\n    to: []\n    label: ARP\n"),
			`content/scenes/bad.yaml:9:9: to lists no actors; write the id of an actor, or a list of them`},
		{"broadcast to the sender", lan("  - from: laptop\n    to: [switch, laptop]\n    label: ARP\n"),
			`content/scenes/bad.yaml:9:18: to lists the sender "laptop"; a broadcast goes to the other actors`},
		{"broadcast twice to one", lan("  - from: laptop\n    to: [switch, router, switch]\n    label: ARP\n"),
			`content/scenes/bad.yaml:9:26: "switch" is listed twice in to (first at line 9)`},
		{"broadcast both ways", lan("  - from: switch\n    to: [router, laptop]\n    label: ARP\n"),
			`content/scenes/bad.yaml:9:9: a broadcast goes one way, but "laptop" comes before the sender "switch" among the actors and "router" after it; order the actors so that every receiver is on one side of the sender`},
		{"transit 0", lan("  - from: laptop\n    to: router\n    label: Segment\n    transit: 0\n"),
			`content/scenes/bad.yaml:11:14: transit is the number of rows the message takes to arrive, from 1 to 8, found 0: leave transit out for a message that arrives at once`},
		{"transit 20", lan("  - from: laptop\n    to: router\n    label: Segment\n    transit: 20\n"),
			`content/scenes/bad.yaml:11:14: transit is the number of rows the message takes to arrive, from 1 to 8, found 20`},
		{"transit not a number", lan("  - from: laptop\n    to: router\n    label: Segment\n    transit: long\n"),
			`content/scenes/bad.yaml:11:14: transit must be a whole number, found "long"`},
		{"transit on a note", lan("  - note: [laptop, router]\n    label: Waits\n    transit: 2\n"),
			`content/scenes/bad.yaml:10:5: transit applies only to messages (steps with from and to), not to notes`},
		{"transit to oneself", lan("  - from: router\n    to: router\n    label: Thinks\n    transit: 2\n"),
			`content/scenes/bad.yaml:11:5: transit needs two actors; this message goes from "router" to itself`},
		{"note over none", lan("  - note: []\n    label: Waits\n"),
			`content/scenes/bad.yaml:8:11: note lists no actors; write the id of an actor, or a list of them`},
		{"note over one twice", lan("  - note: [laptop, switch, laptop]\n    label: Waits\n"),
			`content/scenes/bad.yaml:8:28: "laptop" is listed twice in note (first at line 8)`},
		{"unknown actor in a note", lan("  - note: [laptop, switch, routr]\n    label: Waits\n"),
			`content/scenes/bad.yaml:8:28: unknown actor "routr"; did you mean "router"?`},
		{"empty wait", lan("  - note: laptop\n    label: Waits\n    wait: \"\"\n"),
			`content/scenes/bad.yaml:10:11: wait is empty; write the time that passes before the step, such as "RTO: 1 s"`},
		{"wait a list", lan("  - note: laptop\n    label: Waits\n    wait: [1, s]\n"),
			`content/scenes/bad.yaml:10:11: wait must be text, found a list`},
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

// constructsScene uses a broadcast, a note over several actors, a message
// in flight and waits (one on the first step, which is fine).
const constructsScene = `title: LAN
topic: web
actors:
  - {id: laptop, name: Laptop, kind: laptop}
  - {id: ap, name: Access point, kind: access-point}
  - {id: switch, name: Switch, kind: switch}
  - {id: dhcp, name: DHCP server, kind: server}
  - {id: router, name: Router, kind: router}
steps:
  - id: discover
    from: laptop
    to: [dhcp, switch, router]
    label: DHCPDISCOVER
    transit: 2
    wait: Boots
  - note: [router, laptop, switch, dhcp]
    label: All wait
  - from: router
    to: [dhcp, laptop]
    label: Back
    lost: true
    wait: "RTO: 1 s"
`

// TestLoadConstructs reads a broadcast, a note over many actors, a message
// in flight and waits (one on the first step, which is fine) into the model.
func TestLoadConstructs(t *testing.T) {
	s, diags := load(map[string]string{"scenes/lan.yaml": constructsScene})
	if diags != "" {
		t.Fatal(diags)
	}
	var sc *Scene
	for _, x := range s.Scenes {
		if x.ID == "lan" {
			sc = x
		}
	}
	st := sc.Steps
	if got := st[0]; got.From != 0 || got.To != 4 || !slices.Equal(got.Receivers, []int{2, 3, 4}) || got.Transit != 2 || got.Wait != "Boots" {
		t.Errorf("broadcast: %+v", got)
	}
	if got := st[1]; got.Kind != Note || got.From != 0 || got.To != 4 || !slices.Equal(got.Over, []int{0, 2, 3, 4}) {
		t.Errorf("note over four: %+v", got)
	}
	if got := st[2]; got.From != 4 || got.To != 0 || !slices.Equal(got.Receivers, []int{3, 0}) || !got.Lost || got.Wait != "RTO: 1 s" || got.Transit != 0 {
		t.Errorf("lost broadcast leftwards: %+v", got)
	}
	if got := s.Scenes[1].Steps[0]; !slices.Equal(got.Receivers, []int{1}) || got.Over != nil {
		t.Errorf("a plain message's receivers: %+v", got)
	}
}

// TestDraftRoundTripConstructs writes the constructs of issue #17 as a draft
// and reads them back unchanged.
func TestDraftRoundTripConstructs(t *testing.T) {
	s, diags := ParseScene([]byte(constructsScene), "scenes/lan.yaml")
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	got, data := roundTrip(t, draftOf(s), "lan")
	if !reflect.DeepEqual(comparable(got), comparable(s)) {
		t.Errorf("the scene read back differs from the one written\n--- file:\n%s", data)
	}
	for _, want := range []string{"to: [switch, dhcp, router]", "transit: 2", "note: [laptop, switch, dhcp, router]", "wait: 'RTO: 1 s'"} {
		if !strings.Contains(data, want) {
			t.Errorf("the draft lacks %q:\n%s", want, data)
		}
	}
}
