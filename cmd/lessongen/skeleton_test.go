package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/generator/content"
)

// TestSkeletonNamesEveryKindAndField checks that the comments of "new scene"
// keep up with the content format: every actor kind and every step field.
func TestSkeletonNamesEveryKindAndField(t *testing.T) {
	var b strings.Builder
	if err := sceneSkeleton.Execute(&b, map[string]string{"Schema": "s", "Title": "T", "Topic": "t"}); err != nil {
		t.Fatal(err)
	}
	skeleton := b.String()
	for _, k := range content.Kinds {
		if !regexp.MustCompile(`# .*\b` + regexp.QuoteMeta(k) + `\b`).MatchString(skeleton) {
			t.Errorf("the skeleton's comments do not name the actor kind %q", k)
		}
	}
	for _, f := range []string{"note: [a, b, c]", "to: [a, b]", "transit: 2", "wait: \"RTO: 1 s\"", "secure: true", "lost: true", "fields:", "phase"} {
		if !strings.Contains(skeleton, f) {
			t.Errorf("the skeleton does not show %q", f)
		}
	}
}
