package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/internal/gatetest"
)

// gateA is the reference of the gate tests; gateB holds versions of it with
// one change each, of the kind, flag or severity the name says.
var gateA, gateB = gatetest.Versions()

// TestGates runs each gate on versions that trip it and versions that
// pass it. With a gate, the gates alone decide the exit status: a
// version with differences that trips no gate exits 0.
func TestGates(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(gateA))
	b := map[string]string{}
	for name, text := range gateB {
		b[name] = write(t, dir, name+".txt", []byte(text))
	}
	glossary := write(t, dir, "glossary.tsv", []byte("talks\tnegotiations\n"))
	for _, tt := range []struct {
		name     string
		flags    []string
		b        string
		wantCode int
		want     string // a regexp the stderr must match; "" means empty stderr
	}{
		{"no gate: any difference", nil, "minor", 1, ""},
		{"no gate: trivial counts", nil, "trivial", 1, ""},
		{"no gate: same", nil, "same", 0, ""},

		{"fail-on insertion trips", []string{"--fail-on", "insertion"}, "insertion", 1, `^paradiff: gate --fail-on insertion: 1 change \(insertion "A banquet followed\."\)\n$`},
		{"fail-on insertion passes an omission", []string{"--fail-on", "insertion"}, "omission", 0, ""},
		{"fail-on omission trips", []string{"--fail-on", "omission"}, "omission", 1, `^paradiff: gate --fail-on omission: 1 change \(omission "The press was told of the results\."\)\n$`},
		{"fail-on omission passes a shift", []string{"--fail-on", "omission"}, "shift", 0, ""},
		{"fail-on shift trips", []string{"--fail-on", "shift"}, "shift", 1, `gate --fail-on shift: 1 change \(shift "expand" → "grow"\)`},
		{"fail-on shift passes an insertion", []string{"--fail-on", "shift"}, "insertion", 0, ""},
		{"fail-on move trips", []string{"--fail-on", "move"}, "move", 1, `gate --fail-on move: 1 change \(move "The press was told of the results\."\)`},
		{"fail-on move passes a shift", []string{"--fail-on", "move"}, "shift", 0, ""},
		{"fail-on trivial trips", []string{"--fail-on", "trivial"}, "trivial", 1, `gate --fail-on trivial: 1 change \(trivial "Xi" → "XI"\)`},
		{"fail-on trivial passes a shift", []string{"--fail-on", "trivial"}, "shift", 0, ""},
		{"fail-on number trips", []string{"--fail-on", "number"}, "number", 1, `gate --fail-on number: 1 change \(shift "8" → "9"\)`},
		{"fail-on number passes a name", []string{"--fail-on", "number"}, "name", 0, ""},
		{"fail-on name trips", []string{"--fail-on", "name"}, "name", 1, `gate --fail-on name: 1 change \(shift "Xi" → "Li"\)`},
		{"fail-on name passes a shift", []string{"--fail-on", "name"}, "shift", 0, ""},
		{"fail-on negation trips", []string{"--fail-on", "negation"}, "negation", 1, `gate --fail-on negation: 1 change \(shift "agreed" → "did not agree"\)`},
		{"fail-on negation passes a number", []string{"--fail-on", "negation"}, "number", 0, ""},
		{"fail-on glossary trips", []string{"--glossary", glossary, "--fail-on", "glossary"}, "same", 1, `gate --fail-on glossary: 1 change \(glossary "talks"\)`},
		{"fail-on glossary passes without a departure", []string{"--fail-on", "glossary"}, "number", 0, ""},
		{"fail-on critical trips on a number", []string{"--fail-on", "critical"}, "number", 1, `gate --fail-on critical: 1 change`},
		{"fail-on critical trips on a negation", []string{"--fail-on", "critical"}, "negation", 1, `gate --fail-on critical: 1 change`},
		{"fail-on critical passes a major change", []string{"--fail-on", "critical"}, "shift", 0, ""},
		{"fail-on major trips on a critical change", []string{"--fail-on", "major"}, "number", 1, `gate --fail-on major: 1 change`},
		{"fail-on major trips on a major change", []string{"--fail-on", "major"}, "name", 1, `gate --fail-on major: 1 change`},
		{"fail-on major passes a minor change", []string{"--fail-on", "major"}, "minor", 0, ""},
		{"fail-on minor trips", []string{"--fail-on", "minor"}, "minor", 1, `gate --fail-on minor: 1 change \(shift "of" → "about"\)`},
		{"fail-on minor passes a trivial change", []string{"--fail-on", "minor"}, "trivial", 0, ""},
		{"fail-on list", []string{"--fail-on", "omission, number"}, "number", 1, `gate --fail-on omission, number: 1 change`},
		{"fail-on upper case", []string{"--fail-on", "Omission"}, "omission", 1, `gate --fail-on Omission: 1 change`},

		{"max-changes 0 trips", []string{"--max-changes", "0"}, "shift", 1, `^paradiff: gate --max-changes 0: 1 changes\n$`},
		{"max-changes 1 passes", []string{"--max-changes", "1"}, "shift", 0, ""},
		{"max-changes leaves trivial changes out", []string{"--max-changes", "0"}, "trivial", 0, ""},
		{"max-changes counts a move once", []string{"--max-changes", "1"}, "move", 0, ""},

		{"min-chrf trips", []string{"--min-chrf", "99"}, "shift", 1, `^paradiff: gate --min-chrf 99: chrF2 \d+\.\d\d\n$`},
		{"min-chrf passes", []string{"--min-chrf", "60"}, "shift", 0, ""},
		{"min-chrf on chrF++", []string{"--chrf-word-order", "2", "--min-chrf", "99"}, "shift", 1, `gate --min-chrf 99: chrF2\+\+ \d+\.\d\d`},
		{"min-bleu trips", []string{"--min-bleu", "99.5"}, "shift", 1, `^paradiff: gate --min-bleu 99\.5: BLEU \d+\.\d\d\n$`},
		{"min-bleu passes", []string{"--min-bleu", "50"}, "shift", 0, ""},
		{"min-bleu on identical texts", []string{"--min-bleu", "100"}, "same", 0, ""},
		{"max-ter trips", []string{"--max-ter", "1"}, "omission", 1, `^paradiff: gate --max-ter 1: TER \d+\.\d\d\n$`},
		{"max-ter passes", []string{"--max-ter", "30"}, "shift", 0, ""},

		{"all gates pass on a difference", []string{"--fail-on", "critical", "--max-changes", "3", "--min-chrf", "50", "--min-bleu", "50", "--max-ter", "50"}, "shift", 0, ""},
		{"two gates trip, two lines", []string{"--fail-on", "critical", "--min-chrf", "99"}, "number", 1, `^paradiff: gate --fail-on critical: .*\nparadiff: gate --min-chrf 99: .*\n$`},
		{"ignore-trivial then fail-on trivial", []string{"--ignore-trivial", "--fail-on", "trivial"}, "trivial", 0, ""},

		{"bad fail-on", []string{"--fail-on", "omission,typo"}, "shift", 2, `--fail-on "omission,typo": want a comma-separated list`},
		{"bad max-changes", []string{"--max-changes", "-3"}, "shift", 2, `--max-changes takes a number of 0 or more`},
		{"bad min-chrf", []string{"--min-chrf", "-1"}, "shift", 2, `--min-chrf takes a score of 0 or more`},
		{"min-chrf without chrF", []string{"--metrics", "bleu,ter", "--min-chrf", "50"}, "shift", 2, `--min-chrf needs that metric`},
		{"bad tolerance", []string{"--tolerance", "-1"}, "shift", 2, `--tolerance takes a number`},
		// The values that mean "no gate" are errors when given, not a way
		// to turn a gate off.
		{"NaN min-bleu", []string{"--min-bleu", "NaN"}, "shift", 2, `--min-bleu takes a score of 0 or more`},
		{"NaN min-chrf", []string{"--min-chrf", "nan"}, "shift", 2, `--min-chrf takes a score of 0 or more`},
		{"NaN max-ter", []string{"--max-ter", "NaN"}, "shift", 2, `--max-ter takes a score of 0 or more`},
		{"Inf max-ter", []string{"--max-ter", "+Inf"}, "shift", 2, `--max-ter takes a score of 0 or more`},
		{"max-changes -1", []string{"--max-changes", "-1"}, "shift", 2, `--max-changes takes a number of 0 or more`},
		{"empty fail-on", []string{"--fail-on", ""}, "shift", 2, `--fail-on "": want a comma-separated list`},
		{"Inf tolerance", []string{"--tolerance", "Inf"}, "shift", 2, `--tolerance takes a number`},
		{"score gate without metrics", []string{"--metrics", "none", "--min-bleu", "3"}, "shift", 2, `--min-bleu needs that metric`},
		{"change gate without metrics", []string{"--metrics", "none", "--fail-on", "number"}, "number", 1, `gate --fail-on number`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{}, tt.flags...), a, b[tt.b])
			code, _, stderr := runCmd(t, "", args...)
			if code != tt.wantCode {
				t.Errorf("paradiff %q: exit %d, want %d (stderr %q)", args, code, tt.wantCode, stderr)
			}
			if tt.want == "" && stderr != "" || tt.want != "" && !regexp.MustCompile(tt.want).MatchString(stderr) {
				t.Errorf("paradiff %q: stderr %q, want %q", args, stderr, tt.want)
			}
		})
	}
}

// TestGatesEveryFormat checks that the exit status does not depend on
// the report format.
func TestGatesEveryFormat(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(gateA))
	b := write(t, dir, "b.txt", []byte(gateB["number"]))
	for _, f := range []string{"text", "markdown", "json", "github", "junit"} {
		for _, gate := range []struct {
			flag string
			code int
		}{{"critical", 1}, {"omission", 0}} {
			code, _, stderr := runCmd(t, "", "-f", f, "--fail-on", gate.flag, a, b)
			if code != gate.code {
				t.Errorf("-f %s --fail-on %s: exit %d, want %d (%s)", f, gate.flag, code, gate.code, stderr)
			}
			if gate.code == 1 && !strings.Contains(stderr, "gate --fail-on critical") {
				t.Errorf("-f %s: stderr %q does not name the gate", f, stderr)
			}
		}
	}
}

func TestScoreGateNaN(t *testing.T) {
	dir := t.TempDir()
	ref := write(t, dir, "ref.txt", []byte("The talks began.\n"))
	hyp := write(t, dir, "hyp.txt", []byte("The talks started.\n"))
	for _, name := range []string{"--min-bleu", "--min-chrf", "--max-ter"} {
		code, _, stderr := runCmd(t, "", "score", name, "NaN", "-r", ref, hyp)
		if code != exitTrouble || !strings.Contains(stderr, name+" takes a score") {
			t.Errorf("score %s NaN: exit %d, stderr %q; want 2 and a usage error", name, code, stderr)
		}
	}
}
