// Package schema holds the JSON Schemas of lessongen's content files, for
// editors: VS Code and JetBrains IDEs complete field names and flag
// mistakes as the author types. "lessongen schema NAME" prints them.
package schema

import "embed"

//go:embed *.schema.json
var files embed.FS

// Names lists the schemas: site, scene, locale-site, locale-scene and ui.
var Names = []string{"site", "scene", "locale-site", "locale-scene", "ui"}

// Get returns the schema called name, or nil.
func Get(name string) []byte {
	data, err := files.ReadFile(name + ".schema.json")
	if err != nil {
		return nil
	}
	return data
}
