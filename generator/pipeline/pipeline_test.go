package pipeline

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
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/lessongen/lessongen/generator/golden"
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
// golden copy. Run "go test ./generator/pipeline -update" to rewrite them, and
// review the diff before committing it.
func TestGolden(t *testing.T) {
	m := buildDir(t, "testdata/fixture")
	dir := "testdata/golden"
	seen := map[string]bool{}
	for _, p := range m.Paths() {
		if strings.HasPrefix(p, "assets/") || (!strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".svg")) {
			continue // theme assets are not built from content
		}
		seen[p] = true
		file := filepath.Join(dir, filepath.FromSlash(p))
		got := m.File(p)
		for _, name := range golden.AssetNames(got) {
			if m.File(name) == nil {
				t.Errorf("%s links %s, which the build did not write", p, name)
			}
		}
		// Asset hashes change with every stylesheet edit: the golden
		// files name them HASH, so that their diffs show the page.
		got = golden.Assets(got)
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(file)
		if err != nil {
			t.Errorf("%s: no golden file (run go test -update): %v", p, err)
			continue
		}
		if d := golden.Diff(file, want, got); d != "" {
			t.Errorf("%s differs from its golden copy (run go test -update and review the diff):\n%s", p, d)
		}
	}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel := filepath.ToSlash(strings.TrimPrefix(p, dir+string(filepath.Separator)))
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
		`class="s n past" id="lgd-s1"`, `class="s m rp rv past"`, `class="s m sc past"`, `class="s m lo past"`,
		`class="s m rv now" id="lgd-s8"`, `class="ph"`, `href="#lgd-lock"`, `<symbol id="lgd-dns"`,
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
	heavy(t)
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
		if n.Type == html.ElementNode && n.Data != "base" { // <base> sets where links resolve from; it is not one
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
	target := path.Join(path.Dir(page), u.Path)
	if strings.HasPrefix(u.Path, "/") {
		// Hosts serve 404.html at any path, so its links start from the
		// base URL's path, which is "/" in the sites tested here.
		if page != "404.html" {
			t.Errorf("%s: link %q is not relative", page, link)
			return
		}
		target = path.Clean(u.Path[1:])
	}
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

// TestHreflang checks that every page of a site with an absolute base URL
// names itself in every language of the site, plus x-default, and that each
// of those pages exists. Search engines only take absolute hreflang URLs
// (Lighthouse fails relative ones), so a site without one has none.
func TestHreflang(t *testing.T) {
	relative := buildDir(t, "testdata/fixture")
	for _, p := range relative.Paths() {
		if strings.HasSuffix(p, ".html") && bytes.Contains(relative.File(p), []byte(`rel="alternate" hreflang=`)) {
			t.Fatalf("%s: hreflang links with a relative base URL", p)
		}
	}
	const base = "https://user.github.io/repo/"
	var m Memory
	if _, diags, err := Site(Options{Content: os.DirFS("testdata/fixture"), ContentName: "fixture", BaseURL: base}, &m); err != nil {
		t.Fatal(err, diags)
	}
	want := []string{"ar", "en", "ja", "x-default"}
	for _, p := range m.Paths() {
		if !strings.HasSuffix(p, ".html") || p == "404.html" { // a missing page has no alternates
			continue
		}
		doc, err := html.Parse(bytes.NewReader(m.File(p)))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "link" && attr(n, "rel") == "alternate" {
				got = append(got, attr(n, "hreflang"))
				href, ok := strings.CutPrefix(attr(n, "href"), base)
				if !ok {
					t.Errorf("%s: hreflang link %s is not under %s", p, attr(n, "href"), base)
				}
				// Directory form, as hosts serve pages: en/x/3/ is en/x/3/index.html.
				if !strings.HasSuffix(href, "/") {
					t.Errorf("%s: hreflang link %s is not in directory form", p, attr(n, "href"))
				}
				if m.File(href+"index.html") == nil {
					t.Errorf("%s: hreflang link %s: no such page", p, href)
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		sort.Strings(got)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: hreflang %v, want %v", p, got, want)
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// TestTranslatedPages checks what readers of each language see: their own
// language where translated, the source language marked and announced where
// not, a mirrored page for Arabic, and plurals by the language's rules.
func TestTranslatedPages(t *testing.T) {
	m := buildDir(t, "testdata/fixture")
	for _, tc := range []struct {
		page string
		want []string
		not  []string
	}{
		{"ar/constructs/1/index.html", []string{`<html lang="ar" dir="rtl">`, `<span class="what">يبدأ</span>`, `الخطوة ١ من ٨`},
			[]string{`class="notice"`}},
		// data on a right-to-left page runs left to right ("1-RTT: GET /" must not become "/ RTT: GET-1")
		{"ar/lan/1/index.html", []string{`<span class="what" dir="ltr">DHCPDISCOVER</span>`}, nil},
		{"ar/lan/index.html", []string{`<a href="1/index.html" dir="ltr">DHCPDISCOVER</a>`}, nil},
		{"en/lan/1/index.html", nil, []string{`<span class="what" dir="ltr">`}},
		// a field's name is translated once per scene; one left untranslated says its language
		{"ar/constructs/2/index.html", []string{`<dt>رقم الإقرار</dt><dd>x&#43;1</dd>`, `<dt lang="en" dir="ltr">seq</dt>`}, nil},
		{"ar/constructs/index.html", []string{`<dt>رقم الإقرار</dt>`}, nil},
		{"ar/constructs/4/index.html", []string{`class="notice"`, `<span class="what" lang="en" dir="ltr">Thinks to itself</span>`}, nil},
		{"ja/constructs/1/index.html", []string{`<html lang="ja" dir="ltr">`, `class="notice"`, `<div class="text" lang="en" dir="ltr">`, `<span class="what">開始</span>`}, nil},
		{"ja/other/1/index.html", []string{`<span class="what">唯一のステップ</span>`}, []string{`class="notice"`}},
		{"ar/index.html", []string{`خطوة واحدة`, `٨ خطوات`, `<h1>موقع الاختبار</h1>`}, nil},
		{"ja/index.html", []string{`<h1 lang="en" dir="ltr">Fixture site</h1>`, `<span class="card-title">一つのステップ</span>`}, nil},
		{"en/index.html", []string{`1 step`, `8 steps`}, nil},
		{"index.html", []string{`data-choose-language`, `hreflang="ja" lang="ja" dir="ltr">日本語</a>`, `hreflang="ar" lang="ar" dir="rtl">العربية</a>`}, nil},
	} {
		page := string(m.File(tc.page))
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %s", tc.page, w)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(page, w) {
				t.Errorf("%s has %s", tc.page, w)
			}
		}
	}
}

// TestBaseURL builds for a GitHub Pages project site: absolute URLs all
// start with the base URL, relative links never leave the site, and the
// sitemap lists every page in every language.
func TestBaseURL(t *testing.T) {
	const base = "https://user.github.io/repo/"
	var m Memory
	if _, diags, err := Site(Options{Content: os.DirFS("testdata/fixture"), ContentName: "fixture", BaseURL: base}, &m); err != nil {
		t.Fatal(err, diags)
	}
	pages := 0
	for _, p := range m.Paths() {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		if p != "404.html" && p != "index.html" {
			pages++
		}
		page := string(m.File(p))
		for _, link := range links(t, p, m.File(p)) {
			if strings.Contains(link, "://") && !strings.HasPrefix(link, base) && !strings.HasPrefix(link, "https://www.rfc-editor.org/") && !strings.HasPrefix(link, "https://example.com/") {
				t.Errorf("%s: absolute link %s is outside %s", p, link, base)
			}
			if p != "404.html" {
				checkLink(t, &m, p, link)
			}
		}
		if p != "404.html" && !strings.Contains(page, `<link rel="canonical" href="`+base+strings.TrimSuffix(p, "index.html")+`">`) {
			t.Errorf("%s has no canonical URL %s", p, base+strings.TrimSuffix(p, "index.html"))
		}
	}
	sitemap := string(m.File("sitemap.xml"))
	if got := strings.Count(sitemap, "<url>"); got != pages {
		t.Errorf("the sitemap lists %d pages, the site has %d", got, pages)
	}
	if !strings.Contains(sitemap, `<loc>`+base+`ja/constructs/3/</loc><xhtml:link rel="alternate" hreflang="en" href="`+base+`en/constructs/3/"/>`) {
		t.Error("the sitemap lacks a step page with its alternates")
	}
	checkXML(t, "sitemap.xml", m.File("sitemap.xml"))
	if robots := string(m.File("robots.txt")); !strings.Contains(robots, "Sitemap: "+base+"sitemap.xml") {
		t.Errorf("robots.txt:\n%s", robots)
	}
	notFound := string(m.File("404.html"))
	// Hosts serve 404.html at any path, so its links start from the base
	// URL's path; a <base> would send the skip link to the home page.
	if strings.Contains(notFound, "<base") {
		t.Error("404.html has a <base> element")
	}
	for _, want := range []string{`<link rel="stylesheet" href="/repo/assets/style.`, `<a href="/repo/ja/index.html" hreflang="ja"`, `<a class="brand" href="/repo/en/index.html"`, `<a class="skip" href="#main">`} {
		if !strings.Contains(notFound, want) {
			t.Errorf("404.html lacks %s", want)
		}
	}
}

// heavy skips a test under -short, as make race runs: the test builds the
// whole sample site to check what it writes, which make test checks, and
// runs no code concurrently that the lighter tests leave out.
func heavy(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the whole sample site; make test runs it")
	}
}

// TestParallelStopsAtTheFirstError: a failing scene's error is the build's,
// and with one worker no scene after it is built.
func TestParallelStopsAtTheFirstError(t *testing.T) {
	boom := errors.New("scene 3 failed")
	var ran []int
	err := parallel(1, 10, func(i int) error {
		ran = append(ran, i)
		if i == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || len(ran) != 4 {
		t.Errorf("parallel returned %v after running %v, want %v after 0..3", err, ran, boom)
	}
}
