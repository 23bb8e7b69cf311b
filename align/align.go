package align

import (
	"slices"
	"sync"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/internal/par"
)

// Bead is one step of an alignment: the segments A[i] for i in A matched
// with the segments B[j] for j in B. Either list may be empty (a segment
// only one version has), and each list is a run of consecutive indices.
type Bead struct {
	A []int `json:"a"`
	B []int `json:"b"`
}

// Shape is the number of A and B segments in a bead: {1, 2} is a 1-2 bead.
type Shape struct{ A, B int }

// DefaultShapes are the beads [Align] uses unless told otherwise: those of
// up to four segments, as [ShapesUpTo](4) gives, in the order the
// dynamic program has always tried them.
var DefaultShapes = []Shape{{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}}

// ShapesUpTo returns the shapes of the beads of up to n segments, A's and
// B's together, with 1-0 and 0-1: 1-1, 1-0, 0-1, then 1-2, 2-1, 1-3, 2-2,
// 3-1 and so on by size. A translation that splits a sentence into four
// needs 1-4, ShapesUpTo(5); each size more makes aligning slower.
func ShapesUpTo(n int) []Shape {
	out := []Shape{{1, 1}, {1, 0}, {0, 1}}
	for size := 3; size <= n; size++ {
		for a := 1; a < size; a++ {
			out = append(out, Shape{a, size - a})
		}
	}
	return out
}

// Aligner aligns two lists of segments: two versions of a text in one
// language, or a text and its translation. The zero value aligns any two
// texts with [DefaultShapes], deciding from the texts whether they are in
// one language (see [Aligner.CrossLanguage]).
type Aligner struct {
	// Shapes are the beads the alignment may use. 1-0 and 0-1 are
	// always allowed, so that any two texts can be aligned; shapes with
	// a negative side, 0-0 and repeats are ignored, and so are all but
	// the first maxShapes. Nil means [DefaultShapes].
	Shapes []Shape

	// LangA and LangB are the languages of A and B, when known. When
	// both are set, the texts are scored as one language if their base
	// languages are equal (en-GB and en-US are one) and as two
	// otherwise; when either is the zero Tag, Align decides from the
	// texts.
	LangA, LangB language.Tag

	// Dictionary gives cross-language scoring lexical evidence; see
	// [Dictionary]. Same-language scoring does not use it.
	Dictionary Dictionary

	// NoLexicon turns off the built-in lexicon of common words, which
	// cross-language scoring otherwise uses when both texts are in its
	// languages (English, Chinese, Russian, German, French, Spanish; see
	// lexicon.go), known from LangA and LangB or detected.
	NoLexicon bool
}

// Align aligns a and b with the zero [Aligner].
func Align(a, b []Segment) []Bead { return Aligner{}.Align(a, b) }

// Align returns beads that cover a and b in order: every segment is in
// exactly one bead, and the beads' A runs (and B runs) follow each other
// without gaps. It returns nil when both are empty. Align(b, a) is the
// mirror image of Align(a, b), and the result depends on nothing but the
// segments' texts and offsets (offsets tell where paragraphs break) and
// al. Texts are UTF-8; invalid bytes are compared as they are.
//
// Segments whose words and numbers are equal after normalisation
// ([textkey.Key]) and unique on both sides are pinned to each other first,
// as patience diff does, unless
// they look moved (see [pins]); the runs between pins are aligned by
// dynamic programming over the beads' costs, coarse to fine on long runs,
// in time and memory linear in their length (see align_dp.go).
//
// In one language, the alignment minimises the content that stays
// unmatched (see [sameLanguage]): a segment only one version has becomes a
// 1-0 or 0-1 bead instead of being glued to a neighbour, and a sentence
// that one version splits in two becomes one 1-2 or 2-1 bead. Across
// languages it weighs the segments' lengths, as Gale and Church do, and
// the anchors they share: numbers, dates, names, some punctuation and
// dictionary entries (see [crossLanguage] and anchor.go), and the common
// words of its lexicon (lexicon.go) where they match. It aligns again
// until the ratio of the lengths of the beads that match settles, from
// the texts' totals and from their mean sentence lengths, and keeps the
// cheaper alignment (align_ratio.go); then it learns word pairs from that
// alignment and aligns again with them, once or twice (align_learn.go,
// [learnRounds]). Both modes avoid beads that cross a paragraph break on
// one side only.
func (al Aligner) Align(a, b []Segment) []Bead {
	if textsAfter(a, b) {
		// Where several alignments cost the same, the dynamic program's
		// choice depends on which side is A; aligning in one canonical
		// order makes Align(b, a) the mirror image of Align(a, b).
		al.LangA, al.LangB = al.LangB, al.LangA
		out := al.Align(b, a)
		for i := range out {
			out[i].A, out[i].B = out[i].B, out[i].A
		}
		return out
	}
	if len(a) == 0 && len(b) == 0 {
		return nil
	}
	shapes := al.shapes()
	dict := compileDictionary(al.Dictionary)
	lexA, lexB := al.lexicon(a, b)
	toks := tokenize(a, b, []*compiledDict{dict, lexA}, []*compiledDict{dict, lexB})
	var pinned []pinPair
	var wg sync.WaitGroup
	// Beside the parts of newFeatures that use one core; newFeatures may
	// add stems to the tokenizer meanwhile, so pins gets the kinds as
	// they are now.
	kinds := toks.tk.kinds
	wg.Go(func() { pinned = pins(toks.a, toks.b, kinds) })
	cross := al.crossLanguage(a, b, toks)
	p := sameLanguage
	if cross {
		p = crossLanguage
	}
	scored := scoredTokens(a, b, toks, cross)
	f := newFeatures(a, b, scored, cross)
	wg.Wait()
	f, out := settle(f, p, pinned, shapes)
	rounds := learnRounds
	if lexA != nil {
		rounds = learnRoundsLexicon
	}
	for round := 0; cross && round < rounds; round++ {
		if round > 0 {
			f = newFeatures(a, b, scored, cross) // without the pairs learned before
		}
		f.rescale(out) // the ratio of lengths of the latest alignment
		if !f.learn(out) {
			break
		}
		// A search from scratch, not near the alignment before: with the
		// pairs learned, the best path may be far from it, and widening
		// a band around it until it fits took minutes where no number or
		// name anchored the first.
		out = alignRuns(newScorer(f, p), pinned, shapes)
	}
	return out
}

// alignRuns aligns the runs between pins and returns the beads of the
// whole texts, pins included.
func alignRuns(sc *scorer, pinned []pinPair, shapes []Shape) []Bead {
	// The runs between pins are independent: align them on all cores,
	// each with caches of its own (see align_cache.go).
	type gap struct{ i0, i1, j0, j1 int }
	gaps := make([]gap, 0, len(pinned)+1)
	i, j := 0, 0
	for _, pn := range pinned {
		gaps = append(gaps, gap{i, pn.i, j, pn.j})
		i, j = pn.i+1, pn.j+1
	}
	gaps = append(gaps, gap{i, len(sc.a), j, len(sc.b)})
	paths := make([][]step, len(gaps))
	par.Chunks(len(gaps), 1, func(_, k, _ int) {
		g := gaps[k]
		if g.i0 != g.i1 || g.j0 != g.j1 {
			paths[k] = searchRun(sc, g.i0, g.i1, g.j0, g.j1, func(s *scorer) []step { return path(s, shapes) })
		}
	})
	out := make([]Bead, 0, max(len(sc.a), len(sc.b)))
	for k, g := range gaps {
		for _, st := range paths[k] {
			out = append(out, Bead{A: indices(g.i0+st.i, st.s.A), B: indices(g.j0+st.j, st.s.B)})
		}
		if k < len(pinned) {
			out = append(out, Bead{A: []int{pinned[k].i}, B: []int{pinned[k].j}})
		}
	}
	return out
}

// maxShapes is the most shapes an alignment uses: its dynamic program
// keeps a shape's index in a byte.
const maxShapes = 127

// shapes returns the shapes to align with: al.Shapes or [DefaultShapes],
// without invalid ones, with 1-0 and 0-1.
func (al Aligner) shapes() []Shape {
	if len(al.Shapes) == 0 {
		return DefaultShapes
	}
	var out []Shape
	for _, s := range al.Shapes {
		if s.A >= 0 && s.B >= 0 && s.A+s.B > 0 && !slices.Contains(out, s) && len(out) < maxShapes-2 {
			out = append(out, s)
		}
	}
	for _, s := range []Shape{{1, 0}, {0, 1}} {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// CrossLanguage reports whether Align scores a and b as a text and its
// translation rather than as two versions in one language. With LangA
// and LangB both set it compares their base languages. Otherwise the texts
// are in two languages when most of their letters are in different
// scripts (Chinese against Russian), or, in one script, when they share
// too few words to be one language: less than crossOverlap of the words
// of either text occur in the other (English against French).
func (al Aligner) CrossLanguage(a, b []Segment) bool {
	if al.LangA != language.Und && al.LangB != language.Und {
		return al.crossLanguage(a, b, tokenized{}) // the tags decide: no need to tokenize
	}
	return al.crossLanguage(a, b, tokenize(a, b, nil, nil))
}

// lexicon returns the finders of the lexicon's concepts in a and in b,
// or nils when it is off or does not have both languages.
func (al Aligner) lexicon(a, b []Segment) (forA, forB *compiledDict) {
	if al.NoLexicon || len(a) == 0 || len(b) == 0 {
		return nil, nil
	}
	la, lb := al.LangA, al.LangB
	if la == language.Und {
		la = detectSegments(a)
	}
	if lb == language.Und {
		lb = detectSegments(b)
	}
	return compileLexicon(la, lb)
}

func (al Aligner) crossLanguage(a, b []Segment, t tokenized) bool {
	if al.LangA != language.Und && al.LangB != language.Und {
		ba, _ := al.LangA.Base()
		bb, _ := al.LangB.Base()
		return ba != bb
	}
	sa, sb := mainScript(a), mainScript(b)
	if sa != sb && sa != scriptNone && sb != scriptNone {
		return true
	}
	return wordOverlap(t) < crossOverlap
}

// crossOverlap is the share of shared words below which two texts in one
// script are taken to be in two languages. Two versions of one text in
// one language share most of their words, function words above all: 0.6
// to 0.95 of them on the evaluation's news and Bible pairs, even where one
// version drops or adds a tenth of the sentences. A text and its
// translation share names and numbers: 0.05 to 0.2 for German and French.
const crossOverlap = 0.4

// WordOverlap returns the larger of the share of the words of a found in
// b and the share of those of b found in a, compared by their normalised
// keys over each text's first 64 KiB. Two versions of one text share most
// of their words; a text and its translation few (see crossOverlap).
// Texts without words overlap fully.
func WordOverlap(a, b string) float64 {
	one := func(text string) []Segment {
		text = prefix(text, maxDetect)
		return []Segment{{Text: text, End: len(text)}}
	}
	return wordOverlap(tokenize(one(a), one(b), nil, nil))
}

// CrossOverlap is the word overlap (see [WordOverlap]) below which two
// texts in one script are taken to be in two languages.
const CrossOverlap = crossOverlap

// wordOverlap returns the larger of the share of the word tokens of A
// whose key occurs in B and the share of those of B found in A. Texts
// without words overlap fully.
func wordOverlap(t tokenized) float64 {
	tk, ta, tb := t.tk, t.a, t.b
	n := len(tk.kinds)
	inA, inB := make([]bool, n), make([]bool, n)
	for _, ids := range ta {
		for _, id := range ids {
			inA[id] = true
		}
	}
	for _, ids := range tb {
		for _, id := range ids {
			inB[id] = true
		}
	}
	share := func(toks [][]int32, other []bool) (float64, bool) {
		found, all := 0, 0
		for _, ids := range toks {
			for _, id := range ids {
				if tk.kinds[id] == kindWord {
					all++
					if other[id] {
						found++
					}
				}
			}
		}
		return float64(found) / float64(max(all, 1)), all > 0
	}
	x, okA := share(ta, inB)
	y, okB := share(tb, inA)
	if !okA || !okB {
		return 1
	}
	return max(x, y)
}

// textsAfter reports whether the texts of a sort after those of b.
func textsAfter(a, b []Segment) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i].Text != b[i].Text {
			return a[i].Text > b[i].Text
		}
	}
	return len(a) > len(b)
}

// indices returns start, start+1, ..., start+n-1.
func indices(start, n int) []int {
	r := make([]int, n)
	for k := range r {
		r[k] = start + k
	}
	return r
}
