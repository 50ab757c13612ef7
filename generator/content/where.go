package content

import (
	"fmt"
	"io/fs"
	"strings"

	"github.com/lessongen/lessongen/generator/diag"
	"gopkg.in/yaml.v3"
)

// Where returns, for each unit, the place a translator acts on it: the
// translation's value when the locale file has its key; else the line of
// the locale file where extract would add the key; else, when the file
// does not exist yet, the source string. files reads the language's folder.
func Where(s *Site, l *Language, files fs.FS, units []Unit) []diag.Pos {
	out := make([]diag.Pos, len(units))
	editors := map[string]*editor{}
	for i, u := range units {
		if u.Tr != nil {
			out[i] = u.Tr.Pos
			continue
		}
		out[i] = u.SourcePos
		ed, ok := editors[u.File]
		if !ok {
			if data, err := fs.ReadFile(files, u.File); err == nil {
				byFile := []Unit{}
				for _, v := range units {
					if v.File == u.File {
						byFile = append(byFile, v)
					}
				}
				fe := fileEdit{s: s, l: l, name: u.File, units: byFile}
				ed, _ = newEditor(blockStyle(data), s.Language, fe.ranks())
			}
			editors[u.File] = ed
		}
		if ed != nil {
			line := ed.placeOf(u.Key)
			out[i] = diag.Pos{Path: l.Path + "/" + u.File, Line: line + 1, Col: 1}
		}
	}
	return out
}

// placeOf returns the index of the line before which the entry at path
// would be added.
func (e *editor) placeOf(path []string) int {
	m := e.root
	for depth := 0; depth < len(path)-1; depth++ {
		k, v := e.findNew(path[:depth+1])
		if v == nil {
			return e.insertion(m, path[:depth], path[depth])
		}
		if v.Kind != yaml.MappingNode || len(v.Content) == 0 {
			return k.Line
		}
		m = v
	}
	return e.insertion(m, path[:len(path)-1], path[len(path)-1])
}

// NoID is a step without an id in a scene that has translations.
type NoID struct {
	Pos diag.Pos
	// Key is the step's number; Suggested an id made from its label.
	Key, Suggested string
}

// Message says why the step should have an id and how to give it one.
func (n NoID) Message() string {
	return fmt.Sprintf("step %s has no id, so its translations follow it by their records of its text; "+
		"give it one (add \"id: %s\" to the step), then run \"lessongen i18n extract\" for each language to move them to it", n.Key, n.Suggested)
}

// StepsWithoutIDs lists the steps without an id of the scenes that
// language l translates.
func StepsWithoutIDs(s *Site, l *Language) []NoID {
	var out []NoID
	for _, sc := range s.Scenes {
		if l.Scenes[sc.ID] == nil {
			continue
		}
		used := map[string]bool{}
		for _, st := range sc.Steps {
			used[st.ID] = true
		}
		for _, st := range sc.Steps {
			if st.ID != "" {
				continue
			}
			id := suggestID(st.Label, used)
			used[id] = true
			out = append(out, NoID{Pos: st.Pos, Key: st.Key, Suggested: id})
		}
	}
	return out
}

// suggestID makes a step id from a label: its first words, in lower case,
// joined by hyphens, and not one of used.
func suggestID(label string, used map[string]bool) string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(label), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if len(words) < 3 {
			words = append(words, w)
		}
	}
	base := strings.Join(words, "-")
	switch {
	case base == "":
		base = "step"
	case strings.Trim(base, "0123456789-") == "":
		base = "step-" + base // an id of digits only would read as a step number
	}
	id := base
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	return id
}
