package i18n

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/chai2010/gettext-go/po"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
)

// This file is the only importer of the PO library: swapping it touches
// only Export and Import.

// Export writes the translation of language l as a gettext PO file, for
// translation tools (Poedit, Weblate, Crowdin, OmegaT, Lokalize...). Each
// string asked of translators is one entry: its context ("msgctxt") names
// it as "lessongen i18n confirm" does, scene and key; its extracted
// comments say where it appears; its reference points at the source text;
// its msgid is the source text and its msgstr the translation, empty when
// missing. A stale entry is "fuzzy" and carries, as "#| msgid", the source
// text the translation was made from, as msgmerge does.
func Export(w io.Writer, site *content.Site, l *content.Language) error {
	h := po.Header{
		Comment: po.Comment{TranslatorComment: fmt.Sprintf("%s (%s) translation of %s.\nMade by \"lessongen i18n export %s --format po\"; read back with \"lessongen i18n import %s FILE.po\".",
			l.Name, l.Tag, site.Title, l.Tag, l.Tag)},
		ProjectIdVersion:        site.Title,
		Language:                poLanguage(l.Tag),
		MimeVersion:             "1.0",
		ContentType:             "text/plain; charset=UTF-8",
		ContentTransferEncoding: "8bit",
		XGenerator:              "lessongen",
	}
	var b bytes.Buffer
	b.WriteString(h.String())
	for _, u := range content.Units(site, l) {
		if !u.Asked() {
			continue
		}
		m := po.Message{MsgContext: KeyArg(u), MsgId: u.Source}
		m.ExtractedComment = describe(u)
		if u.SourcePos.Path != "" {
			m.ReferenceFile, m.ReferenceLine = []string{u.SourcePos.Path}, []int{u.SourcePos.Line}
		}
		prev := ""
		switch u.State() {
		case content.Stale:
			m.Flags = []string{"fuzzy"}
			if p := previous(u); p != "(not recorded)" && p != u.Source {
				prev = p
			}
			fallthrough
		case content.Current:
			m.MsgStr = matchEnds(u.Tr.Text, u.Source)
		}
		b.WriteString("\n")
		b.WriteString(withPrevious(m, prev))
	}
	_, err := w.Write(b.Bytes())
	return err
}

// withPrevious returns the entry m as PO text, with prev as its previous
// msgid ("#| msgid") when not empty. The library writes a one-line previous
// msgid as `#| msgid #| "..."`, which tools misread, so the "#|" lines are
// made here from the library's own quoting of a msgid.
func withPrevious(m po.Message, prev string) string {
	text := m.String()
	if prev == "" {
		return text
	}
	quoted := po.Message{MsgId: prev}.String()
	quoted = quoted[:strings.Index(quoted, "\nmsgstr ")+1]
	var lines []string
	for _, l := range strings.Split(strings.TrimSuffix(quoted, "\n"), "\n") {
		lines = append(lines, "#| "+l)
	}
	at := strings.Index(text, "\nmsgctxt ") + 1
	return text[:at] + strings.Join(lines, "\n") + "\n" + text[at:]
}

// poLanguage writes a BCP 47 tag as PO files name languages: "pt_BR",
// "zh_Hans".
func poLanguage(tag string) string { return strings.ReplaceAll(tag, "-", "_") }

// describe says, for a translator, where a string appears.
func describe(u content.Unit) string {
	k := u.Key
	what := strings.Join(k, ".")
	switch {
	case u.Scene == "" && k[0] == "title":
		what = "The site's title."
	case u.Scene == "" && k[0] == "description":
		what = "The site's description, on the index and in search results."
	case u.Scene == "":
		what = fmt.Sprintf("The title of the topic %q on the index.", k[1])
	case k[0] == "title":
		what = "The lesson's title."
	case k[0] == "summary":
		what = "The lesson's summary, on the index and its overview."
	case k[0] == "actors":
		what = fmt.Sprintf("The name of the actor %q, drawn on the diagram.", k[1])
	case k[0] == "phases":
		what = "A phase's title, drawn over its steps."
	case k[0] == "field_names":
		what = "The name of a header field, shown beside its value on every step that has it."
	case k[0] == "bytes":
		what = "A name or explanation in the byte view of this lesson's packets, used wherever the same text appears."
	case k[0] == "references":
		what = "The title of a reference, " + k[1] + "."
	case k[0] == "steps" && k[2] == "label":
		what = fmt.Sprintf("The label of step %s, drawn on the diagram: keep it short.", k[1])
	case k[0] == "steps" && k[2] == "text":
		what = fmt.Sprintf("The narration of step %s, in Markdown.", k[1])
	case k[0] == "steps" && k[2] == "wait":
		what = fmt.Sprintf("The time that passes before step %s, drawn on the diagram.", k[1])
	case k[0] == "steps" && k[2] == "fields":
		what = fmt.Sprintf("The value of the header field %q of step %s.", k[3], k[1])
	}
	return what
}

// matchEnds gives text the leading and trailing newlines of like, which
// msgfmt --check requires of a msgstr and its msgid; the YAML files need
// not have them.
func matchEnds(text, like string) string {
	t := strings.Trim(text, "\n")
	if strings.HasPrefix(like, "\n") {
		t = "\n" + t
	}
	if strings.HasSuffix(like, "\n") {
		t += "\n"
	}
	return t
}

// Import reads a PO file made by Export, and perhaps edited in a
// translation tool since, and returns the changes it brings to language
// l, keeping staleness exact:
//   - an entry whose msgstr and fuzzy flag are as Export wrote them
//     changes nothing;
//   - an entry no longer fuzzy, or with a new msgstr, is current when its
//     msgid is the source text as it is now;
//   - a fuzzy entry stays stale, even with a new msgstr, and so does one
//     whose msgid is an older source text (a file exported before the
//     source changed): that msgid is then the text it was translated from;
//   - an empty msgstr changes nothing: the tool has no translation.
//
// Entries naming no string of the site are reported; name is the file's
// name for messages.
func Import(data []byte, name string, site *content.Site, l *content.Language) ([]content.Change, diag.List, error) {
	f, err := po.Load(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: not a PO file that can be read: %v", name, err)
	}
	byKey := map[string]content.Unit{}
	for _, u := range content.Units(site, l) {
		byKey[KeyArg(u)] = u
	}
	var changes []content.Change
	var notes diag.List
	seen := map[string]bool{}
	for _, m := range f.Messages {
		pos := diag.Pos{Path: name, Line: m.StartLine, Col: 1}
		u, ok := byKey[m.MsgContext]
		switch {
		case !ok:
			notes.Warnf(pos, "msgctxt %s names no string of the site (the source changed since the export?); left out", strconv.Quote(m.MsgContext))
			continue
		case seen[m.MsgContext]:
			notes.Warnf(pos, "msgctxt %s appears twice; the first is kept", strconv.Quote(m.MsgContext))
			continue
		case strings.TrimSpace(m.MsgStr) == "":
			continue
		}
		seen[m.MsgContext] = true
		fuzzy := m.GetFuzzy()
		newSource := m.MsgId != u.Source
		text := matchEnds(m.MsgStr, u.Source)
		st := u.State()
		if !newSource && st != content.Missing && text == matchEnds(u.Tr.Text, u.Source) && fuzzy == (st == content.Stale) {
			continue // as exported
		}
		c := content.Change{Unit: u, Stale: fuzzy || newSource}
		if st == content.Missing || text != matchEnds(u.Tr.Text, u.Source) {
			c.Text = text
		}
		switch {
		case newSource:
			c.Previous = m.MsgId
		case fuzzy && m.PrevMsgId != "":
			c.Previous = m.PrevMsgId
		case fuzzy && u.Tr != nil && u.Tr.Rec != nil:
			c.Previous = u.Tr.Rec.Previous
		}
		changes = append(changes, c)
	}
	sort.SliceStable(changes, func(i, j int) bool { return changes[i].Unit.File < changes[j].Unit.File })
	return changes, notes, nil
}
