package pipeline

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"
)

// Payloads put in every string field: script elements, script URLs, event
// handlers, breaking out of attributes, <style>, CDATA and SVG, and entity
// tricks. The short ones fit the limits on titles, labels, names and UI
// strings.
const (
	payload      = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'><svg onload=alert(3)>]]></style></title><foreignObject><iframe src="javascript:alert(4)"></iframe></foreignObject>&lt;script&gt;alert(5)&lt;/script&gt;&#x3C;script&#x3E;javascript:alert(6) data:text/html,<script>alert(7)</script>`
	shortPayload = `<script>alert(1)</script>"><img src=x onerror=alert(2)>]]></style>&#x3C;b&#x3E;`
	namePayload  = `<script>x</script>"onerror=alert(1)`
)

func q(s string) string { return strconv.Quote(s) }

// hostileSite has a payload in every string field of every kind of file.
func hostileSite() fstest.MapFS {
	md := payload + "\n\n[a link](javascript:alert(8)) [another](JaVaScRiPt:alert(9)) <javascript:alert(10)> ![img](data:text/html;base64,PHNjcmlwdD4=)\n\n<div onclick=alert(11)>raw block</div>\n"
	scene := "title: " + q(shortPayload) + "\nsummary: " + q(payload) + "\ntopic: web\nactors:\n" +
		"  - id: pc\n    name: " + q(namePayload) + "\n    kind: pc\n  - id: server\n    name: " + q(namePayload) + "\n" +
		"steps:\n  - id: one\n    from: pc\n    to: server\n    label: " + q(shortPayload) + "\n    phase: " + q(shortPayload) +
		"\n    secure: true\n    fields:\n      " + q(namePayload) + ": " + q(payload) + "\n    text: " + q(md) +
		"\n  - id: two\n    note: [pc, server]\n    label: " + q(shortPayload) + "\n    text: " + q(md) +
		"\nreferences:\n  - title: " + q(payload) + "\n    url: \"https://example.com/?a=\\\"><script>alert(12)</script>\"\n"
	site := "title: " + q(shortPayload) + "\ndescription: " + q(payload) + "\nlanguage: en\ntopics:\n  - id: web\n    title: " + q(shortPayload) + "\n"
	locale := "title: " + q(shortPayload) + "\nsummary: " + q(payload) + "\nactors:\n  pc: " + q(namePayload) +
		"\nsteps:\n  one:\n    label: " + q(shortPayload) + "\n    text: " + q(md) + "\n    fields:\n      " + q(namePayload) + ": " + q(payload) +
		"\nphases:\n  " + q(shortPayload) + ": " + q(shortPayload) + "\n"
	ui := "next: " + q(shortPayload) + "\nstep_of: " + q("{n} "+shortPayload+" {total}") + "\nsteps:\n  other: " + q("{count} "+shortPayload) +
		"\nlanguage: " + q(shortPayload) + "\nnot_translated: " + q(shortPayload) + "\n"
	fsys := fstest.MapFS{
		"site.yaml":           {Data: []byte(site)},
		"scenes/hostile.yaml": {Data: []byte(scene)},
	}
	for _, lang := range []string{"ar", "ja"} {
		fsys["locales/"+lang+"/hostile.yaml"] = &fstest.MapFile{Data: []byte(locale)}
		fsys["locales/"+lang+"/site.yaml"] = &fstest.MapFile{Data: []byte("name: " + q(namePayload) + "\ntitle: " + q(shortPayload) + "\ntopics:\n  web: " + q(shortPayload) + "\n")}
		fsys["locales/"+lang+"/ui.yaml"] = &fstest.MapFile{Data: []byte(ui)}
	}
	return fsys
}

var (
	themeScript = regexp.MustCompile(`^((\.\./)*|/([a-z0-9-]+/)*)assets/script\.[0-9a-f]{10}\.js$`)
	badURL      = regexp.MustCompile(`(?i)^\s*(javascript|vbscript|data):`)
)

// TestNoInjection builds the hostile site and parses every page as a
// browser does and every SVG as an XML viewer does: the only script is the
// theme's own file, no element can run or embed anything, no attribute is an
// event handler or a script or data URL, no <style> holds content text, and
// every page carries a Content-Security-Policy that would block anything
// that got through: only the site's own files, no inline script or style.
func TestNoInjection(t *testing.T) {
	var m Memory
	if _, diags, err := Site(Options{Content: hostileSite(), ContentName: "content"}, &m); err != nil {
		t.Fatal(err, diags)
	}
	pages := 0
	for _, p := range m.Paths() {
		data := m.File(p)
		switch path.Ext(p) {
		case ".html":
			pages++
			doc, err := html.Parse(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			checkHTML(t, p, doc)
			if !bytes.Contains(data, []byte(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'">`)) {
				t.Errorf("%s: no Content-Security-Policy allowing only the site's own files", p)
			}
		case ".svg":
			checkSVG(t, p, data)
		}
	}
	if pages < 10 {
		t.Fatalf("only %d pages built", pages)
	}
}

func checkElement(t *testing.T, file, name string, attrs map[string]string, text string) {
	t.Helper()
	switch strings.ToLower(name) {
	case "script":
		if !themeScript.MatchString(attrs["src"]) || strings.TrimSpace(text) != "" {
			t.Errorf("%s: a script that is not the theme's: src=%q %q", file, attrs["src"], text)
		}
	case "button":
		if attrs["class"] != "play" {
			t.Errorf("%s: a <button> that is not the player's", file)
		}
	case "iframe", "object", "embed", "foreignobject", "frame", "applet", "form", "input", "textarea", "meta-refresh":
		t.Errorf("%s: a <%s> element", file, name)
	case "style":
		if strings.Contains(text, "alert") || strings.Contains(text, "<") {
			t.Errorf("%s: a <style> with content in it: %.200s", file, text)
		}
	case "meta":
		if strings.EqualFold(attrs["http-equiv"], "refresh") {
			t.Errorf("%s: a meta refresh", file)
		}
	}
	for k, v := range attrs {
		key := strings.ToLower(k)
		if strings.HasPrefix(key, "on") {
			t.Errorf("%s: <%s %s=%q>: an event handler", file, name, k, v)
		}
		if (key == "href" || key == "src" || key == "xlink:href" || key == "action" || key == "formaction" || key == "srcset") && badURL.MatchString(v) {
			t.Errorf("%s: <%s %s=%q>: a script or data URL", file, name, k, v)
		}
	}
}

func checkHTML(t *testing.T, file string, n *html.Node) {
	if n.Type == html.ElementNode {
		attrs := map[string]string{}
		for _, a := range n.Attr {
			key := a.Key
			if a.Namespace != "" {
				key = a.Namespace + ":" + a.Key
			}
			attrs[key] = a.Val
		}
		var text strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				text.WriteString(c.Data)
			}
		}
		checkElement(t, file, n.Data, attrs, text.String())
		// The pages' Content-Security-Policy blocks inline style.
		if n.Data == "style" {
			t.Errorf("%s: a <style> element", file)
		}
		if v, ok := attrs["style"]; ok {
			t.Errorf("%s: <%s style=%q>", file, n.Data, v)
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		checkHTML(t, file, c)
	}
}

func checkSVG(t *testing.T, file string, data []byte) {
	d := xml.NewDecoder(bytes.NewReader(data))
	type open struct {
		name  string
		attrs map[string]string
		text  strings.Builder
	}
	var stack []*open
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Errorf("%s is not well-formed: %v", file, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &open{name: tok.Name.Local, attrs: map[string]string{}}
			for _, a := range tok.Attr {
				key := a.Name.Local
				if a.Name.Space == "http://www.w3.org/1999/xlink" {
					key = "xlink:" + key
				}
				e.attrs[key] = a.Value
			}
			stack = append(stack, e)
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(tok)
			}
		case xml.EndElement:
			e := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			checkElement(t, file, e.name, e.attrs, e.text.String())
		}
	}
}
