package main

import (
	"fmt"
	"strings"
)

// limitCases are corpus cases for the limits on every string, source and
// translated, and on what Markdown costs: each too long by one, or by a
// megabyte as a hostile file would be.
func limitCases() []corpusCase {
	x := func(n int) string { return strings.Repeat("x", n) }
	scene := func(old, new string) map[string][]byte {
		return map[string][]byte{"scenes/bad.yaml": []byte(strings.Replace(corpusScene, old, new, 1))}
	}
	var fifty strings.Builder
	for i := range 50 {
		fmt.Fprintf(&fifty, "  - note: pc\n    label: Step %d\n", i)
	}
	var fields, refs, related strings.Builder
	for i := range 31 {
		fmt.Fprintf(&fields, "      f%d: x\n", i)
	}
	for i := range 51 {
		fmt.Fprintf(&refs, "  - title: R%d\n    url: https://example.com/%d\n", i, i)
		fmt.Fprintf(&related, "ok%d, ", i)
	}
	table := "|" + strings.Repeat(" a |", 40) + "\n|" + strings.Repeat("---|", 40) + "\n"
	cells := "| a | b |\n|---|---|\n" + strings.Repeat("| x |\n", 1500)
	locale := func(file, body string) map[string][]byte {
		return map[string][]byte{"locales/fr/" + file: []byte(body)}
	}
	tr := "steps:\n  \"1\":\n    label: "
	return []corpusCase{
		{name: "limit-1MB-scene-title-50-steps", exit: 1,
			files: map[string][]byte{"scenes/bad.yaml": []byte("title: " + x(1<<20) + "\ntopic: web\nactors:\n  - id: pc\n    name: PC\nsteps:\n" + fifty.String())},
			want:  "content/scenes/bad.yaml:1:8: title is 1048576 characters long; keep it under 200\n1 error\n"},
		{name: "limit-scene-summary", files: scene("topic: web", "summary: "+x(1001)+"\ntopic: web"), exit: 1,
			want: "content/scenes/bad.yaml:2:10: summary is 1001 characters long; keep it under 1000\n1 error\n"},
		{name: "limit-phase", files: scene("label: SYN", "label: SYN\n    phase: "+x(150000)), exit: 1,
			want: "content/scenes/bad.yaml:14:12: phase is 150000 characters long; keep it under 200\n1 error\n"},
		{name: "limit-field-name-and-value", files: scene("label: SYN", "label: SYN\n    fields:\n      "+x(101)+": "+x(1001)), exit: 1,
			want: "content/scenes/bad.yaml:15:7: the field name is 101 characters long; keep it under 100\n" +
				"content/scenes/bad.yaml:15:110: the value of field \"" + x(60) + "…\" is 1001 characters long; keep it under 1000\n2 errors\n"},
		{name: "limit-fields", files: scene("label: SYN", "label: SYN\n    fields:\n"+fields.String()), exit: 1,
			want: "content/scenes/bad.yaml:15:7: a step shows at most 30 fields, this one has 31; the narration is the place for more\n1 error\n"},
		{name: "limit-reference-title-and-url", files: scene("topic: web", "topic: web\nreferences:\n  - title: "+x(501)+"\n    url: https://example.com/"+x(2000)), exit: 1,
			want: "content/scenes/bad.yaml:4:12: title is 501 characters long; keep it under 500\n" +
				"content/scenes/bad.yaml:5:10: url is 2020 characters long; keep it under 2000\n2 errors\n"},
		{name: "limit-references", files: scene("topic: web", "topic: web\nreferences:\n"+refs.String()), exit: 1,
			want: "content/scenes/bad.yaml:4:3: a scene lists at most 50 references, this one has 51\n1 error\n"},
		{name: "limit-related", files: scene("topic: web", "topic: web\nrelated: ["+related.String()+"]"), exit: 1,
			want: "content/scenes/bad.yaml:3:10: a scene lists at most 50 related scenes, this one has 51\n1 error\n"},
		{name: "limit-actor-id", files: scene("id: server", "id: s"+x(64)), exit: 1,
			want: "content/scenes/bad.yaml:7:9: actor id \"s" + x(59) + "…\" is 65 characters long; keep it under 64\n1 error\n"},
		{name: "limit-site-title-and-description", exit: 1,
			files: map[string][]byte{"site.yaml": []byte(strings.Replace(corpusSite, "title: Test site", "title: "+x(201)+"\ndescription: "+x(1001), 1))},
			want:  "content/site.yaml:1:8: title is 201 characters long; keep it under 200\ncontent/site.yaml:2:14: description is 1001 characters long; keep it under 1000\n2 errors\n"},
		{name: "limit-topic-title", exit: 1,
			files: map[string][]byte{"site.yaml": []byte(strings.Replace(corpusSite, "title: The web", "title: "+x(201), 1))},
			want:  "content/site.yaml:5:12: title is 201 characters long; keep it under 200\n1 error\n"},
		{name: "limit-base-url", exit: 1,
			files: map[string][]byte{"site.yaml": []byte(corpusSite + "baseURL: https://example.com/" + x(2000) + "\n")},
			want:  "content/site.yaml:6:10: baseURL is 2020 characters long; keep it under 2000\n1 error\n"},
		{name: "limit-nested-blockquotes", files: scene("text: Hello.", "text: \""+strings.Repeat(">", 20000)+"\""), exit: 1,
			want: "content/scenes/bad.yaml:14:11: text nests quotes and lists 20000 deep on line 1; keep it under 16\n1 error\n"},
		{name: "limit-nested-lists", files: scene("text: Hello.", "text: \""+strings.Repeat("1. ", 6000)+"\""), exit: 1,
			want: "content/scenes/bad.yaml:14:11: text nests quotes and lists 6000 deep on line 1; keep it under 16\n1 error\n"},
		{name: "limit-table-columns", files: scene("text: Hello.", "text: |\n      "+strings.ReplaceAll(strings.TrimSuffix(table, "\n"), "\n", "\n      ")), exit: 1,
			want: "content/scenes/bad.yaml:14:11: text has a table of 40 columns on line 1; keep it under 32\n1 error\n"},
		{name: "limit-table-cells", files: scene("text: Hello.", "text: |\n      "+strings.ReplaceAll(strings.TrimSuffix(cells, "\n"), "\n", "\n      ")), exit: 1,
			want: "content/scenes/bad.yaml:14:11: text has a table of 3004 cells (1502 rows of 2 columns); keep it under 2000\n1 error\n"},
		// Translations are held to the limits of what they translate.
		{name: "limit-translated-label", files: locale("ok.yaml", tr+x(201)+"\n"), exit: 1,
			want: "content/locales/fr/ok.yaml:3:12: label is 201 characters long; keep it under 200\n1 error\n"},
		{name: "limit-translated-text", files: locale("ok.yaml", "steps:\n  \"1\":\n    text: \""+strings.Repeat(">", 20000)+"\"\n"), exit: 1,
			want: "content/locales/fr/ok.yaml:3:11: text nests quotes and lists 20000 deep on line 1; keep it under 16\n1 error\n"},
		{name: "limit-translated-1MB-title", files: locale("ok.yaml", "title: "+x(1<<20)+"\n"), exit: 1,
			want: "content/locales/fr/ok.yaml:1:8: title is 1048576 characters long; keep it under 200\n1 error\n"},
		{name: "limit-translated-actor-and-phase", exit: 1, files: map[string][]byte{
			"scenes/ok.yaml":     []byte(strings.Replace(corpusScene, "label: SYN", "label: SYN\n    phase: Open", 1)),
			"locales/fr/ok.yaml": []byte("actors:\n  pc: " + x(61) + "\nphases:\n  Open: " + x(201) + "\n")},
			want: "content/locales/fr/ok.yaml:2:7: actor name \"pc\" is 61 characters long; keep it under 60\n" +
				"content/locales/fr/ok.yaml:4:9: phase \"Open\" is 201 characters long; keep it under 200\n2 errors\n"},
		{name: "limit-translated-site", files: locale("site.yaml", "name: "+x(61)+"\ntitle: "+x(201)+"\ntopics:\n  web: "+x(201)+"\n"), exit: 1,
			want: "content/locales/fr/site.yaml:1:7: name is 61 characters long; keep it under 60\n" +
				"content/locales/fr/site.yaml:2:8: title is 201 characters long; keep it under 200\n" +
				"content/locales/fr/site.yaml:4:8: topic title \"web\" is 201 characters long; keep it under 200\n3 errors\n"},
		{name: "limit-ui-string", files: locale("ui.yaml", "next: "+x(201)+"\nsteps:\n  one: "+x(201)+"\n  other: x\n"), exit: 1,
			want: "content/locales/fr/ui.yaml:1:7: next is 201 characters long; keep it under 200\n" +
				"content/locales/fr/ui.yaml:3:8: one is 201 characters long; keep it under 200\n2 errors\n"},
	}
}
