package content

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// BaseURLProblem says what is wrong with a base URL, the address a site is
// published at, or returns "" when there is nothing wrong. The message
// starts with the URL, quoted, so that callers put the flag or field name
// before it. The same check serves --base-url and site.yaml's baseURL.
//
// A base URL is an absolute http or https URL with a host, or a path that
// starts with "/". It goes verbatim into robots.txt and sitemap.xml, whose
// formats have no escaping, so anything that could end a line or a URL there
// is refused rather than encoded: control and space characters, a query, a
// fragment, a password.
func BaseURLProblem(u string) string {
	q := quoteURL(u)
	for _, r := range u {
		switch {
		case r == ' ':
			return fmt.Sprintf("%s contains a space; write it as %%20", q)
		case unicode.IsControl(r) || unicode.IsSpace(r) || r == unicode.ReplacementChar:
			return fmt.Sprintf("%s contains %U, which a URL cannot hold", q, r)
		}
		if unicode.Is(unicode.Cf, r) {
			return fmt.Sprintf("%s contains the invisible character %U", q, r)
		}
	}
	if strings.Contains(u, `\`) {
		return fmt.Sprintf("%s contains a backslash; URLs use forward slashes", q)
	}
	example := "such as https://user.github.io/lessons/ or /lessons/"
	if strings.HasPrefix(u, "//") {
		return fmt.Sprintf("%s has no scheme; write https:%s", q, u)
	}
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Sprintf("%s is not a URL %s", q, example)
	}
	switch {
	case p.Scheme == "" && strings.HasPrefix(u, "/"):
		// A path: the site's links are relative, and 404.html's go
		// from this path.
	case p.Scheme == "":
		if host, _, _ := strings.Cut(u, "/"); strings.Contains(host, ".") {
			return fmt.Sprintf("%s has no scheme; write https://%s", q, u)
		}
		return fmt.Sprintf("%s is neither an absolute http(s) URL nor a path starting with \"/\" (%s)", q, example)
	case p.Scheme != "http" && p.Scheme != "https":
		return fmt.Sprintf("%s is not an http or https URL (%s)", q, example)
	case p.Opaque != "" || p.Host == "":
		return fmt.Sprintf("%s has no host (%s)", q, example)
	case p.User != nil:
		return fmt.Sprintf("%s holds a user name or password, which would be published on every page", q)
	}
	if p.RawQuery != "" || p.ForceQuery || strings.Contains(u, "#") {
		return fmt.Sprintf("%s has a query or fragment; a base URL ends with its path", q)
	}
	return ""
}

// quoteURL quotes a URL for a message, cut short when it is long, so that a
// hostile value cannot flood the terminal.
func quoteURL(u string) string {
	const most = 100
	if len(u) > most {
		cut := most
		for cut > 0 && !utf8RuneStart(u[cut]) {
			cut--
		}
		return fmt.Sprintf("%q…", u[:cut])
	}
	return fmt.Sprintf("%q", u)
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }
