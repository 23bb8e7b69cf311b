package diff

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/textkey"
)

// Meaning says what a change does to the meaning of the statement; with
// the change's Reason, it is the evidence for its severity, and every
// report shows it.
type Meaning uint8

const (
	MeaningTrivial  Meaning = iota // case, quotes, dashes, spacing or Unicode form only
	MeaningForm                    // the same fact in another form: a word's inflection, an acronym spelt out
	MeaningSynonym                 // a word replaced by a synonym or near-synonym
	MeaningFunction                // function words or punctuation only, the content kept
	MeaningReorder                 // the same words in another order
	MeaningContent                 // content replaced by other content
	MeaningEntity                  // a name replaced by another name
	MeaningNumber                  // a number changed in value
	MeaningNegation                // a negation gained or lost
	MeaningOmitted                 // content only A has
	MeaningAdded                   // content only B has
	MeaningMoved                   // text that stands elsewhere in the other version
	MeaningGlossary                // an approved term not rendered as the glossary says
)

var meaningNames = [...]string{"trivial", "form", "synonym", "function", "reorder", "content", "entity", "number", "negation", "omitted", "added", "moved", "glossary"}

func (m Meaning) String() string {
	if int(m) < len(meaningNames) {
		return meaningNames[m]
	}
	return fmt.Sprintf("Meaning(%d)", m)
}

// MarshalText makes JSON say "synonym", not 2.
func (m Meaning) MarshalText() ([]byte, error) {
	if int(m) >= len(meaningNames) {
		return nil, fmt.Errorf("diff: unknown meaning %d", m)
	}
	return []byte(m.String()), nil
}

// UnmarshalText reads a meaning written by MarshalText.
func (m *Meaning) UnmarshalText(b []byte) error {
	for i, name := range meaningNames {
		if string(b) == name {
			*m = Meaning(i)
			return nil
		}
	}
	return fmt.Errorf("diff: unknown meaning %q", b)
}

// severityOf ranks a meaning. Omitted content is critical when it is as
// much as a sentence (criticalOmission content words).
func severityOf(m Meaning, contentWords int) Severity {
	switch m {
	case MeaningTrivial:
		return SeverityTrivial
	case MeaningForm, MeaningSynonym, MeaningFunction, MeaningReorder:
		return SeverityMinor
	case MeaningEntity, MeaningNumber, MeaningNegation, MeaningGlossary:
		return SeverityCritical
	case MeaningOmitted:
		if contentWords >= criticalOmission {
			return SeverityCritical
		}
	}
	return SeverityMajor
}

// criticalOmission is the number of content words an omission must hold
// to be critical: a sentence's worth, not a phrase.
const criticalOmission = 10

// meaningOf decides what change ch, made of tokens [a0,a1) of a and
// [b0,b1) of b with facts fa and fb, does to the meaning, and says why.
func meaningOf(ch *Change, a, b *side, e edit, fa, fb facts) (Meaning, string) {
	if ch.Kind == Trivial {
		return MeaningTrivial, "case, quotes, dashes, spacing or Unicode form"
	}
	for _, f := range ch.Flags {
		switch f {
		case FlagNumber:
			return MeaningNumber, "a number differs: " + numberList(fa.numbers) + " → " + numberList(fb.numbers)
		case FlagNegation:
			if fa.negations > fb.negations {
				return MeaningNegation, "a negation lost"
			}
			return MeaningNegation, "a negation gained"
		}
	}
	wa, wb := contentWords(a, e.a0, e.a1), contentWords(b, e.b0, e.b1)
	if fa.questions != fb.questions {
		if fa.questions > fb.questions {
			return MeaningContent, "a question made a statement"
		}
		return MeaningContent, "a statement made a question"
	}
	switch {
	case ch.Kind == Omission && len(wa) > 0:
		return MeaningOmitted, fmt.Sprintf("%d content word%s only in A", len(wa), plural(len(wa)))
	case ch.Kind == Insertion && len(wb) > 0:
		return MeaningAdded, fmt.Sprintf("%d content word%s only in B", len(wb), plural(len(wb)))
	case len(wa) == 0 && len(wb) == 0:
		return MeaningFunction, "function words or punctuation only"
	}
	if sameMultiset(wa, wb) {
		return MeaningReorder, "the same words in another order"
	}
	ua, ub, how := pairWords(a, b, wa, wb)
	if len(ua) == 0 && len(ub) == 0 {
		if how == MeaningSynonym {
			return how, "synonyms: " + pairsNote(wa, wb)
		}
		return how, "the same words in another form: " + pairsNote(wa, wb)
	}
	if slices.Contains(ch.Flags, FlagName) {
		na, nb := unkeptNames(fa, fb), unkeptNames(fb, fa)
		na = slices.DeleteFunc(na, func(n string) bool { return slices.ContainsFunc(nb, func(m string) bool { return formOf(n, m) }) })
		if len(na) > 0 && len(nb) > 0 {
			return MeaningEntity, "a name replaced: " + strings.Join(na, " ") + " → " + strings.Join(nb, " ")
		}
	}
	return MeaningContent, fmt.Sprintf("content replaced: %s → %s", wordList(ua), wordList(ub))
}

// markReorders makes an insertion and an omission of one bead that hold
// the same content words a reordering: "trade and energy" against
// "energy and trade" is two edits to the word diff, one to a reader.
func markReorders(chs []Change) []Change {
	for i := range chs {
		if chs[i].Kind != Omission || chs[i].Meaning != MeaningOmitted {
			continue
		}
		words := textContent(chs[i].A)
		for j := range chs {
			if chs[j].Kind == Insertion && chs[j].Meaning == MeaningAdded && sameMultiset(words, textContent(chs[j].B)) {
				for _, k := range []int{i, j} {
					chs[k].Meaning, chs[k].Reason = MeaningReorder, "the same words elsewhere in the sentence"
					chs[k].Severity = severityOf(MeaningReorder, 0)
				}
				break
			}
		}
	}
	return chs
}

// textContent returns the keys of the content words of text that are
// not function words.
func textContent(text string) []string {
	var out []string
	for _, t := range textkey.Tokens(text, 0) {
		if key := textkey.Key(text[t.Start:t.End]); t.IsContent() && !wordInfos[key].function {
			out = append(out, key)
		}
	}
	return out
}

// contentWords returns the keys of the content words of tokens [from,to)
// of s that are not function words.
func contentWords(s *side, from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		if s.toks[i].IsContent() && !wordInfos[s.keys[i]].function {
			out = append(out, s.keys[i])
		}
	}
	return out
}

// pairWords pairs the content words of the two sides that mean the same:
// the same key, the same stem, an acronym and the words that spell it
// out, or synonyms. It returns the words left unpaired on each side and
// the weakest evidence a pair needed: MeaningForm, or MeaningSynonym.
func pairWords(a, b *side, wa, wb []string) (ua, ub []string, how Meaning) {
	how = MeaningForm
	usedB := make([]bool, len(wb))
	spelledA, spelledB := a.spelledOut(b), b.spelledOut(a)
	for _, x := range wa {
		if spelledA[x] {
			continue // an acronym spelt out in B, or a word spelling one of B's
		}
		best, bestHow := -1, MeaningContent
		for j, y := range wb {
			if usedB[j] {
				continue
			}
			if formOf(x, y) {
				best, bestHow = j, MeaningForm
				break
			}
			if best < 0 && synonyms(x, y) {
				best, bestHow = j, MeaningSynonym
			}
		}
		if best < 0 {
			ua = append(ua, x)
			continue
		}
		usedB[best] = true
		how = max(how, bestHow)
	}
	for j, y := range wb {
		if !usedB[j] && !spelledB[y] {
			ub = append(ub, y)
		}
	}
	return ua, ub, how
}

// sameStem reports whether two word keys are forms of one word: they
// share a prefix of at least four letters and four fifths of the shorter
// ("organize", "organized"; "talks", "talk").
func sameStem(x, y string) bool {
	common := 0
	for common < len(x) && common < len(y) && x[common] == y[common] {
		common++
	}
	for common > 0 && !utf8.RuneStart(x[common-1]) {
		common--
	}
	shorter := min(utf8.RuneCountInString(x), utf8.RuneCountInString(y))
	n := utf8.RuneCountInString(x[:common])
	return n >= 4 && 5*n >= 4*shorter
}

// formOf reports whether two word keys are one word, perhaps inflected:
// the same stem, or a plural of a short word ("sco", "scos").
func formOf(x, y string) bool {
	return x == y || sameStem(x, y) || strings.TrimSuffix(x, "s") == strings.TrimSuffix(y, "s")
}

// synonyms reports whether two word keys are synonyms or near-synonyms.
var synonyms = func(x, y string) bool { return false }

func sameMultiset(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	count := map[string]int{}
	for _, w := range x {
		count[w]++
	}
	for _, w := range y {
		if count[w]--; count[w] < 0 {
			return false
		}
	}
	return true
}

// unkeptNames returns the names of own that other does not write in any
// form, as flagsOf judges them.
func unkeptNames(own, other facts) []string {
	var out []string
	spelled := own.words.s.spelledOut(other.words.s)
	for _, n := range own.names {
		if !other.words.hasForm(n) && !other.words.s.has(n) && !spelled[n] {
			out = append(out, n)
		}
	}
	return out
}

// wordList writes at most a few words of a list, for a reason.
func wordList(words []string) string {
	const most = 4
	switch {
	case len(words) == 0:
		return "nothing"
	case len(words) > most:
		return strings.Join(words[:most], " ") + " …"
	}
	return strings.Join(words, " ")
}

func pairsNote(wa, wb []string) string { return wordList(wa) + " / " + wordList(wb) }

func numberList(numbers []string) string {
	if len(numbers) == 0 {
		return "none"
	}
	return strings.Join(numbers, " ")
}
