package main

import (
	"fmt"
	"io"
	"math"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/gate"
	"github.com/paradiff/paradiff/report"
)

// compareOptions are the flags of paradiff A B.
type compareOptions struct {
	common
	color         string
	ignoreTrivial bool
	glossary      string
	sideBySide    bool
	context       int
	all           bool
	width         int
	progress      string
	*metricFlags  // score.go
	*gateFlags    // gates.go
}

func runCompare(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) (int, error) {
	var o compareOptions
	fs := newFlagSet("paradiff", &o.common, "text")
	fs.StringVar(&o.color, "color", "auto", "")
	fs.BoolVar(&o.ignoreTrivial, "ignore-trivial", false, "")
	fs.StringVar(&o.glossary, "glossary", "", "")
	addAlignFlags(fs, &o.common)
	fs.BoolVar(&o.sideBySide, "side-by-side", false, "")
	fs.BoolVar(&o.sideBySide, "y", false, "")
	fs.IntVar(&o.context, "context", 0, "")
	fs.IntVar(&o.context, "C", 0, "")
	fs.BoolVar(&o.all, "all", false, "")
	fs.Var((*widthFlag)(&o.width), "width", "")
	fs.StringVar(&o.progress, "progress", "auto", "")
	o.metricFlags, o.gateFlags = addMetricFlags(fs), addGateFlags(fs)
	files, err := parse(fs, args, 2, "two files to compare, A and B")
	if err != nil {
		return exitTrouble, err
	}
	if err := oneStdin("A", files[0], "B", files[1], "--glossary", o.glossary, "--dictionary", o.dictionary, "--baseline", o.baseline); err != nil {
		return exitTrouble, err
	}
	if err := checkChoice("format", o.format, "text", "markdown", "json", "html", "tsv", "tmx", "github", "junit"); err != nil {
		return exitTrouble, err
	}
	if err := checkChoice("color", o.color, "auto", "always", "never"); err != nil {
		return exitTrouble, err
	}
	if err := checkChoice("progress", o.progress, "auto", "always", "never"); err != nil {
		return exitTrouble, err
	}
	if err := checkChoice("segments", o.segments, "sentences", "lines"); err != nil {
		return exitTrouble, err
	}
	if o.context < 0 || o.width < 0 {
		return exitTrouble, usageError{"--context and --width take a number of 0 or more"}
	}
	ci, err := newCIRun(o.metricFlags, o.gateFlags, stdin, o.encoding, append(files, o.glossary, o.dictionary)...)
	if err != nil {
		return exitTrouble, err
	}
	opts := diff.Options{ByLine: o.segments == "lines", IgnoreTrivial: o.ignoreTrivial, Metrics: ci.metricsOn, MetricOptions: ci.metrics}
	if o.format == "tmx" && o.segments == "lines" {
		return exitTrouble, usageError{"-f tmx needs sentences, not --segments lines"}
	}
	if o.glossary != "" {
		if opts.Glossary, err = readGlossary(o.glossary, stdin, o.encoding); err != nil {
			return exitTrouble, err
		}
	}
	if err := o.aligner(&opts.Aligner, stdin); err != nil {
		return exitTrouble, err
	}
	if opts.LangA, opts.LangB, err = o.languages(); err != nil {
		return exitTrouble, err
	}
	if dirs, err := diff.IsDirPair(files[0], files[1]); err != nil || dirs {
		if err != nil {
			return exitTrouble, err
		}
		d := dirRun{dirA: files[0], dirB: files[1], format: o.format, opts: opts, read: o.encoding.readOptions(), ci: ci}
		return d.run(stdout, stderr)
	}
	a, b, err := readPair(files, stdin, o.encoding)
	if err != nil {
		return exitTrouble, err
	}
	limitMemory(len(a.Text) + len(b.Text))
	bar := o.progressBar(stderr)
	if bar != nil {
		opts.Progress = bar.update
	}
	cmp := diff.Compare(a, b, opts)
	if bar != nil {
		bar.finish() // before any note, which would land on the bar's line
	}
	for _, note := range cmp.Notes {
		fmt.Fprintf(stderr, "paradiff: note: %s\n", note)
	}
	if note := report.LanguageNote(cmp); note != "" && (o.format == "tsv" || o.format == "tmx") {
		// Aligned text for translators has no place for it.
		fmt.Fprintf(stderr, "paradiff: note: %s\n", strings.TrimPrefix(note, "Note: "))
	}
	v, err := ci.judgeOne(cmp, stderr)
	if err != nil {
		return exitTrouble, err
	}
	switch o.format {
	case "github":
		err = ci.github(stdout, cmp, v)
	case "junit":
		err = ci.junit(stdout, cmp, v)
	case "json":
		err = report.JSON(stdout, cmp)
	case "markdown":
		err = report.Markdown(stdout, cmp)
	case "html":
		err = report.HTML(stdout, cmp)
	case "tsv":
		err = report.TSV(stdout, cmp)
	case "tmx":
		err = report.TMX(stdout, cmp, cmp.Languages.A.String(), cmp.Languages.B.String())
	default:
		err = report.Text(stdout, cmp, report.TextOptions{
			Color:      o.color == "always" || o.color == "auto" && getenv("NO_COLOR") == "" && isTerminal(stdout),
			SideBySide: o.sideBySide,
			Width:      o.terminalWidth(stdout, getenv),
			Context:    o.context,
			All:        o.all,
		})
	}
	if err != nil {
		return exitTrouble, err
	}
	return ci.finish(v.Failures, gate.Differs(cmp), func(w io.Writer) error { return report.JSON(w, cmp) }, stderr)
}

func readGlossary(name string, stdin io.Reader, enc encodings) ([]diff.Term, error) {
	text, err := enc.readUTF8(name, stdin)
	if err != nil {
		return nil, err
	}
	terms, err := diff.ReadGlossary(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return terms, nil
}

// progressBar returns the progress bar --progress asks for, or nil: auto
// draws on a terminal only, after the first second; always draws at once.
// The bar writes to the real standard error, not through safeWriter,
// which would escape its control sequences.
func (o compareOptions) progressBar(stderr io.Writer) *progressBar {
	raw := stderr
	if s, ok := stderr.(safeWriter); ok {
		raw = s.w
	}
	switch {
	case o.progress == "always":
		return newProgressBar(raw, 0, time.Now)
	case o.progress == "auto" && isTerminal(raw):
		return newProgressBar(raw, time.Second, time.Now)
	}
	return nil
}

// limitMemory sets the garbage collector's soft memory limit in
// proportion to the input, unless GOMEMLIMIT already sets one: the
// collector then runs more often instead of letting the heap grow to twice
// what is live, which for large inputs keeps the peak near 20 times their
// size at a few per cent of time (bench/compare.sh).
func limitMemory(inputBytes int) {
	if debug.SetMemoryLimit(-1) != math.MaxInt64 {
		return // the user's GOMEMLIMIT
	}
	debug.SetMemoryLimit(int64(memoryPerInputByte*inputBytes) + memoryBase)
}

const (
	memoryPerInputByte = 11
	memoryBase         = 16 << 20
)

func readDictionary(name string, stdin io.Reader, enc encodings) (align.Dictionary, error) {
	text, err := enc.readUTF8(name, stdin)
	if err != nil {
		return nil, err
	}
	dict, err := align.LoadDictionary(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return dict, nil
}

func readPair(files []string, stdin io.Reader, enc encodings) (a, b diff.Document, err error) {
	a.Name, b.Name = files[0], files[1]
	// Both at once (at most one is standard input); A's error first.
	var errB error
	var wg sync.WaitGroup
	wg.Go(func() { b.Text, errB = enc.read(files[1], stdin, 1) })
	a.Text, err = enc.read(files[0], stdin, 0)
	wg.Wait()
	if err != nil {
		return a, b, err
	}
	return a, b, errB
}
