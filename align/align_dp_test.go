package align

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// generatedPair returns a perturbed pair of about n generated sentences a
// side, in one language or, with cross set, in two.
func generatedPair(n int, cross bool) (a, b []Segment) {
	kind := "paraphrase"
	if cross {
		kind = "cross-language"
	}
	pa, pb := generated(kind)
	rng := rand.New(rand.NewPCG(uint64(n), 3))
	x, y, _ := perturb(rng, pa[:n], pb[:n], pb[n:])
	return segmentsOf(x), segmentsOf(y)
}

func newTestScorer(a, b []Segment, cross bool) *scorer {
	p := sameLanguage
	if cross {
		p = crossLanguage
	}
	return newScorer(newFeatures(a, b, scoredTokens(a, b, tokenize(a, b, nil, nil), cross), cross), p)
}

// shared is the weighted size of the multiset intersection of x and y: the
// plain version of sharedLoaded.
func (s *scorer) shared(x, y *bag) float64 {
	m := 0.0
	for i, j := 0, 0; i < len(x.ids) && j < len(y.ids); {
		switch {
		case x.ids[i] < y.ids[j]:
			i++
		case x.ids[i] > y.ids[j]:
			j++
		default:
			m += float64(min(x.counts[i], y.counts[j])) * s.weight[x.ids[i]]
			i, j = i+1, j+1
		}
	}
	return m
}

// TestCaches checks the cached merged runs and the loaded runs against
// merging and intersecting from scratch, in an order that reuses and
// evicts cache slots.
func TestCaches(t *testing.T) {
	// Scorers of three pairs in turn, each taking the caches the one
	// before gave back: smaller, larger, then smaller again.
	for _, size := range []int{300, 1200, 100} {
		a, b := generatedPair(size, false)
		s := newTestScorer(a, b, false)
		checkCaches(t, s)
		s.releaseRuns()
	}
}

func checkCaches(t *testing.T, s *scorer) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		n, m := 1+rng.IntN(3), 1+rng.IntN(3)
		i, j := rng.IntN(len(s.a)-n+1), rng.IntN(len(s.b)-m+1)
		x, y := run(&s.runsA, s.a, i, n), run(&s.runsB, s.b, j, m)
		var wx, wy bag
		mergeInto(&wx, s.a[i:i+n])
		mergeInto(&wy, s.b[j:j+m])
		if !slices.Equal(x.ids, wx.ids) || !slices.Equal(x.counts, wx.counts) || x.mass != wx.mass || x.length != wx.length {
			t.Fatalf("run(a, %d, %d) = %v %v, want %v %v", i, n, x.ids, x.counts, wx.ids, wx.counts)
		}
		if !slices.Equal(y.ids, wy.ids) || !slices.Equal(y.counts, wy.counts) {
			t.Fatalf("run(b, %d, %d) = %v %v, want %v %v", j, m, y.ids, y.counts, wy.ids, wy.counts)
		}
		got, _ := s.sharedLoaded(s.load(x, i, n), y)
		want := s.shared(&wx, &wy)
		if math.Abs(got-want) > 1e-9 {
			t.Fatalf("sharedLoaded(a[%d:+%d], b[%d:+%d]) = %v, want %v", i, n, j, m, got, want)
		}
	}
}

// pathCost is the total cost of the beads of p.
func (s *scorer) pathCost(p []step) float64 {
	c := 0.0
	for _, st := range p {
		c += s.cost(st.i, st.j, st.s, math.Inf(1))
	}
	return c
}

// TestBandedPath checks that the coarse-to-fine search finds paths as
// cheap as the search of the whole grid, on texts too long to be searched
// whole.
func TestBandedPath(t *testing.T) {
	for _, cross := range []bool{false, true} {
		a, b := generatedPair(600, cross)
		if (len(a)+1)*(len(b)+1) <= denseCells {
			t.Fatalf("%d×%d segments fit in denseCells: the test needs a longer text", len(a), len(b))
		}
		s := newTestScorer(a, b, cross)
		banded := path(s, DefaultShapes)
		dense := solve(len(a), len(b), fullBand(len(a), len(b)), DefaultShapes, s.cost)
		if cb, cd := s.pathCost(banded), s.pathCost(dense); cb > cd+1e-9 {
			t.Errorf("cross %v: banded path costs %.3f, the whole grid's %.3f", cross, cb, cd)
		}
	}
}

func TestPins(t *testing.T) {
	for _, tt := range []struct {
		name string
		a, b []string
		want []pinPair
	}{
		{"equal", []string{"x", "y", "z"}, []string{"x", "y", "z"}, []pinPair{{0, 0}, {1, 1}, {2, 2}}},
		{"case and quotes are trivial", []string{"He said “yes”.", "Other."}, []string{"he said \"yes\".", "Else."}, []pinPair{{0, 0}}},
		{"repeated in A", []string{"x", "x", "y"}, []string{"x", "y"}, []pinPair{{2, 1}}},
		{"out of order: the longest chain", []string{"p", "q", "r", "s"}, []string{"q", "r", "s", "p"}, []pinPair{{1, 0}, {2, 1}, {3, 2}}},
		// s moved over the long t: pinning it would leave t and its
		// counterpart v unmatched.
		{"a moved sentence", []string{"p", "s", "t", "u"}, []string{"p", "v", "s", "u"}, []pinPair{{0, 0}, {3, 3}}},
		{"punctuation apart", []string{"Yes, it is?", "No"}, []string{"yes it is!", "Maybe"}, []pinPair{{0, 0}}},
		{"only punctuation is never pinned", []string{"***", "x"}, []string{"***", "x"}, []pinPair{{1, 1}}},
	} {
		toks := tokenize(segmentsOf(tt.a), segmentsOf(tt.b), nil, nil)
		if got := pins(toks.a, toks.b, toks.tk.kinds); !slices.Equal(got, tt.want) {
			t.Errorf("%s: pins = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestShapesOption(t *testing.T) {
	a := segs("One sentence here.", "Another one follows.", "A third.")
	b := segs("One sentence here.", "Another one follows, and a third.")
	for _, tt := range []struct {
		shapes []Shape
		want   string
	}{
		{nil, "= 2:1"},
		{[]Shape{{1, 1}}, "= = -"},                  // 1-0 and 0-1 are always there
		{[]Shape{{1, 1}, {0, 0}, {-1, 2}}, "= = -"}, // invalid shapes are dropped
	} {
		got := Aligner{Shapes: tt.shapes}.Align(a, b)
		checkCover(t, len(a), len(b), got)
		if s := shapes(got); s != tt.want {
			t.Errorf("Shapes %v: Align = %q, want %q", tt.shapes, s, tt.want)
		}
	}
}

// TestAlignLong aligns a long generated pair, pinned and not, and checks
// the invariants and that most beads are right.
func TestAlignLong(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	for _, cross := range []bool{false, true} {
		pa, pb := generated(map[bool]string{false: "paraphrase", true: "cross-language"}[cross])
		var xa, xb []string
		for k := range 20000 {
			xa, xb = append(xa, pa[k%len(pa)]), append(xb, pb[k%len(pb)])
		}
		rng := rand.New(rand.NewPCG(9, 9))
		x, y, gold := perturb(rng, xa, xb, pb)
		got := Align(segmentsOf(x), segmentsOf(y))
		checkCover(t, len(x), len(y), got)
		right := 0
		want := map[string]bool{}
		for _, g := range gold {
			want[fmt.Sprint(g.a, g.b)] = true
		}
		for _, bd := range got {
			if want[fmt.Sprint(bd.A, bd.B)] {
				right++
			}
		}
		if share := float64(right) / float64(len(gold)); share < 0.9 {
			t.Errorf("cross %v: %.3f of the gold beads found, want 0.9 or more", cross, share)
		}
	}
}

// TestCutPath checks that searching a long grid in pieces between cuts,
// then again around each cut, finds a path as cheap as searching its band
// in one piece.
func TestCutPath(t *testing.T) {
	for _, cross := range []bool{false, true} {
		a, b := generatedPair(1800, cross)
		s := newTestScorer(a, b, cross)
		coarse := path(s.coarser(), coarseShapes)
		if len(cutPoints(coarse, len(a), len(b))) < 2 {
			t.Fatalf("cross %v: fewer than two cuts: the test needs a longer text", cross)
		}
		cut := path(s, DefaultShapes)
		whole := pathNear(s, DefaultShapes, projectBand(coarse, 2, len(a), len(b), bandMargin))
		if cc, cw := s.pathCost(cut), s.pathCost(whole); cc > cw+1e-9 {
			t.Errorf("cross %v: the path found in pieces costs %.3f, the one found whole %.3f", cross, cc, cw)
		}
	}
}

// TestCoresDoNotMatter checks that the alignment is the same on one core
// as on several: the work is shared out, the cuts are not.
func TestCoresDoNotMatter(t *testing.T) {
	a, b := generatedPair(1800, false)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := Align(a, b)
	runtime.GOMAXPROCS(4)
	if four := Align(a, b); !slices.EqualFunc(one, four, func(x, y Bead) bool {
		return slices.Equal(x.A, y.A) && slices.Equal(x.B, y.B)
	}) {
		t.Error("the alignment on four cores differs from the one on one core")
	}
}

// TestLoadedRunsGrow checks that loaded runs serve a scorer of a larger
// vocabulary after a smaller one, as pooled ones do.
func TestLoadedRunsGrow(t *testing.T) {
	l := &loadedRuns{}
	small := &scorer{weight: make([]float64, 10), class: make([]massClass, 10), loaded: l}
	big := &scorer{weight: slices.Repeat([]float64{1}, 100), class: make([]massClass, 100), loaded: l}
	small.load(&bag{ids: []int32{5}, counts: []int32{2}}, 0, 2)
	x := &bag{ids: []int32{5, 50}, counts: []int32{1, 3}}
	got, _ := big.sharedLoaded(big.load(x, 0, 2), &bag{ids: []int32{5, 50, 70}, counts: []int32{4, 1, 1}})
	if want := 2.0; got != want { // min(1, 4) + min(3, 1)
		t.Errorf("shared %v, want %v", got, want)
	}
}
