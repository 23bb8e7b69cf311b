package metric

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
)

// benchSegments is the number of segments the corpus benchmarks score.
const benchSegments = 10000

var benchData struct {
	once   sync.Once
	hyps   []string
	refs   [][]string
	bytes  int64
	source string
}

// benchCorpus returns at least benchSegments hypothesis-reference pairs:
// WMT17 en-de system outputs against their reference, taken system after
// system, when the shared data is present, and synthesized text otherwise.
func benchCorpus(b *testing.B) ([]string, [][]string) {
	b.Helper()
	d := &benchData
	d.once.Do(func() {
		var ref []string
		var hyps []string
		if w, err := loadWMT17(); err == nil {
			systems := make([]string, 0, len(w.hyps))
			for s := range w.hyps {
				systems = append(systems, s)
			}
			sort.Strings(systems)
			for _, s := range systems {
				if len(hyps) >= benchSegments {
					break
				}
				hyps = append(hyps, w.hyps[s]...)
				ref = append(ref, w.ref...)
			}
			d.source = fmt.Sprintf("WMT17 en-de, %d segments", len(hyps))
		} else {
			hyps, ref = synthesize(benchSegments)
			d.source = fmt.Sprintf("synthesized, %d segments", len(hyps))
		}
		d.hyps, d.refs = hyps, [][]string{ref}
		for i := range hyps {
			d.bytes += int64(len(hyps[i]) + len(ref[i]))
		}
	})
	b.Logf("corpus: %s", d.source)
	return d.hyps, d.refs
}

// synthesize makes n pairs of English-like sentences from a fixed
// vocabulary: the hypothesis is the reference with some words changed,
// dropped and swapped.
func synthesize(n int) ([]string, []string) {
	words := strings.Fields("the talks between both sides lasted three hours and ended with a joint " +
		"statement on trade security energy cooperation , . president minister said that " +
		"they would meet again in May next year to discuss the agreement of 2025 \"new\" era")
	seed := uint32(1)
	rnd := func(k int) int {
		seed = seed*1664525 + 1013904223
		return int(seed>>8) % k
	}
	hyps, refs := make([]string, n), make([]string, n)
	for i := range n {
		m := 8 + rnd(30)
		ref := make([]string, m)
		for j := range ref {
			ref[j] = words[rnd(len(words))]
		}
		hyp := append([]string(nil), ref...)
		for j := range hyp {
			switch rnd(10) {
			case 0:
				hyp[j] = words[rnd(len(words))]
			case 1:
				if j+1 < len(hyp) {
					hyp[j], hyp[j+1] = hyp[j+1], hyp[j]
				}
			}
		}
		refs[i] = strings.Join(ref, " ")
		hyps[i] = strings.Join(hyp[:m-rnd(3)], " ")
	}
	return hyps, refs
}

// BenchmarkBaseline is the yardstick for the corpus benchmarks: one plain
// pass over the same data that splits each hypothesis and reference at
// whitespace and counts the words of each segment in a map, the least a
// metric must do. Divide a metric's ns/op by this one's to read its cost
// as a ratio.
func BenchmarkBaseline(b *testing.B) {
	hyps, refs := benchCorpus(b)
	b.SetBytes(benchData.bytes)
	b.ReportAllocs()
	counts := make(map[string]int)
	var sink int
	for b.Loop() {
		for i, h := range hyps {
			clear(counts)
			for _, w := range strings.Fields(h) {
				counts[w]++
			}
			for _, w := range strings.Fields(refs[0][i]) {
				counts[w]++
			}
			sink += len(counts)
		}
	}
	_ = sink
}

func BenchmarkCorpusBLEU(b *testing.B) {
	hyps, refs := benchCorpus(b)
	b.SetBytes(benchData.bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (BLEU{}).CorpusScore(hyps, refs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCorpusBLEUIntl(b *testing.B) {
	hyps, refs := benchCorpus(b)
	b.SetBytes(benchData.bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (BLEU{Tokenize: TokenizerIntl}).CorpusScore(hyps, refs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCorpusCHRF(b *testing.B) {
	hyps, refs := benchCorpus(b)
	b.SetBytes(benchData.bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (CHRF{}).CorpusScore(hyps, refs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCorpusCHRFPlusPlus(b *testing.B) {
	hyps, refs := benchCorpus(b)
	b.SetBytes(benchData.bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (CHRF{WordOrder: 2}).CorpusScore(hyps, refs); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCorpusTER(b *testing.B) {
	hyps, refs := benchCorpus(b)
	b.SetBytes(benchData.bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (TER{}).CorpusScore(hyps, refs); err != nil {
			b.Fatal(err)
		}
	}
}
