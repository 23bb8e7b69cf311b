// Package diff finds what differs between two versions of a text once
// their sentences are aligned: it diffs every bead word by word, groups
// the token edits the way a reader sees them and classifies each group as
// a [Change]. The [Comparison] it returns is what every report renders.
//
// Tokens are compared by their normalised keys (internal/textkey), so a
// difference of case, quotes, dashes, spacing or Unicode form never hides
// or splits a real change; where two tokens have equal keys but different
// text, the difference is reported on its own as [Trivial].
package diff

import (
	"slices"

	"github.com/paradiff/paradiff/align"
)

// Document is one version of the statement: its name (a file name, for
// reports), its text (valid UTF-8) and, once compared, its segments.
type Document struct {
	Name     string
	Text     string
	Segments []align.Segment
}

// Change is one classified difference. AStart, AEnd and BStart, BEnd are
// byte offsets (half-open) into the two documents' texts, and A and B are
// exactly the text at those spans; one of them is empty for an insertion
// or an omission, and its offsets then mark where the other side's text
// stands. Replacing each change's A span with its B span turns the A text
// of a bead into its B text, byte for byte.
type Change struct {
	Kind         Kind
	A, B         string
	AStart, AEnd int
	BStart, BEnd int
	Flags        []Flag
}

// Bead is an aligned run of segments of A and B with the changes between
// them, in text order. A bead with no changes is the same in both.
type Bead struct {
	align.Bead
	Changes []Change
}

// Comparison is the whole result of comparing A with B.
type Comparison struct {
	A, B    Document
	Beads   []Bead
	Summary Summary
}

// Summary counts what a comparison found.
type Summary struct {
	Changes   [len(kindNames)]int // by Kind
	SegmentsA int
	SegmentsB int
	Beads     int
	Changed   int // beads with at least one change that is not trivial
}

// Count returns the number of changes of kind k.
func (s Summary) Count(k Kind) int { return s.Changes[k] }

// Differences returns the number of changes that are not trivial.
func (s Summary) Differences() int {
	n := 0
	for k, c := range s.Changes {
		if Kind(k) != Trivial {
			n += c
		}
	}
	return n
}

// Options says how to cut the two versions into segments and align them.
// The zero value splits both into sentences with the default rules.
type Options struct {
	SplitA, SplitB align.Splitter
	ByLine         bool // one segment per input line, as pre-split files have
	Aligner        align.Aligner
	IgnoreTrivial  bool // leave trivial changes out of the result
}

// Compare splits a and b into segments, aligns them and diffs every bead.
// The texts must be valid UTF-8; a and b's Segments are filled in.
func Compare(a, b Document, opts Options) *Comparison {
	if opts.ByLine {
		a.Segments, b.Segments = align.Lines(a.Text), align.Lines(b.Text)
	} else {
		a.Segments, b.Segments = opts.SplitA.Split(a.Text), opts.SplitB.Split(b.Text)
	}
	c := &Comparison{A: a, B: b}
	aPos, bPos := 0, 0 // where the next segment of each side starts, for empty spans
	for _, ab := range opts.Aligner.Align(a.Segments, b.Segments) {
		aSpan, bSpan := runSpan(a.Segments, ab.A, aPos), runSpan(b.Segments, ab.B, bPos)
		aPos, bPos = aSpan.end, bSpan.end
		bead := Bead{Bead: ab, Changes: changes(a.Text, aSpan, b.Text, bSpan)}
		if opts.IgnoreTrivial {
			bead.Changes = slices.DeleteFunc(bead.Changes, func(ch Change) bool { return ch.Kind == Trivial })
		}
		c.Beads = append(c.Beads, bead)
	}
	c.Summary = summarize(c)
	return c
}

type span struct{ start, end int }

// runSpan returns the span of text covered by the segments idx of segs,
// or an empty span at pos when idx is empty.
func runSpan(segs []align.Segment, idx []int, pos int) span {
	if len(idx) == 0 {
		return span{pos, pos}
	}
	return span{segs[idx[0]].Start, segs[idx[len(idx)-1]].End}
}

func summarize(c *Comparison) Summary {
	s := Summary{SegmentsA: len(c.A.Segments), SegmentsB: len(c.B.Segments), Beads: len(c.Beads)}
	for _, b := range c.Beads {
		changed := false
		for _, ch := range b.Changes {
			s.Changes[ch.Kind]++
			changed = changed || ch.Kind != Trivial
		}
		if changed {
			s.Changed++
		}
	}
	return s
}
