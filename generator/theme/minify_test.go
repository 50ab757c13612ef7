package theme

import "testing"

func TestMinifyCSS(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"/* why */\na {\n  color: red; /* note */\n}\n\n", "a {\ncolor: red; \n}\n"},
		{`a::before { content: "/* kept */"; }`, `a::before { content: "/* kept */"; }`},
		{`a::before { content: 'it\'s /* kept */'; }`, `a::before { content: 'it\'s /* kept */'; }`},
		{"a{}/* unterminated", "a{}"},
	} {
		if got := minifyCSS(c.in); got != c.want {
			t.Errorf("minifyCSS(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
