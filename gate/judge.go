package gate

import (
	"fmt"
	"strings"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/report"
)

// Judge decides whether documents fail, from gates and a baseline. The
// zero Judge has neither: a document fails when it differs at all, as in
// diff(1). With gates or a baseline, they alone decide.
type Judge struct {
	Gates    *Gates    // nil for none
	Baseline *Baseline // nil for none
	// Tolerance is how many points, 0 or more, a score may be worse than
	// the baseline's; paradiff's default is 0.5.
	Tolerance float64
}

// Verdict is the judgement of one document.
type Verdict struct {
	// Failures holds one message per tripped gate, naming the document
	// when it has a path; without gates or a baseline, one message when
	// the document differs.
	Failures []string
	// Counted says which changes the gates counted: the new ones with a
	// baseline, nil for all.
	Counted *ChangeSet
	// Changes is the number of counted changes that are not trivial (a
	// move once), which --max-changes adds up over all files.
	Changes int
}

// Gated reports whether gates or a baseline decide.
func (j *Judge) Gated() bool { return j.Gates.Any() || j.Baseline != nil }

// Document judges one comparison. path is its relative path in a
// directory comparison, which names it in the messages and finds its
// record in the baseline; "" for a comparison of two files. The error, an
// [*Error], says that the baseline's scores cannot be compared with c's.
func (j *Judge) Document(c *diff.Comparison, path string) (Verdict, error) {
	var v Verdict
	if !j.Gated() {
		if Differs(c) {
			v.Failures = []string{"B differs from A: " + report.SummaryLine(c.Summary, c.Metrics)}
		}
		v.Changes = countChanges(c, nil)
		return v, nil
	}
	where := prefix(path)
	if j.Baseline != nil {
		v.Counted = j.Baseline.New(c, path)
	}
	v.Changes = countChanges(c, v.Counted)
	v.Failures = j.Gates.check(c, v.Counted, where, j.Baseline != nil)
	if j.Baseline == nil {
		return v, nil
	}
	if !j.Gates.HasChangeGates() {
		if n, examples := tally(c, v.Counted, func(diff.Change) bool { return true }, true); n > 0 {
			msg := fmt.Sprintf("baseline %s: %s%d new change%s (%s", j.Baseline.name, where, n, plural(n), strings.Join(examples, "; "))
			if n > len(examples) {
				msg += "; …"
			}
			v.Failures = append(v.Failures, msg+")")
		}
	}
	if d := j.Baseline.doc(path); d != nil {
		drops, err := d.metrics.drops(c.Metrics, j.Tolerance, j.Baseline.name, where)
		if err != nil {
			return v, err
		}
		v.Failures = append(v.Failures, drops...)
	}
	return v, nil
}

// OnlyIn judges a file of a directory comparison that is on one side
// only, side "a" or "b": it fails, unless the baseline has it on the
// same side only.
func (j *Judge) OnlyIn(path, side string) []string {
	if j.Baseline != nil && j.Baseline.OnlyIn(path) == side {
		return nil
	}
	return []string{fmt.Sprintf("%s: only in %s", path, strings.ToUpper(side))}
}

// All judges a directory comparison as a whole, once its files are
// judged: --max-changes against the changes of all files (the sum of
// their verdicts' Changes), the score gates and the baseline's scores
// over all files against m, the scores over all files. Without gates or
// a baseline it returns nothing.
func (j *Judge) All(verdicts []Verdict, m *diff.Metrics) ([]string, error) {
	if !j.Gated() {
		return nil, nil
	}
	const where = "all files: "
	var out []string
	if g := j.Gates; g != nil && g.maxChanges >= 0 {
		changes := 0
		for _, v := range verdicts {
			changes += v.Changes
		}
		if changes > g.maxChanges {
			out = append(out, g.maxChangesFailure(changes, where))
		}
	}
	out = append(out, j.Gates.scoreFailures(m, where)...)
	if j.Baseline != nil {
		drops, err := j.Baseline.all.drops(m, j.Tolerance, j.Baseline.name, where)
		if err != nil {
			return nil, err
		}
		out = append(out, drops...)
	}
	return out, nil
}

// DirsVerdict is the judgement of a directory comparison.
type DirsVerdict struct {
	// Files holds the verdict of each file, in the order of
	// diff.Dirs.Files; a file on one side only fails unless the baseline
	// has it so, and one that could not be compared has none.
	Files []Verdict
	// All holds the failures of the whole (see [Judge.All]).
	All []string
	// Differs says that the directories differ at all, as diff -r would
	// say: a file on one side only, or a pair that differs.
	Differs bool
}

// Failures returns the failures that decide a gated run: those of every
// file, then those of the whole.
func (v DirsVerdict) Failures() []string {
	var out []string
	for _, f := range v.Files {
		out = append(out, f.Failures...)
	}
	return append(out, v.All...)
}

// FileFailures returns the failures of each file, in order.
func (v DirsVerdict) FileFailures() [][]string {
	out := make([][]string, len(v.Files))
	for i, f := range v.Files {
		out[i] = f.Failures
	}
	return out
}

// Dirs judges a directory comparison: each file, then the whole. The
// error, an [*Error], says that the baseline does not fit the comparison.
func (j *Judge) Dirs(d *diff.Dirs) (DirsVerdict, error) {
	if err := j.Baseline.Fit(true); err != nil {
		return DirsVerdict{}, err
	}
	v := DirsVerdict{Files: make([]Verdict, len(d.Files))}
	for i, f := range d.Files {
		switch {
		case f.OnlyIn != "":
			v.Differs = true
			v.Files[i].Failures = j.OnlyIn(f.Path, f.OnlyIn)
		case f.Comparison != nil:
			fv, err := j.Document(f.Comparison, f.Path)
			if err != nil {
				return v, err
			}
			v.Files[i] = fv
			v.Differs = v.Differs || Differs(f.Comparison)
		}
	}
	all, err := j.All(v.Files, d.Metrics)
	v.All = all
	return v, err
}
