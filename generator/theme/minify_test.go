package theme

import (
	"strings"
	"testing"
)

func TestMinify(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/* why */\na {\n  color: red; /* note */\n}\n\n", "a{color:red}"},
		{`a::before { content: "/* kept */"; }`, `a:before{content:"/* kept */"}`},
		// What the theme uses that older CSS does not know passes through.
		{"@supports (x: attr(x type(*))) { svg { inline-size: calc(attr(width px) * 1.25); } }", "@supports (x: attr(x type(*))){svg{inline-size:calc(attr(width px)/.8)}}"},
		{"@view-transition { navigation: auto; }", "@view-transition{navigation:auto}"},
	} {
		got, err := minifyCSS(c.in)
		if err != nil || got != c.want {
			t.Errorf("minifyCSS(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	js, err := minifyJS("(() => {\n  // a comment\n  const longName = 1;\n  console.log(longName);\n})();\n")
	if err != nil || strings.Contains(js, "comment") || strings.Contains(js, "longName") || !strings.Contains(js, "console.log") {
		t.Errorf("minifyJS = %q, %v", js, err)
	}
	if _, err := minifyJS("const = ;"); err == nil {
		t.Error("a script that does not parse is not reported")
	}
}
