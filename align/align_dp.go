package align

import (
	"math"
	"slices"

	"github.com/paradiff/paradiff/internal/par"
)

// This file finds the cheapest sequence of beads through the grid of
// (i, j), the number of segments of A and B used so far, in memory that
// grows linearly with the length of the texts.
//
// A small grid, at most denseCells cells, is searched whole. A larger one
// is searched coarse to fine, as vecalign does (Thompson and Koehn 2019):
// pairs of neighbouring segments are merged into blocks on each side, the
// half-size problem is solved the same way, and the full-size search is
// then confined to a band around the coarse path: the cells it passes
// through, widened by bandMargin segments on every side. When the best
// path found runs along the edge of the band, the band may have been too
// narrow there: the search is redone with the band widened around those
// places only, by twice as much each time, up to maxBandMargin. The work
// is linear in the length of the texts times the width of the band, and
// the coarse levels keep their blocks small (see [scorer.coarser]).

const (
	// denseCells is the largest grid searched whole: 2¹⁶ cells, about
	// 250 segments a side. Beyond it, the coarse-to-fine search finds
	// paths as cheap (TestBandedPath, and the same scores on Text+Berg's
	// 468 by 554 sentences with 2²⁰) at a fraction of the work.
	denseCells = 1 << 16

	// bandMargin is how far the fine search may stray from the coarse
	// path, in segments: two blocks of the level above. Where that is not
	// enough, the path meets the edge of the band and the band is widened
	// there.
	bandMargin = 4

	// maxBandMargin bounds the widening of the band around a place where
	// the path met its edge.
	maxBandMargin = 256
)

// coarseShapes are the beads of the coarse searches: a block is two
// segments, so these cover every fine bead up to 3-3 within a block or
// two of slack.
var coarseShapes = []Shape{{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}}

// step is one bead of a path: its shape and the cell where it starts.
type step struct {
	i, j int
	s    Shape
}

// band allows, in each row i = 0..na of the grid, the columns lo[i]..hi[i].
type band struct{ lo, hi []int32 }

// sub returns the part of bd in rows i0..i1 and columns j0..j1, as a
// band of its own.
func (bd band) sub(i0, i1, j0, j1 int) band {
	out := band{make([]int32, i1-i0+1), make([]int32, i1-i0+1)}
	w := int32(j1 - j0)
	for r := range out.lo {
		out.lo[r] = min(max(bd.lo[i0+r]-int32(j0), 0), w)
		out.hi[r] = min(max(bd.hi[i0+r]-int32(j0), 0), w)
	}
	out.lo[0], out.hi[len(out.hi)-1] = 0, w
	return out
}

func fullBand(na, nb int) band {
	lo, hi := make([]int32, na+1), make([]int32, na+1)
	for i := range hi {
		hi[i] = int32(nb)
	}
	return band{lo, hi}
}

// path returns the cheapest path for the scorer's a and b, coarse to fine
// when the grid is large.
func path(s *scorer, shapes []Shape) []step {
	na, nb := len(s.a), len(s.b)
	if na == 0 || nb == 0 || (na+1)*(nb+1) <= denseCells {
		return solve(na, nb, fullBand(na, nb), shapes, s.cost)
	}
	cs := s.coarser()
	coarse := path(cs, coarseShapes)
	cs.releaseRuns()
	bd := projectBand(coarse, 2, na, nb, bandMargin)
	cuts := cutPoints(coarse, na, nb)
	if len(cuts) == 0 {
		return pathNear(s, shapes, bd)
	}
	// The pieces between cuts are independent: search them on all cores,
	// each with caches of its own.
	ends := append(append([]step{{0, 0, Shape{}}}, cuts...), step{na, nb, Shape{}})
	pieces := make([][]step, len(ends)-1)
	par.Chunks(len(pieces), 1, func(_, k, _ int) {
		pieces[k] = pathBetween(s, shapes, bd, ends[k], ends[k+1])
	})
	p := slices.Concat(pieces...)
	// A cut may be a cell the best path would not go through: search
	// again around each, between cells of the pieces' paths further off.
	// (They agree with the best path there: a cut only bends the path
	// near it.)
	for _, c := range cuts {
		first := slices.IndexFunc(p, func(st step) bool { return st.i >= c.i-cutMargin })
		last := slices.IndexFunc(p, func(st step) bool { return st.i >= c.i+cutMargin })
		if first <= 0 || last < 0 {
			continue
		}
		from, to := p[first], p[last]
		p = slices.Concat(p[:first], pathBetween(s, shapes, bd, from, to), p[last:])
	}
	return p
}

// cutMargin is how many rows on each side of a cut are searched again
// without it.
const cutMargin = 32

// pathBetween returns the cheapest path from cell from to cell to
// through bd, in the scorer's coordinates.
func pathBetween(s *scorer, shapes []Shape, bd band, from, to step) []step {
	p := searchRun(s, from.i, to.i, from.j, to.j, func(sub *scorer) []step {
		return pathNear(sub, shapes, bd.sub(from.i, to.i, from.j, to.j))
	})
	for n := range p {
		p[n].i, p[n].j = p[n].i+from.i, p[n].j+from.j
	}
	return p
}

// searchRun returns search's path for s.a[i0:i1] and s.b[j0:j1], run with
// caches of its own, which it then hands on (see align_cache.go), in the
// run's coordinates.
func searchRun(s *scorer, i0, i1, j0, j1 int, search func(*scorer) []step) []step {
	sub := s.sub(i0, i1, j0, j1)
	sub.loaded = loadedPool.Get().(*loadedRuns)
	defer loadedPool.Put(sub.loaded)
	defer sub.releaseRuns()
	return search(sub)
}

// cutSpacing is how many rows apart cutPoints cuts a grid, at least.
const cutSpacing = 512

// cutPoints returns the cells, every cutSpacing rows or so, where the
// full-size path may be cut in pieces to be searched apart: corners of
// the coarse path in the middle of a run of three 1-1 block beads, two
// segments of A matching two of B three times over, which the full-size
// path nearly always goes through too (path searches again around each
// cut for where it does not). The cuts depend on the texts alone, never
// on the number of cores, so neither does the alignment.
func cutPoints(coarse []step, na, nb int) []step {
	var cuts []step
	last := 0
	one := Shape{1, 1}
	for k := 1; k+1 < len(coarse); k++ {
		st := coarse[k]
		i, j := 2*(st.i+1), 2*(st.j+1)
		if i-last < cutSpacing || i+cutSpacing > na || j >= nb {
			continue
		}
		if coarse[k-1].s == one && st.s == one && coarse[k+1].s == one {
			cuts = append(cuts, step{i, j, Shape{}})
			last = i
		}
	}
	return cuts
}

// pathNear returns the cheapest path for the scorer's a and b through bd,
// widening bd where the path meets its edge.
func pathNear(s *scorer, shapes []Shape, bd band) []step {
	na, nb := len(s.a), len(s.b)
	for m := 2 * bandMargin; ; m *= 2 {
		p := solve(na, nb, bd, shapes, s.cost)
		at := touches(p, bd, nb)
		if len(at) == 0 || m > maxBandMargin {
			return p
		}
		widen(bd, at, nb, m)
	}
}

// projectBand returns the band of the full-size grid around a path over
// blocks of scale segments: the cells of every block bead, widened by m
// rows and columns on each side.
func projectBand(coarse []step, scale, na, nb, m int) band {
	lo, hi := make([]int32, na+1), make([]int32, na+1)
	for i := range lo {
		lo[i], hi[i] = math.MaxInt32, -1
	}
	for _, st := range coarse {
		i0, i1 := min(scale*st.i, na), min(scale*(st.i+st.s.A), na)
		j0, j1 := int32(min(scale*st.j, nb)), int32(min(scale*(st.j+st.s.B), nb))
		for i := i0; i <= i1; i++ {
			lo[i], hi[i] = min(lo[i], j0), max(hi[i], j1)
		}
	}
	// Make lo and hi non-decreasing by widening, so that the band's rows
	// follow each other; then the widened row i spans what rows i-m..i+m
	// did, plus m columns.
	for i := na - 1; i >= 0; i-- {
		lo[i] = min(lo[i], lo[i+1])
	}
	for i := 1; i <= na; i++ {
		hi[i] = max(hi[i], hi[i-1])
	}
	out := band{make([]int32, na+1), make([]int32, na+1)}
	for i := range out.lo {
		out.lo[i] = max(lo[max(i-m, 0)]-int32(m), 0)
		out.hi[i] = min(hi[min(i+m, na)]+int32(m), int32(nb))
	}
	return out
}

// touches returns the rows where p meets an edge of bd that is not an
// edge of the grid: a sign that a wider band could give a cheaper path.
func touches(p []step, bd band, nb int) []int {
	var rows []int
	for _, st := range p {
		i, j := st.i+st.s.A, int32(st.j+st.s.B)
		if bd.lo[i] > 0 && j <= bd.lo[i] || bd.hi[i] < int32(nb) && j >= bd.hi[i] {
			rows = append(rows, i)
		}
	}
	return rows
}

// widen widens bd by m columns on each side in the m rows around each of
// rows, keeping lo and hi non-decreasing.
func widen(bd band, rows []int, nb, m int) {
	na := len(bd.lo) - 1
	for _, r := range rows {
		for i := max(r-m, 0); i <= min(r+m, na); i++ {
			bd.lo[i] = max(bd.lo[i]-int32(m), 0)
			bd.hi[i] = min(bd.hi[i]+int32(m), int32(nb))
		}
	}
	for i := na - 1; i >= 0; i-- {
		bd.lo[i] = min(bd.lo[i], bd.lo[i+1])
	}
	for i := 1; i <= na; i++ {
		bd.hi[i] = max(bd.hi[i], bd.hi[i-1])
	}
}

// costFunc returns the cost of a bead of shape s that starts at a[i],
// b[j]. When that is limit or more, it may return any value of at least
// limit.
type costFunc func(i, j int, s Shape, limit float64) float64

// solve finds the sequence of beads with the least total cost from (0, 0)
// to (na, nb) through the cells of bd, by dynamic programming. Where
// several beads reach a cell at the same cost the first of shapes wins.
//
// It keeps the costs of the last rows only, and one byte per cell of the
// band for the way back.
func solve(na, nb int, bd band, shapes []Shape, cost costFunc) []step {
	if na == 0 && nb == 0 {
		return nil
	}
	if len(shapes) > maxShapes {
		panic("align: more than maxShapes bead shapes")
	}
	rows := 1
	for _, s := range shapes {
		rows = max(rows, s.A+1)
	}
	// start[i] is where row i's cells begin in from.
	start := make([]int, na+2)
	for i := 0; i <= na; i++ {
		start[i+1] = start[i] + max(int(bd.hi[i]-bd.lo[i])+1, 0)
	}
	from := make([]int8, start[na+1]) // index into shapes of the last bead
	best := make([][]float64, rows)   // best[i%rows][j-lo[i]]: least cost to reach (i, j)
	for i := 0; i <= na; i++ {
		lo, hi := int(bd.lo[i]), int(bd.hi[i])
		row := best[i%rows][:0]
		for j := lo; j <= hi; j++ {
			c, f := math.Inf(1), int8(-1)
			if i == 0 && j == 0 {
				c = 0
			}
			for si, s := range shapes {
				pi, pj := i-s.A, j-s.B
				if pi < 0 || pj < int(bd.lo[max(pi, 0)]) || pj > int(bd.hi[max(pi, 0)]) {
					continue
				}
				var prev float64
				if pi == i {
					if pj < lo {
						continue
					}
					prev = row[pj-lo]
				} else {
					prev = best[pi%rows][pj-int(bd.lo[pi])]
				}
				if math.IsInf(prev, 1) {
					continue
				}
				if x := prev + cost(pi, pj, s, c-prev); x < c {
					c, f = x, int8(si)
				}
			}
			row = append(row, c)
			from[start[i]+j-lo] = f
		}
		best[i%rows] = row
	}
	if bd.hi[na] != int32(nb) || math.IsInf(best[na%rows][nb-int(bd.lo[na])], 1) {
		panic("align: no path through the band")
	}
	var out []step
	for i, j := na, nb; i > 0 || j > 0; {
		s := shapes[from[start[i]+j-int(bd.lo[i])]]
		i, j = i-s.A, j-s.B
		out = append(out, step{i, j, s})
	}
	slices.Reverse(out)
	return out
}
