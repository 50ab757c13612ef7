package locale

import (
	"strings"
	"testing"
)

func TestPluralForm(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		n    int
		want string
	}{
		{"en", 1, "one"}, {"en", 0, "other"}, {"en", 2, "other"},
		{"ja", 1, "other"}, {"zh-Hans", 1, "other"}, {"ko", 5, "other"},
		{"ru", 1, "one"}, {"ru", 3, "few"}, {"ru", 5, "many"}, {"ru", 21, "one"},
		{"ar", 0, "zero"}, {"ar", 1, "one"}, {"ar", 2, "two"}, {"ar", 3, "few"}, {"ar", 11, "many"}, {"ar", 100, "other"},
		{"fr", 0, "one"}, {"fr", 2, "other"},
	} {
		if got := PluralForm(tc.tag, tc.n); got != tc.want {
			t.Errorf("PluralForm(%s, %d) = %s, want %s", tc.tag, tc.n, got, tc.want)
		}
	}
}

func TestLanguages(t *testing.T) {
	if !RTL("ar") || !RTL("he") || !RTL("fa") || RTL("en") || RTL("ja") || RTL("zh-Hans") {
		t.Error("RTL is wrong for a common language")
	}
	if got := Name("ja"); got != "日本語" {
		t.Errorf("Name(ja) = %q", got)
	}
	if got := Canonical("zh-hans"); got != "zh-Hans" {
		t.Errorf("Canonical(zh-hans) = %q", got)
	}
	if got := strings.Join(Fallbacks("zh-Hans-CN"), " "); got != "zh-Hans-CN zh-Hans zh" {
		t.Errorf("Fallbacks = %q", got)
	}
	if got := FormatInt("ar", 12); got != "١٢" {
		t.Errorf("FormatInt(ar, 12) = %q", got)
	}
	if got := FormatInt("de", 1234); got != "1.234" {
		t.Errorf("FormatInt(de, 1234) = %q", got)
	}
}
