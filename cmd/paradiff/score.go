package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/metric"
	"github.com/paradiff/paradiff/report"
)

// metricFlags are the flags that configure BLEU, chrF and TER, shared by
// paradiff score and paradiff A B.
type metricFlags struct {
	metrics     string
	tokenize    string
	lowercase   bool
	smooth      string
	smoothValue float64
	wordOrder   int
	lang        string
}

func addMetricFlags(fs *flag.FlagSet) *metricFlags {
	m := &metricFlags{}
	fs.StringVar(&m.metrics, "metrics", "bleu,chrf,ter", "")
	fs.StringVar(&m.tokenize, "tokenize", "", "")
	fs.BoolVar(&m.lowercase, "lowercase", false, "")
	fs.StringVar(&m.smooth, "smooth", "exp", "")
	fs.Float64Var(&m.smoothValue, "smooth-value", 0, "")
	fs.IntVar(&m.wordOrder, "chrf-word-order", 0, "")
	fs.StringVar(&m.lang, "lang", "", "")
	return m
}

// options checks the flags and turns them into the options of diff.Score.
func (m *metricFlags) options() (diff.MetricOptions, error) {
	var o diff.MetricOptions
	if m.none() {
		return o, nil
	}
	set, err := parseMetricSet(m.metrics)
	if err != nil {
		return o, err
	}
	o.Only = set
	if m.tokenize != "" {
		if err := checkChoice("tokenize", m.tokenize, "13a", "intl", "zh", "char", "none"); err != nil {
			return o, err
		}
	}
	if err := checkChoice("smooth", m.smooth, "exp", "floor", "add-k", "none"); err != nil {
		return o, err
	}
	if m.smoothValue < 0 {
		return o, usageError{"--smooth-value takes a number of 0 or more"}
	}
	if m.wordOrder < 0 || m.wordOrder > 6 {
		return o, usageError{"--chrf-word-order takes 0 (chrF) to 6; 2 is chrF++"}
	}
	o.BLEU = metric.BLEU{Tokenize: metric.Tokenizer(m.tokenize), Lowercase: m.lowercase, Smooth: metric.Smooth(m.smooth), SmoothValue: m.smoothValue}
	o.CHRF = metric.CHRF{WordOrder: m.wordOrder, Lowercase: m.lowercase}
	o.TER = metric.TER{CaseSensitive: false}
	o.Lang = m.lang
	if err := o.Check(); err != nil {
		if m.lang != "" && strings.Contains(err.Error(), "language") {
			return o, usageError{fmt.Sprintf("--lang %q: not a language tag (want one such as zh, ja, en, zh-Hant)", m.lang)}
		}
		return o, usageError{err.Error()}
	}
	return o, nil
}

// none reports whether --metrics none turned the metrics off.
func (m *metricFlags) none() bool { return strings.TrimSpace(m.metrics) == "none" }

// parseMetricSet reads a comma-separated list of metric names.
func parseMetricSet(list string) (diff.MetricSet, error) {
	var set diff.MetricSet
	for _, name := range strings.Split(list, ",") {
		switch strings.ToLower(strings.TrimSpace(name)) {
		case "bleu":
			set |= diff.MetricBLEU
		case "chrf", "chrf++":
			set |= diff.MetricCHRF
		case "ter":
			set |= diff.MetricTER
		default:
			return 0, usageError{fmt.Sprintf("--metrics %q: want a comma-separated list of bleu, chrf, ter (or none, for paradiff A B)", list)}
		}
	}
	return set, nil
}

// scoreOptions are the flags of paradiff score.
type scoreOptions struct {
	common
	refs []string
	*metricFlags
	*gateFlags
}

// runScore is paradiff score -r REF [-r REF2 ...] HYP: corpus-level BLEU,
// chrF and TER of HYP against one or more references, line by line.
func runScore(args []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	var o scoreOptions
	fs := newFlagSet("score", &o.common, "text")
	addRef := func(name string) error { o.refs = append(o.refs, name); return nil }
	fs.Func("r", "", addRef)
	fs.Func("ref", "", addRef)
	o.metricFlags = addMetricFlags(fs)
	o.gateFlags = addGateFlags(fs)
	files, err := parse(fs, args, 1, "one hypothesis file (HYP) and -r REF")
	if err != nil {
		return exitTrouble, err
	}
	if err := checkChoice("format", o.format, "text", "json"); err != nil {
		return exitTrouble, err
	}
	if len(o.refs) == 0 {
		return exitTrouble, usageError{"score needs a reference: -r REF"}
	}
	if n := countStdin(append([]string{files[0]}, o.refs...)); n > 1 {
		return exitTrouble, usageError{"only one of the files can be standard input (-)"}
	}
	if o.metricFlags.none() {
		return exitTrouble, usageError{"score: --metrics none leaves nothing to score"}
	}
	mo, err := o.metricFlags.options()
	if err != nil {
		return exitTrouble, err
	}
	g, err := o.gateFlags.gates(mo.Only)
	if err != nil {
		return exitTrouble, err
	}
	if g.HasChangeGates() || o.gateFlags.baseline != "" || o.gateFlags.writeBaseline != "" {
		return exitTrouble, usageError{"score takes the score gates --min-bleu, --min-chrf and --max-ter; --fail-on, --max-changes and baselines are for paradiff A B"}
	}
	hypName := files[0]
	hypText, err := o.encoding.read(hypName, stdin, 1)
	if err != nil {
		return exitTrouble, err
	}
	hyps := lines(hypText)
	refs := make([][]string, len(o.refs))
	inputBytes := len(hypText)
	for k, name := range o.refs {
		text, err := o.encoding.read(name, stdin, 0)
		if err != nil {
			return exitTrouble, err
		}
		inputBytes += len(text)
		refs[k] = lines(text)
		if len(refs[k]) != len(hyps) {
			return exitTrouble, fmt.Errorf("score: %s has %d line%s but %s has %d: the files must be line-aligned, one segment a line",
				displayName(hypName), len(hyps), plural(len(hyps)), displayName(name), len(refs[k]))
		}
	}
	limitMemory(inputBytes) // a line of millions of words: see limitMemory
	m, err := diff.Score(hyps, refs, mo)
	if err != nil {
		return exitTrouble, err
	}
	if m.Note != "" {
		fmt.Fprintf(stderr, "paradiff: note: %s\n", m.Note)
	}
	if o.format == "json" {
		err = report.ScoresJSON(stdout, m)
	} else {
		err = report.ScoresText(stdout, m)
	}
	if err != nil {
		return exitTrouble, err
	}
	failures := g.CheckScores(m, "")
	for _, f := range failures {
		fmt.Fprintf(stderr, "paradiff: %s\n", f)
	}
	if len(failures) > 0 {
		return exitDiffer, nil
	}
	return exitSame, nil
}

func countStdin(names []string) int {
	n := 0
	for _, name := range names {
		if name == "-" {
			n++
		}
	}
	return n
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// lines cuts a text into lines as Python reads a file in text mode, which
// is how sacreBLEU reads its inputs: a line ends at \n, \r\n or \r, and a
// final line without an end still counts. The line ends are dropped. An
// empty text has no lines; "\n" has one, empty.
func lines(text string) []string {
	n := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
			n++
		}
	}
	out := make([]string, 0, n+1)
	start := 0
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			out = append(out, text[start:i])
			start = i + 1
		case '\r':
			out = append(out, text[start:i])
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}
