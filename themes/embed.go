// Package themes embeds lessongen's default theme into the binary, so that
// lessongen works from any folder. A site overrides any file of it by putting
// its own copy under themes/default/ beside its content folder.
package themes

import (
	"embed"
	"io/fs"
)

// "all:" because template partials have names that start with "_", which
// the embed directive leaves out otherwise.
//
//go:embed all:default
var files embed.FS

// Default is the default theme: templates/, assets/ and i18n/.
var Default, _ = fs.Sub(files, "default")
