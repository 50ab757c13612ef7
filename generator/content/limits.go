package content

// Limits on content, so that a mistaken or hostile file gets a clear message
// instead of a build that runs out of time or memory. Each is far beyond what
// a readable lesson needs.
const (
	// MaxFileSize is the largest content file read, in bytes.
	MaxFileSize = 4 << 20
	// MaxActors is the most actors a scene may have: more do not fit a page.
	MaxActors = 16
	// MaxSteps is the most steps a scene may have.
	MaxSteps = 500
	// MaxLabel is the longest label, in characters: labels are drawn on the
	// diagram, the narration is the place for more.
	MaxLabel = 200
	// MaxName is the longest actor name, in characters.
	MaxName = 60
	// MaxText is the longest narration of one step, in characters.
	MaxText = 20000
)
