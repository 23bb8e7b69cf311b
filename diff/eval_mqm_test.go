package diff_test

import (
	"bufio"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/internal/par"
	"github.com/paradiff/paradiff/metric"
)

// mqmFile is the MQM dev file; a fresh clone does not have ../shared.
var mqmFile = filepath.Join("..", "..", "shared", "data", "mqm", "ted_zhen.tsv")

// mqmReference is the output taken as A.
const mqmReference = "refB"

// mqmSpan is a half-open byte span of an output's text.
type mqmSpan struct{ start, end int }

// mqmOutput is one system's output for one segment with what the
// translators found in it.
type mqmOutput struct {
	system string
	text   string // the target, without the <v> markers
	// score is the MQM score: the sum of the error weights (see
	// mqmWeight), averaged over the raters who rated this output. In
	// ted_zhen.tsv every output has exactly one rater, but the outputs of
	// one segment are shared among 3 to 8 raters.
	score    float64
	perRater map[string]float64
	// majors are the Major errors marked in text.
	majors []mqmError
	// majorOmission says a Major Accuracy/Omission error was marked; its
	// span is in the source, which has no offsets in text.
	majorOmission bool
}

// mqmError is a Major error marked in an output's text.
type mqmError struct {
	mqmSpan
	accuracy bool // of an Accuracy category: mistranslation, addition…
}

// mqmSegment is one source segment with every output of it, by system.
type mqmSegment struct {
	doc     string
	docID   int
	segID   int
	outputs map[string]*mqmOutput
}

// mqmWeight is the MQM weight of one annotated error: Major 5 (25 for a
// non-translation), Minor 1 (0.1 for Fluency/Punctuation), and 0 for a
// No-error row.
func mqmWeight(category, severity string) float64 {
	switch severity {
	case "Major":
		if strings.HasPrefix(category, "Non-translation") {
			return 25
		}
		return 5
	case "Minor":
		if category == "Fluency/Punctuation" {
			return 0.1
		}
		return 1
	}
	return 0
}

// unmark removes the <v>…</v> markers of an annotated text and returns the
// text and the marked span in it; marked is false when there is none. One
// row of ted_zhen.tsv opens a span it never closes: the span runs to the
// end of the text.
func unmark(s string) (text string, span mqmSpan, marked bool, err error) {
	i, j := strings.Index(s, "<v>"), strings.Index(s, "</v>")
	if i < 0 && j < 0 {
		return s, mqmSpan{}, false, nil
	}
	if i >= 0 && j < 0 {
		s, j = s+"</v>", len(s)
	}
	if i < 0 || j < i {
		return "", mqmSpan{}, false, fmt.Errorf("unbalanced <v> markers in %q", s)
	}
	text = s[:i] + s[i+len("<v>"):j] + s[j+len("</v>"):]
	if strings.Contains(text, "<v>") || strings.Contains(text, "</v>") {
		return "", mqmSpan{}, false, fmt.Errorf("more than one marked span in %q", s)
	}
	return text, mqmSpan{i, j - len("<v>")}, true, nil
}

// readMQM reads the annotations into segments, in document order.
func readMQM(path string) ([]*mqmSegment, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	const header = "system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity"
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	if !sc.Scan() || sc.Text() != header {
		return nil, fmt.Errorf("%s: the header is not %q", path, header)
	}
	segs := map[string]*mqmSegment{}
	for line := 2; sc.Scan(); line++ {
		if err := addMQMRow(segs, strings.Split(sc.Text(), "\t")); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	out := make([]*mqmSegment, 0, len(segs))
	for _, s := range segs {
		for _, o := range s.outputs {
			o.score = mean(o.perRater)
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(x, y *mqmSegment) int {
		if x.docID != y.docID {
			return x.docID - y.docID
		}
		return x.segID - y.segID
	})
	return out, nil
}

// addMQMRow adds one annotation row to segs.
func addMQMRow(segs map[string]*mqmSegment, f []string) error {
	if len(f) != 9 {
		return fmt.Errorf("%d fields, want 9", len(f))
	}
	system, doc, rater, source, target, category, severity := f[0], f[1], f[4], f[5], f[6], f[7], f[8]
	docID, err1 := strconv.Atoi(f[2])
	segID, err2 := strconv.Atoi(f[3])
	if err1 != nil || err2 != nil {
		return fmt.Errorf("bad doc_id %q or seg_id %q", f[2], f[3])
	}
	key := doc + "\t" + f[3]
	s := segs[key]
	if s == nil {
		s = &mqmSegment{doc: doc, docID: docID, segID: segID, outputs: map[string]*mqmOutput{}}
		segs[key] = s
	}
	text, span, marked, err := unmark(target)
	if err != nil {
		return err
	}
	o := s.outputs[system]
	if o == nil {
		o = &mqmOutput{system: system, text: text, perRater: map[string]float64{}}
		s.outputs[system] = o
	} else if o.text != text {
		return fmt.Errorf("%s's target of %s differs from an earlier row's", system, key)
	}
	o.perRater[rater] += mqmWeight(category, severity)
	if severity != "Major" {
		return nil
	}
	switch {
	case marked:
		o.majors = append(o.majors, mqmError{span, strings.HasPrefix(category, "Accuracy/")})
	case category == "Accuracy/Omission":
		o.majorOmission = true
	case !strings.Contains(source, "<v>"):
		return fmt.Errorf("a Major %s error with no span", category)
	}
	return nil
}

func mean(m map[string]float64) float64 {
	sum := 0.0
	for _, v := range m {
		sum += v
	}
	return sum / float64(len(m))
}

// severityWeight is the weight of a change in paradiff's measure.
var severityWeight = map[diff.Severity]float64{
	diff.SeverityCritical: 5,
	diff.SeverityMajor:    2,
	diff.SeverityMinor:    1,
	diff.SeverityTrivial:  0,
}

// mqmMeasures are what each measure says of one output; for every one,
// higher means worse.
type mqmMeasures struct {
	weight  float64 // paradiff's severity-weighted total
	words   float64 // words carried by paradiff's non-trivial changes
	negCHRF float64 // minus sentence chrF
	negBLEU float64 // minus sentence BLEU
}

// mqmMeasureNames name the measures in the order of mqmMeasures.vector.
var mqmMeasureNames = []string{"paradiff severity", "changed words", "sentence chrF", "sentence BLEU"}

func (m mqmMeasures) vector() []float64 {
	return []float64{m.weight, m.words, m.negCHRF, m.negBLEU}
}

// changeTally counts changes, and those that overlap a Major error span.
type changeTally struct{ changes, hits int }

func (c *changeTally) add(hit bool) {
	c.changes++
	if hit {
		c.hits++
	}
}

func (c changeTally) precision() float64 { return ratio(c.hits, c.changes) }

func ratio(n, d int) float64 {
	if d == 0 {
		return math.NaN()
	}
	return float64(n) / float64(d)
}

// recallTally counts Major errors, those a major or critical change
// overlaps, and those a critical one does.
type recallTally struct{ errors, recalled, critical int }

func (r *recallTally) add(o recallTally) {
	r.errors += o.errors
	r.recalled += o.recalled
	r.critical += o.critical
}

func (r recallTally) recall() float64 { return ratio(r.recalled, r.errors) }

// mqmResult is what comparing refB with one output gives.
type mqmResult struct {
	measures   mqmMeasures
	bySeverity [4]changeTally // indexed by diff.Severity
	// majors are the Major errors marked in B's text; accuracy those of
	// them in an Accuracy category.
	majors, accuracy recallTally
}

// overlaps says whether a change's span in B overlaps sp. An omission
// (or the place a move leaves) stands between two words of B: it
// overlaps a span that contains its place, either end included.
func overlaps(ch diff.Change, sp mqmSpan) bool {
	if ch.BStart == ch.BEnd {
		return sp.start <= ch.BStart && ch.BStart <= sp.end
	}
	return ch.BStart < sp.end && sp.start < ch.BEnd
}

// hitsMajor says whether a change overlaps one of out's Major errors. An
// omission also hits when the translators marked a Major omission, whose
// span is in the source.
func hitsMajor(ch diff.Change, out *mqmOutput) bool {
	if ch.Kind == diff.Omission && out.majorOmission {
		return true
	}
	return slices.ContainsFunc(out.majors, func(e mqmError) bool { return overlaps(ch, e.mqmSpan) })
}

// evalOutput compares refB's text a with out and measures the result.
func evalOutput(a string, out *mqmOutput) (mqmResult, error) {
	c := diff.Compare(diff.Document{Text: a}, diff.Document{Text: out.text},
		diff.Options{ByLine: true, LangA: language.English, LangB: language.English})
	if c.Summary.SegmentsA != 1 || c.Summary.SegmentsB != 1 {
		return mqmResult{}, fmt.Errorf("%d and %d segments, want one a side", c.Summary.SegmentsA, c.Summary.SegmentsB)
	}
	var r mqmResult
	var changes []diff.Change
	for _, ref := range c.Ranked() {
		ch := c.Beads[ref.Bead].Changes[ref.Change]
		changes = append(changes, ch)
		r.measures.weight += severityWeight[ch.Severity]
		if ch.Kind != diff.Trivial {
			r.measures.words += float64(len(strings.Fields(ch.A)) + len(strings.Fields(ch.B)))
		}
		r.bySeverity[ch.Severity].add(hitsMajor(ch, out))
	}
	for _, e := range out.majors {
		t := recallOf(e.mqmSpan, changes)
		r.majors.add(t)
		if e.accuracy {
			r.accuracy.add(t)
		}
	}
	chrf, err := metric.CHRF{}.SentenceScore(out.text, []string{a})
	if err != nil {
		return r, err
	}
	bleu, err := metric.BLEU{}.SentenceScore(out.text, []string{a})
	if err != nil {
		return r, err
	}
	r.measures.negCHRF, r.measures.negBLEU = -chrf.Score, -bleu.Score
	return r, nil
}

// recallOf tallies one Major error against the changes.
func recallOf(sp mqmSpan, changes []diff.Change) recallTally {
	at := func(least diff.Severity) int {
		if slices.ContainsFunc(changes, func(ch diff.Change) bool { return ch.Severity >= least && overlaps(ch, sp) }) {
			return 1
		}
		return 0
	}
	return recallTally{errors: 1, recalled: at(diff.SeverityMajor), critical: at(diff.SeverityCritical)}
}

// mqmJob is one comparison: a segment's refB against one other output.
type mqmJob struct {
	seg *mqmSegment
	out *mqmOutput
	res mqmResult
	err error
}

// mqmJobs lists the comparisons, segment by segment, systems in name order.
func mqmJobs(segs []*mqmSegment) ([]mqmJob, error) {
	var jobs []mqmJob
	for _, s := range segs {
		if s.outputs[mqmReference] == nil {
			return nil, fmt.Errorf("%s segment %d has no %s", s.doc, s.segID, mqmReference)
		}
		for _, sys := range slices.Sorted(maps.Keys(s.outputs)) {
			if sys != mqmReference {
				jobs = append(jobs, mqmJob{seg: s, out: s.outputs[sys]})
			}
		}
	}
	return jobs, nil
}

// pairTally counts the pairs of outputs a measure orders as MQM does,
// the other way, or not at all.
type pairTally struct{ agree, disagree, tie int }

// agreement counts a tie as half a pair agreed.
func (p pairTally) agreement() float64 {
	return (float64(p.agree) + float64(p.tie)/2) / float64(p.agree+p.disagree+p.tie)
}

// pairwise tallies, for each measure, the pairs of outputs of one segment
// whose MQM scores differ; jobs of one segment are consecutive. It also
// counts the pairs whose two texts are the same, which no measure of the
// text can order.
func pairwise(jobs []mqmJob) (tallies []pairTally, sameText int) {
	tallies = make([]pairTally, len(mqmMeasureNames))
	for from := 0; from < len(jobs); {
		to := from
		for to < len(jobs) && jobs[to].seg == jobs[from].seg {
			to++
		}
		for i := from; i < to; i++ {
			for j := i + 1; j < to; j++ {
				if tallyPair(tallies, jobs[i], jobs[j]) && jobs[i].out.text == jobs[j].out.text {
					sameText++
				}
			}
		}
		from = to
	}
	return tallies, sameText
}

// tallyPair tallies a pair of outputs of one segment if their MQM scores
// differ, and says whether they do.
func tallyPair(tallies []pairTally, x, y mqmJob) bool {
	gold := x.out.score - y.out.score
	if gold == 0 {
		return false
	}
	mx, my := x.res.measures.vector(), y.res.measures.vector()
	for k := range tallies {
		d := mx[k] - my[k]
		switch {
		case d == 0:
			tallies[k].tie++
		case (d > 0) == (gold > 0):
			tallies[k].agree++
		default:
			tallies[k].disagree++
		}
	}
	return true
}

// mqmFigures are the evaluation's results.
type mqmFigures struct {
	pairs            []pairTally // by measure, as mqmMeasureNames
	sameText         int         // pairs scored differently whose texts are the same
	bySeverity       [4]changeTally
	majors, accuracy recallTally
}

func (f mqmFigures) nonTrivial() changeTally {
	var t changeTally
	for v := diff.SeverityMinor; v <= diff.SeverityCritical; v++ {
		t.changes += f.bySeverity[v].changes
		t.hits += f.bySeverity[v].hits
	}
	return t
}

func summarizeMQM(jobs []mqmJob) mqmFigures {
	var f mqmFigures
	f.pairs, f.sameText = pairwise(jobs)
	for _, j := range jobs {
		for v, t := range j.res.bySeverity {
			f.bySeverity[v].changes += t.changes
			f.bySeverity[v].hits += t.hits
		}
		f.majors.add(j.res.majors)
		f.accuracy.add(j.res.accuracy)
	}
	return f
}

// logMQM prints the figures as a table.
func logMQM(t *testing.T, f mqmFigures) {
	t.Logf("pairwise agreement with MQM (a tie counts half):")
	for k, name := range mqmMeasureNames {
		p := f.pairs[k]
		t.Logf("  %-18s %.3f  (agree %d, disagree %d, tie %d)", name, p.agreement(), p.agree, p.disagree, p.tie)
	}
	t.Logf("  (of the pairs, %d are the same text scored differently)", f.sameText)
	t.Logf("changes overlapping a Major error span:")
	t.Logf("  %-18s %7s %7s %9s", "severity", "changes", "overlap", "precision")
	for _, v := range diff.Severities {
		c := f.bySeverity[v]
		t.Logf("  %-18s %7d %7d %9.3f", v, c.changes, c.hits, c.precision())
	}
	nt := f.nonTrivial()
	t.Logf("  %-18s %7d %7d %9.3f", "any non-trivial", nt.changes, nt.hits, nt.precision())
	t.Logf("Major errors marked in B overlapped by a change:")
	t.Logf("  %-18s %7s %7s %9s %9s", "errors", "count", "recall", "major+", "critical")
	for _, r := range []struct {
		name string
		recallTally
	}{{"all Major", f.majors}, {"Major Accuracy", f.accuracy}} {
		t.Logf("  %-18s %7d %7.3f %9d %9d", r.name, r.errors, r.recall(), r.recalled, r.critical)
	}
}

// mqmFloor is a figure the evaluation must not fall below.
type mqmFloor struct {
	name  string
	value func(mqmFigures) float64
	floor float64
}

// mqmFloors are today's figures less 0.01: a change to severity that
// falls below one fails CI; one that raises a figure should raise its
// floor. Measured with
//
//	PARADIFF_EVAL=1 go test ./diff -run '^TestEvalMQM$' -count=1 -v
//
// in 0.6 s on 2 cores, after the meaning classes (2026-12-03): pairwise
// agreement 0.541 (changed words 0.561, chrF 0.568, BLEU 0.565), critical
// precision 0.272 (any non-trivial change 0.148), Major recall 0.677,
// Major Accuracy recall 0.773. Before them (commit bf5daa8): 0.520,
// 0.183, 0.784 and 0.860: the changes now minor (another form, a
// synonym, function words, order) hold some Major errors of fluency.
var mqmFloors = []mqmFloor{
	{"pairwise agreement of paradiff severity", func(f mqmFigures) float64 { return f.pairs[0].agreement() }, 0.532},
	{"critical precision", func(f mqmFigures) float64 { return f.bySeverity[diff.SeverityCritical].precision() }, 0.264},
	{"Major recall", func(f mqmFigures) float64 { return f.majors.recall() }, 0.667},
	{"Major Accuracy recall", func(f mqmFigures) float64 { return f.accuracy.recall() }, 0.763},
}

// mqmCHRFAgreement is sentence chrF's pairwise agreement, as issue 20 and
// ../shared/data/README.md give it: the evaluation must reproduce it, or
// it reads the data or counts the pairs differently from them.
const mqmCHRFAgreement = 0.568

// checkMQM fails t where the figures fall below a floor, or where chrF's
// agreement is not the published one.
func checkMQM(t *testing.T, f mqmFigures) {
	for _, fl := range mqmFloors {
		if v := fl.value(f); !(v >= fl.floor) { // NaN fails too
			t.Errorf("%s is %.3f, below its floor %.3f", fl.name, v, fl.floor)
		}
	}
	if v := f.pairs[2].agreement(); math.Abs(v-mqmCHRFAgreement) > 0.0005 {
		t.Errorf("chrF's pairwise agreement is %.4f, not the published %.3f: the protocol has changed", v, mqmCHRFAgreement)
	}
}

// TestEvalMQM measures paradiff's severities against the MQM annotations
// professional translators made of 13 MT systems' and two human
// translators' English renderings of 529 Chinese TED-talk segments
// (../shared/data/mqm/ted_zhen.tsv: google/wmt-mqm-human-evaluation,
// Freitag et al. 2021, Apache-2.0; see ../shared/data/README.md). It is the
// yardstick of issue 20.
//
// Protocol. The human translation refB is A; every other output of the
// same segment (the 13 systems and the other human translation, ref) is
// B, one segment a line, compared with ByLine in English. An output's MQM
// score is the sum of its errors' weights (see mqmWeight), averaged over
// its raters (each output here has one). The figures:
//
//   - Pairwise agreement: for each segment and each two of the B outputs
//     whose MQM scores differ, does a measure order the two as the
//     translators do? paradiff's measure is the severity-weighted total
//     of its changes (critical 5, major 2, minor 1, trivial 0; a move
//     counted once, by the half where it arrives, as Comparison.Ranked
//     does); beside it, the number of words on both sides of its
//     non-trivial changes, and sentence chrF and BLEU of B against A from
//     package metric (higher is better there, so they order the other
//     way). A tie of the measure counts as half a pair agreed: a measure
//     that cannot tell two outputs apart is a coin toss, not a failure.
//     This rule, with ref among the B outputs, reproduces the chrF and
//     BLEU figures of issue 20 and the data's README (0.568, 0.565).
//   - Precision: the share of the changes of each severity (and of all
//     non-trivial changes) that overlap a Major error marked in B. An
//     omission has no text in B: it overlaps a span around its place, and
//     any Major omission error, which the translators mark in the source.
//   - Recall: the share of the Major errors marked in B's text (all of
//     them, and those of an Accuracy category) that a major or critical
//     change overlaps; and how many a critical change does.
//
// Run it with
//
//	PARADIFF_EVAL=1 go test ./diff -run '^TestEvalMQM$' -count=1 -v
//
// Without PARADIFF_EVAL=1, or with -short, it skips; with it, missing
// data fails the test. Today's figures, and the floors they set, are at
// mqmFloors.
func TestEvalMQM(t *testing.T) {
	if testing.Short() {
		t.Skip("the MQM evaluation does not run with -short")
	}
	if os.Getenv("PARADIFF_EVAL") != "1" {
		t.Skip("the MQM evaluation runs with PARADIFF_EVAL=1 and ../shared/data: " +
			"PARADIFF_EVAL=1 go test ./diff -run '^TestEvalMQM$' -count=1 -v")
	}
	start := time.Now()
	segs, err := readMQM(mqmFile)
	if err != nil {
		t.Fatalf("PARADIFF_EVAL=1 needs the MQM data: %v", err)
	}
	jobs, err := mqmJobs(segs)
	if err != nil {
		t.Fatal(err)
	}
	par.Chunks(len(jobs), 32, func(_, from, to int) {
		for i := from; i < to; i++ {
			jobs[i].res, jobs[i].err = evalOutput(jobs[i].seg.outputs[mqmReference].text, jobs[i].out)
		}
	})
	for _, j := range jobs {
		if j.err != nil {
			t.Fatalf("%s segment %d, %s: %v", j.seg.doc, j.seg.segID, j.out.system, j.err)
		}
	}
	f := summarizeMQM(jobs)
	t.Logf("%d segments, %d comparisons of %s with another output, in %v",
		len(segs), len(jobs), mqmReference, time.Since(start).Round(time.Millisecond))
	logMQM(t, f)
	checkMQM(t, f)
}
