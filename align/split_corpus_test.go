package align

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// The golden corpus: testdata/split/LANG.jsonl, one case a line, written
// for this project from the phenomena sentence splitters get wrong in the
// languages of diplomacy (not copied from any public test suite):
//
//	{"name": "title/mr-mrs-dr", "text": "Mr. Wang met ...", "sentences": ["Mr. Wang met ...", ...]}
//
// A case passes when the segments' texts equal its sentences.

// splitCorpusFloor is the pass rate, per language, below which
// TestSplitCorpus fails: the figures the README claims.
var splitCorpusFloor = map[string]float64{
	"en": 0.980, "zh": 1, "ru": 0.978, "fr": 1, "es": 1, "ar": 1, "de": 0.974, "ja": 1,
}

// splitKnownFailures are the cases the splitter is known to get wrong,
// as "lang/name". A listed case that passes fails the test, so that the
// list only shrinks.
var splitKnownFailures = map[string]bool{
	// A question in quotes, then who asked it: the capital of a name
	// looks like the start of a sentence.
	"en/hard/question-name-attribution": true,
	// A single capital letter before a name is taken for an initial.
	"en/hard/letter-end-name": true,
	"ru/hard/letter-end-name": true,
	// A German number before a noun is taken for an ordinal.
	"de/hard/cardinal-before-noun": true,
}

type splitCase struct {
	Name      string   `json:"name"`
	Text      string   `json:"text"`
	Sentences []string `json:"sentences"`
}

func readSplitCorpus(t testing.TB) map[string][]splitCase {
	files, err := filepath.Glob(filepath.Join("testdata", "split", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in testdata/split: %v", err)
	}
	corpus := map[string][]splitCase{}
	for _, file := range files {
		lang := strings.TrimSuffix(filepath.Base(file), ".jsonl")
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			var c splitCase
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				t.Fatalf("%s:%d: %v", file, n, err)
			}
			corpus[lang] = append(corpus[lang], c)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return corpus
}

func splitLangs(corpus map[string][]splitCase) []string {
	var langs []string
	for l := range corpus {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	return langs
}

func TestSplitCorpus(t *testing.T) {
	corpus := readSplitCorpus(t)
	for _, lang := range splitLangs(corpus) {
		cases := corpus[lang]
		sp := Splitter{Lang: language.MustParse(lang)}
		pass, passZero, passUAX := 0, 0, 0
		for _, c := range cases {
			id := lang + "/" + c.Name
			got := sp.Split(c.Text)
			checkRebuild(t, c.Text, got)
			ok := slices.Equal(texts(got), c.Sentences)
			switch {
			case ok && splitKnownFailures[id]:
				t.Errorf("%s passes now: remove it from splitKnownFailures", id)
			case !ok && !splitKnownFailures[id]:
				t.Errorf("%s: Splitter{Lang: %s}.Split(%q)\n got %q\nwant %q", id, lang, c.Text, texts(got), c.Sentences)
			}
			if ok {
				pass++
			}
			if slices.Equal(texts(Split(c.Text)), c.Sentences) {
				passZero++
			}
			if uax29Split != nil && slices.Equal(uax29Split(c.Text), c.Sentences) {
				passUAX++
			}
		}
		rate := float64(pass) / float64(len(cases))
		baseline := "uax29 sentences: build with -tags uax29"
		if uax29Split != nil {
			baseline = fmt.Sprintf("uax29 sentences %5.1f%%", 100*float64(passUAX)/float64(len(cases)))
		}
		t.Logf("%s: %3d cases: Splitter{Lang: %s} %5.1f%%, zero Splitter %5.1f%%, %s",
			lang, len(cases), lang, 100*rate, 100*float64(passZero)/float64(len(cases)), baseline)
		if floor, ok := splitCorpusFloor[lang]; !ok {
			t.Errorf("%s: no floor in splitCorpusFloor", lang)
		} else if rate < floor {
			t.Errorf("%s: pass rate %.1f%% is below the floor of %.1f%%", lang, 100*rate, 100*floor)
		}
	}
}

// The baseline: the Unicode sentence boundaries of UAX #29 as
// github.com/clipperhouse/uax29/v2/sentences finds them, set by
// split_uax29_test.go. uax29Split returns the sentences trimmed of white
// space, uax29Count counts them; both are nil when the baseline is not
// built in.
var (
	uax29Split func(text string) []string
	uax29Count func(text string) int
)

// TestSplitCorpusDetect checks that DetectLanguage recognises the language
// of each corpus file as a whole.
func TestSplitCorpusDetect(t *testing.T) {
	corpus := readSplitCorpus(t)
	for _, lang := range splitLangs(corpus) {
		var b strings.Builder
		for _, c := range corpus[lang] {
			fmt.Fprintln(&b, c.Text)
		}
		if got := DetectLanguage(b.String()); got != language.MustParse(lang) {
			t.Errorf("DetectLanguage(corpus %s) = %v", lang, got)
		}
	}
}
