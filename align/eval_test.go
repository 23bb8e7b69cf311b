package align

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The evaluation reads public parallel data from ../shared/data, which a
// fresh clone does not have: it skips when the data is absent.
var sharedData = filepath.Join("..", "..", "shared", "data")

// link is a gold or predicted bead as index lists.
type link struct{ a, b []int }

// prf holds precision, recall and F1.
type prf struct{ p, r, f float64 }

func (x prf) String() string { return fmt.Sprintf("P %.3f R %.3f F1 %.3f", x.p, x.r, x.f) }

// scoreLinks scores predicted beads against gold ones as vecalign does:
// strict counts a bead when both its runs equal a gold link's; lax when it
// shares at least one A and one B index with one. Precision is over all
// predicted beads, recall over the gold links that are not 1-0 or 0-1.
type counts struct{ tpS, fpS, tpL, fpL, rtpS, rfnS, rtpL, rfnL int }

func (c *counts) add(pred, gold []link) {
	same := func(x, y link) bool { return slices.Equal(x.a, y.a) && slices.Equal(x.b, y.b) }
	overlap := func(x, y link) bool {
		return slices.ContainsFunc(x.a, func(i int) bool { return slices.Contains(y.a, i) }) &&
			slices.ContainsFunc(x.b, func(j int) bool { return slices.Contains(y.b, j) })
	}
	for _, p := range pred {
		switch {
		case slices.ContainsFunc(gold, func(g link) bool { return same(p, g) }):
			c.tpS++
			c.tpL++
		case slices.ContainsFunc(gold, func(g link) bool { return overlap(p, g) }):
			c.fpS++
			c.tpL++
		default:
			c.fpS++
			c.fpL++
		}
	}
	for _, g := range gold {
		if len(g.a) == 0 || len(g.b) == 0 {
			continue
		}
		switch {
		case slices.ContainsFunc(pred, func(p link) bool { return same(p, g) }):
			c.rtpS++
			c.rtpL++
		case slices.ContainsFunc(pred, func(p link) bool { return overlap(p, g) }):
			c.rfnS++
			c.rtpL++
		default:
			c.rfnS++
			c.rfnL++
		}
	}
}

func makePRF(tp, fp, rtp, rfn int) prf {
	var x prf
	if tp+fp > 0 {
		x.p = float64(tp) / float64(tp+fp)
	}
	if rtp+rfn > 0 {
		x.r = float64(rtp) / float64(rtp+rfn)
	}
	if x.p+x.r > 0 {
		x.f = 2 * x.p * x.r / (x.p + x.r)
	}
	return x
}

func (c counts) strict() prf { return makePRF(c.tpS, c.fpS, c.rtpS, c.rfnS) }
func (c counts) lax() prf    { return makePRF(c.tpL, c.fpL, c.rtpL, c.rfnL) }

// perturb builds an A and B document from parallel sentence lists and the
// gold alignment between them: some sentences dropped on one side, some
// pairs merged into one sentence on one side, and sentences from
// elsewhere inserted, so that the gold is known by construction.
func perturb(rng *rand.Rand, pa, pb []string, foreign []string) (a, b []string, gold []link) {
	for i := 0; i < len(pa); i++ {
		x := rng.Float64()
		switch {
		case x < 0.04: // only A has it
			gold = append(gold, link{a: []int{len(a)}})
			a = append(a, pa[i])
		case x < 0.08: // only B has it
			gold = append(gold, link{b: []int{len(b)}})
			b = append(b, pb[i])
		case x < 0.12 && i+1 < len(pa): // B merges two of A's
			gold = append(gold, link{a: []int{len(a), len(a) + 1}, b: []int{len(b)}})
			a = append(a, pa[i], pa[i+1])
			b = append(b, pb[i]+" "+pb[i+1])
			i++
		case x < 0.16 && i+1 < len(pa): // A merges two of B's
			gold = append(gold, link{a: []int{len(a)}, b: []int{len(b), len(b) + 1}})
			a = append(a, pa[i]+" "+pa[i+1])
			b = append(b, pb[i], pb[i+1])
			i++
		default:
			gold = append(gold, link{a: []int{len(a)}, b: []int{len(b)}})
			a = append(a, pa[i])
			b = append(b, pb[i])
		}
		if rng.Float64() < 0.03 && len(foreign) > 0 {
			gold = append(gold, link{b: []int{len(b)}})
			b = append(b, foreign[rng.IntN(len(foreign))])
		}
	}
	return a, b, gold
}

func segmentsOf(lines []string) []Segment {
	segs := make([]Segment, len(lines))
	pos := 0
	for i, l := range lines {
		segs[i] = Segment{Text: l, Start: pos, End: pos + len(l)}
		pos += len(l) + 1
	}
	return segs
}

func evalPairs(t *testing.T, name string, docs [][2][]string) counts {
	t.Helper()
	rng := rand.New(rand.NewPCG(1, 2))
	var all []string
	for _, d := range docs {
		all = append(all, d[1]...)
	}
	var c counts
	for _, d := range docs {
		a, b, gold := perturb(rng, d[0], d[1], all)
		var pred []link
		for _, bd := range Align(segmentsOf(a), segmentsOf(b)) {
			pred = append(pred, link{bd.A, bd.B})
		}
		c.add(pred, gold)
	}
	t.Logf("%-28s strict %v | lax %v", name, c.strict(), c.lax())
	return c
}

func readJSONL(t *testing.T, path string, each func(line []byte)) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no evaluation data: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		each(sc.Bytes())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}

// wmtDocs returns the documents of a WMT file as pairs of line lists,
// side a and side b chosen by pick.
func wmtDocs(t *testing.T, path string, pick func(row map[string]any) (string, string)) [][2][]string {
	var docs [][2][]string
	last := ""
	readJSONL(t, path, func(line []byte) {
		var row map[string]any
		if err := json.Unmarshal(line, &row); err != nil {
			t.Fatal(err)
		}
		a, b := pick(row)
		if id := row["doc_id"].(string); id != last || len(docs) == 0 {
			docs = append(docs, [2][]string{})
			last = id
		}
		d := &docs[len(docs)-1]
		d[0], d[1] = append(d[0], a), append(d[1], b)
	})
	return docs
}

func bibleVerses(t *testing.T, name string) map[string]string {
	data, err := os.ReadFile(filepath.Join(sharedData, "bible", name))
	if err != nil {
		t.Skipf("no evaluation data: %v", err)
	}
	out := map[string]string{}
	for _, l := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		if id, text, ok := strings.Cut(l, "\t"); ok {
			out[id] = text
		}
	}
	return out
}

// bibleDocs pairs two Bibles verse by verse, a chapter a document.
func bibleDocs(t *testing.T, x, y string) [][2][]string {
	vx, vy := bibleVerses(t, x), bibleVerses(t, y)
	var ids []string
	for id := range vx {
		if _, ok := vy[id]; ok {
			ids = append(ids, id)
		}
	}
	key := func(id string) (int, int) {
		var c, v int
		fmt.Sscanf(id, "GEN.%d.%d", &c, &v)
		return c, v
	}
	slices.SortFunc(ids, func(p, q string) int {
		pc, pv := key(p)
		qc, qv := key(q)
		if pc != qc {
			return pc - qc
		}
		return pv - qv
	})
	var docs [][2][]string
	lastChapter := -1
	for _, id := range ids {
		c, _ := key(id)
		if c != lastChapter {
			docs = append(docs, [2][]string{})
			lastChapter = c
		}
		d := &docs[len(docs)-1]
		d[0], d[1] = append(d[0], vx[id]), append(d[1], vy[id])
	}
	return docs
}

// TestEvalSameLanguage prints the alignment's precision, recall and F1 on
// same-language pairs built from public data with known gold, and fails
// below the figure the README claims.
func TestEvalSameLanguage(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation")
	}
	wmt := filepath.Join(sharedData, "wmt", "wmt21.ru-en.jsonl")
	sets := []struct {
		name string
		docs func() [][2][]string
	}{
		{"wmt21 ref_A vs ref_B", func() [][2][]string {
			return wmtDocs(t, wmt, func(r map[string]any) (string, string) { return r["ref_A"].(string), r["ref_B"].(string) })
		}},
		{"wmt21 ref_A vs Online-A", func() [][2][]string {
			return wmtDocs(t, wmt, func(r map[string]any) (string, string) {
				return r["ref_A"].(string), r["hyp"].(map[string]any)["Online-A"].(string)
			})
		}},
		{"bible KJV vs BBE", func() [][2][]string { return bibleDocs(t, "en-KJV-sword.GEN.tsv", "en-BBE.GEN.tsv") }},
		{"bible KJV vs YLT", func() [][2][]string { return bibleDocs(t, "en-KJV-sword.GEN.tsv", "en-YLT.GEN.tsv") }},
	}
	for _, s := range sets {
		t.Run(s.name, func(t *testing.T) {
			c := evalPairs(t, s.name, s.docs())
			if f := c.strict().f; f < minSameLanguageF1 {
				t.Errorf("strict F1 %.3f, below %.3f", f, minSameLanguageF1)
			}
		})
	}
}

// minSameLanguageF1 is the strict F1 the README claims for same-language
// pairs.
const minSameLanguageF1 = 0.90
