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

	WaitPadX  = 8  // inside a wait's box, each side of its text
	WaitPadY  = 4  // inside a wait's box, above and below its text
	WaitGap   = 10 // between a wait's box and the ends of its zig-zags
	WaitRound = 12 // the corner radius of a wait's box

	PlatePad = 2 // around a label, in the box that hides lines passing behind it

	PhasePad      = 10 // between a phase frame and what it frames
	PhaseTitlePad = 6  // inside the phase title tab
	PhaseTabGap   = 6  // between the phase title tab and the first row
)

// RowPitch is how far apart the rows a message in flight arrives in are
// taken to be beyond the last step: one-line rows.
const RowPitch = MinRowHeight + RowGap

// maxPasses bounds how often the rows are stacked again to make room for
// the arrowheads of messages in flight.
const maxPasses = 24

const (
	NoteOverhang   = 20 // how far a note over two actors reaches beyond their lifelines
	SelfLabelInset = 6  // from the lifeline to a message-to-oneself's label
	PhaseTabNotch  = 8  // the cut corner of a phase title tab
)

// The lanes layout for phones (see Narrow) and the fitting of the classic
// layout to a width (see Fit).
const (
	PhoneWidth   = 320 // the narrow layout's width: a 320 px phone's, drawn at 100%
	DesktopWidth = 800 // what a step page's diagram fits at 1280 px, beside the narration

	LaneNameSize     = 11 // actor names, bold, in lanes: the least text size, so that a name such as example.com fits whole
	LaneIconSize     = 24 // actor icons, in lanes
	LanePadX         = 2  // inside a lane's head, each side of the name
	LaneGap          = 6  // between two heads side by side
	LaneRowGap       = 6  // between the two rows of staggered heads
	MinLanePitch     = 44 // the least room per actor across a lanes layout
	MinLaneHeadW     = 36 // the narrowest head in a lane
	MaxLaneNameLines = 2  // a name on more lines staggers the heads
	LaneLabelLift    = 3  // more room between a label and its line in lanes

	FitStep     = 20  // how much narrower labels wrap at each try to fit a width
	MinFitLabel = 140 // the narrowest that labels wrap to fit a width; lanes are next
)
