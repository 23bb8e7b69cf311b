package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/lexrel"
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

var meaningText = enum[Meaning]{"meaning", meaningNames[:]}

func (m Meaning) String() string { return meaningText.text(m) }

// MarshalText makes JSON say "synonym", not 2.
func (m Meaning) MarshalText() ([]byte, error) { return meaningText.marshal(m) }

// UnmarshalText reads a meaning written by MarshalText.
func (m *Meaning) UnmarshalText(b []byte) error { return meaningText.unmarshal(b, m) }

// severityOf ranks a meaning. Content replaced, added or omitted is
// critical when it leaves criticalWords content words or more without a
// counterpart (weight): a clause, not a word.
func severityOf(m Meaning, weight int) Severity {
	switch m {
	case MeaningTrivial:
		return SeverityTrivial
	case MeaningForm, MeaningSynonym, MeaningFunction, MeaningReorder:
		return SeverityMinor
	case MeaningEntity, MeaningNumber, MeaningNegation, MeaningGlossary:
		return SeverityCritical
	case MeaningContent, MeaningAdded, MeaningOmitted:
		if weight >= criticalWords {
			return SeverityCritical
		}
	}
	return SeverityMajor
}

// criticalWords is the number of content words without a counterpart
// that make a change critical. On the MQM dev file (go test ./diff -run
// EvalMQM), 3 orders pairs of outputs as translators do best, and its
// critical changes overlap a Major error most often (2: more changes,
// less often an error; 4 and more: fewer, ties left unbroken).
const criticalWords = 3

// meaningOf decides what change ch, made of tokens [a0,a1) of a and
// [b0,b1) of b with facts fa and fb, does to the meaning, and says why;
// weight is the number of content words the meaning rests on (see
// severityOf): those omitted, added, or replaced with no counterpart.
func meaningOf(ch *Change, a, b *side, e edit, fa, fb facts) (m Meaning, reason string, weight int) {
	if ch.Kind == Trivial {
		return MeaningTrivial, "case, quotes, dashes, spacing or Unicode form", 0
	}
	if slices.Contains(ch.Flags, FlagNumber) {
		return MeaningNumber, "a number differs: " + numberList(fa.numbers) + " → " + numberList(fb.numbers), 0
	}
	negation := ""
	if slices.Contains(ch.Flags, FlagNegation) {
		negation = "a negation gained"
		if fa.negations > fb.negations {
			negation = "a negation lost"
		}
	}
	if fa.questions != fb.questions {
		if fa.questions > fb.questions {
			return MeaningContent, "a question made a statement", 0
		}
		return MeaningContent, "a statement made a question", 0
	}
	// A negation reverses what the words around it say when they stay:
	// "will attack" and "will not attack". Where the words change too, or
	// a whole clause comes or goes, the change is in its content.
	wa, wb := a.wordsBesideNegations(e.a0, e.a1), b.wordsBesideNegations(e.b0, e.b1)
	with := func(reason string) string {
		if negation != "" {
			return reason + ", with " + negation
		}
		return reason
	}
	switch {
	case negation != "" && wordWeight(wa)+wordWeight(wb) <= maxNegatedWords:
		return MeaningNegation, negation, 0
	case ch.Kind == Omission && len(wa) > 0:
		return MeaningOmitted, with(fmt.Sprintf("%d content word%s only in A", len(wa), plural(len(wa)))), int(wordWeight(wa))
	case ch.Kind == Insertion && len(wb) > 0:
		return MeaningAdded, with(fmt.Sprintf("%d content word%s only in B", len(wb), plural(len(wb)))), int(wordWeight(wb))
	case negation != "" && len(wa) == 0 && len(wb) == 0:
		return MeaningNegation, negation, 0
	case len(wa) == 0 && len(wb) == 0:
		return MeaningFunction, "function words or punctuation only", 0
	}
	if sameMultiset(wa, wb) {
		if negation != "" {
			return MeaningNegation, negation, 0
		}
		return MeaningReorder, "the same words in another order", 0
	}
	ua, ub, how := pairWords(a, b, wa, wb)
	if len(ua) == 0 && len(ub) == 0 {
		switch {
		case negation != "":
			return MeaningNegation, negation, 0
		case how == MeaningSynonym:
			return how, "synonyms: " + pairsNote(wa, wb), 0
		}
		return how, "the same words in another form: " + pairsNote(wa, wb), 0
	}
	if va, vb := values(ua), values(ub); len(va) > 0 && len(vb) > 0 {
		return MeaningNumber, "a number differs: " + numberList(va) + " → " + numberList(vb), 0 // "World War II" and "III"
	}
	if slices.Contains(ch.Flags, FlagName) {
		na, nb := unkeptNames(fa, fb), unkeptNames(fb, fa)
		if shared := sharedEntities(a.wordKeys(e.a0, e.a1), b.wordKeys(e.b0, e.b1)); shared != nil {
			na = slices.DeleteFunc(na, func(n string) bool { return shared[n] })
			nb = slices.DeleteFunc(nb, func(n string) bool { return shared[n] })
			if len(na) == 0 && len(nb) == 0 && len(ua) <= len(shared) && len(ub) <= len(shared) {
				return MeaningForm, "one name in two forms", 0
			}
		}
		if named, why := namesMeaning(na, nb); named != MeaningContent {
			return named, with(why), 0
		}
	}
	return MeaningContent, with(fmt.Sprintf("content replaced: %s → %s", wordList(ua), wordList(ub))), int(wordWeight(ua))
}

// maxNegatedWords is how many content words a change may hold, both
// sides together, and still be a negation of the words around it: "not",
// or "did not succeed" against "succeeded".
const maxNegatedWords = 2

// wordWeight counts words, a Chinese or Japanese character (a token of
// its own) as half a word.
func wordWeight(words []string) float64 {
	w := 0.0
	for _, x := range words {
		if r, n := utf8.DecodeRuneInString(x); n == len(x) && r >= 0x2e80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// wordKeys returns the keys of the words of tokens [from,to) of s.
func (s *side) wordKeys(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		if s.toks[i].Class == textkey.Word {
			out = append(out, s.keys[i])
		}
	}
	return out
}

// wordsBesideNegations returns the keys of the content words of tokens
// [from,to) of s that are neither function words, nor negations (a
// negating word in an idiom, such as 是否 "whether", is a word), nor
// numbers, which the number flag compares by value ("2 p.m." and
// "14:00").
func (s *side) wordsBesideNegations(from, to int) []string {
	var out []string
	for i := from; i < to; i++ {
		info := wordInfos[s.keys[i]]
		if s.isNumber(i) || s.isMeridiem(i) {
			continue
		}
		if s.toks[i].IsContent() && !info.function && (!info.negation || s.idiom(i)) {
			out = append(out, s.keys[i])
		}
	}
	return out
}

// namesMeaning judges the names only one side of a change has: a name
// replaced by another is an entity changed, unless the two are one name
// in another spelling or another common form (see sameEntity); a name
// only one side has leaves the change one of content.
func namesMeaning(na, nb []string) (Meaning, string) {
	na = slices.DeleteFunc(na, func(n string) bool { return slices.ContainsFunc(nb, func(m string) bool { return formOf(n, m) }) })
	if len(na) == 0 || len(nb) == 0 {
		return MeaningContent, ""
	}
	if spelling(strings.Join(na, " "), strings.Join(nb, " ")) {
		return MeaningContent, "a name spelt another way: " + strings.Join(na, " ") + " / " + strings.Join(nb, " ")
	}
	return MeaningEntity, "a name replaced: " + strings.Join(na, " ") + " → " + strings.Join(nb, " ")
}

// spelling reports whether two names are close enough to be one name
// spelt two ways (a transliteration): an edit distance of at most a
// third of the longer.
func spelling(x, y string) bool {
	rx, ry := []rune(x), []rune(y)
	prev, cur := make([]int, len(ry)+1), make([]int, len(ry)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(rx); i++ {
		cur[0] = i
		for j := 1; j <= len(ry); j++ {
			cost := 1
			if rx[i-1] == ry[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 3*prev[len(ry)] <= max(len(rx), len(ry))
}

// markReorders makes an insertion and an omission of one bead that hold
// the same content words a reordering: "trade and energy" against
// "energy and trade" is two edits to the word diff, one to a reader.
func markReorders(chs []Change) []Change {
	content := make([][]string, len(chs)) // of each insertion and omission that may be half of one
	for i, ch := range chs {
		switch {
		case !onlyNames(ch.Flags):
		case ch.Kind == Omission:
			content[i] = textContent(ch.A)
		case ch.Kind == Insertion:
			content[i] = textContent(ch.B)
		}
	}
	for i := range chs {
		if chs[i].Kind != Omission || len(content[i]) == 0 {
			continue
		}
		for j := range chs {
			if chs[j].Kind == Insertion && len(content[j]) > 0 && sameMultiset(content[i], content[j]) {
				for _, k := range []int{i, j} {
					chs[k].Meaning, chs[k].Reason = MeaningReorder, "the same words elsewhere in the sentence"
					chs[k].Severity = severityOf(MeaningReorder, 0)
				}
				content[j] = nil // paired once
				break
			}
		}
	}
	return chs
}

// onlyNames reports whether flags hold no flag but name: a number or a
// negation is no reordering.
func onlyNames(flags []Flag) bool {
	return !slices.Contains(flags, FlagNumber) && !slices.Contains(flags, FlagNegation) && !slices.Contains(flags, FlagGlossary)
}

// textContent returns the keys of the content words of text that are
// not function words.
func textContent(text string) []string {
	var out []string
	for _, t := range textkey.Tokens(text, 0) {
		if key := textkey.Key(text[t.Start:t.End]); t.IsContent() && !wordInfos[key].function {
			if v := wordValue(key); v > 0 {
				key = strconv.Itoa(v) // "World War II" and "the Second World War"
			}
			out = append(out, key)
		}
	}
	return out
}

// pairWords pairs the content words of the two sides that mean the same,
// in three passes, each over the words the last left: the same key; the
// same word in another form (a stem, a number's value, an acronym and the
// words that spell it out); synonyms, only where few words are left
// (maxSynonymChecks). It returns the words left unpaired on each side and
// the weakest evidence a pair needed: MeaningForm, or MeaningSynonym.
func pairWords(a, b *side, wa, wb []string) (ua, ub []string, how Meaning) {
	how = MeaningForm
	spelledA, spelledB := a.spelledOut(b), b.spelledOut(a)
	left := map[string]int{}
	for _, y := range wb {
		left[y]++
	}
	for _, x := range wa {
		switch {
		case left[x] > 0:
			left[x]--
		case !spelledA[x]: // an acronym spelt out in B, or a word spelling one of B's
			ua = append(ua, x)
		}
	}
	for _, y := range wb {
		if left[y] > 0 {
			left[y]--
			if !spelledB[y] {
				ub = append(ub, y)
			}
		}
	}
	if len(ua) == 0 || len(ub) == 0 {
		return ua, ub, how
	}
	ra, rb := unpaired(formsOf(ua), formsOf(ub), wordForm.same)
	if len(ra) > 0 && len(rb) > 0 && len(ra)*len(rb) <= maxSynonymChecks {
		sa, sb := unpaired(ra, rb, func(x, y wordForm) bool { return synonyms(x.key, y.key) })
		if len(sa) < len(ra) {
			how = MeaningSynonym
		}
		ra, rb = sa, sb
	}
	return keys(ra), keys(rb), how
}

// unpaired pairs each word of fa with the first unpaired word of fb that
// same says it matches, and returns the words left on each side.
func unpaired(fa, fb []wordForm, same func(x, y wordForm) bool) (ra, rb []wordForm) {
	used := make([]bool, len(fb))
	for _, x := range fa {
		j := -1
		for k, y := range fb {
			if !used[k] && same(x, y) {
				j = k
				break
			}
		}
		if j < 0 {
			ra = append(ra, x)
			continue
		}
		used[j] = true
	}
	for k, y := range fb {
		if !used[k] {
			rb = append(rb, y)
		}
	}
	return ra, rb
}

func keys(forms []wordForm) []string {
	out := make([]string, len(forms))
	for i, f := range forms {
		out[i] = f.key
	}
	return out
}

// maxSynonymChecks bounds the pairs of words a change looks up in
// WordNet: a rewording leaves a few words unpaired, and a whole passage
// replaced is content replaced whatever synonyms it holds.
const maxSynonymChecks = 36

// wordForm is a content word with the stems it may share with another
// form of it: its own Snowball stem and those of its WordNet base forms
// ("went": go; "children": child), computed once per word.
type wordForm struct {
	key   string
	stems []string
}

func formsOf(words []string) []wordForm {
	out := make([]wordForm, len(words))
	for i, w := range words {
		out[i] = wordForm{key: w, stems: lexrel.Stems(w)}
	}
	return out
}

// same reports whether x and y are forms of one word (see formOf).
func (x wordForm) same(y wordForm) bool {
	if formOf(x.key, y.key) {
		return true
	}
	for _, s := range x.stems {
		if slices.Contains(y.stems, s) {
			return true
		}
	}
	return false
}

// sameStem reports whether two word keys are forms of one word, in any
// language: they share a prefix of at least four letters and four fifths
// of the shorter ("organize", "organized"; "China", "Chinese"; "Путин",
// "Путина").
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

// formOf reports whether two word keys are one word, perhaps inflected,
// or one number: the same stem, a plural of a short word ("sco",
// "scos"), or the same value ("second", "ii", "2").
func formOf(x, y string) bool {
	if x == y || sameStem(x, y) || strings.TrimSuffix(x, "s") == strings.TrimSuffix(y, "s") {
		return true
	}
	vx, vy := wordValue(x), wordValue(y)
	return vx > 0 && vx == vy
}

// values returns the numbers that Roman numerals among words stand for,
// which the number flag does not read (it compares the rest).
func values(words []string) []string {
	var out []string
	for _, w := range words {
		if v := wordValue(w); v > 0 && isRoman(w) {
			out = append(out, strconv.Itoa(v))
		}
	}
	return out
}

// wordValue returns the number a word key stands for, as a numeral, an
// English number word or ordinal ("second"), or a Roman numeral of two
// letters or more ("ii": "I", "V" and "X" alone are more often letters);
// 0 for other words.
func wordValue(key string) int {
	if n, err := strconv.Atoi(key); err == nil && n > 0 {
		return n
	}
	if n := numberWords[key]; n > 0 {
		return n
	}
	if len(key) < 2 || !isRoman(key) {
		return 0
	}
	n := 0
	for i := range len(key) {
		v := romanDigits[key[i]]
		if i+1 < len(key) && v < romanDigits[key[i+1]] {
			n -= v
		} else {
			n += v
		}
	}
	return n
}

// romanDigits are the values of the letters of a Roman numeral up to C.
var romanDigits = [256]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100}

func isRoman(key string) bool { return strings.Trim(key, "ivxlc") == "" }

// synonyms reports whether two word keys are synonyms or near-synonyms in
// English WordNet (see internal/lexrel): a word of another language has
// none there.
func synonyms(x, y string) bool { return lexrel.Synonyms(x, y) }

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

// unkeptNames returns the names of own that other does not keep (see
// nameKept), less function words: "This" and "Such" opening a clause the
// splitter did not see are no names to replace.
func unkeptNames(own, other facts) []string {
	var out []string
	for _, n := range own.names {
		if !wordInfos[n].function && !nameKept(n, own, other) {
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
