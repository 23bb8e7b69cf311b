// Package metric computes the machine-translation metrics BLEU, chrF,
// chrF++ and TER exactly as sacreBLEU 2.6.0 computes them (Post, 2018), at
// sentence and corpus level, with sacreBLEU's options, defaults and
// signatures.
//
// Each metric is an options struct whose zero value is sacreBLEU's
// default: [BLEU], [CHRF] and [TER]. Each has the same three methods:
//
//	CorpusScore(hyps []string, refs [][]string) (Score, error)
//	SentenceScore(hyp string, refs []string) (Score, error)
//	Signature(nrefs int) string
//
// In CorpusScore, refs is a list of reference streams as in sacreBLEU:
// refs[k][i] is the k-th reference of hyps[i], and every stream must be as
// long as hyps. An empty string is a valid reference. Corpus scores are
// not averages of sentence scores: each metric sums its statistics over
// the segments and computes the score once from the sums.
//
// # BLEU
//
// BLEU (Papineni et al., 2002) is the geometric mean of the modified
// n-gram precisions p1..p4, times a brevity penalty:
//
//	BLEU = BP · exp((log p1 + ... + log pN) / N)
//	BP   = 1 if c >= r, else exp(1 - r/c)
//
// where pn is the number of hypothesis n-grams found in a reference (each
// counted at most as often as it occurs there; with several references,
// as often as in the reference where it occurs most) over the number of
// hypothesis n-grams, c is the hypothesis length and r the reference
// length; with several references, the length of the one closest to the
// hypothesis, the shorter one on a tie. Text is tokenized first, by
// default with mteval-v13a's rules (see [Tokenizer]). Scores are in
// [0, 100].
//
// Smoothing decides what a precision of 0 becomes (Chen and Cherry, 2014;
// see [Smooth]); without it any order with no match makes BLEU 0. The
// effective order (see [BLEU.EffectiveOrder]) drops the orders above the
// hypothesis length from the mean; sacreBLEU uses it for sentence BLEU and
// not for corpus BLEU, and so does this package unless told otherwise.
//
// # chrF and chrF++
//
// chrF (Popović, 2015) is an F-score over character n-grams of orders 1 to
// 6; chrF++ (Popović, 2017) adds word unigrams and bigrams. For each
// order, precision P and recall R are the matched n-grams over the
// hypothesis and the reference n-grams, and
//
//	F_beta = (1 + beta²) · P · R / (beta² · P + R)
//
// with beta = 2, weighing recall twice as much as precision. Whitespace is
// removed before character n-grams are extracted. By default (sacreBLEU
// 2's default) P and R are averaged over the orders for which both sides
// have n-grams and one F-score is computed from the averages; with
// [CHRF.EpsSmoothing] the F-scores of all orders are averaged, an empty
// order counting as about 0, as in the reference implementation chrF++.py.
// With several references, each segment uses the reference with the best
// F-score. Scores are in [0, 100].
//
// # TER
//
// TER (Snover et al., 2006) is the number of edits that turn the
// hypothesis into the reference (insertions, deletions and substitutions
// of words, and shifts that move a sequence of words elsewhere, each
// costing 1) over the number of reference words, as a percentage. It can
// exceed 100. Finding the fewest edits with shifts is hard, so TER
// approximates it as tercom does: it repeatedly applies the shift that
// most reduces the Levenshtein distance, among shifts of at most 10 words
// over at most 50 positions that move wrongly placed words onto unmatched
// reference words, until none helps; the distance itself is computed only
// within 25 words of the diagonal (scaled by the ratio of the lengths).
// This package follows sacreBLEU's re-implementation of tercom step by
// step, including the order in which ties are broken and its limit of 1000
// shift candidates per segment, details that change scores in practice.
// With several references, each segment takes the edits of its best
// reference over the mean length of its references. Text is lowercased
// and split at whitespace; see [TER] for tercom's normalization options.
//
// # Exactness
//
// sacreBLEU is written in Python, and several of its results depend on
// Python: this package splits and strips text at Python's whitespace (which
// includes U+001C..U+001F besides Unicode's White_Space), lowercases as
// Python's str.lower does (İ becomes "i̇", a final capital sigma becomes
// ς), works on code points, and reproduces regular-expression
// substitutions as Python applies them. It also reproduces sacreBLEU's
// quirks, such as the range of code points the zh tokenizer treats as
// Chinese (see [Tokenizer.Tokenize]). Scores are checked against
// sacreBLEU's own test cases and against its expected scores for the WMT17
// systems, which it in turn checks against mteval-v13a.pl, mteval-v14.pl,
// chrF++.py and tercom. Character classes come from Go's unicode package,
// so code points assigned in a Unicode version that Go and the Python
// running sacreBLEU do not share may be classified differently.
//
// # Signatures
//
// Each score carries sacreBLEU's signature, which records how it was
// computed, for example
//
//	nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0
//	nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0
//	nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0
//
// The version field is [Version], the sacreBLEU release whose computation
// these scores reproduce, not the version of paradiff: a score printed with
// version:2.6.0 is the number sacreBLEU 2.6.0 prints for the same input
// and options.
//
// # Input and concurrency
//
// Inputs are UTF-8 strings; invalid bytes are read as U+FFFD where code
// points matter. The option structs hold no state and may be used from
// several goroutines at once.
//
// Not supported: the ja-mecab, ko-mecab, spm and flores tokenizers,
// variable numbers of references per segment, and significance tests.
//
// # References
//
// Kishore Papineni, Salim Roukos, Todd Ward and Wei-Jing Zhu. 2002. BLEU: a
// method for automatic evaluation of machine translation. ACL.
//
// Boxing Chen and Colin Cherry. 2014. A systematic comparison of smoothing
// techniques for sentence-level BLEU. WMT.
//
// Maja Popović. 2015. chrF: character n-gram F-score for automatic MT
// evaluation. WMT.
//
// Maja Popović. 2017. chrF++: words helping character n-grams. WMT.
//
// Matthew Snover, Bonnie Dorr, Richard Schwartz, Linnea Micciulla and John
// Makhoul. 2006. A study of translation edit rate with targeted human
// annotation. AMTA.
//
// Matt Post. 2018. A call for clarity in reporting BLEU scores. WMT.
// https://github.com/mjpost/sacrebleu
package metric
