// Package i18n reports how far each language of a site is translated: the
// share of strings and of words done, and which strings are missing, stale
// or orphaned, each with its file and key.
package i18n

import (
	"fmt"
	"io"
	"strings"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
)

// Status is the translation status of one language.
type Status struct {
	Lang                 *content.Language
	Strings, StringsDone int
	Words, WordsDone     int
	// Missing and Stale list the strings still to translate.
	Missing, Stale []content.Unit
	// Orphaned are translations of strings that no longer exist.
	Orphaned diag.List
}

// Complete reports whether nothing is missing or stale.
func (s *Status) Complete() bool { return len(s.Missing) == 0 && len(s.Stale) == 0 }

// Report computes the status of every translated language of site, or only
// of lang when it is not empty. warnings are the loader's diagnostics, from
// which the orphans are taken.
func Report(site *content.Site, lang string, warnings diag.List) []Status {
	var out []Status
	for _, l := range site.Languages {
		if l.Source || (lang != "" && l.Tag != lang) {
			continue
		}
		st := Status{Lang: l}
		for _, u := range content.Units(site, l) {
			words := len(strings.Fields(u.Source))
			st.Strings++
			st.Words += words
			switch u.State() {
			case content.Translated:
				st.StringsDone++
				st.WordsDone += words
			case content.Stale:
				st.Stale = append(st.Stale, u)
			case content.Missing:
				st.Missing = append(st.Missing, u)
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

// Write prints the statuses for a translator: one summary line a language,
// then the strings to work on, each with its file and key.
func Write(w io.Writer, statuses []Status) {
	for _, st := range statuses {
		fmt.Fprintf(w, "%s (%s): %d of %d strings (%s), %d of %d words (%s)\n", st.Lang.Tag, st.Lang.Name,
			st.StringsDone, st.Strings, percent(st.StringsDone, st.Strings), st.WordsDone, st.Words, percent(st.WordsDone, st.Words))
		for _, u := range st.Missing {
			fmt.Fprintf(w, "  missing   %s/%s  %s\n", st.Lang.Path, u.File, u.KeyString())
		}
		for _, u := range st.Stale {
			why := "the source text changed since it was translated"
			if u.Tr.SourceFP == "" {
				why = "no fingerprint yet: run lessongen i18n extract " + st.Lang.Tag
			}
			fmt.Fprintf(w, "  stale     %s  %s (%s)\n", u.Tr.KeyPos, u.KeyString(), why)
		}
		for _, d := range st.Orphaned {
			fmt.Fprintf(w, "  orphaned  %s  %s\n", d.Pos, d.Message)
		}
	}
}

func percent(done, total int) string {
	if total == 0 {
		return "100%"
	}
	return fmt.Sprintf("%d%%", done*100/total)
}
