package gate

import (
	"fmt"
	"math"
	"strings"

	"github.com/paradiff/paradiff/diff"
)

// Error is the error of this package: a gate given a value it cannot
// take, or a baseline that cannot be read or does not fit the run. Its
// Error method returns "gate: " and Msg; a command that prefixes its own
// name to messages may print Msg alone.
type Error struct {
	// Msg names the gate or the baseline and says what is wrong:
	// "--max-changes takes a number of 0 or more",
	// "baseline base.json: report version 2, want 1".
	Msg string
	// Err is what caused it, if anything (a JSON syntax error).
	Err error
}

func (e *Error) Error() string { return "gate: " + e.Msg }

func (e *Error) Unwrap() error { return e.Err }

// Config holds the values of the gates, as plain values. The zero value
// is not "no gates": MaxChanges and the scores have values that mean
// none, which a command gives as its flags' defaults.
type Config struct {
	// FailOn is a comma-separated list of kinds, flags and severities,
	// case and spaces around names ignored; "" for none.
	FailOn string
	// MaxChanges is the most changes that are not trivial a comparison
	// may have; -1 for none.
	MaxChanges int
	// MinBLEU, MinCHRF and MaxTER are score thresholds; NaN for none.
	MinBLEU, MinCHRF, MaxTER float64
	// Metrics are the metrics the run computes, as in
	// [diff.MetricOptions] (0 means all); a score gate on another metric
	// is an error.
	Metrics diff.MetricSet
}

// Gates are checked gates. A nil *Gates has none.
type Gates struct {
	failOn     string
	kinds      []diff.Kind
	flags      []diff.Flag
	severity   diff.Severity
	bySeverity bool
	minCHRF    float64
	minBLEU    float64
	maxTER     float64
	maxChanges int
}

// New checks the values of c and returns the gates. Errors are
// [*Error]s naming the gate, checked in the order FailOn, MaxChanges,
// MinCHRF, MinBLEU, MaxTER; the first wins.
func New(c Config) (*Gates, error) {
	g := &Gates{failOn: c.FailOn, minCHRF: c.MinCHRF, minBLEU: c.MinBLEU, maxTER: c.MaxTER, maxChanges: c.MaxChanges}
	if c.FailOn != "" {
		for _, name := range strings.Split(c.FailOn, ",") {
			name = strings.ToLower(strings.TrimSpace(name))
			var k diff.Kind
			var fl diff.Flag
			switch {
			case k.UnmarshalText([]byte(name)) == nil:
				g.kinds = append(g.kinds, k)
			case fl.UnmarshalText([]byte(name)) == nil:
				g.flags = append(g.flags, fl)
			default:
				s, err := diff.ParseSeverity(name)
				if err != nil {
					return nil, &Error{Msg: fmt.Sprintf("--fail-on %q: want a comma-separated list of kinds (insertion, omission, shift, move, trivial), flags (number, name, negation, glossary) or a severity (critical, major, minor: that severity or worse)", c.FailOn)}
				}
				if !g.bySeverity || s < g.severity {
					g.severity = s
				}
				g.bySeverity = true
			}
		}
	}
	if c.MaxChanges < -1 {
		return nil, &Error{Msg: "--max-changes takes a number of 0 or more"}
	}
	for _, t := range []struct {
		name string
		v    float64
		m    diff.MetricSet
	}{{"min-chrf", c.MinCHRF, diff.MetricCHRF}, {"min-bleu", c.MinBLEU, diff.MetricBLEU}, {"max-ter", c.MaxTER, diff.MetricTER}} {
		if !math.IsNaN(t.v) && !c.Metrics.Has(t.m) {
			return nil, &Error{Msg: fmt.Sprintf("--%s needs that metric: add it to --metrics", t.name)}
		}
		if t.v < 0 || math.IsInf(t.v, 0) {
			return nil, &Error{Msg: fmt.Sprintf("--%s takes a score of 0 or more", t.name)}
		}
	}
	return g, nil
}

// Any reports whether a gate was given: then gates (and a baseline, if
// any) alone decide whether a comparison fails.
func (g *Gates) Any() bool {
	return g.HasChangeGates() || g != nil && (!math.IsNaN(g.minCHRF) || !math.IsNaN(g.minBLEU) || !math.IsNaN(g.maxTER))
}

// HasChangeGates reports whether a gate counts changes: --fail-on or
// --max-changes.
func (g *Gates) HasChangeGates() bool { return g != nil && (g.failOn != "" || g.maxChanges >= 0) }

// Check checks the gates on one comparison and returns one message per
// tripped gate, change gates first, then score gates in the order BLEU,
// chrF, TER. counted says which changes count: nil for all, the new ones
// with a baseline ([Baseline.New]). name names the comparison in the
// messages, such as its path in a directory comparison, or is "".
func (g *Gates) Check(c *diff.Comparison, counted *ChangeSet, name string) []string {
	return g.check(c, counted, prefix(name), false)
}

// check is Check with the message prefix where, and baseline true when a
// baseline counts changes too (see crossFailures).
func (g *Gates) check(c *diff.Comparison, counted *ChangeSet, where string, baseline bool) []string {
	out := append(g.crossFailures(c, where, baseline), g.changeFailures(c, counted, where)...)
	return append(out, g.scoreFailures(c.Metrics, where)...)
}

// crossFailures keeps a comparison of two languages from passing a gate
// only because its words were not compared: a change gate (or a
// baseline, with baseline true) fails unless both languages were given
// (then the sentences one side lacks, numbers, names and glossary terms
// are what it counts), and a score gate fails, as there are no scores
// across languages.
func (g *Gates) crossFailures(c *diff.Comparison, where string, baseline bool) []string {
	if !c.Languages.Cross {
		return nil
	}
	var out []string
	if (g.HasChangeGates() || baseline) && !c.Languages.Given {
		out = append(out, fmt.Sprintf("gate: %swords not compared: A and B were taken for two languages, %s and %s (%s); name both languages (--lang-a, --lang-b) to gate them as a translation, or one language to diff their words",
			where, c.Languages.A, c.Languages.B, c.Languages.Reason))
	}
	for _, t := range []struct {
		name string
		v    float64
	}{{"min-bleu", g.minBLEU}, {"min-chrf", g.minCHRF}, {"max-ter", g.maxTER}} {
		if g != nil && !math.IsNaN(t.v) {
			out = append(out, fmt.Sprintf("gate --%s %g: %sno score: A and B are in two languages, %s and %s", t.name, t.v, where, c.Languages.A, c.Languages.B))
		}
	}
	return out
}

// CheckScores checks the score gates alone, on m, and returns one message
// per tripped gate. Scores of nothing (m nil, or no segments) trip none.
// name names what was scored in the messages, or is "".
func (g *Gates) CheckScores(m *diff.Metrics, name string) []string {
	return g.scoreFailures(m, prefix(name))
}

// prefix turns a name into the prefix of a message: "" or "name: ".
func prefix(name string) string {
	if name == "" {
		return ""
	}
	return name + ": "
}

// selects reports whether --fail-on selects a change.
func (g *Gates) selects(ch diff.Change) bool {
	if g.bySeverity && ch.Severity >= g.severity {
		return true
	}
	for _, k := range g.kinds {
		if ch.Kind == k {
			return true
		}
	}
	for _, f := range g.flags {
		for _, cf := range ch.Flags {
			if cf == f {
				return true
			}
		}
	}
	return false
}

func (g *Gates) selectsGlossary() bool {
	for _, f := range g.flags {
		if f == diff.FlagGlossary {
			return true
		}
	}
	return g.bySeverity // a glossary departure is critical
}

// changeFailures checks the change gates on a document: one message per
// tripped gate. where is the document's prefix in the messages.
func (g *Gates) changeFailures(c *diff.Comparison, counted *ChangeSet, where string) []string {
	if g == nil {
		return nil
	}
	var out []string
	if g.failOn != "" {
		n, examples := tally(c, counted, g.selects, g.selectsGlossary())
		if n > 0 {
			msg := fmt.Sprintf("gate --fail-on %s: %s%d change%s (%s", g.failOn, where, n, plural(n), strings.Join(examples, "; "))
			if n > len(examples) {
				msg += "; …"
			}
			out = append(out, msg+")")
		}
	}
	if g.maxChanges >= 0 {
		if n := countChanges(c, counted); n > g.maxChanges {
			out = append(out, g.maxChangesFailure(n, where))
		}
	}
	return out
}

func (g *Gates) maxChangesFailure(n int, where string) string {
	return fmt.Sprintf("gate --max-changes %d: %s%d changes", g.maxChanges, where, n)
}

// scoreFailures checks the score gates: one message per tripped gate.
func (g *Gates) scoreFailures(m *diff.Metrics, where string) []string {
	if g == nil || m == nil || m.Segments == 0 {
		return nil
	}
	var out []string
	if !math.IsNaN(g.minBLEU) && m.BLEU != nil && m.BLEU.Score < g.minBLEU {
		out = append(out, fmt.Sprintf("gate --min-bleu %s: %sBLEU %.2f", num(g.minBLEU), where, m.BLEU.Score))
	}
	if !math.IsNaN(g.minCHRF) && m.CHRF != nil && m.CHRF.Score < g.minCHRF {
		out = append(out, fmt.Sprintf("gate --min-chrf %s: %s%s %.2f", num(g.minCHRF), where, m.CHRF.Name, m.CHRF.Score))
	}
	if !math.IsNaN(g.maxTER) && m.TER != nil && m.TER.Score > g.maxTER {
		out = append(out, fmt.Sprintf("gate --max-ter %s: %sTER %.2f", num(g.maxTER), where, m.TER.Score))
	}
	return out
}

// num formats a threshold as it was most likely typed: 60, 0.5.
func num(v float64) string { return fmt.Sprint(v) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// ChangeSet says which changes and glossary departures of a comparison
// count, by their place in the comparison. A nil *ChangeSet counts all.
type ChangeSet struct {
	changes  map[diff.ChangeRef]bool
	glossary map[diff.ChangeRef]bool // Change is the index in the bead's Glossary
}

// Has reports whether the change at ref counts.
func (s *ChangeSet) Has(ref diff.ChangeRef) bool {
	return s == nil || s.changes[ref]
}

// HasGlossary reports whether the i-th glossary departure of a bead
// counts.
func (s *ChangeSet) HasGlossary(bead, i int) bool {
	return s == nil || s.glossary[diff.ChangeRef{Bead: bead, Change: i}]
}

// eachChange calls f with every change that counts: not the half of a
// move where its text leaves A, and only those counted has.
func eachChange(c *diff.Comparison, counted *ChangeSet, f func(diff.Change)) {
	for bi, b := range c.Beads {
		for ci, ch := range b.Changes {
			if ch.Kind == diff.Move && ch.B == "" {
				continue
			}
			if counted.Has(diff.ChangeRef{Bead: bi, Change: ci}) {
				f(ch)
			}
		}
	}
}

// countChanges counts the changes that count and are not trivial.
func countChanges(c *diff.Comparison, counted *ChangeSet) int {
	n := 0
	eachChange(c, counted, func(ch diff.Change) {
		if ch.Kind != diff.Trivial {
			n++
		}
	})
	return n
}

// tally counts the changes that count and that selected picks, and, with
// glossary, the glossary departures that count and that no change shows
// (a departure flags the changes where it stands; one that none shows
// counts on its own). It keeps up to three examples for a message.
func tally(c *diff.Comparison, counted *ChangeSet, selected func(diff.Change) bool, glossary bool) (n int, examples []string) {
	eachChange(c, counted, func(ch diff.Change) {
		if selected(ch) {
			n++
			if len(examples) < 3 {
				examples = append(examples, describe(ch))
			}
		}
	})
	if !glossary {
		return n, examples
	}
	for bi, b := range c.Beads {
		if hasFlag(b.Changes, diff.FlagGlossary) {
			continue
		}
		for gi, m := range b.Glossary {
			if counted.HasGlossary(bi, gi) {
				n++
				if len(examples) < 3 {
					examples = append(examples, fmt.Sprintf("glossary %q", m.Term.A))
				}
			}
		}
	}
	return n, examples
}

func hasFlag(changes []diff.Change, f diff.Flag) bool {
	for _, ch := range changes {
		for _, cf := range ch.Flags {
			if cf == f {
				return true
			}
		}
	}
	return false
}

// describe names a change in a few words for a message:
// `omission "in 2025"`, `shift "war" → "conflict"`.
func describe(ch diff.Change) string {
	a, b := short(ch.A), short(ch.B)
	switch {
	case a == "" && b == "":
		return ch.Kind.String() + " (white space)"
	case a == "":
		return fmt.Sprintf("%s %q", ch.Kind, b)
	case b == "":
		return fmt.Sprintf("%s %q", ch.Kind, a)
	}
	return fmt.Sprintf("%s %q → %q", ch.Kind, a, b)
}

// short folds the white space of s and cuts it to 40 characters.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// Differs reports whether a comparison differs at all, as diff(1) would
// say: any change, trivial ones included (unless the comparison left them
// out), or a glossary departure. Across languages, what differs is what
// the comparison finds there (see [diff.Languages]).
func Differs(c *diff.Comparison) bool { return c.Summary.Differs() }
