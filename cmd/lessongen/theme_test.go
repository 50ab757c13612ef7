package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestThemeErrorsCheckAsBuild puts mistakes in a site's theme overrides:
// check must report exactly what build reports, each at the override's
// path:line:col under the site's theme folder, wherever the content folder
// is.
func TestThemeErrorsCheckAsBuild(t *testing.T) {
	for _, tc := range []struct {
		name, file, text, want string
	}{
		{"unknown field", "templates/step.html", "{{define \"main\"}}\n<p>{{.Nope}}</p>\n{{end}}{{template \"base\" .}}",
			`sub/themes/default/templates/step.html:2:6: template error: executing "main" at <.Nope>: can't evaluate field Nope in type *pages.Page`},
		{"ambiguous URL", "templates/step.html", "{{define \"main\"}}<a href=\"{{if .Prev}}/a/{{else}}/b?q={{end}}{{.Title}}\">x</a>{{end}}{{template \"base\" .}}",
			`sub/themes/default/templates/step.html:1:64: template error: {{.Title}} appears in an ambiguous context within a URL`},
		{"parse error", "templates/scene.html", "{{define \"main\"}}\n{{if .Steps}}\n{{end}}\n{{end",
			`sub/themes/default/templates/scene.html:4:1: template error: unclosed action`},
		{"unknown function", "templates/index.html", "{{define \"main\"}}{{nope .}}{{end}}",
			`sub/themes/default/templates/index.html:1:1: template error: function "nope" not defined`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			dir := filepath.Join(root, "sub", "content")
			os.MkdirAll(filepath.Join(dir, "scenes"), 0o755)
			os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(corpusSite), 0o644)
			os.WriteFile(filepath.Join(dir, "scenes/ok.yaml"), []byte(corpusScene), 0o644)
			p := filepath.Join(root, "sub", "themes", "default", tc.file)
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte(tc.text), 0o644)
			want := tc.want + "\n1 error\n"
			t.Chdir(root)
			for _, args := range [][]string{{"check", "--content", "sub/content"}, {"build", "--content", "sub/content", "--out", "out"}} {
				code, stdout, stderr := runCLI(args...)
				if code != 1 || stderr != want || stdout != "" {
					t.Errorf("lessongen %s: exit %d, stdout %q, stderr:\n%s\nwant exit 1 and:\n%s", strings.Join(args, " "), code, stdout, stderr, want)
				}
			}
			if _, err := os.Stat(filepath.Join(root, "out")); !os.IsNotExist(err) {
				t.Error("the failed build wrote its output")
			}
		})
	}
}
