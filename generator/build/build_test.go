package build

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func buildDir(t testing.TB, dir string) *Memory {
	t.Helper()
	var m Memory
	_, diags, err := Site(Options{Content: os.DirFS(dir), ContentName: dir}, &m)
	if err != nil {
		t.Fatalf("build %s: %v\n%s", dir, err, diags)
	}
	return &m
}

// TestGolden compares every page and diagram of the fixture site with its
// golden copy. Run "go test ./generator/build -update" to rewrite them, and
// review the diff before committing it.
func TestGolden(t *testing.T) {
	m := buildDir(t, "testdata/fixture")
	golden := "testdata/golden"
	seen := map[string]bool{}
	for _, p := range m.Paths() {
		if strings.HasPrefix(p, "assets/") || (!strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".svg")) {
			continue // theme assets are not built from content
		}
		seen[p] = true
		file := filepath.Join(golden, filepath.FromSlash(p))
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, m.File(p), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: no golden file (run go test -update): %v", p, err)
			continue
		}
		if got := m.File(p); !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s:\n%s", p, file, firstDiff(string(got), string(want)))
		}
	}
	filepath.WalkDir(golden, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel := filepath.ToSlash(strings.TrimPrefix(p, golden+string(filepath.Separator)))
			if !seen[rel] {
				if *update {
					os.Remove(p)
				} else {
					t.Errorf("golden file %s is no longer written", rel)
				}
			}
		}
		return nil
	})
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, gl, wl)
		}
	}
	return ""
}

// TestFixtureShowsEveryConstruct checks, on the output a reader gets, that
// the fixture exercises what the golden files are meant to cover.
func TestFixtureShowsEveryConstruct(t *testing.T) {
	m := buildDir(t, "testdata/fixture")
	// Long scenes' step views show only their latest rows, so look across all of them.
	svg := ""
	for n := 1; n <= 8; n++ {
		svg += string(m.File(fmt.Sprintf("en/constructs/%d.svg", n)))
	}
	for _, want := range []string{
		`class="s n past" id="lgd-s1"`, `class="s m rp past"`, `class="s m sc past"`, `class="s m lo past"`,
		`class="s m now" id="lgd-s8"`, `class="ph"`, `href="#lgd-lock"`, `<symbol id="lgd-dns"`,
		`class="x"`, `class="ah"`, `<title id="lgd-t">Step 8 of 8: From the far end</title>`,
		`<desc id="lgd-d">Plain actor → PC: From the far end</desc>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the step SVGs lack %s", want)
		}
	}
	page := string(m.File("en/constructs/1/index.html"))
	for _, want := range []string{
		`&lt;b&gt;bold&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;`,
		`<a href="">a bad one</a>`,
		`<title>Step 1 of 8 – Starts – Every construct</title>`,
		`aria-current="step"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("step 1 page lacks %s", want)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Error("raw script passed through to the page")
	}
}

func TestDeterministic(t *testing.T) {
	build := func(workers int) *Memory {
		var m Memory
		if _, diags, err := Site(Options{Content: os.DirFS("../../content"), ContentName: "content", Workers: workers}, &m); err != nil {
			t.Fatal(err, diags)
		}
		return &m
	}
	a, b := build(1), build(4)
	pa, pb := a.Paths(), b.Paths()
	if strings.Join(pa, "\n") != strings.Join(pb, "\n") {
		t.Fatal("the two builds wrote different files")
	}
	for _, p := range pa {
		if !bytes.Equal(a.File(p), b.File(p)) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

// TestSampleSite builds content/ and checks what a reader would: the pages
// exist, every SVG is well-formed XML, and every relative link resolves.
func TestSampleSite(t *testing.T) {
	m := buildDir(t, "../../content")
	for _, p := range []string{"index.html", "en/index.html", "en/https/index.html", "en/https/1/index.html", "en/https/1.svg", "en/http/15/index.html"} {
		if m.File(p) == nil {
			t.Errorf("%s was not written", p)
		}
	}
	for _, p := range m.Paths() {
		switch path.Ext(p) {
		case ".svg":
			checkXML(t, p, m.File(p))
		case ".html":
			for _, link := range links(t, p, m.File(p)) {
				checkLink(t, m, p, link)
			}
		}
	}
}

func checkXML(t *testing.T, name string, data []byte) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", name, err)
			return
		}
	}
}

// links returns every href and src in an HTML page.
func links(t *testing.T, name string, data []byte) []string {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" || a.Key == "xlink:href" {
					out = append(out, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func checkLink(t *testing.T, m *Memory, page, link string) {
	u, err := url.Parse(link)
	if err != nil {
		t.Errorf("%s: bad link %q", page, link)
		return
	}
	if u.Scheme != "" || u.Host != "" || (u.Path == "" && u.Fragment != "") || link == "" {
		return // external, or a fragment of the same page
	}
	if strings.HasPrefix(u.Path, "/") {
		t.Errorf("%s: link %q is not relative", page, link)
		return
	}
	target := path.Join(path.Dir(page), u.Path)
	if strings.HasPrefix(target, "../") || target == ".." {
		t.Errorf("%s: link %q leaves the site", page, link)
		return
	}
	if strings.HasSuffix(u.Path, "/") {
		target += "/index.html"
	}
	if m.File(target) == nil {
		t.Errorf("%s: link %q points at %s, which does not exist", page, link, target)
	}
}

func BenchmarkBuildSample(b *testing.B) {
	opts := Options{Content: os.DirFS("../../content"), ContentName: "content"}
	b.ReportAllocs()
	for b.Loop() {
		var m Memory
		if _, _, err := Site(opts, &m); err != nil {
			b.Fatal(err)
		}
	}
}
