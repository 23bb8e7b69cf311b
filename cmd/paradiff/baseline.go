package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/internal/textkey"
	"github.com/paradiff/paradiff/report"
)

// A baseline is the JSON report of an earlier run (paradiff -f json, or
// --write-baseline), against which a run fails only on what is new:
// changes the baseline does not have, and scores that dropped by more
// than the tolerance. Changes are matched by kind and by their A and B
// text, normalised (see changeKey), never by offsets, so that an edit
// elsewhere in the text does not make old changes look new; a change that
// occurs twice in the baseline matches at most two changes now.
type baseline struct {
	name string
	dir  bool                // a directory report
	docs map[string]*baseDoc // by relative path; "" for a report on two files
	all  *baseMetrics        // a directory report's scores over all files
}

// baseDoc is what a baseline holds about one document.
type baseDoc struct {
	onlyIn   string         // "a" or "b" for a file that was on one side only
	changes  map[string]int // by changeKey: how many
	glossary map[string]int // glossary departures, by term and what B had
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

// readBaseline reads a baseline file. Every problem with it is an error
// naming the file: paradiff will not gate against a baseline it misreads.
func readBaseline(name string, stdin io.Reader) (*baseline, error) {
	text, err := readInput(name, stdin, "")
	if err != nil {
		return nil, fmt.Errorf("baseline %w", err)
	}
	bad := func(format string, args ...any) error {
		return fmt.Errorf("baseline %s: %s", displayName(name), fmt.Sprintf(format, args...))
	}
	var j jsonBaseline
	dec := json.NewDecoder(strings.NewReader(text))
	if err := dec.Decode(&j); err != nil {
		return nil, bad("not a paradiff JSON report (%v); write one with paradiff -f json or --write-baseline", err)
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
	b := &baseline{name: name, dir: j.Files != nil, docs: map[string]*baseDoc{}}
	if !b.dir {
		d := &baseDoc{changes: map[string]int{}, glossary: map[string]int{}, metrics: j.Summary.Metrics}
		for _, bead := range j.Beads {
			if err := d.add(bead.Changes, bead.Glossary); err != nil {
				return nil, bad("%v", err)
			}
		}
		b.docs[""] = d
		return b, checkMetrics(j.Summary.Metrics, bad)
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
	for name, s := range map[string]*baseScore{"bleu": m.BLEU, "chrf": m.CHRF, "ter": m.TER} {
		if s != nil && (s.Score == nil || s.Signature == "") {
			return bad("metrics: %s has no score or no signature", name)
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

// doc returns the baseline's record of the document at path ("" for a
// report on two files), nil if it has none.
func (b *baseline) doc(path string) *baseDoc {
	return b.docs[path]
}

// newIn returns the changes and glossary departures of c that are new
// since d: all of them when d is nil. Changes are matched in document
// order, each baseline change at most once.
func (d *baseDoc) newIn(c *diff.Comparison) *changeSet {
	s := &changeSet{changes: map[diff.ChangeRef]bool{}, glossary: map[diff.ChangeRef]bool{}}
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
	for bi, b := range c.Beads {
		for ci, ch := range b.Changes {
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
		for gi, m := range b.Glossary {
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

// newChanges counts the changes (and glossary departures that no change
// shows) of c in s, with a few examples.
func (s *changeSet) newChanges(c *diff.Comparison) (n int, examples []string) {
	return tally(c, s, func(diff.Change) bool { return true }, true)
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
			return fmt.Errorf("baseline %s: %s%s was computed as %s, this run computes %s; record the baseline again with --write-baseline",
				displayName(baseName), where, name, base.Signature, sig)
		}
		worse := *base.Score - score
		if !higherIsBetter {
			worse = -worse
		}
		if worse > tol+1e-9 { // not a float's last bit
			out = append(out, fmt.Sprintf("baseline %s: %s%s %.2f, was %.2f (worse by %.2f, tolerance %s)",
				displayName(baseName), where, name, score, *base.Score, worse, num(tol)))
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

// writeBaseline writes a baseline: the JSON report, through render.
func writeBaseline(name string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	return nil
}
