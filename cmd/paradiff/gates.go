package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/gate"
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
	fs                       *flag.FlagSet // to tell a flag given its "none" value from one not given
}

func addGateFlags(fs *flag.FlagSet) *gateFlags {
	g := &gateFlags{fs: fs}
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

// gates checks the gate flags (and --tolerance) against the metrics that
// will be computed.
func (f *gateFlags) gates(metrics diff.MetricSet) (*gate.Gates, error) {
	// The values that mean "no gate" (the defaults) are errors when given.
	given := map[string]bool{}
	if f.fs != nil {
		f.fs.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
	}
	switch {
	case given["fail-on"] && f.failOn == "":
		return nil, usageError{`--fail-on "": want a comma-separated list of kinds, flags or a severity (see paradiff -h)`}
	case given["max-changes"] && f.maxChanges < 0:
		return nil, usageError{"--max-changes takes a number of 0 or more"}
	}
	for _, t := range []struct {
		name string
		v    float64
	}{{"min-chrf", f.minCHRF}, {"min-bleu", f.minBLEU}, {"max-ter", f.maxTER}} {
		if given[t.name] && math.IsNaN(t.v) {
			return nil, usageError{fmt.Sprintf("--%s takes a score of 0 or more", t.name)}
		}
	}
	g, err := gate.New(gate.Config{
		FailOn:     f.failOn,
		MaxChanges: f.maxChanges,
		MinBLEU:    f.minBLEU,
		MinCHRF:    f.minCHRF,
		MaxTER:     f.maxTER,
		Metrics:    metrics,
	})
	if err != nil {
		return nil, usageError{gateMessage(err)}
	}
	if f.tolerance < 0 || math.IsNaN(f.tolerance) || math.IsInf(f.tolerance, 0) {
		return nil, usageError{"--tolerance takes a number of points, 0 or more"}
	}
	return g, nil
}

// gateMessage is the message of an error of package gate without the
// package's prefix: paradiff prints it under its own name.
func gateMessage(err error) string {
	var ge *gate.Error
	if errors.As(err, &ge) {
		return ge.Msg
	}
	return err.Error()
}

// gateError is an error of package gate as paradiff reports it: its
// message without the package's prefix.
type gateError struct{ err error }

func (e gateError) Error() string { return gateMessage(e.err) }

func (e gateError) Unwrap() error { return e.err }

// fromGate wraps a non-nil error of package gate in a gateError.
func fromGate(err error) error {
	if err == nil {
		return nil
	}
	return gateError{err}
}

// ciRun holds what the metric, gate and baseline flags set up for
// paradiff A B: the metrics' options, the judge, and where to write a
// baseline.
type ciRun struct {
	metricsOn     bool // not --metrics none
	metrics       diff.MetricOptions
	judge         *gate.Judge
	writeBaseline string
}

// newCIRun checks the metric, gate and baseline flags against the
// inputs (the files or directories compared) and reads the baseline. A bad
// baseline is trouble (exit 2), never a pass.
func newCIRun(mf *metricFlags, gf *gateFlags, stdin io.Reader, enc encodings, inputs ...string) (*ciRun, error) {
	mo, err := mf.options()
	if err != nil {
		return nil, err
	}
	if err := checkBaselineTarget(gf.writeBaseline, inputs); err != nil {
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
	r := &ciRun{metricsOn: !mf.none(), metrics: mo, judge: &gate.Judge{Gates: g, Tolerance: gf.tolerance}, writeBaseline: gf.writeBaseline}
	if gf.baseline != "" {
		if r.judge.Baseline, err = readBaseline(gf.baseline, stdin, enc); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// judgeOne judges the comparison of two files, and writes the metrics'
// note, if any, to stderr.
func (r *ciRun) judgeOne(c *diff.Comparison, stderr io.Writer) (gate.Verdict, error) {
	if err := r.judge.Baseline.Fit(false); err != nil {
		return gate.Verdict{}, fromGate(err)
	}
	if c.Metrics != nil && c.Metrics.Note != "" {
		fmt.Fprintf(stderr, "paradiff: note: %s\n", c.Metrics.Note)
	}
	v, err := r.judge.Document(c, "")
	return v, fromGate(err)
}

// github writes the -f github report of two files: an annotation per
// change (per new change, with a baseline), a summary notice, and an
// error per tripped gate.
func (r *ciRun) github(w io.Writer, c *diff.Comparison, v gate.Verdict) error {
	if err := report.GitHub(w, c, githubOptions(v, "")); err != nil {
		return err
	}
	return r.githubFailures(w, v.Failures, "")
}

// githubOptions annotates the changes the verdict counted.
func githubOptions(v gate.Verdict, file string) report.GitHubOptions {
	o := report.GitHubOptions{File: file, Summary: true}
	if v.Counted != nil {
		o.Keep = v.Counted.Has
		o.KeepGlossary = v.Counted.HasGlossary
	}
	return o
}

// githubFailures writes an error annotation per tripped gate.
func (r *ciRun) githubFailures(w io.Writer, failures []string, file string) error {
	if !r.judge.Gated() {
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
func (r *ciRun) junit(w io.Writer, c *diff.Comparison, v gate.Verdict) error {
	return report.JUnit(w, &report.Files{
		Dirs: &diff.Dirs{
			A: c.A.Name, B: c.B.Name,
			Files:   []diff.DirFile{{Path: displayName(c.B.Name), Comparison: c}},
			Summary: c.Summary, Metrics: c.Metrics,
		},
		FileFailures: [][]string{v.Failures}, Gated: r.judge.Gated(),
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
	if !r.judge.Gated() {
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
