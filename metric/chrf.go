package metric

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CHRF holds the options of chrF (Popović, 2015) and chrF++ (Popović,
// 2017) as sacreBLEU computes them. The zero value is sacreBLEU's default
// chrF2: character 6-grams, no word n-grams, beta 2, whitespace removed,
// effective-order averaging. chrF++ is CHRF{WordOrder: 2}.
type CHRF struct {
	// CharOrder is the maximum character n-gram order; 0 means 6.
	CharOrder int
	// WordOrder is the maximum word n-gram order; 0 (the default) means no
	// word n-grams, 2 gives chrF++.
	WordOrder int
	// Beta weighs recall beta times as much as precision; 0 means 2.
	Beta int
	// Lowercase lowercases hypotheses and references first.
	Lowercase bool
	// Whitespace keeps whitespace inside character n-grams; by default all
	// whitespace is removed before character n-grams are extracted.
	Whitespace bool
	// EpsSmoothing averages the F-scores of all orders, an order with no
	// n-grams on one side contributing about 0, as chrF++.py, Moses and NLTK
	// do. By default (sacreBLEU 2's default) precision and recall are
	// averaged over the orders that have n-grams on both sides, and the
	// F-score is computed from those averages.
	EpsSmoothing bool
}

// CHRFScore is a chrF or chrF++ score.
type CHRFScore struct {
	// Score is chrF in [0, 100].
	Score float64
	// Name is "chrF2" for chrF with beta 2, "chrF2++" with word order 2.
	Name string
	// CharOrder, WordOrder and Beta are the options used.
	CharOrder, WordOrder, Beta int
	// Signature is sacreBLEU's signature for the computation, for example
	// "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0".
	Signature string
}

// String formats s as "chrF2 = 52.34".
func (s CHRFScore) String() string {
	return s.Name + " = " + strconv.FormatFloat(s.Score, 'f', 2, 64)
}

type chrfConfig struct {
	charOrder, wordOrder, beta int
	lowercase, whitespace, eps bool
}

// resolve returns the options with defaults filled in, unchecked.
func (m CHRF) resolve() chrfConfig {
	c := chrfConfig{
		charOrder:  m.CharOrder,
		wordOrder:  m.WordOrder,
		beta:       m.Beta,
		lowercase:  m.Lowercase,
		whitespace: m.Whitespace,
		eps:        m.EpsSmoothing,
	}
	if c.charOrder == 0 {
		c.charOrder = 6
	}
	if c.beta == 0 {
		c.beta = 2
	}
	return c
}

// config returns the options with defaults filled in, or an error
// describing an invalid option.
func (m CHRF) config() (chrfConfig, error) {
	c := m.resolve()
	if c.charOrder < 0 || c.wordOrder < 0 || c.beta < 0 {
		return chrfConfig{}, fmt.Errorf("metric: chrF orders and beta must not be negative (char %d, word %d, beta %d)",
			m.CharOrder, m.WordOrder, m.Beta)
	}
	return c, nil
}

func (c chrfConfig) name() string {
	return "chrF" + strconv.Itoa(c.beta) + strings.Repeat("+", c.wordOrder)
}

func (c chrfConfig) signature(nrefs int) string {
	caseStr := "mixed"
	if c.lowercase {
		caseStr = "lc"
	}
	return "nrefs:" + nrefsString(nrefs) + "|case:" + caseStr + "|eff:" + yesNo(!c.eps) +
		"|nc:" + strconv.Itoa(c.charOrder) + "|nw:" + strconv.Itoa(c.wordOrder) +
		"|space:" + yesNo(c.whitespace) + "|version:" + Version
}

// Signature returns sacreBLEU's chrF signature for nrefs reference streams,
// for example "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0".
// A negative nrefs prints as "var". Signature does not check the options;
// CorpusScore and SentenceScore do.
func (m CHRF) Signature(nrefs int) string {
	return m.resolve().signature(nrefs)
}

// CorpusScore computes corpus-level chrF: for each segment the statistics
// of the reference with the best sentence-level F-score are kept, the
// statistics are summed over segments, and the score is computed once from
// the sums. hyps[i] is the i-th hypothesis and refs[k][i] its k-th
// reference; every reference stream must be as long as hyps.
func (m CHRF) CorpusScore(hyps []string, refs [][]string) (CHRFScore, error) {
	c, err := m.config()
	if err != nil {
		return CHRFScore{}, err
	}
	if err := checkStreams(hyps, refs); err != nil {
		return CHRFScore{}, err
	}
	stats := 3 * (c.charOrder + c.wordOrder)
	type worker struct {
		s     *chrfScorer
		total []int
	}
	workers := scoreSegments(hyps, refs, func() *worker {
		return &worker{newCHRFScorer(c), make([]int, stats)}
	}, func(w *worker, hyp string, refs []string) { w.s.add(w.total, hyp, refs) })
	total := make([]int, stats)
	for _, w := range workers {
		for k := range total {
			total[k] += w.total[k]
		}
	}
	return c.result(total, len(refs)), nil
}

// SentenceScore computes chrF of one hypothesis against the best of its
// references.
func (m CHRF) SentenceScore(hyp string, refs []string) (CHRFScore, error) {
	c, err := m.config()
	if err != nil {
		return CHRFScore{}, err
	}
	if len(refs) == 0 {
		return CHRFScore{}, errNoRefs
	}
	total := make([]int, 3*(c.charOrder+c.wordOrder))
	newCHRFScorer(c).add(total, hyp, refs)
	return c.result(total, len(refs)), nil
}

func (c chrfConfig) result(stats []int, nrefs int) CHRFScore {
	return CHRFScore{
		Score:     c.fscore(stats),
		Name:      c.name(),
		CharOrder: c.charOrder,
		WordOrder: c.wordOrder,
		Beta:      c.beta,
		Signature: c.signature(nrefs),
	}
}

// fscore computes chrF in [0, 100] from statistics holding, for each order
// (character orders first, then word orders), the number of hypothesis
// n-grams, reference n-grams and matches.
func (c chrfConfig) fscore(stats []int) float64 {
	const eps = 1e-16
	order := c.charOrder + c.wordOrder
	factor := float64(c.beta * c.beta)
	score, avgPrec, avgRec := 0.0, 0.0, 0.0
	effOrder := 0
	for i := 0; i < order; i++ {
		nHyp, nRef, nMatch := stats[3*i], stats[3*i+1], stats[3*i+2]
		prec, rec := eps, eps
		if nHyp > 0 {
			prec = float64(nMatch) / float64(nHyp)
		}
		if nRef > 0 {
			rec = float64(nMatch) / float64(nRef)
		}
		if denom := factor*prec + rec; denom > 0 {
			score += (1 + factor) * prec * rec / denom
		} else {
			score += eps
		}
		if nHyp > 0 && nRef > 0 {
			avgPrec += prec
			avgRec += rec
			effOrder++
		}
	}
	if c.eps {
		return 100 * score / float64(order)
	}
	if effOrder == 0 {
		return 0
	}
	avgPrec /= float64(effOrder)
	avgRec /= float64(effOrder)
	if avgPrec+avgRec == 0 {
		return 0
	}
	return 100 * (1 + factor) * avgPrec * avgRec / (factor*avgPrec + avgRec)
}

// chrfScorer computes segment statistics, reusing its buffers. It keeps a
// segment's text and words, not its n-grams: those of one order at a time
// are counted as they are cut, so that memory stays near the size of the
// text for a line of any length (storing the n-grams of every order took
// some 200 bytes per byte of a 20 MB line).
type chrfScorer struct {
	c     chrfConfig
	hyp   chrfSide
	ref   chrfSide
	count map[string]int32
	stats []int
	best  []int
}

// chrfSide is a segment as chrF reads it: the text its character n-grams
// are cut from, and its words, joined by single spaces, for the word
// n-grams.
type chrfSide struct {
	text   string // lowercased if asked, white space removed unless kept
	words  []string
	joined string  // the words joined by single spaces
	bound  []int32 // start and end of each word in joined
}

func newCHRFScorer(c chrfConfig) *chrfScorer {
	order := c.charOrder + c.wordOrder
	return &chrfScorer{
		c:     c,
		count: make(map[string]int32),
		stats: make([]int, 3*order),
		best:  make([]int, 3*order),
	}
}

// prepare reads seg into side.
func (s *chrfScorer) prepare(side *chrfSide, seg string) {
	if s.c.lowercase {
		seg = lower(seg)
	}
	side.text = seg
	if !s.c.whitespace {
		side.text = removeSpace(seg)
	}
	side.words, side.joined, side.bound = side.words[:0], "", side.bound[:0]
	if s.c.wordOrder == 0 {
		return
	}
	// Word n-grams are over sacreBLEU's punctuation-separating
	// tokenization, the words of an n-gram joined by single spaces.
	side.words = splitPunct(side.words, seg)
	side.joined = strings.Join(side.words, " ")
	pos := 0
	for _, w := range side.words {
		side.bound = append(side.bound, int32(pos), int32(pos+len(w)))
		pos += len(w) + 1
	}
}

// eachGram calls f with every n-gram of order o+1 of side: character
// n-grams for o < charOrder, substrings of the text spanning n code
// points, else word n-grams. N-grams are substrings, of the text or of
// the joined words.
func (s *chrfScorer) eachGram(side *chrfSide, o int, f func(string)) {
	if o >= s.c.charOrder {
		n := o - s.c.charOrder + 1
		for i := 0; i+n <= len(side.words); i++ {
			f(side.joined[side.bound[2*i]:side.bound[2*(i+n-1)+1]])
		}
		return
	}
	n := o + 1
	var offs [16]int
	var ring []int // start offsets of the last n+1 code points
	if n+1 <= len(offs) {
		ring = offs[:n+1]
	} else {
		ring = make([]int, n+1)
	}
	text := side.text
	k := 0 // code points seen
	for i := 0; ; {
		ring[k%len(ring)] = i
		if k >= n {
			f(text[ring[(k-n)%len(ring)]:i])
		}
		if i == len(text) {
			break
		}
		if text[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
		k++
	}
}

// splitPunct is sacreBLEU's chrF++ word tokenization (from chrF++.py):
// split at whitespace, then split one ASCII punctuation character off the
// end of each word of two or more characters, or else off its start. So
// "(hi)" becomes "(hi" and ")".
func splitPunct(dst []string, s string) []string {
	for _, w := range fields(s) {
		if utf8.RuneCountInString(w) == 1 {
			dst = append(dst, w)
			continue
		}
		switch {
		case asciiPunct(w[len(w)-1]):
			dst = append(dst, w[:len(w)-1], w[len(w)-1:])
		case asciiPunct(w[0]):
			dst = append(dst, w[:1], w[1:])
		default:
			dst = append(dst, w)
		}
	}
	return dst
}

// asciiPunct reports whether c is in Python's string.punctuation.
func asciiPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// add adds to total the statistics of hyp against the best of refs.
func (s *chrfScorer) add(total []int, hyp string, refs []string) {
	s.prepare(&s.hyp, hyp)
	best := -1.0
	for _, r := range refs {
		s.prepare(&s.ref, r)
		for o := range s.c.charOrder + s.c.wordOrder {
			// Count the reference n-grams, then let each hypothesis n-gram
			// use up one: the matches are the sum over n-grams of the
			// smaller of the two counts.
			s.count = resetMap(s.count)
			nRef := 0
			s.eachGram(&s.ref, o, func(g string) {
				s.count[g]++
				nRef++
			})
			nHyp, nMatch := 0, 0
			s.eachGram(&s.hyp, o, func(g string) {
				nHyp++
				if c := s.count[g]; c > 0 {
					s.count[g] = c - 1
					nMatch++
				}
			})
			if nRef == 0 {
				// sacreBLEU does not count hypothesis n-grams of an order
				// the reference has none of.
				nHyp = 0
			}
			s.stats[3*o], s.stats[3*o+1], s.stats[3*o+2] = nHyp, nRef, nMatch
		}
		if f := s.c.fscore(s.stats); f > best {
			best = f
			copy(s.best, s.stats)
		}
	}
	for i, v := range s.best {
		total[i] += v
	}
}

// resetMap empties m for reuse. A map that has grown large is dropped
// rather than cleared, since clearing costs its capacity: this keeps the
// cost of a corpus linear in its size after one long segment.
func resetMap(m map[string]int32) map[string]int32 {
	if len(m) > 512 {
		return make(map[string]int32)
	}
	clear(m)
	return m
}
