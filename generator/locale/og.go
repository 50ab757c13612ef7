package locale

import (
	"sync"

	"golang.org/x/text/language"
)

var ogLocales sync.Map // tag → Open Graph locale, as computing one parses the tag

// OGLocale is a language in Open Graph's og:locale form, language_TERRITORY:
// the tag's own region when it has one (pt-BR → pt_BR), else the region
// where CLDR says the language is most likely spoken (fr → fr_FR, ja →
// ja_JP, zh-Hant → zh_TW). Without a country to name, the language alone.
func OGLocale(tag string) string {
	if v, ok := ogLocales.Load(tag); ok {
		return v.(string)
	}
	v := ogLocale(tag)
	ogLocales.Store(tag, v)
	return v
}

func ogLocale(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return tag
	}
	base, _ := t.Base()
	region, conf := t.Region()
	if conf == language.No || !region.IsCountry() {
		// es-419 (Latin America) is a region but not a country: the
		// language alone says less, and nothing wrong.
		return base.String()
	}
	return base.String() + "_" + region.String()
}
