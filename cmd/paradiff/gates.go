package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/report"
)

// gateFlags are the flags that decide the exit status of paradiff A B by
// thresholds (gates) instead of by any difference, and the baseline ones.
type gateFlags struct {
	failOn                   string
	minCHRF, minBLEU, maxTER float64 // NaN when not given
	maxChanges               int     // -1 when not given
	baseline, writeBaseline  string
	tolerance                float64
}

func addGateFlags(fs *flag.FlagSet) *gateFlags {
	g := &gateFlags{}
	fs.StringVar(&g.failOn, "fail-on", "", "")
	fs.Float64Var(&g.minCHRF, "min-chrf", math.NaN(), "")
	fs.Float64Var(&g.minBLEU, "min-bleu", math.NaN(), "")
	fs.Float64Var(&g.maxTER, "max-ter", math.NaN(), "")
	fs.IntVar(&g.maxChanges, "max-changes", -1, "")
	fs.StringVar(&g.baseline, "baseline", "", "")
	fs.StringVar(&g.writeBaseline, "write-baseline", "", "")
	fs.Float64Var(&g.tolerance, "tolerance", 0.5, "")
	return g
}

// gates are the thresholds given on the command line. A document trips a
// gate when
//
//   - --fail-on KINDS: it has a change of one of the kinds, with one of
//     the flags, or of one of the severities or worse;
//   - --max-changes N: it has more than N changes that are not trivial;
//   - --min-bleu, --min-chrf X: its score is below X;
//   - --max-ter X: its TER is above X.
//
// With a baseline, --fail-on and --max-changes count only the changes
// that are new since the baseline.
type gates struct {
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

// gates checks the gate flags against the metrics that will be computed.
func (f *gateFlags) gates(metrics diff.MetricSet) (*gates, error) {
	g := &gates{failOn: f.failOn, minCHRF: f.minCHRF, minBLEU: f.minBLEU, maxTER: f.maxTER, maxChanges: f.maxChanges}
	if f.failOn != "" {
		for _, name := range strings.Split(f.failOn, ",") {
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
					return nil, usageError{fmt.Sprintf("--fail-on %q: want a comma-separated list of kinds (insertion, omission, shift, move, trivial), flags (number, name, negation, glossary) or a severity (critical, major, minor: that severity or worse)", f.failOn)}
				}
				if !g.bySeverity || s < g.severity {
					g.severity = s
				}
				g.bySeverity = true
			}
		}
	}
	if f.maxChanges < -1 {
		return nil, usageError{"--max-changes takes a number of 0 or more"}
	}
	for _, t := range []struct {
		name string
		v    float64
		m    diff.MetricSet
	}{{"min-chrf", f.minCHRF, diff.MetricCHRF}, {"min-bleu", f.minBLEU, diff.MetricBLEU}, {"max-ter", f.maxTER, diff.MetricTER}} {
		if !math.IsNaN(t.v) && !metrics.Has(t.m) {
			return nil, usageError{fmt.Sprintf("--%s needs that metric: add it to --metrics", t.name)}
		}
		if t.v < 0 || math.IsInf(t.v, 0) {
			return nil, usageError{fmt.Sprintf("--%s takes a score of 0 or more", t.name)}
		}
	}
	if f.tolerance < 0 || math.IsNaN(f.tolerance) {
		return nil, usageError{"--tolerance takes a number of points, 0 or more"}
	}
	return g, nil
}

// any reports whether a gate was given: then gates alone decide the exit
// status.
func (g *gates) any() bool {
	return g.hasChangeGates() || !math.IsNaN(g.minCHRF) || !math.IsNaN(g.minBLEU) || !math.IsNaN(g.maxTER)
}

func (g *gates) hasChangeGates() bool { return g.failOn != "" || g.maxChanges >= 0 }

// selects reports whether --fail-on selects a change.
func (g *gates) selects(ch diff.Change) bool {
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

func (g *gates) selectsGlossary() bool {
	for _, f := range g.flags {
		if f == diff.FlagGlossary {
			return true
		}
	}
	return g.bySeverity // a glossary departure is critical
}

// changeFailures checks the change gates on a document: one message per
// tripped gate. counted says which changes count (all without a
// baseline, the new ones with it); a move counts once, where it arrives.
// where names the document in the messages ("" for none).
func (g *gates) changeFailures(c *diff.Comparison, counted *changeSet, where string) []string {
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
		n := 0
		eachChange(c, counted, func(ch diff.Change) {
			if ch.Kind != diff.Trivial {
				n++
			}
		})
		if n > g.maxChanges {
			out = append(out, fmt.Sprintf("gate --max-changes %d: %s%d changes", g.maxChanges, where, n))
		}
	}
	return out
}

// scoreFailures checks the score gates: one message per tripped gate. A
// comparison with nothing to score (no segments) trips none.
func (g *gates) scoreFailures(m *diff.Metrics, where string) []string {
	if m == nil || m.Segments == 0 {
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

// eachChange calls f with every change that counts: not the half of a
// move where its text leaves A, and only those counted says.
// tally counts the changes that count and that selected picks, and, with
// glossary, the glossary departures that no change shows (a departure
// flags the changes where it stands; one that none shows counts on its
// own). It keeps up to three examples for a message.
func tally(c *diff.Comparison, counted *changeSet, selected func(diff.Change) bool, glossary bool) (n int, examples []string) {
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
			if counted.hasGlossary(bi, gi) {
				n++
				if len(examples) < 3 {
					examples = append(examples, fmt.Sprintf("glossary %q", m.Term.A))
				}
			}
		}
	}
	return n, examples
}

func eachChange(c *diff.Comparison, counted *changeSet, f func(diff.Change)) {
	for bi, b := range c.Beads {
		for ci, ch := range b.Changes {
			if ch.Kind == diff.Move && ch.B == "" {
				continue
			}
			if counted.has(bi, ci) {
				f(ch)
			}
		}
	}
}

// describe names a change in a few words for a gate message:
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

// short trims s and cuts it to 40 characters.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// changeSet says which changes of a comparison count; nil counts all.
type changeSet struct {
	changes  map[diff.ChangeRef]bool
	glossary map[diff.ChangeRef]bool // Change is the index in the bead's Glossary
}

func (s *changeSet) has(bead, change int) bool {
	return s == nil || s.changes[diff.ChangeRef{Bead: bead, Change: change}]
}

func (s *changeSet) hasGlossary(bead, i int) bool {
	return s == nil || s.glossary[diff.ChangeRef{Bead: bead, Change: i}]
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

// differs reports whether a comparison counts as different for the exit
// status without gates: any change, trivial ones included (unless
// --ignore-trivial took them out), or a glossary departure.
func differs(c *diff.Comparison) bool {
	return c.Summary.Differences() > 0 || c.Summary.Count(diff.Trivial) > 0 || c.Summary.Glossary > 0
}

// judge decides whether documents fail, from the gates and the baseline.
// When neither is given, a document fails when it differs at all, as in
// diff(1); otherwise the gates and the baseline alone decide.
type judge struct {
	g         *gates
	base      *baseline
	tolerance float64
}

// gated reports whether gates or a baseline decide the exit status.
func (j *judge) gated() bool { return j.g.any() || j.base != nil }

// verdict is the judgement of one document.
type verdict struct {
	failures []string   // one line per tripped gate, naming the document
	counted  *changeSet // the changes the gates counted: the new ones with a baseline, nil for all
}

// document judges one comparison; path is its relative path in a
// directory comparison ("" for two files) and where its name for the
// messages ("" or "path: ").
func (j *judge) document(c *diff.Comparison, path, where string) (verdict, error) {
	var v verdict
	if !j.gated() {
		if differs(c) {
			v.failures = []string{"B differs from A: " + report.SummaryLine(c.Summary, c.Metrics)}
		}
		return v, nil
	}
	var bd *baseDoc
	if j.base != nil {
		bd = j.base.doc(path)
		v.counted = bd.newIn(c)
	}
	v.failures = append(v.failures, j.g.changeFailures(c, v.counted, where)...)
	v.failures = append(v.failures, j.g.scoreFailures(c.Metrics, where)...)
	if j.base == nil {
		return v, nil
	}
	if !j.g.hasChangeGates() {
		if n, examples := v.counted.newChanges(c); n > 0 {
			msg := fmt.Sprintf("baseline %s: %s%d new change%s (%s", displayName(j.base.name), where, n, plural(n), strings.Join(examples, "; "))
			if n > len(examples) {
				msg += "; …"
			}
			v.failures = append(v.failures, msg+")")
		}
	}
	if bd != nil {
		drops, err := bd.metrics.drops(c.Metrics, j.tolerance, j.base.name, where)
		if err != nil {
			return v, err
		}
		v.failures = append(v.failures, drops...)
	}
	return v, nil
}

// onlyIn judges a file that is on one side only: it differs, and with
// gates or a baseline it fails, unless the baseline has it on the same
// side only.
func (j *judge) onlyIn(path, side string) []string {
	if j.base != nil {
		if d := j.base.doc(path); d != nil && d.onlyIn == side {
			return nil
		}
	}
	return []string{fmt.Sprintf("%s: only in %s", path, strings.ToUpper(side))}
}

// all judges a directory comparison as a whole: --max-changes against the
// changes of all files, the score gates and the baseline's scores against
// the scores over all files. changes is the number of counted changes
// that are not trivial.
func (j *judge) all(changes int, m *diff.Metrics) ([]string, error) {
	if !j.gated() {
		return nil, nil
	}
	const where = "all files: "
	var out []string
	if j.g.maxChanges >= 0 && changes > j.g.maxChanges {
		out = append(out, fmt.Sprintf("gate --max-changes %d: %s%d changes", j.g.maxChanges, where, changes))
	}
	out = append(out, j.g.scoreFailures(m, where)...)
	if j.base != nil {
		drops, err := j.base.all.drops(m, j.tolerance, j.base.name, where)
		if err != nil {
			return nil, err
		}
		out = append(out, drops...)
	}
	return out, nil
}

// ciRun holds what the metric, gate and baseline flags set up for
// paradiff A B: the metrics' options, the judge, and where to write a
// baseline.
type ciRun struct {
	metricsOn     bool // not --metrics none
	metrics       diff.MetricOptions
	judge         *judge
	writeBaseline string
}

// newCIRun checks the metric, gate and baseline flags and reads the
// baseline. A bad baseline is trouble (exit 2), never a pass.
func newCIRun(mf *metricFlags, gf *gateFlags, stdin io.Reader) (*ciRun, error) {
	mo, err := mf.options()
	if err != nil {
		return nil, err
	}
	only := mo.Only
	if mf.none() {
		only = ^diff.AllMetrics // no metric: a score gate is an error
	}
	g, err := gf.gates(only)
	if err != nil {
		return nil, err
	}
	r := &ciRun{metricsOn: !mf.none(), metrics: mo, judge: &judge{g: g, tolerance: gf.tolerance}, writeBaseline: gf.writeBaseline}
	if gf.baseline != "" {
		if r.judge.base, err = readBaseline(gf.baseline, stdin); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// judgeOne judges the comparison of two files, and writes the metrics'
// note, if any, to stderr.
func (r *ciRun) judgeOne(c *diff.Comparison, stderr io.Writer) (verdict, error) {
	if b := r.judge.base; b != nil && b.dir {
		return verdict{}, fmt.Errorf("baseline %s is the report of two directories; this run compares two files", displayName(b.name))
	}
	if c.Metrics != nil && c.Metrics.Note != "" {
		fmt.Fprintf(stderr, "paradiff: note: %s\n", c.Metrics.Note)
	}
	return r.judge.document(c, "", "")
}

// github writes the -f github report of two files: an annotation per
// change (per new change, with a baseline), a summary notice, and an
// error per tripped gate.
func (r *ciRun) github(w io.Writer, c *diff.Comparison, v verdict) error {
	if err := report.GitHub(w, c, githubOptions(c, v, "")); err != nil {
		return err
	}
	return r.githubFailures(w, v.failures, "")
}

func githubOptions(c *diff.Comparison, v verdict, file string) report.GitHubOptions {
	o := report.GitHubOptions{File: file, Summary: true}
	if v.counted != nil {
		o.Keep = func(ref diff.ChangeRef) bool { return v.counted.has(ref.Bead, ref.Change) }
		o.KeepGlossary = v.counted.hasGlossary
	}
	return o
}

// githubFailures writes an error annotation per tripped gate.
func (r *ciRun) githubFailures(w io.Writer, failures []string, file string) error {
	if !r.judge.gated() {
		return nil
	}
	for _, f := range failures {
		a := report.GitHubAnnotation{Level: "error", File: file, Title: "paradiff gate", Message: f}
		if _, err := fmt.Fprintln(w, a); err != nil {
			return err
		}
	}
	return nil
}

// junit writes the -f junit report of two files: one test case.
func (r *ciRun) junit(w io.Writer, c *diff.Comparison, v verdict) error {
	return report.JUnit(w, &report.Files{
		A: c.A.Name, B: c.B.Name,
		Files:   []report.File{{Path: displayName(c.B.Name), Comparison: c, Failures: v.failures}},
		Summary: c.Summary, Metrics: c.Metrics, Gated: r.judge.gated(),
	})
}

// finish writes the baseline if asked, reports the tripped gates on
// stderr and returns the exit status: with gates or a baseline, 1 when
// one trips; without, 1 when the documents differ.
func (r *ciRun) finish(failures []string, differ bool, baseline func(io.Writer) error, stderr io.Writer) (int, error) {
	if r.writeBaseline != "" {
		if err := writeBaseline(r.writeBaseline, baseline); err != nil {
			return exitTrouble, err
		}
	}
	if !r.judge.gated() {
		if differ {
			return exitDiffer, nil
		}
		return exitSame, nil
	}
	for _, f := range failures {
		fmt.Fprintf(stderr, "paradiff: %s\n", f)
	}
	if len(failures) > 0 {
		return exitDiffer, nil
	}
	return exitSame, nil
}
