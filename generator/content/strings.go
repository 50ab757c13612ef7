package content

import (
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
	return d.strings(root), diags
}
