package locale

import "testing"

func TestOGLocale(t *testing.T) {
	for tag, want := range map[string]string{
		"en": "en_US", "fr": "fr_FR", "ja": "ja_JP", "ar": "ar_EG", "de": "de_DE",
		"pt-BR": "pt_BR", "pt": "pt_BR", "zh-Hans": "zh_CN", "zh-Hant": "zh_TW",
		"en-GB": "en_GB", "es-419": "es", "ko": "ko_KR", "ru": "ru_RU",
	} {
		if got := OGLocale(tag); got != want {
			t.Errorf("OGLocale(%q) = %q, want %q", tag, got, want)
		}
	}
}
