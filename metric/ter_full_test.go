package metric

// The TER edit distance as it was before its rows were banded: every row
// as long as the reference, as sacreBLEU keeps them. It is the reference
// the banded implementation must agree with, bit for bit.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// fullEditRate returns the number of edits that turn hyp into ref, shifts
// included, following sacreBLEU's translation_edit_rate: greedily apply the
// shift that most reduces the edit distance until none does, then add the
// edit distance of the result.
func fullEditRate(hyp, ref []int32) int {
	if len(ref) == 0 {
		return len(hyp)
	}
	ed := newFullBeamEditDistance(ref)
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

// bestShift returns the shift of words that most reduces the edit distance
// (ties going to the longer sequence, then the earlier source, then the
// earlier target), as the reduction, the shifted words and the updated
// count of evaluated candidates. A reduction of 0 means no shift helps.
func (ed *fullBeamEditDistance) bestShift(words []int32, checked int) (int, []int32, int) {
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
		for sr := range ref {
			if sr-sh > maxShiftDist || sh-sr > maxShiftDist {
				continue
			}
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

// fullBeamEditDistance is sacreBLEU's BeamEditDistance: a word-level
// Levenshtein distance to a fixed reference, computed only in a band
// around the (length-scaled) diagonal. A row depends only on the prefix
// of the hypothesis before it and on the hypothesis's length, which
// shifts do not change, so the rows of the longest prefix a hypothesis
// shares with the one before stay as they are. (sacreBLEU keeps rows in a
// trie of prefixes instead; here allocating and filling the trie cost
// more than the rows it saved.)
type fullBeamEditDistance struct {
	ref   []int32
	rows  [][]cell // rows[i] for the hypothesis prefix last[:i]
	last  []int32  // the hypothesis of the last call
	blank []cell   // a row of {infinity, opUndef}
	trace []byte
}

func newFullBeamEditDistance(ref []int32) *fullBeamEditDistance {
	first := make([]cell, len(ref)+1)
	blank := make([]cell, len(ref)+1)
	for j := range first {
		first[j] = cell{int32(j), opIns}
		blank[j] = cell{infinity, opUndef}
	}
	return &fullBeamEditDistance{ref: ref, rows: [][]cell{first}, blank: blank}
}

// distance returns the edit distance from hyp to the reference and the
// trace of operations from the start, in which opDel consumes a
// hypothesis word and opIns a reference word. The trace is valid until the
// next call.
func (ed *fullBeamEditDistance) distance(hyp []int32) (int, []byte) {
	nr := len(ed.ref)
	start := 0 // rows[0..start] hold for hyp
	if len(hyp) == len(ed.last) {
		for start < len(hyp) && hyp[start] == ed.last[start] {
			start++
		}
	}
	ed.last = append(ed.last[:0], hyp...)
	for len(ed.rows) <= len(hyp) {
		ed.rows = append(ed.rows, make([]cell, nr+1))
	}

	ratio := 1.0
	if len(hyp) > 0 {
		ratio = float64(nr) / float64(len(hyp))
	}
	beam := beamWidth
	if float64(beamWidth) < ratio/2 {
		beam = int(math.Ceil(ratio/2 + beamWidth))
	}
	for i := start + 1; i <= len(hyp); i++ {
		row := ed.rows[i]
		copy(row, ed.blank)
		prev := ed.rows[i-1]
		diag := int(math.Floor(float64(i) * ratio))
		lo := max(0, diag-beam)
		hi := min(nr+1, diag+beam)
		if i == len(hyp) {
			hi = nr + 1
		}
		w := hyp[i-1]
		for j := lo; j < hi; j++ {
			if j == 0 {
				row[0] = cell{prev[0].cost + 1, opDel}
				continue
			}
			// Tercom prefers a match or substitution, then an insertion,
			// then a deletion; sacreBLEU swaps the last two because it
			// reads the trace flipped.
			subCost, subOp := int32(1), byte(opSub)
			if w == ed.ref[j-1] {
				subCost, subOp = 0, opNop
			}
			c := &row[j]
			if x := prev[j-1].cost + subCost; c.cost > x {
				*c = cell{x, subOp}
			}
			if x := prev[j].cost + 1; c.cost > x {
				*c = cell{x, opDel}
			}
			if x := row[j-1].cost + 1; c.cost > x {
				*c = cell{x, opIns}
			}
		}
	}

	// Trace back from the last cell.
	ed.trace = ed.trace[:0]
	i, j := len(hyp), nr
	for i > 0 || j > 0 {
		op := ed.rows[i][j].op
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
	return int(ed.rows[len(hyp)][nr].cost), ed.trace
}

// TestBandedEditRate checks the banded edit rate against the full one on
// random segments: short and long, of equal and very unequal lengths,
// from small vocabularies so that shifts are found.
func TestBandedEditRate(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 3))
	n := 100
	if testing.Short() {
		n = 60
	}
	for k := range n {
		vocab := 2 + rng.IntN(30)
		nr := rng.IntN(200)
		nh := rng.IntN(200)
		if k%4 == 0 {
			nh = rng.IntN(8) // very unequal lengths widen the beam
		}
		ref := make([]int32, nr)
		for i := range ref {
			ref[i] = int32(rng.IntN(vocab))
		}
		hyp := make([]int32, nh)
		for i := range hyp {
			if i < nr && rng.IntN(4) > 0 {
				hyp[i] = ref[i]
			} else {
				hyp[i] = int32(rng.IntN(vocab))
			}
		}
		if got, want := editRate(hyp, ref), fullEditRate(hyp, ref); got != want {
			t.Fatalf("case %d (%d hyp words, %d ref words): %d edits, the full matrix gives %d", k, nh, nr, got, want)
		}
	}
}

// TestUnshiftedEditRate checks the two-row edit distance against the
// banded one's.
func TestUnshiftedEditRate(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 4))
	for k := range 200 {
		ref := make([]int32, rng.IntN(300))
		for i := range ref {
			ref[i] = int32(rng.IntN(5))
		}
		hyp := make([]int32, rng.IntN(300))
		for i := range hyp {
			hyp[i] = int32(rng.IntN(5))
		}
		want := len(hyp)
		if len(ref) > 0 {
			want, _ = newBeamEditDistance(ref).distance(hyp)
		}
		if got := unshiftedEditRate(hyp, ref); got != want {
			t.Fatalf("case %d: %d edits, want %d", k, got, want)
		}
	}
}

// TestTERLongSegment scores segments of 8,000 and 30,000 words: the first
// with shifts, in memory linear in its length (sacreBLEU's full rows
// would take half a gigabyte), the second, above MaxShiftWords, without
// them and saying so.
func TestTERLongSegment(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 5))
	text := func(n int) (string, string) {
		ref, hyp := make([]string, n), make([]string, n)
		for i := range ref {
			ref[i] = fmt.Sprint("w", rng.IntN(500))
			hyp[i] = ref[i]
			if rng.IntN(200) == 0 {
				hyp[i] = "x"
			}
		}
		hyp[10], hyp[11], hyp[12], hyp[13] = hyp[12], hyp[13], hyp[10], hyp[11] // a shift
		return strings.Join(hyp, " "), strings.Join(ref, " ")
	}
	hyp, ref := text(8000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s, err := TER{}.SentenceScore(hyp, []string{ref})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if s.Unshifted != 0 {
		t.Errorf("8,000 words: Unshifted = %d, want 0", s.Unshifted)
	}
	if a := after.TotalAlloc - before.TotalAlloc; a > 64<<20 {
		t.Errorf("8,000 words: allocated %d MB, want under 64", a>>20)
	}
	hyp, ref = text(MaxShiftWords + 1)
	s, err = TER{}.CorpusScore([]string{"a b", hyp}, [][]string{{"a b", ref}})
	if err != nil {
		t.Fatal(err)
	}
	if s.Unshifted != 1 {
		t.Errorf("%d words: Unshifted = %d, want 1", MaxShiftWords+1, s.Unshifted)
	}
	// Without shifts the swapped pair costs 4 substitutions, not 1 shift.
	if s.NumEdits < 4 {
		t.Errorf("%d words: %d edits, want the substitutions of the swapped pair at least", MaxShiftWords+1, s.NumEdits)
	}
}
