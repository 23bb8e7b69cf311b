package align

import (
	"testing"
	"unicode"

	"golang.org/x/text/language"
)

// TestLexiconWellFormed checks lexicon.txt: a header of languages, then
// rows with a cell for each, and each cell's words in its column's
// script, which catches a cell written in the wrong column.
func TestLexiconWellFormed(t *testing.T) {
	lex := parseLexicon(lexiconText)
	var scripts []*unicode.RangeTable
	for _, b := range lex.langs {
		s, _ := language.Make(b.String()).Script()
		switch s.String() {
		case "Latn":
			scripts = append(scripts, unicode.Latin)
		case "Hans":
			scripts = append(scripts, unicode.Han)
		case "Cyrl":
			scripts = append(scripts, unicode.Cyrillic)
		default:
			t.Fatalf("column %s: script %s: add it to this test", b, s)
		}
	}
	if len(lex.langs) < 2 || len(lex.rows) < 300 {
		t.Fatalf("%d languages, %d concepts: is the header right?", len(lex.langs), len(lex.rows))
	}
	for k, row := range lex.rows {
		if len(row) != len(lex.langs) {
			t.Errorf("concept %d (%q): %d cells, want %d", k, row, len(row), len(lex.langs))
			continue
		}
		for c, forms := range row {
			if len(forms) == 0 {
				t.Errorf("concept %d (%q): no %s", k, row[0], lex.langs[c])
			}
			for _, f := range forms {
				if len(phraseWords(f)) == 0 {
					t.Errorf("concept %d: %s form %q has no words", k, lex.langs[c], f)
				}
				for _, r := range f {
					if unicode.IsLetter(r) && !unicode.Is(scripts[c], r) {
						t.Errorf("concept %d: %s form %q has %q, not in the column's script", k, lex.langs[c], f, r)
						break
					}
				}
			}
		}
	}
}

// TestLexiconSides checks that each language's words are looked for in
// the text of that language only, and that there is no lexicon for two
// texts in one language or in a language it lacks.
func TestLexiconSides(t *testing.T) {
	en, ru := language.English, language.Russian
	forA, forB := compileLexicon(en, ru)
	count := func(d *compiledDict, text string) int {
		tk := newTokenizer([]*compiledDict{d})
		n := 0
		for _, id := range tk.segment(text) {
			if tk.kinds[id] == kindLexicon {
				n++
			}
		}
		return n
	}
	if n := count(forA, "The river and the city."); n != 2 {
		t.Errorf("English words in English text: %d concepts, want 2", n)
	}
	if n := count(forB, "The river and the city."); n != 0 {
		t.Errorf("Russian words in English text: %d concepts, want 0", n)
	}
	if n := count(forB, "Река и город."); n != 2 {
		t.Errorf("Russian words in Russian text: %d concepts, want 2", n)
	}
	esA, _ := compileLexicon(language.Spanish, en)
	if n := count(esA, "El río atraviesa la ciudad vieja."); n != 3 {
		t.Errorf("Spanish words in Spanish text: %d concepts, want 3", n)
	}
	// Short words match only as listed: "mais" (but) is not "maison".
	frA, _ := compileLexicon(language.French, en)
	if n := count(frA, "Mais la maison est vieille."); n != 2 {
		t.Errorf("French: %d concepts, want 2 (maison, vieille)", n)
	}
	for _, pair := range [][2]language.Tag{{en, language.MustParse("en-GB")}, {en, language.Japanese}, {language.Und, ru}} {
		if a, b := compileLexicon(pair[0], pair[1]); a != nil || b != nil {
			t.Errorf("compileLexicon(%v, %v) is not nil", pair[0], pair[1])
		}
	}
}

// TestLexiconAligns shows the lexicon settling what lengths cannot, on a
// short text where learning has too little to learn from: which of two
// sentences of about the same length the translation leaves out. In the
// second case only nouns of everyday and public life tell (hotel,
// luggage, supermarket, invoice).
func TestLexiconAligns(t *testing.T) {
	for _, c := range []struct {
		name   string
		en, tr []Segment
		want   string
	}{{
		name: "Russian, common words",
		en: segs(
			"The river runs through the old city.",
			"In winter the water is cold and the children stay at home.",
			"Every spring the farmers bring bread and wine to the market.",
			"The king built a new bridge near the church.",
			"His daughter wrote a book about the war.",
			"Many people came to see the horses.",
		),
		tr: segs(
			"Река течёт через старый город.",
			"Зимой вода холодная, и дети остаются дома.",
			"Король построил новый мост рядом с церковью.",
			"Его дочь написала книгу о войне.",
			"Много людей пришли посмотреть на лошадей.",
		),
		want: "= = - = = =",
	}, {
		name: "Chinese, everyday and public life",
		en: segs(
			"The delegation reached the hotel late.",
			"The judges blocked the pension reform.",
			"Passengers lost their luggage at the airport.",
			"Vegetables cost more at the supermarket.",
			"The invoice came by email this morning.",
		),
		tr: segs(
			"代表团很晚才到达酒店。",
			"法官们阻止了养老金改革。",
			"超市里的蔬菜更贵了。",
			"今天早上发票通过电子邮件寄到了。",
		),
		want: "= = - = =",
	}} {
		t.Run(c.name, func(t *testing.T) {
			without := Aligner{NoLexicon: true}.Align(c.en, c.tr)
			got := Align(c.en, c.tr)
			checkCover(t, len(c.en), len(c.tr), got)
			t.Logf("without the lexicon: %s", shapes(without))
			if shapes(got) != c.want {
				t.Errorf("Align = %q, want %q", shapes(got), c.want)
			}
		})
	}
}
