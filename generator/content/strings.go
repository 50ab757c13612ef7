package content

import (
	"github.com/lessongen/lessongen/generator/diag"
	"gopkg.in/yaml.v3"
)

// Strings are the UI strings of one language, by key: "next", "step_of".
type Strings map[string]Plural

// Plural is a UI string by CLDR plural form ("one", "few", "other"...). A
// string without plural forms is stored as "other".
type Plural map[string]string

var pluralForms = []string{"zero", "one", "two", "few", "many", "other"}

// ParseStrings reads a file of UI strings: "key: text" lines, or for a text
// that depends on a number, "key:" followed by its plural forms.
func ParseStrings(data []byte, path string) (Strings, diag.List) {
	var diags diag.List
	d := &decoder{path: path, diags: &diags}
	root := d.parse(data)
	if root == nil {
		return nil, diags
	}
	out := Strings{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Kind == yaml.MappingNode {
			forms := d.fields(v, "plural forms of "+k.Value, pluralForms...)
			m := Plural{}
			for _, f := range pluralForms {
				if e, ok := forms[f]; ok {
					m[f] = d.str(e)
				}
			}
			if _, ok := m["other"]; !ok && forms != nil {
				d.errorf(v, "plural forms of %s need \"other\"", k.Value)
			}
			out[k.Value] = m
			continue
		}
		out[k.Value] = Plural{"other": d.str(entry{k, v})}
	}
	return out, diags
}
