package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/markdown"
	"github.com/lessongen/lessongen/generator/output"
	"github.com/lessongen/lessongen/generator/pages"
	"github.com/lessongen/lessongen/generator/svg"
	"github.com/lessongen/lessongen/generator/synth"
	"github.com/lessongen/lessongen/generator/theme"
	"github.com/lessongen/lessongen/themes"
)

// Benchmarks of each stage of the pipeline on a synthetic site of 10 scenes
// of 20 steps in 4 languages (800 step pages); run with make bench. Each
// reports its time per step page in a custom metric, so the stages add up.

func synthetic(b *testing.B) (string, *content.Site) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "content")
	if err := synth.New(10, 20, 4).WriteLessongen(dir); err != nil {
		b.Fatal(err)
	}
	s, diags := content.Load(os.DirFS(dir), "content")
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	return dir, s
}

func steps(s *content.Site) int {
	n := 0
	for _, sc := range s.Scenes {
		n += len(sc.Steps)
	}
	return n * len(s.Languages)
}

func perPage(b *testing.B, pages int) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(pages)/1000, "µs/page")
}

func BenchmarkStageLoad(b *testing.B) {
	dir, s := synthetic(b)
	b.ReportAllocs()
	for b.Loop() {
		content.Load(os.DirFS(dir), "content")
	}
	perPage(b, steps(s))
}

func BenchmarkStageLayout(b *testing.B) {
	_, s := synthetic(b)
	views := localized(s)
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range views {
			for _, sc := range v.Scenes {
				layout.Scene(sc, false)
			}
		}
	}
	perPage(b, steps(s))
}

func localized(s *content.Site) []*content.Site {
	var out []*content.Site
	for _, l := range s.Languages {
		out = append(out, s.In(l))
	}
	return out
}

func BenchmarkStageSVG(b *testing.B) {
	_, s := synthetic(b)
	var diagrams []*layout.Diagram
	for _, v := range localized(s) {
		for _, sc := range v.Scenes {
			diagrams = append(diagrams, layout.Scene(sc, false))
		}
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range diagrams {
			for i := range d.Steps {
				buf.Reset()
				svg.Write(&buf, d, svg.View{Step: i, Lang: "en", Title: "Step", Desc: "A step"})
			}
		}
	}
	perPage(b, steps(s))
}

func BenchmarkStageMarkdown(b *testing.B) {
	_, s := synthetic(b)
	md := markdown.New()
	views := localized(s)
	b.ReportAllocs()
	for b.Loop() {
		for _, v := range views {
			for _, sc := range v.Scenes {
				for _, st := range sc.Steps {
					md.Render(st.Text)
				}
			}
		}
	}
	perPage(b, steps(s))
}

// BenchmarkStagePages renders every page and standalone SVG of every scene
// (layout done beforehand): SVG, Markdown and templates together.
func BenchmarkStagePages(b *testing.B) {
	_, s := synthetic(b)
	th, diags := theme.Load(themes.Default, nil, "")
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	type job struct {
		g  *pages.Generator
		sc *content.Scene
		d  *layout.Diagram
	}
	var jobs []job
	for _, l := range s.Languages {
		v := s.In(l)
		g := pages.New(v, th, l, s.Languages)
		for _, sc := range v.Scenes {
			jobs = append(jobs, job{g, sc, layout.Scene(sc, false)})
		}
	}
	discard := func(pages.File) error { return nil }
	b.ReportAllocs()
	for b.Loop() {
		for _, j := range jobs {
			if err := j.g.Scene(j.sc, j.d, nil, discard); err != nil {
				b.Fatal(err)
			}
		}
	}
	perPage(b, steps(s))
}

// BenchmarkStageWrite writes as many files, of the sizes a build writes, as
// the synthetic site has step pages and diagrams, into a fresh output folder.
func BenchmarkStageWrite(b *testing.B) {
	_, s := synthetic(b)
	pages := steps(s)
	page, diagram := bytes.Repeat([]byte("x"), 14000), bytes.Repeat([]byte("y"), 9000)
	parent := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		d, err := output.Begin(filepath.Join(parent, "public"))
		if err != nil {
			b.Fatal(err)
		}
		for i := range pages {
			d.WriteFile(fmt.Sprintf("en/s%d/%d/index.html", i/20, i%20), page)
			d.WriteFile(fmt.Sprintf("en/s%d/%d.svg", i/20, i%20), diagram)
		}
		if err := d.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b, pages)
}

// BenchmarkSite is the whole pipeline into memory-less output.
func BenchmarkSite(b *testing.B) {
	dir, s := synthetic(b)
	opts := Options{Content: os.DirFS(dir), ContentName: "content"}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Site(opts, discardWriter{}); err != nil {
			b.Fatal(err)
		}
	}
	perPage(b, steps(s))
}

type discardWriter struct{}

func (discardWriter) WriteFile(string, []byte) error { return nil }
