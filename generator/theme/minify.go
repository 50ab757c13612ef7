package theme

import (
	"fmt"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// minifyCSS and minifyJS shrink the stylesheet and the script, which
// readers download on every first visit, with esbuild: whitespace,
// comments and long forms go, the rules stay in order and as written for
// the browsers the theme targets (no lowering, so attr() types, view
// transitions and nesting pass through). esbuild is imported here only.
func minifyCSS(src string) (string, error) { return minify(src, api.LoaderCSS) }

func minifyJS(src string) (string, error) { return minify(src, api.LoaderJS) }

func minify(src string, loader api.Loader) (string, error) {
	r := api.Transform(src, api.TransformOptions{
		Loader:            loader,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: loader == api.LoaderJS,
		LegalComments:     api.LegalCommentsNone,
		Target:            api.ESNext,
	})
	if len(r.Errors) > 0 {
		var msgs []string
		for _, e := range r.Errors {
			line := 0
			if e.Location != nil {
				line = e.Location.Line
			}
			msgs = append(msgs, fmt.Sprintf("%d: %s", line, e.Text))
		}
		return "", fmt.Errorf("%s", strings.Join(msgs, "; "))
	}
	return strings.TrimSuffix(string(r.Code), "\n"), nil
}
