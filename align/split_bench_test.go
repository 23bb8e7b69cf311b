package align

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// benchSize is the least size of the text each splitting benchmark runs on.
const benchSize = 1 << 20

// BenchmarkSplit measures splitting throughput on at least 1 MiB of
// English, Russian and Chinese text, beside the sentence iterator of
// github.com/clipperhouse/uax29/v2 (Unicode UAX #29 boundaries, no
// abbreviations) on the same text in the same run:
//
//	go test ./align -tags uax29 -run XXX -bench BenchmarkSplit -cpu 1
//
// "corpus" is this package's golden corpus and the readouts in
// ../testdata/readout, repeated; "wmt" is news from ../shared/data (the
// WMT test sets' documents, repeated), skipped where that is absent.
func BenchmarkSplit(b *testing.B) {
	for _, lang := range []string{"en", "ru", "zh"} {
		tag := language.MustParse(lang)
		texts := map[string]string{"corpus": benchCorpusText(b, lang)}
		if t := benchWMTText(lang); t != "" {
			texts["wmt"] = t
		}
		for _, src := range []string{"corpus", "wmt"} {
			text, ok := texts[src]
			name := lang + "/" + src
			if !ok {
				b.Run(name, func(b *testing.B) { b.Skip("no ../shared/data") })
				continue
			}
			b.Run(name+"/paradiff", func(b *testing.B) {
				sp := Splitter{Lang: tag}
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					n = len(sp.Split(text))
				}
				b.ReportMetric(float64(n), "segments")
			})
			b.Run(name+"/paradiff-detect", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					Split(text)
				}
			})
			b.Run(name+"/uax29", func(b *testing.B) {
				if uax29Count == nil {
					b.Skip("the uax29 baseline builds with -tags uax29")
				}
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				n := 0
				for b.Loop() {
					n = uax29Count(text)
				}
				b.ReportMetric(float64(n), "segments")
			})
		}
	}
}

// BenchmarkDetectLanguage measures DetectLanguage on the most it reads.
func BenchmarkDetectLanguage(b *testing.B) {
	for _, lang := range []string{"en", "ru", "zh"} {
		text := benchCorpusText(b, lang)[:maxDetect]
		b.Run(lang, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				DetectLanguage(text)
			}
		})
	}
}

// benchCorpusText returns at least benchSize bytes of text in lang: the
// golden corpus's texts and the readout in that language, one paragraph
// each, repeated.
func benchCorpusText(b *testing.B, lang string) string {
	corpus := readSplitCorpus(b)
	var paras []string
	for _, c := range corpus[lang] {
		paras = append(paras, c.Text)
	}
	readouts := map[string][]string{"en": {"ref.en.txt", "mt.en.txt"}, "ru": {"ru.txt"}, "zh": {"zh.txt"}}
	for _, name := range readouts[lang] {
		if data, err := os.ReadFile(filepath.Join("..", "testdata", "readout", name)); err == nil {
			paras = append(paras, string(data))
		}
	}
	return repeatTo(strings.Join(paras, "\n\n"), "\n\n")
}

// benchWMTText returns at least benchSize bytes of news in lang from the
// WMT test sets in ../shared/data, a document a paragraph, or "".
func benchWMTText(lang string) string {
	file, field := "wmt21.ru-en.jsonl", map[string]string{"ru": "src", "en": "ref_A"}[lang]
	if lang == "zh" {
		file, field = "wmt22.en-zh.jsonl", "ref_A"
	}
	f, err := os.Open(filepath.Join("..", "..", "shared", "data", "wmt", file))
	if err != nil {
		return ""
	}
	defer f.Close()
	sep := " "
	if lang == "zh" {
		sep = ""
	}
	var b strings.Builder
	doc := ""
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec map[string]any
		if json.Unmarshal(sc.Bytes(), &rec) != nil {
			return ""
		}
		id, _ := rec["doc_id"].(string)
		line, _ := rec[field].(string)
		switch {
		case b.Len() == 0:
		case id != doc:
			b.WriteString("\n\n")
		default:
			b.WriteString(sep)
		}
		doc = id
		b.WriteString(strings.TrimSpace(line))
	}
	if sc.Err() != nil || b.Len() == 0 {
		return ""
	}
	return repeatTo(b.String(), "\n\n")
}

// repeatTo repeats s, joined by sep, to at least benchSize bytes.
func repeatTo(s, sep string) string {
	n := benchSize/(len(s)+len(sep)) + 1
	return strings.Repeat(s+sep, n)
}
