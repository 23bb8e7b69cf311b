package main

import (
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strings"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/gate"
	"github.com/paradiff/paradiff/report"
)

// dirRun is paradiff DIR_A DIR_B: diff.CompareDirs, judged, rendered.
type dirRun struct {
	dirA, dirB string
	format     string
	opts       diff.Options
	read       diff.ReadOptions
	ci         *ciRun
}

func (d *dirRun) run(stdout, stderr io.Writer) (int, error) {
	if err := checkChoice("format", d.format, "text", "markdown", "json", "github", "junit"); err != nil {
		return exitTrouble, usageError{"directories: " + err.Error()}
	}
	// Before comparing, which may take long (Judge.Dirs checks again).
	if err := d.ci.judge.Baseline.Fit(true); err != nil {
		return exitTrouble, fromGate(err)
	}
	dirs, err := diff.CompareDirs(d.dirA, d.dirB, d.opts, d.read)
	if err != nil {
		return exitTrouble, err
	}
	notes := map[string]bool{}
	for _, f := range dirs.Files {
		if c := f.Comparison; c != nil && c.Metrics != nil && c.Metrics.Note != "" && !notes[c.Metrics.Note] {
			notes[c.Metrics.Note] = true
			fmt.Fprintf(stderr, "paradiff: note: %s\n", c.Metrics.Note)
		}
	}
	for _, sk := range dirs.Skipped {
		root := d.dirA
		if sk.Side == "b" {
			root = d.dirB
		}
		fmt.Fprintf(stderr, "paradiff: note: skipped %s: %s\n", filepath.Join(root, filepath.FromSlash(sk.Path)), sk.Reason)
	}
	v, err := d.ci.judge.Dirs(dirs)
	if err != nil {
		return exitTrouble, fromGate(err)
	}
	set := &report.Files{Dirs: dirs, FileFailures: v.FileFailures(), Failures: v.All, Gated: d.ci.judge.Gated()}
	switch d.format {
	case "json":
		err = report.FilesJSON(stdout, set)
	case "markdown":
		err = report.FilesMarkdown(stdout, set)
	case "junit":
		err = report.JUnit(stdout, set)
	case "github":
		err = d.github(stdout, set, v.Files)
	default:
		err = report.FilesText(stdout, set)
	}
	if err != nil {
		return exitTrouble, err
	}
	code, err := d.ci.finish(v.Failures(), v.Differs, func(w io.Writer) error { return report.FilesJSON(w, set) }, stderr)
	if err != nil || dirs.Errors() == 0 {
		return code, err
	}
	// A pair that could not be compared makes the whole run one in
	// trouble, after the report of the others. The last error is
	// returned, to be printed as every error is; the others are printed
	// here.
	var errs []string
	for _, f := range dirs.Files {
		if f.Error != "" {
			errs = append(errs, f.Error)
		}
	}
	for _, e := range errs[:len(errs)-1] {
		fmt.Fprintf(stderr, "paradiff: %s\n", e)
	}
	return exitTrouble, errors.New(errs[len(errs)-1])
}

// github writes the annotations of every file, an annotation for each file
// on one side only, a summary notice, and an error per tripped gate.
func (d *dirRun) github(w io.Writer, set *report.Files, verdicts []gate.Verdict) error {
	for i, f := range set.Files {
		if f.Comparison == nil {
			continue
		}
		o := githubOptions(verdicts[i], filepath.ToSlash(f.Comparison.B.Name))
		o.Summary = false
		if err := report.GitHub(w, f.Comparison, o); err != nil {
			return err
		}
	}
	for _, f := range set.Files {
		a := report.GitHubAnnotation{Level: "warning", Title: "paradiff: only in " + strings.ToUpper(f.OnlyIn)}
		switch {
		case f.Error != "":
			a.Level, a.Title, a.Message = "error", "paradiff: cannot compare", f.Error
		case f.OnlyIn == "a":
			a.Level = "error"
			a.Message = fmt.Sprintf("%s has no counterpart %s", path.Join(filepath.ToSlash(d.dirA), f.Path), path.Join(filepath.ToSlash(d.dirB), f.Path))
		case f.OnlyIn == "b":
			a.File = path.Join(filepath.ToSlash(d.dirB), f.Path)
			a.Message = fmt.Sprintf("%s has no counterpart %s", a.File, path.Join(filepath.ToSlash(d.dirA), f.Path))
		default:
			continue
		}
		if _, err := fmt.Fprintln(w, a); err != nil {
			return err
		}
	}
	sum := report.GitHubAnnotation{Level: "notice", Title: "paradiff summary",
		Message: fmt.Sprintf("%d files (%d only in A, %d only in B, %d not compared): %s", len(set.Files), set.OnlyIn("a"), set.OnlyIn("b"), set.Errors(), report.SummaryLine(set.Summary, set.Metrics))}
	if _, err := fmt.Fprintln(w, sum); err != nil {
		return err
	}
	var failures []string
	for _, f := range set.FileFailures {
		failures = append(failures, f...)
	}
	return d.ci.githubFailures(w, append(failures, set.Failures...), "")
}
