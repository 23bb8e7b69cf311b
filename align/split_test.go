package align

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

func texts(segs []Segment) []string {
	out := make([]string, len(segs))
	for i, s := range segs {
		out[i] = s.Text
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "", nil},
		{"white space only", " \n\t\n", nil},
		{"two sentences", "The talks ended. Both sides agreed.", []string{"The talks ended.", "Both sides agreed."}},
		{"question and exclamation", "Who signed? Both did! Then they left.", []string{"Who signed?", "Both did!", "Then they left."}},
		{"blank line ends a segment", "Talks were held\n\nin Moscow", []string{"Talks were held", "in Moscow"}},
		{"dateline is its own segment", "Moscow, May 8, 2025\nOn the morning of May 8 the talks began.", []string{"Moscow, May 8, 2025", "On the morning of May 8 the talks began."}},
		{"heading then paragraph", "Joint statement\n\nThe sides met.", []string{"Joint statement", "The sides met."}},
		{"title abbreviation", "Mr. Wang met Dr. Lavrov. They spoke.", []string{"Mr. Wang met Dr. Lavrov.", "They spoke."}},
		{"initials", "V. V. Putin spoke first. Xi replied.", []string{"V. V. Putin spoke first.", "Xi replied."}},
		{"decimal number", "Trade grew 3.5 percent. It was a record.", []string{"Trade grew 3.5 percent.", "It was a record."}},
		{"abbreviation before a number", "See No. 5 on Jan. 8 in the list. Done.", []string{"See No. 5 on Jan. 8 in the list.", "Done."}},
		{"e.g. before lower case", "Some fields, e.g. energy, grew. Others fell.", []string{"Some fields, e.g. energy, grew.", "Others fell."}},
		{"acronym ending a sentence", "He lives in the U.S. The talks went well.", []string{"He lives in the U.S.", "The talks went well."}},
		{"acronym inside a sentence", "The U.S. Congress met.", []string{"The U.S. Congress met."}},
		{"closing quote after the stop", `He said "we agree." Then he left.`, []string{`He said "we agree."`, "Then he left."}},
		{"closing bracket", "They met (in Moscow.) Talks followed.", []string{"They met (in Moscow.)", "Talks followed."}},
		{"lower case after a stop", "Prices rose by 5 p.c. in May.", []string{"Prices rose by 5 p.c. in May."}},
		{"ellipsis before lower case", "He paused... and went on.", []string{"He paused... and went on."}},
		{"Chinese full stops", "双方会谈。两国元首签署了声明！会谈成功吗？是的。", []string{"双方会谈。", "两国元首签署了声明！", "会谈成功吗？", "是的。"}},
		{"Chinese closing quote", "他说：“我们同意。”随后离开。", []string{"他说：“我们同意。”", "随后离开。"}},
		{"hard-wrapped paragraph", "On the morning of May 8 local time, President Xi held talks with\nRussian President Vladimir Putin at the Kremlin in Moscow. They\nagreed to deepen coordination.",
			[]string{"On the morning of May 8 local time, President Xi held talks with\nRussian President Vladimir Putin at the Kremlin in Moscow.", "They\nagreed to deepen coordination."}},
		{"list items", "Agreed areas:\n- trade\n- energy\n- culture", []string{"Agreed areas:", "- trade", "- energy", "- culture"}},
		{"CRLF line endings", "Moscow\r\n\r\nThe talks began. They ended.\r\n", []string{"Moscow", "The talks began.", "They ended."}},
		{"URL and e-mail", "See www.example.org/a.html or mail press@example.org. Next.", []string{"See www.example.org/a.html or mail press@example.org.", "Next."}},
		{"no final punctuation", "Cai Qi and Wang Yi attended", []string{"Cai Qi and Wang Yi attended"}},
		{"inline roman list", "i. trade ii. energy iii. grain iv. finance v. culture", []string{"i. trade", "ii. energy", "iii. grain", "iv. finance", "v. culture"}},
		{"dialogue dashes are not bullets", "— Мы готовы, — заявил министр. — Когда? — спросил журналист.", []string{"— Мы готовы, — заявил министр.", "— Когда? — спросил журналист."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Split(tt.in)
			if !slices.Equal(texts(got), tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.in, texts(got), tt.want)
			}
			checkRebuild(t, tt.in, got)
		})
	}
}

// checkRebuild checks the splitting invariant: segments are in order, each
// is exactly its span of the input, and the gaps between them are white
// space, so that segments plus gaps rebuild the input byte for byte.
func checkRebuild(t *testing.T, in string, segs []Segment) {
	t.Helper()
	var b strings.Builder
	pos := 0
	for i, s := range segs {
		if s.Start < pos || s.End <= s.Start || s.End > len(in) {
			t.Fatalf("segment %d has span [%d,%d) after %d in %d bytes", i, s.Start, s.End, pos, len(in))
		}
		if s.Text != in[s.Start:s.End] {
			t.Fatalf("segment %d text %q is not input[%d:%d] = %q", i, s.Text, s.Start, s.End, in[s.Start:s.End])
		}
		gap := in[pos:s.Start]
		if !isGap(gap) {
			t.Fatalf("gap before segment %d is not white space: %q", i, gap)
		}
		b.WriteString(gap)
		b.WriteString(s.Text)
		pos = s.End
	}
	b.WriteString(in[pos:])
	if b.String() != in {
		t.Fatalf("segments and gaps do not rebuild the input")
	}
	if rest := in[pos:]; !isGap(rest) {
		t.Fatalf("text after the last segment is not white space: %q", rest)
	}
}

func isGap(s string) bool {
	return utf8.ValidString(s) && strings.TrimFunc(s, isGapRune) == ""
}

// TestByteClass checks the scanner's fast path against the rune
// predicates: every rune that can end a sentence or open or close a
// quotation starts with a byte the scanner stops at.
func TestByteClass(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !isTerminal(r) && !isQuoteRune(r) && !isOpener(r) && !isCloser(r) {
			continue
		}
		b := []byte(string(r))
		switch c := byteClass[b[0]]; {
		case r < utf8.RuneSelf && (c == classMark || c == classQuote):
		case r >= utf8.RuneSelf && c == classDecode:
		default:
			t.Errorf("%U %c starts with %#x of class %d: the scanner would skip it", r, r, b[0], c)
		}
	}
}

func TestSplitterLang(t *testing.T) {
	// The same text, split with the rules of each language.
	tests := []struct {
		lang string
		in   string
		want []string
	}{
		{"de", "Am 8. Mai trafen sie sich.", []string{"Am 8. Mai trafen sie sich."}},
		{"en", "It was No. 8. May came.", []string{"It was No. 8.", "May came."}},
		{"es", "Dijo que no. Luego se fue.", []string{"Dijo que no.", "Luego se fue."}},
		{"fr", "M. Macron est arrivé. Il a parlé.", []string{"M. Macron est arrivé.", "Il a parlé."}},
		// Cyrillic words follow Russian rules whatever the language.
		{"en", "Он прибыл в г. Москву. Затем уехал.", []string{"Он прибыл в г. Москву.", "Затем уехал."}},
		{"zh", "He met Mr. Wang. 他们会谈。然后离开。", []string{"He met Mr. Wang.", "他们会谈。", "然后离开。"}},
	}
	for _, tt := range tests {
		got := Splitter{Lang: language.MustParse(tt.lang)}.Split(tt.in)
		if !slices.Equal(texts(got), tt.want) {
			t.Errorf("Splitter{Lang: %s}.Split(%q)\n got %q\nwant %q", tt.lang, tt.in, texts(got), tt.want)
		}
		checkRebuild(t, tt.in, got)
	}
}

func TestSplitLanguagesDetected(t *testing.T) {
	// Every language with rules of its own is one DetectLanguage returns.
	samples := map[string]string{
		"en": "The talks were held in the Kremlin and the two sides signed a statement.",
		"zh": "两国元首举行会谈。", "ru": "Стороны провели переговоры в Кремле.",
		"fr": "Les deux présidents ont eu un échange sur les relations.",
		"es": "Los dos presidentes firmaron una declaración conjunta.",
		"ar": "عقد الرئيسان محادثات في موسكو.", "de": "Die beiden Präsidenten trafen sich in Berlin und sprachen über die Lage.",
		"ja": "両首脳は会談を行った。",
	}
	for _, tag := range SplitLanguages() {
		text, ok := samples[tag.String()]
		if !ok {
			t.Errorf("no sample for %v", tag)
			continue
		}
		if got := DetectLanguage(text); got != tag {
			t.Errorf("DetectLanguage(%q) = %v, want %v", text, got, tag)
		}
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"one", []string{"one"}},
		{"one\n", []string{"one"}},
		{"one\n\nthree\n", []string{"one", "", "three"}},
		{"a\r\nb\rc", []string{"a", "b", "c"}},
	}
	for _, tt := range tests {
		got := Lines(tt.in)
		if !slices.Equal(texts(got), tt.want) {
			t.Errorf("Lines(%q) = %q, want %q", tt.in, texts(got), tt.want)
		}
		for _, s := range got {
			if tt.in[s.Start:s.End] != s.Text {
				t.Errorf("Lines(%q): segment %q is not its span [%d,%d)", tt.in, s.Text, s.Start, s.End)
			}
		}
	}
}

// FuzzSplit checks the splitting invariant, segments plus gaps rebuild
// the input, on any input, with the zero Splitter (which detects the
// language) and with each language's rules. Seeds: text in every
// language, invalid UTF-8, mixed scripts, and the golden corpus.
func FuzzSplit(f *testing.F) {
	for _, seed := range []string{
		"The talks ended. Both sides agreed.",
		"Moscow, May 8, 2025\n\nMr. Xi met V. V. Putin. They spoke 3.5 hours!",
		"双方会谈。两国元首签署了声明！",
		"В. В. Путин встретился с Си Цзиньпином. Они говорили.",
		"bad \xff utf-8. Next\xc3",
		"\r\n\r\n- item\n1. item\n",
		"“Quote.” (Bracket.) ... ?! …",
		"M. Macron a reçu M. Xi\u00a0! « Nous sommes prêts\u00a0! » a-t-il dit.",
		"¿Habrá acuerdo? ¡Sí! Los EE. UU. y China, p. ej. en Ginebra.",
		"عقد الرئيسان محادثات. هل سيتم توقيع الاتفاق؟ وقعت عام 2001 م. وجددت.",
		"Am 8. Mai 2025, z. B. in Berlin, usw. Der 2. Weltkrieg endete.",
		"首相は「協力を深めたい。」と述べた。本研究では３．２％．",
		"Mixed 中文 text. Русский текст. النص العربي. 日本語のテキスト。 End",
		"«Когда? — спросил он. — Завтра». „Ja.“ »Nein.« 「はい。」",
		"1.) one 2.) two • 3. three ⁃4. four a. five b. six",
		". . . .... … [...] (...) ‥ ……",
		"\xe3\x80\x82\xe3\x80 \xef\xbc\x8e\xd8\x9f\xdb\x94 \xc2\xab\xc2\xbb.",
		"\ufeff\u200bText.\u200f \u200eNext.\u2028Line\u2029Para",
	} {
		f.Add(seed)
	}
	if corpus, err := filepath.Glob(filepath.Join("testdata", "split", "*.jsonl")); err == nil {
		for _, file := range corpus {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			for line := range strings.Lines(string(data)) {
				var c struct{ Text string }
				if json.Unmarshal([]byte(line), &c) == nil {
					f.Add(c.Text)
				}
			}
		}
	}
	langs := SplitLanguages()
	f.Fuzz(func(t *testing.T, in string) {
		checkRebuild(t, in, Split(in))
		lang := langs[len(in)%len(langs)]
		checkRebuild(t, in, Splitter{Lang: lang}.Split(in))
		lines := Lines(in)
		for _, s := range lines {
			if in[s.Start:s.End] != s.Text {
				t.Fatalf("Lines: segment is not its span")
			}
		}
	})
}
