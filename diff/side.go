package diff

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/textkey"
)

// side is one side of a bead: its span of the document, cut into tokens
// with their comparison keys.
type side struct {
	text  string // the whole document
	span  span
	toks  []textkey.Token
	keys  []string // keys[i] is the key of toks[i]; all white space is " "
	latin bool     // most letters are Latin: a Latin word is no sign of a name

	// readNumberWords: read number words as numbers (see numberAt),
	// which only a comparison in one language can: across languages the
	// other side writes them in its own words.
	readNumberWords bool

	all      []string // the numbers of the whole side, once allNumbers has them
	allKnown bool

	spelled      map[string]bool // see spelledOut
	spelledKnown bool
}

func newSide(text string, sp span) *side {
	s := &side{}
	s.reset(text, sp)
	return s
}

// reset makes s the side of text that sp spans, reusing its storage.
func (s *side) reset(text string, sp span) {
	s.text, s.span = text, sp
	s.all, s.allKnown = s.all[:0], false
	s.spelled, s.spelledKnown = nil, false
	s.toks = textkey.AppendTokens(s.toks[:0], text[sp.start:sp.end], sp.start)
	s.keys = slices.Grow(s.keys[:0], len(s.toks))[:len(s.toks)]
	latin, other := 0, 0
	for i, t := range s.toks {
		s.keys[i] = " "
		if t.Class == textkey.Space {
			continue
		}
		word := text[t.Start:t.End]
		s.keys[i] = textkey.Key(word)
		if t.Class == textkey.Word {
			if r, _ := utf8.DecodeRuneInString(word); unicode.Is(unicode.Latin, r) {
				latin++
			} else {
				other++
			}
		}
	}
	s.latin = latin >= other
}

// tokenAt returns the index of the first token that starts at or after
// byte offset pos.
func (s *side) tokenAt(pos int) int {
	i, _ := slices.BinarySearchFunc(s.toks, pos, func(t textkey.Token, pos int) int { return t.Start - pos })
	return i
}

func (s *side) tokenText(i int) string { return s.text[s.toks[i].Start:s.toks[i].End] }

// facts are what the flags of a change are decided by, for one side's
// tokens of it.
type facts struct {
	numbers   []string // number values (see side.number), sorted
	negations int      // negating words
	names     []string // keys of words that look like names
	words     keyRange // the keys of all its content tokens
	content   bool     // a content token that is not a function word
	questions int      // question marks: ? ？ ¿ ؟
}

// factsOf describes tokens [from, to) of the side. Its numbers are values
// (see numberAt) and include the number of every month name: across
// languages a date keeps its numbers but not its month names, and in one
// language "May 8" and "05-08" are one date.
func (s *side) factsOf(from, to int) facts {
	f := facts{words: keyRange{s, from, to}}
	for i := from; i < to; i++ {
		t := s.toks[i]
		if !t.IsContent() {
			if t.Class == textkey.Punct && isQuestionMark(s.keys[i]) {
				f.questions++
			}
			continue
		}
		key := s.keys[i]
		info := wordInfos[key]
		f.numbers = s.appendNumbers(f.numbers, i, from, info, false)
		if info.negation && !s.idiom(i) {
			f.negations++
		}
		if !info.function {
			f.content = true
		}
		if t.Class != textkey.Word {
			continue
		}
		if info.month == "" && s.isName(i) && !s.isMeridiem(i) {
			f.names = append(f.names, key)
		}
	}
	slices.Sort(f.numbers)
	return f
}

// isQuestionMark reports the keys of the marks that make a sentence a
// question (the key of the full-width ？ is ?).
func isQuestionMark(key string) bool { return key == "?" || key == "¿" || key == "؟" }

// idiom reports whether the negating word at token i is part of a phrase
// that negates nothing: "no matter how", "not only ... but also", "no
// doubt"; in Chinese, where a token is a character, 不过 ("but"), 是否
// and 有没有 ("whether"), 不得不 ("must").
func (s *side) idiom(i int) bool {
	k := s.keys[i]
	p2, p1, n1, n2 := s.neighbour(i, -2), s.neighbour(i, -1), s.neighbour(i, 1), s.neighbour(i, 2)
	if (k == "不" || k == "没") && p1 != "" && p1 == n1 {
		return true // 是不是, 有没有: a question, "whether"
	}
	return nonNegating[k+" "+n1] || nonNegating[p1+" "+k] ||
		nonNegating[p2+" "+p1+" "+k] || nonNegating[p1+" "+k+" "+n1] || nonNegating[k+" "+n1+" "+n2]
}

// neighbour returns the key of the word d words from token i (before it
// when d < 0), white space aside, or "".
func (s *side) neighbour(i, d int) string {
	step := 1
	if d < 0 {
		step, d = -1, -d
	}
	for j := i + step; j >= 0 && j < len(s.toks); j += step {
		if s.toks[j].Class == textkey.Space {
			continue
		}
		if d--; d == 0 {
			return s.keys[j]
		}
	}
	return ""
}

// nonNegating are the phrases, keys separated by spaces, in which a
// negating word negates nothing.
var nonNegating = setOf("no matter", "not only", "no doubt", "не только", "нет сомнения", "non seulement", "nicht nur", "no solo", "no sólo",
	"不 断", "不 仅", "不 少", "无 论", "未 来", // 不断 "continuously", 未来 "future"
	"不 过", "不 同", "不 管", "不 但", "不 久", "不 胜", "否 则", "否 决", "无 疑", "无 数", // but, different, regardless, not only, soon, very, otherwise, veto, doubtless, countless
	"是 否", "能 否", "可 否", "与 否", // whether
	"不 得 不", "对 不 起", "了 不 起") // must, sorry, amazing

// isName reports whether word token i looks like a name: an acronym
// ("SCO", "BRICS"), a capitalised word that does not open its sentence
// ("Georgievsky"), or a Latin-script word in text of another script.
func (s *side) isName(i int) bool {
	word := s.tokenText(i)
	first, _ := utf8.DecodeRuneInString(word)
	if !s.latin && unicode.Is(unicode.Latin, first) {
		return true
	}
	if !unicode.IsUpper(first) {
		return false
	}
	if utf8.RuneCountInString(word) >= 2 && isUpperWord(word) {
		return true
	}
	return !s.opensSentence(i)
}

func isUpperWord(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// opensSentence reports whether token i is the first word of a sentence:
// nothing but quotes and brackets stand between it and the start of the
// side or a full stop.
func (s *side) opensSentence(i int) bool {
	for j := i - 1; j >= 0; j-- {
		t := s.toks[j]
		if t.Class == textkey.Space {
			continue
		}
		if t.Class != textkey.Punct {
			return false
		}
		switch s.tokenText(j) {
		case ".", "!", "?", "…", "。", "！", "？", ":", ";":
			return true
		case "\"", "“", "«", "(", "[", "‘", "'", "„", "—", "-", "–":
			continue
		}
		return false
	}
	return true
}

// flagsOf compares the facts of a change's two sides: a number changed,
// added or lost (see numbersChanged); a negation added or lost; a name on one side that the
// other lacks.
func flagsOf(a, b facts) []Flag {
	var flags []Flag
	if numbersChanged(a, b) {
		flags = append(flags, FlagNumber)
	}
	if a.names != nil || b.names != nil {
		if slices.ContainsFunc(a.names, func(n string) bool { return !nameKept(n, a, b) }) ||
			slices.ContainsFunc(b.names, func(n string) bool { return !nameKept(n, b, a) }) {
			flags = append(flags, FlagName)
		}
	}
	if a.negations != b.negations {
		flags = append(flags, FlagNegation)
	}
	return flags
}

// nameKept reports whether the other side of a change keeps name n of
// own: in another form, as it stands elsewhere in the bead (it only
// moved), or spelt out or as an acronym. Such a name is no change of name.
func nameKept(n string, own, other facts) bool {
	return other.words.hasForm(n) || other.words.s.has(n) || own.words.s.spelledOut(other.words.s)[n]
}

func hasDigit(s string) bool { return strings.IndexFunc(s, unicode.IsDigit) >= 0 }

// has reports whether the side has a token whose key is key.
func (s *side) has(key string) bool { return slices.Contains(s.keys, key) }

// keyRange is the tokens [from, to) of a side.
type keyRange struct {
	s        *side
	from, to int
}

// hasForm reports whether the content tokens of r hold name or a form of
// it: a word that shares with it a prefix of at least four letters and
// four fifths of the shorter word ("China" and "Chinese", "Russia" and
// "Russian's").
func (r keyRange) hasForm(name string) bool {
	for i := r.from; i < r.to; i++ {
		if r.s.toks[i].IsContent() && (r.s.keys[i] == name || sameStem(r.s.keys[i], name)) {
			return true
		}
	}
	return false
}

// modalMonths are month names that are also common words, months only
// when capitalised.
var modalMonths = setOf("may", "mar")

func startsUpper(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}
