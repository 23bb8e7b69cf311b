package align

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/textkey"
)

// A scorer prices beads. It sees a and b as lists of bags of weighted
// tokens, one per segment at the finest level and one per block of
// segments at the coarse levels of [path]; cost(i, j, s, limit) prices the
// bead of shape s that starts at a[i], b[j]. The same formula serves both
// modes, with the constants of [sameLanguage] or [crossLanguage]. A bead
// of n segments of A and m of B costs
//
//	bead + perSegment·(n+m-2) + unmatched·(mass(x) + mass(y) - 2·shared(x, y))
//	     + merge·extra + paragraph·breaks - colon·colons + length·GC(x, y)
//
// and a 1-0 or 0-1 bead costs skip + skipShare·mass, where x and y are
// the merged runs, shared(x, y) the weight of the tokens they share (a
// weighted multiset intersection), extra the mass of all but the largest
// segment of each run (what merging adds), breaks the paragraph breaks
// inside one run and not the other, colons the segments of a run but its
// last that end with a colon, and GC the Gale–Church length cost
// ([scorer.lengthCost]). Across languages a bead whose runs share nothing
// costs noEvidence more, and the lexicon's concepts count apart (see
// bag.bonus and [crossLanguage]).
//
// Same-language scoring weighs every content token; cross-language
// scoring only the anchors both documents have (see anchor.go), plus the
// pairs learned from a first alignment (align_learn.go) and dictionary
// entries, so that there the length cost carries most of the decision and
// the anchors settle what it leaves open.
type scorer struct {
	params
	weight []float64   // per token id
	class  []massClass // per token id
	a, b   []bag
	level  int // 0 for segments, k for blocks of 2ᵏ segments

	sampleBits int // see coarser

	// merged runs of two or more bags, by run length
	runsA, runsB []*runCache
	loaded       *loadedRuns
}

// params are the constants of one scoring mode.
type params struct {
	bead       float64 // fixed cost of every bead that matches something
	perSegment float64 // fixed cost of every segment beyond the second in a bead
	skip       float64 // fixed cost of a 1-0 or 0-1 bead
	skipShare  float64 // cost of leaving a segment unmatched, per unit of its mass
	merge      float64 // cost of each segment beyond the first on a side, per unit of its mass
	mergeBonus float64 // the same, per unit of its bonus (see bag.bonus)
	unmatched  float64 // cost per unit of unmatched mass in a matching bead
	noEvidence float64 // cost of a matching bead whose runs share no token
	paragraph  float64 // cost of each paragraph break inside one side of a bead and not the other
	colon      float64 // what a bead saves for each segment but the last of a run that ends with a colon

	// unmatchedBonus is the cost per unit of bonus mass (see bag.bonus)
	// left unmatched in a matching bead.
	unmatchedBonus float64

	// length scales the Gale–Church length cost against the token
	// costs; variance is Gale and Church's s², the variance of B's
	// length per character, in the units of [scorer.lengthCost].
	length   float64
	variance float64
}

// sameLanguage are the constants for two versions in one language.
//
// Tokens get weights that fall with the number of segments they occur
// in, w = ln(1 + N/df), so that "the" counts for little and "Fascist" for
// much. With skipShare = 0.9, two sentences are matched 1-1 rather than
// both left alone when they share more than a tenth of their joint mass
// (weighted Dice > 0.1): two versions of one statement paraphrase far more
// often than they drop a sentence. A second sentence joins a bead when
// (1-skipShare+merge)/2 = 20% of its own mass finds a partner not already
// matched, so an inserted sentence next to a paraphrase is not glued onto
// it. A Gale–Church length cost breaks the ties that word overlap leaves;
// it expects a sentence and its counterpart to be as long, whatever
// either version adds or leaves out (see align_ratio.go). The constants
// were chosen on the same-language evaluation (eval_test.go) and the
// readout demo; see the README.
var sameLanguage = params{
	bead:       0.5,
	perSegment: 0.5,
	skip:       0.3,
	skipShare:  0.9,
	merge:      0.3,
	unmatched:  1,
	paragraph:  paragraphCost,
	length:     1,
	variance:   6.8,
}

// crossLanguage are the constants for a text and its translation.
//
// The length cost is Gale and Church's, with the ratio of B's characters
// to A's taken from the two texts and the beads that match (see
// [settle]). Its variance, crossVariance = 3, is near what the gold 1-1
// beads of every cross-language evaluation set show in these units (a
// median-based estimate of 1.8 to 2.3 for German and French, Chinese,
// Russian and English: lengths vary alike across these pairs), a little
// wider for the heavier tail; Gale and Church's 6.8 is in other units
// and let length decide too little.
//
// A 1-0 or 0-1 bead costs skip, with no length cost: Gale and Church
// price a skipped sentence by its length, which glues a long inserted
// sentence to its neighbour; here a sentence is left alone when matching
// it costs more than skip, that is when its length or its anchors do not
// fit. A bead of three segments costs perSegment more than a 1-1, one of
// four twice that, in the spirit of Gale and Church's priors. Each anchor
// left unmatched in a matching bead costs its weight; in a 1-0 or 0-1
// bead, skipShare of it, so that a sentence whose number is nowhere near
// is cheaper to skip than to glue.
//
// skip, perSegment and crossVariance were chosen together, on a grid, for
// the best mean strict F1 over the cross-language evaluation sets
// (eval_test.go: Text+Berg's German-French dev document and the perturbed
// Bible and WMT pairs): 0.891 here, between 0.860 and 0.892 over skip 4 to
// 6, perSegment 3 to 5 and variance 2 to 4 (the 0.892 costs Text+Berg
// 0.024), before the lexicon.
//
// The lexicon's concepts mostly earn (see bag.bonus), so that without
// mergeBonus a sentence one text lacks was glued to its neighbour
// whenever the two shared a common word: the bonus of every segment
// beyond the first on a side costs mergeBonus, which a segment pays back
// when more than half of its concepts are shared (each shared one earns
// twice: it is in both runs). Mean strict F1 0.933 without it, 0.940 with
// 0.5, 0.942 with 1 and 0.937 with 1.5; a sentence left out is now left
// alone about as often as the other sets' (Genesis Chinese-Russian 0.940
// to 0.959).
//
// Two sentences that share nothing, where one text drops a sentence and
// the other adds one at the same place, cost only their length cost as a
// 1-1, far less than two skips; the errors left were mostly such pairs
// and sentences glued to a neighbour. A matching bead that shares no
// token at all costs noEvidence more, and a concept either run has and
// the other lacks costs unmatchedBonus of its weight: weak evidence
// against the pair, as translations choose other words than a general
// list expects. Mean strict F1 0.942 with neither, 0.944 with noEvidence
// = 1.5 (0.944 from 1 to 2, 0.942 with 2.5, 0.940 with 3), 0.945 with
// unmatchedBonus = 0.1 beside it (0.943 with 0.2, 0.940 with 0.4, where
// Text+Berg falls from 0.837 to 0.804); skip = 5 and perSegment = 4 are
// still the best of the grid above with them.
//
// A segment that ends with a colon introduces what follows: a list, a
// quotation, an explanation. Where a text was split at colons (as
// Text+Berg's was) its translation often goes on in one sentence, so a
// bead saves colon for each such segment that is not the last of its run.
// Text+Berg's strict F1 goes from 0.837 to 0.848 with colon = 1.5 (0.843
// with 1, 0.848 with 2, 0.844 with 3), the other sets' stay as they were.
// Bible verses, the other sets' segments, end with a colon before a
// speech that the next verse holds, so more costs them (Genesis
// Russian-English 0.977 with 3; without the lexicon, 0.926 with none,
// 0.918 with 1.5). Semicolons as well cost the Bibles, whose verses often
// end with one, and gained Text+Berg less (0.847).
var crossLanguage = params{
	bead:           0,
	perSegment:     4,
	skip:           5,
	skipShare:      0.5,
	merge:          0,
	mergeBonus:     1,
	unmatched:      1,
	unmatchedBonus: 0.1,
	noEvidence:     1.5,
	colon:          1.5,
	paragraph:      paragraphCost,
	length:         1,
	variance:       crossVariance,
}

// paragraphCost is the cost of a bead that crosses a paragraph break on
// one side only, per break: Gale and Church aligned paragraphs before
// sentences, and a translation rarely moves a sentence into the next
// paragraph. It is about the difference between a 2-1 bead and a 1-1 plus
// a 1-0, so that a sentence alone in its paragraph is left unmatched
// rather than glued across the break. See [paragraphBreaks] for where the
// breaks come from.
const paragraphCost = 2

// crossVariance is s² for cross-language beads; see [crossLanguage].
const crossVariance = 3

// Anchor weights relative to a word's, in cross-language scoring: a
// punctuation mark is weak evidence, a number strong. Each multiplies the
// token's ln(1 + N/df) weight (see [sameLanguage]). Set by judgement, not
// tuned, but for lexiconWeight: a concept of the lexicon counts mostly
// when both segments have it (see bag.bonus), and the mean strict F1 over
// the cross-language evaluation sets was 0.931 with 0.3, 0.932 with 0.5,
// 0.930 with 0.7, 0.928 with 1 and 0.898 with 2 (before noEvidence and
// unmatchedBonus), where more weight glues neighbours into larger beads.
const (
	punctWeight   = 0.5
	numberWeight  = 1.5
	dictWeight    = 1.0
	lexiconWeight = 0.5
)

// bag is a segment's tokens, or a run's, as sorted (id, count) pairs.
type bag struct {
	ids    []int32
	counts []int32
	mass   float64 // the weights of all its tokens
	length float64 // for the length cost, in the units of [scorer.lengthCost]
	segs   int     // segments it holds
	brk    bool    // a paragraph break follows it
	colon  bool    // it ends with a colon: the next segment goes on with it

	// lone is the part of mass that can never be matched: dictionary
	// entries whose translation the other text lacks. Leaving a segment
	// unmatched does not lose it.
	lone float64

	// bonus is the part of mass that counts mostly when matched: the
	// lexicon's concepts. A bead pays only unmatchedBonus of the weight
	// of those it leaves unmatched (see [crossLanguage]), and a 1-0 or
	// 0-1 nothing.
	bonus float64
}

// massClass says how a token's weight counts in a bag's mass.
type massClass uint8

const (
	massPlain massClass = iota // costs when unmatched, in a bead or alone
	massLone                   // see bag.lone
	massBonus                  // see bag.bonus
)

// features is what scoring needs of two documents, computed once.
type features struct {
	cross        bool
	weight       []float64   // by token id
	class        []massClass // by token id
	a, b         []bag
	ratio        float64   // of B's characters to A's (see setRatio)
	toksA, toksB [][]int32 // every token of every segment, for learning
	lensA, lensB []textLength
}

// tokenized is the token ids of every segment of two texts, interned by
// one tokenizer.
type tokenized struct {
	tk   *tokenizer
	a, b [][]int32
}

// tokenize tokenizes a and b at once, each with a tokenizer of its own,
// then renumbers B's tokens into A's: interned in the order B first has
// them, they get the ids one tokenizer reading A then B would give.
// dictsA and dictsB find the concepts of a dictionary and the lexicon in
// A's text and in B's.
func tokenize(a, b []Segment, dictsA, dictsB []*compiledDict) tokenized {
	tk, tkB := newTokenizer(dictsA), newTokenizer(dictsB)
	var ta, tb [][]int32
	var wg sync.WaitGroup
	wg.Go(func() { tb = tkB.all(b) })
	ta = tk.all(a)
	wg.Wait()
	ids := make([]int32, len(tkB.keys))
	for id, key := range tkB.keys {
		ids[id] = tk.intern(key, tkB.kinds[id])
	}
	for _, seg := range tb {
		for k, id := range seg {
			seg[k] = ids[id]
		}
	}
	return tokenized{tk, ta, tb}
}

// withStems returns toks with the stem of each word, and a token for each
// two adjacent Chinese characters, added after the segment's tokens (see
// [stemLetters]).
func (tk *tokenizer) withStems(toks [][]int32) [][]int32 {
	out := make([][]int32, len(toks))
	for s, ids := range toks {
		seg := slices.Clip(ids)
		for k, id := range ids {
			if st := tk.stem(id); st >= 0 {
				seg = append(seg, st)
			}
			if k > 0 && tk.isHan(ids[k-1]) && tk.isHan(id) {
				seg = append(seg, tk.intern("~"+tk.keys[ids[k-1]]+tk.keys[id], kindStem))
			}
		}
		out[s] = seg
	}
	return out
}

// isHan reports whether token id is one Chinese character.
func (tk *tokenizer) isHan(id int32) bool {
	if tk.kinds[id] != kindWord {
		return false
	}
	r, n := utf8.DecodeRuneInString(tk.keys[id])
	return n == len(tk.keys[id]) && unicode.Is(unicode.Han, r)
}

// stem returns the id of the stem of token id, or -1 when it has none.
func (tk *tokenizer) stem(id int32) int32 {
	if len(tk.stems) < len(tk.kinds) {
		tk.stems = append(tk.stems, make([]int32, len(tk.kinds)-len(tk.stems))...)
	}
	if st := tk.stems[id]; st != 0 {
		return st - 1
	}
	st := int32(-1)
	if tk.kinds[id] == kindWord {
		if key, ok := stemKey(tk.keys[id]); ok {
			st = tk.intern(key, kindStem)
		}
	}
	tk.stems[id] = st + 1
	return st
}

// scoredTokens returns the tokens the scorer weighs: t, with stems and
// pairs of Chinese characters added (see [tokenizer.withStems]) when cross
// is set and a and b are in different scripts.
func scoredTokens(a, b []Segment, t tokenized, cross bool) tokenized {
	if cross && mainScript(a) != mainScript(b) {
		t.a, t.b = t.tk.withStems(t.a), t.tk.withStems(t.b)
	}
	return t
}

// newFeatures weighs the tokens of a and b (see [scoredTokens]) and makes
// their bags. With cross set, a bag holds only the anchors both documents
// have; otherwise every content token, punctuation and dictionary entries
// excluded.
func newFeatures(a, b []Segment, t tokenized, cross bool) *features {
	tk, ta, tb := t.tk, t.a, t.b
	nid := len(tk.kinds)
	// What each side needs of itself only, on two cores: how often each
	// token occurs, in how many segments, and the segments' lengths.
	type sideCounts struct {
		in, df []int32
		lens   []textLength
	}
	count := func(segs []Segment, toks [][]int32) sideCounts {
		c := sideCounts{in: make([]int32, nid), df: make([]int32, nid), lens: segmentLengths(segs, cross)}
		last := make([]int32, nid) // 1 + the last segment each token was counted in
		for k, ids := range toks {
			for _, id := range ids {
				c.in[id]++
				if last[id] != int32(k+1) {
					last[id] = int32(k + 1)
					c.df[id]++
				}
			}
		}
		return c
	}
	var cb sideCounts
	var wg sync.WaitGroup
	wg.Go(func() { cb = count(b, tb) })
	ca := count(a, ta)
	wg.Wait()
	inA, inB, df := ca.in, cb.in, ca.df
	for id, d := range cb.df {
		df[id] += d
	}
	n := float64(len(a) + len(b))
	weight := make([]float64, nid)
	for id := range weight {
		w := math.Log(1 + n/float64(max(df[id], 1)))
		kind := tk.kinds[id]
		switch {
		case !cross:
			if kind == kindPunct || kind == kindDict || kind == kindLexicon || kind == kindStem {
				w = 0
			}
		case kind == kindStem:
			w = 0 // for learning only: see [stemLetters]
		case kind == kindDict:
			// An entry found in one text only still weighs: the dictionary
			// expected its translation, and the other text does not have
			// it, a sign that the sentence has no counterpart there.
			w *= dictWeight
		case inA[id] == 0 || inB[id] == 0:
			w = 0 // can never be matched
		case kind == kindWord && !balanced(inA[id], inB[id]):
			w = 0
		case kind == kindPunct:
			w *= punctWeight
		case kind == kindLexicon:
			w *= lexiconWeight
		case kind == kindNumber || kind == kindMonth:
			w *= numberWeight
		}
		weight[id] = w
	}
	f := &features{cross: cross, weight: weight, ratio: 1, toksA: ta, toksB: tb, lensA: ca.lens, lensB: cb.lens}
	f.class = make([]massClass, nid)
	for id := range f.class {
		switch kind := tk.kinds[id]; {
		case kind == kindLexicon:
			f.class[id] = massBonus
		case cross && kind == kindDict && (inA[id] == 0 || inB[id] == 0):
			f.class[id] = massLone
		}
	}
	wg.Go(func() { f.b = makeBags(tb, f.lensB, weight, f.class) })
	f.a = makeBags(ta, f.lensA, weight, f.class)
	wg.Wait()
	if cross {
		// In one language a sentence and its counterpart are as long, what
		// either text adds or leaves out aside: the ratio stays 1. Across
		// languages, a first ratio from the texts' totals; Align sets a
		// better one once it has aligned them (see settle).
		if ta, tb := totalText(f.lensA), totalText(f.lensB); ta > 0 && tb > 0 {
			f.setRatio(float64(tb) / float64(ta))
		}
	}
	for k, brk := range paragraphBreaks(a) {
		f.a[k].brk = brk
	}
	for k, brk := range paragraphBreaks(b) {
		f.b[k].brk = brk
	}
	for k := range a {
		f.a[k].colon = cross && endsWithColon(a[k].Text) // see crossLanguage.colon
	}
	for k := range b {
		f.b[k].colon = cross && endsWithColon(b[k].Text)
	}
	return f
}

// paragraphBreaks reports, for each segment, whether a paragraph break
// follows it. Segments carry no paragraph marks, but their offsets tell
// how much white space lies between them: a break is a gap wider than
// the usual one between sentences of a paragraph, taken as the gap that a
// tenth of the gaps are no wider than (none in Chinese, one space in
// Russian). Text where all gaps are alike, such as one sentence a line,
// has no breaks.
func paragraphBreaks(segs []Segment) []bool {
	if len(segs) < 3 {
		return nil
	}
	gaps := make([]int, len(segs)-1)
	for k := range gaps {
		gaps[k] = segs[k+1].Start - segs[k].End
	}
	sorted := slices.Sorted(slices.Values(gaps))
	usual := sorted[len(sorted)/10]
	out := make([]bool, len(segs))
	for k, g := range gaps {
		out[k] = g > usual
	}
	return out
}

// within counts the bags of a run, but its last, for which at holds:
// paragraph breaks or colons inside the run.
func within(run []bag, at func(*bag) bool) int {
	n := 0
	for k := 0; k+1 < len(run); k++ {
		if at(&run[k]) {
			n++
		}
	}
	return n
}

func breakAfter(g *bag) bool { return g.brk }
func colonAfter(g *bag) bool { return g.colon }

// endsWithColon reports whether text ends with a colon, white space aside.
func endsWithColon(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text, unicode.IsSpace))
	return r == ':' || r == '：'
}

// balanced reports whether a word occurs about as often in each document,
// as a name does in a text and its translation: at most twice as often
// plus one. Function words that two languages share in spelling, not in
// meaning, fail it.
func balanced(na, nb int32) bool {
	return max(na, nb) <= 2*min(na, nb)+1
}

// makeBags makes the bags of one text, with its lengths as they are: see
// [features.setRatio].
func makeBags(toks [][]int32, lens []textLength, weight []float64, class []massClass) []bag {
	out := make([]bag, len(toks))
	var sorted, ids, counts []int32 // scratch
	var slab int32Slab
	for k := range toks {
		sorted = append(sorted[:0], toks[k]...)
		slices.Sort(sorted)
		g := bag{length: float64(lens[k].text + lens[k].digits), segs: 1}
		ids, counts = ids[:0], counts[:0]
		for _, id := range sorted {
			w := weight[id]
			if w == 0 {
				continue
			}
			if n := len(ids); n > 0 && ids[n-1] == id {
				counts[n-1]++
			} else {
				ids = append(ids, id)
				counts = append(counts, 1)
			}
			g.add(w, class[id])
		}
		g.ids, g.counts = slab.keep(ids), slab.keep(counts)
		out[k] = g
	}
	return out
}

// int32Slab hands out copies of int32 slices cut from large blocks: one
// allocation for many small slices that live as long as each other.
type int32Slab struct{ buf []int32 }

// slabSize is how many int32s a block of an int32Slab holds at most, and
// firstSlab how many its first block holds.
const (
	slabSize  = 1 << 16
	firstSlab = 1 << 8
)

// keep returns a copy of x, cut from the slab, or nil for an empty x.
func (s *int32Slab) keep(x []int32) []int32 {
	if len(x) == 0 {
		return nil
	}
	if len(x) > cap(s.buf)-len(s.buf) {
		// Blocks double up to slabSize, so that a short text does not
		// pay for a long one's blocks.
		s.buf = make([]int32, 0, max(min(2*cap(s.buf), slabSize), firstSlab, len(x)))
	}
	n := len(s.buf)
	s.buf = append(s.buf, x...)
	return s.buf[n : n+len(x) : n+len(x)]
}

// textLength is a segment's length for the length cost, in characters:
// digits apart across languages.
type textLength struct{ text, digits int }

// segmentLengths returns the lengths of segs. In one language a length is
// all its characters. Across languages it leaves out white space, which
// some scripts use between words and others do not, and counts digits
// apart: they are written alike in both languages, so that a Chinese
// dateline is as long as its English translation although Chinese text
// is a third as long as English.
func segmentLengths(segs []Segment, cross bool) []textLength {
	out := make([]textLength, len(segs))
	for k, s := range segs {
		if !cross {
			out[k].text = utf8.RuneCountInString(s.Text)
			continue
		}
		for _, r := range s.Text {
			switch {
			case unicode.IsSpace(r):
			case unicode.IsDigit(r):
				out[k].digits++
			default:
				out[k].text++
			}
		}
	}
	return out
}

func totalText(lens []textLength) int {
	n := 0
	for _, l := range lens {
		n += l.text
	}
	return n
}

// tokenizer interns token keys to small integers.
type tokenizer struct {
	dicts []*compiledDict  // concepts to find, nils skipped
	ids   map[string]int32 // by key
	raw   map[string]int32 // by the token's text, to skip computing keys
	kinds []tokenKind      // by id
	stems []int32          // by id: 1 + the id of its stem (0: not worked out yet)
	month []int8           // by id: 1 a month name, -1 not, 0 not worked out yet
	keys  []string         // by id

	// Scratch space, reused from segment to segment, and the slab the
	// segments' id lists are cut from: one allocation for many lists.
	toks []textkey.Token
	ids1 []int32
	slab int32Slab
}

func newTokenizer(dicts []*compiledDict) *tokenizer {
	tk := &tokenizer{ids: map[string]int32{}, raw: map[string]int32{}}
	for _, d := range dicts {
		if d != nil {
			tk.dicts = append(tk.dicts, d)
		}
	}
	return tk
}

func (tk *tokenizer) all(segs []Segment) [][]int32 {
	out := make([][]int32, len(segs))
	for k, s := range segs {
		out[k] = tk.segment(s.Text)
	}
	return out
}

func (tk *tokenizer) intern(key string, kind tokenKind) int32 {
	id, ok := tk.ids[key]
	if !ok {
		id = int32(len(tk.kinds))
		tk.ids[key] = id
		tk.kinds = append(tk.kinds, kind)
		tk.keys = append(tk.keys, key)
	}
	return id
}

// segment returns the token ids of one segment; see [segmentTokens] for
// what they are.
func (tk *tokenizer) segment(text string) []int32 {
	tk.toks = textkey.AppendTokens(tk.toks[:0], text, 0)
	toks := tk.toks
	out := tk.ids1[:0]
	defer func() { tk.ids1 = out }()
	var words []string // word keys, for the dictionary
	for k, t := range toks {
		s := text[t.Start:t.End]
		switch t.Class {
		case textkey.Number:
			n := numberKey(s)
			if m, ok := cjkMonth(text, toks, k, n); ok {
				out = append(out, tk.intern("@m"+m, kindMonth))
				continue
			}
			if scaled, ok := scaledNumberKey(text, toks, k); ok {
				n = scaled
			}
			out = append(out, tk.intern(n, kindNumber))
		case textkey.Word, textkey.Symbol:
			id, ok := tk.raw[s]
			if !ok {
				id = tk.intern(textkey.Key(s), kindWord)
				tk.raw[s] = id
			}
			key := tk.keys[id]
			if tk.maybeMonth(id) {
				if m, ok := monthName(s, key, text, toks, k); ok {
					out = append(out, tk.intern("@m"+m, kindMonth))
					continue
				}
			}
			if m, ok := cjkNumeralMonth(text, toks, k); ok {
				out = append(out, tk.intern("@m"+m, kindMonth))
				continue
			}
			if tk.dicts != nil {
				words = append(words, key)
			}
			out = append(out, id)
		case textkey.Punct:
			if p, ok := punctAnchor(s); ok {
				out = append(out, tk.intern(p, kindPunct))
			}
		}
	}
	for _, d := range tk.dicts {
		for _, e := range d.find(words) {
			out = append(out, tk.intern(e, d.kind))
		}
	}
	return tk.keep(out)
}

// maybeMonth reports whether token id's key is a month name (see
// [monthName]), remembering the answer for each id.
func (tk *tokenizer) maybeMonth(id int32) bool {
	if len(tk.month) < len(tk.kinds) {
		tk.month = append(tk.month, make([]int8, len(tk.kinds)-len(tk.month))...)
	}
	if tk.month[id] == 0 {
		tk.month[id] = -1
		if _, ok := months[tk.keys[id]]; ok {
			tk.month[id] = 1
		}
	}
	return tk.month[id] > 0
}

// keep returns a copy of ids cut from the tokenizer's slab.
func (tk *tokenizer) keep(ids []int32) []int32 {
	if len(ids) == 0 {
		return []int32{}
	}
	return tk.slab.keep(ids)
}

func newScorer(f *features, p params) *scorer {
	return &scorer{params: p, weight: f.weight, class: f.class, a: f.a, b: f.b, loaded: &loadedRuns{}}
}

// sub returns a scorer for a[i0:i1] and b[j0:j1].
func (s *scorer) sub(i0, i1, j0, j1 int) *scorer {
	return &scorer{params: s.params, weight: s.weight, class: s.class, a: s.a[i0:i1], b: s.b[j0:j1],
		level: s.level, sampleBits: s.sampleBits, loaded: s.loaded}
}

// coarser returns a scorer over blocks of two consecutive bags of s (the
// last block of an odd list holds one).
//
// A block of 2ᵏ segments holds many more distinct tokens than one, and
// would make each cost dearer by as much. So a level keeps only the token
// ids whose hash has its sampleBits low bits clear, with sampleBits raised
// until the blocks hold about blockTokens distinct tokens on average. The
// choice depends on the id alone, so both texts keep the same words, and
// what two blocks share is kept in proportion. The coarse levels only
// guide the search: the finest level sees every token.
func (s *scorer) coarser() *scorer {
	c := *s
	c.level++
	c.runsA, c.runsB = nil, nil
	c.a, c.b = pairUp(s.a), pairUp(s.b)
	distinct := 0
	for _, g := range c.a {
		distinct += len(g.ids)
	}
	for _, g := range c.b {
		distinct += len(g.ids)
	}
	mean := float64(distinct) / float64(max(len(c.a)+len(c.b), 1))
	for mean > blockTokens {
		c.sampleBits++
		mean /= 2
	}
	if c.sampleBits > s.sampleBits {
		for k := range c.a {
			c.sample(&c.a[k])
		}
		for k := range c.b {
			c.sample(&c.b[k])
		}
	}
	return &c
}

// blockTokens is about how many distinct tokens a block of the coarse
// levels keeps: the fewest that change no alignment of the bench pair
// (bench/compare.sh), of the evaluation sets, or of 30,000-sentence
// paraphrased and cross-language pairs, against 128 (16 changed one run of
// the bench pair). Fewer tokens make the coarse levels cheaper.
const blockTokens = 32

// kept reports whether token id is kept at the scorer's level.
func (s *scorer) kept(id int32) bool {
	h := uint32(id) * 0x9e3779b1 // Fibonacci hashing: spreads the bits
	h ^= h >> 16
	return h&(1<<s.sampleBits-1) == 0
}

func pairUp(bags []bag) []bag {
	out := make([]bag, 0, (len(bags)+1)/2)
	for k := 0; k < len(bags); k += 2 {
		var g bag
		mergeInto(&g, bags[k:min(k+2, len(bags))])
		g.brk = bags[min(k+1, len(bags)-1)].brk
		out = append(out, g)
	}
	return out
}

// sample drops the tokens of g not kept at the scorer's level.
func (s *scorer) sample(g *bag) {
	w := 0
	g.mass, g.lone, g.bonus = 0, 0, 0
	for k, id := range g.ids {
		if !s.kept(id) {
			continue
		}
		g.ids[w], g.counts[w] = id, g.counts[k]
		g.add(float64(g.counts[k])*s.weight[id], s.class[id])
		w++
	}
	g.ids, g.counts = g.ids[:w], g.counts[:w]
}

// cost is the cost of the bead of shape sh starting at a[i], b[j]. When
// the bead is sure to cost limit or more, it may return any value of at
// least limit without working out the exact cost: the tokens two runs
// share cut the cost by at most twice the smaller mass, so the rest of
// the cost bounds it from below.
func (s *scorer) cost(i, j int, sh Shape, limit float64) float64 {
	switch {
	case sh.A == 0:
		return s.skipRun(s.b[j : j+sh.B])
	case sh.B == 0:
		return s.skipRun(s.a[i : i+sh.A])
	}
	xs, ys := s.a[i:i+sh.A], s.b[j:j+sh.B]
	// Masses and lengths add up; merging the runs' tokens, which only the
	// tokens they share need, waits until the bound cannot settle it.
	xMass, xBonus, xLength, xSegs := sums(xs)
	yMass, yBonus, yLength, ySegs := sums(ys)
	c := s.bead + s.perSegment*float64(max(xSegs+ySegs-2, 0))
	if len(xs) > 1 || len(ys) > 1 {
		mx, bx := extraMass(xs)
		my, by := extraMass(ys)
		c += s.merge*(mx+my) + s.mergeBonus*(bx+by)
		if d := within(xs, breakAfter) - within(ys, breakAfter); d != 0 {
			c += s.paragraph * float64(max(d, -d))
		}
		c -= s.colon * float64(within(xs, colonAfter)+within(ys, colonAfter))
	}
	c += s.length * s.lengthCost(xLength, yLength)
	// Bonus mass is out of the masses: left unmatched, it costs only
	// unmatchedBonus; what is shared of it cuts the cost below what the
	// rest can.
	xMass, yMass = xMass-xBonus, yMass-yBonus
	c += s.unmatchedBonus * (xBonus + yBonus)
	if bound := c + s.unmatched*math.Abs(xMass-yMass) - 2*(s.unmatched+s.unmatchedBonus)*min(xBonus, yBonus); bound >= limit {
		return bound
	}
	x, y := run(&s.runsA, s.a, i, sh.A), run(&s.runsB, s.b, j, sh.B)
	shared, sharedBonus := s.sharedLoaded(s.load(x, i, sh.A), y)
	if shared == 0 {
		c += s.noEvidence
	}
	return c + s.unmatched*(xMass+yMass-2*shared) - 2*s.unmatchedBonus*sharedBonus
}

// sums returns the mass, bonus, length and segments of bags merged,
// summed as mergeInto sums them.
func sums(bags []bag) (mass, bonus, length float64, segs int) {
	for k := range bags {
		mass += bags[k].mass
		bonus += bags[k].bonus
		length += bags[k].length
		segs += bags[k].segs
	}
	return mass, bonus, length, segs
}

// add adds weight w of class c to g's mass.
func (g *bag) add(w float64, c massClass) {
	g.mass += w
	switch c {
	case massLone:
		g.lone += w
	case massBonus:
		g.bonus += w
	}
}

func (s *scorer) skipRun(run []bag) float64 {
	c := 0.0
	for k := range run {
		c += s.skip*float64(run[k].segs) + s.skipShare*(run[k].mass-run[k].lone-run[k].bonus)
	}
	return c
}

// lengthCost is Gale and Church's (1993) cost of matching x characters of
// A with y of B: -ln P(|δ| or more), δ being how far y is from the
// expected x·ratio in standard deviations. Equal expected lengths cost 0.
// Both lengths are in one unit, halfway between A's and B's characters
// (A's times √ratio, B's over it, digits as they are: see
// [features.setRatio]), so that the cost is the same whichever version
// is A.
func (s *scorer) lengthCost(x, y float64) float64 {
	if x == 0 && y == 0 {
		return 0
	}
	delta := (y - x) / math.Sqrt(s.variance*(x+y)/2)
	return tailCost(math.Abs(delta))
}

// tailCost is -ln P(|Z| ≥ z) for a standard normal Z, floored at
// P = 1e-12, from a table: the dynamic program asks for it millions of
// times on long texts. Between table points it interpolates linearly,
// which is within 1e-6 of the exact value.
func tailCost(z float64) float64 {
	f := z / tailStep
	if f >= float64(len(tailTable)-1) {
		return tailTable[len(tailTable)-1]
	}
	k := int(f)
	return tailTable[k] + (f-float64(k))*(tailTable[k+1]-tailTable[k])
}

const tailStep = 1.0 / 256

var tailTable = func() []float64 {
	// Beyond z = 7.5, P < 1e-12: the floor.
	t := make([]float64, int(7.5/tailStep)+2)
	for k := range t {
		p := math.Erfc(float64(k) * tailStep / math.Sqrt2)
		t[k] = -math.Log(max(p, 1e-12))
	}
	return t
}()

// extraMass is the mass of all but the largest bag, and the bonus of all
// but the one with most: what a merge adds.
func extraMass(bags []bag) (mass, bonus float64) {
	if len(bags) < 2 {
		return 0, 0
	}
	topMass, topBonus := 0.0, 0.0
	for k := range bags {
		mass += bags[k].mass
		bonus += bags[k].bonus
		topMass, topBonus = max(topMass, bags[k].mass), max(topBonus, bags[k].bonus)
	}
	return mass - topMass, bonus - topBonus
}

// mergeInto sets out to the union (sum of counts) of bags, reusing its
// storage.
func mergeInto(out *bag, bags []bag) {
	out.mass, out.lone, out.bonus, out.length, out.segs = 0, 0, 0, 0, 0
	for k := range bags {
		out.mass += bags[k].mass
		out.lone += bags[k].lone
		out.bonus += bags[k].bonus
		out.length += bags[k].length
		out.segs += bags[k].segs
	}
	out.ids, out.counts = append(out.ids[:0], bags[0].ids...), append(out.counts[:0], bags[0].counts...)
	for k := 1; k < len(bags); k++ {
		n := len(out.ids)
		// Merge in place from the back: grow, then fill from the end.
		g := &bags[k]
		shared := 0
		for i, j := 0, 0; i < n && j < len(g.ids); {
			switch {
			case out.ids[i] < g.ids[j]:
				i++
			case out.ids[i] > g.ids[j]:
				j++
			default:
				shared++
				i, j = i+1, j+1
			}
		}
		total := n + len(g.ids) - shared
		out.ids, out.counts = slices.Grow(out.ids, total-n)[:total], slices.Grow(out.counts, total-n)[:total]
		i, j, w := n-1, len(g.ids)-1, total-1
		for ; j >= 0; w-- {
			switch {
			case i >= 0 && out.ids[i] > g.ids[j]:
				out.ids[w], out.counts[w] = out.ids[i], out.counts[i]
				i--
			case i >= 0 && out.ids[i] == g.ids[j]:
				out.ids[w], out.counts[w] = out.ids[i], out.counts[i]+g.counts[j]
				i, j = i-1, j-1
			default:
				out.ids[w], out.counts[w] = g.ids[j], g.counts[j]
				j--
			}
		}
	}
}
