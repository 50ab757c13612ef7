package content

// Limits on content, so that a mistaken or hostile file gets a clear message
// instead of a build that runs out of time or memory. Each is far beyond what
// a readable lesson needs. Text limits count characters and hold for the
// source and for every translation alike (checkLimits); together with the
// limits on Markdown (markdownProblem) and the budget of each scene's pages
// (MaxPageBytes), they bound what a build writes for each byte it reads.
const (
	// MaxFileSize is the largest content file read, in bytes.
	MaxFileSize = 4 << 20
	// MaxActors is the most actors a scene may have: more do not fit a page.
	MaxActors = 16
	// MaxSteps is the most steps a scene may have.
	MaxSteps = 500
	// MaxLanguages is the most languages a site may have, the source
	// language included: each one is a whole copy of the site.
	MaxLanguages = 50
	// MaxTopics, MaxFields, MaxReferences and MaxRelated are the most
	// topics of a site, header fields of a step, references and related
	// scenes of a scene.
	MaxTopics     = 100
	MaxFields     = 30
	MaxReferences = 50
	MaxRelated    = 50

	// MaxID is the longest id: of a scene (its file name), a topic, an
	// actor or a step.
	MaxID = 64
	// MaxTitle is the longest title: of the site, a topic or a scene.
	// Titles are repeated on every page of a scene.
	MaxTitle = 200
	// MaxReferenceTitle is the longest title of a reference: an RFC's
	// title, with what it says in the reader's language.
	MaxReferenceTitle = 500
	// MaxSummary is the longest summary of a scene or description of the
	// site.
	MaxSummary = 1000
	// MaxLabel is the longest label, phase or wait, in characters: they are
	// drawn on the diagram, the narration is the place for more.
	MaxLabel = 200
	// MaxName is the longest actor name, or name of a language.
	MaxName = 60
	// MaxFieldName and MaxFieldValue are the longest name and value of a
	// header field.
	MaxFieldName  = 100
	MaxFieldValue = 1000
	// MaxURL is the longest URL: of a reference, or the site's baseURL.
	MaxURL = 2000
	// MaxText is the longest narration of one step, in characters.
	MaxText = 20000
	// MaxUI is the longest UI string ("Next", "Step {n} of {total}").
	MaxUI = 200

	// MaxDepth is how deeply narration may nest quotes and lists, and
	// MaxTableColumns and MaxTableCells the largest table it may hold:
	// Markdown's cost grows with them, not only with the text's length.
	MaxDepth        = 16
	MaxTableColumns = 32
	MaxTableCells   = 2000

	// MaxPageBytes is the most bytes of pages a scene may make in one
	// language, and MaxBytesPerByte the most for each byte of its file and
	// translation: every step page lists every step, so a scene's pages
	// grow with the square of its steps.
	MaxPageBytes    = 64 << 20
	MaxBytesPerByte = 2000
)
