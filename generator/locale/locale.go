// Package locale answers questions about languages: whether a tag is valid,
// which way its script runs, and which plural form a number takes. It is the
// only package that imports golang.org/x/text.
package locale

import (
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"
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

// Canonical returns tag in its canonical spelling ("zh-hans" → "zh-Hans"),
// or tag itself when it is not valid.
func Canonical(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	return t.String()
}

// Name is the language's name in itself ("日本語" for ja), for a language
// switcher.
func Name(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	if n := display.Self.Name(t); n != "" {
		return n
	}
	return tag
}

// Fallbacks lists tag and the less specific tags to try after it when
// looking for strings in the language: "pt-BR" → "pt-BR", "pt";
// "zh-Hans-CN" → "zh-Hans-CN", "zh-Hans", "zh".
func Fallbacks(tag string) []string {
	out := []string{tag}
	for i := len(tag) - 1; i > 0; i-- {
		if tag[i] == '-' {
			out = append(out, tag[:i])
		}
	}
	return out
}

// printers caches a message.Printer per language: making one costs far more
// than formatting a number, and every page formats several.
var printers sync.Map // tag → *message.Printer

// formatted caches FormatInt's small numbers (step numbers and counts),
// which every page writes several times: formatting one through a Printer
// costs microseconds and allocations.
var formatted sync.Map // formatKey → string

type formatKey struct {
	tag string
	n   int
}

// FormatInt writes n the way the language writes numbers in running text:
// its digits and its grouping.
func FormatInt(tag string, n int) string {
	small := n >= 0 && n < 1000
	if small {
		if s, ok := formatted.Load(formatKey{tag, n}); ok {
			return s.(string)
		}
	}
	s := formatInt(tag, n)
	if small {
		formatted.Store(formatKey{tag, n}, s)
	}
	return s
}

func formatInt(tag string, n int) string {
	p, ok := printers.Load(tag)
	if !ok {
		t, err := language.Parse(tag)
		if err != nil {
			t = language.Und
		}
		p, _ = printers.LoadOrStore(tag, message.NewPrinter(t))
	}
	return p.(*message.Printer).Sprintf("%d", n)
}
