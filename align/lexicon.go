package align

import (
	_ "embed"
	"math"
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// The lexicon is paradiff's own list of common words in English, Chinese,
// Russian, German, French and Spanish (lexicon.txt), 819 concepts: people
// and family, time, nature, places, the body, common verbs and adjectives,
// numbers in words, the words of politics, diplomacy, the economy and the
// news, the main countries, peoples and capitals of the world, everyday
// things (home, food, shopping, technology, travel, health, school) and
// public life (law, security, finance, society). The
// Spanish words have no evaluation data here; the others do (see below).
// The Chinese words are in simplified characters: traditional text
// matches those that both write alike.
// Across two of its languages, Align finds its concepts in both texts as
// it finds a Dictionary's entries: two sentences that share concepts are
// more likely to translate each other, which learning from the text
// itself (align_learn.go) cannot tell on a short text, where too few
// words repeat.
//
// Unlike a Dictionary's entries and the anchors, a concept counts only
// where both segments of a bead have it (see bag.bonus): translations
// choose other words than a general list expects, so a concept one
// segment lacks is no sign that the two do not match, nor one that the
// other text lacks a sign that a sentence has no counterpart. Counted as
// anchors are, lost when unmatched, the concepts lowered strict F1 on the
// German-French evaluation set from 0.836 to 0.759; taken as a sign of a
// sentence without counterpart, as a Dictionary's are, they lowered it on
// every set (Chinese-Russian from 0.888 to 0.730, with an early, smaller
// lexicon). Each side's words are looked for in the text of that language
// only, so that French "est" (is) is never English "east", nor German
// "hier" (here) French "hier" (yesterday).
//
// On the evaluation (eval_test.go), the lexicon raises strict F1 on every
// cross-language set across scripts, by 0.019 to 0.071, and leaves the
// German-French one about as it was; see the README for the figures.
// Nouns carry over best: the everyday and public-life concepts raised
// WMT22 English-Chinese from 0.952 to 0.958 and WMT21 Russian-English
// with 47% left out from 0.942 to 0.946, and moved the other sets by
// 0.001 at most, while 160 more common verbs and 160 adjectives and
// adverbs raised those two further (0.962, 0.958) but cost German-French
// 0.013, whose literary translation renders them freely; they are not in
// the list.

//go:embed lexicon.txt
var lexiconText string

// lexiconTable is lexicon.txt parsed: the languages of its columns, and
// each concept's cells, the forms of each language.
type lexiconTable struct {
	langs []language.Base
	rows  [][][]string // concept, column, forms

	compiled sync.Map // [2]int{column of A, column of B}: func() [2]*compiledDict
}

var parsedLexicon = sync.OnceValue(func() *lexiconTable { return parseLexicon(lexiconText) })

// parseLexicon reads the lexicon's format: comment lines start with #,
// the first other line names the columns' languages, and each line after
// it is a concept, its cells separated by | and their forms by commas.
// lexicon_test.go checks that the file is well formed.
func parseLexicon(text string) *lexiconTable {
	t := &lexiconTable{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cells := strings.Split(line, "|")
		if t.langs == nil {
			for _, c := range cells {
				b, _ := language.ParseBase(strings.TrimSpace(c))
				t.langs = append(t.langs, b)
			}
			continue
		}
		row := make([][]string, len(cells))
		for k, c := range cells {
			for f := range strings.SplitSeq(c, ",") {
				if f = strings.TrimSpace(f); f != "" {
					row[k] = append(row[k], f)
				}
			}
		}
		t.rows = append(t.rows, row)
	}
	return t
}

// column returns the lexicon's column for the language of tag, or -1.
func (t *lexiconTable) column(tag language.Tag) int {
	if tag == language.Und {
		return -1
	}
	b, _ := tag.Base()
	for k, l := range t.langs {
		if l == b {
			return k
		}
	}
	return -1
}

// compileLexicon returns the finders of the lexicon's concepts in a text
// in language la and one in lb, or nils unless both languages are in the
// lexicon and differ. Finders are only read, so each pair of columns is
// compiled once, on first use: compiling takes milliseconds, longer than
// aligning a short text.
func compileLexicon(la, lb language.Tag) (forA, forB *compiledDict) {
	ba, _ := la.Base()
	bb, _ := lb.Base()
	if ba == bb {
		return nil, nil // one language: no need to read the lexicon
	}
	t := parsedLexicon()
	ca, cb := t.column(la), t.column(lb)
	if ca < 0 || cb < 0 {
		return nil, nil
	}
	pair, _ := t.compiled.LoadOrStore([2]int{ca, cb}, sync.OnceValue(func() [2]*compiledDict {
		var concepts []concept
		for _, row := range t.rows {
			if ca < len(row) && cb < len(row) && len(row[ca]) > 0 && len(row[cb]) > 0 {
				concepts = append(concepts, concept{a: row[ca], b: row[cb]})
			}
		}
		forA, forB := compileConcepts(concepts, kindLexicon, lexiconForms, "@l", math.MaxInt)
		return [2]*compiledDict{forA, forB}
	}))
	d := pair.(func() [2]*compiledDict)()
	return d[0], d[1]
}

// detectSegments returns the language of segs, judged by DetectLanguage
// from their first maxDetect bytes.
func detectSegments(segs []Segment) language.Tag {
	var b strings.Builder
	for _, s := range segs {
		if b.Len() >= maxDetect {
			break
		}
		b.WriteString(s.Text)
		b.WriteByte('\n')
	}
	return DetectLanguage(b.String())
}
