package content

import (
	"sort"

	"github.com/lessongen/lessongen/generator/diag"
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
	strs, _ := d.strings(root)
	return strs, diags
}

// uiFile is a decoded ui.yaml: its strings, and where each key is written.
type uiFile struct {
	strings Strings
	at      map[string]diag.Pos
}

// CheckUI reports each UI string of the language's ui.yaml whose key is
// not one of known, the theme's English strings: a misspelt key would
// otherwise be ignored in silence, leaving the theme's words in place.
func (l *Language) CheckUI(known Strings) diag.List {
	var diags diag.List
	keys := make([]string, 0, len(known))
	for k := range known {
		keys = append(keys, k)
	}
	sort.Strings(keys) // for a deterministic suggestion
	for k, pos := range l.uiKeys {
		if _, ok := known[k]; ok {
			continue
		}
		if m := didYouMean(k, keys); m != "" {
			diags.Errorf(pos, "unknown UI string %q; did you mean %q? (the strings are the keys of the theme's i18n/en.yaml)", k, m)
		} else {
			diags.Errorf(pos, "unknown UI string %q; the strings are the keys of the theme's i18n/en.yaml", k)
		}
	}
	diags.Sort()
	return diags
}
