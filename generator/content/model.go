// Package content loads a lessongen site from its YAML files into a
// validated model.
//
// It is the only package that knows YAML. Every problem it finds is reported
// as a diag.Diagnostic at the line and column the author wrote, all of them in
// one pass; later stages receive a Site they can trust and never re-check.
package content

import "github.com/lessongen/lessongen/generator/diag"

// Site is the whole content of a site: its settings from site.yaml and its
// scenes, in the order the index lists them.
type Site struct {
	Title       string
	Description string
	// TitleLang and DescriptionLang, and the other ...Lang fields of the
	// model, name the language of a string that fell back to the source
	// language in a translated site; they are "" when the string is in the
	// site's language.
	TitleLang, DescriptionLang string
	// Language is the BCP 47 tag of the language the scene files are written in.
	Language string
	// BaseURL is where the site is published; "/" when not set.
	BaseURL string
	Topics  []Topic
	// Languages are the site's languages: the source language first, then
	// each translation in content/locales/.
	Languages []*Language
	// LanguageList is site.yaml's languages list, or nil when it has none.
	LanguageList []Ref
	// Files holds the hash of every content file read (Hash), by the path
	// messages print, so that a rebuild can tell what changed.
	Files map[string]uint64
	// Sizes holds the size in bytes of every content file read, by the
	// same paths, for the budget of each scene's pages.
	Sizes map[string]int64
	// topicsBroken is set when the topics could not be read, so that scenes
	// are not also told their topic is unknown.
	topicsBroken bool
	// cache, when the site was loaded with one, keeps In's translated
	// scenes too.
	cache *Cache
	// sources are where the site's translatable strings were written.
	sources sources
	// Scenes are sorted by topic (in the order of Topics), then by Order,
	// then by ID.
	Scenes []*Scene
}

// Topic groups scenes on the index.
type Topic struct {
	ID        string
	Title     string
	TitleLang string
	Pos       diag.Pos
}

// Scene is one lesson: actors and the steps between them.
type Scene struct {
	// ID is the scene file's name without ".yaml".
	ID string
	// Path is the file the scene was read from, as diagnostics print it.
	Path    string
	Title   string
	Summary string
	// Lang is the language the scene is in: the source language, or the
	// language it was translated into by Site.In.
	Lang                   string
	TitleLang, SummaryLang string
	Topic                  string
	TopicPos               diag.Pos
	Order                  int
	Actors                 []Actor
	Steps                  []Step
	References             []Reference
	// Related lists other scenes worth reading next.
	Related []Ref
	// sources are where the scene's translatable strings were written, by
	// their key in a locale file.
	sources sources
}

// Ref is a reference by id to another scene or a language, with where it
// was written.
type Ref struct {
	ID  string
	Pos diag.Pos
}

// Actor is a participant drawn as a box with a lifeline.
type Actor struct {
	ID       string
	Name     string
	NameLang string
	// Kind picks the icon; one of Kinds, or "" for none.
	Kind string
}

// Kinds lists the actor kinds that have an icon.
var Kinds = []string{"pc", "phone", "server", "router", "dns", "ca", "cloud", "database", "person", "switch", "firewall", "mail",
	"laptop", "tablet", "access-point", "load-balancer", "proxy", "cdn"}

// StepKind tells a message from a note.
type StepKind int

// The kinds of step.
const (
	// Message is an arrow from one actor to another, or to itself.
	Message StepKind = iota
	// Note is an action of one actor, or of several, with no arrow.
	Note
)

// MaxTransit is the most rows a message may take to arrive.
const MaxTransit = 8

// Step is one page of the lesson.
//
// The constructs of issue #17 and how a format without them (Mermaid's
// sequenceDiagram) can draw them: a broadcast (len(Receivers) > 1) as one
// message per receiver, or a "par" block of them; a note over several
// actors as "Note over" its leftmost and rightmost actor; a message in
// flight (Transit > 0) as a plain horizontal message, since Mermaid has no
// sloped arrows; a wait as a "Note over" every actor holding its text, or
// a "rect" band, before the step.
type Step struct {
	// ID is the author's stable key for the step, or "".
	ID string
	// Key is ID, or the step's number when it has no ID: the key translations
	// and anchors use.
	Key  string
	Kind StepKind
	// From and To index Scene.Actors. For a message, To is its receiver,
	// or the farthest of a broadcast's receivers from the sender. For a
	// note they are the leftmost and rightmost actor it spans, From <= To.
	From, To int
	// Receivers are the actors a message is delivered to, the nearest to
	// the sender first: To alone, or two or more for a broadcast ("to: [a,
	// b, c]"), all on the same side of the sender. Nil for a note.
	Receivers []int
	// Over lists the actors a note names, in the order of Scene.Actors; it
	// spans from the first (From) to the last (To). Nil for a message.
	Over []int
	// Label is the short plain text drawn on the diagram.
	Label string
	// Text is the narration, in Markdown.
	Text                string
	LabelLang, TextLang string
	Fields              []Field
	// Reply messages are drawn dashed.
	Reply bool
	// Secure messages travel encrypted and are drawn with a lock.
	Secure bool
	// Lost messages never arrive and are drawn ending in a cross; a lost
	// broadcast reaches none of its receivers.
	Lost bool
	// Transit is how many rows a message takes to arrive, from 1 to
	// MaxTransit, drawn as a line sloping down to the row Transit steps
	// later; 0 for a message that arrives at once, and for notes.
	Transit int
	// Wait is the time that passes before the step, such as "RTO: 1 s",
	// drawn as a break in the lifelines above it; "" for none.
	Wait     string
	WaitLang string
	// Phase names the frame drawn around consecutive steps with the same phase.
	Phase     string
	PhaseLang string
	// Bytes are the packet's bytes with their fields named, or nil.
	Bytes *ByteView
	Pos   diag.Pos
}

// Field is a header field shown with a step, such as seq: x.
type Field struct {
	Name, NameLang   string
	Value, ValueLang string
}

// Reference is a source a scene cites.
type Reference struct {
	Title     string
	TitleLang string
	URL       string
}
