package metric

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// TER holds the options of translation edit rate (Snover et al., 2006) as
// sacreBLEU computes it, a re-implementation of tercom 0.7.25. The zero
// value is sacreBLEU's default: case-insensitive, no normalization,
// punctuation kept, no special treatment of Asian scripts.
type TER struct {
	// Normalized applies tercom's normalization: unescape &quot; &amp;
	// &lt; &gt;, join lines, and split punctuation off words much as the
	// 13a BLEU tokenizer does (also splitting off "'s").
	Normalized bool
	// NoPunct removes the characters . , ? : ; ! " ( ).
	NoPunct bool
	// AsianSupport, with Normalized, puts CJK ideographs and CJK and
	// full-width punctuation in tokens of their own; with NoPunct, it
	// also removes CJK and full-width punctuation.
	AsianSupport bool
	// CaseSensitive keeps case; by default text is lowercased.
	CaseSensitive bool
}

// TERScore is a TER score.
type TERScore struct {
	// Score is TER in percent: 100 · NumEdits / RefLength. It can exceed
	// 100. When RefLength is 0 it is 100 if there are edits and 0 if not.
	Score float64
	// NumEdits is the number of edits (insertions, deletions,
	// substitutions and shifts of word sequences), against the best
	// reference of each segment, summed over segments.
	NumEdits int
	// RefLength is the reference length in words: for each segment the
	// mean length of its references, summed over segments.
	RefLength float64
	// Signature is sacreBLEU's signature for the computation, for example
	// "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0".
	Signature string
	// Unshifted is the number of segments longer than [MaxShiftWords]
	// whose edits were counted without looking for shifts (see
	// MaxShiftWords); 0 means the score is sacreBLEU's.
	Unshifted int
}

// MaxShiftWords bounds the segments TER looks for shifts in. The search
// for shifts recomputes the edit distance up to a thousand times, so its
// time grows with the segment's length: a few seconds at this many words,
// hours for a line of a few million. A segment whose hypothesis or a
// reference is longer has its edits counted without shifts, by the same
// beam-limited edit distance: they are then an upper bound of
// sacreBLEU's, and the score's Unshifted field counts such segments.
const MaxShiftWords = 10000

// String formats s as "TER = 63.25".
func (s TERScore) String() string {
	return "TER = " + strconv.FormatFloat(s.Score, 'f', 2, 64)
}

// Signature returns sacreBLEU's TER signature for nrefs reference streams,
// for example "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0".
// A negative nrefs prints as "var".
func (m TER) Signature(nrefs int) string {
	caseStr := "lc"
	if m.CaseSensitive {
		caseStr = "mixed"
	}
	return "nrefs:" + nrefsString(nrefs) + "|case:" + caseStr + "|tok:tercom|norm:" + yesNo(m.Normalized) +
		"|punct:" + yesNo(!m.NoPunct) + "|asian:" + yesNo(m.AsianSupport) + "|version:" + Version
}

// CorpusScore computes corpus-level TER: edits and reference lengths are
// summed over segments and divided once. hyps[i] is the i-th hypothesis
// and refs[k][i] its k-th reference; every reference stream must be as
// long as hyps.
func (m TER) CorpusScore(hyps []string, refs [][]string) (TERScore, error) {
	if err := checkStreams(hyps, refs); err != nil {
		return TERScore{}, err
	}
	// Segments are scored on all cores, each worker with its own scorer;
	// the sums are taken in segment order, so that the float total is the
	// same as a single pass's, bit for bit.
	segEdits, segLens := make([]int, len(hyps)), make([]float64, len(hyps))
	segUnshifted := make([]bool, len(hyps))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(hyps)/minSegmentsPerWorker))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s terScorer
			segRefs := make([]string, len(refs))
			for i := w; i < len(hyps); i += workers {
				for k := range refs {
					segRefs[k] = refs[k][i]
				}
				segEdits[i], segLens[i], segUnshifted[i] = s.segment(m, hyps[i], segRefs)
			}
		}()
	}
	wg.Wait()
	edits, refLen, unshifted := 0, 0.0, 0
	for i := range hyps {
		edits += segEdits[i]
		refLen += segLens[i]
		if segUnshifted[i] {
			unshifted++
		}
	}
	r := m.result(edits, refLen, len(refs))
	r.Unshifted = unshifted
	return r, nil
}

// minSegmentsPerWorker keeps small corpora on one goroutine, where starting
// more would cost more than it saves.
const minSegmentsPerWorker = 256

// SentenceScore computes TER of one hypothesis against the best of its
// references.
func (m TER) SentenceScore(hyp string, refs []string) (TERScore, error) {
	if len(refs) == 0 {
		return TERScore{}, errNoRefs
	}
	var s terScorer
	e, l, unshifted := s.segment(m, hyp, refs)
	r := m.result(e, l, len(refs))
	if unshifted {
		r.Unshifted = 1
	}
	return r, nil
}

func (m TER) result(edits int, refLen float64, nrefs int) TERScore {
	score := 0.0
	switch {
	case refLen > 0:
		score = float64(edits) / refLen
	case edits > 0:
		score = 1
	}
	return TERScore{Score: 100 * score, NumEdits: edits, RefLength: refLen, Signature: m.Signature(nrefs)}
}

// Tokenize returns s as sacreBLEU's TercomTokenizer with these options
// returns it: lowercased unless CaseSensitive, normalized if Normalized,
// without punctuation if NoPunct, and with its words separated by single
// spaces.
func (m TER) Tokenize(s string) string {
	if s == "" {
		return ""
	}
	if !m.CaseSensitive {
		s = lower(s)
	}
	if m.Normalized {
		s = tercomNormalize(s)
		if m.AsianSupport {
			s = tercomNormalizeAsian(s)
		}
	}
	if m.NoPunct {
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(`.,?:;!"()`, r) || m.AsianSupport && (asianPunct(r) || fullWidthPunct(r)) {
				return -1
			}
			return r
		}, s)
	}
	return joinFields(s)
}

// tercomNormalize is tercom's general and Western normalization.
func tercomNormalize(s string) string {
	// Tercom removes "\n-" (not "-\n" as mteval does) and then joins lines.
	s = strings.ReplaceAll(s, "\n-", "")
	s = unescapeEntities(strings.ReplaceAll(s, "\n", " "))
	b := make([]byte, 0, len(s)+2)
	b = append(b, ' ')
	b = append(b, s...)
	b = append(b, ' ')
	b = padPunct(b)
	// Possessives. sacreBLEU also rewrites "'s" at the very end of the
	// text, which never occurs here because the text ends in a space.
	b = bytes.ReplaceAll(b, []byte("'s "), []byte(" 's "))
	return periodRules(b)
}

// tercomNormalizeAsian puts spaces around CJK ideographs and CJK
// punctuation. sacreBLEU's rules for runs of Hiragana and Katakana can
// match only at the start of the text, which after tercomNormalize is
// always a space, so they never apply and are omitted.
func tercomNormalizeAsian(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, r := range s {
		if asianSplit(r) || asianPunct(r) || fullWidthPunct(r) {
			b.WriteByte(' ')
			b.WriteRune(r)
			b.WriteByte(' ')
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asianSplit covers the blocks tercom splits into single characters: CJK
// Unified Ideographs and Extension A, strokes, radicals, compatibility
// characters and forms, and (through a range sacreBLEU writes as
// U+3200–U+3F22) enclosed CJK letters onward.
func asianSplit(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff || r >= 0x3400 && r <= 0x4dbf ||
		r >= 0x31c0 && r <= 0x31ef || r >= 0x2e80 && r <= 0x2eff ||
		r >= 0x3300 && r <= 0x33ff || r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f ||
		r >= 0x3200 && r <= 0x3f22
}

func asianPunct(r rune) bool {
	return r == 0x3001 || r == 0x3002 || r >= 0x3008 && r <= 0x3011 || r >= 0x3014 && r <= 0x301f ||
		r >= 0xff61 && r <= 0xff65 || r == 0x30fb
}

func fullWidthPunct(r rune) bool {
	switch r {
	case 0xff0e, 0xff0c, 0xff1f, 0xff1a, 0xff1b, 0xff01, 0xff02, 0xff08, 0xff09:
		return true
	}
	return false
}

// terScorer computes segment statistics, reusing its word map.
type terScorer struct {
	ids map[string]int32
}

// segment returns the edits of hyp against its best reference, the mean
// reference length in words, and whether a segment longer than
// MaxShiftWords had its edits counted without shifts.
func (s *terScorer) segment(m TER, hyp string, refs []string) (int, float64, bool) {
	if s.ids == nil {
		s.ids = make(map[string]int32)
	}
	clear(s.ids)
	words := func(t string) []int32 {
		f := fields(m.Tokenize(rstrip(t)))
		w := make([]int32, len(f))
		for i, x := range f {
			id, ok := s.ids[x]
			if !ok {
				id = int32(len(s.ids))
				s.ids[x] = id
			}
			w[i] = id
		}
		return w
	}
	h := words(hyp)
	best, total, unshifted := -1, 0, false
	for _, r := range refs {
		rw := words(r)
		var e int
		if len(h) > MaxShiftWords || len(rw) > MaxShiftWords {
			e, unshifted = unshiftedEditRate(h, rw), true
		} else {
			e = editRate(h, rw)
		}
		total += len(rw)
		if best < 0 || e < best {
			best = e
		}
	}
	return best, float64(total) / float64(len(refs)), unshifted
}

// Tercom's limits, and sacreBLEU's own.
const (
	maxShiftSize       = 10   // longest word sequence a shift moves
	maxShiftDist       = 50   // farthest a matching sequence may start from its counterpart
	beamWidth          = 25   // half-width of the edit-distance band
	maxShiftCandidates = 1000 // shift candidates per segment before giving up (sacreBLEU)
)

// Edit operations, as sacreBLEU records them in a trace.
const (
	opNop   = ' '
	opSub   = 's'
	opIns   = 'i'
	opDel   = 'd'
	opUndef = 'x'
)

// editRate returns the number of edits that turn hyp into ref, shifts
// included, following sacreBLEU's translation_edit_rate: greedily apply the
// shift that most reduces the edit distance until none does, then add the
// edit distance of the result.
func editRate(hyp, ref []int32) int {
	if len(ref) == 0 {
		return len(hyp)
	}
	ed := newBeamEditDistance(ref)
	shifts, checked := 0, 0
	words := hyp
	for {
		delta, shifted, c := ed.bestShift(words, checked)
		checked = c
		if checked >= maxShiftCandidates || delta <= 0 {
			// Past the candidate budget sacreBLEU drops even the shift
			// it has just found.
			break
		}
		shifts++
		words = shifted
	}
	d, _ := ed.distance(words)
	return shifts + d
}

// unshiftedEditRate returns the beam-limited edit distance from hyp to ref,
// shifts left out, in memory linear in the segment's length: only two
// rows of the band are kept.
func unshiftedEditRate(hyp, ref []int32) int {
	if len(ref) == 0 {
		return len(hyp)
	}
	ed := newBeamEditDistance(ref)
	prev, cur := ed.rows[0], band{}
	ratio, beam := beamOf(len(hyp), len(ref))
	for i := 1; i <= len(hyp); i++ {
		ed.fill(&cur, &prev, hyp, i, ratio, beam)
		prev, cur = cur, prev
	}
	return int(prev.at(len(ref)).cost)
}

// bestShift returns the shift of words that most reduces the edit distance
// (ties going to the longer sequence, then the earlier source, then the
// earlier target), as the reduction, the shifted words and the updated
// count of evaluated candidates. A reduction of 0 means no shift helps.
func (ed *beamEditDistance) bestShift(words []int32, checked int) (int, []int32, int) {
	ref := ed.ref
	pre, trace := ed.distance(words)

	// Align the words along the trace: align[j] is the hypothesis
	// position reference word j lines up with (the position before it, for
	// a reference word with no counterpart). sacreBLEU flips the trace and
	// reads it as rewriting the reference into the hypothesis; reading the
	// unflipped trace with the roles swapped gives the same alignment.
	align := make([]int, len(ref))
	hypErr := make([]int, 0, len(words)+1) // prefix sums
	refErr := make([]int, 0, len(ref)+1)
	hypErr = append(hypErr, 0)
	refErr = append(refErr, 0)
	ph, pr := -1, -1
	for _, op := range trace {
		switch op {
		case opNop, opSub:
			e := 0
			if op == opSub {
				e = 1
			}
			ph++
			pr++
			align[pr] = ph
			hypErr = append(hypErr, hypErr[len(hypErr)-1]+e)
			refErr = append(refErr, refErr[len(refErr)-1]+e)
		case opDel: // a hypothesis word with no counterpart
			ph++
			hypErr = append(hypErr, hypErr[len(hypErr)-1]+1)
		case opIns: // a reference word with no counterpart
			pr++
			align[pr] = ph
			refErr = append(refErr, refErr[len(refErr)-1]+1)
		}
	}

	type candidate struct{ delta, length, start, target int }
	var best candidate
	found := false
	var buf []int32
	var bestWords []int32
	better := func(c candidate) bool {
		if !found {
			return true
		}
		if c.delta != best.delta {
			return c.delta > best.delta
		}
		if c.length != best.length {
			return c.length > best.length
		}
		if c.start != best.start {
			return c.start < best.start
		}
		return c.target < best.target
	}

pairs:
	for sh := range words {
		for sr := max(0, sh-maxShiftDist); sr <= min(len(ref)-1, sh+maxShiftDist); sr++ {
			for length := 1; length <= maxShiftSize &&
				sh+length <= len(words) && sr+length <= len(ref) &&
				words[sh+length-1] == ref[sr+length-1]; length++ {
				// Shift only wrong hypothesis words to where the
				// reference is not already matched, and not within itself.
				if hypErr[sh+length]-hypErr[sh] == 0 || refErr[sr+length]-refErr[sr] == 0 {
					continue
				}
				if a := align[sr]; sh <= a && a < sh+length {
					continue
				}
				prev := -1
				for off := -1; off < length; off++ {
					idx := 0
					if sr+off >= 0 {
						idx = align[sr+off] + 1
					}
					if idx == prev {
						continue
					}
					prev = idx
					buf = performShift(buf[:0], words, sh, length, idx)
					d, _ := ed.distance(buf)
					c := candidate{pre - d, length, sh, idx}
					checked++
					if better(c) {
						best, found = c, true
						bestWords = append(bestWords[:0], buf...)
					}
				}
				if checked >= maxShiftCandidates {
					break pairs
				}
			}
		}
	}
	if !found {
		return 0, words, checked
	}
	return best.delta, bestWords, checked
}

// performShift appends to dst the words with words[start:start+length]
// moved to before position target (a position in the original words). A
// target inside the block (start < target <= start+length) reproduces
// sacreBLEU's list slicing: the block moves target-start words to the
// right, clamped at the end.
func performShift(dst, words []int32, start, length, target int) []int32 {
	end := start + length
	switch {
	case target < start:
		dst = append(dst, words[:target]...)
		dst = append(dst, words[start:end]...)
		dst = append(dst, words[target:start]...)
		dst = append(dst, words[end:]...)
	case target > end:
		dst = append(dst, words[:start]...)
		dst = append(dst, words[end:target]...)
		dst = append(dst, words[start:end]...)
		dst = append(dst, words[target:]...)
	default:
		// A target inside the moved sequence: sacreBLEU's slicing,
		// clamped to the end as Python clamps.
		mid := min(length+target, len(words))
		dst = append(dst, words[:start]...)
		dst = append(dst, words[end:mid]...)
		dst = append(dst, words[start:end]...)
		dst = append(dst, words[mid:]...)
	}
	return dst
}

// cell is one entry of the edit-distance matrix: the cost of the best
// path to it and the last operation on that path.
type cell struct {
	cost int32
	op   byte
}

// infinity marks cells outside the beam; sums with it stay above it, so
// they never win a comparison.
const infinity = math.MaxInt32 / 4

// beamEditDistance is sacreBLEU's BeamEditDistance: a word-level
// Levenshtein distance to a fixed reference, computed only in a band
// around the (length-scaled) diagonal. A row depends only on the prefix
// of the hypothesis before it and on the hypothesis's length, which
// shifts do not change, so the rows of the longest prefix a hypothesis
// shares with the one before stay as they are. (sacreBLEU keeps rows in a
// trie of prefixes instead; here allocating and filling the trie cost
// more than the rows it saved.)
//
// sacreBLEU keeps every row as long as the reference, which takes memory
// quadratic in the segment's length (3 GB for a line of 20,000 words).
// Only the band of a row is ever written, and cells outside it are
// infinite: a row here holds its band alone, and reads outside it as
// {infinity, opUndef}, so the memory is linear and the results the same.
type beamEditDistance struct {
	ref   []int32
	rows  []band  // rows[i] for the hypothesis prefix last[:i]
	last  []int32 // the hypothesis of the last call
	trace []byte
}

// band is the part of a row of the edit-distance matrix inside the beam:
// cells[k] is column lo+k.
type band struct {
	lo    int
	cells []cell
}

var outside = cell{infinity, opUndef}

// at returns column j of the row.
func (b *band) at(j int) cell {
	if k := j - b.lo; k >= 0 && k < len(b.cells) {
		return b.cells[k]
	}
	return outside
}

func newBeamEditDistance(ref []int32) *beamEditDistance {
	first := make([]cell, len(ref)+1)
	for j := range first {
		first[j] = cell{int32(j), opIns}
	}
	return &beamEditDistance{ref: ref, rows: []band{{0, first}}}
}

// distance returns the edit distance from hyp to the reference and the
// trace of operations from the start, in which opDel consumes a
// hypothesis word and opIns a reference word. The trace is valid until the
// next call.
func (ed *beamEditDistance) distance(hyp []int32) (int, []byte) {
	nr := len(ed.ref)
	start := 0 // rows[0..start] hold for hyp
	if len(hyp) == len(ed.last) {
		for start < len(hyp) && hyp[start] == ed.last[start] {
			start++
		}
	}
	ed.last = append(ed.last[:0], hyp...)
	for len(ed.rows) <= len(hyp) {
		ed.rows = append(ed.rows, band{})
	}

	ratio, beam := beamOf(len(hyp), nr)
	for i := start + 1; i <= len(hyp); i++ {
		ed.fill(&ed.rows[i], &ed.rows[i-1], hyp, i, ratio, beam)
	}

	// Trace back from the last cell.
	ed.trace = ed.trace[:0]
	i, j := len(hyp), nr
	for i > 0 || j > 0 {
		op := ed.rows[i].at(j).op
		ed.trace = append(ed.trace, op)
		switch op {
		case opSub, opNop:
			i--
			j--
		case opIns:
			j--
		case opDel:
			i--
		default:
			panic(fmt.Sprintf("metric: TER trace reached an undefined cell (%d, %d)", i, j))
		}
	}
	for a, b := 0, len(ed.trace)-1; a < b; a, b = a+1, b-1 {
		ed.trace[a], ed.trace[b] = ed.trace[b], ed.trace[a]
	}
	return int(ed.rows[len(hyp)].at(nr).cost), ed.trace
}

// beamOf returns the length ratio and the half-width of the beam for a
// hypothesis of nh words against a reference of nr.
func beamOf(nh, nr int) (float64, int) {
	ratio := 1.0
	if nh > 0 {
		ratio = float64(nr) / float64(nh)
	}
	beam := beamWidth
	if float64(beamWidth) < ratio/2 {
		beam = int(math.Ceil(ratio/2 + beamWidth))
	}
	return ratio, beam
}

// fill computes row i (1 ≤ i ≤ len(hyp)) of the edit-distance matrix into
// r from row i-1, prev: the cells of its band, the last row to the end.
func (ed *beamEditDistance) fill(r, prev *band, hyp []int32, i int, ratio float64, beam int) {
	nr := len(ed.ref)
	diag := int(math.Floor(float64(i) * ratio))
	lo := max(0, diag-beam)
	hi := min(nr+1, diag+beam)
	if i == len(hyp) {
		hi = nr + 1
	}
	r.lo = lo
	if cap(r.cells) < hi-lo {
		r.cells = make([]cell, hi-lo)
	}
	r.cells = r.cells[:hi-lo]
	w := hyp[i-1]
	left := outside // column j-1 of this row
	for j := lo; j < hi; j++ {
		c := outside
		if j == 0 {
			c = cell{prev.at(0).cost + 1, opDel}
		} else {
			// Tercom prefers a match or substitution, then an insertion,
			// then a deletion; sacreBLEU swaps the last two because it
			// reads the trace flipped.
			subCost, subOp := int32(1), byte(opSub)
			if w == ed.ref[j-1] {
				subCost, subOp = 0, opNop
			}
			if x := prev.at(j-1).cost + subCost; c.cost > x {
				c = cell{x, subOp}
			}
			if x := prev.at(j).cost + 1; c.cost > x {
				c = cell{x, opDel}
			}
			if x := left.cost + 1; c.cost > x {
				c = cell{x, opIns}
			}
		}
		r.cells[j-lo] = c
		left = c
	}
}
