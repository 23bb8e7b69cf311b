// Package diff is paradiff's library entry point. [Compare] compares two
// versions of a statement as the paradiff command does: it decides their
// languages (words are diffed unless there is strong evidence of two; see
// [Languages]), splits them into segments of bounded length ([Split]),
// aligns the segments into beads ([Align]), diffs every bead word by word,
// groups the token edits the way a reader sees them and classifies each
// group as a [Change]. [CompareDirs] does the same for every pair of
// files of two directories. The [Comparison] it returns is what every
// report renders and every gate judges.
//
// Tokens are compared by their normalised keys (internal/textkey), so a
// difference of case, quotes, dashes, spacing or Unicode form never hides
// or splits a real change; where two tokens have equal keys but different
// text, the difference is reported on its own as [Trivial].
package diff

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/internal/par"
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
	Severity     Severity
	// Meaning is what the change does to the meaning, and Reason the
	// evidence for it, in a phrase a report shows beside the severity:
	// "synonyms: band / group", "a name replaced: Victory … → Great …".
	Meaning Meaning
	Reason  string
	// Move numbers a move from 1 and is 0 for every other kind. A move is
	// two changes of kind Move with the same number: the half in the bead
	// where the text leaves A (A set, B empty) and the half where it
	// arrives in B (B set, A empty); each keeps the spans of an omission
	// or an insertion, so that replacing spans still rebuilds B.
	Move int
}

// Bead is an aligned run of segments of A and B with the changes between
// them, in text order, and the places where B departs from the glossary.
// A bead with no changes is the same in both.
type Bead struct {
	align.Bead
	// AStart, AEnd and BStart, BEnd are the byte spans of the bead's runs
	// in the two texts, the white space between its segments included. A
	// side with no segments has an empty span where its text would stand:
	// at the end of the previous bead's run on that side.
	AStart, AEnd int
	BStart, BEnd int
	Changes      []Change
	Glossary     []GlossaryMiss
}

// Comparison is the whole result of comparing A with B.
type Comparison struct {
	A, B    Document
	Beads   []Bead
	Summary Summary
	// Metrics are BLEU, chrF and TER of B (the hypothesis) against A (the
	// reference) over the beads, one segment per bead (see
	// [Comparison.ScoredSegments]); nil unless [Options] asks for them.
	Metrics *Metrics
	Notes   []string // what the comparison had to do that a reader should know
	// Languages are the languages A and B were compared in; when they
	// are two (Languages.Cross), words were not diffed.
	Languages Languages
}

// Summary counts what a comparison found. A move counts once, though its
// two halves stand in two places.
type Summary struct {
	Changes    [len(kindNames)]int     // by Kind
	Severities [len(severityNames)]int // by Severity
	Glossary   int                     // glossary departures
	SegmentsA  int
	SegmentsB  int
	Beads      int
	Changed    int // beads with at least one change that is not trivial
}

// Differs reports whether anything differs, as diff(1) would say: a
// change of any kind, trivial ones included (unless the comparison left
// them out), or a glossary departure.
func (s Summary) Differs() bool {
	return s.Differences() > 0 || s.Changes[Trivial] > 0 || s.Glossary > 0
}

// Count returns the number of changes of kind k.
func (s Summary) Count(k Kind) int { return s.Changes[k] }

// CountSeverity returns the number of changes of severity v.
func (s Summary) CountSeverity(v Severity) int { return s.Severities[v] }

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

// ChangeRef names a change by its bead and its index in the bead.
type ChangeRef struct{ Bead, Change int }

// Ranked returns every change from the most severe down, in document order
// within a severity; of a move, only the half where the text arrives.
func (c *Comparison) Ranked() []ChangeRef {
	var refs []ChangeRef
	for bi, b := range c.Beads {
		for ci, ch := range b.Changes {
			if ch.Kind == Move && ch.B == "" {
				continue
			}
			refs = append(refs, ChangeRef{bi, ci})
		}
	}
	slices.SortStableFunc(refs, func(x, y ChangeRef) int {
		return int(c.Beads[y.Bead].Changes[y.Change].Severity) - int(c.Beads[x.Bead].Changes[x.Change].Severity)
	})
	return refs
}

// Options says how to compare two versions. The zero value detects the
// languages, splits both texts into sentences and, unless they are in two
// languages (see [Languages]), diffs the words of every bead.
type Options struct {
	// LangA and LangB are the languages of A and B; the zero Tag means
	// detect. They choose the sentence rules and, with the evidence of
	// the texts, whether A and B are compared as two languages (see
	// resolveLanguages): when both are set, their base languages alone
	// decide.
	LangA, LangB language.Tag
	ByLine       bool // one segment per input line, as pre-split files have
	// Aligner aligns the segments; Compare sets its LangA and LangB to
	// the languages it resolved.
	Aligner       align.Aligner
	IgnoreTrivial bool // leave trivial changes out of the result
	// Progress, when set, is told how far the comparison has got: the
	// stage ("aligning", "diffing") and, for diffing, beads done of total.
	// It is called from Compare's goroutine.
	Progress func(stage string, done, total int)
	// MaxSegmentBytes bounds the length of a segment: a longer one (a
	// whole article on one line with no sentence end) is cut into pieces,
	// so that time and memory stay bounded. 0 means
	// DefaultMaxSegmentBytes; a negative value, no limit.
	MaxSegmentBytes int
	Glossary        []Term // approved terms B must use where A has them
	// Metrics asks for [Comparison.Metrics], computed with MetricOptions.
	// They are left nil for a cross-language comparison, and when
	// MetricOptions are invalid (see [MetricOptions.Check]).
	Metrics       bool
	MetricOptions MetricOptions

	sharedNames map[string]bool // across languages: see sharedLatinNames
}

// Split cuts text into the segments [Compare] compares: lines with
// opts.ByLine, else sentences in the rules of lang (the zero Tag:
// detected), every segment longer than opts.MaxSegmentBytes cut into
// pieces. When a segment was cut, note says so, naming the text name.
func Split(name, text string, lang language.Tag, opts Options) (segs []align.Segment, note string) {
	if opts.ByLine {
		segs = align.Lines(text)
	} else {
		segs = align.Splitter{Lang: lang}.Split(text)
	}
	limit := opts.MaxSegmentBytes
	if limit == 0 {
		limit = DefaultMaxSegmentBytes
	}
	segs, long := capSegments(text, segs, limit)
	if long > 0 {
		if name == "" {
			name = "text"
		}
		note = fmt.Sprintf("%s: %d segment%s longer than %d bytes, with no sentence end, cut at spaces into pieces of at most that size",
			name, long, plural(long), limit)
	}
	return segs, note
}

// Align does what [Compare] does up to the alignment: it decides the
// languages, splits both texts and aligns their segments. The beads of
// the Comparison it returns have no changes.
func Align(a, b Document, opts Options) *Comparison {
	langs := resolveLanguages(a.Text, b.Text, opts.LangA, opts.LangB)
	var noteA, noteB string
	var wg sync.WaitGroup
	wg.Go(func() { b.Segments, noteB = Split(b.Name, b.Text, langs.B, opts) })
	a.Segments, noteA = Split(a.Name, a.Text, langs.A, opts)
	wg.Wait()
	c := &Comparison{A: a, B: b, Languages: langs}
	for _, n := range []string{noteA, noteB} {
		if n != "" {
			c.Notes = append(c.Notes, n)
		}
	}
	if opts.Progress != nil {
		opts.Progress("aligning", 0, 0)
	}
	al := opts.Aligner
	al.LangA, al.LangB = langs.A, langs.B
	beads := al.Align(a.Segments, b.Segments)
	c.Beads = make([]Bead, len(beads))
	aPos, bPos := 0, 0 // where the next segment of each side starts, for empty spans
	for i, ab := range beads {
		sa, sb := runSpan(a.Segments, ab.A, aPos), runSpan(b.Segments, ab.B, bPos)
		aPos, bPos = sa.end, sb.end
		c.Beads[i] = Bead{Bead: ab, AStart: sa.start, AEnd: sa.end, BStart: sb.start, BEnd: sb.end}
	}
	return c
}

// Compare compares b, the version under review, with a, the reference:
// it decides their languages, splits and aligns them (see [Align]) and
// diffs every bead, word by word unless they are in two languages. The
// texts must be valid UTF-8; the returned Comparison's documents have
// their Segments filled in.
func Compare(a, b Document, opts Options) *Comparison {
	progress := opts.Progress
	if progress == nil {
		progress = func(string, int, int) {}
	}
	c := Align(a, b, opts)
	a, b = c.A, c.B
	// A bead's changes depend on its own text only: diff the beads on all
	// cores.
	cross := c.Languages.Cross
	if cross {
		opts.sharedNames = sharedLatinNames(a, b)
	}
	var done atomic.Int64
	var reporting sync.Mutex
	runs := make([][]moveRun, len(c.Beads))
	par.Chunks(len(c.Beads), 64, func(_, from, to int) {
		for i := from; i < to; i++ {
			runs[i] = diffBead(&c.Beads[i], a.Text, b.Text, cross, opts)
		}
		done.Add(int64(to - from))
		if reporting.TryLock() { // never wait to report
			progress("diffing", int(done.Load()), len(c.Beads))
			reporting.Unlock()
		}
	})
	progress("diffing", len(c.Beads), len(c.Beads))
	findMoves(c, runs)
	c.Summary = summarize(c)
	if opts.Metrics && !cross {
		// After the diff, not beside it: both use every core, and
		// together they would hold both working sets at once.
		progress("scoring", 0, 0)
		hyps, refs := c.ScoredSegments()
		c.Metrics, _ = Score(hyps, [][]string{refs}, opts.MetricOptions)
	}
	return c
}

var sidePool = sync.Pool{New: func() any { return new([2]side) }}

// diffBead fills in the changes and glossary findings of b, a bead of the
// documents whose texts are textA and textB, and returns what findMoves
// needs of them.
func diffBead(b *Bead, textA, textB string, cross bool, opts Options) []moveRun {
	// Sides only live while their bead is diffed: what changes keep of
	// them are substrings of the texts. Reusing them spares the collector.
	sides := sidePool.Get().(*[2]side)
	defer sidePool.Put(sides)
	sa, sb := &sides[0], &sides[1]
	sa.reset(textA, span{b.AStart, b.AEnd})
	sb.reset(textB, span{b.BStart, b.BEnd})
	sa.readNumberWords, sb.readNumberWords = !cross, !cross
	if cross {
		b.Changes = crossChanges(sa, sb, opts.sharedNames)
	} else {
		b.Changes = changes(sa, sb)
	}
	if opts.IgnoreTrivial {
		b.Changes = slices.DeleteFunc(b.Changes, func(ch Change) bool { return ch.Kind == Trivial })
	}
	if len(opts.Glossary) > 0 && len(b.A) > 0 && len(b.B) > 0 {
		checkGlossary(b, sa, sb, opts.Glossary)
	}
	return moveRuns(b, sa, sb)
}

// DefaultMaxSegmentBytes is the longest segment compared as one: twenty
// times a long sentence. The word diff of a bead costs up to the product
// of its sides' lengths.
const DefaultMaxSegmentBytes = 20000

// capSegments cuts every segment longer than limit bytes into pieces of at
// most limit bytes (see nextCut; the white space at a cut becomes a gap).
// It returns the segments and how many were cut.
func capSegments(text string, segs []align.Segment, limit int) ([]align.Segment, int) {
	if limit <= 0 {
		return segs, 0
	}
	var out []align.Segment
	long := 0
	for i, s := range segs {
		if s.End-s.Start <= limit {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append([]align.Segment{}, segs[:i]...)
		}
		long++
		for start := s.Start; start < s.End; {
			end := nextCut(text, start, s.End, limit)
			out = append(out, align.Segment{Text: text[start:end], Start: start, End: end})
			start = end
			for start < s.End {
				r, n := utf8.DecodeRuneInString(text[start:s.End])
				if !unicode.IsSpace(r) {
					break
				}
				start += n
			}
		}
	}
	if out == nil {
		return segs, 0
	}
	return out, long
}

// Content-defined cuts: whether to cut at a place depends on the bytes just
// before it, not on its distance from the start, so that a word inserted
// early in a long line moves no cut after it, and the two versions' pieces
// still pair up one to one.
const (
	cutWindow = 16   // bytes a cut decision looks back on
	spaceMod  = 128  // at a space, cut when the window's hash is 0 modulo this
	runeMod   = 2048 // in text without spaces, likewise before a character
	noSpace   = 200  // bytes without a space after which characters may be cut between
	hashBase  = 1099511628211
)

// hashBasePow is hashBase to the power cutWindow, to take the byte that
// leaves the window out of the rolling hash.
var hashBasePow = func() uint64 {
	p := uint64(1)
	for range cutWindow {
		p *= hashBase
	}
	return p
}()

// nextCut returns where the piece of text[start:end] that starts at start
// ends: at a place chosen by content (see above) once the piece is a tenth
// of limit long, else at the last white space before limit, else at the
// last character boundary before it.
func nextCut(text string, start, end, limit int) int {
	if end-start <= limit {
		return end
	}
	minPiece := limit / 10
	var h uint64
	lastSpace := start
	for p := start; p < start+limit; p++ {
		c := text[p]
		h = h*hashBase + uint64(c)
		if p-start >= cutWindow {
			h -= hashBasePow * uint64(text[p-cutWindow])
		}
		space := c == ' ' || c == '\t' || c == '\n' || c == '\r'
		if space {
			lastSpace = p
		}
		if p-start < minPiece {
			continue
		}
		if space && h%spaceMod == 0 || !space && p-lastSpace > noSpace && utf8.RuneStart(c) && h%runeMod == 0 {
			return p
		}
	}
	if lastSpace > start {
		return lastSpace
	}
	cut := start + limit
	for cut > start && !utf8.RuneStart(text[cut]) {
		cut--
	}
	if cut == start {
		return start + limit // no character boundary: invalid UTF-8
	}
	return cut
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
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
			changed = changed || ch.Kind != Trivial
			if ch.Kind == Move && ch.B == "" {
				continue // the half where a move leaves A: counted where it arrives
			}
			s.Changes[ch.Kind]++
			s.Severities[ch.Severity]++
		}
		s.Glossary += len(b.Glossary)
		if changed {
			s.Changed++
		}
	}
	return s
}
