package metric

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Smooth names a BLEU smoothing method, as in sacreBLEU's --smooth-method.
// The zero value "" means [SmoothExp].
type Smooth string

// The smoothing methods of Chen and Cherry (2014) that sacreBLEU offers.
const (
	// SmoothExp is mteval-v13a's smoothing (Chen and Cherry's method 3): the
	// k-th order with no match gets precision 1/(2^k · total).
	SmoothExp Smooth = "exp"
	// SmoothFloor (method 1) gives an order with no match the precision
	// value/total; value defaults to 0.1.
	SmoothFloor Smooth = "floor"
	// SmoothAddK (method 2) adds value to the matches and the totals of
	// every order above 1; value defaults to 1.
	SmoothAddK Smooth = "add-k"
	// SmoothNone leaves an order with no match at precision 0, which makes
	// the score 0.
	SmoothNone Smooth = "none"
)

// DefaultMaxOrder is BLEU's default maximum n-gram order.
const DefaultMaxOrder = 4

// BLEU holds the options of the BLEU metric (Papineni et al., 2002) as
// sacreBLEU computes it. The zero value is sacreBLEU's default:
// 13a tokenization, mixed case, 4-grams, exp smoothing.
type BLEU struct {
	// Tokenize selects the tokenizer; "" means Tokenizer13a.
	Tokenize Tokenizer
	// Lowercase lowercases hypotheses and references (Python's str.lower)
	// before tokenizing them.
	Lowercase bool
	// Smooth selects the smoothing method; "" means SmoothExp.
	Smooth Smooth
	// SmoothValue is the value for SmoothFloor and SmoothAddK; 0 selects
	// the method's default (0.1 and 1). A value of exactly 0 is not needed:
	// floor or add-k with 0 compute the same score as SmoothNone.
	SmoothValue float64
	// MaxOrder is the maximum n-gram order; 0 means DefaultMaxOrder.
	MaxOrder int
	// EffectiveOrder, when on, leaves out of the geometric mean the orders
	// above the longest n-gram the hypotheses contain, so a three-word
	// sentence is not scored 0 for having no 4-grams. Auto means off for
	// CorpusScore and on for SentenceScore, as in sacreBLEU (corpus_bleu
	// and sentence_bleu).
	EffectiveOrder Switch
}

// BLEUStats are the sufficient statistics of BLEU: a corpus's are the sums
// of its segments'.
type BLEUStats struct {
	// SysLen is the number of hypothesis tokens.
	SysLen int
	// RefLen is the number of reference tokens; with several references,
	// the length of the one closest in length to the hypothesis (the
	// shorter on a tie), summed over segments.
	RefLen int
	// Counts[n-1] is the number of hypothesis n-grams matched in a
	// reference, each n-gram counted at most as often as it occurs in the
	// reference where it occurs most often ("clipped" counts).
	Counts []int
	// Totals[n-1] is the number of hypothesis n-grams.
	Totals []int
}

// BLEUScore is a BLEU score with the statistics it was computed from.
type BLEUScore struct {
	// Score is BLEU in [0, 100].
	Score float64
	// Counts and Totals are the clipped matches and totals per order, as in
	// BLEUStats (before any add-k smoothing).
	Counts []int
	Totals []int
	// Precisions[n-1] is the (smoothed) n-gram precision in [0, 100]. An
	// order beyond the effective order, or any order when nothing matched,
	// has precision 0.
	Precisions []float64
	// BP is the brevity penalty.
	BP float64
	// SysLen and RefLen are the hypothesis and reference lengths in tokens.
	SysLen, RefLen int
	// Signature is sacreBLEU's signature for the computation, for example
	// "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0".
	Signature string
}

// String formats s as sacreBLEU prints a BLEU score, without the signature:
// "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)".
func (s BLEUScore) String() string {
	var b strings.Builder
	b.WriteString("BLEU = ")
	b.WriteString(strconv.FormatFloat(s.Score, 'f', 2, 64))
	b.WriteByte(' ')
	for i, p := range s.Precisions {
		if i > 0 {
			b.WriteByte('/')
		}
		b.WriteString(strconv.FormatFloat(p, 'f', 1, 64))
	}
	ratio := 0.0
	if s.RefLen > 0 {
		ratio = float64(s.SysLen) / float64(s.RefLen)
	}
	fmt.Fprintf(&b, " (BP = %.3f ratio = %.3f hyp_len = %d ref_len = %d)", s.BP, ratio, s.SysLen, s.RefLen)
	return b.String()
}

// bleuConfig is a BLEU with defaults filled in and options checked.
type bleuConfig struct {
	tok       func(string) string
	tokName   Tokenizer
	lowercase bool
	smooth    Smooth
	value     float64
	maxOrder  int
}

// resolve returns the options with defaults filled in, unchecked.
func (m BLEU) resolve() bleuConfig {
	c := bleuConfig{
		tokName:   m.Tokenize.orDefault(),
		lowercase: m.Lowercase,
		smooth:    m.Smooth,
		value:     m.SmoothValue,
		maxOrder:  m.MaxOrder,
	}
	if c.smooth == "" {
		c.smooth = SmoothExp
	}
	if c.value == 0 {
		switch c.smooth {
		case SmoothFloor:
			c.value = 0.1
		case SmoothAddK:
			c.value = 1
		}
	}
	if c.maxOrder == 0 {
		c.maxOrder = DefaultMaxOrder
	}
	return c
}

// config returns the options with defaults filled in, or an error
// describing an invalid option.
func (m BLEU) config() (bleuConfig, error) {
	c := m.resolve()
	tok, err := c.tokName.fn()
	if err != nil {
		return bleuConfig{}, err
	}
	c.tok = tok
	switch c.smooth {
	case SmoothExp, SmoothNone, SmoothFloor, SmoothAddK:
	default:
		return bleuConfig{}, fmt.Errorf("metric: unknown BLEU smoothing %q (want exp, floor, add-k or none)", string(m.Smooth))
	}
	if c.value < 0 || math.IsNaN(c.value) || math.IsInf(c.value, 0) {
		return bleuConfig{}, fmt.Errorf("metric: BLEU smoothing value %v is not a non-negative number", m.SmoothValue)
	}
	if c.maxOrder < 0 {
		return bleuConfig{}, fmt.Errorf("metric: BLEU maximum order %d is negative", m.MaxOrder)
	}
	return c, nil
}

// signature formats sacreBLEU's BLEU signature.
func (c bleuConfig) signature(nrefs int, eff bool) string {
	smooth := string(c.smooth)
	if c.smooth == SmoothFloor || c.smooth == SmoothAddK {
		smooth += "[" + strconv.FormatFloat(c.value, 'f', 2, 64) + "]"
	}
	caseStr := "mixed"
	if c.lowercase {
		caseStr = "lc"
	}
	return "nrefs:" + nrefsString(nrefs) + "|case:" + caseStr + "|eff:" + yesNo(eff) +
		"|tok:" + string(c.tokName) + "|smooth:" + smooth + "|version:" + Version
}

// Signature returns sacreBLEU's signature of a corpus-level BLEU computed
// with these options against nrefs reference streams, for example
// "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0". A negative
// nrefs prints as "var". Scores carry their own signature, which for
// SentenceScore says eff:yes when EffectiveOrder is Auto. Signature does
// not check the options; CorpusScore and SentenceScore do.
func (m BLEU) Signature(nrefs int) string {
	return m.resolve().signature(nrefs, m.EffectiveOrder.resolve(false))
}

// CorpusScore computes corpus-level BLEU: the statistics of all segments
// are summed and the score is computed once from the sums. hyps[i] is the
// i-th hypothesis and refs[k][i] its k-th reference; every reference
// stream must be as long as hyps. An empty reference is a valid
// reference that matches nothing.
func (m BLEU) CorpusScore(hyps []string, refs [][]string) (BLEUScore, error) {
	c, err := m.config()
	if err != nil {
		return BLEUScore{}, err
	}
	if err := checkStreams(hyps, refs); err != nil {
		return BLEUScore{}, err
	}
	type worker struct {
		s  *bleuScorer
		st BLEUStats
	}
	workers := scoreSegments(hyps, refs, func() *worker {
		return &worker{newBLEUScorer(c), BLEUStats{Counts: make([]int, c.maxOrder), Totals: make([]int, c.maxOrder)}}
	}, func(w *worker, hyp string, refs []string) { w.s.add(&w.st, hyp, refs) })
	st := BLEUStats{Counts: make([]int, c.maxOrder), Totals: make([]int, c.maxOrder)}
	for _, w := range workers {
		st.SysLen += w.st.SysLen
		st.RefLen += w.st.RefLen
		for n := range st.Counts {
			st.Counts[n] += w.st.Counts[n]
			st.Totals[n] += w.st.Totals[n]
		}
	}
	eff := m.EffectiveOrder.resolve(false)
	score := c.score(st, eff)
	score.Signature = c.signature(len(refs), eff)
	return score, nil
}

// SentenceScore computes BLEU of one hypothesis against its references.
// With EffectiveOrder Auto it uses the effective order, as sacreBLEU's
// sentence_bleu does.
func (m BLEU) SentenceScore(hyp string, refs []string) (BLEUScore, error) {
	c, err := m.config()
	if err != nil {
		return BLEUScore{}, err
	}
	if len(refs) == 0 {
		return BLEUScore{}, errNoRefs
	}
	st := BLEUStats{Counts: make([]int, c.maxOrder), Totals: make([]int, c.maxOrder)}
	newBLEUScorer(c).add(&st, hyp, refs)
	eff := m.EffectiveOrder.resolve(true)
	score := c.score(st, eff)
	score.Signature = c.signature(len(refs), eff)
	return score, nil
}

// ScoreStats computes BLEU from statistics, as sacreBLEU's
// BLEU.compute_bleu does. Tokenize and Lowercase play no part; Counts and
// Totals must have MaxOrder entries. EffectiveOrder Auto means off. The
// returned score has no signature, since its number of references is
// unknown.
func (m BLEU) ScoreStats(st BLEUStats) (BLEUScore, error) {
	c, err := m.config()
	if err != nil {
		return BLEUScore{}, err
	}
	if len(st.Counts) != c.maxOrder || len(st.Totals) != c.maxOrder {
		return BLEUScore{}, fmt.Errorf("metric: BLEU statistics have %d counts and %d totals, want %d each",
			len(st.Counts), len(st.Totals), c.maxOrder)
	}
	return c.score(st, m.EffectiveOrder.resolve(false)), nil
}

// score computes BLEU from summed statistics.
func (c bleuConfig) score(st BLEUStats, eff bool) BLEUScore {
	n := c.maxOrder
	out := BLEUScore{
		Counts:     append([]int(nil), st.Counts...),
		Totals:     append([]int(nil), st.Totals...),
		Precisions: make([]float64, n),
		SysLen:     st.SysLen,
		RefLen:     st.RefLen,
		BP:         1,
	}
	if st.SysLen < st.RefLen {
		if st.SysLen > 0 {
			out.BP = math.Exp(1 - float64(st.RefLen)/float64(st.SysLen))
		} else {
			out.BP = 0
		}
	}
	anyMatch := false
	for _, k := range st.Counts {
		if k != 0 {
			anyMatch = true
			break
		}
	}
	if !anyMatch {
		return out // score 0, as sacreBLEU stops early
	}
	smoothExp := 1.0
	effOrder := n
	for i := 0; i < n; i++ {
		correct, total := float64(st.Counts[i]), float64(st.Totals[i])
		if c.smooth == SmoothAddK && i > 0 {
			correct += c.value
			total += c.value
		}
		if total == 0 {
			break
		}
		if eff {
			effOrder = i + 1
		}
		if correct == 0 {
			switch c.smooth {
			case SmoothExp:
				smoothExp *= 2
				out.Precisions[i] = 100 / (smoothExp * total)
			case SmoothFloor:
				out.Precisions[i] = 100 * c.value / total
			}
			continue
		}
		out.Precisions[i] = 100 * correct / total
	}
	sum := 0.0
	for _, p := range out.Precisions[:effOrder] {
		sum += logOrFloor(p)
	}
	out.Score = out.BP * math.Exp(sum/float64(effOrder))
	return out
}

// logOrFloor is sacreBLEU's my_log: the natural logarithm, with log 0
// taken as -9999999999 so that a zero precision makes the score 0.
func logOrFloor(x float64) float64 {
	if x == 0 {
		return -9999999999
	}
	return math.Log(x)
}

// bleuScorer accumulates BLEU statistics segment by segment, reusing its
// maps and buffers. It counts the n-grams of one order at a time (n-grams
// of different orders never share a key, as tokens hold no space), so that
// its maps hold one order's n-grams, not all of them: a quarter of the
// memory on a line of millions of words.
type bleuScorer struct {
	c       bleuConfig
	ref     map[string]int32 // clipping counts: the maximum over references
	one     map[string]int32 // one reference's counts
	bounds  []int32
	refToks []string  // the tokenized references of the segment
	refBnds [][]int32 // their token bounds
}

func newBLEUScorer(c bleuConfig) *bleuScorer {
	return &bleuScorer{
		c:   c,
		ref: make(map[string]int32),
		one: make(map[string]int32),
	}
}

func (c bleuConfig) preprocess(s string) string {
	if c.lowercase {
		s = lower(s)
	}
	return c.tok(rstrip(s))
}

// tokenBounds appends to dst the start and end offsets of the tokens of
// t, which holds tokens separated by single spaces.
func tokenBounds(dst []int32, t string) []int32 {
	if t == "" {
		return dst
	}
	if n := 2 * (strings.Count(t, " ") + 1); cap(dst)-len(dst) < n {
		dst = slices.Grow(dst, n) // one allocation, not a doubling series, for a long line
	}
	start := 0
	for i := 0; i < len(t); i++ {
		if t[i] == ' ' {
			dst = append(dst, int32(start), int32(i))
			start = i + 1
		}
	}
	return append(dst, int32(start), int32(len(t)))
}

// add adds the statistics of one segment to st.
func (s *bleuScorer) add(st *BLEUStats, hyp string, refs []string) {
	maxOrder := s.c.maxOrder
	refLen, bestDiff := 0, -1
	hypTok := s.c.preprocess(hyp)
	s.bounds = tokenBounds(s.bounds[:0], hypTok)
	hypLen := len(s.bounds) / 2
	for len(s.refBnds) < len(refs) {
		s.refBnds = append(s.refBnds, nil)
	}
	s.refToks = s.refToks[:0]
	for k, r := range refs {
		t := s.c.preprocess(r)
		s.refToks = append(s.refToks, t)
		s.refBnds[k] = tokenBounds(s.refBnds[k][:0], t)
		n := len(s.refBnds[k]) / 2
		diff := hypLen - n
		if diff < 0 {
			diff = -diff
		}
		if bestDiff < 0 || diff < bestDiff || (diff == bestDiff && n < refLen) {
			bestDiff, refLen = diff, n
		}
	}
	st.SysLen += hypLen
	st.RefLen += refLen

	b := s.bounds
	for n := 1; n <= maxOrder && n <= hypLen; n++ {
		// The clipping counts of order n: the most times an n-gram occurs
		// in any one reference.
		s.ref = resetMap(s.ref)
		if refTok := len(s.refBnds[0]) / 2; n > 1 && refTok > 1<<16 {
			// Most n-grams of a long line are distinct: a map of that
			// size from the start spares growing it step by step.
			s.ref = make(map[string]int32, refTok)
		}
		for k, t := range s.refToks {
			if k == 0 {
				countNgrams(s.ref, t, s.refBnds[k], n)
				continue
			}
			s.one = resetMap(s.one)
			countNgrams(s.one, t, s.refBnds[k], n)
			for g, c := range s.one {
				if c > s.ref[g] {
					s.ref[g] = c
				}
			}
		}
		st.Totals[n-1] += hypLen - n + 1
		for i := 0; i+n <= hypLen; i++ {
			g := hypTok[b[2*i]:b[2*(i+n-1)+1]]
			if c := s.ref[g]; c > 0 {
				s.ref[g] = c - 1
				st.Counts[n-1]++
			}
		}
	}
	s.refToks = s.refToks[:0] // let the texts go
}

// countNgrams adds the n-grams of t of order n to m. Each token is
// t[b[2i]:b[2i+1]], and an n-gram is the substring of t from its first
// token's start to its last token's end.
func countNgrams(m map[string]int32, t string, b []int32, n int) {
	ntok := len(b) / 2
	for i := 0; i+n <= ntok; i++ {
		m[t[b[2*i]:b[2*(i+n-1)+1]]]++
	}
}
