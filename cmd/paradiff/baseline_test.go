package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestBaseline records a baseline of a comparison with differences, then
// checks runs against it: what was there passes, what is new fails.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(gateA))
	b := write(t, dir, "b.txt", []byte(gateB["number"])) // May 8 → May 9
	base := filepath.Join(dir, "base.json")
	if code, _, stderr := runCmd(t, "", "--write-baseline", base, a, b); code != 1 || stderr != "" {
		t.Fatalf("--write-baseline: exit %d (want 1: the files differ), stderr %q", code, stderr)
	}
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCmd(t, "", "-f", "json", a, b); out != string(data) || code != 1 {
		t.Fatalf("the baseline is not the JSON report")
	}

	// Shifted offsets: a new sentence before the old change, the same in A
	// and B, leaves the old change matched.
	prefix := "A short preface came first. "
	a2 := write(t, dir, "a2.txt", []byte(prefix+gateA))
	b2 := write(t, dir, "b2.txt", []byte(prefix+gateB["number"]))
	// A new change besides the old one.
	b3 := write(t, dir, "b3.txt", []byte(strings.Replace(gateB["number"], "expand", "cut", 1)))
	b4 := write(t, dir, "b4.txt", []byte(strings.Replace(gateB["number"], "The press was told of the results. ", "", 1)))
	// The old change alone, and a minor new one.
	b5 := write(t, dir, "b5.txt", []byte(strings.Replace(gateB["number"], "told of", "told about", 1)))

	// A baseline whose scores were better by 5 points.
	better := filepath.Join(dir, "better.json")
	var report map[string]any
	if err := json.Unmarshal(data, &report); err != nil {
		t.Fatal(err)
	}
	m := report["summary"].(map[string]any)["metrics"].(map[string]any)
	bleu := m["bleu"].(map[string]any)
	bleu["score"] = bleu["score"].(float64) + 5
	ter := m["ter"].(map[string]any)
	ter["score"] = ter["score"].(float64) - 3
	if data, err = json.Marshal(report); err != nil {
		t.Fatal(err)
	}
	write(t, dir, "better.json", data)
	// A baseline computed with another tokenizer.
	charBase := filepath.Join(dir, "char.json")
	runCmd(t, "", "--tokenize", "char", "--write-baseline", charBase, a, b)

	notJSON := write(t, dir, "not.json", []byte("BLEU = 40\n"))
	other := write(t, dir, "other.json", []byte(`{"segments": []}`))
	v2 := write(t, dir, "v2.json", []byte(`{"version": 2, "beads": [], "summary": {}}`))
	noKind := write(t, dir, "nokind.json", []byte(`{"version": 1, "beads": [{"changes": [{"a": "x", "b": "y"}]}], "summary": {}}`))
	dirBase := write(t, dir, "dir.json", []byte(`{"version": 1, "files": [], "summary": {}}`))

	for _, tt := range []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"same changes pass", []string{"--baseline", base, a, b}, 0, ""},
		{"same changes at other offsets pass", []string{"--baseline", base, a2, b2}, 0, ""},
		{"fewer changes pass", []string{"--baseline", base, a, a}, 0, ""},
		{"a new shift trips", []string{"--baseline", base, a, b3}, 1, `^paradiff: baseline .*base\.json: 1 new change \(shift "expand" → "cut"\)\n`},
		{"a new change lowers the scores", []string{"--baseline", base, "--fail-on", "critical", a, b3}, 1, `^paradiff: baseline .*base\.json: BLEU \d+\.\d\d, was \d+\.\d\d`},
		{"a new omission trips", []string{"--baseline", base, a, b4}, 1, `1 new change \(omission "The press was told of the results\."\)`},
		{"new changes under a gate: minor passes fail-on major", []string{"--baseline", base, "--tolerance", "100", "--fail-on", "major", a, b5}, 0, ""},
		{"new changes under a gate: major trips fail-on major", []string{"--baseline", base, "--tolerance", "100", "--fail-on", "major", a, b3}, 1, `^paradiff: gate --fail-on major: 1 change \(shift "expand" → "cut"\)\n$`},
		{"the old critical change does not trip fail-on critical", []string{"--baseline", base, "--tolerance", "100", "--fail-on", "critical", a, b3}, 0, ""},
		{"max-changes counts new changes", []string{"--baseline", base, "--max-changes", "0", a, b3}, 1, `gate --max-changes 0: 1 changes`},
		{"score drop beyond tolerance trips", []string{"--baseline", better, a, b}, 1, `(?m)^paradiff: baseline .*better\.json: BLEU \d+\.\d\d, was \d+\.\d\d \(worse by 5\.00, tolerance 0\.5\)$`},
		{"TER rise beyond tolerance trips", []string{"--baseline", better, a, b}, 1, `(?m)^paradiff: baseline .*better\.json: TER \d+\.\d\d, was \d+\.\d\d \(worse by 3\.00, tolerance 0\.5\)$`},
		{"score drop within tolerance passes", []string{"--baseline", better, "--tolerance", "5.5", a, b}, 0, ""},
		{"absolute gates still apply", []string{"--baseline", base, "--min-chrf", "99", a, b}, 1, `gate --min-chrf 99`},
		{"another signature is trouble", []string{"--baseline", charBase, a, b}, 2, `baseline .*char\.json: BLEU was computed as nrefs:1\|case:mixed\|eff:no\|tok:char.*, this run computes .*tok:13a`},
		{"missing baseline", []string{"--baseline", filepath.Join(dir, "nope.json"), a, b}, 2, `^paradiff: baseline .*nope\.json: no such file\n$`},
		{"baseline not JSON", []string{"--baseline", notJSON, a, b}, 2, `^paradiff: baseline .*not\.json: not a paradiff JSON report`},
		{"baseline of another command", []string{"--baseline", other, a, b}, 2, `not a paradiff JSON report \(no version`},
		{"baseline of another version", []string{"--baseline", v2, a, b}, 2, `report version 2, want 1`},
		{"baseline change without a kind", []string{"--baseline", noKind, a, b}, 2, `a change has no kind`},
		{"baseline of directories for two files", []string{"--baseline", dirBase, a, b}, 2, `is the report of two directories`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", tt.args...)
			if code != tt.wantCode {
				t.Errorf("paradiff %q: exit %d, want %d (stderr %q)", tt.args, code, tt.wantCode, stderr)
			}
			if tt.want == "" && stderr != "" || tt.want != "" && !regexp.MustCompile(tt.want).MatchString(stderr) {
				t.Errorf("paradiff %q: stderr %q, want %q", tt.args, stderr, tt.want)
			}
			if code == 2 && strings.Count(stderr, "\n") > 2 {
				t.Errorf("error is not one line: %q", stderr)
			}
		})
	}
}

// TestBaselineUpdate checks --baseline and --write-baseline together:
// the run is judged against the old baseline, then records the new one.
func TestBaselineUpdate(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(gateA))
	b := write(t, dir, "b.txt", []byte(gateB["number"]))
	base := filepath.Join(dir, "base.json")
	runCmd(t, "", "--write-baseline", base, a, a)
	if code, _, _ := runCmd(t, "", "--baseline", base, "--write-baseline", base, a, b); code != 1 {
		t.Errorf("new change against the old baseline: exit %d, want 1", code)
	}
	if code, _, stderr := runCmd(t, "", "--baseline", base, a, b); code != 0 {
		t.Errorf("against the updated baseline: exit %d, want 0 (%s)", code, stderr)
	}
	if code, _, stderr := runCmd(t, "", "--write-baseline", filepath.Join(dir, "no", "such", "dir.json"), a, b); code != 2 || !strings.Contains(stderr, "--write-baseline") {
		t.Errorf("unwritable baseline: exit %d, stderr %q", code, stderr)
	}
}

// TestBaselineDuplicates checks that a change that occurs once in the
// baseline matches one change now, not two.
func TestBaselineDuplicates(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("Xi met Putin. Xi spoke. Xi left.\n"))
	once := write(t, dir, "once.txt", []byte("XI met Putin. Xi spoke. Xi left.\n"))
	twice := write(t, dir, "twice.txt", []byte("XI met Putin. XI spoke. Xi left.\n"))
	base := filepath.Join(dir, "base.json")
	runCmd(t, "", "--write-baseline", base, a, once)
	code, _, stderr := runCmd(t, "", "--baseline", base, a, twice)
	if code != 1 || !strings.Contains(stderr, `1 new change (trivial "Xi" → "XI")`) {
		t.Errorf("a second Xi → XI: exit %d, stderr %q; want 1 new change", code, stderr)
	}
}

// TestWriteBaselineTarget: --write-baseline refuses to overwrite an input
// (under its own name, another path to it or a hard link) and refuses -,
// which would have written a file named "-".
func TestWriteBaselineTarget(t *testing.T) {
	dir := t.TempDir()
	textA, textB := []byte("The talks began.\n"), []byte("The talks started.\n")
	a := write(t, dir, "a.txt", textA)
	b := write(t, dir, "b.txt", textB)
	link := filepath.Join(dir, "link.txt")
	if err := os.Link(b, link); err != nil {
		t.Skip(err)
	}
	for _, target := range []string{b, a, filepath.Join(dir, ".", "b.txt"), link} {
		code, _, stderr := runCmd(t, "", "--write-baseline", target, a, b)
		if code != exitTrouble || !strings.Contains(stderr, "would overwrite the input") {
			t.Errorf("--write-baseline %s: exit %d, stderr %q", target, code, stderr)
		}
	}
	if got, _ := os.ReadFile(b); string(got) != string(textB) {
		t.Errorf("B was overwritten: %q", got)
	}
	if got, _ := os.ReadFile(a); string(got) != string(textA) {
		t.Errorf("A was overwritten: %q", got)
	}
	t.Chdir(dir)
	code, _, stderr := runCmd(t, "", "--write-baseline", "-", a, b)
	if code != exitTrouble || !strings.Contains(stderr, "standard output") {
		t.Errorf("--write-baseline -: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Errorf("--write-baseline - wrote a file named -")
	}

	// Nor a glossary, a dictionary, or a file inside a directory compared.
	gloss := write(t, dir, "terms.tsv", []byte("talks\ttalks\n"))
	if code, _, stderr := runCmd(t, "", "--glossary", gloss, "--write-baseline", gloss, a, b); code != exitTrouble || !strings.Contains(stderr, "would overwrite the input") {
		t.Errorf("--write-baseline over the glossary: exit %d, stderr %q", code, stderr)
	}
	dA, dB := filepath.Join(dir, "dA"), filepath.Join(dir, "dB")
	makeTree(t, dA, map[string]string{"x.txt": string(textA)})
	makeTree(t, dB, map[string]string{"x.txt": string(textB)})
	for _, target := range []string{filepath.Join(dA, "x.txt"), filepath.Join(dB, "new.json")} {
		if code, _, stderr := runCmd(t, "", "--write-baseline", target, dA, dB); code != exitTrouble || !strings.Contains(stderr, "would write into the directory compared") {
			t.Errorf("--write-baseline %s: exit %d, stderr %q", target, code, stderr)
		}
	}
	if code, _, stderr := runCmd(t, "", "--write-baseline", filepath.Join(dir, "base.json"), dA, dB); code != 1 {
		t.Errorf("--write-baseline beside the directories: exit %d, stderr %q", code, stderr)
	}
}
