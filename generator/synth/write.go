package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func write(path, data string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(data), 0o644)
}

// q quotes a YAML string.
func q(s string) string { return strconv.Quote(s) }

// block writes a Markdown text as a YAML literal block at indent.
func block(s, indent string) string {
	return "|\n" + indent + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n"+indent) + "\n"
}

// WriteLessongen writes the site as a lessongen content folder.
func (s *Site) WriteLessongen(dir string) error {
	var b strings.Builder
	b.WriteString("title: Synthetic lessons\ndescription: A generated site for benchmarks.\nlanguage: en\ntopics:\n  - id: all\n    title: All lessons\n")
	if err := write(filepath.Join(dir, "site.yaml"), b.String()); err != nil {
		return err
	}
	for _, sc := range s.scenes {
		b.Reset()
		fmt.Fprintf(&b, "title: %s\nsummary: %s\ntopic: all\nactors:\n", q(sc.title), q(sc.summary))
		for i, a := range sc.actors {
			fmt.Fprintf(&b, "  - id: a%d\n    name: %s\n    kind: %s\n", i+1, q(a), kinds[i%len(kinds)])
		}
		b.WriteString("steps:\n")
		for j, st := range sc.steps {
			fmt.Fprintf(&b, "  - id: s%d\n", j+1)
			if st.note {
				fmt.Fprintf(&b, "    note: a%d\n", st.from+1)
			} else {
				fmt.Fprintf(&b, "    from: a%d\n    to: a%d\n", st.from+1, st.to+1)
				if st.reply {
					b.WriteString("    reply: true\n")
				}
				if st.sec {
					b.WriteString("    secure: true\n")
				}
			}
			fmt.Fprintf(&b, "    label: %s\n", q(st.label))
			if st.phase != "" {
				fmt.Fprintf(&b, "    phase: %s\n", q(st.phase))
			}
			if len(st.fields) > 0 {
				b.WriteString("    fields:\n")
				for _, f := range st.fields {
					fmt.Fprintf(&b, "      %s: %s\n", f[0], q(f[1]))
				}
			}
			fmt.Fprintf(&b, "    text: %s", block(st.text, "      "))
		}
		if err := write(filepath.Join(dir, "scenes", sc.id+".yaml"), b.String()); err != nil {
			return err
		}
		for _, lang := range s.langs[1:] {
			if err := write(filepath.Join(dir, "locales", lang, sc.id+".yaml"), s.translation(sc, lang)); err != nil {
				return err
			}
		}
	}
	for _, lang := range s.langs[1:] {
		site := fmt.Sprintf("title: %s\ndescription: %s\ntopics:\n  all: %s\n", q(tr(lang, "Synthetic lessons")), q(tr(lang, "A generated site for benchmarks.")), q(tr(lang, "All lessons")))
		if err := write(filepath.Join(dir, "locales", lang, "site.yaml"), site); err != nil {
			return err
		}
	}
	return nil
}

// translation is a complete locale file for one scene.
func (s *Site) translation(sc scene, lang string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nsummary: %s\nactors:\n", q(tr(lang, sc.title)), q(tr(lang, sc.summary)))
	for i, a := range sc.actors {
		fmt.Fprintf(&b, "  a%d: %s\n", i+1, q(tr(lang, a)))
	}
	b.WriteString("steps:\n")
	phases := map[string]bool{}
	for j, st := range sc.steps {
		fmt.Fprintf(&b, "  s%d:\n    label: %s\n    text: %s", j+1, q(tr(lang, st.label)), block(tr(lang, st.text), "      "))
		if st.phase != "" {
			phases[st.phase] = true
		}
	}
	if len(phases) > 0 {
		b.WriteString("phases:\n")
		for _, st := range sc.steps {
			if phases[st.phase] {
				fmt.Fprintf(&b, "  %s: %s\n", q(st.phase), q(tr(lang, st.phase)))
				delete(phases, st.phase)
			}
		}
	}
	return b.String()
}

// WriteHugo writes the equivalent Hugo site: one page per step with the same
// narration, ordered by weight inside a section per scene, in every language.
func (s *Site) WriteHugo(dir string) error {
	var b strings.Builder
	b.WriteString("baseURL = \"/\"\ntitle = \"Synthetic lessons\"\ndefaultContentLanguage = \"en\"\ndefaultContentLanguageInSubdir = true\n" +
		"disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n[languages]\n")
	for i, lang := range s.langs {
		fmt.Fprintf(&b, "[languages.%s]\nweight = %d\ncontentDir = \"content/%s\"\n", lang, i+1, lang)
	}
	if err := write(filepath.Join(dir, "hugo.toml"), b.String()); err != nil {
		return err
	}
	layout := `<!DOCTYPE html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav>{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" hreflang="{{ .Language.Lang }}">{{ .Language.Lang }}</a> {{ end }}</nav>
<main><h1>{{ .Title }}</h1>{{ .Content }}</main>
<nav>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">Previous</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">Next</a>{{ end }}</nav>
</body></html>
`
	list := `<!DOCTYPE html>
<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
`
	if err := write(filepath.Join(dir, "layouts/_default/single.html"), layout); err != nil {
		return err
	}
	if err := write(filepath.Join(dir, "layouts/_default/list.html"), list); err != nil {
		return err
	}
	for _, lang := range s.langs {
		for _, sc := range s.scenes {
			base := filepath.Join(dir, "content", lang, sc.id)
			if err := write(filepath.Join(base, "_index.md"), fmt.Sprintf("---\ntitle: %s\n---\n", q(tr(lang, sc.title)))); err != nil {
				return err
			}
			for j, st := range sc.steps {
				page := fmt.Sprintf("---\ntitle: %s\nweight: %d\n---\n%s", q(tr(lang, st.label)), j+1, tr(lang, st.text))
				if err := write(filepath.Join(base, fmt.Sprintf("step-%02d.md", j+1)), page); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
