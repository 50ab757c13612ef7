package mermaid

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

// imported imports a one-diagram .mmd file and returns its scene from
// "actors:" on (the part each construct changes), and its messages.
func imported(t *testing.T, src string) (string, string) {
	t.Helper()
	scenes, diags := ImportFile("t.mmd", []byte(src), FileOptions{Topic: "web"})
	if len(scenes) == 0 {
		return "", diags.String()
	}
	yaml, err := content.MarshalDraft(scenes[0].Draft)
	if err != nil {
		t.Fatal(err)
	}
	if _, ds := content.ParseScene(yaml, "scenes/t.yaml"); len(ds) > 0 {
		t.Fatalf("the scene does not load:\n%s\n%s", ds, yaml)
	}
	s := string(yaml)
	return s[strings.Index(s, "actors:\n"):], diags.String()
}

// TestConstructs holds one case per construct of Mermaid's grammar: what
// it becomes in the scene, and what Import says about it.
func TestConstructs(t *testing.T) {
	for _, tc := range []struct {
		name, src, want, diags string
	}{
		{"implicit participants in order", "sequenceDiagram\nAlice->>John: Hello John\nJohn-->>Alice: Great!\n",
			"actors:\n  - id: alice\n    name: Alice\n  - id: john\n    name: John\nsteps:\n  - from: alice\n    to: john\n    label: Hello John\n  - from: john\n    to: alice\n    label: Great!\n    reply: true\n", ""},
		{"declared order wins", "sequenceDiagram\nparticipant Bob\nparticipant Alice\nAlice->>Bob: Hi\n",
			"actors:\n  - id: bob\n    name: Bob\n  - id: alice\n    name: Alice\nsteps:\n  - from: alice\n    to: bob\n    label: Hi\n", ""},
		{"actor is a person, alias is the name", "sequenceDiagram\nactor A as Alice Smith\nparticipant W as Web-Server\nA->>W: GET /\n",
			"actors:\n  - id: alice-smith\n    name: Alice Smith\n    kind: person\n  - id: web-server\n    name: Web-Server\nsteps:\n  - from: alice-smith\n    to: web-server\n    label: GET /\n", ""},
		{"keywords ignore case", "SEQUENCEDIAGRAM\nPARTICIPANT A\nnote OVER A: x\n", "", `t.mmd:1:1: not a sequence diagram: it starts with "SEQUENCEDIAGRAM" where "sequenceDiagram" should be` + "\n"},
		{"keywords ignore case after the first", "sequenceDiagram\nPARTICIPANT A\nNOTE OVER A: x\nLoop every day\nA->>A: y\nEND\n",
			"actors:\n  - id: a\n    name: A\nsteps:\n  - note: a\n    label: x\n  - from: a\n    to: a\n    label: \"y\"\n    phase: 'loop: every day'\n", ""},
		{"names with spaces and hyphens", "sequenceDiagram\nWeb Server-1->>Data base: q\n",
			"actors:\n  - id: web-server-1\n    name: Web Server-1\n  - id: data-base\n    name: Data base\nsteps:\n  - from: web-server-1\n    to: data-base\n    label: q\n", ""},
		{"database type", "sequenceDiagram\nparticipant DB@{ \"type\": \"database\" } as Users\nparticipant C@{ 'type': 'collections', \"alias\": \"Logs\" }\nDB->>C: copy\n",
			"actors:\n  - id: db\n    name: Users\n    kind: database\n  - id: logs\n    name: Logs\n    kind: database\nsteps:\n  - from: db\n    to: logs\n    label: copy\n", ""},
		{"every arrow", "sequenceDiagram\nA->B: 1\nA-->B: 2\nA->>B: 3\nA-->>B: 4\nA-xB: 5\nA--xB: 6\nA-)B: 7\nA--)B: 8\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: \"1\"\n  - from: a\n    to: b\n    label: \"2\"\n    reply: true\n  - from: a\n    to: b\n    label: \"3\"\n  - from: a\n    to: b\n    label: \"4\"\n    reply: true\n  - from: a\n    to: b\n    label: \"5\"\n    lost: true\n  - from: a\n    to: b\n    label: \"6\"\n    reply: true\n    lost: true\n  - from: a\n    to: b\n    label: \"7\"\n  - from: a\n    to: b\n    label: \"8\"\n    reply: true\n", ""},
		{"bidirectional", "sequenceDiagram\nA<<->>B: sync\nA<<-->>B: ack\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: sync\n  - from: a\n    to: b\n    label: ack\n    reply: true\n",
			"t.mmd:2:1: warning: <<->> points both ways; lessongen draws it from A to B, and the narration can tell the rest\n"},
		{"half arrows", "sequenceDiagram\nA-|\\B: top\nA--//B: dotted\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: top\n  - from: a\n    to: b\n    label: dotted\n    reply: true\n",
			"t.mmd:2:1: warning: half arrowheads (-|\\) are drawn as whole ones\n"},
		{"self message", "sequenceDiagram\nA->>A: think\n", "actors:\n  - id: a\n    name: A\nsteps:\n  - from: a\n    to: a\n    label: think\n", ""},
		{"activations dropped once", "sequenceDiagram\nA->>+B: q\nactivate B\nB-->>-A: r\ndeactivate B\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: q\n  - from: b\n    to: a\n    label: r\n    reply: true\n",
			"t.mmd:2:5: warning: activations (activate, deactivate, +/- on arrows) are not imported: lessongen highlights the current step instead\n"},
		{"notes", "sequenceDiagram\nparticipant A\nparticipant B\nNote over A,B: both\nNote left of A: left\nnote right of B: right\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - note: [a, b]\n    label: both\n  - note: a\n    label: left\n  - note: b\n    label: right\n",
			"t.mmd:5:1: warning: notes left of a participant are drawn over it: lessongen places every note over its actors\n"},
		{"line breaks and entities", "sequenceDiagram\nA->>B: one<br/>two<br>three\nA->>B: a#59; b #35;1 #infin; #9829;\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: one two three\n  - from: a\n    to: b\n    label: 'a; b #1 ∞ ♥'\n", ""},
		{"semicolons separate statements", "sequenceDiagram\nA->>B: one; B->>A: two\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: one\n  - from: b\n    to: a\n    label: two\n", ""},
		{"a line starting with # is a comment", "sequenceDiagram\n# who talks\nA->>B: x\n   # and more\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: x\n", ""},
		{"hash starts a comment", "sequenceDiagram\nA->>B: C# rocks\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: C\n",
			"t.mmd:2:9: warning: Mermaid reads what follows '#' as a comment, so it is not imported; write #35; for a '#' in text\n"},
		{"long label moves to the narration", "sequenceDiagram\nA->>B: " + strings.Repeat("word ", 50) + "\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: word word word word word word word word word word word word…\n    text: |\n      " + strings.TrimSpace(strings.Repeat("word ", 50)) + "\n",
			"t.mmd:2:1: warning: the text is 249 characters long, more than a label holds (200): the label is shortened and the whole text is the step's narration\n"},
		{"empty text", "sequenceDiagram\nA->>B:\n", "actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: …\n",
			"t.mmd:2:1: warning: this message has no text; it is labelled \"…\"\n"},
		{"fragments become phases", "sequenceDiagram\nloop Every minute\nA->>B: ping\nend\nalt ok\nB->>A: yes\nelse\nB->>A: no\nend\nopt maybe\nA->>B: m\nend\npar one\nA->>B: p1\nand two\nA->>B: p2\nend\ncritical db\nA->>B: c\noption timeout\nA->>A: t\nend\nbreak fails\nA->>B: b\nend\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: ping\n    phase: 'loop: Every minute'\n  - from: b\n    to: a\n    label: \"yes\"\n    phase: 'alt: ok'\n  - from: b\n    to: a\n    label: \"no\"\n    phase: else\n  - from: a\n    to: b\n    label: m\n    phase: 'opt: maybe'\n  - from: a\n    to: b\n    label: p1\n    phase: 'par: one'\n  - from: a\n    to: b\n    label: p2\n    phase: 'and: two'\n  - from: a\n    to: b\n    label: c\n    phase: 'critical: db'\n  - from: a\n    to: a\n    label: t\n    phase: 'option: timeout'\n  - from: a\n    to: b\n    label: b\n    phase: 'break: fails'\n", ""},
		{"nested fragments take the innermost", "sequenceDiagram\nloop outer\nA->>B: 1\nopt inner\nA->>B: 2\nend\nA->>B: 3\nend\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: \"1\"\n    phase: 'loop: outer'\n  - from: a\n    to: b\n    label: \"2\"\n    phase: 'opt: inner'\n  - from: a\n    to: b\n    label: \"3\"\n    phase: 'loop: outer'\n",
			"t.mmd:4:1: warning: \"opt\" is nested inside \"loop\": lessongen draws one frame at a time, so its steps take the innermost phase, \"opt: inner\"\n"},
		{"rect with lessongen's phase comment", "sequenceDiagram\nrect rgb(0, 0, 0)\n%% phase: Setup\nA->>B: x\nend\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: x\n    phase: Setup\n", ""},
		{"rect alone", "sequenceDiagram\nrect rgb(0, 0, 0)\nA->>B: x\nend\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: x\n",
			"t.mmd:2:1: warning: a rect only colours the background in Mermaid; its steps are imported without a phase of their own\n"},
		{"title, accessibility, comments, directives, autonumber", "%%{init: {'theme': 'dark'}}%%\nsequenceDiagram\n%% a comment\ntitle: Log in\naccTitle: Logging in\naccDescr {\nHow a user\nlogs in\n}\nautonumber 10 5\nA->>B: x\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: x\n", ""},
		{"front matter title", "---\ntitle: \"From the front: matter\"\nconfig:\n  theme: dark\n---\nsequenceDiagram\nA->>B: x\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: x\n", ""},
		{"box", "sequenceDiagram\nbox Aqua Front end\nparticipant A\nparticipant B\nend\nbox rgb(1,2,3) Back end\nparticipant C\nend\nA->>C: x\n",
			"actors:\n  # box: Front end\n  - id: a\n    name: A\n  - id: b\n    name: B\n  # box: Back end\n  - id: c\n    name: C\nsteps:\n  - from: a\n    to: c\n    label: x\n",
			"t.mmd:2:1: warning: boxes are not imported: lessongen has no participant groups; the box \"Front end\" becomes a comment above its first participant\n" +
				"t.mmd:6:1: warning: boxes are not imported: lessongen has no participant groups; the box \"Back end\" becomes a comment above its first participant\n"},
		{"create and destroy", "sequenceDiagram\nA->>B: hi\ncreate participant C as Carl\nA->>C: hello\ndestroy C\nA-xC: bye\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\n  - id: carl\n    name: Carl\nsteps:\n  - from: a\n    to: b\n    label: hi\n  - from: a\n    to: carl\n    label: hello\n  - from: a\n    to: carl\n    label: bye\n    lost: true\n",
			"t.mmd:3:20: warning: create and destroy are imported as ordinary participants: lessongen draws every lifeline from top to bottom\n"},
		{"links dropped", "sequenceDiagram\nparticipant A\nlink A: Wiki @ https://example.com\nlinks A: {\"Dash\": \"https://example.com\"}\nA->>A: x\n",
			"actors:\n  - id: a\n    name: A\nsteps:\n  - from: a\n    to: a\n    label: x\n",
			"t.mmd:3:1: warning: link (an actor's menu in Mermaid) is not imported: lessongen has no actor menus; put links in the narration or references\n" +
				"t.mmd:4:1: warning: links (an actor's menu in Mermaid) is not imported: lessongen has no actor menus; put links in the narration or references\n"},
		{"unicode names", "sequenceDiagram\nparticipant 客户端\nparticipant Người dùng\n客户端->>Người dùng: 你好, xin chào\n",
			"actors:\n  - id: actor-1\n    name: 客户端\n  - id: nguoi-dung\n    name: Người dùng\nsteps:\n  - from: actor-1\n    to: nguoi-dung\n    label: 你好, xin chào\n", ""},
		{"a par of one arrow per receiver is a broadcast", "sequenceDiagram\npar\nA->>B: hello\nand\nA->>C: hello\nend\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\n  - id: c\n    name: C\nsteps:\n  - from: a\n    to: [b, c]\n    label: hello\n", ""},
		{"a par of different messages is a phase", "sequenceDiagram\npar\nA->>B: hello\nand\nA->>C: bye\nend\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\n  - id: c\n    name: C\nsteps:\n  - from: a\n    to: b\n    label: hello\n    phase: par\n  - from: a\n    to: c\n    label: bye\n    phase: and\n", ""},
		{"wait mark from export", "sequenceDiagram\nNote over A,B: ⏳ RTO: 1 s\nA->>B: again\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: again\n    wait: 'RTO: 1 s'\n", ""},
		{"blank alias", "sequenceDiagram\nparticipant Web as <br>\nWeb->>Web: x\n",
			"actors:\n  - id: web\n    name: Web\nsteps:\n  - from: web\n    to: web\n    label: x\n",
			"t.mmd:2:13: warning: \"Web\" has no name to show, so it is named \"Web\"\n"},
		{"secure mark from export", "sequenceDiagram\nA->>B: 🔒 Finished\n",
			"actors:\n  - id: a\n    name: A\n  - id: b\n    name: B\nsteps:\n  - from: a\n    to: b\n    label: Finished\n    secure: true\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := imported(t, tc.src)
			if got != tc.want {
				t.Errorf("scene:\n%s\nwant:\n%s", got, tc.want)
			}
			if diags != tc.diags {
				t.Errorf("messages:\n%s\nwant:\n%s", diags, tc.diags)
			}
		})
	}
}

// TestErrors holds one case per mistake: the exact message, at the place.
func TestErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"not a sequence diagram", "flowchart LR\na-->b\n", `t.mmd:1:1: not a sequence diagram: it starts with "flowchart" where "sequenceDiagram" should be`},
		{"header in capitals", "SEQUENCEDIAGRAM\nA->>B: x\n", `t.mmd:1:1: not a sequence diagram: it starts with "SEQUENCEDIAGRAM" where "sequenceDiagram" should be`},
		{"empty", "", `t.mmd:1:1: not a sequence diagram: it starts with nothing where "sequenceDiagram" should be`},
		{"no steps", "sequenceDiagram\nparticipant A\n", "t.mmd:1:1: the diagram has no messages or notes, so it makes no lesson"},
		{"no arrow", "sequenceDiagram\nAlice Bob: hi\n", `t.mmd:2:10: expected an arrow such as ->> after "Alice Bob"`},
		{"unknown arrow", "sequenceDiagram\nA=>B: hi\n", `t.mmd:2:3: expected an arrow such as ->> after "A="; Mermaid's arrows are ->>, -->>, ->, -->, -x, --x, -), --), <<->> and <<-->>`},
		{"nothing to read", "sequenceDiagram\n->>B: hi\n", `t.mmd:2:1: cannot read "->>B: hi": expected a message ("Alice->>Bob: Hello"), a note, or a keyword such as participant, loop or end`},
		{"no colon", "sequenceDiagram\nA->>B\n", `t.mmd:2:6: a message needs its text after ':', as in "A->>B: Hello"`},
		{"no receiver", "sequenceDiagram\nA->>: hi\n", `t.mmd:2:5: expected the receiver's name after the arrow ->>`},
		{"note placement", "sequenceDiagram\nNote above A: x\n", `t.mmd:2:6: a note is placed "left of", "right of" or "over" a participant, as in "Note over Alice: text"`},
		{"note of two beside", "sequenceDiagram\nNote left of A,B: x\n", `t.mmd:2:15: only a note "over" spans two participants`},
		{"note without text", "sequenceDiagram\nNote over A\n", `t.mmd:2:12: a note needs its text after ':', as in "Note over A: text"`},
		{"unclosed", "sequenceDiagram\nloop forever\nA->>B: x\n", `t.mmd:2:1: "loop" is never closed; add a line "end" after its last statement`},
		{"end alone", "sequenceDiagram\nA->>B: x\nend\n", `t.mmd:3:1: "end" with no loop, alt, opt, par, critical, break, rect or box to close`},
		{"else outside alt", "sequenceDiagram\nloop x\nA->>B: x\nelse y\nend\n", `t.mmd:4:1: "else" outside "alt"; it starts the next section of a "alt" block`},
		{"message in a box", "sequenceDiagram\nbox Group\nA->>B: x\nend\n", `t.mmd:3:1: only participant, actor and destroy lines may stand inside a box; close the box with "end" first`},
		{"created twice", "sequenceDiagram\nparticipant A\ncreate participant A\nA->>A: x\n", `t.mmd:3:20: "A" already takes part; Mermaid cannot create a participant twice (use an alias, "create participant B2 as A")`},
		{"create without its message", "sequenceDiagram\nA->>B: x\ncreate participant C\nA->>B: y\n", `t.mmd:4:1: the message after "create" (line 3) must go to "C", which it creates`},
		{"destroy without its message", "sequenceDiagram\nA->>B: x\ndestroy A\nB->>B: y\n", `t.mmd:4:1: the message after "destroy" (line 3) must come from or go to "A"`},
		{"bad participant name", "sequenceDiagram\nparticipant A:B\n", `t.mmd:2:14: ":" cannot stand in a participant's name; write it as #58;`},
		{"unknown type", "sequenceDiagram\nparticipant A@{ \"type\": \"robot\" }\nA->>A: x\n", `t.mmd:2:13: unknown participant type "robot"; Mermaid knows actor, participant, boundary, control, entity, database, collections, queue`},
		{"unclosed front matter", "---\ntitle: x\nsequenceDiagram\n", `t.mmd:1:1: the front matter that starts here has no closing "---" line`},
		{"trailing words", "sequenceDiagram\nparticipant A\nA->>A: x\nautonumber\nend end\n", `t.mmd:5:1: "end" with no loop`},
		{"too many actors", "sequenceDiagram\n" + manyActors(17), "t.mmd:1:1: the diagram has 17 participants; a lesson has at most 16, so split it into several diagrams"},
		{"control character", "sequenceDiagram\nloop \x00\nA->>A: x\nend\n", "t.mmd:2:6: U+0000 (NUL), a control character that pages cannot hold; delete it (most editors do not show it)"},
		{"control character as a code", "sequenceDiagram\nA->>A: a #27; b\n", "t.mmd:2:10: #27; is U+001B (ESC), a control character that pages cannot hold; delete it"},
		{"second header", "sequenceDiagram\nsequenceDiagram\nA->>A: x\n", `t.mmd:2:1: a second "sequenceDiagram" line; a diagram has one, at its top`},
		{"every problem at once", "sequenceDiagram\nA=>B: x\nNote over: y\nA->>B\n", "t.mmd:2:3: expected an arrow such as ->> after \"A=\"; Mermaid's arrows are ->>, -->>, ->, -->, -x, --x, -), --), <<->> and <<-->>\nt.mmd:3:10: a note names the participant it belongs to, as in \"Note over Alice: text\"\nt.mmd:4:6: a message needs its text after ':', as in \"A->>B: Hello\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			scene, diags := imported(t, tc.src)
			if !strings.Contains(diags, tc.want) {
				t.Errorf("got:\n%s\nwant it to hold:\n%s", diags, tc.want)
			}
			if scene != "" {
				t.Errorf("a scene was made despite the error:\n%s", scene)
			}
		})
	}
}

func manyActors(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("participant P" + strings.Repeat("x", i) + "\n")
	}
	return b.String() + "P->>P: x\n"
}

// FuzzImport feeds arbitrary text to the importer: it never panics, every
// message points inside the text, and whatever it accepts loads as a scene.
func FuzzImport(f *testing.F) {
	files, _ := filepath.Glob("testdata/mermaid-docs/*.mmd")
	for _, name := range files {
		data, _ := os.ReadFile(name)
		f.Add(string(data))
	}
	f.Add("sequenceDiagram\nA->>B: x #59; y # c\nloop l\nNote over A,B: n<br/>m\nend\n")
	f.Fuzz(func(t *testing.T, src string) {
		// Lines as an editor counts them: Parse reads a lone CR as a
		// line break too.
		lines := strings.Count(strings.ReplaceAll(src, "\r\n", "\n"), "\n") + strings.Count(src, "\r") - strings.Count(src, "\r\n") + 1
		scenes, diags := ImportFile("f.mmd", []byte(src), FileOptions{Topic: "web"})
		for _, d := range diags {
			if d.Pos.Line < 0 || d.Pos.Line > lines+1 {
				t.Errorf("message outside the text (%d lines): %s", lines, d)
			}
		}
		for _, s := range scenes {
			yaml, err := content.MarshalDraft(s.Draft)
			if err != nil {
				t.Fatal(err)
			}
			if _, ds := content.ParseScene(yaml, "scenes/"+s.ID+".yaml"); ds.HasErrors() {
				t.Errorf("accepted, but the scene does not load:\n%s\n--- input:\n%q\n--- scene:\n%s", ds, src, yaml)
			}
		}
	})
}
