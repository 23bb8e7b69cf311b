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

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		in   string
		want language.Tag
	}{
		{"", language.Und},
		{"2025 — 3.5% ... 123", language.Und},
		{"The two presidents held talks in Moscow and signed a joint statement.", language.English},
		{"Les deux présidents ont eu un échange approfondi sur les relations bilatérales.", language.French},
		{"Los dos jefes de Estado mantuvieron un intercambio sobre las relaciones bilaterales.", language.Spanish},
		{"Die beiden Staatschefs führten einen Meinungsaustausch über die Beziehungen.", language.German},
		{"Лидеры обсудили состояние и перспективы российско-китайских отношений.", language.Russian},
		{"两国元首就中俄关系和重大国际地区问题深入交换意见。", language.Chinese},
		{"両首脳は二国間関係について意見を交換した。", language.Japanese},
		{"أجرى الرئيسان تبادلا معمقا لوجهات النظر حول العلاقات الثنائية.", language.Arabic},
		{"양국 정상은 회담을 가졌다.", language.Korean},
		{"Лідери обговорили стан і перспективи відносин, їхні інтереси та єдність.", language.Ukrainian},
		{"دو رئیس جمهور درباره روابط دوجانبه گفتگو کردند و چند سند را امضا کردند.", language.Persian},
		// Chinese with English words in it is Chinese.
		{"中方代表在U.N.安理会发言，使用了“win-win”一词。", language.Chinese},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.in); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// TestDetectLanguageDocuments checks the documents the project tests and
// evaluates with: the readout in ../testdata/readout and, where present,
// the public data in ../shared/data.
func TestDetectLanguageDocuments(t *testing.T) {
	readout := map[string]language.Tag{
		"ref.en.txt": language.English, "mt.en.txt": language.English,
		"zh.txt": language.Chinese, "ru.txt": language.Russian, "zh.long.txt": language.Chinese,
		"zh.en.txt": language.English, "ru.en.txt": language.English,
	}
	for name, want := range readout {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "readout", name))
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectLanguage(string(data)); got != want {
			t.Errorf("DetectLanguage(%s) = %v, want %v", name, got, want)
		}
	}

	shared := filepath.Join("..", "..", "shared", "data")
	if _, err := os.Stat(shared); err != nil {
		t.Log("no ../shared/data: the public documents are not checked")
		return
	}
	n := 0
	check := func(what, text string, want language.Tag) {
		n++
		if got := DetectLanguage(text); got != want {
			t.Errorf("DetectLanguage(%s) = %v, want %v: %.80q", what, got, want, text)
		}
	}
	// WMT: every document of every human and machine translation.
	for _, set := range []struct {
		file     string
		src, tgt language.Tag
	}{
		{"wmt21.ru-en.jsonl", language.Russian, language.English},
		{"wmt22.en-zh.jsonl", language.English, language.Chinese},
	} {
		docs := map[string]map[string]*strings.Builder{}
		var order []string
		eachJSONLine(t, filepath.Join(shared, "wmt", set.file), func(rec map[string]any) {
			id, _ := rec["doc_id"].(string)
			if docs[id] == nil {
				docs[id] = map[string]*strings.Builder{}
				order = append(order, id)
			}
			add := func(key, text string) {
				if docs[id][key] == nil {
					docs[id][key] = &strings.Builder{}
				}
				docs[id][key].WriteString(text + "\n")
			}
			for _, k := range []string{"src", "ref_A", "ref_B"} {
				s, _ := rec[k].(string)
				add(k, s)
			}
			hyps, _ := rec["hyp"].(map[string]any)
			for sys, h := range hyps {
				s, _ := h.(string)
				add("hyp "+sys, s)
			}
		})
		for _, id := range order {
			for key, b := range docs[id] {
				want := set.tgt
				if key == "src" {
					want = set.src
				}
				check(set.file+" "+id+" "+key, b.String(), want)
			}
		}
	}
	// The Bible in three languages, and Text+Berg in German and French.
	bible := map[string]language.Tag{
		"en-BBE.GEN.tsv": language.English, "en-KJV-sword.GEN.tsv": language.English,
		"en-YLT.GEN.tsv": language.English, "ru-Synodal.GEN.tsv": language.Russian,
		"zh-hans-CUV-christos-c.GEN.tsv": language.Chinese,
	}
	for name, want := range bible {
		if data, err := os.ReadFile(filepath.Join(shared, "bible", name)); err == nil {
			check(name, string(data), want)
		}
	}
	eachJSONLine(t, filepath.Join(shared, "alignment", "textberg_de-fr.dev.jsonl"), func(rec map[string]any) {
		for key, want := range map[string]language.Tag{"src": language.German, "tgt": language.French} {
			lines, _ := rec[key].([]any)
			var b strings.Builder
			for _, l := range lines {
				s, _ := l.(string)
				b.WriteString(s + "\n")
			}
			check("textberg "+key, b.String(), want)
		}
	})
	t.Logf("%d public documents detected", n)
}

// eachJSONLine calls f with each line of a JSONL file; a missing file
// calls it never.
func eachJSONLine(t *testing.T, file string, f func(map[string]any)) {
	t.Helper()
	fh, err := os.Open(file)
	if err != nil {
		return
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var rec map[string]any
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		f(rec)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
