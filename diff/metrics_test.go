package diff

import (
	"math"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/metric"
)

func TestDetectTarget(t *testing.T) {
	for _, tt := range []struct {
		name string
		refs []string
		want string
	}{
		{"english", []string{"The talks began in Moscow.", "Both sides agreed."}, ""},
		{"empty", []string{"", ""}, ""},
		{"chinese", []string{"中俄两国元首在莫斯科举行会谈。", "双方签署了联合声明。"}, "zh"},
		{"chinese with latin names", []string{"习近平同普京（Putin）会谈，讨论了 BRICS 合作。"}, "zh"},
		{"japanese", []string{"両首脳はモスクワで会談を行いました。", "共同声明に署名しました。"}, "ja"},
		{"korean", []string{"양국 정상은 모스크바에서 회담을 가졌다."}, "ko"},
		{"english quoting chinese", []string{"The phrase 命运共同体 means a community with a shared future for mankind."}, ""},
		{"russian", []string{"Переговоры прошли в Москве."}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := detectTarget(tt.refs); got != tt.want {
				t.Errorf("detectTarget(%q) = %q, want %q", tt.refs, got, tt.want)
			}
		})
	}
}

func TestTokenizerFor(t *testing.T) {
	for lang, want := range map[string]metric.Tokenizer{"": metric.Tokenizer13a, "en": metric.Tokenizer13a, "zh": metric.TokenizerZh, "ja": metric.TokenizerChar, "ko": metric.TokenizerChar} {
		tok, note := TokenizerFor(lang)
		if tok != want {
			t.Errorf("TokenizerFor(%q) = %q, want %q", lang, tok, want)
		}
		if (note != "") != (lang == "ja" || lang == "ko") {
			t.Errorf("TokenizerFor(%q) note %q", lang, note)
		}
	}
}

// TestScore checks Score against sacreBLEU's own test values and the
// tokenizer it picks for the language.
func TestScore(t *testing.T) {
	hyps := []string{"The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."}
	refs := [][]string{
		{"The dog bit the man.", "It was not unexpected.", "The man bit him first."},
		{"The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."},
	}
	m, err := Score(hyps, refs, MetricOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(m.BLEU.Score-48.53082) > 1e-4 {
		t.Errorf("BLEU %.5f, want 48.53082 (sacreBLEU test_bleu.py)", m.BLEU.Score)
	}
	if want := "nrefs:2|case:mixed|eff:no|tok:13a|smooth:exp|version:" + metric.Version; m.BLEU.Signature != want {
		t.Errorf("BLEU signature %q, want %q", m.BLEU.Signature, want)
	}
	if m.CHRF == nil || m.TER == nil || m.Segments != 3 || m.Lang != "" {
		t.Errorf("Score = %+v, want all three metrics over 3 segments, no language", m)
	}

	m, err = Score([]string{"d e f g h a b c"}, [][]string{{"a b c d e f g h"}}, MetricOptions{Only: MetricTER})
	if err != nil {
		t.Fatal(err)
	}
	if m.BLEU != nil || m.CHRF != nil || m.TER.Score != 12.5 {
		t.Errorf("TER only: %+v, want TER 12.5 alone (sacreBLEU test_ter.py)", m)
	}

	zh := [][]string{{"双方签署了联合声明。"}}
	for _, tt := range []struct {
		opts    MetricOptions
		wantTok string
		lang    string
	}{
		{MetricOptions{}, "tok:zh", "zh"},
		{MetricOptions{Lang: "zh-Hans"}, "tok:zh", "zh"},
		{MetricOptions{Lang: "en"}, "tok:13a", "en"},
		{MetricOptions{BLEU: metric.BLEU{Tokenize: metric.TokenizerChar}}, "tok:char", ""},
		{MetricOptions{Lang: "ja"}, "tok:char", "ja"},
	} {
		m, err := Score([]string{"双方签署联合声明。"}, zh, tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.BLEU.Signature, tt.wantTok) || m.Lang != tt.lang {
			t.Errorf("Score with %+v: signature %q and language %q, want %s and %q", tt.opts, m.BLEU.Signature, m.Lang, tt.wantTok, tt.lang)
		}
	}

	if _, err := Score(hyps, refs, MetricOptions{BLEU: metric.BLEU{Tokenize: "ja-mecab"}}); err == nil {
		t.Error("Score with an unknown tokenizer: no error")
	}
	if err := (MetricOptions{Lang: "not a tag!"}).Check(); err == nil {
		t.Error("Check with a bad language tag: no error")
	}
	if err := (MetricOptions{BLEU: metric.BLEU{Smooth: "sometimes"}}).Check(); err == nil {
		t.Error("Check with an unknown smoothing: no error")
	}
	if err := (MetricOptions{Lang: "zh"}).Check(); err != nil {
		t.Errorf("Check of good options: %v", err)
	}
}

// TestCompareMetrics checks that Compare scores one segment per bead, an
// empty side counting as the empty string.
func TestCompareMetrics(t *testing.T) {
	a := Document{Text: "The talks began in Moscow.\nA band played the anthems.\nThe press was told.\n"}
	b := Document{Text: "The talks began in Moscow.\nThe press was told.\n"}
	c := Compare(a, b, Options{ByLine: true, Metrics: true})
	if c.Metrics == nil {
		t.Fatal("Compare with Metrics: nil Metrics")
	}
	hyps, refs := c.ScoredSegments()
	want := metric.BLEU{}
	s, err := want.CorpusScore(hyps, [][]string{refs})
	if err != nil {
		t.Fatal(err)
	}
	if c.Metrics.BLEU.Score != s.Score || c.Metrics.Segments != len(c.Beads) {
		t.Errorf("Compare BLEU %v over %d segments, want %v over %d", c.Metrics.BLEU.Score, c.Metrics.Segments, s.Score, len(c.Beads))
	}
	if len(c.Beads) != 3 || hyps[1] != "" || refs[1] != "A band played the anthems." {
		t.Errorf("ScoredSegments = %q, %q; want the omitted line against an empty hypothesis", hyps, refs)
	}
	if c.Metrics.TER.NumEdits != 5 {
		t.Errorf("TER edits %d, want 5 (the omitted line's words)", c.Metrics.TER.NumEdits)
	}
	if Compare(a, b, Options{ByLine: true}).Metrics != nil {
		t.Error("Compare without Metrics computed them")
	}
	if s := Compare(a, a, Options{Metrics: true}).Metrics.BLEU.Score; math.Abs(s-100) > 1e-9 {
		t.Errorf("a text against itself: BLEU %v, want 100", s)
	}
}

func TestJoinSegmentsLineBreaks(t *testing.T) {
	a := Document{Text: "The talks\nbegan. They ended."}
	c := Compare(a, a, Options{Metrics: true})
	_, refs := c.ScoredSegments()
	for _, r := range refs {
		if strings.ContainsAny(r, "\r\n") {
			t.Errorf("scored segment %q holds a line break", r)
		}
	}
}

func TestSummaryPlus(t *testing.T) {
	var s, t1 Summary
	t1.Changes[Omission] = 2
	t1.Severities[SeverityCritical] = 1
	t1.SegmentsA, t1.Beads, t1.Glossary = 3, 4, 1
	s = s.Plus(t1).Plus(t1)
	if s.Count(Omission) != 4 || s.CountSeverity(SeverityCritical) != 2 || s.SegmentsA != 6 || s.Beads != 8 || s.Glossary != 2 {
		t.Errorf("Plus = %+v", s)
	}
}
