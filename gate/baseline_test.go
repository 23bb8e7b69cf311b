package gate_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/gate"
)

func TestReadBaseline(t *testing.T) {
	for _, tt := range []struct {
		name, json string
		want       string // the error's Msg, a prefix of it; "" for none
		dirs       bool
	}{
		{"two files", `{"version": 1, "beads": [], "summary": {}}`, "", false},
		{"two directories", `{"version": 1, "files": [{"path": "x.txt", "only_in": "a"}], "summary": {}}`, "", true},
		{"with scores", `{"version": 1, "beads": [], "summary": {"metrics": {"bleu": {"score": 40, "signature": "s"}}}}`, "", false},
		{"not JSON", "BLEU = 40\n", "baseline b.json: not a paradiff JSON report (invalid character 'B' looking for beginning of value); write one with paradiff -f json or --write-baseline", false},
		{"two values", `{"version": 1, "beads": [], "summary": {}} {}`, "baseline b.json: not a paradiff JSON report: more than one JSON value", false},
		{"another command", `{"segments": []}`, "baseline b.json: not a paradiff JSON report (no version, beads or files, and summary); write one with paradiff -f json or --write-baseline", false},
		{"no summary", `{"version": 1, "beads": []}`, "baseline b.json: not a paradiff JSON report (no version", false},
		{"another version", `{"version": 2, "beads": [], "summary": {}}`, "baseline b.json: report version 2, want 1", false},
		{"change without a kind", `{"version": 1, "beads": [{"changes": [{"a": "x", "b": "y"}]}], "summary": {}}`, "baseline b.json: a change has no kind", false},
		{"bad kind", `{"version": 1, "beads": [{"changes": [{"kind": "typo"}]}], "summary": {}}`, "baseline b.json: not a paradiff JSON report (", false},
		{"file without a path", `{"version": 1, "files": [{"only_in": "a"}], "summary": {}}`, "baseline b.json: file 0 has no path", false},
		{"file's change without a kind", `{"version": 1, "files": [{"path": "x.txt", "changes": [{"a": "x"}]}], "summary": {}}`, "baseline b.json: x.txt: a change has no kind", false},
		{"score without a signature", `{"version": 1, "beads": [], "summary": {"metrics": {"ter": {"score": 3}}}}`, "baseline b.json: metrics: ter has no score or no signature", false},
		{"file's score without a value", `{"version": 1, "files": [{"path": "x.txt", "summary": {"metrics": {"chrf": {"signature": "s"}}}}], "summary": {}}`, "baseline b.json: metrics: chrf has no score or no signature", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			b, err := gate.ReadBaseline(strings.NewReader(tt.json), "b.json")
			if tt.want == "" {
				if err != nil {
					t.Fatalf("ReadBaseline: %v", err)
				}
				if b.Name() != "b.json" || b.Dirs() != tt.dirs {
					t.Errorf("ReadBaseline: name %q, dirs %v; want b.json, %v", b.Name(), b.Dirs(), tt.dirs)
				}
				return
			}
			var ge *gate.Error
			if !errors.As(err, &ge) || !strings.HasPrefix(ge.Msg, tt.want) || !strings.HasPrefix(err.Error(), "gate: baseline b.json: ") {
				t.Errorf("ReadBaseline = %v, want *gate.Error %q", err, tt.want)
			}
		})
	}
	_, err := gate.ReadBaseline(strings.NewReader("BLEU = 40\n"), "b.json")
	if syntax := (*json.SyntaxError)(nil); !errors.As(err, &syntax) {
		t.Errorf("ReadBaseline of bad JSON = %v, want it to wrap the *json.SyntaxError", err)
	}
}

func TestFit(t *testing.T) {
	files := baselineOf(t, textA, textB["number"])
	dirs, err := gate.ReadBaseline(strings.NewReader(`{"version": 1, "files": [], "summary": {}}`), "dirs.json")
	if err != nil {
		t.Fatal(err)
	}
	var nilBase *gate.Baseline
	for _, tt := range []struct {
		b      *gate.Baseline
		dirRun bool
		want   string
	}{
		{files, false, ""},
		{files, true, "baseline base.json is the report of two files; this run compares two directories"},
		{dirs, true, ""},
		{dirs, false, "baseline dirs.json is the report of two directories; this run compares two files"},
		{nilBase, false, ""},
		{nilBase, true, ""},
	} {
		err := tt.b.Fit(tt.dirRun)
		var ge *gate.Error
		if tt.want == "" && err != nil || tt.want != "" && (!errors.As(err, &ge) || ge.Msg != tt.want) {
			t.Errorf("Fit(%v) = %v, want %q", tt.dirRun, err, tt.want)
		}
	}
}

// newChanges describes the changes of c in s, one a line.
func newChanges(c *diff.Comparison, s *gate.ChangeSet) string {
	var out []string
	for bi, b := range c.Beads {
		for ci, ch := range b.Changes {
			if s.Has(diff.ChangeRef{Bead: bi, Change: ci}) {
				out = append(out, ch.Kind.String()+" "+ch.A+"|"+ch.B)
			}
		}
		for gi, m := range b.Glossary {
			if s.HasGlossary(bi, gi) {
				out = append(out, "glossary "+m.Term.A+"|"+m.Found)
			}
		}
	}
	return strings.Join(out, "\n")
}

// TestBaselineNew checks how changes are matched with the baseline's:
// by kind and normalised text, not by place, each at most once.
func TestBaselineNew(t *testing.T) {
	number := textB["number"] // May 8 → May 9
	preface := "A short preface came first. "
	terms := []diff.Term{{A: "talks", B: "negotiations"}}
	for _, tt := range []struct {
		name         string
		baseA, baseB string
		a, b         string
		baseTerms    []diff.Term // the glossary of the baseline's run
		terms        []diff.Term // the glossary of this run
		want         string      // the new changes, as newChanges writes them
	}{
		{"same changes", textA, number, textA, number, nil, nil, ""},
		{"same changes at other offsets", textA, number, preface + textA, preface + number, nil, nil, ""},
		{"fewer changes", textA, number, textA, textA, nil, nil, ""},
		{"a new shift", textA, number, textA, strings.Replace(number, "expand", "grow", 1), nil, nil, "shift expand|grow"},
		{"a new omission", textA, number, textA, strings.Replace(number, "The press was told of the results. ", "", 1), nil, nil, "omission The press was told of the results.|"},
		{"matched by normalised text", "War ended in May.\n", "Conflict ended in May.\n", "WAR ended in May.\n", "Conflict ended in May.\n", nil, nil, ""},
		{"a trivial change matched as it is", "Xi met Putin.\n", "XI met Putin.\n", "Xi met Putin.\n", "xI met Putin.\n", nil, nil, "trivial Xi|xI"},
		{"a change twice in the baseline matches two", "Xi met Putin. Xi spoke. Xi left.\n", "XI met Putin. XI spoke. Xi left.\n", "Xi met Putin. Xi spoke. Xi left.\n", "XI met Putin. XI spoke. Xi left.\n", nil, nil, ""},
		{"a change once in the baseline matches one", "Xi met Putin. Xi spoke. Xi left.\n", "XI met Putin. Xi spoke. Xi left.\n", "Xi met Putin. Xi spoke. Xi left.\n", "XI met Putin. XI spoke. Xi left.\n", nil, nil, "trivial Xi|XI"},
		{"a move matched where it arrives", textA, textB["move"], preface + textA, preface + textB["move"], nil, nil, ""},
		{"a new move, once", textA, textA, textA, textB["move"], nil, nil, "move |The press was told of the results. "},
		{"an old glossary departure", textA, textA, textA, textA, terms, terms, ""},
		{"a new glossary departure", textA, number, textA, number, nil, terms, "glossary talks|"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			base := baselineOf(t, tt.baseA, tt.baseB, tt.baseTerms...)
			c := compare(t, tt.a, tt.b, tt.terms...)
			if got := newChanges(c, base.New(c, "")); strings.TrimSpace(got) != strings.TrimSpace(tt.want) {
				t.Errorf("New:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestBaselineNewPaths checks that New reads the record of the path it
// is given, and takes every change as new for a path it has no record
// of, and for a nil baseline.
func TestBaselineNewPaths(t *testing.T) {
	base, err := gate.ReadBaseline(strings.NewReader(`{"version": 1, "files": [
		{"path": "x.txt", "changes": [{"kind": "shift", "a": "8", "b": "9"}]},
		{"path": "only.txt", "only_in": "b"}], "summary": {}}`), "dirs.json")
	if err != nil {
		t.Fatal(err)
	}
	c := compare(t, textA, textB["number"])
	for _, tt := range []struct {
		b    *gate.Baseline
		path string
		want string
	}{
		{base, "x.txt", ""},
		{base, "y.txt", "shift 8|9"},
		{base, "", "shift 8|9"},
		{nil, "", "shift 8|9"},
	} {
		if got := newChanges(c, tt.b.New(c, tt.path)); got != tt.want {
			t.Errorf("New(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
	for path, want := range map[string]string{"only.txt": "b", "x.txt": "", "nope.txt": ""} {
		if got := base.OnlyIn(path); got != want {
			t.Errorf("OnlyIn(%q) = %q, want %q", path, got, want)
		}
	}
}
