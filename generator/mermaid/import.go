package mermaid

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/diag"
)

// ImportOptions are what a diagram does not say about the scene it
// becomes.
type ImportOptions struct {
	// Topic is the scene's topic id.
	Topic string
	// Title is used when the diagram has no title of its own (the heading
	// above it in a Markdown file, say).
	Title string
	// Source names where the diagram came from, for the file's first
	// comment ("README.md:12").
	Source string
}

// Import turns a parsed diagram into a scene draft, keeping Mermaid's
// order and meaning: participants become actors ("actor" a person),
// messages and notes become steps (a dotted arrow a reply, a cross a lost
// message), fragments become phases titled from their keyword and text
// ("alt: has a subscription"). What a lesson cannot show is reported as a
// warning at the statement; what cannot become a scene at all (no steps,
// too many actors) is an error.
func Import(d *Diagram, opts ImportOptions) (*content.Draft, diag.List) {
	var diags diag.List
	im := &importer{d: d, diags: &diags, ids: map[string]string{}, warned: map[string]bool{}}
	draft := &content.Draft{Topic: opts.Topic, Title: firstNonEmpty(d.Title, d.AccTitle, opts.Title), Summary: oneLine(d.AccDescr)}
	if d.Title != "" && d.AccTitle != "" && d.AccTitle != d.Title && d.AccDescr == "" {
		draft.Summary = d.AccTitle
	}
	draft.Comment = "Imported from " + opts.Source + " by \"lessongen import mermaid\".\nAdd each step's narration as text: (Markdown), and step ids if the scene will be translated."
	if len(d.Participants) > content.MaxActors {
		diags.Errorf(d.Pos, "the diagram has %d participants; a lesson has at most %d, so split it into several diagrams", len(d.Participants), content.MaxActors)
		return nil, diags
	}
	draft.Actors = im.actors()
	draft.Steps = im.steps()
	switch {
	case len(draft.Steps) == 0:
		diags.Errorf(d.Pos, "the diagram has no messages or notes, so it makes no lesson")
	case len(draft.Steps) > content.MaxSteps:
		diags.Errorf(d.Pos, "the diagram has %d messages and notes; a lesson has at most %d, so split it", len(draft.Steps), content.MaxSteps)
	}
	if draft.Title == "" {
		draft.Title = "Imported diagram"
	}
	diags.Sort()
	return draft, diags
}

type importer struct {
	d     *Diagram
	diags *diag.List
	// ids maps each Mermaid participant to its actor id.
	ids    map[string]string
	warned map[string]bool
}

// warnOnce warns about a kind of thing the first time it is met.
func (im *importer) warnOnce(kind string, pos diag.Pos, format string, args ...any) {
	if !im.warned[kind] {
		im.warned[kind] = true
		im.diags.Warnf(pos, format, args...)
	}
}

func (im *importer) actors() []content.DraftActor {
	var out []content.DraftActor
	taken := map[string]bool{}
	box := ""
	for i, p := range im.d.Participants {
		// An id-like name ("web_server", "DB") is kept, so that a
		// diagram exported from a scene comes back with its ids; a
		// one-letter alias ("A as Alice") gives way to the name.
		base := Slug(p.ID)
		if !idLike.MatchString(p.ID) {
			base = Slug(p.Name)
		}
		if base == "" {
			base = Slug(p.ID)
		}
		if base == "" {
			base = "actor-" + strconv.Itoa(i+1)
		}
		id := base
		for n := 2; taken[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		taken[id] = true
		im.ids[p.ID] = id
		a := content.DraftActor{ID: id, Name: oneLine(p.Name)}
		if strings.TrimSpace(a.Name) == "" {
			// Mermaid draws an empty head; a lesson names each actor.
			a.Name = firstNonEmpty(strings.TrimSpace(oneLine(p.ID)), id)
			im.diags.Warnf(p.Pos, "%q has no name to show, so it is named %q", p.ID, a.Name)
		}
		if n := utf8.RuneCountInString(a.Name); n > content.MaxName {
			im.diags.Warnf(p.Pos, "the name %q is %d characters long; lessongen keeps %d", a.Name, n, content.MaxName)
			a.Name = shorten(a.Name, content.MaxName)
		}
		switch {
		case p.Actor:
			a.Kind = "person"
		case p.Type == "database" || p.Type == "collections":
			a.Kind = "database"
		case p.Type != "":
			im.diags.Warnf(p.Pos, "lessongen has no %s symbol; %q is drawn as a plain box", p.Type, p.Name)
		}
		if p.Box != box && p.Box != "" {
			a.Comment = "box: " + p.Box
		}
		box = p.Box
		if p.Created || p.Destroyed {
			im.warnOnce("lifecycle", p.Pos, "create and destroy are imported as ordinary participants: lessongen draws every lifeline from top to bottom")
		}
		out = append(out, a)
	}
	return out
}

var idLike = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]+$`)

// frame is an open fragment while steps are read.
type frame struct {
	keyword, text string
	// phase is the title its steps take; "" for a rect without one.
	phase string
}

func (im *importer) steps() []content.DraftStep {
	var out []content.DraftStep
	var stack []frame
	wait := ""
	sts := im.d.Statements
	for i := 0; i < len(sts); i++ {
		st := sts[i]
		switch st.Kind {
		case Open:
			if n := broadcastAt(sts, i); n > 0 {
				s := im.step(sts[i+1], phaseOf(stack))
				s.To = ""
				for k := 0; k < n; k++ {
					s.Broadcast = append(s.Broadcast, im.ids[sts[i+1+2*k].To])
				}
				s.Wait, wait = wait, ""
				out = append(out, s)
				i += 2 * n
				continue
			}
			f := frame{keyword: st.Keyword, text: st.Text, phase: im.phase(st, phaseTitle(st.Keyword, st.Text))}
			if st.Keyword == "rect" {
				f.phase = im.phase(st, st.Phase)
				if f.phase == "" {
					im.diags.Warnf(st.Pos, "a rect only colours the background in Mermaid; its steps are imported without a phase of their own")
				}
			}
			if len(stack) > 0 && f.phase != "" && phaseOf(stack) != "" {
				im.diags.Warnf(st.Pos, "%q is nested inside %q: lessongen draws one frame at a time, so its steps take the innermost phase, %q", st.Keyword, stack[len(stack)-1].keyword, f.phase)
			}
			stack = append(stack, f)
		case Section:
			if len(stack) > 0 {
				top := &stack[len(stack)-1]
				top.keyword, top.text, top.phase = st.Keyword, st.Text, im.phase(st, phaseTitle(st.Keyword, st.Text))
			}
		case Close:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case Note:
			if rest, ok := strings.CutPrefix(st.Text, waitMark); ok && i+1 < len(sts) && sts[i+1].Kind != Close {
				wait = oneLine(rest)
				continue
			}
			fallthrough
		case Message:
			s := im.step(st, phaseOf(stack))
			s.Wait, wait = wait, ""
			out = append(out, s)
		}
	}
	return out
}

// broadcastAt reports whether the statement at i opens a "par" whose every
// section is one message, all from one sender with one text and one arrow,
// to different receivers: a broadcast, as Export writes it. It returns the
// number of receivers, or 0.
func broadcastAt(sts []Statement, i int) int {
	if sts[i].Keyword != "par" || sts[i].Text != "" {
		return 0
	}
	n := 0
	seen := map[string]bool{}
	for j := i + 1; j+1 < len(sts); j += 2 {
		m, next := sts[j], sts[j+1]
		if m.Kind != Message || seen[m.To] || m.From == m.To {
			return 0
		}
		if first := sts[i+1]; m.From != first.From || m.Text != first.Text || m.Arrow != first.Arrow {
			return 0
		}
		seen[m.To] = true
		n++
		switch {
		case next.Kind == Close:
			if n < 2 {
				return 0
			}
			return n
		case next.Kind != Section || next.Keyword != "and" || next.Text != "":
			return 0
		}
	}
	return 0
}

// phaseOf is the innermost phase of the open fragments.
func phaseOf(stack []frame) string {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i].phase != "" {
			return stack[i].phase
		}
	}
	return ""
}

// phase is title as the phase of the steps st opens, shortened to what a
// phase holds, with a warning, as a name or a label is.
func (im *importer) phase(st Statement, title string) string {
	if n := utf8.RuneCountInString(title); n > content.MaxLabel {
		im.diags.Warnf(st.Pos, "the phase %q is %d characters long; lessongen keeps %d", shorten(title, 40), n, content.MaxLabel)
		return shorten(title, content.MaxLabel)
	}
	return title
}

// phaseTitle is "loop: Every minute", or "loop" for a fragment without
// text.
func phaseTitle(keyword, text string) string {
	if keyword == "par_over" {
		keyword = "par"
	}
	if text = oneLine(text); text != "" {
		return keyword + ": " + text
	}
	return keyword
}

func (im *importer) step(st Statement, phase string) content.DraftStep {
	s := content.DraftStep{Phase: phase}
	text := st.Text
	if st.Kind == Message {
		s.From, s.To = im.ids[st.From], im.ids[st.To]
		s.Reply, s.Lost = st.Arrow.Dotted, st.Arrow.Cross
		if rest, ok := strings.CutPrefix(text, secureMark); ok {
			s.Secure, text = true, rest
		}
		switch {
		case st.Arrow.Both:
			im.warnOnce("both", st.Pos, "%s points both ways; lessongen draws it from %s to %s, and the narration can tell the rest", st.Arrow.Token, st.From, st.To)
		case st.Arrow.Half:
			im.warnOnce("half", st.Pos, "half arrowheads (%s) are drawn as whole ones", st.Arrow.Token)
		}
		if st.Arrow.Central {
			im.warnOnce("central", st.Pos, "central connections \"()\" are drawn as ordinary messages")
		}
	} else {
		s.Note = []string{im.ids[st.From]}
		if st.To != st.From {
			s.Note = append(s.Note, im.ids[st.To])
		}
		if st.Placement != "over" {
			im.warnOnce("placement", st.Pos, "notes %s a participant are drawn over it: lessongen places every note over its actors", st.Placement)
		}
	}
	s.Label = oneLine(text)
	switch n := utf8.RuneCountInString(s.Label); {
	case n == 0:
		im.diags.Warnf(st.Pos, "this %s has no text; it is labelled \"…\"", map[StatementKind]string{Message: "message", Note: "note"}[st.Kind])
		s.Label = "…"
	case n > content.MaxLabel:
		im.diags.Warnf(st.Pos, "the text is %d characters long, more than a label holds (%d): the label is shortened and the whole text is the step's narration", n, content.MaxLabel)
		s.Label = shorten(s.Label, labelWhenLong)
		s.Text = narration(text)
	}
	return s
}

// waitMark starts the text of a note that stands for the wait before the
// next step, in Mermaid as lessongen exports it.
const waitMark = "⏳ "

// secureMark starts the label of a message that travels encrypted, in
// Mermaid as lessongen exports it.
const secureMark = "🔒 "

// labelWhenLong is the length a too long label is cut to, in characters:
// what fits on two lines of a diagram.
const labelWhenLong = 60

// narration turns Mermaid text (lines from "<br/>") into Markdown, one
// line break for each.
func narration(t string) string {
	return strings.ReplaceAll(t, "\n", "  \n") + "\n"
}

// oneLine joins a text's lines with spaces. It collapses only ASCII
// white space: a no-break space is a word of the text, such as French's
// narrow one before "?" and ":", and must survive the round trip.
func oneLine(t string) string {
	return strings.Join(strings.FieldsFunc(t, isASCIISpace), " ")
}

func isASCIISpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
}

// shorten cuts s to at most n characters, at a space when there is one
// in its second half, and ends it with "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n - 1
	for i := cut; i > n/2; i-- {
		if unicode.IsSpace(r[i]) {
			cut = i
			break
		}
	}
	return strings.TrimSpace(string(r[:cut])) + "…"
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v = oneLine(v); v != "" {
			return v
		}
	}
	return ""
}

// asciiFold are letters that do not decompose into a Latin letter and
// marks.
var asciiFold = strings.NewReplacer("đ", "d", "Đ", "d", "ß", "ss", "æ", "ae", "Æ", "ae", "ø", "o", "Ø", "o", "ł", "l", "Ł", "l", "œ", "oe", "Œ", "oe", "þ", "th", "ð", "d")

// Slug makes an id (a-z, 0-9 and '-') from a name: "Web Server" is
// "web-server", "Người dùng" is "nguoi-dung". A name with no Latin letters
// or digits (中文) gives "".
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(asciiFold.Replace(name)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.TrimRight(b.String(), "-")
}

// SceneIDs gives n scenes their ids: id itself for one scene, id-1, id-2...
// for several; without an id, each from its title (or fallback) with
// counters against clashes. taken reports ids already in use.
func SceneIDs(id string, titles []string, fallback string, taken func(string) bool) []string {
	out := make([]string, len(titles))
	used := map[string]bool{}
	for i, t := range titles {
		base := id
		switch {
		case id != "" && len(titles) > 1:
			base = fmt.Sprintf("%s-%d", id, i+1)
		case id == "":
			if base = Slug(t); base == "" {
				base = Slug(fallback)
			}
			if base == "" {
				base = "diagram"
			}
		}
		candidate := base
		for n := 2; used[candidate] || (id == "" && taken(candidate)); n++ {
			candidate = fmt.Sprintf("%s-%d", base, n)
		}
		used[candidate] = true
		out[i] = candidate
	}
	return out
}
