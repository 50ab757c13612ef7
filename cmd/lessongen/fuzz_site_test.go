package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/lessongen/lessongen/generator/content"
)

// FuzzSite builds whole small sites on disk, as an author's folder would
// hold them: site.yaml, a scene, a translation and a theme override, whose
// bytes and names are fuzzed, and any of which (or their folders) may be
// replaced by something that is not a regular file: a named pipe, a link
// inside or out of its folder, a link to /dev/zero or /etc, a folder where
// a file is expected or a file where a folder is. "@@" in a file stands for
// a string of huge×"x", so the fuzzer reaches the limits without carrying
// megabytes. It runs check and build in-process on the real file system and
// holds them to what the README promises; see checkSite.
func FuzzSite(f *testing.F) {
	// Without -fuzz the seeds are the test: the corpus cases are left to
	// TestMalformedCorpus, which runs them already, and serve only as
	// starting points for the fuzzer.
	fuzzing := flag.Lookup("test.fuzz").Value.String() != ""
	for _, s := range siteSeeds(fuzzing) {
		f.Add(s.site, s.scene, s.locale, s.theme, s.sceneName, s.localeName, s.layout, s.huge)
	}
	f.Fuzz(func(t *testing.T, site, scene, locale, theme []byte, sceneName, localeName string, layout uint64, huge uint32) {
		in := siteInput{site, scene, locale, theme, sceneName, localeName, layout, huge}
		dir, ok := in.write(t)
		if !ok {
			return // a name no file system holds
		}
		checkSite(t, dir, in)
	})
}

// A siteInput is one fuzz input: the four files, their names and layout.
type siteInput struct {
	site, scene, locale, theme []byte
	// sceneName is the scene's file name in scenes/ (an id and an
	// extension); localeName is "TAG/FILE" in locales/, or "" for none.
	sceneName, localeName string
	// layout holds a special kind (3 bits) for each slot, in slot order,
	// and the theme file's path (2 bits) at bit 24.
	layout uint64
	huge   uint32
}

// The slots that layout can make special: four files, then four folders.
const (
	slotSite = iota
	slotScene
	slotLocale
	slotTheme
	slotOK // the fixed scene scenes/ok.yaml beside the fuzzed one
	slotScenes
	slotLocaleDir
	slotThemeDir
	slots
)

// The kinds of entry a slot may hold instead of what it should.
const (
	kindRegular  = iota // what the input says
	kindFIFO            // a named pipe
	kindInside          // a link to the same thing elsewhere inside the folder
	kindOutside         // a link to the same thing outside the folder
	kindDevZero         // a link to /dev/zero
	kindSwapped         // a folder where a file belongs, a file where a folder does
	kindDangling        // a link to nothing
	kindSystem          // a link to /etc/passwd (files) or /etc (folders)
)

// themeFiles are the theme files the fuzzed override may replace.
var themeFiles = []string{"templates/step.html", "assets/diagram.css", "i18n/en.yaml", "assets/extra.txt"}

func (in siteInput) kind(slot int) int { return int(in.layout>>(3*slot)) & 7 }

// maxHuge keeps "@@" within a little over the 4 MB file limit.
const maxHuge = 5 << 20

// write makes the site in a new temporary folder and returns it; ok is
// false for names no file system can hold.
func (in siteInput) write(t *testing.T) (string, bool) {
	if !plainName(in.sceneName) {
		return "", false
	}
	tag, lfile, _ := strings.Cut(in.localeName, "/")
	if in.localeName != "" && (!plainName(tag) || !plainName(lfile)) {
		return "", false
	}
	expand := func(b []byte) []byte {
		return bytes.ReplaceAll(b, []byte("@@"), bytes.Repeat([]byte("x"), int(in.huge%maxHuge)))
	}
	site := t.TempDir()
	c := filepath.Join(site, "content")
	themeDir := filepath.Join(site, "themes", "default")
	files := []struct {
		slot int
		path string
		data []byte
	}{
		{slotSite, filepath.Join(c, "site.yaml"), expand(in.site)},
		{slotOK, filepath.Join(c, "scenes", "ok.yaml"), []byte(corpusScene)},
		{slotScene, filepath.Join(c, "scenes", in.sceneName), expand(in.scene)},
	}
	if in.localeName != "" {
		files = append(files, struct {
			slot int
			path string
			data []byte
		}{slotLocale, filepath.Join(c, "locales", tag, lfile), expand(in.locale)})
	}
	themed := len(in.theme) > 0 || in.kind(slotTheme) != kindRegular || in.kind(slotThemeDir) != kindRegular
	if themed {
		files = append(files, struct {
			slot int
			path string
			data []byte
		}{slotTheme, filepath.Join(themeDir, themeFiles[(in.layout>>24)%4]), expand(in.theme)})
	}
	for _, f := range files {
		if err := os.MkdirAll(filepath.Dir(f.path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f.path, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Files first, then the folders that hold them, which move them along.
	for _, f := range files {
		if f.slot == slotOK && in.sceneName == "ok.yaml" {
			continue // the fuzzed scene took its place
		}
		if !makeSpecial(t, site, f.path, in.kind(f.slot), false) {
			return "", false
		}
	}
	dirs := map[int]string{slotScenes: filepath.Join(c, "scenes")}
	if in.localeName != "" {
		dirs[slotLocaleDir] = filepath.Join(c, "locales", tag)
	}
	if themed {
		dirs[slotThemeDir] = themeDir
	}
	for _, slot := range []int{slotScenes, slotLocaleDir, slotThemeDir} {
		if p, ok := dirs[slot]; ok && !makeSpecial(t, site, p, in.kind(slot), true) {
			return "", false
		}
	}
	return site, true
}

// plainName is a single path element that the test can create: no
// separator, no NUL, not "." or "..", within the length a file system takes.
func plainName(s string) bool {
	return s != "" && s != "." && s != ".." && len(s) <= 200 && !strings.ContainsAny(s, "/\x00")
}

// makeSpecial replaces the entry p (a file, or a folder if dir) of the site
// folder by an entry of the given kind.
func makeSpecial(t *testing.T, site, p string, kind int, dir bool) bool {
	link := func(target string) bool {
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
		return true
	}
	// moveTo moves p to where and links p to it, relative as a copied
	// folder would have it.
	moveTo := func(where string) bool {
		os.MkdirAll(filepath.Dir(where), 0o755)
		if err := os.Rename(p, where); err != nil {
			t.Fatal(err)
		}
		rel, err := filepath.Rel(filepath.Dir(p), where)
		if err != nil {
			t.Fatal(err)
		}
		return link(rel)
	}
	// The confining folder is content/ or themes/default/: "inside" is a
	// hidden-away copy within it, "outside" one beside it.
	rel, _ := filepath.Rel(site, p)
	top := "content"
	if strings.HasPrefix(rel, "themes") {
		top = filepath.Join("themes", "default")
	}
	under, _ := filepath.Rel(filepath.Join(site, top), p)
	if kind != kindRegular && kind != kindInside && kind != kindOutside {
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
	}
	switch kind {
	case kindRegular:
		return true
	case kindFIFO:
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
		return true
	case kindInside:
		if under == "." {
			return moveTo(filepath.Join(filepath.Dir(p), ".real-"+filepath.Base(p)))
		}
		return moveTo(filepath.Join(site, top, "_inside", strings.ReplaceAll(under, string(filepath.Separator), "_")))
	case kindOutside:
		return moveTo(filepath.Join(site, "outside", strings.ReplaceAll(rel, string(filepath.Separator), "_")))
	case kindDevZero:
		return link("/dev/zero")
	case kindSwapped:
		if dir {
			if err := os.WriteFile(p, []byte(corpusScene), 0o644); err != nil {
				t.Fatal(err)
			}
			return true
		}
		if err := os.MkdirAll(filepath.Join(p, "inner"), 0o755); err != nil {
			t.Fatal(err)
		}
		return os.WriteFile(filepath.Join(p, "inner.yaml"), []byte(corpusScene), 0o644) == nil
	case kindDangling:
		return link("nothing-here")
	default:
		if dir {
			return link("/etc")
		}
		return link("/etc/passwd")
	}
}

// mustRefuse lists the entries, by the path messages give them, that are
// special and that lessongen must read: site.yaml, the scenes and their
// folder, a translation in a language folder, and the theme (whose files
// are read only once the content is valid). A name that messages escape,
// or a file lessongen skips (a hidden one, another extension), is left out.
func (in siteInput) mustRefuse(stderr string) []string {
	refused := func(kind int) bool {
		return kind == kindFIFO || kind == kindOutside || kind == kindDevZero || kind == kindDangling || kind == kindSystem || kind == kindSwapped
	}
	plain := func(name string) bool {
		return strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == "" && !strings.HasPrefix(name, ".")
	}
	var paths []string
	add := func(slot int, p string) {
		if refused(in.kind(slot)) {
			paths = append(paths, p)
		}
	}
	add(slotSite, "content/site.yaml")
	add(slotScenes, "content/scenes")
	if in.sceneName != "ok.yaml" {
		add(slotOK, "content/scenes/ok.yaml")
	}
	// A scene whose file name is no id is refused for its name, unread.
	if id, ok := strings.CutSuffix(in.sceneName, ".yaml"); ok && plain(in.sceneName) && content.IDProblem(id) == "" {
		add(slotScene, "content/scenes/"+in.sceneName)
	}
	tag, lfile, _ := strings.Cut(in.localeName, "/")
	if in.localeName != "" && plain(tag) && plain(lfile) {
		// A language folder that is a file or a named pipe is no
		// language, and is skipped unread.
		if k := in.kind(slotLocaleDir); k != kindFIFO && k != kindSwapped {
			add(slotLocaleDir, "content/locales/"+tag)
		}
		// A folder refused for its name (no language tag, the source
		// language) is not read, so neither is what it holds.
		if strings.HasSuffix(lfile, ".yaml") && !lineStarts(stderr, "content/locales/"+tag+": ") {
			add(slotLocale, "content/locales/"+tag+"/"+lfile)
		}
	}
	themed := len(in.theme) > 0 || in.kind(slotTheme) != kindRegular || in.kind(slotThemeDir) != kindRegular
	if themed && !lineStarts(stderr, "content") {
		// The theme folder itself may be a link to a folder, as the
		// content folder may: to share a theme between sites.
		if k := in.kind(slotThemeDir); k != kindOutside && k != kindSystem {
			add(slotThemeDir, "themes/default")
		}
		// A folder of assets of its own is an asset, not a mistake.
		if file := themeFiles[(in.layout>>24)%4]; file != "assets/extra.txt" || in.kind(slotTheme) != kindSwapped {
			add(slotTheme, "themes/default/"+file)
		}
	}
	return paths
}

// lineStarts reports whether a line of stderr starts with prefix.
func lineStarts(stderr, prefix string) bool {
	return strings.Contains("\n"+stderr, "\n"+prefix)
}

// named reports whether a line of stderr refuses p, or a folder above it
// (which holds it, and so stands for it), for what it is: not a file, not
// a folder, a link. A message about what the entry holds would mean it was
// read.
func named(stderr, p string) bool {
	for _, line := range strings.Split(stderr, "\n") {
		for q := p; q != "." && q != "/"; q = filepath.ToSlash(filepath.Dir(q)) {
			rest, ok := strings.CutPrefix(line, q+": ")
			if ok && (strings.Contains(rest, "not a file") || strings.Contains(rest, "not a folder") || strings.HasPrefix(rest, "a symbolic link") || strings.Contains(rest, "leads outside")) {
				return true
			}
		}
	}
	return false
}

// A message line: a path under the site folder, then a position for
// problems inside a file, then the message; or the count that ends them.
var (
	messageLine = regexp.MustCompile(`^((?:content|themes/default)(?:/.*?)?):(?:(\d+):(\d+):)? \S`)
	countLine   = regexp.MustCompile(`^[1-9]\d* (?:errors?|warnings?)(?:, [1-9]\d* warnings?)?$`)
)

// fuzzHang is far beyond what any build of a small site takes even on a
// loaded machine (a few hundred milliseconds): it detects a hang, such as a
// read of /dev/zero or of a named pipe, and times nothing.
const fuzzHang = 30 * time.Second

// checkSite runs check and build on the site folder and holds them to
// their promises: no panic, no hang, exit 0 or 1, one message a line with
// its path and position and nothing a terminal would act on, the same
// messages from both, nothing written but the output (and by a failed build
// not even that), every output path a plain URL path of regular files, and
// output bounded by the input; and each special entry where lessongen reads
// is refused by name.
func checkSite(t *testing.T, site string, in siteInput) {
	c := filepath.Join(site, "content")
	before := tree(t, site)
	code, stdout, stderr := runWithin(t, fuzzHang, "check", "--content", c)
	bcode, bstdout, bstderr := runWithin(t, fuzzHang, "build", "--quiet", "--content", c, "--out", filepath.Join(site, "public"))
	prefix := filepath.ToSlash(site) + "/"
	stderr, bstderr = strings.ReplaceAll(stderr, prefix, ""), strings.ReplaceAll(bstderr, prefix, "")
	if code != 0 && code != 1 {
		t.Fatalf("check exit %d:\n%s", code, stderr)
	}
	if bcode != code || bstderr != stderr {
		t.Fatalf("check and build disagree: check exit %d:\n%s\nbuild exit %d:\n%s", code, stderr, bcode, bstderr)
	}
	if want := map[int]string{0: "content is valid\n", 1: ""}[code]; stdout != want || bstdout != "" {
		t.Fatalf("check printed %q, build %q on stdout; want %q and nothing", stdout, bstdout, want)
	}
	checkMessages(t, site, stderr, code)
	for _, p := range in.mustRefuse(stderr) {
		if !named(stderr, p) {
			t.Fatalf("%s is not a regular file (or folder) where lessongen reads, and no message names it:\n%s", p, stderr)
		}
	}
	after := tree(t, site)
	for p, info := range after {
		if strings.HasPrefix(p, "public/") || p == "public" {
			if code != 0 {
				t.Fatalf("a failed build wrote %s", p)
			}
			continue
		}
		if was, ok := before[p]; !ok || was != info {
			t.Fatalf("%s changed or appeared beside the output: %q, was %q", p, info, was)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Fatalf("%s disappeared", p)
		}
	}
	if code == 0 {
		checkOutput(t, site, after)
	}
}

// checkMessages checks every line of stderr for a site whose check exited
// with code.
func checkMessages(t *testing.T, site, stderr string, code int) {
	if !utf8.ValidString(stderr) {
		t.Fatalf("stderr is not UTF-8: %q", stderr)
	}
	for _, r := range stderr {
		if r != '\n' && !unicode.IsPrint(r) {
			t.Fatalf("stderr holds %U, which a terminal may act on or hide:\n%q", r, stderr)
		}
	}
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	if stderr == "" {
		if code != 0 {
			t.Fatal("exit 1 with no message")
		}
		return
	}
	if !strings.HasSuffix(stderr, "\n") || !countLine.MatchString(lines[len(lines)-1]) {
		t.Fatalf("stderr does not end with the count of problems:\n%s", stderr)
	}
	if strings.Contains(lines[len(lines)-1], "error") != (code == 1) {
		t.Fatalf("exit %d with:\n%s", code, stderr)
	}
	for _, line := range lines[:len(lines)-1] {
		m := messageLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("not a path:line:col: or path: message: %q", line)
		}
		if m[2] == "" {
			continue
		}
		// A position inside a file the test wrote is inside that file.
		n, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		if n < 1 || col < 1 {
			t.Fatalf("position %s:%s: %q", m[2], m[3], line)
		}
		if data, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(m[1]))); err == nil && n > bytes.Count(data, []byte("\n"))+1 {
			t.Fatalf("line %d of a file of %d lines: %q", n, bytes.Count(data, []byte("\n"))+1, line)
		}
	}
}

// outputConstant is what a build writes whatever the scenes: the theme's
// assets (its fonts most of all), the index, topic, language and 404 pages,
// robots.txt and the sitemap, in two languages (the source and the one
// translation). A minimal site writes about 300 KB.
const outputConstant = 2 << 20

// checkOutput checks the output folder of a build that succeeded.
func checkOutput(t *testing.T, site string, after map[string]string) {
	var in, out int64
	for p, info := range after {
		size, _ := strconv.ParseInt(strings.Fields(info)[1], 10, 64)
		switch {
		case strings.HasPrefix(p, "public/"):
			rel := strings.TrimPrefix(p, "public/")
			if !strings.HasPrefix(info, "-") && !strings.HasPrefix(info, "d") {
				t.Fatalf("the output holds %s, which is not a file or a folder: %s", rel, info)
			}
			if !outputPath(rel) {
				t.Fatalf("wrote %q, which is not a plain URL path", rel)
			}
			if strings.HasPrefix(info, "-") {
				out += size
			}
			if strings.HasSuffix(rel, ".svg") {
				wellFormed(t, filepath.Join(site, filepath.FromSlash(p)))
			}
		case strings.HasPrefix(info, "-"):
			in += size
		}
	}
	// Each language's pages of a scene are limited to MaxBytesPerByte for
	// each byte of the scene and its translation; there are at most two
	// languages.
	if limit := 2*content.MaxBytesPerByte*in + outputConstant; out > limit {
		t.Fatalf("wrote %d bytes for %d bytes of input; the bound is %d", out, in, limit)
	}
}

// wellFormed fails the test unless the file is well-formed XML: a
// character XML cannot hold must not get into an SVG.
func wellFormed(t *testing.T, p string) {
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("%s is not well-formed XML: %v", p, err)
		}
	}
}

// outputPath is a path inside the output folder, of the characters a URL
// carries without escaping.
func outputPath(p string) bool {
	return fs.ValidPath(p) && strings.Trim(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-") == ""
}

// tree lists every entry under site, links not followed: its path, then
// its mode and size (and a link's target), so that any change shows.
func tree(t *testing.T, site string) map[string]string {
	m := map[string]string{}
	err := filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(site, p)
		if rel == "." {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		desc := fmt.Sprintf("%s %d", info.Mode(), info.Size())
		if info.IsDir() {
			desc = info.Mode().String() + " 0"
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(p)
			desc += " -> " + target
		}
		m[filepath.ToSlash(rel)] = desc
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// siteSeeds are the malformed corpus (if corpus), each case as a site of its files,
// then the valid base site with each slot made each special kind, then a
// theme override and strings past the limits.
func siteSeeds(corpus bool) []siteInput {
	base := siteInput{site: []byte(corpusSite), scene: []byte(corpusScene), sceneName: "bad.yaml"}
	var seeds []siteInput
	var files []string
	if corpus {
		files, _ = filepath.Glob("testdata/malformed/*.txt")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		c := parseCase(f, data)
		s := base
		for _, name := range c.order {
			body := c.files[name]
			switch dir, file, _ := strings.Cut(name, "/"); {
			case name == "site.yaml":
				s.site = body
			case dir == "scenes" && body != nil:
				s.sceneName, s.scene = file, body
			case dir == "locales" && body != nil:
				s.localeName, s.locale = file, body
			}
		}
		seeds = append(seeds, s)
	}
	for slot := range slots {
		for kind := kindFIFO; kind <= kindSystem; kind++ {
			s := base
			s.localeName, s.locale = "fr/ok.yaml", []byte("title: Une scène\n")
			s.layout = uint64(kind) << (3 * slot)
			seeds = append(seeds, s)
		}
	}
	// A translation must be refused even when site.yaml cannot be read
	// (CI's fuzzing found it was not read then); one in a folder that is
	// no language is not read at all.
	for _, tag := range []string{"fr", "0"} {
		for kind := kindFIFO; kind <= kindSystem; kind++ {
			s := base
			s.localeName, s.locale = tag+"/0.yaml", []byte("title: Une scène\n")
			s.layout = uint64(kindDevZero)<<(3*slotSite) | uint64(kind)<<(3*slotLocale)
			seeds = append(seeds, s)
		}
	}
	step, _ := os.ReadFile("../../themes/default/templates/step.html")
	for i, theme := range [][]byte{step, bytes.Replace(step, []byte("{{"), []byte("{{.Nope}}{{"), 1), []byte(".x { color: red }\n"), []byte("next: Suivant\n")} {
		s := base
		s.theme, s.layout = theme, uint64(i)<<24
		seeds = append(seeds, s)
	}
	for _, huge := range []uint32{200, 201, 100000, 1 << 20, 4<<20 + 1} {
		s := base
		s.scene = bytes.Replace(s.scene, []byte("label: SYN"), []byte("label: @@"), 1)
		s.localeName, s.locale = "fr/bad.yaml", []byte("title: @@\n")
		s.huge = huge
		seeds = append(seeds, s)
	}
	return seeds
}
