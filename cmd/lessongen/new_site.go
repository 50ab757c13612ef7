package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"text/template"
	"time"

	"github.com/spf13/cobra"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/locale"
	"github.com/lessongen/lessongen/generator/output"
	"github.com/lessongen/lessongen/schema"
)

// siteKit holds the files "lessongen new site" writes, as templates with
// [[ ]] delimiters (the workflow's ${{ }} expressions stay as they are).
//
//go:embed newsite
var siteKit embed.FS

// siteFiles maps each template of siteKit to the path it is written at.
var siteFiles = []struct{ kit, path string }{
	{"README.md", "README.md"},
	{"gitignore", ".gitignore"},
	{"pages.yml", ".github/workflows/pages.yml"},
	{"site.yaml", "content/site.yaml"},
	{"scene.yaml", "content/scenes/tcp-handshake.yaml"},
}

// modulePath is lessongen's module, and toolPath the command a site pins.
const (
	modulePath = "github.com/lessongen/lessongen"
	toolPath   = modulePath + "/cmd/lessongen"
)

// runningVersion is this binary's version; tests pretend to be a release.
var runningVersion = readVersion

// goVersion is the go line of lessongen's own go.mod, which a site's go.mod
// must not go below (TestGoVersionMatchesGoMod keeps them equal).
const goVersion = "1.26.8"

func newSiteCommand() *cobra.Command {
	var title, language string
	cmd := &cobra.Command{
		Use:   "site DIR",
		Short: "Start a lesson site that builds, previews and publishes as it is",
		Long: `New site writes a lesson site in DIR: content/site.yaml and a commented sample
scene, a go.mod that pins this version of lessongen, the GitHub Pages
workflow, a .gitignore, the editor schemas and a README.md that says how to
preview, add a lesson, add a language and publish. DIR may exist, empty or
not, but nothing in it is ever overwritten: when one of these files is
already there, nothing is written.`,
		Example: `  lessongen new site lessons --title "Networking for my class"
  lessongen new site cours --title "Les réseaux pas à pas" --language fr`,
		Args: positional("DIR"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !locale.Valid(language) || locale.Canonical(language) != language {
				return usagef("--language %q is not a BCP 47 language tag spelt canonically (such as en, fr, zh-Hans or pt-BR)", language)
			}
			dir := args[0]
			if title == "" {
				title = titleFromDir(dir)
			}
			if strings.ContainsFunc(title, func(r rune) bool { return r < ' ' || r == 0x7f }) {
				return usagef("--title %q holds a control character", title)
			}
			pin := pinFor(runningVersion())
			files, err := siteKitFiles(dir, kitData{Title: content.InlineScalar(title), Language: language, RawTitle: title})
			if err != nil {
				return err
			}
			files = append(files, output.File{Path: filepath.Join(dir, "go.mod"), Data: []byte(goMod(moduleName(dir), pin))})
			for _, name := range schema.Names {
				files = append(files, output.File{Path: filepath.Join(dir, "schema", name+".schema.json"), Data: schema.Get(name)})
			}
			if err := output.CreateNew(files); err != nil {
				var exists *output.ExistsError
				if errors.As(err, &exists) {
					fmt.Fprintf(cmd.ErrOrStderr(), "lessongen new site: %s already exists; nothing was written (choose another folder, or move that file away)\n", filepath.ToSlash(exists.Path))
					return errReported
				}
				return err
			}
			printNextSteps(cmd.OutOrStdout(), dir, pin)
			return nil
		},
	}
	cmd.Flags().StringVar(&title, "title", "", "the site's `title` (default: from DIR)")
	cmd.Flags().StringVar(&language, "language", "en", "the `language` the scenes are written in (BCP 47)")
	return cmd
}

// kitData is what the templates of siteKit are given.
type kitData struct {
	Title    string // quoted for YAML where needed
	RawTitle string // as typed, for Markdown
	Language string
}

func siteKitFiles(dir string, data kitData) ([]output.File, error) {
	var files []output.File
	for _, f := range siteFiles {
		src, err := fs.ReadFile(siteKit, path.Join("newsite", f.kit))
		if err != nil {
			return nil, err
		}
		t, err := template.New(f.kit).Delims("[[", "]]").Parse(string(src))
		if err != nil {
			return nil, err
		}
		d := data
		if f.kit == "README.md" {
			d.Title = data.RawTitle
		}
		var b strings.Builder
		if err := t.Execute(&b, d); err != nil {
			return nil, err
		}
		files = append(files, output.File{Path: filepath.Join(dir, filepath.FromSlash(f.path)), Data: []byte(b.String())})
	}
	return files, nil
}

// titleFromDir makes a title from the folder's name: "my-lessons" → "My lessons".
func titleFromDir(dir string) string {
	base := filepath.Base(filepath.Clean(dir))
	if base == "." || base == "/" || base == "" {
		return "Lessons"
	}
	base = strings.NewReplacer("-", " ", "_", " ").Replace(base)
	return strings.ToUpper(base[:1]) + base[1:]
}

// moduleName is the site's module path: any name will do for a module that
// nobody imports, and the folder's name says which site it is.
func moduleName(dir string) string {
	base := strings.ToLower(filepath.Base(filepath.Clean(dir)))
	name := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '.' || r == '_' {
			return r
		}
		return '-'
	}, base)
	if strings.Trim(name, "-.") == "" {
		return "lessons"
	}
	return strings.Trim(name, "-.")
}

// pin is the version of lessongen a new site's go.mod requires, and what to
// tell the user about it.
type pin struct {
	Version string // "" when there is nothing to pin
	Note    string
}

// pinFor chooses the version to pin: a release as it is; for a development
// build, the commit it was built from as a pseudo-version, which the Go
// module proxy resolves once the commit is pushed.
func pinFor(v buildVersion) pin {
	release := "once lessongen has a release, pin it with \"go get -tool " + toolPath + "@latest\""
	switch {
	case v.Module != "(devel)" && !strings.Contains(v.Module, "-") && !strings.Contains(v.Module, "+"):
		return pin{v.Module, "go.mod pins lessongen " + v.Module + ", the version you are running."}
	case v.Module != "(devel)":
		version, dirty := strings.CutSuffix(v.Module, "+dirty")
		note := "this lessongen is a development build, so go.mod pins the commit it was built from, " + version
		if dirty {
			note += " (the build had uncommitted changes, which that version does not hold)"
		}
		return pin{version, note + "; " + release + "."}
	case v.Revision != "" && v.Time != "":
		t, err := time.Parse(time.RFC3339, v.Time)
		if err == nil && len(v.Revision) >= 12 {
			version := "v0.0.0-" + t.UTC().Format("20060102150405") + "-" + v.Revision[:12]
			return pin{version, "this lessongen is a development build, so go.mod pins the commit it was built from, " + version + "; " + release + "."}
		}
	}
	return pin{"", "this lessongen was built without version information (by go run, or with -buildvcs=false), so go.mod pins no version yet: run \"go get -tool " + toolPath + "@latest\" in the site's folder before publishing."}
}

// goMod is the site's go.mod: the lessongen it runs, as a tool.
func goMod(module string, p pin) string {
	var b strings.Builder
	fmt.Fprintf(&b, "module %s\n\ngo %s\n", module, goVersion)
	if p.Version != "" {
		fmt.Fprintf(&b, "\nrequire %s %s\n\ntool %s\n", modulePath, p.Version, toolPath)
	}
	return b.String()
}

func printNextSteps(w io.Writer, dir string, p pin) {
	shown := filepath.ToSlash(dir)
	fmt.Fprintf(w, "Wrote a lesson site in %s:\n", shown)
	for _, line := range []string{
		"content/site.yaml                  the title, language and topics",
		"content/scenes/tcp-handshake.yaml  a sample lesson: read its comments, then make it yours",
		"README.md                          how to preview, add a lesson, translate and publish",
		"go.mod                             the version of lessongen the site is built with",
		".github/workflows/pages.yml        publishes the site on GitHub Pages on every push",
		".gitignore, schema/                what git leaves out; the schemas for your editor",
	} {
		fmt.Fprintf(w, "  %s\n", line)
	}
	fmt.Fprintf(w, "\n%s%s\n\nNext:\n", strings.ToUpper(p.Note[:1]), p.Note[1:])
	fmt.Fprintf(w, "  cd %s\n", shellQuote(shown))
	fmt.Fprintf(w, "  lessongen serve    # preview at http://127.0.0.1:1313/, rebuilt on every save\n")
	if p.Version != "" {
		fmt.Fprintf(w, "  go mod tidy        # before publishing: records lessongen's checksums in go.sum\n")
	} else {
		fmt.Fprintf(w, "  go get -tool %s@latest    # before publishing\n", toolPath)
	}
}

// shellQuote quotes a path for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./~") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
