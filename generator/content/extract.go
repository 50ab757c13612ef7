package content

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/lessongen/lessongen/generator/diag"
	"gopkg.in/yaml.v3"
)

// Extracted is the result of Extract for one language.
type Extracted struct {
	// Files are the new contents of the language's locale files, by name
	// relative to its folder ("site.yaml", "https.yaml"), sorted by name.
	Files []LocaleFile
	// Removed lists translations whose source string no longer exists; they
	// are left out of Files.
	Removed diag.List
}

// LocaleFile is one locale file's new contents.
type LocaleFile struct {
	Name string
	Data []byte
}

// Extract rewrites the locale files of language l so that every source
// string has its key, with the source text and the fingerprints in a comment
// above it. Translations are kept; new keys are empty. A stale translation
// keeps its old source fingerprint, so it stays stale until a translator
// changes it. Running Extract on its own output changes nothing.
func Extract(s *Site, l *Language) (Extracted, error) {
	var out Extracted
	checkTranslations(s, l, s.Files, nil, &out.Removed)
	for i := range out.Removed {
		out.Removed[i].Message = strings.Replace(out.Removed[i].Message, "translation of", "removed the translation of", 1)
	}
	files := map[string]*yaml.Node{}
	var names []string
	for _, u := range Units(s, l) {
		root, ok := files[u.File]
		if !ok {
			root = &yaml.Node{Kind: yaml.MappingNode}
			files[u.File] = root
			names = append(names, u.File)
			if u.File == "site.yaml" {
				addScalar(root, "name", l.Name, "")
				if l.Dir != dirOf(l.Tag) {
					addScalar(root, "dir", l.Dir, "")
				}
			}
		}
		parent := root
		for _, k := range u.Key[:len(u.Key)-1] {
			parent = child(parent, k)
		}
		text, srcFP, trFP := "", Fingerprint(u.Source), Fingerprint("")
		if u.Tr != nil {
			text, trFP = u.Tr.Text, Fingerprint(u.Tr.Text)
			if u.State() == Stale && u.Tr.SourceFP != "" {
				srcFP, trFP = u.Tr.SourceFP, u.Tr.TextFP
			}
		}
		addScalar(parent, u.Key[len(u.Key)-1], text, sourceComment(s.Language, u.Source)+"\n"+fpPrefix+srcFP+" "+trFP)
	}
	sort.Strings(names)
	for _, name := range names {
		doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{files[name]},
			HeadComment: fileComment(s, l, name)}
		var buf bytes.Buffer
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(doc); err != nil {
			return out, fmt.Errorf("%s/%s: %w", l.Path, name, err)
		}
		enc.Close()
		out.Files = append(out.Files, LocaleFile{Name: name, Data: buf.Bytes()})
	}
	return out, nil
}

func fileComment(s *Site, l *Language, name string) string {
	what := "the site's title and topics"
	if name != "site.yaml" {
		what = fmt.Sprintf("the scene %q", strings.TrimSuffix(name, ".yaml"))
	}
	return fmt.Sprintf("# %s (%s) translation of %s.\n"+
		"# Above each key: the %s source text, and its fingerprint (fp), which\n"+
		"# lessongen uses to tell when the source changes. Translate the values;\n"+
		"# keep the comments. \"lessongen i18n extract %s\" adds new keys.", l.Name, l.Tag, what, s.Language, l.Tag)
}

// sourceComment quotes a source text as comment lines.
func sourceComment(lang, text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	var b strings.Builder
	for i, line := range lines {
		if i == 0 {
			fmt.Fprintf(&b, "# %s: %s", lang, line)
		} else {
			fmt.Fprintf(&b, "\n#   %s", line)
		}
	}
	return strings.ReplaceAll(b.String(), " \n", "\n")
}

// child returns the mapping under key in m, adding it if needed.
func child(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	v := &yaml.Node{Kind: yaml.MappingNode}
	m.Content = append(m.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key, Tag: "!!str"}, v)
	return v
}

func addScalar(m *yaml.Node, key, value, comment string) {
	v := &yaml.Node{Kind: yaml.ScalarNode, Value: value, Tag: "!!str"}
	if strings.Contains(value, "\n") {
		v.Style = yaml.LiteralStyle
	}
	k := &yaml.Node{Kind: yaml.ScalarNode, Value: key, Tag: "!!str", HeadComment: comment}
	m.Content = append(m.Content, k, v)
}
