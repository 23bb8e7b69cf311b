package align

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestSettleRatio checks the ratio of lengths settle finds across
// languages where B lacks most of A's sentences (58%, in runs): near the
// ratio the pairs themselves show, where the texts' totals are half of it,
// and an alignment that finds most pairs.
func TestSettleRatio(t *testing.T) {
	// Made-up words, spelt differently on each side; every third
	// sentence ends with a number both sides have, an anchor.
	pa, pb := generated("cross-language")
	pa, pb = slices.Clone(pa[:400]), slices.Clone(pb[:400])
	for k := 0; k < len(pa); k += 3 {
		n := fmt.Sprintf(" %d.", 1000+k)
		pa[k] = strings.TrimSuffix(pa[k], ".") + n
		pb[k] = strings.TrimSuffix(pb[k], ".") + n
	}
	var ta, tb int
	for k := range pa {
		ta += totalText(segmentLengths(segs(pa[k]), true))
		tb += totalText(segmentLengths(segs(pb[k]), true))
	}
	pairs := float64(tb) / float64(ta)

	d := lopsided([][2][]string{{pa, pb}}, 0.6, false)[0]
	a, b := segmentsOf(d.a), segmentsOf(d.b)
	toks := tokenize(a, b, nil, nil)
	f := newFeatures(a, b, scoredTokens(a, b, toks, true), true)
	totals := f.ratio
	f, out := settle(f, crossLanguage, nil, DefaultShapes)
	t.Logf("pairs %.3f, totals %.3f, settled %.3f", pairs, totals, f.ratio)
	if math.Abs(math.Log(totals/pairs)) < 0.3 {
		t.Fatalf("the totals' ratio %.3f is near the pairs' %.3f: the test needs it far", totals, pairs)
	}
	if math.Abs(math.Log(f.ratio/pairs)) > 0.05 {
		t.Errorf("settled on %.3f, want the pairs' %.3f within 5%%", f.ratio, pairs)
	}
	var c counts
	var pred []link
	for _, bd := range out {
		pred = append(pred, link{bd.A, bd.B})
	}
	c.add(pred, d.gold)
	// 0.076 with the totals' ratio, which leaves most pairs apart.
	if got := c.strict(); got.f < 0.8 {
		t.Errorf("strict %v, want F1 0.8 or more", got)
	}
}
