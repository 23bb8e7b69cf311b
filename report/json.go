package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/diff"
)

// JSONVersion is the version of the JSON report's schema. Keys may be
// added within a version; none changes meaning.
const JSONVersion = 1

// The JSON report's schema, documented in the README. Field order is the
// output order; every list is written as [] when empty, never null.
type (
	jsonReport struct {
		Version int          `json:"version"`
		A       jsonDocument `json:"a"`
		B       jsonDocument `json:"b"`
		Beads   []jsonBead   `json:"beads"`
		Summary jsonSummary  `json:"summary"`
	}
	jsonDocument struct {
		Name     string          `json:"name"`
		Length   int             `json:"length"`
		Segments []align.Segment `json:"segments"`
		Gaps     []align.Segment `json:"gaps"`
	}
	jsonBead struct {
		A        []int          `json:"a"`
		B        []int          `json:"b"`
		Changes  []jsonChange   `json:"changes"`
		Glossary []jsonGlossary `json:"glossary,omitempty"`
	}
	jsonChange struct {
		Kind     diff.Kind     `json:"kind"`
		A        string        `json:"a"`
		B        string        `json:"b"`
		AStart   int           `json:"a_start"`
		AEnd     int           `json:"a_end"`
		BStart   int           `json:"b_start"`
		BEnd     int           `json:"b_end"`
		Flags    []diff.Flag   `json:"flags"`
		Severity diff.Severity `json:"severity"`
		Move     int           `json:"move,omitempty"`
	}
	jsonGlossary struct {
		Term     string   `json:"term"`
		Approved string   `json:"approved"`
		Rejected []string `json:"rejected"`
		Found    string   `json:"found"`
		AStart   int      `json:"a_start"`
		AEnd     int      `json:"a_end"`
		BStart   int      `json:"b_start"`
		BEnd     int      `json:"b_end"`
	}
	jsonSummary struct {
		SegmentsA    int            `json:"segments_a"`
		SegmentsB    int            `json:"segments_b"`
		Beads        int            `json:"beads"`
		ChangedBeads int            `json:"changed_beads"`
		Differences  int            `json:"differences"`
		Changes      jsonCounts     `json:"changes"`
		Severities   jsonSeverities `json:"severities"`
		Glossary     int            `json:"glossary"`
		Metrics      *jsonMetrics   `json:"metrics,omitempty"` // see metrics.go
	}
	jsonSeverities struct {
		Critical int `json:"critical"`
		Major    int `json:"major"`
		Minor    int `json:"minor"`
		Trivial  int `json:"trivial"`
	}
	jsonCounts struct {
		Insertion int `json:"insertion"`
		Omission  int `json:"omission"`
		Shift     int `json:"shift"`
		Move      int `json:"move"`
		Trivial   int `json:"trivial"`
	}
)

// JSON writes the comparison as the versioned JSON report: both
// documents' segments and the gaps between them (which together rebuild
// each input exactly), the beads with their changes, and the summary.
func JSON(w io.Writer, c *diff.Comparison) error {
	// The report is written piece by piece, a bead at a time, in the
	// layout encoding/json's indenting encoder gives the whole: a report of
	// two long documents runs to many times their size, and building it
	// all in memory first would double that.
	jw := &jsonWriter{w: bufio.NewWriter(w)}
	jw.raw("{\n")
	jw.field("version", JSONVersion, false)
	jw.field("a", jsonDoc(c.A), false)
	jw.field("b", jsonDoc(c.B), false)
	jw.field("cross_language", c.CrossLanguage, false)
	if len(c.Beads) == 0 {
		jw.raw("  \"beads\": [],\n")
	} else {
		jw.raw("  \"beads\": [\n")
		for i, b := range c.Beads {
			jb := jsonBead{A: nonNil(b.A), B: nonNil(b.B), Changes: make([]jsonChange, 0, len(b.Changes))}
			for _, ch := range b.Changes {
				jb.Changes = append(jb.Changes, changeJSON(ch))
			}
			for _, g := range b.Glossary {
				jb.Glossary = append(jb.Glossary, glossaryJSON(g))
			}
			jw.raw("    ")
			jw.value(jb, "    ")
			if i < len(c.Beads)-1 {
				jw.raw(",")
			}
			jw.raw("\n")
		}
		jw.raw("  ],\n")
	}
	jw.field("summary", summaryJSON(c.Summary, c.Metrics), true)
	jw.raw("}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// jsonWriter writes indented JSON a piece at a time, keeping the first
// error.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	err error
}

func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// field writes one member of the top-level object.
func (jw *jsonWriter) field(key string, v any, last bool) {
	jw.raw("  \"" + key + "\": ")
	jw.value(v, "  ")
	if !last {
		jw.raw(",")
	}
	jw.raw("\n")
}

// value writes v indented as if nested at prefix.
func (jw *jsonWriter) value(v any, prefix string) {
	if jw.err != nil {
		return
	}
	jw.buf.Reset()
	enc := json.NewEncoder(&jw.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if jw.err = enc.Encode(v); jw.err == nil {
		_, jw.err = jw.w.Write(bytes.TrimSuffix(jw.buf.Bytes(), []byte("\n")))
	}
}

func glossaryJSON(g diff.GlossaryMiss) jsonGlossary {
	return jsonGlossary{
		Term: g.Term.A, Approved: g.Term.B, Rejected: nonNil(g.Term.Rejected), Found: g.Found,
		AStart: g.AStart, AEnd: g.AEnd, BStart: g.BStart, BEnd: g.BEnd,
	}
}

func changeJSON(ch diff.Change) jsonChange {
	return jsonChange{
		Kind: ch.Kind, A: ch.A, B: ch.B,
		AStart: ch.AStart, AEnd: ch.AEnd, BStart: ch.BStart, BEnd: ch.BEnd,
		Flags: nonNil(ch.Flags), Severity: ch.Severity, Move: ch.Move,
	}
}

func summaryJSON(s diff.Summary, m *diff.Metrics) jsonSummary {
	return jsonSummary{
		SegmentsA: s.SegmentsA, SegmentsB: s.SegmentsB, Beads: s.Beads,
		ChangedBeads: s.Changed, Differences: s.Differences(),
		Changes: jsonCounts{
			Insertion: s.Count(diff.Insertion), Omission: s.Count(diff.Omission),
			Shift: s.Count(diff.Shift), Move: s.Count(diff.Move), Trivial: s.Count(diff.Trivial),
		},
		Severities: jsonSeverities{
			Critical: s.CountSeverity(diff.SeverityCritical), Major: s.CountSeverity(diff.SeverityMajor),
			Minor: s.CountSeverity(diff.SeverityMinor), Trivial: s.CountSeverity(diff.SeverityTrivial),
		},
		Glossary: s.Glossary,
		Metrics:  metricsJSON(m),
	}
}

func jsonDoc(d diff.Document) jsonDocument {
	return jsonDocument{Name: d.Name, Length: len(d.Text), Segments: nonNil(d.Segments), Gaps: Gaps(d.Text, d.Segments)}
}

// Gaps returns the spans of text that no segment covers, in order.
func Gaps(text string, segs []align.Segment) []align.Segment {
	gaps := []align.Segment{}
	pos := 0
	for _, s := range append(segs, align.Segment{Start: len(text), End: len(text)}) {
		if s.Start > pos {
			gaps = append(gaps, align.Segment{Text: text[pos:s.Start], Start: pos, End: s.Start})
		}
		pos = max(pos, s.End)
	}
	return gaps
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SegmentsJSON writes the output of `paradiff split -f json`:
// {"segments": [{"text", "start", "end"}, ...]}.
func SegmentsJSON(w io.Writer, segs []align.Segment) error {
	return writeJSON(w, struct {
		Segments []align.Segment `json:"segments"`
	}{nonNil(segs)})
}

// SegmentsText writes one segment a line. Line breaks and control
// characters inside a segment are shown as escapes (\n, \x1b), so that
// line i is segment i and nothing in the input drives the terminal.
func SegmentsText(w io.Writer, segs []align.Segment) error {
	for _, s := range segs {
		if _, err := io.WriteString(w, terminalSafe(s.Text)+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// AlignmentJSON writes the output of `paradiff align -f json`:
// {"beads": [{"a": [0], "b": [0, 1]}, ...]}.
func AlignmentJSON(w io.Writer, beads []align.Bead) error {
	out := make([]align.Bead, len(beads))
	for i, b := range beads {
		out[i] = align.Bead{A: nonNil(b.A), B: nonNil(b.B)}
	}
	return writeJSON(w, struct {
		Beads []align.Bead `json:"beads"`
	}{out})
}
