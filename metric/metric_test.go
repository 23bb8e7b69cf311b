package metric

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// The sacreBLEU README example, with two reference streams.
var (
	readmeHyps = []string{"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."}
	readmeRefs = [][]string{
		{"The dog bit the man.", "It was not unexpected.", "The man bit him first."},
		{"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."},
	}
)

func TestBLEUString(t *testing.T) {
	s, err := BLEU{}.CorpusScore(readmeHyps, readmeRefs)
	if err != nil {
		t.Fatal(err)
	}
	// sacreBLEU prints this line for the README example.
	want := "BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)"
	if got := s.String(); got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestSignatures(t *testing.T) {
	sig := func(s string) string { return s }
	tests := []struct{ got, want string }{
		{sig(BLEU{}.Signature(1)), "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"},
		{sig(BLEU{Lowercase: true, Tokenize: TokenizerIntl, Smooth: SmoothFloor}.Signature(2)),
			"nrefs:2|case:lc|eff:no|tok:intl|smooth:floor[0.10]|version:2.6.0"},
		{sig(BLEU{Smooth: SmoothAddK, EffectiveOrder: Yes, Tokenize: TokenizerZh}.Signature(-1)),
			"nrefs:var|case:mixed|eff:yes|tok:zh|smooth:add-k[1.00]|version:2.6.0"},
		{sig(BLEU{Smooth: SmoothFloor, SmoothValue: 0.25}.Signature(1)),
			"nrefs:1|case:mixed|eff:no|tok:13a|smooth:floor[0.25]|version:2.6.0"},
		{sig(CHRF{}.Signature(1)), "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0"},
		{sig(CHRF{WordOrder: 2, EpsSmoothing: true, Lowercase: true, Whitespace: true}.Signature(1)),
			"nrefs:1|case:lc|eff:no|nc:6|nw:2|space:yes|version:2.6.0"},
		{TER{}.Signature(1), "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0"},
		{TER{CaseSensitive: true, Normalized: true, NoPunct: true, AsianSupport: true}.Signature(3),
			"nrefs:3|case:mixed|tok:tercom|norm:yes|punct:no|asian:yes|version:2.6.0"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("signature %q, want %q", tt.got, tt.want)
		}
	}

	// Scores carry their signature; sentence BLEU uses the effective order.
	s, _ := BLEU{}.SentenceScore("a b", []string{"a b", "a c"})
	if want := "nrefs:2|case:mixed|eff:yes|tok:13a|smooth:exp|version:2.6.0"; s.Signature != want {
		t.Errorf("SentenceScore signature %q, want %q", s.Signature, want)
	}
	c, _ := CHRF{WordOrder: 2}.CorpusScore([]string{"a"}, [][]string{{"a"}})
	if c.Name != "chrF2++" || !strings.HasPrefix(c.Signature, "nrefs:1|case:mixed|eff:yes|nc:6|nw:2|") {
		t.Errorf("chrF++ score name %q, signature %q", c.Name, c.Signature)
	}
}

func TestErrors(t *testing.T) {
	hyps := []string{"a", "b"}
	tests := []struct {
		name string
		err  error
	}{
		{"BLEU short stream", second(BLEU{}.CorpusScore(hyps, [][]string{{"a"}}))},
		{"BLEU second stream short", second(BLEU{}.CorpusScore(hyps, [][]string{{"a", "b"}, {"a"}}))},
		{"BLEU no refs", second(BLEU{}.CorpusScore(hyps, nil))},
		{"BLEU sentence no refs", second(BLEU{}.SentenceScore("a", nil))},
		{"BLEU tokenizer", second(BLEU{Tokenize: "13b"}.CorpusScore(hyps, [][]string{hyps}))},
		{"BLEU smoothing", second(BLEU{Smooth: "add-one"}.CorpusScore(hyps, [][]string{hyps}))},
		{"BLEU negative value", second(BLEU{Smooth: SmoothFloor, SmoothValue: -1}.CorpusScore(hyps, [][]string{hyps}))},
		{"BLEU negative order", second(BLEU{MaxOrder: -1}.CorpusScore(hyps, [][]string{hyps}))},
		{"BLEU stats", second(BLEU{}.ScoreStats(BLEUStats{Counts: []int{1}, Totals: []int{1}}))},
		{"chrF short stream", second(CHRF{}.CorpusScore(hyps, [][]string{{"a", "b", "c"}}))},
		{"chrF negative beta", second(CHRF{Beta: -1}.CorpusScore(hyps, [][]string{hyps}))},
		{"chrF sentence no refs", second(CHRF{}.SentenceScore("a", []string{}))},
		{"TER short stream", second(TER{}.CorpusScore(hyps, [][]string{{}}))},
		{"TER sentence no refs", second(TER{}.SentenceScore("a", nil))},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.name)
		} else if !strings.HasPrefix(tt.err.Error(), "metric: ") {
			t.Errorf("%s: error %q lacks the package prefix", tt.name, tt.err)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestPerfectAndEmpty(t *testing.T) {
	hyps := []string{"The talks ended on May 8.", "Both sides signed a statement."}
	refs := [][]string{hyps}
	b, _ := BLEU{}.CorpusScore(hyps, refs)
	c, _ := CHRF{}.CorpusScore(hyps, refs)
	cpp, _ := CHRF{WordOrder: 2, EpsSmoothing: true}.CorpusScore(hyps, refs)
	r, _ := TER{}.CorpusScore(hyps, refs)
	// exp(log 100) is 100.00000000000004, in Python as in Go.
	if math.Abs(b.Score-100) > 1e-9 || c.Score != 100 || math.Abs(cpp.Score-100) > 1e-9 || r.Score != 0 {
		t.Errorf("identical texts: BLEU %v chrF %v chrF++ %v TER %v, want 100 100 100 0", b.Score, c.Score, cpp.Score, r.Score)
	}
	// No segments at all: every score is 0, not an error.
	b, err1 := BLEU{}.CorpusScore(nil, [][]string{{}})
	c, err2 := CHRF{}.CorpusScore(nil, [][]string{{}})
	r, err3 := TER{}.CorpusScore(nil, [][]string{{}})
	if err1 != nil || err2 != nil || err3 != nil || b.Score != 0 || c.Score != 0 || r.Score != 0 {
		t.Errorf("empty corpus: %v %v %v / %v %v %v", b.Score, c.Score, r.Score, err1, err2, err3)
	}
	// An empty reference is a reference: TER 100 for a non-empty
	// hypothesis, 0 for an empty one (sacreBLEU 2.6.0).
	if s, _ := (TER{}).SentenceScore("a b", []string{""}); s.Score != 100 || s.NumEdits != 2 {
		t.Errorf("TER against an empty reference = %+v", s)
	}
	if s, _ := (TER{}).SentenceScore("", []string{""}); s.Score != 0 {
		t.Errorf("TER of empty against empty = %v", s.Score)
	}
}

func TestBLEUMultipleReferences(t *testing.T) {
	// Closest reference length, the shorter one on a tie: the hypothesis
	// has 3 tokens, the references 2 and 4.
	s, err := BLEU{Tokenize: TokenizerNone}.SentenceScore("a b c", []string{"x y z w", "a b"})
	if err != nil {
		t.Fatal(err)
	}
	if s.SysLen != 3 || s.RefLen != 2 {
		t.Errorf("SysLen, RefLen = %d, %d, want 3, 2", s.SysLen, s.RefLen)
	}
	// Clipping uses the maximum count over references.
	s, _ = BLEU{Tokenize: TokenizerNone}.SentenceScore("the the the", []string{"the cat", "the the dog"})
	if s.Counts[0] != 2 || s.Totals[0] != 3 {
		t.Errorf("unigram counts %d/%d, want 2/3", s.Counts[0], s.Totals[0])
	}
	// Effective order: a two-word sentence is scored on 1- and 2-grams.
	s, _ = BLEU{}.SentenceScore("a b", []string{"a b"})
	if math.Abs(s.Score-100) > 1e-9 {
		t.Errorf("sentence BLEU of identical 2-word texts = %v, want 100", s.Score)
	}
	s, _ = BLEU{EffectiveOrder: No}.SentenceScore("a b", []string{"a b"})
	if s.Score != 0 {
		t.Errorf("sentence BLEU without effective order = %v, want 0", s.Score)
	}
}

func TestCHRFBestReference(t *testing.T) {
	one, _ := CHRF{}.SentenceScore("the cat sat", []string{"the cat sat"})
	both, _ := CHRF{}.SentenceScore("the cat sat", []string{"a dog stood", "the cat sat"})
	if one.Score != 100 || both.Score != 100 {
		t.Errorf("chrF with the matching reference second = %v, want 100", both.Score)
	}
}

func TestTERShift(t *testing.T) {
	// One shift of "a b c" to the front fixes the hypothesis.
	s, err := TER{}.SentenceScore("d e f g h a b c", []string{"a b c d e f g h"})
	if err != nil {
		t.Fatal(err)
	}
	if s.NumEdits != 1 || s.RefLength != 8 || s.Score != 12.5 {
		t.Errorf("TER = %+v, want 1 edit over 8 words", s)
	}
	// Best reference for edits, mean length of references for the length.
	s, _ = TER{}.SentenceScore("a b c", []string{"a b c d", "x"})
	if s.NumEdits != 1 || s.RefLength != 2.5 {
		t.Errorf("TER = %+v, want 1 edit over 2.5 words", s)
	}
}

// TestPerformShift checks performShift against a direct construction.
func TestPerformShift(t *testing.T) {
	words := []int32{0, 1, 2, 3, 4, 5}
	for start := 0; start < len(words); start++ {
		for length := 1; start+length <= len(words); length++ {
			for target := 0; target <= len(words); target++ {
				got := performShift(nil, words, start, length, target)
				if len(got) != len(words) {
					t.Fatalf("performShift(%d, %d, %d) = %v: wrong length", start, length, target, got)
				}
				if target <= start || target > start+length {
					// The block moves to before the word at target.
					var want []int32
					rest := append(append([]int32{}, words[:start]...), words[start+length:]...)
					pos := target
					if target > start {
						pos = target - length
					}
					want = append(want, rest[:pos]...)
					want = append(want, words[start:start+length]...)
					want = append(want, rest[pos:]...)
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("performShift(%d, %d, %d) = %v, want %v", start, length, target, got, want)
					}
				}
			}
		}
	}
	// A target inside the block (start < target <= start+length) follows
	// sacreBLEU's list slicing, which moves the block target-start words
	// to the right, clamped at the end. Expected values from Python.
	for _, tt := range []struct {
		start, length, target int
		want                  string
	}{
		{1, 2, 2, "[0 3 1 2 4 5]"},
		{1, 2, 3, "[0 3 4 1 2 5]"},
		{0, 1, 1, "[1 0 2 3 4 5]"},
		{2, 3, 5, "[0 1 5 2 3 4]"},
		{3, 3, 6, "[0 1 2 3 4 5]"},
		{4, 2, 6, "[0 1 2 3 4 5]"},
		{0, 6, 6, "[0 1 2 3 4 5]"},
	} {
		if got := fmt.Sprint(performShift(nil, words, tt.start, tt.length, tt.target)); got != tt.want {
			t.Errorf("performShift(%d, %d, %d) = %s, want %s", tt.start, tt.length, tt.target, got, tt.want)
		}
	}
}
