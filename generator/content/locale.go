package content

import (
	"github.com/lessongen/lessongen/generator/diag"
	"github.com/lessongen/lessongen/generator/locale"
)

// Language is one language of the site: the source language, in which the
// scene files are written, or a translation from content/locales/<tag>/.
type Language struct {
	// Tag is the BCP 47 tag, spelt as the folder is named.
	Tag string
	// Name is the language's name in itself, such as 日本語.
	Name string
	// Dir is "ltr" or "rtl".
	Dir string
	// Source is true for the language the scene files are written in.
	Source bool
	// Path is the locale folder, as messages print it; "" for the source.
	Path string

	Title, Description Translation
	// Topics are the translated topic titles, by topic id.
	Topics map[string]Translation
	// Scenes are the scene translations, by scene id.
	Scenes map[string]*SceneTranslation
	// UI overrides the theme's UI strings (content/locales/<tag>/ui.yaml).
	UI     Strings
	UIPath string
	uiKeys map[string]diag.Pos // where each key of UI is written

	// matches line the translations up with the scenes they translate, by
	// scene id, and site with the site's own strings (see matching).
	matches map[string]*matching
	site    *matching
}

// sceneMatch returns the matching of the scene id's translation, empty
// when there is none.
func (l *Language) sceneMatch(id string) *matching {
	if m := l.matches[id]; m != nil {
		return m
	}
	return &matching{}
}

// siteMatch returns the matching of the translation of site.yaml.
func (l *Language) siteMatch() *matching {
	if l.site != nil {
		return l.site
	}
	return &matching{}
}

// Translation is one translated string.
type Translation struct {
	Text string
	// Pos is where the translation was written; KeyPos where its key was.
	Pos, KeyPos diag.Pos
	// Rec is the record in the comment above the key, or nil when there is
	// none.
	Rec *Record
}

// SceneTranslation translates one scene.
type SceneTranslation struct {
	Path           string
	Title, Summary Translation
	// Actors are actor names by actor id.
	Actors map[string]Translation
	// Steps are by step key: the step's id, or its number.
	Steps map[string]*StepTranslation
	// Phases are by the phase's source text.
	Phases map[string]Translation
	// References are reference titles by URL.
	References map[string]Translation
	// Bytes are the names and notes of the scene's byte views, by their
	// source text: each is translated once for every packet that shows it.
	Bytes map[string]Translation
	// FieldNames are the names of the steps' fields, by their source text:
	// each is translated once for every step that shows it.
	FieldNames map[string]Translation
}

// StepTranslation translates one step.
type StepTranslation struct {
	KeyPos      diag.Pos
	Label, Text Translation
	// Wait translates the step's wait, the time that passes before it.
	Wait Translation
	// Fields are field values by field name.
	Fields map[string]Translation
}

// NewLanguage returns a language with no translations yet, for a locale
// folder about to be created.
func NewLanguage(tag, path string) *Language {
	return &Language{Tag: tag, Name: locale.Name(tag), Dir: dirOf(tag), Path: path,
		Topics: map[string]Translation{}, Scenes: map[string]*SceneTranslation{}}
}
