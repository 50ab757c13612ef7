package layout

// Sizes of the diagram, in SVG user units (CSS pixels at 100%). They live
// together so that the whole look can be tuned in one place.
const (
	Margin = 16 // around the whole diagram

	NameSize       = 14  // actor names, bold
	LabelSize      = 14  // message labels
	NoteSize       = 13  // note text
	NumberSize     = 11  // the step number inside its badge, bold
	LineHeight     = 1.3 // line pitch of wrapped text, in ems
	MaxNameWidth   = 130 // actor names wrap beyond this
	MaxLabelWidth  = 220 // message labels wrap beyond this
	MaxNoteWidth   = 200 // note text wraps beyond this
	MinActorWidth  = 88  // narrowest actor head
	ActorPadX      = 10  // inside an actor head, each side of the name
	IconSize       = 32  // actor icon, square
	IconGap        = 4   // between the icon and the name
	HeadPadY       = 8   // inside an actor head, above the icon and below the name
	MinActorGap    = 24  // between two neighbouring actor heads
	HeadToFirstRow = 20  // from the actor heads to the first row

	NumberRadius = 9  // step number badge: a circle, or a pill for long numbers
	NumberPadX   = 3  // inside a pill, each side of the number
	NumberGap    = 5  // between the number badge and the label
	LockWidth    = 10 // the padlock drawn before a secure label
	LockGap      = 4  // between the padlock and the label
	LabelGap     = 5  // from the label's last baseline down to its descenders' room
	LabelToLine  = 4  // from there down to the arrow
	LabelPadX    = 12 // kept free at each end of an arrow, beside its label
	ArrowHead    = 8  // arrowhead length
	ArrowHalf    = 4  // arrowhead half width
	RowGap       = 14 // between one row's bottom and the next row's top
	MinRowHeight = 32 // the height of a one-line row, message or note: a steady pitch
	SelfLoopW    = 28 // how far a message to oneself loops out
	SelfLoopH    = 18 // how far it drops before coming back
	CrossSize    = 5  // half the size of the cross ending a lost message

	NotePadX = 10 // inside a note, each side
	NotePadY = 7  // inside a note, above and below the text

	PhasePad      = 10 // between a phase frame and what it frames
	PhaseTitlePad = 6  // inside the phase title tab
	PhaseTabGap   = 6  // between the phase title tab and the first row

	// ViewHeight is the tallest a step's view gets. Beyond it the view shows
	// the actors pinned at the top and the most recent rows below them, so
	// the current message is on screen without scrolling on a 1280×720 or
	// 390×844 viewport (at most ViewHeight CSS pixels, or fewer where the
	// diagram is scaled down to the page's width).
	ViewHeight = 520
)

const (
	NoteOverhang   = 20 // how far a note over two actors reaches beyond their lifelines
	SelfLabelInset = 6  // from the lifeline to a message-to-oneself's label
	PhaseTabNotch  = 8  // the cut corner of a phase title tab
)
