package markdown

import (
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzRender renders arbitrary narration and checks that what comes out is
// inert: no script or style element, no event handler attribute, no
// javascript:, vbscript: or data: link, whatever the input.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"The PC sends *SYN*.", "<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(1)>",
		"![a](data:text/html;base64,PHNjcmlwdD4=)", "[x](data:image/png;base64,AAAA)", "<data:image/png,x>", "<javascript:alert(1)>", "[x](JaVaScRiPt&#58;alert(1))",
		"</style><script>x</script>", "<svg><foreignObject><script>x</script></foreignObject></svg>", "| a | b |\n|---|---|\n| `c` | ~~d~~ |",
	} {
		f.Add(s)
	}
	r := New()
	f.Fuzz(func(t *testing.T, src string) {
		out, err := r.Render(src)
		if err != nil {
			return
		}
		// The tokenizer, not the tree builder: every element the browser
		// would build starts as a start tag token, and the tokenizer has no
		// limit on nesting (html.Parse refuses more than 512 open elements,
		// which 600 ">" make).
		z := html.NewTokenizer(strings.NewReader(string(out)))
		for {
			switch z.Next() {
			case html.ErrorToken:
				if z.Err() != io.EOF {
					t.Fatal(z.Err())
				}
				return
			case html.StartTagToken, html.SelfClosingTagToken:
				tok := z.Token()
				switch tok.Data {
				case "script", "style", "iframe", "object", "embed", "foreignobject", "svg", "math", "form", "input":
					t.Fatalf("%q rendered a <%s> element:\n%s", src, tok.Data, out)
				}
				for _, a := range tok.Attr {
					v := strings.ToLower(strings.TrimSpace(a.Val))
					if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "vbscript:") || strings.HasPrefix(v, "data:") {
						t.Fatalf("%q rendered the attribute %s=%q:\n%s", src, a.Key, a.Val, out)
					}
				}
			}
		}
	})
}
