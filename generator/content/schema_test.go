package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lessongen/lessongen/schema"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"gopkg.in/yaml.v3"
)

func compileSchemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	out := map[string]*jsonschema.Schema{}
	for _, name := range schema.Names {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema.Get(name)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		url := name + ".schema.json"
		if err := c.AddResource(url, doc); err != nil {
			t.Fatal(err)
		}
		if out[name], err = c.Compile(url); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return out
}

// yamlToJSON turns a YAML document into the JSON value a schema validates.
func yamlToJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(stringKeys(v))
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// stringKeys makes every mapping's keys strings, as JSON has them: a key
// with a tag ("!data Host: example.com") decodes as a map with any keys.
func stringKeys(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = stringKeys(e)
		}
	case map[any]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[fmt.Sprint(k)] = stringKeys(e)
		}
		return m
	case []any:
		for i, e := range x {
			x[i] = stringKeys(e)
		}
	}
	return v
}

// TestSchemasAcceptEveryFile validates every content, locale and UI string
// file in the repository against the schema an editor would use for it.
func TestSchemasAcceptEveryFile(t *testing.T) {
	schemas := compileSchemas(t)
	check := func(name, glob string) {
		files, _ := filepath.Glob(glob)
		if len(files) == 0 {
			t.Errorf("no files match %s", glob)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := schemas[name].Validate(yamlToJSON(t, data)); err != nil {
				t.Errorf("%s does not validate against %s.schema.json: %v", f, name, err)
			}
		}
	}
	for _, root := range []string{"../../content", "../pipeline/testdata/fixture", "../../e2e/constructs", "../../docs/constructs"} {
		check("site", root+"/site.yaml")
		check("scene", root+"/scenes/*.yaml")
	}
	check("locale-site", "../pipeline/testdata/fixture/locales/*/site.yaml")
	check("locale-scene", "../pipeline/testdata/fixture/locales/*/constructs.yaml")
	check("ui", "../../themes/default/i18n/*.yaml")
	if files, _ := filepath.Glob("../../content/locales/*/*.yaml"); len(files) > 0 {
		for _, f := range files {
			name := "locale-scene"
			switch filepath.Base(f) {
			case "site.yaml":
				name = "locale-site"
			case "ui.yaml":
				name = "ui"
			}
			data, _ := os.ReadFile(f)
			if err := schemas[name].Validate(yamlToJSON(t, data)); err != nil {
				t.Errorf("%s does not validate against %s.schema.json: %v", f, name, err)
			}
		}
	}
}

func TestSchemaAcceptsEveryConstruct(t *testing.T) {
	if err := compileSchemas(t)["scene"].Validate(yamlToJSON(t, []byte(constructsScene))); err != nil {
		t.Error(err)
	}
}

// TestSchemasRejectMalformedScenes checks that the mistakes an editor can
// flag from one file alone are flagged. (References to other files, such as
// an unknown actor or topic, are beyond a schema; lessongen check reports
// them.)
func TestSchemasRejectMalformedScenes(t *testing.T) {
	s := compileSchemas(t)["scene"]
	step := func(body string) string {
		return strings.Replace(okScene, "  - from: pc\n    to: server\n    label: SYN\n    text: Hello.\n", body, 1)
	}
	for name, doc := range map[string]string{
		"typo":            step("  - from: pc\n    to: server\n    lable: SYN\n"),
		"unknown field":   step("  - from: pc\n    to: server\n    label: SYN\n    colour: red\n"),
		"missing label":   step("  - from: pc\n    to: server\n"),
		"note and from":   step("  - from: pc\n    note: pc\n    to: server\n    label: X\n"),
		"neither":         step("  - label: X\n"),
		"reply on note":   step("  - note: pc\n    label: X\n    reply: true\n"),
		"bool not bool":   step("  - from: pc\n    to: server\n    label: X\n    lost: sometimes\n"),
		"label list":      step("  - from: pc\n    to: server\n    label: [a, b]\n"),
		"numeric step id": step("  - id: \"3\"\n    note: pc\n    label: X\n"),
		"id with slash":   strings.Replace(okScene, "id: pc", "id: a/b", 1),
		"id upper case":   strings.Replace(okScene, "id: pc", "id: PC", 1),
		"unknown kind":    strings.Replace(okScene, "kind: server", "kind: sever", 1),
		"order not int":   strings.Replace(okScene, "topic: web", "topic: web\norder: first", 1),
		"missing title":   strings.Replace(okScene, "title: A scene\n", "", 1),
		"no steps":        strings.Replace(okScene, "steps:", "stepz:", 1),
		"bad url":         okScene + "references:\n  - title: X\n    url: javascript:alert(1)\n",
		"label too long":  step("  - note: pc\n    label: " + strings.Repeat("x", 201) + "\n"),
		"empty note list": step("  - note: []\n    label: X\n"),
		"note twice":      step("  - note: [pc, server, pc]\n    label: X\n"),
		"to list of one":  step("  - from: pc\n    to: [server]\n    label: X\n"),
		"to twice":        step("  - from: pc\n    to: [server, server]\n    label: X\n"),
		"transit 0":       step("  - from: pc\n    to: server\n    label: X\n    transit: 0\n"),
		"transit 20":      step("  - from: pc\n    to: server\n    label: X\n    transit: 20\n"),
		"transit 1.5":     step("  - from: pc\n    to: server\n    label: X\n    transit: 1.5\n"),
		"transit on note": step("  - note: pc\n    label: X\n    transit: 2\n"),
		"empty wait":      step("  - note: pc\n    label: X\n    wait: \"\"\n"),
	} {
		if err := s.Validate(yamlToJSON(t, []byte(doc))); err == nil {
			t.Errorf("%s: the scene schema accepts it", name)
		}
	}
}
