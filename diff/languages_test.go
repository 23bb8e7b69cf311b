package diff

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/internal/textkey"
)

// Long enough for a confident detection: a paragraph each of English and
// of French, written for this test.
const (
	englishParagraph = "The committee met on Tuesday to discuss the budget for the coming year. " +
		"Its members agreed that the money for schools and hospitals should be increased, and they asked the minister to report on the plan before the end of the month. " +
		"The chairman said that the decision was taken after a long debate."
	frenchParagraph = "Le comité s'est réuni mardi pour discuter du budget de l'année prochaine. " +
		"Ses membres ont convenu que les crédits pour les écoles et les hôpitaux devaient être augmentés, et ils ont demandé au ministre de présenter le plan avant la fin du mois. " +
		"Le président a dit que la décision a été prise après un long débat."
)

// TestLanguagePolicy checks the rule that decides whether two texts are
// compared word by word: always, unless there is strong evidence of two
// languages. A weak guess (a short text read as French because of "plus")
// never switches the word diff off.
func TestLanguagePolicy(t *testing.T) {
	for _, tt := range []struct {
		name         string
		a, b         string
		langA, langB language.Tag
		cross        bool
	}{
		{name: "short, one word reads as French", a: "Total: 5 plus 3 equals 8.\n", b: "Total: 5 minus 3 equals 8.\n"},
		{name: "short, no common word", a: "Sentence one plain text here.\n", b: "Sentence one plain del text here.\n"},
		{name: "two different English texts", a: "The band played in the square.", b: "A group performed at the plaza today."},
		{name: "long English against long English", a: englishParagraph, b: strings.Replace(englishParagraph, "Tuesday", "Friday", 1)},
		{name: "English against French, both long", a: englishParagraph, b: frenchParagraph, cross: true},
		{name: "English against a short French sentence", a: englishParagraph, b: "Le comité s'est réuni mardi."},
		{name: "Chinese against Russian", a: "两国元首签署了联合声明。", b: "Главы государств подписали совместное заявление.", cross: true},
		{name: "a name in two scripts is too short to tell", a: "Москва", b: "Moscow"},
		{name: "mixed scripts", a: "Путин met Xi in the Kremlin", b: "Putin met Xi in the Kremlin"},
		{name: "a sentence in another script added to shared words", a: "We will not attack the city.", b: "We will attack the city. Мы не будем атаковать город сегодня вечером ни при каких условиях."},
		{name: "given one language overrides scripts", a: "两国元首签署了联合声明。", b: "Главы государств подписали совместное заявление.", langA: language.Russian, langB: language.Russian},
		{name: "given two languages", a: "Total: 5 plus 3.", b: "Total: 5 minus 3.", langA: language.English, langB: language.French, cross: true},
		{name: "one given, the other too short to tell", a: "Total: 5 plus 3.", b: "Total: 5 minus 3.", langA: language.English},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := Compare(Document{Text: tt.a}, Document{Text: tt.b}, Options{LangA: tt.langA, LangB: tt.langB})
			l := c.Languages
			if l.Cross != tt.cross {
				t.Fatalf("Cross = %v (%s: %s, %s), want %v", l.Cross, l.Reason, l.A, l.B, tt.cross)
			}
			if l.Reason == "" {
				t.Error("no reason given")
			}
			if !l.Cross && l.A != l.B {
				t.Errorf("one language, but A is %s and B %s", l.A, l.B)
			}
			if l.Cross && (l.Describe() == "" || !strings.Contains(l.Describe(), "not diffed")) {
				t.Errorf("Describe() = %q, want it to say the words are not diffed", l.Describe())
			}
			// Compared in one language, different texts have changes.
			if !l.Cross && tt.a != tt.b && c.Summary.Differences()+c.Summary.Count(Trivial) == 0 {
				t.Errorf("texts differ, but no change found")
			}
		})
	}
}

// TestLanguagesGivenDecide checks that with both languages given, the
// tags alone decide, whatever the texts hold.
func TestLanguagesGivenDecide(t *testing.T) {
	l := resolveLanguages(englishParagraph, frenchParagraph, language.MustParse("en-GB"), language.MustParse("en-US"))
	if l.Cross || !l.Given {
		t.Errorf("en-GB against en-US: %+v, want one language, given", l)
	}
}

// nonSpaceKeys returns the keys of text's tokens that are not white space:
// two texts whose keys are equal differ only trivially (case, quotes,
// dashes, spacing, Unicode form).
func nonSpaceKeys(text string) []string {
	var keys []string
	for _, tok := range textkey.Tokens(text, 0) {
		if tok.Class != textkey.Space {
			keys = append(keys, textkey.Key(text[tok.Start:tok.End]))
		}
	}
	return keys
}

// FuzzNoSilentSame drives the library's entry point with two short texts:
// whenever they differ beyond the trivial, the comparison reports a change
// or says that it compared them as two languages. A comparison that says
// "the same" of different texts is the worst answer paradiff can give.
func FuzzNoSilentSame(f *testing.F) {
	f.Add("Total: 5 plus 3 equals 8.", "Total: 5 minus 3 equals 8.")
	f.Add("Sentence one plain text here.", "Sentence one plain del text here.")
	f.Add("Let's eat, grandma.", "Let's eat grandma.")
	f.Add("He left.", "He left?")
	f.Add("两国元首签署了声明。", "Главы подписали заявление.")
	f.Add("The band played.", "THE BAND PLAYED.")
	f.Add("a b", "ab")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) || len(a) > 2000 || len(b) > 2000 {
			return // the library takes valid UTF-8; readers reject the rest
		}
		c := Compare(Document{Text: a}, Document{Text: b}, Options{})
		if c.Languages.Cross || slices.Equal(nonSpaceKeys(a), nonSpaceKeys(b)) {
			return
		}
		if c.Summary.Differences() == 0 && c.Summary.Glossary == 0 {
			t.Fatalf("%q and %q differ, compared as one language (%s), but no change is reported", a, b, c.Languages.Reason)
		}
	})
}
