package content

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Fingerprint is a short hash of a text, recorded beside each translation
// to notice when the source text changes after the translation was made.
func Fingerprint(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}

// fpPrefix starts the comment line, above a translated key, that records the
// fingerprints of the source text and of the translation.
const fpPrefix = "# fp: "

// parseFingerprints finds the fingerprints in a key's head comment.
func parseFingerprints(comment string) (source, text string) {
	for _, line := range strings.Split(comment, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), fpPrefix); ok {
			f := strings.Fields(rest)
			if len(f) == 2 {
				return f[0], f[1]
			}
		}
	}
	return "", ""
}
