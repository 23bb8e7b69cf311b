package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/gate"
	"github.com/paradiff/paradiff/report"
)

// dirPair reports whether A and B are both directories. One directory and
// one file is an error.
func dirPair(files []string) (bool, error) {
	da, db := isDir(files[0]), isDir(files[1])
	switch {
	case da && db:
		return true, nil
	case da:
		return false, fmt.Errorf("%s: is a directory, but %s is not; compare two files or two directories", files[0], displayName(files[1]))
	case db:
		return false, fmt.Errorf("%s: is a directory, but %s is not; compare two files or two directories", files[1], displayName(files[0]))
	}
	return false, nil
}

func isDir(name string) bool {
	if name == "-" {
		return false
	}
	info, err := os.Stat(name)
	return err == nil && info.IsDir()
}

// dirRun is paradiff DIR_A DIR_B: the files of the two directories paired
// by relative path, as diff -r pairs them. Hidden files and directories
// (names starting with ".") are skipped, and so is everything that is not
// a regular file (symbolic links included). Pairs are compared in
// parallel, on runtime.GOMAXPROCS(0) goroutines; results keep path order.
type dirRun struct {
	dirA, dirB string
	format     string
	flags      common // encodings and languages
	opts       diff.Options
	ci         *ciRun
}

func (d *dirRun) run(stdout, stderr io.Writer) (int, error) {
	if err := checkChoice("format", d.format, "text", "markdown", "json", "github", "junit"); err != nil {
		return exitTrouble, usageError{"directories: " + err.Error()}
	}
	if err := d.ci.judge.Baseline.Fit(true); err != nil {
		return exitTrouble, fromGate(err)
	}
	inA, err := listFiles(d.dirA)
	if err != nil {
		return exitTrouble, err
	}
	inB, err := listFiles(d.dirB)
	if err != nil {
		return exitTrouble, err
	}
	set := &report.Files{A: d.dirA, B: d.dirB, Gated: d.ci.judge.Gated()}
	for _, p := range union(inA, inB) {
		f := report.File{Path: p}
		switch {
		case !inB[p]:
			f.OnlyIn = "a"
		case !inA[p]:
			f.OnlyIn = "b"
		}
		set.Files = append(set.Files, f)
	}
	d.compareAll(set.Files)

	// Judge each file, then the whole.
	var failures []string
	var hyps, refs []string
	differ := false
	notes := map[string]bool{}
	verdicts := make([]gate.Verdict, len(set.Files))
	for i := range set.Files {
		f := &set.Files[i]
		if f.OnlyIn != "" {
			differ = true
			f.Failures = d.ci.judge.OnlyIn(f.Path, f.OnlyIn)
			failures = append(failures, f.Failures...)
			continue
		}
		if f.Error != "" {
			continue // reported below, and the run's exit status is 2
		}
		c := f.Comparison
		set.Summary = set.Summary.Plus(c.Summary)
		if c.Metrics != nil && c.Metrics.Note != "" && !notes[c.Metrics.Note] {
			notes[c.Metrics.Note] = true
			fmt.Fprintf(stderr, "paradiff: note: %s\n", c.Metrics.Note)
		}
		h, r := c.ScoredSegments()
		hyps, refs = append(hyps, h...), append(refs, r...)
		v, err := d.ci.judge.Document(c, f.Path)
		if err != nil {
			return exitTrouble, fromGate(err)
		}
		verdicts[i] = v
		f.Failures = v.Failures
		if set.Gated {
			failures = append(failures, v.Failures...)
		}
		differ = differ || gate.Differs(c)
	}
	if d.opts.Metrics && len(hyps) > 0 {
		if set.Metrics, err = diff.Score(hyps, [][]string{refs}, d.ci.metrics); err != nil {
			return exitTrouble, err
		}
	}
	all, err := d.ci.judge.All(verdicts, set.Metrics)
	if err != nil {
		return exitTrouble, fromGate(err)
	}
	set.Failures = all
	failures = append(failures, all...)

	switch d.format {
	case "json":
		err = report.FilesJSON(stdout, set)
	case "markdown":
		err = report.FilesMarkdown(stdout, set)
	case "junit":
		err = report.JUnit(stdout, set)
	case "github":
		err = d.github(stdout, set, verdicts)
	default:
		err = report.FilesText(stdout, set)
	}
	if err != nil {
		return exitTrouble, err
	}
	code, err := d.ci.finish(failures, differ, func(w io.Writer) error { return report.FilesJSON(w, set) }, stderr)
	if err != nil || set.Errors() == 0 {
		return code, err
	}
	// A pair that could not be compared makes the whole run one in
	// trouble, after the report of the others. The last error is
	// returned, to be printed as every error is; the others are printed
	// here.
	var errs []string
	for _, f := range set.Files {
		if f.Error != "" {
			errs = append(errs, f.Error)
		}
	}
	for _, e := range errs[:len(errs)-1] {
		fmt.Fprintf(stderr, "paradiff: %s\n", e)
	}
	return exitTrouble, errors.New(errs[len(errs)-1])
}

// compareAll reads and compares every pair, in parallel. A pair that
// cannot be compared gets its error instead of a comparison.
func (d *dirRun) compareAll(files []report.File) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(files))) {
		wg.Go(func() {
			for i := range work {
				c, err := d.comparePair(files[i].Path)
				if err != nil {
					files[i].Error = err.Error()
					continue
				}
				files[i].Comparison = c
			}
		})
	}
	for i, f := range files {
		if f.OnlyIn == "" {
			work <- i
		}
	}
	close(work)
	wg.Wait()
}

func (d *dirRun) comparePair(rel string) (*diff.Comparison, error) {
	a := diff.Document{Name: filepath.Join(d.dirA, filepath.FromSlash(rel))}
	b := diff.Document{Name: filepath.Join(d.dirB, filepath.FromSlash(rel))}
	var err error
	if a.Text, err = d.flags.encoding.read(a.Name, nil, 0); err != nil {
		return nil, err
	}
	if b.Text, err = d.flags.encoding.read(b.Name, nil, 1); err != nil {
		return nil, err
	}
	return diff.Compare(a, b, d.opts), nil
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
	for _, f := range set.Files {
		failures = append(failures, f.Failures...)
	}
	return d.ci.githubFailures(w, append(failures, set.Failures...), "")
}

// listFiles returns the relative paths (slash-separated) of the regular
// files under root, skipping hidden files and directories.
func listFiles(root string) (map[string]bool, error) {
	out := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return fmt.Errorf("%s: permission denied", p)
			}
			return err
		}
		if p != root && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !e.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = true
		return nil
	})
	return out, err
}

func union(a, b map[string]bool) []string {
	paths := make([]string, 0, len(a)+len(b))
	for p := range a {
		paths = append(paths, p)
	}
	for p := range b {
		if !a[p] {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	return paths
}
