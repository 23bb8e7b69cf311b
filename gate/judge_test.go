package gate_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/gate"
)

// TestJudgeDocument checks the verdicts on one document without gates,
// with gates, with a baseline and with both.
func TestJudgeDocument(t *testing.T) {
	number := textB["number"]
	b3 := strings.Replace(number, "expand", "cut", 1)
	base := baselineOf(t, textA, number)
	for _, tt := range []struct {
		name    string
		gates   func(*gate.Config) // nil for no gates
		base    *gate.Baseline
		tol     float64
		b       string
		path    string
		want    string // a regexp the failures, one a line, must match; "" for none
		changes int
		counted bool // Counted is not nil
	}{
		{"no gate: the same", nil, nil, 0.5, textA, "", "", 0, false},
		{"no gate: a difference", nil, nil, 0.5, number, "", `^B differs from A: `, 1, false},
		{"no gate: a trivial difference", nil, nil, 0.5, textB["trivial"], "", `^B differs from A: `, 0, false},
		{"gates pass a difference", failOn("omission"), nil, 0.5, number, "", "", 1, false},
		{"a gate names the path", failOn("number"), nil, 0.5, number, "sub/x.txt", `^gate --fail-on number: sub/x\.txt: 1 change \(shift "8" → "9"\)$`, 1, false},
		{"baseline: the same changes", nil, base, 0.5, number, "", "", 0, true},
		{"baseline: a new change", nil, base, 0.5, b3, "", `^baseline base\.json: 1 new change \(shift "expand" → "cut"\)\nbaseline base\.json: BLEU \d+\.\d\d, was \d+\.\d\d \(worse by \d+\.\d\d, tolerance 0\.5\)`, 1, true},
		{"baseline: within tolerance", nil, base, 100, b3, "", `^baseline base\.json: 1 new change \(shift "expand" → "cut"\)$`, 1, true},
		{"baseline and a gate: new changes only", failOn("critical"), base, 100, b3, "", "", 1, true},
		{"baseline and a gate that trips", failOn("major"), base, 100, b3, "", `^gate --fail-on major: 1 change \(shift "expand" → "cut"\)$`, 1, true},
		{"baseline and max-changes", maxChanges(0), base, 100, b3, "", `^gate --max-changes 0: 1 changes$`, 1, true},
		{"baseline without a record of the path", nil, base, 100, number, "x.txt", `^baseline base\.json: x\.txt: 1 new change \(shift "8" → "9"\)$`, 1, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			j := &gate.Judge{Baseline: tt.base, Tolerance: tt.tol}
			if tt.gates != nil {
				j.Gates = newGates(t, tt.gates)
			}
			v, err := j.Document(compare(t, textA, tt.b), tt.path)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(v.Failures, "\n")
			if tt.want == "" && got != "" || tt.want != "" && !regexp.MustCompile(tt.want).MatchString(got) {
				t.Errorf("Document: failures %q, want %q", got, tt.want)
			}
			if v.Changes != tt.changes || (v.Counted != nil) != tt.counted {
				t.Errorf("Document: %d changes, counted %v; want %d, %v", v.Changes, v.Counted != nil, tt.changes, tt.counted)
			}
		})
	}
}

// TestJudgeSignature checks that scores computed another way than the
// baseline's are an error, not a failure.
func TestJudgeSignature(t *testing.T) {
	base, err := gate.ReadBaseline(strings.NewReader(`{"version": 1, "beads": [], "summary": {"metrics": {"bleu": {"score": 40, "signature": "nrefs:1|tok:char"}}}}`), "char.json")
	if err != nil {
		t.Fatal(err)
	}
	j := &gate.Judge{Gates: newGates(t, func(*gate.Config) {}), Baseline: base}
	_, err = j.Document(compare(t, textA, textB["number"]), "")
	var ge *gate.Error
	if !errors.As(err, &ge) || !regexp.MustCompile(`^baseline char\.json: BLEU was computed as nrefs:1\|tok:char, this run computes .*; record the baseline again with --write-baseline$`).MatchString(ge.Msg) {
		t.Errorf("Document = %v, want the signatures' error", err)
	}
}

func TestJudgeOnlyIn(t *testing.T) {
	base, err := gate.ReadBaseline(strings.NewReader(`{"version": 1, "files": [{"path": "old.txt", "only_in": "a"}], "summary": {}}`), "dirs.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		base       *gate.Baseline
		path, side string
		want       string
	}{
		{nil, "old.txt", "a", "old.txt: only in A"},
		{nil, "new.txt", "b", "new.txt: only in B"},
		{base, "old.txt", "a", ""},
		{base, "old.txt", "b", "old.txt: only in B"},
		{base, "new.txt", "a", "new.txt: only in A"},
	} {
		j := &gate.Judge{Baseline: tt.base}
		if got := strings.Join(j.OnlyIn(tt.path, tt.side), "\n"); got != tt.want {
			t.Errorf("OnlyIn(%q, %q) = %q, want %q", tt.path, tt.side, got, tt.want)
		}
	}
}

func TestJudgeAll(t *testing.T) {
	m := compare(t, textA, textB["omission"]).Metrics
	verdicts := []gate.Verdict{{Changes: 1}, {}, {Changes: 2}}

	var none gate.Judge
	if got, err := none.All(verdicts, m); got != nil || err != nil {
		t.Errorf("All without gates = %q, %v", got, err)
	}
	j := &gate.Judge{Gates: newGates(t, func(c *gate.Config) { c.MaxChanges = 2; c.MaxTER = 1 })}
	got, err := j.All(verdicts, m)
	want := `^gate --max-changes 2: all files: 3 changes\ngate --max-ter 1: all files: TER \d+\.\d\d$`
	if err != nil || !regexp.MustCompile(want).MatchString(strings.Join(got, "\n")) {
		t.Errorf("All = %q, %v; want %q", got, err, want)
	}
	if got, _ := j.All(verdicts[:2], nil); got != nil {
		t.Errorf("All of 1 change, nothing scored = %q, want none", got)
	}

	// A directory baseline whose BLEU over all files was better by 5.
	data, err := json.Marshal(map[string]any{"version": 1, "files": []any{}, "summary": map[string]any{
		"metrics": map[string]any{"bleu": map[string]any{"score": m.BLEU.Score + 5, "signature": m.BLEU.Signature}}}})
	if err != nil {
		t.Fatal(err)
	}
	base, err := gate.ReadBaseline(bytes.NewReader(data), "dirs.json")
	if err != nil {
		t.Fatal(err)
	}
	j = &gate.Judge{Gates: newGates(t, func(*gate.Config) {}), Baseline: base, Tolerance: 0.5}
	got, err = j.All(nil, m)
	want = `^baseline dirs\.json: all files: BLEU \d+\.\d\d, was \d+\.\d\d \(worse by 5\.00, tolerance 0\.5\)$`
	if err != nil || !regexp.MustCompile(want).MatchString(strings.Join(got, "\n")) {
		t.Errorf("All against a baseline = %q, %v; want %q", got, err, want)
	}
}

// TestJudgeGated checks when gates or a baseline decide.
func TestJudgeGated(t *testing.T) {
	base := baselineOf(t, textA, textA)
	for _, tt := range []struct {
		j    gate.Judge
		want bool
	}{
		{gate.Judge{}, false},
		{gate.Judge{Gates: newGates(t, func(*gate.Config) {})}, false},
		{gate.Judge{Gates: newGates(t, failOn("minor"))}, true},
		{gate.Judge{Baseline: base}, true},
	} {
		if got := tt.j.Gated(); got != tt.want {
			t.Errorf("%+v.Gated() = %v, want %v", tt.j, got, tt.want)
		}
	}
}
