package content

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/locale"
)

// Edited is the result of Extract, Confirm or Import for one language.
type Edited struct {
	// Files are the new texts of the locale files that change, by name
	// relative to the language's folder ("site.yaml", "https.yaml"),
	// sorted by name.
	Files []LocaleFile
	// Notes say what was done that the translator should know of: an
	// orphaned translation kept as a comment, copies of data removed.
	Notes diag.List
}

// LocaleFile is one locale file's new text.
type LocaleFile struct {
	Name string
	Data []byte
}

// Change is a translator's act on one unit: a new text, or the same text
// confirmed, and the state it leaves the unit in.
type Change struct {
	Unit Unit
	// Text is the new translation; "" keeps the text the file has.
	Text string
	// Stale leaves the unit stale, with Previous as the source text the
	// translation was made from ("" when unknown); otherwise it is current.
	Stale    bool
	Previous string
}

// Extract brings the locale files of language l up to date with the
// source, changing them only where needed and byte for byte nowhere else:
//   - every string to translate has its key, with its source text and a
//     record (see Record) in the comment above it; a new key is empty;
//   - a translation whose source changed is marked stale, with the source
//     text it was made from, until a translator edits or confirms it;
//     extract never makes a stale translation current;
//   - a translation matched by its record after its key changed (a step
//     without an id moved, a phase renamed) moves to the new key;
//   - an orphaned translation (see matching) becomes a comment "#~", for
//     the translator to reuse or delete;
//   - a data string's entry that is empty or only copies the source is
//     removed: nothing there to translate.
//
// files reads the language's folder; a file it lacks is created. Running
// Extract on its own output changes nothing.
func Extract(s *Site, l *Language, files fs.FS) (Edited, error) {
	return edit(s, l, files, nil, true)
}

// Apply writes the changes to the locale files of l, and nothing else.
func Apply(s *Site, l *Language, files fs.FS, changes []Change) (Edited, error) {
	return edit(s, l, files, changes, false)
}

// edit is Extract when extract is set, and otherwise Apply.
func edit(s *Site, l *Language, files fs.FS, changes []Change, extract bool) (Edited, error) {
	var out Edited
	units := Units(s, l)
	byFile := map[string][]Unit{}
	var names []string
	for _, u := range units {
		if _, ok := byFile[u.File]; !ok {
			names = append(names, u.File)
		}
		byFile[u.File] = append(byFile[u.File], u)
	}
	byChange := map[string][]Change{}
	for _, c := range changes {
		byChange[c.Unit.File] = append(byChange[c.Unit.File], c)
	}
	sort.Strings(names)
	for _, name := range names {
		var orphans []Orphan
		if name == "site.yaml" {
			orphans = l.siteMatch().orphans
		} else {
			orphans = l.sceneMatch(strings.TrimSuffix(name, ".yaml")).orphans
		}
		fe := fileEdit{s: s, l: l, name: name, units: byFile[name], notes: &out.Notes}
		var data []byte
		var err error
		if extract {
			data, err = fe.extract(files, orphans)
		} else if cs := byChange[name]; len(cs) > 0 {
			data, err = fe.apply(files, cs)
		} else {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("%s/%s: %w", l.Path, name, err)
		}
		if data != nil {
			out.Files = append(out.Files, LocaleFile{Name: name, Data: data})
		}
	}
	return out, nil
}

// fileEdit edits one locale file.
type fileEdit struct {
	s     *Site
	l     *Language
	name  string
	units []Unit
	notes *diag.List
	ed    *editor
	// old is the file's text, nil when it does not exist yet.
	old []byte
}

// open reads the file, or starts it with its head comment, and makes its
// editor.
func (fe *fileEdit) open(files fs.FS, create bool) (bool, error) {
	data, err := fs.ReadFile(files, fe.name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if !create {
			return false, nil
		}
		data = []byte(fe.header() + "\n")
		if fe.name == "site.yaml" {
			data = append(data, "name: "+scalarText(fe.l.Name)+"\n"...)
			if fe.l.Dir != dirOf(fe.l.Tag) {
				data = append(data, "dir: "+fe.l.Dir+"\n"...)
			}
		}
	case err != nil:
		return false, err
	default:
		fe.old = data
		data = blockStyle(data)
	}
	ed, err := newEditor(data, fe.s.Language, fe.ranks())
	if err != nil {
		return false, err
	}
	fe.ed = ed
	return true, nil
}

// ranks returns the order of the keys of the file: where each key path
// first appears in the units.
func (fe *fileEdit) ranks() func([]string) (int, bool) {
	first := map[string]int{pathKey("name"): -2, pathKey("dir"): -1}
	for i, u := range fe.units {
		for n := 1; n <= len(u.Key); n++ {
			if _, ok := first[pathKey(u.Key[:n]...)]; !ok {
				first[pathKey(u.Key[:n]...)] = i
			}
		}
	}
	return func(path []string) (int, bool) {
		r, ok := first[pathKey(path...)]
		return r, ok
	}
}

// header is the head comment of a new locale file.
func (fe *fileEdit) header() string {
	what := "the site's title and topics"
	if fe.name != "site.yaml" {
		what = fmt.Sprintf("the scene %q", strings.TrimSuffix(fe.name, ".yaml"))
	}
	src, tag := fe.s.Language, fe.l.Tag
	return fmt.Sprintf(`# %s (%s) translation of %s.
# Translate each value. Above each key, "# %s:" shows the %s text and
# "# fp:" records which %s text your translation belongs to: keep both.
# When the %s changes, the key is marked stale and "#| %s:" shows the
# text you translated; update your translation, or run
# "lessongen i18n confirm %s KEY" if it still fits.
# "lessongen i18n status --lang %s" lists what is left to do.
`, fe.l.Name, tag, what, src, locale.Name(src), locale.Name(src), locale.Name(src), src, tag, tag)
}

// legacyHeader reports whether the file starts with the head comment of
// lessongen 0.1, which extract replaces.
func legacyHeader(lines []string) (start, end int, ok bool) {
	if len(lines) > 0 && strings.HasPrefix(lines[0], "# yaml-language-server:") {
		start = 1 // an editor's schema line stays first
	}
	end = start
	for end < len(lines) && strings.HasPrefix(lines[end], "#") {
		end++
	}
	return start, end, end > start && strings.Contains(strings.Join(lines[start:end], "\n"), "and its fingerprint (fp), which")
}

// extract makes the changes Extract describes to the file.
func (fe *fileEdit) extract(files fs.FS, orphans []Orphan) ([]byte, error) {
	asked := false
	for _, u := range fe.units {
		asked = asked || u.Asked()
	}
	ok, err := fe.open(files, asked)
	if !ok || err != nil {
		return nil, err
	}
	ed := fe.ed
	if start, end, legacy := legacyHeader(ed.lines); legacy {
		ed.replace(start, end, strings.Split(strings.TrimSuffix(fe.header(), "\n"), "\n"))
	}
	removed := 0
	moved := map[string]bool{}
	for _, u := range fe.units {
		switch {
		case u.Tr == nil:
			// Added below, once the keys that move have moved.
		case u.Data && (strings.TrimSpace(u.Tr.Text) == "" || u.Tr.Text == u.Source):
			ed.remove(u.At)
			removed++
		default:
			fe.setRecord(u, next(u))
			for i := range u.Key {
				if u.At[i] != u.Key[i] && !moved[pathKey(u.At[:i+1]...)] {
					moved[pathKey(u.At[:i+1]...)] = true
					ed.rename(u.At[:i+1], u.Key[i])
				}
			}
		}
	}
	for _, o := range orphans {
		what := o.What
		if o.What == "step" && atoi(o.Key[len(o.Key)-1]) > 0 {
			what = "step " + o.Key[len(o.Key)-1]
		}
		why := fmt.Sprintf("orphaned: no %s source %s matches this translation any more; reuse it or delete it", fe.s.Language, what)
		ed.commentOut(o.Key, why)
		fe.notes.Warnf(o.Pos, "kept the translation of %s as a comment (#~): %s", strings.Join(o.Key, "."), strings.TrimPrefix(o.Message(), "translation of "))
	}
	for _, u := range fe.units {
		if u.Tr == nil && !u.Data {
			ed.add(u.Key, "", &Record{SourceFP: Fingerprint(u.Source), Shown: u.Source})
		}
	}
	if removed > 0 {
		fe.notes.Warnf(diag.Pos{Path: fe.l.Path + "/" + fe.name}, "removed %d %s of data strings (addresses, numbers, protocol tokens) that were empty or copied the %s text: they need no translation",
			removed, plural(removed, "entry", "entries"), fe.s.Language)
	}
	return fe.finish()
}

// apply makes the changes to the file.
func (fe *fileEdit) apply(files fs.FS, changes []Change) ([]byte, error) {
	ok, err := fe.open(files, true)
	if !ok || err != nil {
		return nil, err
	}
	for _, c := range changes {
		u := c.Unit
		text := c.Text
		if text == "" && u.Tr != nil {
			text = u.Tr.Text
		}
		rec := Record{SourceFP: Fingerprint(u.Source), Shown: u.Source}
		if c.Stale {
			rec.Stale, rec.TextFP, rec.Previous = true, Fingerprint(text), c.Previous
		}
		if u.Tr == nil {
			fe.ed.add(u.Key, text, &rec)
			continue
		}
		fe.setRecord(u, rec)
		if text != u.Tr.Text {
			fe.ed.setValue(u.At, text)
		}
	}
	return fe.finish()
}

// setRecord writes rec above the unit's key, unless it is there already.
func (fe *fileEdit) setRecord(u Unit, rec Record) {
	k, _, _ := fe.ed.find(u.At)
	_, idx := recordLines(fe.ed.lines, k.Line, k.Column, fe.s.Language)
	want := rec.render(fe.s.Language)
	same := len(idx) == len(want) && (len(idx) == 0 || idx[len(idx)-1] == k.Line-2)
	for i := 0; same && i < len(idx); i++ {
		same = strings.TrimSpace(fe.ed.lines[idx[i]]) == want[i]
	}
	if !same {
		fe.ed.setRecord(u.At, rec)
	}
}

// finish returns the new text of the file, or nil when it is unchanged,
// after checking that it reads back as intended.
func (fe *fileEdit) finish() ([]byte, error) {
	data := fe.ed.bytes()
	if fe.old != nil && string(data) == string(fe.old) {
		return nil, nil
	}
	var diags diag.List
	d := &decoder{path: fe.name, diags: &diags}
	root := d.parse(data)
	if root == nil || diags.HasErrors() {
		return nil, fmt.Errorf("lessongen made a file it cannot read back, and left yours as it was; please report this: %s", diags)
	}
	return data, nil
}

// next returns the record that extract writes for a translated unit: see
// Record for the rules it follows.
func next(u Unit) Record {
	fp := Fingerprint(u.Source)
	cur := Record{SourceFP: fp, Shown: u.Source}
	t, r := u.Tr, u.Tr.Rec
	if strings.TrimSpace(t.Text) == "" || u.State() == Current {
		return cur
	}
	stale := Record{SourceFP: fp, Stale: true, TextFP: Fingerprint(t.Text), Shown: u.Source}
	switch {
	case r == nil:
		// Never recorded: which source it translates is not known.
	case r.Legacy:
		if Fingerprint(r.Shown) == r.SourceFP || Fingerprint(r.Shown+"\n") == r.SourceFP {
			stale.Previous = r.Shown
		}
	case !r.Stale:
		stale.Previous = r.Shown
	case Fingerprint(t.Text) == r.TextFP:
		stale.Previous = r.Previous // not touched since it was marked
	default:
		// Edited after it was marked, but the source changed again since:
		// the edit answered the source shown then.
		stale.Previous = r.Shown
	}
	return stale
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}
