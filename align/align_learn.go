package align

import (
	"math"
	"slices"

	"github.com/paradiff/paradiff/internal/par"
)

// Across languages, few words are anchors. But a first alignment, made
// from lengths and anchors, already pairs most sentences correctly, and
// the words of paired sentences co-occur: 神 with God, Gletscher with
// glacier. Like hunalign when it has no dictionary, Align learns such
// pairs from its first alignment and aligns again with them as anchors.
//
// A pair (x, y), x a token of A and y one of B, is learned when x and y
// occur together in at least minCooccur beads, when of all the tokens
// that occur with x, y has the highest Dice coefficient
// 2·c(x,y) / (c(x) + c(y)), and x the highest of all that occur with y
// (Melamed's competitive linking in its simplest form), and when that
// coefficient is at least minDice. Tokens in more than maxBeadShare of
// the beads (the, 的) are left out: they co-occur with everything.

// learnRounds is how many times Align learns word pairs, each time afresh
// from the alignment the round before made; learnRoundsLexicon, how many
// when the lexicon (lexicon.go) has both languages. Learning once raises
// strict F1 on the evaluation by up to 0.023 with the lexicon (Text+Berg
// de-fr 0.815 to 0.838, Genesis zh-ru 0.939 to 0.959). Without it, a
// second round learns better pairs from the better alignment (Genesis
// zh-en 0.917 to 0.932, zh-ru 0.871 to 0.888, ru-en 0.920 to 0.925); with
// it, the first alignment is good enough that a second round changes one
// figure by 0.001 (zh-en 0.981 to 0.982) and costs a whole alignment, a
// third of the time. A third round changes nothing.
const (
	learnRounds        = 2
	learnRoundsLexicon = 1
)

const (
	minCooccur   = 4
	minDice      = 0.5
	maxBeadShare = 0.5

	// maxLearnBeads bounds the work on long texts: beyond it, learning
	// reads an evenly spread sample of the beads.
	maxLearnBeads = 4000

	// learnedWeight scales a learned pair's weight against an anchor's.
	learnedWeight = 0.75
)

// learn adds the pairs learned from beads to f's bags as anchors, and
// reports whether it found any.
func (f *features) learn(beads []Bead) bool {
	var sample []Bead
	for _, b := range beads {
		if len(b.A) > 0 && len(b.B) > 0 {
			sample = append(sample, b)
		}
	}
	if len(sample) > maxLearnBeads {
		step := float64(len(sample)) / maxLearnBeads
		picked := make([]Bead, 0, maxLearnBeads)
		for k := range maxLearnBeads {
			picked = append(picked, sample[int(float64(k)*step)])
		}
		sample = picked
	}
	if len(sample) < minCooccur {
		return false
	}

	// The distinct tokens of each side of each bead.
	sets := func(toks [][]int32, runs func(Bead) []int) [][]int32 {
		out := make([][]int32, len(sample))
		for k, b := range sample {
			var ids []int32
			for _, s := range runs(b) {
				ids = append(ids, toks[s]...)
			}
			slices.Sort(ids)
			out[k] = slices.Compact(ids)
		}
		return out
	}
	xs := sets(f.toksA, func(b Bead) []int { return b.A })
	ys := sets(f.toksB, func(b Bead) []int { return b.B })
	nid := len(f.weight)
	cx, cy := make([]int32, nid), make([]int32, nid)
	for k := range sample {
		for _, x := range xs[k] {
			cx[x]++
		}
		for _, y := range ys[k] {
			cy[y]++
		}
	}
	limit := int32(maxBeadShare * float64(len(sample)))
	useful := func(c int32) bool { return c >= minCooccur && c <= max(limit, minCooccur) }
	keep := func(sets [][]int32, c []int32) [][]int32 {
		out := make([][]int32, len(sets))
		for k, set := range sets {
			for _, x := range set {
				if useful(c[x]) {
					out[k] = append(out[k], x)
				}
			}
		}
		return out
	}
	fxs, fys := keep(xs, cx), keep(ys, cy)

	// Count the beads each pair shares, x by x: the beads that have x, by
	// an index of them, and for each the tokens of B in a dense array.
	start := make([]int32, nid+1) // the beads with x are beadsOf[start[x]:start[x+1]]
	for _, fx := range fxs {
		for _, x := range fx {
			start[x+1]++
		}
	}
	for x := range nid {
		start[x+1] += start[x]
	}
	beadsOf, fill := make([]int32, start[nid]), slices.Clone(start[:nid])
	for k, fx := range fxs {
		for _, x := range fx {
			beadsOf[fill[x]] = int32(k)
			fill[x]++
		}
	}
	type link struct {
		x, y int32
		c    int32
	}
	found := make([][]link, par.Workers())
	counts, touches := make([][]int32, par.Workers()), make([][]int32, par.Workers())
	par.Chunks(nid, 1024, func(w, from, to int) {
		if counts[w] == nil {
			counts[w] = make([]int32, nid) // left all zero by each x
		}
		cnt, touched := counts[w], touches[w]
		defer func() { touches[w] = touched }()
		for x := from; x < to; x++ {
			touched = touched[:0]
			for _, k := range beadsOf[start[x]:start[x+1]] {
				for _, y := range fys[k] {
					if cnt[y] == 0 {
						touched = append(touched, y)
					}
					cnt[y]++
				}
			}
			for _, y := range touched {
				// Equal tokens are anchors already.
				if c := cnt[y]; c >= minCooccur && y != int32(x) {
					found[w] = append(found[w], link{int32(x), y, c})
				}
				cnt[y] = 0
			}
		}
	})

	// Competitive linking: keep the pairs that are each other's best.
	bestX, bestY := make([]float64, nid), make([]float64, nid)
	dice := func(l link) float64 { return 2 * float64(l.c) / float64(cx[l.x]+cy[l.y]) }
	for _, links := range found {
		for _, l := range links {
			d := dice(l)
			bestX[l.x] = max(bestX[l.x], d)
			bestY[l.y] = max(bestY[l.y], d)
		}
	}
	pairOfX, pairOfY := map[int32]int32{}, map[int32]int32{}
	var pairs []uint64
	for _, links := range found {
		for _, l := range links {
			if d := dice(l); d >= minDice && d == bestX[l.x] && d == bestY[l.y] {
				pairs = append(pairs, uint64(l.x)<<32|uint64(l.y))
			}
		}
	}
	if len(pairs) == 0 {
		return false
	}
	// Number the pairs in key order, so that the result does not depend
	// on the order they were found in. A token tied with two partners
	// keeps the first.
	slices.Sort(pairs)
	for _, key := range pairs {
		x, y := int32(key>>32), int32(key&0xffffffff)
		if _, ok := pairOfX[x]; ok {
			continue
		}
		if _, ok := pairOfY[y]; ok {
			continue
		}
		id := int32(len(f.weight))
		pairOfX[x], pairOfY[y] = id, id
		f.weight = append(f.weight, 0)
		f.class = append(f.class, massPlain)
	}

	// Add the pairs to the bags, weighted like other tokens by the
	// number of segments they occur in.
	df := make([]int32, len(f.weight))
	extra := func(toks [][]int32, pairOf map[int32]int32) [][]int32 {
		out := make([][]int32, len(toks))
		for s, ids := range toks {
			for _, x := range ids {
				if p, ok := pairOf[x]; ok {
					out[s] = append(out[s], p)
				}
			}
			seen := out[s][:0:0]
			for _, p := range out[s] {
				if !slices.Contains(seen, p) {
					seen = append(seen, p)
					df[p]++
				}
			}
		}
		return out
	}
	ea, eb := extra(f.toksA, pairOfX), extra(f.toksB, pairOfY)
	n := float64(len(f.a) + len(f.b))
	for id := nid; id < len(f.weight); id++ {
		f.weight[id] = learnedWeight * math.Log(1+n/float64(max(df[id], 1)))
	}
	addTo := func(bags []bag, extra [][]int32) {
		for s := range bags {
			if len(extra[s]) == 0 {
				continue
			}
			slices.Sort(extra[s])
			g := bag{ids: extra[s], counts: make([]int32, len(extra[s]))}
			for k, id := range extra[s] {
				g.counts[k] = 1
				g.mass += f.weight[id]
			}
			// Repeated ids become counts.
			w := 0
			for k := range g.ids {
				if w > 0 && g.ids[w-1] == g.ids[k] {
					g.counts[w-1]++
					continue
				}
				g.ids[w], g.counts[w] = g.ids[k], g.counts[k]
				w++
			}
			g.ids, g.counts = g.ids[:w], g.counts[:w]
			g.segs, g.length = 0, 0
			brk := bags[s].brk
			mergeInto(&bags[s], []bag{bags[s], g})
			bags[s].brk = brk
		}
	}
	addTo(f.a, ea)
	addTo(f.b, eb)
	return true
}
