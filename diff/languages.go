package diff

import (
	"fmt"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/paradiff/paradiff/align"
)

// Languages says in which languages A and B were compared, and why.
type Languages struct {
	A, B language.Tag
	// Cross says that A and B were compared as two languages: sentences
	// aligned across languages, and no word diff (see [Options]).
	Cross bool
	// Given says that [Options] named both languages: nothing was
	// detected.
	Given bool
	// Reason is the evidence for Cross, or for one language, in a
	// sentence a report can show: "A is in Han script, B in Cyrillic".
	Reason string
}

// minScriptShare is the share of a text's letters its main script must
// hold to tell two texts apart by script: "Путин met Xi" is in no one
// script.
const minScriptShare = 2.0 / 3

// minScriptLetters is the fewest letters (a CJK character counts as two)
// of a text whose script is evidence of its language.
const minScriptLetters = 8

// resolveLanguages decides the languages of A and B and whether they are
// compared as two languages. Words are diffed unless there is strong
// evidence of two languages, because a wrong guess of two languages
// hides every word that changed:
//
//   - both languages given: their base languages decide;
//   - the main scripts differ, each holding most of its text's letters,
//     or both texts are long enough for a confident detection (see
//     [align.Detection]) of two base languages; and either way the texts
//     share few words ([align.WordOverlap]).
//
// Otherwise both are compared as one language: the one given, else the
// one detected with confidence, else the guess from the longer text.
func resolveLanguages(textA, textB string, langA, langB language.Tag) Languages {
	if langA != language.Und && langB != language.Und {
		l := Languages{A: langA, B: langB, Cross: !sameBase(langA, langB), Given: true, Reason: "the languages were given"}
		return l
	}
	detect := func(given language.Tag, text string) align.Detection {
		d := align.Detect(text)
		if given != language.Und {
			d.Lang, d.Confident = given, true
		}
		return d
	}
	da, db := detect(langA, textA), detect(langB, textB)
	l := Languages{A: da.Lang, B: db.Lang}
	scripts := da.Script != "" && db.Script != "" && da.Script != db.Script &&
		da.ScriptShare >= minScriptShare && db.ScriptShare >= minScriptShare &&
		da.Letters >= minScriptLetters && db.Letters >= minScriptLetters
	detected := da.Confident && db.Confident && !sameBase(da.Lang, db.Lang)
	// Either way, two texts that share many words are one: a Russian
	// sentence added to an English one leaves the English words to diff.
	if scripts || detected {
		if overlap := align.WordOverlap(textA, textB); overlap < align.CrossOverlap {
			l.Cross = true
			l.Reason = fmt.Sprintf("A reads as %s and B as %s, and they share %.0f%% of their words", langName(da.Lang), langName(db.Lang), 100*overlap)
			if scripts {
				l.Reason = fmt.Sprintf("A is in %s script, B in %s", da.Script, db.Script)
			}
			return l
		}
	}
	// One language: the given one, else the confident one, else the one
	// of the text with more letters. The choice must not depend on which
	// text is A, so that comparing B with A mirrors comparing A with B.
	one := da.Lang
	switch {
	case langA != language.Und:
	case langB != language.Und:
		one = db.Lang
	case da.Confident != db.Confident:
		if db.Confident {
			one = db.Lang
		}
	case db.Letters > da.Letters || db.Letters == da.Letters && db.Lang.String() < da.Lang.String():
		one = db.Lang
	}
	l.A, l.B = one, one
	l.Reason = "no strong evidence of two languages"
	if da.Confident && db.Confident && sameBase(da.Lang, db.Lang) {
		l.Reason = "both read as " + langName(one)
	}
	return l
}

func sameBase(a, b language.Tag) bool {
	ba, _ := a.Base()
	bb, _ := b.Base()
	return ba == bb
}

// langName names a language in English, with its tag: "French (fr)".
func langName(t language.Tag) string {
	if t == language.Und {
		return "an unknown language"
	}
	return display.English.Languages().Name(t) + " (" + t.String() + ")"
}

// Describe says in a sentence how the languages were taken, for the top
// of a report: "compared as two languages, Chinese (zh) and Russian (ru):
// A is in Han script, B in Cyrillic; words are not diffed", or, for one
// language, "".
func (l Languages) Describe() string {
	if !l.Cross {
		return ""
	}
	return fmt.Sprintf("compared as two languages, %s and %s (%s): sentences are aligned across languages and their words are not diffed",
		langName(l.A), langName(l.B), l.Reason)
}
