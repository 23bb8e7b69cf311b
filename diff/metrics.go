package diff

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/metric"
)

// MetricSet selects metrics; the zero value selects all of them.
type MetricSet uint8

// The metrics [Score] computes.
const (
	MetricBLEU MetricSet = 1 << iota
	MetricCHRF
	MetricTER

	AllMetrics = MetricBLEU | MetricCHRF | MetricTER
)

// Has reports whether s selects m; the zero set selects every metric.
func (s MetricSet) Has(m MetricSet) bool { return s == 0 || s&m != 0 }

// MetricOptions configures [Score] and the metrics of [Compare]. The zero
// value computes BLEU, chrF and TER with sacreBLEU's defaults, with the
// BLEU tokenizer chosen for the target language as sacreBLEU chooses it.
type MetricOptions struct {
	Only MetricSet   // the metrics to compute; 0 means all
	BLEU metric.BLEU // a Tokenize of "" is chosen from Lang, see [TokenizerFor]
	CHRF metric.CHRF // CHRF{WordOrder: 2} is chrF++
	TER  metric.TER
	// Lang is the target language (the language of the references and
	// hypotheses) as a BCP 47 tag such as "zh" or "zh-Hans". Empty means
	// detect it from the references' script (see detectTarget).
	Lang string
}

// Check reports whether the options are valid: a known language tag and
// metric options that package metric accepts.
func (o MetricOptions) Check() error {
	if o.Lang != "" {
		if _, err := language.Parse(o.Lang); err != nil {
			return fmt.Errorf("diff: bad language tag %q", o.Lang)
		}
	}
	one := [][]string{{""}}
	if _, err := o.BLEU.CorpusScore([]string{""}, one); err != nil {
		return err
	}
	if _, err := o.CHRF.CorpusScore([]string{""}, one); err != nil {
		return err
	}
	_, err := o.TER.CorpusScore([]string{""}, one)
	return err
}

// Metrics are corpus-level scores of a hypothesis against its references,
// each with sacreBLEU's signature. A metric that was not asked for is nil.
type Metrics struct {
	BLEU *metric.BLEUScore
	CHRF *metric.CHRFScore
	TER  *metric.TERScore
	// Lang is the base language ("zh", "ja", "en"...) the BLEU tokenizer
	// was chosen for: MetricOptions.Lang, or the language detected from
	// the references, or "" when neither says anything.
	Lang string
	// Detected says Lang was detected from the references' script.
	Detected bool
	// Note explains a departure from sacreBLEU, such as a tokenizer
	// sacreBLEU would use that paradiff lacks; empty when there is none.
	Note string
	// Segments is the number of segments scored.
	Segments int
}

// Score computes the metrics of hyps against the reference streams refs:
// refs[k][i] is the k-th reference of hyps[i], and every stream must be
// as long as hyps. When opts.BLEU.Tokenize is "", the tokenizer is chosen
// by [TokenizerFor] from opts.Lang or, without it, from the language
// detectTarget finds in the references.
func Score(hyps []string, refs [][]string, opts MetricOptions) (*Metrics, error) {
	m := &Metrics{Segments: len(hyps)}
	if opts.Lang != "" {
		tag, err := language.Parse(opts.Lang)
		if err != nil {
			return nil, fmt.Errorf("diff: bad language tag %q", opts.Lang)
		}
		base, _ := tag.Base()
		m.Lang = base.String()
	} else if opts.Only.Has(MetricBLEU) && opts.BLEU.Tokenize == "" {
		m.Lang = detectTarget(refs...)
		m.Detected = m.Lang != ""
	}
	// The three metrics read the same segments and nothing else: compute
	// them side by side.
	var wg sync.WaitGroup
	var errs [3]error
	if opts.Only.Has(MetricBLEU) {
		b := opts.BLEU
		if b.Tokenize == "" {
			b.Tokenize, m.Note = TokenizerFor(m.Lang)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s metric.BLEUScore
			if s, errs[0] = b.CorpusScore(hyps, refs); errs[0] == nil {
				m.BLEU = &s
			}
		}()
	}
	if opts.Only.Has(MetricCHRF) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s metric.CHRFScore
			if s, errs[1] = opts.CHRF.CorpusScore(hyps, refs); errs[1] == nil {
				m.CHRF = &s
			}
		}()
	}
	if opts.Only.Has(MetricTER) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s metric.TERScore
			if s, errs[2] = opts.TER.CorpusScore(hyps, refs); errs[2] == nil {
				m.TER = &s
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}
	if m.TER != nil && m.TER.Unshifted > 0 {
		n := m.TER.Unshifted
		note := fmt.Sprintf("TER: %d segment%s longer than %d words scored without shifts, so TER is an upper bound of sacreBLEU's",
			n, map[bool]string{true: "s", false: ""}[n != 1], metric.MaxShiftWords)
		m.Note = strings.TrimPrefix(m.Note+"; "+note, "; ")
	}
	return m, nil
}

// TokenizerFor returns the BLEU tokenizer sacreBLEU uses for a target
// language given as a base language code: zh for Chinese and 13a for
// every other language, as sacreBLEU does. For Japanese and Korean
// sacreBLEU uses the ja-mecab and ko-mecab tokenizers, which need the
// MeCab analyser and which paradiff lacks; TokenizerFor returns the char
// tokenizer for them, with a note saying so, so that scores are at least
// computed on characters rather than on whole runs of kana or hangul.
// The signature records the tokenizer either way.
func TokenizerFor(lang string) (tok metric.Tokenizer, note string) {
	switch lang {
	case "zh":
		return metric.TokenizerZh, ""
	case "ja", "ko":
		mecab := map[string]string{"ja": "Japanese with ja-mecab", "ko": "Korean with ko-mecab"}[lang]
		return metric.TokenizerChar, "sacreBLEU tokenizes " + mecab + ", which paradiff lacks; BLEU uses tok:char (choose with --tokenize)"
	}
	return metric.Tokenizer13a, ""
}

// detectTarget names the target language when its tokenizer differs from
// 13a: "zh", "ja" or "ko" as align.DetectLanguage finds it in the first
// 64 KiB of texts, else "" (the languages whose tokenizer is 13a need no
// telling apart).
func detectTarget(texts ...[]string) string {
	const budget = 64 << 10
	var b strings.Builder
scan:
	for _, stream := range texts {
		for _, t := range stream {
			if b.Len() >= budget {
				break scan
			}
			b.WriteString(t)
			b.WriteByte('\n')
		}
	}
	base, _ := align.DetectLanguage(b.String()).Base()
	switch lang := base.String(); lang {
	case "zh", "ja", "ko":
		return lang
	}
	return ""
}

// ScoredSegments returns the comparison as line-aligned segments for the
// metrics, one per bead: B's text as the hypothesis and A's as the
// reference, each the bead's segments joined by a space, with line breaks
// inside them turned into spaces (sacreBLEU reads one segment a line). A
// bead with no segments on a side has the empty string there.
func (c *Comparison) ScoredSegments() (hyps, refs []string) {
	beads := make([]align.Bead, len(c.Beads))
	for i, b := range c.Beads {
		beads[i] = b.Bead
	}
	return scoredSegments(c.A, c.B, beads)
}

func scoredSegments(a, b Document, beads []align.Bead) (hyps, refs []string) {
	hyps, refs = make([]string, len(beads)), make([]string, len(beads))
	for i, bd := range beads {
		hyps[i] = joinSegments(b, bd.B)
		refs[i] = joinSegments(a, bd.A)
	}
	return hyps, refs
}

var lineBreaks = strings.NewReplacer("\r\n", " ", "\r", " ", "\n", " ", "\u2028", " ", "\u2029", " ", "\u0085", " ")

func joinSegments(d Document, idx []int) string {
	switch len(idx) {
	case 0:
		return ""
	case 1:
		return lineBreaks.Replace(d.Segments[idx[0]].Text)
	}
	parts := make([]string, len(idx))
	for i, k := range idx {
		parts[i] = d.Segments[k].Text
	}
	return lineBreaks.Replace(strings.Join(parts, " "))
}

// Plus returns the sum of two summaries' counts, as for the documents of
// a directory.
func (s Summary) Plus(t Summary) Summary {
	for i := range s.Changes {
		s.Changes[i] += t.Changes[i]
	}
	for i := range s.Severities {
		s.Severities[i] += t.Severities[i]
	}
	s.Glossary += t.Glossary
	s.SegmentsA += t.SegmentsA
	s.SegmentsB += t.SegmentsB
	s.Beads += t.Beads
	s.Changed += t.Changed
	return s
}
