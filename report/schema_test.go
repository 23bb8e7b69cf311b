package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/diff"
)

const schemaPath = "schema/report.schema.json"

// reportSchema compiles the JSON report's schema. The schema allows keys
// it does not name, as the contract lets version 1 add keys; strict
// closes every object it describes (additionalProperties: false), so that
// validating against it checks that the schema names every key the
// report writes.
func reportSchema(t *testing.T, strict bool) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	id, _ := doc.(map[string]any)["$id"].(string)
	if id == "" {
		t.Fatalf("%s has no $id", schemaPath)
	}
	if strict {
		closeObjects(doc)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return sch
}

// closeObjects sets additionalProperties to false in every schema of type
// object that lists its properties.
func closeObjects(v any) {
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["properties"]; ok && v["type"] == "object" {
			if _, set := v["additionalProperties"]; !set {
				v["additionalProperties"] = false
			}
		}
		for _, x := range v {
			closeObjects(x)
		}
	case []any:
		for _, x := range v {
			closeObjects(x)
		}
	}
}

func validateJSON(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

func reportJSON(t *testing.T, c *diff.Comparison) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := JSON(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestSchemaValidates checks the golden JSON report and reports on
// other comparisons (a glossary, a move, no metrics, identical texts,
// empty texts) against the schema, and against its strict form.
func TestSchemaValidates(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("..", "testdata", "golden", "readout.json"))
	if err != nil {
		t.Fatal(err)
	}
	glossary := []diff.Term{{A: "Kremlin", B: "Kremlin Palace"}, {A: "talks", B: "talks", Rejected: []string{"interviews"}}}
	readout := readoutComparison(t)
	docs := map[string][]byte{
		"golden readout.json":     golden,
		"readout with a glossary": reportJSON(t, diff.Compare(readout.A, readout.B, diff.Options{Glossary: glossary})),
		"a move": reportJSON(t, diff.Compare(
			diff.Document{Name: "a", Text: "The ministers met. They signed the plan. Then they spoke to the press."},
			diff.Document{Name: "b", Text: "They signed the plan. The ministers met. Then they spoke to the press."},
			diff.Options{})),
		"the same":  reportJSON(t, diff.Compare(diff.Document{Name: "a", Text: "One. Two."}, diff.Document{Text: "One. Two."}, diff.Options{Metrics: true})),
		"empty":     reportJSON(t, diff.Compare(diff.Document{}, diff.Document{}, diff.Options{})),
		"cross":     reportJSON(t, diff.Compare(diff.Document{Text: "中国和俄罗斯。"}, diff.Document{Text: "Китай и Россия."}, diff.Options{LangA: language.Chinese, LangB: language.Russian})),
		"a hostile": reportJSON(t, hostileComparison()),
	}
	if !strings.Contains(string(docs["readout with a glossary"]), `"glossary": [`) {
		t.Error("the glossary comparison has no glossary departures to validate")
	}
	open, strict := reportSchema(t, false), reportSchema(t, true)
	undescribed := strings.Replace(string(golden), `"kind": `, `"colour": "red", "kind": `, 1)
	if validateJSON(t, open, []byte(undescribed)) != nil || validateJSON(t, strict, []byte(undescribed)) == nil {
		t.Error("the open schema must take a key it does not name, the strict one must not")
	}
	for name, data := range docs {
		if err := validateJSON(t, open, data); err != nil {
			t.Errorf("%s does not validate against %s:\n%v", name, schemaPath, err)
		}
		if err := validateJSON(t, strict, data); err != nil {
			t.Errorf("%s has keys %s does not describe:\n%v", name, schemaPath, err)
		}
	}
}

// TestSchemaRejects checks that the schema is not too lax: reports broken
// in one place each fail validation.
func TestSchemaRejects(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("..", "testdata", "golden", "readout.json"))
	if err != nil {
		t.Fatal(err)
	}
	g := string(golden)
	sch := reportSchema(t, false)
	for _, tt := range []struct{ name, old, new string }{
		{"kind banana", `"kind": "shift"`, `"kind": "banana"`},
		{"flag unknown", `"flags": []`, `"flags": ["loud"]`},
		{"severity unknown", `"severity": "major"`, `"severity": "huge"`},
		{"version 2", `"version": 1`, `"version": 2`},
		{"negative offset", `"a_start": `, `"a_start": -1, "y": `},
		{"offset as a string", `"b_end": `, `"b_end": "1", "x": `},
		{"null list", `"flags": []`, `"flags": null`},
		{"no summary", `"summary": {`, `"summery": {`},
		{"move on a shift", `"kind": "shift",`, `"move": 3, "kind": "shift",`},
		{"move without its number", `"move": 1`, `"moved": 1`},
		{"segment without text", `"text": "Moscow, May 8, 2025",`, ``},
		// Each kind's sides (issue 19): ", " → " and" as an insertion, as
		// it was written before punctuation counted.
		{"insertion with A text", "\"kind\": \"shift\",\n          \"a\": \",\",", "\"kind\": \"insertion\",\n          \"a\": \",\","},
		{"insertion without B text", "\"a\": \"\",\n          \"b\": \",\",", "\"a\": \"\",\n          \"b\": \" \","},
		{"omission with B text", "\"kind\": \"omission\",\n          \"a\": \",\",\n          \"b\": \"\",", "\"kind\": \"omission\",\n          \"a\": \",\",\n          \"b\": \"-\","},
		{"shift with an empty side", "\"kind\": \"insertion\",\n          \"a\": \"\",", "\"kind\": \"shift\",\n          \"a\": \"\","},
		{"move with both sides", "\"a\": \"\",\n          \"b\": \"The two presidents also met the press jointly.\",", "\"a\": \"x\",\n          \"b\": \"The two presidents also met the press jointly.\","},
		{"trivial of severity minor", "\"kind\": \"insertion\",\n          \"a\": \"\",\n          \"b\": \",\",", "\"kind\": \"trivial\",\n          \"a\": \"\",\n          \"b\": \",\","},
		{"omission of severity trivial", "\"b_end\": 3735,\n          \"flags\": [],\n          \"severity\": \"minor\"", "\"b_end\": 3735,\n          \"flags\": [],\n          \"severity\": \"trivial\""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(g, tt.old) {
				t.Fatalf("readout.json has no %q to break", tt.old)
			}
			broken := strings.Replace(g, tt.old, tt.new, 1)
			if err := validateJSON(t, sch, []byte(broken)); err == nil {
				t.Errorf("the report with %s validates", tt.name)
			}
		})
	}
}
