package gate_test

import (
	"bytes"
	"errors"
	"math"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/gate"
	"github.com/paradiff/paradiff/internal/gatetest"
	"github.com/paradiff/paradiff/report"
)

// textA is the reference of the gate tests; textB holds versions of it with
// one change each, of the kind, flag or severity the name says.
var textA, textB = gatetest.Versions()

// compare compares a with b, with metrics and the glossary terms, if any.
func compare(t *testing.T, a, b string, terms ...diff.Term) *diff.Comparison {
	t.Helper()
	return diff.Compare(diff.Document{Name: "a.txt", Text: a}, diff.Document{Name: "b.txt", Text: b},
		diff.Options{Metrics: true, Glossary: terms})
}

// none is a Config without gates.
func none() gate.Config {
	return gate.Config{MaxChanges: -1, MinBLEU: math.NaN(), MinCHRF: math.NaN(), MaxTER: math.NaN()}
}

func newGates(t *testing.T, edit func(*gate.Config)) *gate.Gates {
	t.Helper()
	c := none()
	edit(&c)
	g, err := gate.New(c)
	if err != nil {
		t.Fatalf("New(%+v): %v", c, err)
	}
	return g
}

func TestNew(t *testing.T) {
	for _, tt := range []struct {
		name string
		edit func(*gate.Config)
		want string // the error's Msg; "" for none
	}{
		{"none", func(*gate.Config) {}, ""},
		{"fail-on list", func(c *gate.Config) { c.FailOn = " Omission, number ,critical" }, ""},
		{"bad fail-on", func(c *gate.Config) { c.FailOn = "omission,typo" }, `--fail-on "omission,typo": want a comma-separated list of kinds (insertion, omission, shift, move, trivial), flags (number, name, negation, glossary) or a severity (critical, major, minor: that severity or worse)`},
		{"max-changes 0", func(c *gate.Config) { c.MaxChanges = 0 }, ""},
		{"bad max-changes", func(c *gate.Config) { c.MaxChanges = -3 }, "--max-changes takes a number of 0 or more"},
		{"bad min-chrf", func(c *gate.Config) { c.MinCHRF = -1 }, "--min-chrf takes a score of 0 or more"},
		{"infinite min-bleu", func(c *gate.Config) { c.MinBLEU = math.Inf(1) }, "--min-bleu takes a score of 0 or more"},
		{"metric not computed", func(c *gate.Config) { c.MinCHRF = 50; c.Metrics = diff.MetricBLEU | diff.MetricTER }, "--min-chrf needs that metric: add it to --metrics"},
		{"no metric computed", func(c *gate.Config) { c.MaxTER = 50; c.Metrics = ^diff.AllMetrics }, "--max-ter needs that metric: add it to --metrics"},
		{"metric computed", func(c *gate.Config) { c.MaxTER = 50; c.Metrics = diff.MetricTER }, ""},
		{"first error wins", func(c *gate.Config) { c.MaxChanges = -2; c.MinCHRF = -1 }, "--max-changes takes a number of 0 or more"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := none()
			tt.edit(&c)
			_, err := gate.New(c)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("New(%+v): %v", c, err)
				}
				return
			}
			var ge *gate.Error
			if !errors.As(err, &ge) || ge.Msg != tt.want || err.Error() != "gate: "+tt.want {
				t.Errorf("New(%+v) = %v, want *gate.Error %q", c, err, "gate: "+tt.want)
			}
		})
	}
}

// TestCheck runs each gate on versions that trip it and versions that
// pass it.
func TestCheck(t *testing.T) {
	terms := []diff.Term{{A: "talks", B: "negotiations"}}
	for _, tt := range []struct {
		name  string
		edit  func(*gate.Config)
		b     string
		terms []diff.Term
		want  string // a regexp the failures, one a line, must match; "" for none
	}{
		{"no gate", func(*gate.Config) {}, "number", nil, ""},
		{"fail-on insertion trips", failOn("insertion"), "insertion", nil, `^gate --fail-on insertion: 1 change \(insertion "A banquet followed\."\)$`},
		{"fail-on insertion passes an omission", failOn("insertion"), "omission", nil, ""},
		{"fail-on omission trips", failOn("omission"), "omission", nil, `^gate --fail-on omission: 1 change \(omission "The press was told of the results\."\)$`},
		{"fail-on shift trips", failOn("shift"), "shift", nil, `^gate --fail-on shift: 1 change \(shift "expand" → "grow"\)$`},
		{"fail-on move trips once", failOn("move"), "move", nil, `^gate --fail-on move: 1 change \(move "The press was told of the results\."\)$`},
		{"fail-on trivial trips", failOn("trivial"), "trivial", nil, `^gate --fail-on trivial: 1 change \(trivial "Xi" → "XI"\)$`},
		{"fail-on number trips", failOn("number"), "number", nil, `^gate --fail-on number: 1 change \(shift "8" → "9"\)$`},
		{"fail-on number passes a name", failOn("number"), "name", nil, ""},
		{"fail-on name trips", failOn("name"), "name", nil, `^gate --fail-on name: 1 change \(shift "Xi" → "Li"\)$`},
		{"fail-on negation trips", failOn("negation"), "negation", nil, `^gate --fail-on negation: 1 change \(shift "agreed" → "did not agree"\)$`},
		{"fail-on glossary trips on a departure alone", failOn("glossary"), "same", terms, `^gate --fail-on glossary: 1 change \(glossary "talks"\)$`},
		{"fail-on critical counts a glossary departure", failOn("critical"), "same", terms, `^gate --fail-on critical: 1 change \(glossary "talks"\)$`},
		{"fail-on shift leaves a glossary departure out", failOn("shift"), "same", terms, ""},
		{"fail-on critical passes a major change", failOn("critical"), "shift", nil, ""},
		{"fail-on major trips on a critical change", failOn("major"), "number", nil, `^gate --fail-on major: 1 change`},
		{"fail-on minor passes a trivial change", failOn("minor"), "trivial", nil, ""},
		{"fail-on keeps its text", failOn("Omission, number"), "number", nil, `^gate --fail-on Omission, number: 1 change`},
		{"max-changes 0 trips", maxChanges(0), "shift", nil, `^gate --max-changes 0: 1 changes$`},
		{"max-changes 1 passes", maxChanges(1), "shift", nil, ""},
		{"max-changes leaves trivial changes out", maxChanges(0), "trivial", nil, ""},
		{"max-changes counts a move once", maxChanges(1), "move", nil, ""},
		{"min-chrf trips", func(c *gate.Config) { c.MinCHRF = 99 }, "shift", nil, `^gate --min-chrf 99: chrF2 \d+\.\d\d$`},
		{"min-chrf passes", func(c *gate.Config) { c.MinCHRF = 60 }, "shift", nil, ""},
		{"min-bleu trips", func(c *gate.Config) { c.MinBLEU = 99.5 }, "shift", nil, `^gate --min-bleu 99\.5: BLEU \d+\.\d\d$`},
		{"min-bleu on identical texts", func(c *gate.Config) { c.MinBLEU = 100 }, "same", nil, ""},
		{"max-ter trips", func(c *gate.Config) { c.MaxTER = 1 }, "omission", nil, `^gate --max-ter 1: TER \d+\.\d\d$`},
		{"change gates, then score gates", func(c *gate.Config) { c.FailOn = "critical"; c.MinCHRF = 99; c.MaxTER = 0.5 }, "number", nil,
			`^gate --fail-on critical: 1 change \(shift "8" → "9"\)\ngate --min-chrf 99: chrF2 \d+\.\d\d\ngate --max-ter 0\.5: TER \d+\.\d\d$`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := newGates(t, tt.edit)
			c := compare(t, textA, textB[tt.b], tt.terms...)
			got := strings.Join(g.Check(c, nil, ""), "\n")
			if tt.want == "" && got != "" || tt.want != "" && !regexp.MustCompile(tt.want).MatchString(got) {
				t.Errorf("Check = %q, want %q", got, tt.want)
			}
		})
	}
}

func failOn(list string) func(*gate.Config) { return func(c *gate.Config) { c.FailOn = list } }

func maxChanges(n int) func(*gate.Config) { return func(c *gate.Config) { c.MaxChanges = n } }

// TestCheckName checks that a name goes into every message after the
// gate, and that examples stop at three.
func TestCheckName(t *testing.T) {
	g := newGates(t, func(c *gate.Config) { c.FailOn = "shift,omission"; c.MaxChanges = 0; c.MinBLEU = 99 })
	b := "The talks opened on May 8 in Moscow. Both sides agreed to grow trade. President Li thanked his host.\n"
	got := g.Check(compare(t, textA, b), nil, "sub/readout.txt")
	want := []string{
		`^gate --fail-on shift,omission: sub/readout\.txt: 4 changes \(shift "began" → "opened"; shift "expand" → "grow"; omission "The press was told of the results\."; …\)$`,
		`^gate --max-changes 0: sub/readout\.txt: 4 changes$`,
		`^gate --min-bleu 99: sub/readout\.txt: BLEU \d+\.\d\d$`,
	}
	if len(got) != len(want) {
		t.Fatalf("Check = %q, want %d messages", got, len(want))
	}
	for i := range want {
		if !regexp.MustCompile(want[i]).MatchString(got[i]) {
			t.Errorf("Check()[%d] = %q, want %q", i, got[i], want[i])
		}
	}
}

// TestCheckTwoLanguages checks that a comparison of two languages passes
// no gate only because its words were not compared: a change gate fails
// when the languages were detected, and a score gate always.
func TestCheckTwoLanguages(t *testing.T) {
	zh, ru := "两国元首签署了20多份合作文件。", "Главы государств подписали более 20 документов."
	detected := compare(t, zh, ru)
	given := diff.Compare(diff.Document{Text: zh}, diff.Document{Text: ru}, diff.Options{LangA: language.Chinese, LangB: language.Russian})
	if !detected.Languages.Cross || !given.Languages.Cross || detected.Summary.Differs() || given.Summary.Differs() {
		t.Fatalf("want two languages and no change: %+v, %+v", detected.Languages, given.Languages)
	}
	failOn := newGates(t, func(c *gate.Config) { c.FailOn = "major" })
	if got := failOn.Check(detected, nil, ""); len(got) != 1 || !strings.Contains(got[0], "words not compared") {
		t.Errorf("--fail-on major, languages detected: %q, want words not compared", got)
	}
	if got := failOn.Check(given, nil, ""); len(got) != 0 {
		t.Errorf("--fail-on major, languages given: %q, want a pass", got)
	}
	minBLEU := newGates(t, func(c *gate.Config) { c.MinBLEU = 10 })
	if got := minBLEU.Check(given, nil, ""); len(got) != 1 || !strings.Contains(got[0], "no score") {
		t.Errorf("--min-bleu 10, languages given: %q, want no score", got)
	}
	j := gate.Judge{Baseline: nil}
	if v, err := j.Document(detected, ""); err != nil || len(v.Failures) != 0 {
		t.Errorf("no gates: %+v, %v; want no failure (nothing differs)", v, err)
	}
}

func TestCheckScores(t *testing.T) {
	g := newGates(t, func(c *gate.Config) { c.MinBLEU = 50; c.FailOn = "critical" })
	m := compare(t, textA, textB["omission"]).Metrics
	if got := g.CheckScores(m, ""); len(got) != 0 {
		t.Errorf("CheckScores passing: %q", got)
	}
	m.BLEU.Score = 48.53
	if got := g.CheckScores(m, "all files"); len(got) != 1 || got[0] != "gate --min-bleu 50: all files: BLEU 48.53" {
		t.Errorf("CheckScores = %q", got)
	}
	if got := g.CheckScores(&diff.Metrics{}, ""); got != nil {
		t.Errorf("CheckScores of nothing scored = %q, want none", got)
	}
	if got := g.CheckScores(nil, ""); got != nil {
		t.Errorf("CheckScores(nil) = %q, want none", got)
	}
}

// TestNilGates checks that a nil *Gates has none.
func TestNilGates(t *testing.T) {
	var g *gate.Gates
	c := compare(t, textA, textB["number"])
	if g.Any() || g.HasChangeGates() || g.Check(c, nil, "") != nil || g.CheckScores(c.Metrics, "") != nil {
		t.Error("a nil *Gates has gates")
	}
	if g := newGates(t, func(*gate.Config) {}); g.Any() {
		t.Error("Any without gates")
	}
	if g := newGates(t, func(c *gate.Config) { c.MaxTER = 3 }); !g.Any() || g.HasChangeGates() {
		t.Error("a score gate: want Any and not HasChangeGates")
	}
	if g := newGates(t, maxChanges(0)); !g.Any() || !g.HasChangeGates() {
		t.Error("--max-changes 0: want Any and HasChangeGates")
	}
}

func TestDiffers(t *testing.T) {
	for name, want := range map[string]bool{"same": false, "trivial": true, "number": true, "move": true} {
		if got := gate.Differs(compare(t, textA, textB[name])); got != want {
			t.Errorf("Differs(%s) = %v, want %v", name, got, want)
		}
	}
	withTerm := compare(t, textA, textA, diff.Term{A: "talks", B: "negotiations"})
	if !gate.Differs(withTerm) {
		t.Error("Differs with a glossary departure = false")
	}
}

// baselineOf returns the baseline of the comparison of a with b, as
// paradiff -f json writes it.
func baselineOf(t *testing.T, a, b string, terms ...diff.Term) *gate.Baseline {
	t.Helper()
	var buf bytes.Buffer
	if err := report.JSON(&buf, compare(t, a, b, terms...)); err != nil {
		t.Fatal(err)
	}
	base, err := gate.ReadBaseline(&buf, "base.json")
	if err != nil {
		t.Fatalf("ReadBaseline: %v", err)
	}
	return base
}
