package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/lessongen/lessongen/generator/content"
	"github.com/lessongen/lessongen/generator/locale"
)

// i18nSite loads the content in dir and returns the site and its language
// tag, which must be a translation of the site unless create is set, when
// a new one is made for a locale folder that does not exist yet.
func i18nSite(dir, tag string, create bool, stderr io.Writer) (*content.Site, *content.Language, error) {
	if !locale.Valid(tag) || locale.Canonical(tag) != tag {
		return nil, nil, usagef("%q is not a BCP 47 language tag spelt canonically (such as ja, zh-Hans or pt-BR)", tag)
	}
	site, _, err := loadValid(dir, stderr)
	if err != nil {
		return nil, nil, err
	}
	if tag == site.Language {
		return nil, nil, usagef("%q is the source language", tag)
	}
	for _, l := range site.Languages {
		if l.Tag == tag {
			return site, l, nil
		}
	}
	if !create {
		return nil, nil, usagef("%q is not a translated language of this site; start it with: lessongen i18n extract %s", tag, tag)
	}
	return site, content.NewLanguage(tag, filepath.ToSlash(filepath.Join(dir, "locales", tag))), nil
}

// localeFolder returns the folder of language l under the content folder dir.
func localeFolder(dir string, l *content.Language) string {
	return filepath.Join(dir, "locales", l.Tag)
}

// writeEdited prints the notes of an edit and writes its files into the
// locale folder of the content folder dir, each atomically, saying which
// it wrote.
func writeEdited(dir, folder string, ed content.Edited, stdout io.Writer) (int, error) {
	for _, d := range ed.Notes {
		fmt.Fprintln(stdout, d.String())
	}
	if len(ed.Files) > 0 {
		if err := os.MkdirAll(folder, 0o755); err != nil {
			return 0, err
		}
	}
	changed := 0
	for _, f := range ed.Files {
		p := filepath.Join(folder, f.Name)
		data := withSchemaLine(dir, f.Name, f.Data)
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := writeAtomic(p, data); err != nil {
			return changed, err
		}
		changed++
		fmt.Fprintf(stdout, "wrote %s\n", filepath.ToSlash(p))
	}
	return changed, nil
}

// withSchemaLine puts the editor's schema line first in a locale file, when
// the schemas are in the schema/ folder beside the content folder (as in a
// site that "lessongen new site" wrote), so that completion works there too.
func withSchemaLine(contentDir, name string, data []byte) []byte {
	schemaName := "locale-scene"
	switch name {
	case "site.yaml":
		schemaName = "locale-site"
	case "ui.yaml":
		schemaName = "ui"
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(filepath.Clean(contentDir)), "schema", schemaName+".schema.json")); err != nil {
		return data
	}
	line := "# yaml-language-server: $schema=../../../schema/" + schemaName + ".schema.json\n"
	if bytes.HasPrefix(data, []byte("# yaml-language-server:")) {
		return data
	}
	return append([]byte(line), data...)
}
