package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"sync"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/internal/par"
)

// JSONVersion is the version of the JSON report's schema. Keys may be
// added within a version; none changes meaning.
const JSONVersion = 1

// The JSON report's schema, documented in the README. Field order is the
// output order; every list is written as [] when empty, never null.
type (
	jsonReport struct {
		Version       int           `json:"version"`
		A             jsonDocument  `json:"a"`
		B             jsonDocument  `json:"b"`
		CrossLanguage bool          `json:"cross_language"`
		Languages     jsonLanguages `json:"languages"`
		Beads         []jsonBead    `json:"beads"`
		Summary       jsonSummary   `json:"summary"`
	}
	jsonLanguages struct {
		A      string `json:"a"`
		B      string `json:"b"`
		Given  bool   `json:"given"`
		Reason string `json:"reason"`
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
		Meaning  diff.Meaning  `json:"meaning"`
		Reason   string        `json:"reason"`
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
	// The report runs to many times the size of the documents. It is made
	// of pieces, in the layout encoding/json's indenting encoder gives the
	// whole, encoded on all cores a few pieces ahead of the one being
	// written: neither the time nor the memory it takes grows with the
	// whole.
	var pieces []func(*jsonWriter)
	pieces = append(pieces, func(jw *jsonWriter) {
		jw.raw("{\n")
		jw.member("  ", "version", JSONVersion, false)
	})
	pieces = appendDocument(pieces, "a", c.A)
	pieces = appendDocument(pieces, "b", c.B)
	pieces = append(pieces, func(jw *jsonWriter) {
		jw.member("  ", "cross_language", c.Languages.Cross, false)
		jw.member("  ", "languages", languagesJSON(c.Languages), false)
	})
	pieces = appendArray(pieces, "  ", "beads", len(c.Beads), false, func(jw *jsonWriter, i int, prefix string) {
		var ok bool
		if jw.out, ok = appendBead(jw.out, c.Beads[i], prefix); !ok {
			jw.value(beadJSON(c.Beads[i]), prefix)
		}
	})
	pieces = append(pieces, func(jw *jsonWriter) {
		jw.member("  ", "summary", summaryJSON(c.Summary, c.Metrics), true)
		jw.raw("}\n")
	})
	return writePieces(w, pieces)
}

func languagesJSON(l diff.Languages) jsonLanguages {
	return jsonLanguages{A: l.A.String(), B: l.B.String(), Given: l.Given, Reason: l.Reason}
}

// appendDocument adds the pieces of one document's member of the report.
func appendDocument(pieces []func(*jsonWriter), key string, d diff.Document) []func(*jsonWriter) {
	pieces = append(pieces, func(jw *jsonWriter) {
		jw.raw("  \"" + key + "\": {\n")
		jw.member("    ", "name", d.Name, false)
		jw.member("    ", "length", len(d.Text), false)
	})
	segs, gaps := d.Segments, Gaps(d.Text, d.Segments)
	segment := func(list []align.Segment) func(*jsonWriter, int, string) {
		return func(jw *jsonWriter, i int, prefix string) { jw.out = appendSegment(jw.out, list[i], prefix) }
	}
	pieces = appendArray(pieces, "    ", "segments", len(segs), false, segment(segs))
	pieces = appendArray(pieces, "    ", "gaps", len(gaps), true, segment(gaps))
	return append(pieces, func(jw *jsonWriter) { jw.raw("  },\n") })
}

// jsonChunk is how many elements of an array one piece of the report holds.
const jsonChunk = 256

// appendArray adds the pieces of an array member of n elements, at
// indent, elem writing element i indented as if nested at prefix.
func appendArray(pieces []func(*jsonWriter), indent, key string, n int, last bool, elem func(jw *jsonWriter, i int, prefix string)) []func(*jsonWriter) {
	comma := ","
	if last {
		comma = ""
	}
	if n == 0 {
		return append(pieces, func(jw *jsonWriter) { jw.raw(indent + "\"" + key + "\": []" + comma + "\n") })
	}
	pieces = append(pieces, func(jw *jsonWriter) { jw.raw(indent + "\"" + key + "\": [\n") })
	inner := indent + "  "
	for from := 0; from < n; from += jsonChunk {
		pieces = append(pieces, func(jw *jsonWriter) {
			for i := from; i < min(from+jsonChunk, n); i++ {
				jw.raw(inner)
				elem(jw, i, inner)
				if i < n-1 {
					jw.raw(",")
				}
				jw.raw("\n")
			}
		})
	}
	return append(pieces, func(jw *jsonWriter) { jw.raw(indent + "]" + comma + "\n") })
}

func beadJSON(b diff.Bead) jsonBead {
	jb := jsonBead{A: nonNil(b.A), B: nonNil(b.B), Changes: make([]jsonChange, 0, len(b.Changes))}
	for _, ch := range b.Changes {
		jb.Changes = append(jb.Changes, changeJSON(ch))
	}
	for _, g := range b.Glossary {
		jb.Glossary = append(jb.Glossary, glossaryJSON(g))
	}
	return jb
}

// writePieces writes the output of pieces to w in order, running them on
// all cores, at most a window of them ahead of the one being written.
func writePieces(w io.Writer, pieces []func(*jsonWriter)) error {
	workers := par.Workers()
	ahead := make(chan chan *jsonWriter, 2*workers)
	go func() {
		running := make(chan struct{}, workers)
		for _, piece := range pieces {
			done := make(chan *jsonWriter, 1)
			ahead <- done
			running <- struct{}{}
			go func() {
				jw := writerPool.Get().(*jsonWriter)
				jw.out, jw.err = jw.out[:0], nil
				piece(jw)
				<-running
				done <- jw
			}()
		}
		close(ahead)
	}()
	bw := bufio.NewWriter(w)
	var err error
	for done := range ahead { // to the end even after an error, so that every piece's goroutine ends
		jw := <-done
		if err == nil {
			err = jw.err
		}
		if err == nil {
			_, err = bw.Write(jw.out)
		}
		writerPool.Put(jw)
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// writerPool keeps the jsonWriters of written pieces for the next ones:
// a piece's bytes are the size of the next one's.
var writerPool = sync.Pool{New: func() any { return &jsonWriter{out: make([]byte, 0, 256<<10)} }}

// jsonWriter writes indented JSON a piece at a time into out, keeping the
// first error.
type jsonWriter struct {
	out     []byte
	scratch bytes.Buffer
	enc     *json.Encoder
	err     error
}

func (jw *jsonWriter) raw(s string) { jw.out = append(jw.out, s...) }

// member writes one member of an object whose members are at indent.
func (jw *jsonWriter) member(indent, key string, v any, last bool) {
	jw.raw(indent + "\"" + key + "\": ")
	jw.value(v, indent)
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
	if jw.enc == nil {
		jw.enc = json.NewEncoder(&jw.scratch)
		jw.enc.SetEscapeHTML(false)
	}
	jw.scratch.Reset()
	jw.enc.SetIndent(prefix, "  ")
	if jw.err = jw.enc.Encode(v); jw.err == nil {
		jw.out = append(jw.out, bytes.TrimSuffix(jw.scratch.Bytes(), []byte("\n"))...)
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
		Flags: nonNil(ch.Flags), Severity: ch.Severity, Meaning: ch.Meaning, Reason: ch.Reason, Move: ch.Move,
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
