package align

import (
	"sort"
	"unsafe"
)

// pinPair is a segment of A and one of B pinned to each other.
type pinPair struct{ i, j int }

// pins returns the skeleton of the alignment, as patience diff and the
// standard library's internal/diff find it: the pairs of segments whose
// words and numbers (their token ids, whose kinds are kinds, punctuation
// left out) are equal
// and occur once in A and once in B, cut down to the longest chain that
// is in order on both sides. Everything between two pins is aligned on
// its own.
//
// A pin is a 1-1 bead. Segments without words or numbers are never
// pinned, nor are moved sentences (see [dropMoved]).
func pins(ta, tb [][]int32, kinds []tokenKind) []pinPair {
	type seen struct{ na, nb, i, j int }
	var words []int32
	key := func(ids []int32) string {
		words = words[:0]
		for _, id := range ids {
			if kinds[id] != kindPunct {
				words = append(words, id)
			}
		}
		if len(words) == 0 {
			return ""
		}
		return string(unsafe.Slice((*byte)(unsafe.Pointer(&words[0])), 4*len(words)))
	}
	keys := make(map[string]*seen, len(ta))
	for i, ids := range ta {
		k := key(ids)
		if k == "" {
			continue
		}
		e := keys[k]
		if e == nil {
			e = &seen{}
			keys[k] = e
		}
		e.na++
		e.i = i
	}
	var cand []pinPair
	for j, ids := range tb {
		e := keys[key(ids)]
		if e == nil || e.na != 1 {
			continue
		}
		e.nb++
		e.j = j
	}
	for _, e := range keys {
		if e.na == 1 && e.nb == 1 {
			cand = append(cand, pinPair{e.i, e.j})
		}
	}
	sort.Slice(cand, func(x, y int) bool { return cand[x].i < cand[y].i })
	return dropMoved(increasing(cand), len(ta), len(tb))
}

// dropMoved removes the pins that look like a moved sentence: B has more
// segments than A between the pin and the one before, and fewer between it
// and the one after, or the other way round. Pinning such a sentence
// would leave unmatched the sentences it moved over, which may be long
// and have counterparts; without the pin, the dynamic program weighs that
// against leaving the moved sentence alone (it is then reported as a
// move). Dropping a pin only makes a run longer: it costs time, never
// accuracy.
func dropMoved(p []pinPair, na, nb int) []pinPair {
	const passes = 8 // each pass can expose new pins to drop; bound the work
	for range passes {
		kept := p[:0]
		for k, pn := range p {
			prev, next := pinPair{-1, -1}, pinPair{na, nb}
			if len(kept) > 0 {
				prev = kept[len(kept)-1]
			}
			if k+1 < len(p) {
				next = p[k+1]
			}
			before := (pn.j - prev.j) - (pn.i - prev.i)
			after := (next.j - pn.j) - (next.i - pn.i)
			if before > 0 && after < 0 || before < 0 && after > 0 {
				continue
			}
			kept = append(kept, pn)
		}
		if len(kept) == len(p) {
			break
		}
		p = kept
	}
	return p
}

// increasing returns the longest subsequence of pairs (sorted by i) whose
// j also increase, by patience sorting; of several, the one that ends
// earliest in B at each length.
func increasing(pairs []pinPair) []pinPair {
	if len(pairs) == 0 {
		return nil
	}
	tails := []int{}                // tails[k]: index of the pair ending the best chain of length k+1
	prev := make([]int, len(pairs)) // the pair before each in its chain
	for p, pr := range pairs {
		k := sort.Search(len(tails), func(k int) bool { return pairs[tails[k]].j >= pr.j })
		if k > 0 {
			prev[p] = tails[k-1]
		} else {
			prev[p] = -1
		}
		if k == len(tails) {
			tails = append(tails, p)
		} else {
			tails[k] = p
		}
	}
	out := make([]pinPair, len(tails))
	for k, p := len(tails)-1, tails[len(tails)-1]; k >= 0; k, p = k-1, prev[p] {
		out[k] = pairs[p]
	}
	return out
}
