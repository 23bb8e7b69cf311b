package gate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/internal/textkey"
	"github.com/paradiff/paradiff/report"
)

// Baseline is the JSON report of an earlier run, read by [ReadBaseline]:
// per document, its changes and glossary departures (by matching key,
// with how many of each), which side it was on if only one, and its
// scores; for a directory report, the scores over all files too.
type Baseline struct {
	name string
	dirs bool                // a directory report
	docs map[string]*baseDoc // by relative path; "" for a report on two files
	all  *baseMetrics        // a directory report's scores over all files
}

// baseDoc is what a baseline holds about one document.
type baseDoc struct {
	onlyIn   string         // "a" or "b" for a file that was on one side only
	changes  map[string]int // by changeKey: how many
	glossary map[string]int // glossary departures, by glossaryKey
	metrics  *baseMetrics
}

type baseMetrics struct {
	BLEU *baseScore `json:"bleu"`
	CHRF *baseScore `json:"chrf"`
	TER  *baseScore `json:"ter"`
}

type baseScore struct {
	Name      string   `json:"name"`
	Score     *float64 `json:"score"`
	Signature string   `json:"signature"`
}

// The keys of a JSON report a baseline reads.
type (
	jsonBaseline struct {
		Version *int             `json:"version"`
		Beads   []jsonBaseBead   `json:"beads"`
		Files   []jsonBaseFile   `json:"files"`
		Summary *jsonBaseSummary `json:"summary"`
	}
	jsonBaseBead struct {
		Changes  []jsonBaseChange   `json:"changes"`
		Glossary []jsonBaseGlossary `json:"glossary"`
	}
	jsonBaseFile struct {
		Path     *string            `json:"path"`
		OnlyIn   *string            `json:"only_in"`
		Summary  *jsonBaseSummary   `json:"summary"`
		Changes  []jsonBaseChange   `json:"changes"`
		Glossary []jsonBaseGlossary `json:"glossary"`
	}
	jsonBaseChange struct {
		Kind *diff.Kind `json:"kind"`
		A    string     `json:"a"`
		B    string     `json:"b"`
	}
	jsonBaseGlossary struct {
		Term  string `json:"term"`
		Found string `json:"found"`
	}
	jsonBaseSummary struct {
		Metrics *baseMetrics `json:"metrics"`
	}
)

// ReadBaseline reads a baseline: a paradiff JSON report (of two files or
// of two directories, [report.JSONVersion]) from r, a single JSON value.
// name names the baseline in messages and errors ("base.json").
//
// Every problem with the baseline is an [*Error] naming it: a run must
// not be gated against a baseline that is misread. A report without
// version, summary, and beads or files is not a report; a change without
// a kind, a directory report's file without a path and a score without a
// value or a signature are errors too.
func ReadBaseline(r io.Reader, name string) (*Baseline, error) {
	bad := func(format string, args ...any) error {
		return &Error{Msg: fmt.Sprintf("baseline %s: %s", name, fmt.Sprintf(format, args...))}
	}
	var j jsonBaseline
	dec := json.NewDecoder(r)
	if err := dec.Decode(&j); err != nil {
		return nil, &Error{Msg: fmt.Sprintf("baseline %s: not a paradiff JSON report (%v); write one with paradiff -f json or --write-baseline", name, err), Err: err}
	}
	if dec.More() {
		return nil, bad("not a paradiff JSON report: more than one JSON value")
	}
	switch {
	case j.Version == nil || j.Summary == nil || j.Beads == nil && j.Files == nil:
		return nil, bad("not a paradiff JSON report (no version, beads or files, and summary); write one with paradiff -f json or --write-baseline")
	case *j.Version != report.JSONVersion:
		return nil, bad("report version %d, want %d", *j.Version, report.JSONVersion)
	}
	b := &Baseline{name: name, dirs: j.Files != nil, docs: map[string]*baseDoc{}}
	if !b.dirs {
		d := &baseDoc{changes: map[string]int{}, glossary: map[string]int{}, metrics: j.Summary.Metrics}
		for _, bead := range j.Beads {
			if err := d.add(bead.Changes, bead.Glossary); err != nil {
				return nil, bad("%v", err)
			}
		}
		b.docs[""] = d
		if err := checkMetrics(j.Summary.Metrics, bad); err != nil {
			return nil, err
		}
		return b, nil
	}
	b.all = j.Summary.Metrics
	if err := checkMetrics(b.all, bad); err != nil {
		return nil, err
	}
	for i, f := range j.Files {
		if f.Path == nil {
			return nil, bad("file %d has no path", i)
		}
		d := &baseDoc{changes: map[string]int{}, glossary: map[string]int{}}
		if f.OnlyIn != nil {
			d.onlyIn = *f.OnlyIn
		}
		if f.Summary != nil {
			d.metrics = f.Summary.Metrics
		}
		if err := d.add(f.Changes, f.Glossary); err != nil {
			return nil, bad("%s: %v", *f.Path, err)
		}
		if err := checkMetrics(d.metrics, bad); err != nil {
			return nil, err
		}
		b.docs[*f.Path] = d
	}
	return b, nil
}

func checkMetrics(m *baseMetrics, bad func(string, ...any) error) error {
	if m == nil {
		return nil
	}
	for _, s := range []struct {
		name  string
		score *baseScore
	}{{"bleu", m.BLEU}, {"chrf", m.CHRF}, {"ter", m.TER}} {
		if s.score != nil && (s.score.Score == nil || s.score.Signature == "") {
			return bad("metrics: %s has no score or no signature", s.name)
		}
	}
	return nil
}

func (d *baseDoc) add(changes []jsonBaseChange, glossary []jsonBaseGlossary) error {
	for _, ch := range changes {
		if ch.Kind == nil {
			return fmt.Errorf("a change has no kind")
		}
		if *ch.Kind == diff.Move && ch.B == "" {
			continue // the half where a move leaves A: matched where it arrives
		}
		d.changes[changeKey(*ch.Kind, ch.A, ch.B)]++
	}
	for _, g := range glossary {
		d.glossary[glossaryKey(g.Term, g.Found)]++
	}
	return nil
}

// changeKey is what matches a change with the baseline's: its kind and
// the normalised keys of its A and B text (case, width, quotes, dashes
// and spacing folded, as paradiff compares words). A trivial change is
// one of those foldings, so its text is kept as it is but for spacing.
func changeKey(k diff.Kind, a, b string) string {
	norm := textkey.Key
	if k == diff.Trivial {
		norm = func(s string) string { return strings.Join(strings.Fields(s), " ") }
	}
	return k.String() + "\x00" + strings.TrimSpace(norm(a)) + "\x00" + strings.TrimSpace(norm(b))
}

func glossaryKey(term, found string) string {
	return textkey.Key(term) + "\x00" + textkey.Key(found)
}

// Name returns the name the baseline was read under.
func (b *Baseline) Name() string { return b.name }

// Dirs reports whether the baseline is the report of two directories.
func (b *Baseline) Dirs() bool { return b.dirs }

// Fit returns an [*Error] when the baseline cannot gate a run that
// compares two directories (dirs) or two files: a report of two files
// gates only two files, one of two directories only directories. A nil
// *Baseline fits every run.
func (b *Baseline) Fit(dirs bool) error {
	switch {
	case b == nil || b.dirs == dirs:
		return nil
	case b.dirs:
		return &Error{Msg: fmt.Sprintf("baseline %s is the report of two directories; this run compares two files", b.name)}
	}
	return &Error{Msg: fmt.Sprintf("baseline %s is the report of two files; this run compares two directories", b.name)}
}

// OnlyIn returns the side, "a" or "b", that the baseline had the file at
// path on only; "" when it had the file on both sides, or not at all.
func (b *Baseline) OnlyIn(path string) string {
	if d := b.doc(path); d != nil {
		return d.onlyIn
	}
	return ""
}

// New returns the changes and glossary departures of c that are new since
// the baseline's record of the document at path ("" for a report on two
// files): all of them when it has no record of it, or b is nil. Changes are matched as
// the package documentation says, in document order, each of the
// baseline's at most once; the half of a move where its text leaves A is
// never in the result (it is matched where the text arrives).
func (b *Baseline) New(c *diff.Comparison, path string) *ChangeSet {
	d := b.doc(path)
	s := &ChangeSet{changes: map[diff.ChangeRef]bool{}, glossary: map[diff.ChangeRef]bool{}}
	left := map[string]int{}
	gleft := map[string]int{}
	if d != nil {
		for k, n := range d.changes {
			left[k] = n
		}
		for k, n := range d.glossary {
			gleft[k] = n
		}
	}
	for bi, bead := range c.Beads {
		for ci, ch := range bead.Changes {
			if ch.Kind == diff.Move && ch.B == "" {
				continue
			}
			k := changeKey(ch.Kind, ch.A, ch.B)
			if left[k] > 0 {
				left[k]--
				continue
			}
			s.changes[diff.ChangeRef{Bead: bi, Change: ci}] = true
		}
		for gi, m := range bead.Glossary {
			k := glossaryKey(m.Term.A, m.Found)
			if gleft[k] > 0 {
				gleft[k]--
				continue
			}
			s.glossary[diff.ChangeRef{Bead: bi, Change: gi}] = true
		}
	}
	return s
}

// doc returns the baseline's record of the document at path, nil if it
// has none.
func (b *Baseline) doc(path string) *baseDoc {
	if b == nil {
		return nil
	}
	return b.docs[path]
}

// drops compares scores with the baseline's: a BLEU or chrF lower, or a
// TER higher, by more than tol points is a failure. Scores computed
// another way (another signature) cannot be compared: that is an error.
func (m *baseMetrics) drops(cur *diff.Metrics, tol float64, baseName, where string) ([]string, error) {
	if m == nil || cur == nil || cur.Segments == 0 {
		return nil, nil
	}
	var out []string
	check := func(name string, base *baseScore, score float64, sig string, higherIsBetter bool) error {
		if base == nil || sig == "" {
			return nil
		}
		if base.Signature != sig {
			return &Error{Msg: fmt.Sprintf("baseline %s: %s%s was computed as %s, this run computes %s; record the baseline again with --write-baseline",
				baseName, where, name, base.Signature, sig)}
		}
		worse := *base.Score - score
		if !higherIsBetter {
			worse = -worse
		}
		if worse > tol+1e-9 { // not a float's last bit
			out = append(out, fmt.Sprintf("baseline %s: %s%s %.2f, was %.2f (worse by %.2f, tolerance %s)",
				baseName, where, name, score, *base.Score, worse, num(tol)))
		}
		return nil
	}
	if cur.BLEU != nil {
		if err := check("BLEU", m.BLEU, cur.BLEU.Score, cur.BLEU.Signature, true); err != nil {
			return nil, err
		}
	}
	if cur.CHRF != nil {
		if err := check(cur.CHRF.Name, m.CHRF, cur.CHRF.Score, cur.CHRF.Signature, true); err != nil {
			return nil, err
		}
	}
	if cur.TER != nil {
		if err := check("TER", m.TER, cur.TER.Score, cur.TER.Signature, false); err != nil {
			return nil, err
		}
	}
	return out, nil
}
