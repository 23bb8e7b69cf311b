package align

import (
	"math"
	"slices"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/textkey"
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

// DefaultShapes are the beads [Align] uses unless told otherwise.
var DefaultShapes = []Shape{{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}, {1, 3}, {3, 1}}

// Aligner aligns two lists of segments in the same language. The zero value
// uses [DefaultShapes].
type Aligner struct {
	Shapes []Shape
}

// Align aligns a and b with the zero [Aligner].
func Align(a, b []Segment) []Bead { return Aligner{}.Align(a, b) }

// Align returns beads that cover a and b in order: every segment is in
// exactly one bead, and the beads' A runs (and B runs) follow each other
// without gaps. It returns nil when both are empty.
//
// The alignment minimises the content that stays unmatched, see
// [similarity]: a segment only one version has becomes a 1-0 or 0-1 bead
// instead of being glued to a neighbour, and a sentence that one version
// splits in two becomes one 1-2 or 2-1 bead.
func (al Aligner) Align(a, b []Segment) []Bead {
	shapes := al.Shapes
	if len(shapes) == 0 {
		shapes = DefaultShapes
	}
	if textsAfter(a, b) {
		// Where several alignments cost the same, the dynamic program's
		// choice depends on which side is A; aligning in one canonical
		// order makes Align(b, a) the mirror image of Align(a, b).
		out := al.Align(b, a)
		for i := range out {
			out[i].A, out[i].B = out[i].B, out[i].A
		}
		return out
	}
	sim := newSimilarity(a, b)
	return beads(len(a), len(b), shapes, sim.cost)
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

// beads finds the sequence of beads with the least total cost by dynamic
// programming over (i, j), the number of segments of a and b used so far.
// cost(i, j, s) is the cost of a bead of shape s that starts at a[i], b[j].
func beads(na, nb int, shapes []Shape, cost func(i, j int, s Shape) float64) []Bead {
	if na == 0 && nb == 0 {
		return nil
	}
	w := nb + 1
	best := make([]float64, (na+1)*w)
	from := make([]int8, (na+1)*w) // index into shapes of the last bead, -1 at the origin
	for k := range best {
		best[k] = math.Inf(1)
	}
	best[0], from[0] = 0, -1
	for i := 0; i <= na; i++ {
		for j := 0; j <= nb; j++ {
			if i == 0 && j == 0 {
				continue
			}
			for si, s := range shapes {
				pi, pj := i-s.A, j-s.B
				if pi < 0 || pj < 0 || math.IsInf(best[pi*w+pj], 1) {
					continue
				}
				c := best[pi*w+pj] + cost(pi, pj, s)
				if c < best[i*w+j] {
					best[i*w+j], from[i*w+j] = c, int8(si)
				}
			}
		}
	}
	var out []Bead
	for i, j := na, nb; i > 0 || j > 0; {
		s := shapes[from[i*w+j]]
		i, j = i-s.A, j-s.B
		out = append(out, Bead{A: run(i, s.A), B: run(j, s.B)})
	}
	slices.Reverse(out)
	return out
}

// run returns the indices start, start+1, ..., start+n-1.
func run(start, n int) []int {
	r := make([]int, n)
	for k := range r {
		r[k] = start + k
	}
	return r
}

// similarity scores beads by the content words they share.
//
// Every distinct token key (see [textkey.Key]) gets a weight that falls
// with the number of segments it occurs in, w = ln(1 + N/df), so that
// "the" counts for little and "Fascist" for much. The mass of a segment is
// the sum of its tokens' weights. A bead of shape n-m leaves unmatched the
// mass of both runs minus twice the mass they share (counts clipped, as in
// a multiset intersection); its cost is that unmatched mass plus a fixed
// cost per shape. A 1-0 or 0-1 bead costs skipShare of the segment's mass.
//
// With skipShare = 0.9, two sentences are matched 1-1 rather than both
// left alone when they share more than a tenth of their joint mass
// (weighted Dice > 0.1): two versions of one statement paraphrase far
// more often than they drop a sentence. A second sentence joins a bead
// when (1-skipShare+mergeShare)/2 = 20% of its own mass finds a partner
// not already matched, so an inserted sentence next to a paraphrase is
// not glued onto it. A Gale–Church length cost breaks the ties that word
// overlap leaves. The constants were chosen on the same-language
// evaluation (eval_test.go) and the readout demo; see the README.
type similarity struct {
	a, b   []bag
	weight []float64
	ratio  float64 // characters of B per character of A, over the whole documents
}

const (
	skipShare  = 0.9 // cost of leaving a segment unmatched, per unit of its mass
	mergeShare = 0.3 // extra cost of each segment beyond the first on a side, per unit of its mass
	beadCost   = 0.5 // fixed cost of every bead that matches something
	skipCost   = 0.3 // fixed cost of every 1-0 or 0-1 bead

	// lengthWeight scales the Gale–Church length cost of a matching bead
	// (see [lengthCost]) against the unmatched mass; lengthVariance is
	// Gale and Church's variance of B's length per character of A.
	lengthWeight   = 1.0
	lengthVariance = 6.8
)

// bag is a segment's content tokens as sorted (id, count) pairs.
type bag struct {
	ids    []int32
	counts []float64
	mass   float64
	chars  int // length in characters, for the length cost
}

func newSimilarity(a, b []Segment) *similarity {
	ids := map[string]int32{}
	var df []float64
	tokenize := func(segs []Segment) [][]int32 {
		out := make([][]int32, len(segs))
		for k, s := range segs {
			seen := map[int32]bool{}
			for _, t := range textkey.Tokens(s.Text, 0) {
				if !t.IsContent() {
					continue
				}
				key := textkey.Key(s.Text[t.Start:t.End])
				id, ok := ids[key]
				if !ok {
					id = int32(len(df))
					ids[key] = id
					df = append(df, 0)
				}
				out[k] = append(out[k], id)
				if !seen[id] {
					seen[id] = true
					df[id]++
				}
			}
		}
		return out
	}
	ta, tb := tokenize(a), tokenize(b)
	n := float64(len(a) + len(b))
	weight := make([]float64, len(df))
	for id, d := range df {
		weight[id] = math.Log(1 + n/d)
	}
	sim := &similarity{weight: weight, ratio: 1}
	if la, lb := totalChars(a), totalChars(b); la > 0 && lb > 0 {
		sim.ratio = float64(lb) / float64(la)
	}
	sim.a = sim.bags(ta, a)
	sim.b = sim.bags(tb, b)
	return sim
}

func (s *similarity) bags(toks [][]int32, segs []Segment) []bag {
	out := make([]bag, len(toks))
	for k, ids := range toks {
		slices.Sort(ids)
		g := bag{chars: utf8.RuneCountInString(segs[k].Text)}
		for _, id := range ids {
			if n := len(g.ids); n > 0 && g.ids[n-1] == id {
				g.counts[n-1]++
			} else {
				g.ids = append(g.ids, id)
				g.counts = append(g.counts, 1)
			}
			g.mass += s.weight[id]
		}
		out[k] = g
	}
	return out
}

func totalChars(segs []Segment) int {
	n := 0
	for _, s := range segs {
		n += utf8.RuneCountInString(s.Text)
	}
	return n
}

// cost is the cost of the bead of shape sh starting at a[i], b[j].
func (s *similarity) cost(i, j int, sh Shape) float64 {
	switch {
	case sh.A == 0:
		return skipCost + skipShare*sumMass(s.b[j:j+sh.B])
	case sh.B == 0:
		return skipCost + skipShare*sumMass(s.a[i:i+sh.A])
	}
	x, y := merge(s.a[i:i+sh.A]), merge(s.b[j:j+sh.B])
	unmatched := x.mass + y.mass - 2*s.shared(x, y)
	return beadCost*float64(sh.A+sh.B-1) + unmatched +
		mergeShare*(extraMass(s.a[i:i+sh.A])+extraMass(s.b[j:j+sh.B])) +
		lengthWeight*s.lengthCost(sumChars(s.a[i:i+sh.A]), sumChars(s.b[j:j+sh.B]))
}

// lengthCost is Gale and Church's (1993) cost of matching la characters of
// A with lb of B: -ln P(|δ| or more), δ being how far lb is from the
// expected la·ratio in standard deviations. Equal expected lengths cost 0.
func (s *similarity) lengthCost(la, lb int) float64 {
	if la == 0 && lb == 0 {
		return 0
	}
	// Both lengths in one unit, halfway between A's and B's characters,
	// so that the cost is the same whichever version is A.
	root := math.Sqrt(s.ratio)
	x, y := float64(la)*root, float64(lb)/root
	delta := (y - x) / math.Sqrt(lengthVariance*(x+y)/2)
	p := math.Erfc(math.Abs(delta) / math.Sqrt2) // two-sided tail of the normal
	return -math.Log(max(p, 1e-12))
}

func sumChars(bags []bag) int {
	n := 0
	for _, g := range bags {
		n += g.chars
	}
	return n
}

func sumMass(bags []bag) float64 {
	m := 0.0
	for _, g := range bags {
		m += g.mass
	}
	return m
}

// extraMass is the mass of all but the largest bag: what a merge adds.
func extraMass(bags []bag) float64 {
	if len(bags) < 2 {
		return 0
	}
	m, top := 0.0, 0.0
	for _, g := range bags {
		m += g.mass
		top = max(top, g.mass)
	}
	return m - top
}

// merge returns the union (sum of counts) of bags.
func merge(bags []bag) bag {
	if len(bags) == 1 {
		return bags[0]
	}
	var out bag
	for _, g := range bags {
		out = mergeTwo(out, g)
	}
	return out
}

func mergeTwo(x, y bag) bag {
	out := bag{mass: x.mass + y.mass, chars: x.chars + y.chars}
	out.ids = make([]int32, 0, len(x.ids)+len(y.ids))
	out.counts = make([]float64, 0, len(x.ids)+len(y.ids))
	i, j := 0, 0
	for i < len(x.ids) || j < len(y.ids) {
		switch {
		case j == len(y.ids) || i < len(x.ids) && x.ids[i] < y.ids[j]:
			out.ids, out.counts = append(out.ids, x.ids[i]), append(out.counts, x.counts[i])
			i++
		case i == len(x.ids) || y.ids[j] < x.ids[i]:
			out.ids, out.counts = append(out.ids, y.ids[j]), append(out.counts, y.counts[j])
			j++
		default:
			out.ids, out.counts = append(out.ids, x.ids[i]), append(out.counts, x.counts[i]+y.counts[j])
			i, j = i+1, j+1
		}
	}
	return out
}

// shared is the weighted size of the multiset intersection of x and y.
func (s *similarity) shared(x, y bag) float64 {
	m := 0.0
	for i, j := 0, 0; i < len(x.ids) && j < len(y.ids); {
		switch {
		case x.ids[i] < y.ids[j]:
			i++
		case x.ids[i] > y.ids[j]:
			j++
		default:
			m += min(x.counts[i], y.counts[j]) * s.weight[x.ids[i]]
			i, j = i+1, j+1
		}
	}
	return m
}
