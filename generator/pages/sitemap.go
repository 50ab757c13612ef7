package pages

import (
	"fmt"
	"html"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
)

// Sitemap lists every page of the site in every language, each with its
// alternates in the other languages, for search engines. It needs absolute
// URLs, so it returns nil unless the site's base URL is absolute.
func Sitemap(s *content.Site) []byte {
	if !absolute(s) {
		return nil
	}
	base := strings.TrimSuffix(s.BaseURL, "/") + "/"
	pages := []string{"index.html"}
	for _, sc := range s.Scenes {
		pages = append(pages, sc.ID+"/index.html")
		for n := range sc.Steps {
			pages = append(pages, fmt.Sprintf("%s/%d/index.html", sc.ID, n+1))
		}
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, p := range pages {
		for _, l := range s.Languages {
			fmt.Fprintf(&b, "<url><loc>%s</loc>", html.EscapeString(PublishedURL(base, l.Tag+"/"+p)))
			if len(s.Languages) > 1 {
				for _, alt := range s.Languages {
					fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="%s" href="%s"/>`, alt.Tag, html.EscapeString(PublishedURL(base, alt.Tag+"/"+p)))
				}
				fmt.Fprintf(&b, `<xhtml:link rel="alternate" hreflang="x-default" href="%s"/>`, html.EscapeString(PublishedURL(base, s.Languages[0].Tag+"/"+p)))
			}
			b.WriteString("</url>\n")
		}
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

// Robots is robots.txt: everything may be crawled, and where the sitemap is
// when there is one.
func Robots(s *content.Site) []byte {
	out := "User-agent: *\nAllow: /\n"
	if absolute(s) {
		out += "\nSitemap: " + strings.TrimSuffix(s.BaseURL, "/") + "/sitemap.xml\n"
	}
	return []byte(out)
}

// absolute reports whether the site's base URL is absolute, which a sitemap
// needs.
func absolute(s *content.Site) bool {
	return strings.HasPrefix(s.BaseURL, "https://") || strings.HasPrefix(s.BaseURL, "http://")
}
