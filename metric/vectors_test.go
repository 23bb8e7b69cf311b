package metric

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"
)

// vector is one line of testdata/pytest_vectors.jsonl: a case from
// sacreBLEU 2.6.0's own test suite.
type vector struct {
	File       string        `json:"file"`
	List       string        `json:"list"`
	Index      int           `json:"index"`
	Metric     string        `json:"metric"`
	API        string        `json:"api"`
	Options    vectorOptions `json:"options"`
	Tolerance  *float64      `json:"tolerance"`
	ScaleNote  string        `json:"expected_scale_note"`
	rawArgs    json.RawMessage
	lineNumber int
}

type vectorOptions struct {
	Tokenize       string   `json:"tokenize"`
	SmoothMethod   string   `json:"smooth_method"`
	SmoothValue    *float64 `json:"smooth_value"`
	EffectiveOrder *bool    `json:"effective_order"`
	CharOrder      int      `json:"char_order"`
	WordOrder      int      `json:"word_order"`
	Beta           int      `json:"beta"`
	EpsSmoothing   bool     `json:"eps_smoothing"`
	Whitespace     bool     `json:"whitespace"`
	Normalized     bool     `json:"normalized"`
	NoPunct        bool     `json:"no_punct"`
	AsianSupport   bool     `json:"asian_support"`
	CaseSensitive  bool     `json:"case_sensitive"`
}

func (v vector) name() string { return fmt.Sprintf("%s/%s/%d", v.Metric, v.List, v.Index) }

// knownFailures lists the vectors this package does not reproduce, with
// the reason. The test fails if one of them starts passing, so that the
// entry gets removed. It is empty: every vector passes.
var knownFailures = map[string]string{}

func readVectors(t *testing.T) []vector {
	t.Helper()
	f, err := os.Open("testdata/pytest_vectors.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var vs []vector
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var v vector
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("pytest_vectors.jsonl:%d: %v", n, err)
		}
		var raw struct {
			Args json.RawMessage `json:"args"`
		}
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("pytest_vectors.jsonl:%d: %v", n, err)
		}
		v.rawArgs, v.lineNumber = raw.Args, n
		vs = append(vs, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return vs
}

// TestSacreBLEUVectors runs every case of sacreBLEU 2.6.0's test suite
// (testdata/pytest_vectors.jsonl) and compares with its expected value
// within its tolerance.
func TestSacreBLEUVectors(t *testing.T) {
	vs := readVectors(t)
	if len(vs) != 88 {
		t.Errorf("read %d vectors, want 88", len(vs))
	}
	passed := 0
	seen := map[string]bool{}
	for _, v := range vs {
		name := v.name()
		if seen[name] {
			t.Fatalf("duplicate vector name %s", name)
		}
		seen[name] = true
		err := runVector(v)
		reason, known := knownFailures[name]
		switch {
		case err == nil && known:
			t.Errorf("%s (line %d) passes but is listed as a known failure (%s): remove it from knownFailures", name, v.lineNumber, reason)
		case err == nil:
			passed++
		case known:
			t.Logf("%s: known failure (%s): %v", name, reason, err)
		default:
			t.Errorf("%s (line %d, %s): %v", name, v.lineNumber, v.API, err)
		}
	}
	t.Logf("sacreBLEU vectors: %d/%d pass", passed, len(vs))
}

// runVector checks one vector, returning an error describing a mismatch.
func runVector(v vector) error {
	switch v.Metric {
	case "bleu":
		return runBLEUVector(v)
	case "bleu_stats":
		var a struct {
			Hyps     []string   `json:"hyps"`
			Refs     [][]string `json:"refs"`
			Expected struct {
				Common []int `json:"common"`
				Total  []int `json:"total"`
			} `json:"expected"`
		}
		if err := json.Unmarshal(v.rawArgs, &a); err != nil {
			return err
		}
		m := BLEU{Tokenize: Tokenizer(v.Options.Tokenize), Smooth: Smooth(v.Options.SmoothMethod),
			SmoothValue: *v.Options.SmoothValue, EffectiveOrder: Yes}
		s, err := m.CorpusScore(a.Hyps, a.Refs)
		if err != nil {
			return err
		}
		if fmt.Sprint(s.Counts) != fmt.Sprint(a.Expected.Common) || fmt.Sprint(s.Totals) != fmt.Sprint(a.Expected.Total) {
			return fmt.Errorf("counts %v totals %v, want %v %v", s.Counts, s.Totals, a.Expected.Common, a.Expected.Total)
		}
		return nil
	case "bleu_from_stats":
		var a struct {
			Stats       []json.RawMessage `json:"stats"`
			SmoothValue *float64          `json:"smooth_value"`
			Expected    float64           `json:"expected"`
		}
		if err := json.Unmarshal(v.rawArgs, &a); err != nil {
			return err
		}
		var st struct {
			Common []int `json:"common"`
			Total  []int `json:"total"`
		}
		var sys, ref int
		if len(a.Stats) != 3 {
			return fmt.Errorf("stats has %d elements", len(a.Stats))
		}
		for i, p := range []any{&st, &sys, &ref} {
			if err := json.Unmarshal(a.Stats[i], p); err != nil {
				return err
			}
		}
		m := BLEU{Smooth: Smooth(v.Options.SmoothMethod)}
		if a.SmoothValue != nil {
			m = withSmoothValue(m, *a.SmoothValue)
		}
		s, err := m.ScoreStats(BLEUStats{SysLen: sys, RefLen: ref, Counts: st.Common, Totals: st.Total})
		if err != nil {
			return err
		}
		return v.check(s.Score, a.Expected)
	case "bleu_sentence":
		var a struct {
			SmoothMethod string   `json:"smooth_method"`
			SmoothValue  *float64 `json:"smooth_value"`
			Lowercase    bool     `json:"lowercase"`
			Tokenize     string   `json:"tokenize"`
			Expected     float64  `json:"expected"`
			Hyp          string   `json:"hyp"`
			Refs         []string `json:"refs"`
		}
		if err := json.Unmarshal(v.rawArgs, &a); err != nil {
			return err
		}
		m := BLEU{Tokenize: Tokenizer(a.Tokenize), Lowercase: a.Lowercase, Smooth: Smooth(a.SmoothMethod)}
		if a.SmoothValue != nil {
			m = withSmoothValue(m, *a.SmoothValue)
		}
		if !*v.Options.EffectiveOrder {
			return fmt.Errorf("unexpected effective_order false")
		}
		// EffectiveOrder Auto: SentenceScore's default is on.
		s, err := m.SentenceScore(a.Hyp, a.Refs)
		if err != nil {
			return err
		}
		return v.check(s.Score, a.Expected)
	case "chrf", "chrf_sentence":
		var a struct {
			Hyps     []string `json:"hyps"`
			Refs1    []string `json:"refs_single_stream"`
			Hyp      string   `json:"hyp"`
			Refs     []string `json:"refs"`
			Expected float64  `json:"expected"`
		}
		if err := json.Unmarshal(v.rawArgs, &a); err != nil {
			return err
		}
		o := v.Options
		m := CHRF{CharOrder: o.CharOrder, WordOrder: o.WordOrder, Beta: o.Beta,
			EpsSmoothing: o.EpsSmoothing, Whitespace: o.Whitespace}
		var s CHRFScore
		var err error
		if v.Metric == "chrf" {
			s, err = m.CorpusScore(a.Hyps, [][]string{a.Refs1})
		} else {
			s, err = m.SentenceScore(a.Hyp, a.Refs)
		}
		if err != nil {
			return err
		}
		return v.check(s.Score, a.Expected)
	case "ter":
		var a struct {
			Hyps     []string `json:"hyps"`
			Refs1    []string `json:"refs_single_stream"`
			Expected float64  `json:"expected"`
		}
		if err := json.Unmarshal(v.rawArgs, &a); err != nil {
			return err
		}
		o := v.Options
		m := TER{Normalized: o.Normalized, NoPunct: o.NoPunct, AsianSupport: o.AsianSupport, CaseSensitive: o.CaseSensitive}
		s, err := m.CorpusScore(a.Hyps, [][]string{a.Refs1})
		if err != nil {
			return err
		}
		return v.check(s.Score, a.Expected)
	case "ter_tokenizer":
		var a struct {
			Input    string `json:"input"`
			Expected string `json:"expected"`
		}
		if err := json.Unmarshal(v.rawArgs, &a); err != nil {
			return err
		}
		o := v.Options
		m := TER{Normalized: o.Normalized, NoPunct: o.NoPunct, AsianSupport: o.AsianSupport, CaseSensitive: o.CaseSensitive}
		if got := m.Tokenize(a.Input); got != a.Expected {
			return fmt.Errorf("Tokenize(%q) = %q, want %q", a.Input, got, a.Expected)
		}
		return nil
	}
	return fmt.Errorf("unknown metric %q", v.Metric)
}

// withSmoothValue sets the smoothing value, mapping an explicit 0 (which
// this package's zero value reserves for the default) to SmoothNone: floor
// and add-k smoothing with 0 compute the same scores as no smoothing.
func withSmoothValue(m BLEU, value float64) BLEU {
	if value == 0 && (m.Smooth == SmoothFloor || m.Smooth == SmoothAddK) {
		m.Smooth = SmoothNone
		return m
	}
	m.SmoothValue = value
	return m
}

func runBLEUVector(v vector) error {
	var a struct {
		Hyps        []string       `json:"hyps"`
		Refs        [][]string     `json:"refs"`
		Kwargs      map[string]any `json:"kwargs"`
		Expected    *float64       `json:"expected"`
		ExpectedStr string         `json:"expected_str"`
		MaxOrder    int            `json:"max_ngram_order"`
		Floor01     *float64       `json:"expected_floor_0.1"`
		Floor00     *float64       `json:"expected_floor_0.0"`
	}
	if err := json.Unmarshal(v.rawArgs, &a); err != nil {
		return err
	}
	o := v.Options
	m := BLEU{Tokenize: Tokenizer(o.Tokenize), Smooth: Smooth(o.SmoothMethod), MaxOrder: a.MaxOrder}
	if o.SmoothValue != nil {
		m = withSmoothValue(m, *o.SmoothValue)
	}
	if o.EffectiveOrder != nil {
		m.EffectiveOrder = No
		if *o.EffectiveOrder {
			m.EffectiveOrder = Yes
		}
	}
	for k, val := range a.Kwargs {
		switch k {
		case "tokenize":
			m.Tokenize = Tokenizer(val.(string))
		case "smooth_method":
			m.Smooth = Smooth(val.(string))
		default:
			return fmt.Errorf("unknown kwarg %q", k)
		}
	}
	switch {
	case a.Floor01 != nil:
		// raw_corpus_bleu with the default floor value, then with 0.
		s, err := m.CorpusScore(a.Hyps, a.Refs)
		if err != nil {
			return err
		}
		if err := v.check(s.Score, *a.Floor01); err != nil {
			return fmt.Errorf("floor 0.1: %v", err)
		}
		s, err = withSmoothValue(m, 0).CorpusScore(a.Hyps, a.Refs)
		if err != nil {
			return err
		}
		if err := v.check(s.Score, *a.Floor00); err != nil {
			return fmt.Errorf("floor 0.0: %v", err)
		}
		return nil
	case a.ExpectedStr != "":
		s, err := m.CorpusScore(a.Hyps, a.Refs)
		if err != nil {
			return err
		}
		if got := strconv.FormatFloat(s.Score, 'f', 2, 64); got != a.ExpectedStr {
			return fmt.Errorf("score %s (%v), want %s", got, s.Score, a.ExpectedStr)
		}
		return nil
	case a.Expected != nil:
		s, err := m.CorpusScore(a.Hyps, a.Refs)
		if err != nil {
			return err
		}
		return v.check(s.Score, *a.Expected)
	}
	return fmt.Errorf("no expected value")
}

// check compares a score in [0, 100] with the expected value. When the
// vector's expected value is in [0, 1] (expected_scale_note), the score is
// compared with 100 times it; the tolerance is applied on the 0-100 scale,
// which is the stricter reading for every vector.
func (v vector) check(score, expected float64) error {
	if v.ScaleNote != "" {
		expected *= 100
	}
	tol := 0.0
	if v.Tolerance != nil {
		tol = *v.Tolerance
	}
	if d := math.Abs(score - expected); d > tol || math.IsNaN(score) {
		return fmt.Errorf("score %.10g, want %.10g (difference %.3g, tolerance %g)", score, expected, d, tol)
	}
	return nil
}
