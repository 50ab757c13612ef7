package theme

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/diag"
)

// source is a template file as messages name it, with its text.
type source struct {
	path, text string
}

// templateError matches the errors of text/template and html/template,
// which start with the template's name, line and, when they know it, the
// byte of the line: "template: step.html:27:94: executing ...",
// "html/template:step.html:3:10: ...", "template: step.html:4: unclosed
// action".
var templateError = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// Locate places an error of parsing or executing one of the theme's
// templates at its file, line and column, as the site's theme folder names
// it, with the message the template package gave. ok is false for any
// other error.
func (t *Theme) Locate(err error) (pos diag.Pos, msg string, ok bool) {
	return locate(t.sources, err)
}

func locate(sources map[string]source, err error) (diag.Pos, string, bool) {
	m := templateError.FindStringSubmatch(err.Error())
	if m == nil {
		return diag.Pos{}, "", false
	}
	src, ok := sources[m[1]]
	if !ok {
		return diag.Pos{}, "", false
	}
	pos := diag.Pos{Path: src.path}
	pos.Line, _ = strconv.Atoi(m[2])
	pos.Col = 1 // the line, when the error gives no column
	if m[3] != "" {
		b, _ := strconv.Atoi(m[3])
		pos.Col = 1 + b // the template package counts bytes from 0
		if lines := strings.Split(src.text, "\n"); pos.Line <= len(lines) && b <= len(lines[pos.Line-1]) {
			pos.Col = 1 + utf8.RuneCountInString(lines[pos.Line-1][:b])
		}
	}
	return pos, "template error: " + m[4], true
}
