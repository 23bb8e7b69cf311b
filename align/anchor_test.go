package align

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// anchorKeys returns the keys of the anchors of text other than words.
func anchorKeys(text string) []string {
	tk := newTokenizer(nil)
	var out []string
	for _, id := range tk.segment(text) {
		if tk.kinds[id] != kindWord {
			out = append(out, tk.keys[id])
		}
	}
	return out
}

func TestNumberKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"80", "#80"},
		{"８０", "#80"},         // full width
		{"٨٠", "#80"},         // Arabic-Indic
		{"८०", "#80"},         // Devanagari
		{"𝟖𝟎", "#80"},         // mathematical bold
		{"1,000", "#1000"},    // English thousands
		{"1 000", "#1000"},    // no-break space, French and Russian
		{"1.000,5", "#10005"}, // German decimal comma
		{"-5", "#5"},
	} {
		if got := numberKey(tt.in); got != tt.want {
			t.Errorf("numberKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestScaledNumbers checks that a number and its translation share an
// anchor whatever words of counting each language uses, and that words
// that only look like them leave a number as it is.
func TestScaledNumbers(t *testing.T) {
	for _, tt := range []struct {
		texts []string // all with the anchor want
		want  string
	}{
		{[]string{"nearly 3 million voters", "近 300 万的选民", "300多万选民", "300 多万", "почти 3 млн избирателей", "3 000 000 voters", "3 Millionen Wähler"}, "#3000000"},
		{[]string{"£286 million this year", "今年 2.86 亿英镑", "286 миллионов фунтов", "0.286 billion"}, "#286000000"},
		{[]string{"over 250,000 comics", "超过 25 万本漫画", "250 тыс. комиксов", "250 mille bandes dessinées"}, "#250000"},
		{[]string{"1,5 Mio. Euro", "1.5 million euros", "150万欧元", "1,5 millones de euros"}, "#1500000"},
		{[]string{"2 trillion yuan", "2万亿元", "2 трлн юаней", "2 billones", "2000 mil millones"}, "#2000000000000"},
		{[]string{"3千万人", "30 million people"}, "#30000000"},
		// Not words of counting: a unit, "more than" with no scale, a word
		// on the next line. How separators read: see textkey's tests.
		{[]string{"3千米", "3 km", "3多人"}, "#3"},
		{[]string{"3\nmillion"}, "#3"},
	} {
		for _, text := range tt.texts {
			if got := strings.Join(anchorKeys(text), " "); got != tt.want {
				t.Errorf("anchors of %q = %q, want %q", text, got, tt.want)
			}
		}
	}
}

func TestAnchors(t *testing.T) {
	for _, tt := range []struct {
		text string
		want string
	}{
		{"2025年5月8日，莫斯科", "#2025 @m5 #8"},
		{"Москва, 8 мая 2025 года", "#8 @m5 #2025"},
		{"Moscow, May 8, 2025", "@m5 #8 #2025"},
		{"8 mai 2025 à Moscou", "#8 @m5 #2025"},
		{"You may go in May.", ""}, // "may" is a verb; "May" with no number is not sure enough
		{"They march on March 3.", "@m3 #3"},
		{"五月的莫斯科，十二月的北京", "@m5 @m12"},
		{"十一月", "@m11"},
		{"会谈后？答：是的！", "? : !"},
		{"Why? Because: (see «the statement»)!", "? : ( \" !"},
		{"签署《联合声明》（2025年）", "\" ( #2025"},
	} {
		if got := strings.Join(anchorKeys(tt.text), " "); got != tt.want {
			t.Errorf("anchors of %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCrossLanguage(t *testing.T) {
	zh := segs("会谈后，两国元首签署联合声明。", "两国元首还共同见证交换20余份双边合作文件。")
	ru := segs("По итогам переговоров подписано Совместное заявление.", "Подписан пакет из более чем 20 документов.")
	en := segs("After the talks, the two heads of state signed a joint statement.", "They witnessed the exchange of more than 20 documents.")
	en2 := segs("After the talks the two presidents signed a joint statement.", "The two leaders also witnessed the exchange of over 20 documents.")
	fr := segs("Après les entretiens, les deux chefs d'État ont signé une déclaration commune.", "Ils ont assisté à l'échange de plus de 20 documents.")
	de := segs("Nach den Gesprächen unterzeichneten die beiden Staatschefs eine gemeinsame Erklärung.", "Sie waren beim Austausch von mehr als 20 Dokumenten zugegen.")
	for _, tt := range []struct {
		name   string
		al     Aligner
		a, b   []Segment
		across bool
	}{
		{"zh ru: two scripts", Aligner{}, zh, ru, true},
		{"zh en: two scripts", Aligner{}, zh, en, true},
		{"en en: shared words", Aligner{}, en, en2, false},
		{"en fr: few shared words", Aligner{}, en, fr, true},
		{"de fr: few shared words", Aligner{}, de, fr, true},
		{"told: en-GB and en-US are one", Aligner{LangA: language.BritishEnglish, LangB: language.AmericanEnglish}, en, fr, false},
		{"told: de and fr are two", Aligner{LangA: language.German, LangB: language.French}, en, en2, true},
		{"one tag only: detect", Aligner{LangA: language.English}, en, fr, true},
		{"empty side", Aligner{}, nil, en, false},
	} {
		if got := tt.al.CrossLanguage(tt.a, tt.b); got != tt.across {
			t.Errorf("%s: CrossLanguage = %v, want %v", tt.name, got, tt.across)
		}
	}
}

func TestParagraphBreaks(t *testing.T) {
	text := "第一句。第二句。\n\n第三句。\n\n第四句。第五句。"
	got := paragraphBreaks(Split(text))
	want := []bool{false, true, true, false, false}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphBreaks(%q) = %v, want %v", text, got, want)
	}
	if got := paragraphBreaks(segs("One.", "Two.", "Three.", "Four.")); slices.Contains(got, true) {
		t.Errorf("even gaps: paragraphBreaks = %v, want no breaks", got)
	}
}

// TestAlignAcrossLanguages aligns a short Chinese text with its English
// translation, which drops one sentence, adds one and joins two.
func TestAlignAcrossLanguages(t *testing.T) {
	zh := segs(
		"2025年5月8日，莫斯科。",
		"两国元首在克里姆林宫举行会谈，就双边关系和国际问题深入交换意见。",
		"军乐团奏两国国歌。",
		"双方同意扩大贸易、能源和农业合作。",
		"习近平指出，今年是世界反法西斯战争胜利80周年。",
		"80年前，两国人民付出巨大牺牲。",
		"两国元首签署联合声明，并见证交换20余份合作文件。",
		"蔡奇、王毅参加上述活动。",
	)
	en := segs(
		"Moscow, May 8, 2025.",
		"The two heads of state held talks in the Kremlin and had an in-depth exchange of views on bilateral relations and international issues.",
		"A military band played the national anthems of both countries.",
		"The President of China is in Russia on a state visit, his eleventh since 2013, and will attend the Victory Day parade on Red Square tomorrow.",
		"The two sides agreed to expand cooperation in trade, energy and agriculture.",
		"Xi noted that this year marks the 80th anniversary of the victory in the World Anti-Fascist War, and that 80 years ago the two peoples made enormous sacrifices.",
		"The two heads of state signed a joint statement and witnessed the exchange of more than 20 cooperation documents.",
	)
	want := "= = = + = 2:1 = -"
	got := Align(zh, en)
	checkCover(t, len(zh), len(en), got)
	if s := shapes(got); s != want {
		t.Errorf("Align = %q, want %q", s, want)
	}
	mirror := Align(en, zh)
	for k := range got {
		if !slices.Equal(got[k].A, mirror[k].B) || !slices.Equal(got[k].B, mirror[k].A) {
			t.Fatalf("Align(en, zh) is not the mirror of Align(zh, en) at bead %d", k)
		}
	}
}
