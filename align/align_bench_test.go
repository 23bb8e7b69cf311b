package align

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkAlign aligns synthetic pairs of 1,000, 10,000 and 100,000
// sentences a side, built from Genesis when ../shared/data is present
// (the verses repeated, then perturbed as the evaluation does: dropped,
// inserted and merged sentences on both sides) and from generated text
// otherwise. Three kinds of pair:
//
//   - paraphrase: two English translations (KJV, BBE): no sentence is
//     equal on both sides, so nothing is pinned;
//   - revision: one text and an edited copy, a tenth of its sentences
//     paraphrased (BBE for KJV), the rest unchanged, each numbered so
//     that it is unique, as the sentences of a long text mostly are;
//   - cross-language: Chinese (CUV) against English (KJV);
//   - lopsided: the same, but with runs of sentences left out of the
//     English instead (a quarter of them, as the evaluation's "lacks"
//     sets), so that Align aligns again until the ratio of lengths
//     settles (see ratioRounds): its worst case.
//
// Besides time and allocation per alignment, it reports both per
// segment (ns/seg, B/seg): constant per-segment figures across sizes mean
// linear growth. Peak memory: see the README or run the 100,000 case
// under /usr/bin/time -v.
func BenchmarkAlign(b *testing.B) {
	for _, kind := range []string{"paraphrase", "revision", "cross-language", "lopsided"} {
		for _, n := range []int{1_000, 10_000, 100_000} {
			b.Run(fmt.Sprintf("%s/%dk", kind, n/1000), func(b *testing.B) {
				x, y := benchPair(b, kind, n)
				b.ReportAllocs()
				var before, after runtime.MemStats
				runtime.ReadMemStats(&before)
				for b.Loop() {
					Align(x, y)
				}
				runtime.ReadMemStats(&after)
				per := float64(b.N) * float64(len(x)+len(y))
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/seg")
				b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/per, "B/seg")
			})
		}
	}
}

// benchPair returns a pair of about n segments a side.
func benchPair(b *testing.B, kind string, n int) (x, y []Segment) {
	pa, pb := benchSource(b, kind)
	var xa, xb []string
	for k := 0; k < n; k++ {
		sa, sb := pa[k%len(pa)], pb[k%len(pb)]
		if kind == "revision" {
			// Unique sentences, nine in ten unchanged.
			sa = fmt.Sprintf("%d. %s", k+1, sa)
			if k%10 == 0 {
				sb = fmt.Sprintf("%d. %s", k+1, sb)
			} else {
				sb = sa
			}
		}
		xa, xb = append(xa, sa), append(xb, sb)
	}
	if kind == "lopsided" {
		d := lopsided([][2][]string{{xa, xb}}, 0.3, false)[0]
		return segmentsOf(d.a), segmentsOf(d.b)
	}
	rng := rand.New(rand.NewPCG(uint64(n), 7))
	a, bb, _ := perturb(rng, xa, xb, pb)
	return segmentsOf(a), segmentsOf(bb)
}

// benchSource returns parallel sentences for kind: Genesis from the
// shared data, or generated text when it is absent.
func benchSource(b *testing.B, kind string) (pa, pb []string) {
	x, y := kjv, bbe
	if kind == "cross-language" || kind == "lopsided" {
		x, y = cuv, kjv
	}
	if _, err := os.Stat(sharedData); err == nil {
		for _, d := range bibleDocs(b, x, y) {
			pa, pb = append(pa, d[0]...), append(pb, d[1]...)
		}
		return pa, pb
	}
	return generated(kind)
}

// generated returns 2,000 parallel sentences of made-up words: for the
// same-language kinds, B changes a few words of A; across languages, B
// spells every word of A differently and a little longer.
func generated(kind string) (pa, pb []string) {
	rng := rand.New(rand.NewPCG(1, 1))
	const letters = "abcdefghijklmnopqrstuvwxyz"
	word := func(r *rand.Rand, n int) string {
		var w strings.Builder
		for range n {
			w.WriteByte(letters[r.IntN(len(letters))])
		}
		return w.String()
	}
	vocab := make([]string, 5000)
	other := make([]string, len(vocab))
	for k := range vocab {
		vocab[k] = word(rng, 2+rng.IntN(9))
		other[k] = word(rng, 3+rng.IntN(10))
	}
	for range 2000 {
		var sa, sb []string
		for range 5 + rng.IntN(30) {
			k := int(rng.ExpFloat64()*500) % len(vocab) // Zipf-like: a few words are common
			sa = append(sa, vocab[k])
			switch {
			case kind == "cross-language" || kind == "lopsided":
				sb = append(sb, other[k])
			case rng.IntN(5) == 0:
				sb = append(sb, vocab[rng.IntN(len(vocab))])
			default:
				sb = append(sb, vocab[k])
			}
		}
		pa = append(pa, strings.Join(sa, " ")+".")
		pb = append(pb, strings.Join(sb, " ")+".")
	}
	return pa, pb
}
