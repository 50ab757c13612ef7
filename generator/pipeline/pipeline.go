// Package pipeline runs lessongen's pipeline: load → validate → layout →
// render SVG → render Markdown → pages → write.
package pipeline

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/layout"
	"github.com/lessongen/lessongen/generator/output"
	"github.com/lessongen/lessongen/generator/pages"
	"github.com/lessongen/lessongen/generator/svg"
	"github.com/lessongen/lessongen/generator/theme"
	"github.com/lessongen/lessongen/themes"
	"golang.org/x/sync/errgroup"
)

// Options configure a build. The zero value of each field has a meaning
// that Site documents.
type Options struct {
	// Content is the content folder; ContentName is how messages name it.
	Content     fs.FS
	ContentName string
	// Theme holds the site's own theme files, which replace the default
	// theme's path by path; nil for none. ThemeName is how messages name
	// it; theme.DefaultName when empty.
	Theme     fs.FS
	ThemeName string
	// BaseURL, when not empty, replaces site.yaml's baseURL.
	BaseURL string
	// Workers is how many scenes are rendered at once; 0 means one per CPU.
	Workers int
	// Progress, when set, is called after each file is written, with its
	// path and the counts so far. It may be called from several goroutines
	// at once.
	Progress func(path string, s Stats)
}

// theme is the site's theme over lessongen's own.
func (opts Options) theme() fs.FS {
	name := opts.ThemeName
	if name == "" {
		name = theme.DefaultName
	}
	return theme.Overlay(opts.Theme, name, themes.Default)
}

// Writer receives the output files.
type Writer interface {
	WriteFile(path string, data []byte) error
}

// Stats counts what a build wrote.
type Stats struct {
	Languages    int
	Pages, Files int
	Bytes        int64
	// Reused counts the files an incremental build carried over unchanged;
	// they are not in Pages, Files or Bytes.
	Reused int
}

// ErrContent is returned when the content has errors; they are in the
// diag.List returned beside it.
var ErrContent = errors.New("the content has errors")

// Site builds the site described by opts and hands every file to w. It
// returns the problems found in the content (warnings, or errors with
// ErrContent) and any other error.
func Site(opts Options, w Writer) (Stats, diag.List, error) {
	return run(opts, w, nil)
}

// run is Site, with what an incremental build reuses: parsed files, and the
// pages of scenes whose inputs did not change. inc is nil for a full build.
func run(opts Options, w Writer, inc *Incremental) (Stats, diag.List, error) {
	s, diags := content.LoadCached(opts.Content, opts.ContentName, inc.cache())
	if diags.HasErrors() {
		return Stats{}, diags, ErrContent
	}
	if opts.BaseURL != "" {
		s.BaseURL = opts.BaseURL
	}
	th, tdiags := theme.Load(opts.theme(), nil, svg.PageCSS("fonts/"))
	diags = append(diags, tdiags...)
	// The keys of a site's ui.yaml are those of the theme it overrides.
	for _, l := range s.Languages {
		diags = append(diags, l.CheckUI(th.UI["en"])...)
	}
	if diags.HasErrors() {
		diags.Sort()
		return Stats{}, diags, ErrContent
	}
	cw := &countingWriter{w: w, progress: opts.Progress, stats: Stats{Languages: len(s.Languages)}}
	sw := inc.siteWriter(cw) // for the files of no one scene
	for _, a := range th.Assets {
		if err := sw.WriteFile("assets/"+a.Path, a.Data); err != nil {
			return cw.stats, diags, err
		}
	}
	// Each language sees the site through its translations; scenes are laid
	// out per language, since label widths and direction differ.
	shared := sharedKey(s, th)
	memo := inc.memo(shared)
	gens := make([]*pages.Generator, len(s.Languages))
	err := parallel(opts.Workers, len(gens), func(i int) error {
		l := s.Languages[i]
		gens[i] = pages.New(s.In(l), th, l, s.Languages)
		gens[i].Memo = memo
		gens[i].Budget = budget(s, l)
		f, err := gens[i].Index(false)
		if err == nil {
			err = sw.WriteFile(f.Path, f.Data)
		}
		return err
	})
	if err != nil {
		return cw.stats, diags, asContent(err, &diags)
	}
	var root pages.File
	if len(gens) > 1 {
		root, err = gens[0].Languages()
	} else {
		root, err = gens[0].Index(true)
	}
	if err == nil {
		err = sw.WriteFile(root.Path, root.Data)
	}
	if err == nil {
		var nf pages.File
		if nf, err = gens[0].NotFound(); err == nil {
			err = sw.WriteFile(nf.Path, nf.Data)
		}
	}
	if err == nil {
		err = sw.WriteFile("robots.txt", pages.Robots(s))
	}
	if sm := pages.Sitemap(s); err == nil && sm != nil {
		err = sw.WriteFile("sitemap.xml", sm)
	}
	if err != nil {
		return cw.stats, diags, asContent(err, &diags)
	}
	scenes := len(s.Scenes)
	// Problems that only rendering finds are collected, scene by scene, so
	// that every one is reported whatever order the scenes ran in.
	var (
		mu    sync.Mutex
		found diag.List
	)
	err = parallel(opts.Workers, len(gens)*scenes, func(i int) error {
		g := gens[i/scenes]
		sc := g.Site.Scenes[i%scenes]
		if inc.reuse(g.Lang.Tag, sc.ID, sceneKey(s, shared, g.Lang, sc), cw) {
			return nil
		}
		rtl := g.Dir() == "rtl"
		// The diagram fits a desktop's column, and a phone gets its own.
		d := layout.Fit(sc, rtl, layout.DesktopWidth)
		var narrow *layout.Diagram
		if d.Width > layout.PhoneWidth {
			narrow = layout.Narrow(sc, rtl, layout.PhoneWidth)
		}
		var written []string
		err := g.Scene(sc, d, narrow, func(f pages.File) error {
			written = append(written, f.Path)
			return cw.WriteFile(f.Path, f.Data)
		})
		inc.wrote(g.Lang.Tag, sc.ID, written)
		var ce *pages.ContentError
		if errors.As(err, &ce) {
			mu.Lock()
			found.Errorf(ce.Pos, "%s", ce.Message)
			mu.Unlock()
			return nil
		}
		return err
	})
	if err == nil && found.HasErrors() {
		diags = append(diags, found...)
		diags.Sort()
		err = ErrContent
	}
	return cw.stats, diags, err
}

// asContent reports a problem of the content that rendering found as a
// diagnostic, and returns ErrContent for it; any other error is returned as
// it is.
func asContent(err error, diags *diag.List) error {
	var ce *pages.ContentError
	if !errors.As(err, &ce) {
		return err
	}
	diags.Errorf(ce.Pos, "%s", ce.Message)
	diags.Sort()
	return ErrContent
}

// budget is the most bytes the pages of scene sc may take in language l:
// MaxBytesPerByte for each byte of the scene file and its translation, and
// no more than MaxPageBytes.
func budget(s *content.Site, l *content.Language) func(*content.Scene) int64 {
	return func(sc *content.Scene) int64 {
		in := s.Sizes[sc.Path]
		if t := l.Scenes[sc.ID]; t != nil {
			in += s.Sizes[t.Path]
		}
		return min(content.MaxPageBytes, content.MaxBytesPerByte*in)
	}
}

// Check does everything Site does but write: it loads and validates the
// content and the theme, lays out, draws and renders every page of every
// language, and discards them. So check and build can never disagree: a
// template that fails on one page, a scene whose pages would be too large,
// are found by both.
func Check(opts Options) diag.List {
	_, diags, err := Site(opts, discard{})
	if err != nil && !errors.Is(err, ErrContent) {
		diags.Errorf(diag.Pos{Path: opts.ContentName}, "%v", err)
	}
	return diags
}

// discard is a Writer that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// Build builds the site into the folder out, replacing what a previous build
// wrote there only once the whole new site is written. Content with errors
// touches nothing there: the output is begun with the first file written.
func Build(opts Options, out string) (Stats, diag.List, error) {
	dir := &lazyDir{out: out}
	stats, diags, err := Site(opts, dir)
	if err == nil {
		err = dir.commit()
	}
	if err != nil {
		dir.abort()
		return stats, diags, err
	}
	for _, l := range dir.leftovers() {
		diags.Warnf(diag.Pos{Path: filepath.ToSlash(l.Path)}, "the site is written, but this folder of an earlier build could not be removed (%v); remove it yourself", cause(l.Err))
	}
	return stats, diags, nil
}

// lazyDir begins the output folder when the first file is written to it.
type lazyDir struct {
	out  string
	once sync.Once
	dir  *output.Dir
	err  error
}

func (l *lazyDir) begin() error {
	l.once.Do(func() { l.dir, l.err = output.Begin(l.out) })
	return l.err
}

func (l *lazyDir) WriteFile(path string, data []byte) error {
	if err := l.begin(); err != nil {
		return err
	}
	return l.dir.WriteFile(path, data)
}

func (l *lazyDir) commit() error {
	if err := l.begin(); err != nil {
		return err
	}
	return l.dir.Commit()
}

func (l *lazyDir) abort() {
	if l.dir != nil {
		l.dir.Abort()
	}
}

func (l *lazyDir) leftovers() []output.Leftover {
	if l.dir == nil {
		return nil
	}
	return l.dir.Leftovers()
}

// cause is an error without the path it names, which the message already
// gives: "permission denied".
func cause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// parallel runs job(0..n-1) on at most workers goroutines (GOMAXPROCS when
// workers is 0), in order, and returns the first error; after it no job
// starts.
func parallel(workers, n int, job func(int) error) error {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g, ctx := errgroup.WithContext(context.Background())
	g.SetLimit(workers)
	for i := range n {
		g.Go(func() error {
			if ctx.Err() != nil {
				return nil // an earlier job failed
			}
			return job(i)
		})
	}
	return g.Wait()
}

// countingWriter counts files, pages and bytes on their way to w.
type countingWriter struct {
	w        Writer
	progress func(string, Stats)
	mu       sync.Mutex
	stats    Stats
}

func (c *countingWriter) WriteFile(path string, data []byte) error {
	if err := c.w.WriteFile(path, data); err != nil {
		return err
	}
	c.mu.Lock()
	c.stats.Files++
	c.stats.Bytes += int64(len(data))
	if len(path) > 5 && path[len(path)-5:] == ".html" {
		c.stats.Pages++
	}
	stats := c.stats
	c.mu.Unlock()
	if c.progress != nil {
		c.progress(path, stats)
	}
	return nil
}
