package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/paradiff/paradiff/internal/textkey"
)

// This file turns segments into the tokens the scorers compare.
//
// Same-language scoring compares every content token (words, numbers,
// symbols) by its [textkey.Key], numbers and months as below.
// Cross-language scoring compares only anchors, the tokens that survive
// translation unchanged:
//
//   - numbers, with the digits of any script read as 0-9 and separators
//     dropped: ８０, 80 and ٨٠ are one anchor, and so are 1,000 and 1 000;
//     times the words of counting after them: "3 million" and "300万"
//     are one anchor (see [scaledNumberKey]);
//   - months, from a month name (May, mai, Mai, мая) or a Chinese or
//     Japanese 5月 or 五月: "8 мая" and "5月8日" share the month and the day;
//   - words that occur in both documents, as names and acronyms do (UN,
//     SCO, BRICS inside Chinese text, Zermatt in German and French), when
//     they occur about as often in each (see [balanced]), which keeps out
//     the false friends of two languages in one script ("des", "die");
//   - the punctuation marks whose use translations keep: ? ! : ; an
//     opening bracket and a quotation mark, full-width or not (《》 and «»
//     are quotation marks); what the brackets hold anchors by its own
//     numbers and names.
//
// Anchors that occur in only one document can never be matched, so they are
// left out: a cross-language bead is scored by how well its anchors pair
// up, never by how many words it has (the length cost does that). The
// exception is a dictionary entry (see [Dictionary]): one side of an entry
// in a text whose other text lacks the other side tells that the sentence
// may have no counterpart.
//
// Beside the anchors, cross-language scoring finds the concepts of the
// built-in lexicon (lexicon.go) and of a Dictionary, and the word pairs
// learned from a first alignment (align_learn.go).

// tokenKind says how a token was found, for weighting anchors.
type tokenKind uint8

const (
	kindWord    tokenKind = iota // a word or one CJK character
	kindNumber                   // a number, digits normalised
	kindMonth                    // a month, from a name or N月
	kindPunct                    // an anchoring punctuation mark
	kindDict                     // a dictionary entry found in the text
	kindLexicon                  // a concept of the lexicon found in the text (see lexicon.go)
	kindStem                     // the first letters of a word (see [stemKey]), or two Chinese characters
)

// Words come in many forms (Путин, Путина, Путину; begat, begetteth),
// and a pair learned from a first alignment (align_learn.go) needs each
// form to occur often enough. So in cross-language scoring every word
// also gives a stem, its first stemLetters letters without accents, that
// learning can pair like a word, when the two texts are in different
// scripts. Stems are no anchors by themselves: in two languages of one
// script, words that start alike are as often false friends as cognates
// (the cross-language evaluation lost 0.04 strict F1 on German-French when
// they were), and there even learning from stems cost 0.005 strict and
// 0.011 lax F1, so one script gets no stems.
//
// Chinese has the opposite trouble: a token is one character, and most
// words are two, so that 合 and 作 each co-occur with much besides
// сотрудничество. Between scripts, each two adjacent Chinese characters
// also give a token for learning only, which pairs with a word as the
// word does: with one round of learning, strict F1 0.913 to 0.917 on
// Chinese-English and 0.864 to 0.871 on Chinese-Russian, 0.905 to 0.904
// on the news pair.
//
// stemLetters was chosen on the cross-language evaluation (eval_test.go),
// stems in every pair: mean strict F1 0.891 without stems, 0.898 with 3
// letters, 0.896 with 4 and 0.895 with 5; 4 is also what Simard, Foster
// and Isabelle (1992) found best for cognates. Most of the gain is on
// Russian, whose nouns and verbs inflect.
const stemLetters = 4

// stemKey returns the stem token of a word's key: "~" and its first
// stemLetters letters without their accents, if it has that many letters,
// all alphabetic and not CJK.
func stemKey(key string) (string, bool) {
	var b strings.Builder
	b.WriteByte('~')
	n := 0
	for _, r := range key {
		if !unicode.IsLetter(r) || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) {
			return "", false
		}
		if n < stemLetters {
			b.WriteRune(unaccented(r))
		}
		n++
	}
	return b.String(), n >= stemLetters
}

// unaccented returns r without its diacritics: é, è and ê are e, ü is u.
func unaccented(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	d := norm.NFD.PropertiesString(string(r)).Decomposition()
	if len(d) == 0 {
		return r
	}
	base, _ := utf8.DecodeRune(d)
	return base
}

// numberKey returns a number's anchor key: "#" and its digits, each read
// as 0-9 whatever its script, separators and signs dropped. "1,000",
// "1 000" and "１０００" all give "#1000"; "3.5" and "3,5" give "#35",
// which also matches "35", a rare confusion that costs little.
func numberKey(s string) string { return "#" + textkey.Digits(s) }

// scaledNumberKey returns the anchor key of the number token k times the
// words of counting that follow it ([textkey.Scale]), when some do: "3
// million", "300万" and "3 млн" are all "#3000000". Without it a number
// and its translation in another unit of counting would be two anchors
// that count against the pair.
func scaledNumberKey(text string, toks []textkey.Token, k int) (string, bool) {
	exp, cjk := textkey.Scale(text, toks, k)
	if exp == 0 {
		return "", false
	}
	n, ok := textkey.ScaledNumber(text[toks[k].Start:toks[k].End], exp, cjk)
	return "#" + strings.TrimPrefix(n, "-"), ok // signs left out, as numberKey does
}

// cjkMonth reports whether the number token k is followed directly by 月,
// as in 5月, and returns the month.
func cjkMonth(text string, toks []textkey.Token, k int, n string) (string, bool) {
	if k+1 >= len(toks) || toks[k+1].Start != toks[k].End {
		return "", false
	}
	if next := text[toks[k+1].Start:toks[k+1].End]; next != "月" {
		return "", false
	}
	m := strings.TrimLeft(n[1:], "0")
	switch m {
	case "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12":
		return m, true
	}
	return "", false
}

// cjkNumeralMonth reports a month written with Chinese numerals, 五月 or
// 十二月, ending at token k (the character before 月), and returns it.
// Only the numeral right before 月 starts a month: 十 alone is October
// only when nothing before it is a numeral.
func cjkNumeralMonth(text string, toks []textkey.Token, k int) (string, bool) {
	if k+1 >= len(toks) || text[toks[k+1].Start:toks[k+1].End] != "月" {
		return "", false
	}
	numeral := func(i int) int {
		if i < 0 {
			return -1
		}
		k := strings.Index("〇一二三四五六七八九十", text[toks[i].Start:toks[i].End])
		if k < 0 {
			return -1
		}
		return k / 3 // three bytes a numeral
	}
	d := numeral(k)
	if d < 1 {
		return "", false
	}
	prev := numeral(k - 1)
	switch {
	case d == 10 && prev < 0: // 十月
		return "10", true
	case d <= 2 && prev == 10 && numeral(k-2) < 0: // 十一月, 十二月
		return itoa(10 + d), true
	case d < 10 && prev < 0: // 一月 .. 九月
		return itoa(d), true
	}
	return "", false
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// months maps month names, folded, in English, French, German, Spanish,
// Italian and Russian (all cases) to their numbers. Names that are also
// common words need more evidence, see [monthName].
var months = func() map[string]string {
	m := map[string]string{}
	for n, names := range [12]string{
		"january janvier januar jänner enero gennaio январь января январе январём",
		"february février fevrier februar febrero febbraio февраль февраля феврале февралём",
		"march mars märz marzo март марта марте мартом",
		"april avril abril aprile апрель апреля апреле апрелем",
		"may mai mayo maggio май мая мае маем",
		"june juin juni junio giugno июнь июня июне июнем",
		"july juillet juli julio luglio июль июля июле июлем",
		"august août aout agosto август августа августе августом",
		"september septembre septiembre settembre сентябрь сентября сентябре сентябрём",
		"october octobre oktober octubre ottobre октябрь октября октябре октябрём",
		"november novembre noviembre ноябрь ноября ноябре ноябрём",
		"december décembre decembre dezember diciembre dicembre декабрь декабря декабре декабрём",
	} {
		for _, name := range strings.Fields(names) {
			m[name] = itoa(n + 1)
		}
	}
	return m
}()

// ambiguousMonths are month names that are also common English words.
// They count as months only when capitalised and next to a number.
var ambiguousMonths = map[string]bool{"may": true, "march": true}

// monthName reports whether the word token k (text s, key key) names a
// month, and returns it.
func monthName(s, key, text string, toks []textkey.Token, k int) (string, bool) {
	m, ok := months[key]
	if !ok {
		return "", false
	}
	if !ambiguousMonths[key] {
		return m, true
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return "", false
	}
	// A number within one space of the name: "May 8", "8 May", "May 2025".
	near := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i].Class == textkey.Number
	}
	space := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i].Class == textkey.Space
	}
	return m, near(k+2) && space(k+1) || near(k-2) && space(k-1)
}

// punctAnchor returns the anchor key of a punctuation mark that
// translations tend to keep.
func punctAnchor(s string) (string, bool) {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '?', '？', '¿':
		return "?", true
	case ';', '；':
		return ";", true
	case '!', '！', '¡':
		return "!", true
	case ':', '：':
		return ":", true
	case '(', '（', '[', '［', '【', '〔', '〖':
		return "(", true
	case '"', '“', '„', '«', '「', '『', '《', '〈':
		return "\"", true
	}
	return "", false
}

// script is the writing system a document is mostly in.
type script uint8

const (
	scriptNone script = iota
	scriptLatin
	scriptCyrillic
	scriptGreek
	scriptCJK // Han, kana
	scriptHangul
	scriptArabic
	scriptHebrew
	scriptIndic
	scriptOther
)

func scriptOf(r rune) script {
	switch {
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
			return scriptLatin
		}
		return scriptNone
	case !unicode.IsLetter(r):
		return scriptNone
	case unicode.Is(unicode.Latin, r):
		return scriptLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scriptCyrillic
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
		return scriptCJK
	case unicode.Is(unicode.Hangul, r):
		return scriptHangul
	case unicode.Is(unicode.Greek, r):
		return scriptGreek
	case unicode.Is(unicode.Arabic, r):
		return scriptArabic
	case unicode.Is(unicode.Hebrew, r):
		return scriptHebrew
	case unicode.In(r, unicode.Devanagari, unicode.Bengali, unicode.Tamil, unicode.Telugu, unicode.Gujarati,
		unicode.Gurmukhi, unicode.Kannada, unicode.Malayalam, unicode.Oriya, unicode.Sinhala):
		return scriptIndic
	}
	return scriptOther
}

// mainScript returns the script most letters of segs are in, or
// scriptNone for text with no letters. A CJK character counts as
// cjkLetters letters: it carries about as much as a short word, so a
// Chinese text quoting a few English names is still Chinese.
func mainScript(segs []Segment) script {
	const cjkLetters = 4
	var n [scriptOther + 1]int
	for _, s := range segs {
		for _, r := range s.Text {
			if sc := scriptOf(r); sc == scriptCJK {
				n[sc] += cjkLetters
			} else {
				n[sc]++
			}
		}
	}
	best, most := scriptNone, 0
	for sc := scriptLatin; sc <= scriptOther; sc++ {
		if n[sc] > most {
			best, most = sc, n[sc]
		}
	}
	return best
}
