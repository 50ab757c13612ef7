// Package locale answers questions about languages: whether a tag is valid,
// which way its script runs, and which plural form a number takes. It is the
// only package that imports golang.org/x/text.
package locale

import (
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Valid reports whether tag is a well-formed BCP 47 language tag.
func Valid(tag string) bool {
	_, err := language.Parse(tag)
	return err == nil
}

// RTL reports whether the language's script is written right to left.
func RTL(tag string) bool {
	t, err := language.Parse(tag)
	if err != nil {
		return false
	}
	script, _ := t.Script()
	switch script.String() {
	case "Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg":
		return true
	}
	return false
}

// PluralForm returns the CLDR plural category of the whole number n in the
// language: "zero", "one", "two", "few", "many" or "other".
func PluralForm(tag string, n int) string {
	t, err := language.Parse(tag)
	if err != nil {
		return "other"
	}
	if n < 0 {
		n = -n
	}
	switch plural.Cardinal.MatchPlural(t, n, 0, 0, 0, 0) {
	case plural.Zero:
		return "zero"
	case plural.One:
		return "one"
	case plural.Two:
		return "two"
	case plural.Few:
		return "few"
	case plural.Many:
		return "many"
	}
	return "other"
}
