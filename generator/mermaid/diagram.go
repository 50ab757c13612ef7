package mermaid

import "github.com/lessongen/lessongen/generator/diag"

// Diagram is one sequence diagram as Mermaid reads it: texts are decoded
// (entity codes, "<br/>") and trimmed as Mermaid trims them.
type Diagram struct {
	// Pos is where the "sequenceDiagram" keyword is.
	Pos diag.Pos
	// Title comes from a "title" statement, or the front matter's title.
	Title    string
	TitlePos diag.Pos
	// AccTitle and AccDescr are the accessible title and description.
	AccTitle, AccDescr string
	// Participants are in the order Mermaid draws them: declared or first
	// named in a message or note.
	Participants []*Participant
	Statements   []Statement
}

// Participant is one lifeline.
type Participant struct {
	// ID is the name messages use.
	ID string
	// Name is the alias ("participant A as Alice"), or the ID.
	Name string
	// Actor is set for "actor" (a stick figure in Mermaid).
	Actor bool
	// Type is the symbol asked for with @{"type": ...}: boundary,
	// control, entity, database, collections or queue; "" for none.
	Type string
	// Box is the title of the box the participant was declared in.
	Box string
	// Created is set for "create participant"; Destroyed for "destroy".
	Created, Destroyed bool
	Pos                diag.Pos
}

// StatementKind tells the statements that Import turns into steps and
// phases.
type StatementKind int

// The kinds of statement.
const (
	// Message is an arrow between two participants, or from one to itself.
	Message StatementKind = iota
	// Note is "Note left of | right of | over".
	Note
	// Open starts a fragment: loop, alt, opt, par, par_over, critical,
	// break or rect.
	Open
	// Section starts the next section of the open fragment: else, and or
	// option.
	Section
	// Close is the "end" of a fragment.
	Close
)

// Statement is one statement that has a place in the sequence.
type Statement struct {
	Kind StatementKind
	Pos  diag.Pos
	// From and To are a message's participants, by ID; for a note, the
	// one or two participants it is beside or over.
	From, To string
	Arrow    Arrow
	// Text is the message's, note's or fragment's text, decoded.
	Text string
	// Placement is a note's "left of", "right of" or "over".
	Placement string
	// Keyword is a fragment's: "loop", "alt", "else"..., lower-case.
	Keyword string
	// Phase is set on the Open statement of a rect that lessongen exported
	// (a "%% phase: ..." line right after it): the phase it stands for.
	Phase string
}

// Arrow is what a message's arrow says.
type Arrow struct {
	// Token is the arrow as written: "->>", "--x", "<<-->>"...
	Token string
	// Dotted lines are replies in lessongen.
	Dotted bool
	// Cross arrows ("-x", "--x") mark a lost message.
	Cross bool
	// Both is set for the bidirectional arrows ("<<->>", "<<-->>").
	Both bool
	// Half is set for the half arrowheads of Mermaid 11.12.3.
	Half bool
	// Central is set when "()" joins the arrow to a lifeline's centre.
	Central bool
}
