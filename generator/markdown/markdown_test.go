package markdown

import (
	"errors"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	r := New()
	for _, tc := range []struct{ in, want string }{
		{"The PC sends *SYN*.", "<p>The PC sends <em>SYN</em>.</p>\n"},
		{"a <b>bold</b> claim", "<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>\n"},
		{"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"[x](javascript:alert(1))", "<p><a href=\"\">x</a></p>\n"},
		// data: targets are dropped whatever they hold: an image is no more
		// use than a page, since the pages' policy loads nothing from data:.
		{"[x](data:image/png;base64,AAAA)", "<p><a href=\"\">x</a></p>\n"},
		{"[x](DATA:text/html,hi)", "<p><a href=\"\">x</a></p>\n"},
		{"[x](data&#58;image/png;base64,AAAA)", "<p><a href=\"\">x</a></p>\n"},
		{"[x]\n\n[x]: data:image/gif;base64,R0lGOD", "<p><a href=\"\">x</a></p>\n"},
		{"<data:image/png;base64,AAAA>", "<p><a href=\"\">data:image/png;base64,AAAA</a></p>\n"},
		{"![p](data:image/png;base64,AAAA)", "<p><img src=\"\" alt=\"p\"></p>\n"},
		{"[x](dataset.html)", "<p><a href=\"dataset.html\">x</a></p>\n"},
		{"Use `ACK=x+1`.", "<p>Use <code>ACK=x+1</code>.</p>\n"},
		{"- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"},
	} {
		got, err := r.Render(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("Render(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestRenderRebased(t *testing.T) {
	src := "[a](../dns/index.html) [b](2/index.html) [c](https://example.com/) [d](#top) [e](/root) [f](mailto:x@example.com) ![g](pic.svg)"
	got, err := New().RenderRebased(src, func(dest string) string { return "up/" + dest })
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="up/../dns/index.html"`, `href="up/2/index.html"`, `href="https://example.com/"`,
		`href="#top"`, `href="/root"`, `href="mailto:x@example.com"`, `src="up/pic.svg"`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("RenderRebased: no %s in %s", want, got)
		}
	}
}

// TestRenderIsBounded renders a few lines that would expand to 15 MB: a
// link to a long address, defined once and used thousands of times.
func TestRenderIsBounded(t *testing.T) {
	src := "[a]: http://example.com/" + strings.Repeat("y", 10000) + "\n\n" + strings.Repeat("[a]", 3000)
	if out, err := New().Render(src); !errors.Is(err, ErrTooLarge) {
		t.Errorf("rendered %d bytes, err %v; want ErrTooLarge", len(out), err)
	}
	if out, err := New().Render(strings.Repeat("[a]", 3000) + "\n\n[a]: http://example.com/\n"); err != nil || len(out) > MaxHTML {
		t.Errorf("a short address: %d bytes, %v", len(out), err)
	}
}
