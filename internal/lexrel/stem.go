package lexrel

import (
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
	"golang.org/x/text/language"
)

// stemmers are the Snowball stemmers of github.com/kljensen/snowball, by
// ISO 639-1 base language. That module has no German, Italian, Portuguese
// or Dutch stemmer.
var stemmers = map[string]func(string, bool) string{
	"en": english.Stem,
	"es": spanish.Stem,
	"fr": french.Stem,
	"ru": russian.Stem,
	"sv": swedish.Stem,
	"no": norwegian.Stem,
	"nb": norwegian.Stem,
	"nn": norwegian.Stem,
	"hu": hungarian.Stem,
}

func stemmer(lang language.Tag) func(string, bool) string {
	base, conf := lang.Base()
	if conf < language.High { // "und" guesses English
		return nil
	}
	return stemmers[base.String()]
}

// HasStemmer reports whether [Stem] has a stemmer for lang's language:
// English, Spanish, French, Russian, Swedish, Norwegian and Hungarian.
func HasStemmer(lang language.Tag) bool { return stemmer(lang) != nil }

// Stem returns the Snowball stem of a word in lang's language, in lower
// case ("Countries" → "countri", "переговоры" → "переговор"). For a language
// without a stemmer it returns the word in lower case, so that equal stems
// still mean the same word.
func Stem(lang language.Tag, word string) string {
	word = strings.ReplaceAll(strings.TrimSpace(word), "’", "'")
	if f := stemmer(lang); f != nil {
		return f(word, true)
	}
	return strings.ToLower(word)
}

// SameStemIn reports whether a and b are the same word or phrase in another
// form in lang's language: as many words, each pair with the same Snowball
// stem (or equal in lower case, in a language without a stemmer). For
// English it is [SameStem].
func SameStemIn(lang language.Tag, a, b string) bool {
	if base, conf := lang.Base(); conf >= language.High && base.String() == "en" {
		return SameStem(a, b)
	}
	return sameWords(a, b, func(x, y string) bool { return Stem(lang, x) == Stem(lang, y) })
}

// SameStem reports whether the English words or phrases a and b are the same
// word in another form: inflection or derivation ("talks"/"talked",
// "organize"/"organized", "country"/"countries", "welcome"/"welcoming"),
// word by word for a phrase. Two words count when their Snowball stems are
// equal, or when WordNet's morphology takes one of them to a noun or verb
// whose stem is the other's: irregular plurals and verb forms ("went"/"go",
// "children"/"child", "saw"/"see", "left"/"leave"). Comparatives of
// adjectives do not count ("better"/"good"). Snowball's stems can join
// words of one family that differ in meaning ("organ"/"organization",
// "university"/"universe"): this is evidence of form, not of sense.
func SameStem(a, b string) bool {
	return sameWords(a, b, sameEnglishWord)
}

func sameWords(a, b string, same func(x, y string) bool) bool {
	wa, wb := strings.Fields(strings.ReplaceAll(a, "_", " ")), strings.Fields(strings.ReplaceAll(b, "_", " "))
	if len(wa) == 0 || len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		if !same(wa[i], wb[i]) {
			return false
		}
	}
	return true
}

var englishTag = language.English

func sameEnglishWord(x, y string) bool {
	sx, sy := Stem(englishTag, x), Stem(englishTag, y)
	if sx == sy {
		return true
	}
	bx, by := englishBases(x), englishBases(y)
	for _, p := range bx {
		for _, q := range by {
			if p == q || Stem(englishTag, p) == Stem(englishTag, q) {
				return true
			}
		}
	}
	return false
}

// englishBases returns x in lower case and its noun and verb base forms
// that WordNet knows.
// Stems returns the English stems of a word that SameStem compares: its
// Snowball stem and those of its WordNet base forms ("went": go), each
// once. Two words are the same word in another form when their Stems
// share one; a caller comparing many words computes them once a word.
func Stems(word string) []string { return stemsCache.get(word, stems) }

var stemsCache wordCache[[]string]

func stems(word string) []string {
	out := []string{Stem(englishTag, word)}
	for _, b := range englishBases(word) {
		if st := Stem(englishTag, b); !slices.Contains(out, st) {
			out = append(out, st)
		}
	}
	return out
}

func englishBases(x string) []string {
	s := normalize(x)
	out := []string{s}
	w := db()
	out = w.morphy(s, 'n', out)
	return w.morphy(s, 'v', out)
}
