package markdown

import (
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
