// Package i18n is what translators run: the status of each language (how
// much is done, and every string that is missing, stale or orphaned, at the
// place to act on it), confirming stale translations, and the exchange of
// translations with translation tools as gettext PO files.
package i18n

import (
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
)

// Status is the translation status of one language.
type Status struct {
	Lang                 *content.Language
	Strings, StringsDone int
	Words, WordsDone     int
	// Missing and Stale list the strings still to translate, each with
	// the place to act on it.
	Missing, Stale []Item
	// Orphaned are translations of strings that no longer exist.
	Orphaned diag.List
	// NoIDs are the steps without ids of the scenes the language translates.
	NoIDs []content.NoID
	// Source is the source language's tag.
	Source string
}

// Item is a unit to work on and where.
type Item struct {
	Unit content.Unit
	Pos  diag.Pos
}

// Complete reports whether nothing is missing or stale.
func (s *Status) Complete() bool { return len(s.Missing) == 0 && len(s.Stale) == 0 }

// Report computes the status of every translated language of site, or only
// of lang when it is not empty. warnings are the loader's diagnostics, from
// which the orphans are taken; folder returns the locale folder of a
// language, to point at where a missing key goes.
func Report(site *content.Site, lang string, warnings diag.List, folder func(*content.Language) fs.FS) []Status {
	var out []Status
	for _, l := range site.Languages {
		if l.Source || (lang != "" && l.Tag != lang) {
			continue
		}
		st := Status{Lang: l, Source: site.Language, NoIDs: content.StepsWithoutIDs(site, l)}
		var units []content.Unit
		for _, u := range content.Units(site, l) {
			if u.Asked() {
				units = append(units, u)
			}
		}
		where := content.Where(site, l, folder(l), units)
		for i, u := range units {
			words := len(strings.Fields(u.Source))
			st.Strings++
			st.Words += words
			switch u.State() {
			case content.Current:
				st.StringsDone++
				st.WordsDone += words
			case content.Stale:
				st.Stale = append(st.Stale, Item{u, where[i]})
			case content.Missing:
				st.Missing = append(st.Missing, Item{u, where[i]})
			}
		}
		for _, d := range warnings {
			if l.Path != "" && strings.HasPrefix(d.Pos.Path, l.Path+"/") {
				st.Orphaned = append(st.Orphaned, d)
			}
		}
		out = append(out, st)
	}
	return out
}

// Style says how Write shows the changes of a stale string's source.
type Style int

// The styles of Write.
const (
	// Plain prints the old and the new source text in full.
	Plain Style = iota
	// Color also marks the words that changed, for a terminal.
	Color
)

// Write prints the statuses for a translator: a summary line a language,
// then one line for each thing to do, "file:line:col: state key: what to
// do", where an editor can jump. A stale string also shows its old and new
// source text.
func Write(w io.Writer, statuses []Status, style Style) {
	for _, st := range statuses {
		l := st.Lang
		fmt.Fprintf(w, "%s (%s): %d of %d strings (%s), %d of %d words (%s)", l.Tag, l.Name,
			st.StringsDone, st.Strings, percent(st.StringsDone, st.Strings), st.WordsDone, st.Words, percent(st.WordsDone, st.Words))
		if n := len(st.Stale); n > 0 {
			fmt.Fprintf(w, "; %d stale", n)
		}
		if n := len(st.Missing); n > 0 {
			fmt.Fprintf(w, "; %d missing", n)
		}
		fmt.Fprintln(w)
		for _, it := range st.Stale {
			u := it.Unit
			confirm := "lessongen i18n confirm " + l.Tag + " " + shellQuote(KeyArg(u))
			if u.Tr.Rec == nil || (u.Tr.Rec.Stale && u.Tr.Rec.Previous == "" && u.Tr.Rec.SourceFP == content.Fingerprint(u.Source)) {
				fmt.Fprintf(w, "%s: stale %s: nothing records which %s text this translates; check it against the %s text below, then run: %s\n",
					it.Pos, u.KeyString(), st.Source, st.Source, confirm)
				writeText(w, "now", u.Source, nil, style)
				continue
			}
			fmt.Fprintf(w, "%s: stale %s: the %s text changed since this was translated; update the translation, or if it still fits run: %s\n",
				it.Pos, u.KeyString(), st.Source, confirm)
			old := previous(u)
			diff := WordDiff(old, u.Source)
			writeText(w, "was", old, diff, style)
			writeText(w, "now", u.Source, diff, style)
		}
		for _, it := range st.Missing {
			u := it.Unit
			switch {
			case u.Tr != nil:
				fmt.Fprintf(w, "%s: missing %s: translate it here\n", it.Pos, u.KeyString())
			case strings.HasPrefix(it.Pos.Path, l.Path+"/"):
				fmt.Fprintf(w, "%s: missing %s: add the key here, or run: lessongen i18n extract %s\n", it.Pos, u.KeyString(), l.Tag)
			default:
				fmt.Fprintf(w, "%s: missing %s: %s/%s does not exist yet; run: lessongen i18n extract %s\n", it.Pos, u.KeyString(), l.Path, u.File, l.Tag)
			}
		}
		for _, d := range st.Orphaned {
			fmt.Fprintf(w, "%s: orphaned: %s\n", d.Pos, d.Message)
		}
		for _, n := range st.NoIDs {
			fmt.Fprintf(w, "%s: warning: %s\n", n.Pos, n.Message())
		}
	}
}

// previous returns the source text a stale unit was translated from, as
// far as its record knows.
func previous(u content.Unit) string {
	r := u.Tr.Rec
	switch {
	case r.Stale && r.Previous != "":
		return r.Previous
	case !r.Stale:
		return r.Shown // not yet marked by extract: the text it shows is the old one
	}
	return "(not recorded)"
}

// writeText prints a source text under a label ("was", "now"), indented,
// marking the words the diff says were deleted (in the old text) or
// inserted (in the new) when style is Color.
func writeText(w io.Writer, label, text string, diff []Segment, style Style) {
	if style == Color && diff != nil {
		var b strings.Builder
		for _, s := range diff {
			switch {
			case s.Op == Same:
				b.WriteString(s.Text)
			case s.Op == Deleted && label == "was":
				b.WriteString("\x1b[9;31m" + strings.TrimRight(s.Text, " \n") + "\x1b[0m" + s.Text[len(strings.TrimRight(s.Text, " \n")):])
			case s.Op == Inserted && label == "now":
				b.WriteString("\x1b[1;32m" + strings.TrimRight(s.Text, " \n") + "\x1b[0m" + s.Text[len(strings.TrimRight(s.Text, " \n")):])
			}
		}
		text = b.String()
	}
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, line := range lines {
		if i == 0 {
			fmt.Fprintf(w, "    %s: %s\n", label, line)
		} else {
			fmt.Fprintf(w, "         %s\n", line)
		}
	}
}

// KeyArg names a unit on the command line of "lessongen i18n confirm":
// its locale file without ".yaml", a slash, and its key.
func KeyArg(u content.Unit) string {
	return strings.TrimSuffix(u.File, ".yaml") + "/" + u.KeyString()
}

// shellQuote quotes s for a POSIX shell when it needs it.
func shellQuote(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./:=+@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func percent(done, total int) string {
	if total == 0 {
		return "100%"
	}
	return fmt.Sprintf("%d%%", done*100/total)
}
