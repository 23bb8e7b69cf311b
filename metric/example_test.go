package metric_test

import (
	"fmt"

	"github.com/paradiff/paradiff/metric"
)

func ExampleBLEU_CorpusScore() {
	hyps := []string{"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."}
	refs := [][]string{
		{"The dog bit the man.", "It was not unexpected.", "The man bit him first."},
		{"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."},
	}
	s, err := metric.BLEU{}.CorpusScore(hyps, refs)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.2f\n%s\n%s\n", s.Score, s, s.Signature)
	// Output:
	// 48.53
	// BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)
	// nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0
}

func ExampleBLEU_SentenceScore() {
	s, err := metric.BLEU{}.SentenceScore("The talks lasted three hours.", []string{"The talks went on for three hours."})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.2f %s\n", s.Score, s.Signature)
	// Output: 27.22 nrefs:1|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0
}

func ExampleCHRF_CorpusScore() {
	hyps := []string{"The talks lasted three hours."}
	refs := [][]string{{"The talks went on for three hours."}}
	chrf, _ := metric.CHRF{}.CorpusScore(hyps, refs)
	chrfpp, _ := metric.CHRF{WordOrder: 2}.CorpusScore(hyps, refs)
	fmt.Println(chrf, chrf.Signature)
	fmt.Println(chrfpp, chrfpp.Signature)
	// Output:
	// chrF2 = 56.76 nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0
	// chrF2++ = 56.53 nrefs:1|case:mixed|eff:yes|nc:6|nw:2|space:no|version:2.6.0
}

func ExampleTER_CorpusScore() {
	// One shift (moving "three hours" to the end) fixes the hypothesis.
	hyps := []string{"Three hours the talks lasted"}
	refs := [][]string{{"The talks lasted three hours"}}
	s, _ := metric.TER{}.CorpusScore(hyps, refs)
	fmt.Printf("%s: %d edits over %.0f words\n%s\n", s, s.NumEdits, s.RefLength, s.Signature)
	// Output:
	// TER = 20.00: 1 edits over 5 words
	// nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0
}

func ExampleTokenizer_Tokenize() {
	for _, tok := range []metric.Tokenizer{metric.Tokenizer13a, metric.TokenizerIntl, metric.TokenizerZh} {
		s, _ := tok.Tokenize("«Hello», 3.5 hours—2025年.")
		fmt.Printf("%-4s %s\n", tok, s)
	}
	// Output:
	// 13a  «Hello» , 3.5 hours—2025年 .
	// intl « Hello » , 3.5 hours — 2025年 .
	// zh   «Hello» , 3.5 hours — 2025 年 .
}
