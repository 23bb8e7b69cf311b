package main

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/metric"
)

// The corpus of sacreBLEU's test_bleu.py (test_corpus_bleu_cases): three
// hypotheses and two reference streams.
var (
	dogHyps = "The dog bit the man.\nIt wasn't surprising.\nThe man had just bitten him.\n"
	dogRef1 = "The dog bit the man.\nIt was not unexpected.\nThe man bit him first.\n"
	dogRef2 = "The dog had bit the man.\nNo one was surprised.\nThe man had bitten the dog.\n"
)

type scoreJSON struct {
	BLEU *struct {
		Score     float64 `json:"score"`
		Signature string  `json:"signature"`
	} `json:"bleu"`
	CHRF *struct {
		Name      string  `json:"name"`
		Score     float64 `json:"score"`
		Signature string  `json:"signature"`
	} `json:"chrf"`
	TER *struct {
		Score     float64 `json:"score"`
		Signature string  `json:"signature"`
	} `json:"ter"`
	Lang     string `json:"lang"`
	Detected bool   `json:"lang_detected"`
}

func scoreOutput(t *testing.T, args ...string) (scoreJSON, string) {
	t.Helper()
	code, out, stderr := runCmd(t, "", append([]string{"score", "-f", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("paradiff score %q: exit %d: %s", args, code, stderr)
	}
	var s scoreJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("paradiff score %q: %v\n%s", args, err, out)
	}
	return s, stderr
}

// TestScoreSacreBLEUValues checks paradiff score against values from
// sacreBLEU's own tests (metric/testdata/pytest_vectors.jsonl).
func TestScoreSacreBLEUValues(t *testing.T) {
	dir := t.TempDir()
	hyp := write(t, dir, "hyp.txt", []byte(dogHyps))
	ref1 := write(t, dir, "ref1.txt", []byte(dogRef1))
	ref2 := write(t, dir, "ref2.txt", []byte(dogRef2))
	for _, tt := range []struct {
		flags  []string
		want   float64
		sigTok string
	}{
		{nil, 48.530827, "tok:13a"},
		{[]string{"--tokenize", "none"}, 49.1919566, "tok:none"},
		{[]string{"--tokenize", "intl"}, 43.91623493, "tok:intl"},
		{[]string{"--smooth", "none"}, 48.530827, "smooth:none"},
	} {
		s, _ := scoreOutput(t, append(tt.flags, "-r", ref1, "--ref", ref2, hyp)...)
		if math.Abs(s.BLEU.Score-tt.want) > 1e-6 {
			t.Errorf("score %q: BLEU %.7f, want %.7f", tt.flags, s.BLEU.Score, tt.want)
		}
		if !strings.HasPrefix(s.BLEU.Signature, "nrefs:2|") || !strings.Contains(s.BLEU.Signature, tt.sigTok) {
			t.Errorf("score %q: signature %q, want nrefs:2 and %s", tt.flags, s.BLEU.Signature, tt.sigTok)
		}
	}

	// TER of a rotated sentence: one shift of five words over eight
	// (sacreBLEU test_ter.py).
	h := write(t, dir, "ter-hyp.txt", []byte("d e f g h a b c\n"))
	r := write(t, dir, "ter-ref.txt", []byte("a b c d e f g h\n"))
	s, _ := scoreOutput(t, "--metrics", "ter", "-r", r, h)
	if s.TER == nil || s.TER.Score != 12.5 || s.BLEU != nil || s.CHRF != nil {
		t.Errorf("score --metrics ter: %+v, want TER 12.5 alone", s)
	}

	// chrF++ as package metric computes it (checked there against sacreBLEU).
	s, _ = scoreOutput(t, "--chrf-word-order", "2", "-r", ref1, "-r", ref2, hyp)
	want, _ := metric.CHRF{WordOrder: 2}.CorpusScore(strings.Split(strings.TrimSuffix(dogHyps, "\n"), "\n"),
		[][]string{strings.Split(strings.TrimSuffix(dogRef1, "\n"), "\n"), strings.Split(strings.TrimSuffix(dogRef2, "\n"), "\n")})
	if s.CHRF.Score != want.Score || s.CHRF.Name != "chrF2++" || s.CHRF.Signature != want.Signature {
		t.Errorf("chrF++ = %+v, want %v %s", s.CHRF, want, want.Signature)
	}
}

// TestScoreText checks the text format: sacreBLEU's NAME|signature = score.
func TestScoreText(t *testing.T) {
	dir := t.TempDir()
	hyp := write(t, dir, "hyp.txt", []byte(dogHyps))
	ref1 := write(t, dir, "ref1.txt", []byte(dogRef1))
	ref2 := write(t, dir, "ref2.txt", []byte(dogRef2))
	code, out, stderr := runCmd(t, "", "score", "-r", ref1, "-r", ref2, hyp)
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	want := []*regexp.Regexp{
		regexp.MustCompile(`^BLEU\|nrefs:2\|case:mixed\|eff:no\|tok:13a\|smooth:exp\|version:2\.6\.0 = 48\.53 82\.4/50\.0/45\.5/37\.5 \(BP = 0\.943 ratio = 0\.944 hyp_len = 17 ref_len = 18\)$`),
		regexp.MustCompile(`^chrF2\|nrefs:2\|case:mixed\|eff:yes\|nc:6\|nw:0\|space:no\|version:2\.6\.0 = \d+\.\d\d$`),
		regexp.MustCompile(`^TER\|nrefs:2\|case:lc\|tok:tercom\|norm:no\|punct:yes\|asian:no\|version:2\.6\.0 = \d+\.\d\d$`),
	}
	if len(lines) != len(want) {
		t.Fatalf("score printed %d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("line %d = %q, want %s", i+1, lines[i], re)
		}
	}
}

// TestScoreLanguage checks that a Chinese target gets the zh tokenizer,
// as sacreBLEU gives it, whether --lang says so or the script does.
func TestScoreLanguage(t *testing.T) {
	dir := t.TempDir()
	ref := write(t, dir, "ref.zh", []byte("双方签署了联合声明。\n两国元首会见了记者。\n"))
	hyp := write(t, dir, "hyp.zh", []byte("双方签署联合声明。\n两国元首共同会见记者。\n"))
	ja := write(t, dir, "ref.ja", []byte("両首脳は共同声明に署名しました。\nその後、記者会見を行いました。\n"))
	jaHyp := write(t, dir, "hyp.ja", []byte("両首脳は共同声明に署名した。\nその後、記者会見を行った。\n"))
	for _, tt := range []struct {
		args     []string
		tok      string
		lang     string
		detected bool
		note     bool
	}{
		{[]string{"-r", ref, hyp}, "tok:zh", "zh", true, false},
		{[]string{"--lang", "zh-Hans", "-r", ref, hyp}, "tok:zh", "zh", false, false},
		{[]string{"--lang", "en", "-r", ref, hyp}, "tok:13a", "en", false, false},
		{[]string{"--tokenize", "char", "-r", ref, hyp}, "tok:char", "", false, false},
		{[]string{"-r", ja, jaHyp}, "tok:char", "ja", true, true},
	} {
		s, stderr := scoreOutput(t, tt.args...)
		if !strings.Contains(s.BLEU.Signature, tt.tok) || s.Lang != tt.lang || s.Detected != tt.detected {
			t.Errorf("score %q: signature %q, lang %q detected %v; want %s, %q, %v", tt.args, s.BLEU.Signature, s.Lang, s.Detected, tt.tok, tt.lang, tt.detected)
		}
		if got := strings.Contains(stderr, "ja-mecab"); got != tt.note {
			t.Errorf("score %q: stderr %q, want a note about ja-mecab: %v", tt.args, stderr, tt.note)
		}
	}
}

func TestScoreErrorsAndGates(t *testing.T) {
	dir := t.TempDir()
	hyp := write(t, dir, "hyp.txt", []byte(dogHyps))
	ref1 := write(t, dir, "ref1.txt", []byte(dogRef1))
	ref2 := write(t, dir, "ref2.txt", []byte(dogRef2))
	short := write(t, dir, "short.txt", []byte("The dog bit the man.\n"))
	crlf := write(t, dir, "crlf.txt", []byte(strings.ReplaceAll(dogRef1, "\n", "\r\n")))
	binary := write(t, dir, "bin.txt", []byte("a\x00b\n"))
	for _, tt := range []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStderr string
	}{
		{"CRLF lines", []string{"-r", crlf, hyp}, "", 0, ""},
		{"hypothesis on standard input", []string{"-r", ref1, "-"}, dogHyps, 0, ""},
		{"line counts differ", []string{"-r", ref1, "-r", short, hyp}, "", 2, "hyp.txt has 3 lines but " + short + " has 1"},
		{"no reference", []string{hyp}, "", 2, "score needs a reference: -r REF"},
		{"two hypotheses", []string{"-r", ref1, hyp, hyp}, "", 2, "got 2 arguments"},
		{"two standard inputs", []string{"-r", "-", "-"}, "", 2, "only one of the files can be standard input"},
		{"missing reference", []string{"-r", dir + "/nope.txt", hyp}, "", 2, "nope.txt: no such file"},
		{"binary reference", []string{"-r", binary, hyp}, "", 2, "bin.txt: binary file"},
		{"bad tokenizer", []string{"--tokenize", "ja-mecab", "-r", ref1, hyp}, "", 2, `--tokenize "ja-mecab"`},
		{"bad smoothing", []string{"--smooth", "lots", "-r", ref1, hyp}, "", 2, `--smooth "lots"`},
		{"bad metric", []string{"--metrics", "bleu,meteor", "-r", ref1, hyp}, "", 2, `--metrics "bleu,meteor"`},
		{"bad language", []string{"--lang", "!!", "-r", ref1, hyp}, "", 2, `--lang "!!"`},
		{"bad format", []string{"-f", "markdown", "-r", ref1, hyp}, "", 2, `--format "markdown"`},
		{"no metric", []string{"--metrics", "none", "-r", ref1, hyp}, "", 2, "--metrics none leaves nothing to score"},
		{"gate on a metric not computed", []string{"--metrics", "bleu", "--min-chrf", "50", "-r", ref1, hyp}, "", 2, "--min-chrf needs that metric"},
		{"change gates are not for score", []string{"--fail-on", "omission", "-r", ref1, hyp}, "", 2, "score takes the score gates"},
		{"min-bleu trips", []string{"--min-bleu", "50", "-r", ref1, "-r", ref2, hyp}, "", 1, "paradiff: gate --min-bleu 50: BLEU 48.53\n"},
		{"min-bleu passes", []string{"--min-bleu", "48.5", "-r", ref1, "-r", ref2, hyp}, "", 0, ""},
		{"max-ter trips", []string{"--max-ter", "10", "-r", ref1, hyp}, "", 1, "paradiff: gate --max-ter 10: TER "},
		{"min-chrf trips", []string{"--min-chrf", "99", "-r", ref1, hyp}, "", 1, "paradiff: gate --min-chrf 99: chrF2 "},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.stdin, append([]string{"score"}, tt.args...)...)
			if code != tt.wantCode {
				t.Errorf("score %q: exit %d, want %d (stderr %q)", tt.args, code, tt.wantCode, stderr)
			}
			if tt.wantStderr == "" && stderr != "" || !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("score %q: stderr %q, want %q", tt.args, stderr, tt.wantStderr)
			}
		})
	}
}

func TestLines(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"\n", []string{""}},
		{"a", []string{"a"}},
		{"a\n", []string{"a"}},
		{"a\nb", []string{"a", "b"}},
		{"a\r\nb\r\n", []string{"a", "b"}},
		{"a\rb\r", []string{"a", "b"}},
		{"a\n\nb\n", []string{"a", "", "b"}},
		{"a\r\n\r\n", []string{"a", ""}},
		{"a\u2028b\n", []string{"a\u2028b"}},
	} {
		if got := lines(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("lines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
