// Package golden compares what a test produced with its golden copy in
// testdata, and says how they differ as a unified diff, so that a failing
// golden test shows the change rather than "differs".
//
// It is imported by tests only; it is the one place the diff library is
// imported.
package golden

import (
	"regexp"

	udiff "github.com/aymanbagabas/go-udiff"
)

// Diff returns a unified diff from want (the golden file, named name) to
// got, with three lines of context, or "" when they are the same.
func Diff(name string, want, got []byte) string {
	if string(want) == string(got) {
		return ""
	}
	return udiff.Unified(name, "got", string(want), string(got))
}

// assetName matches a content-hashed theme asset as pages link it:
// assets/style.2b444d5cc3.css.
var assetName = regexp.MustCompile(`(assets/[A-Za-z0-9_-]+)\.[0-9a-f]{10}\.(css|js)\b`)

// Assets replaces the hash in each content-hashed asset name with HASH,
// so that a change to the stylesheet does not rewrite every page's golden
// file. A test that does this must check the real names some other way
// (see AssetNames).
func Assets(page []byte) []byte {
	return assetName.ReplaceAll(page, []byte("$1.HASH.$2"))
}

// AssetNames returns the content-hashed asset names a page links, as
// written.
func AssetNames(page []byte) []string {
	var names []string
	for _, m := range assetName.FindAll(page, -1) {
		names = append(names, string(m))
	}
	return names
}
