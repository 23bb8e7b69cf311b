package diff

import (
	"slices"
	"strconv"
	"strings"

	"github.com/paradiff/paradiff/internal/textkey"
)

// This file reads the numbers of a side as values, so that the number
// flag marks a changed value and not a number written another way: two
// renderings of one text write "8" and "eight", "46" and "forty-six",
// "3 million" and "3,000,000", "5:47 PM" and "17:47".

// appendNumbers appends to out the numbers that the content token i, whose
// key has info, gives a change that starts at token from: its value (see
// numberAt); the number of the month it names ("May 8" and "05-08" hold
// one date; across languages a date keeps its numbers, not its month
// names); and the value of a number that starts before the change and
// ends in it (see numberStart).
//
// A number word that may name rather than count ("the two sides", "one of
// them") gives a change no number, but counts in the whole side (whole):
// "the two newest boats" against "two new boats", and "one person"
// against "1 person", are no changed number.
func (s *side) appendNumbers(out []string, i, from int, info wordInfo, whole bool) []string {
	t := s.toks[i]
	if t.Class == textkey.Number || t.Class == textkey.Word && (info.count > 0 || hasDigit(s.tokenText(i))) {
		if n, ok := s.numberAt(i); ok && (whole || !s.namesRatherThanCounts(i, info)) {
			out = append(out, n)
		}
	}
	if t.Class != textkey.Word {
		return out
	}
	if info.month != "" && (!modalMonths[s.keys[i]] || startsUpper(s.tokenText(i))) {
		out = append(out, info.month) // not "they may agree"
	}
	// "3 [million → billion]", "twenty-[first → second]": the number
	// starts before the change, and its value changes inside it. It can
	// start no further back than counted looks.
	if i-from <= 2*textkey.MaxCountingWords+2 {
		if k := s.numberStart(i); k >= 0 && k < from {
			if n, ok := s.numberAt(k); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// numberStart returns the first token of the number that token i is part
// of without starting it, or -1: the tens word of "forty-six", the number
// that a word of counting scales ("3 million").
func (s *side) numberStart(i int) int {
	if k := s.tensBefore(i); k >= 0 {
		return k
	}
	if _, ok := textkey.CountingWord(s.keys[i]); ok {
		return s.counted(i)
	}
	return -1
}

// numberAt returns the value of the number that starts at token i, if one
// does:
//
//   - digits, times the words of counting after them (textkey.Scale):
//     "3 million" and "3,000,000" are one number, "3 million" and "3
//     billion" two; one that is no whole number ("3.5") is its
//     textkey.NumberKey;
//   - in one language, an English number word from one to ninety-nine,
//     with its words of counting too (see appendNumbers for "one" and
//     "the two");
//   - a word with digits, an ordinal such as "80th", its digits;
//   - an hour before "pm" or "am", with or without its minutes, on the
//     24-hour clock; the minutes ":00" of a time are no number of their
//     own, so "2 pm" and "14:00" are one time.
//
// The second word of "forty-six" and the minutes ":00" give no number.
func (s *side) numberAt(i int) (string, bool) {
	t := s.toks[i]
	text := s.tokenText(i)
	last := i // the number's last token, where its words of counting start
	switch {
	case t.Class == textkey.Number:
		if text == "00" && s.afterColon(i) {
			return "", false
		}
		if h, err := strconv.Atoi(text); err == nil && h >= 1 && h <= 12 {
			switch s.meridiem(i) {
			case "pm":
				text = strconv.Itoa(h%12 + 12)
			case "am":
				text = strconv.Itoa(h % 12)
			}
		}
	case t.Class != textkey.Word:
		return "", false
	case s.readNumberWords && numberWords[s.keys[i]] > 0:
		if s.tensBefore(i) >= 0 {
			return "", false // counted with "forty"
		}
		n := numberWords[s.keys[i]]
		if u := s.unitAfter(i); u > 0 && n >= 20 && n%10 == 0 {
			n += numberWords[s.keys[u]]
			last = u
		}
		text = strconv.Itoa(n)
	case hasDigit(text):
		return textkey.NumberKey(text), true // "80th" counts as 80
	default:
		return "", false
	}
	exp, cjk := textkey.Scale(s.text, s.toks, last)
	if n, ok := textkey.ScaledNumber(text, exp, cjk); ok {
		return n, true
	}
	return textkey.NumberKey(text), true
}

// numberWords are the English number words numberAt reads, by key, with
// the ordinals ("fifth" is 5, as "5th" is).
var numberWords = func() map[string]int {
	m := map[string]int{}
	for n, ws := range []string{"", "one first firstly", "two second secondly", "three third thirdly", "four fourth fourthly",
		"five fifth fifthly", "six sixth",
		"seven seventh", "eight eighth", "nine ninth", "ten tenth", "eleven eleventh", "twelve twelfth",
		"thirteen thirteenth", "fourteen fourteenth", "fifteen fifteenth", "sixteen sixteenth",
		"seventeen seventeenth", "eighteen eighteenth", "nineteen nineteenth"} {
		for _, w := range strings.Fields(ws) {
			m[w] = n
		}
	}
	for n, ws := range []string{"twenty twentieth", "thirty thirtieth", "forty fortieth", "fifty fiftieth",
		"sixty sixtieth", "seventy seventieth", "eighty eightieth", "ninety ninetieth"} {
		for _, w := range strings.Fields(ws) {
			m[w] = 20 + 10*n
		}
	}
	return m
}()

// namesRatherThanCounts reports whether the number word at token i, whose
// key has info, may name rather than count: "one" ("one of them", "no
// one"), "first" and "second" (an adverb, a unit of time), and any
// cardinal after "the", "these" or "those" ("the two leaders").
func (s *side) namesRatherThanCounts(i int, info wordInfo) bool {
	switch s.keys[i] {
	case "one", "first", "firstly", "second", "secondly":
		return true
	}
	last := s.keys[i]
	if u := s.unitAfter(i); u > 0 {
		last = s.keys[u] // "twenty-first"
	}
	j := s.wordBefore(i)
	return info.count > 0 && j >= 0 && referringWords[s.keys[j]] && !ordinal(last)
}

var referringWords = setOf("the", "these", "those")

// ordinal reports whether the number word key is an ordinal: "the fifth
// round" counts, where "the two leaders" names.
func ordinal(key string) bool {
	return strings.HasSuffix(strings.TrimSuffix(key, "ly"), "th") || strings.HasPrefix(key, "third") ||
		strings.HasPrefix(key, "first") || strings.HasPrefix(key, "second")
}

// wordBefore returns the token before i, a space aside, or -1.
func (s *side) wordBefore(i int) int {
	j := i - 1
	if j >= 0 && s.toks[j].Class == textkey.Space {
		j--
	}
	return j
}

// unitAfter returns the token of the unit word that follows the tens word
// at token i after a hyphen or a space ("forty-six"), or -1.
func (s *side) unitAfter(i int) int {
	if i+2 >= len(s.toks) || s.keys[i+1] != "-" && s.keys[i+1] != " " {
		return -1
	}
	if n := numberWords[s.keys[i+2]]; n >= 1 && n <= 9 {
		return i + 2
	}
	return -1
}

// tensBefore returns the tens word whose unit is the word at token i, or -1.
func (s *side) tensBefore(i int) int {
	if i < 2 {
		return -1
	}
	if n := numberWords[s.keys[i-2]]; n >= 20 && n%10 == 0 && s.unitAfter(i-2) == i {
		return i - 2
	}
	return -1
}

// isNumber reports whether token i starts a number numberAt reads.
func (s *side) isNumber(i int) bool {
	return s.toks[i].Class == textkey.Number || s.readNumberWords && numberWords[s.keys[i]] > 0
}

// counted returns the first token of the number that the word of counting
// at token i scales, or -1: "3" for "million" in "3 million", "300" for
// 万 in "300 多万", "forty" in "forty-six thousand".
func (s *side) counted(i int) int {
	// Scale reads no further: a space and a word each, and 多.
	for j := i - 1; j >= 0 && j >= i-2*textkey.MaxCountingWords-2; j-- {
		_, counting := textkey.CountingWord(s.keys[j])
		switch {
		case s.isNumber(j):
			if exp, _ := textkey.Scale(s.text, s.toks, j); exp == 0 {
				return -1 // "3\nmillion"
			}
			if k := s.tensBefore(j); k >= 0 {
				return k
			}
			return j
		case s.toks[j].Class == textkey.Space, counting, s.keys[j] == "多", s.keys[j] == "余":
			continue
		}
		return -1
	}
	return -1
}

// afterColon reports whether the number at token i follows a number and a
// colon: the minutes of a time.
func (s *side) afterColon(i int) bool {
	return i >= 2 && s.keys[i-1] == ":" && s.toks[i-2].Class == textkey.Number
}

// meridiem returns "am" or "pm" when one follows the hour at token i, with
// or without its minutes and a space: "5 pm", "5:47 PM", "5.47 p.m.".
func (s *side) meridiem(i int) string {
	j := i + 1
	if j+1 < len(s.toks) && (s.keys[j] == ":" || s.keys[j] == ".") && s.toks[j+1].Class == textkey.Number {
		j += 2 // the minutes
	}
	if j < len(s.toks) && s.toks[j].Class == textkey.Space && s.keys[j] == " " && s.tokenText(j) != "\n" {
		j++
	}
	if j >= len(s.toks) {
		return ""
	}
	switch k := s.keys[j]; {
	case k == "am" || k == "pm":
		return k
	case (k == "a" || k == "p") && j+2 < len(s.toks) && s.keys[j+1] == "." && s.keys[j+2] == "m":
		return k + "m"
	}
	return ""
}

// isMeridiem reports whether token i is the "AM" or "PM" of a time, which
// is no name.
func (s *side) isMeridiem(i int) bool {
	if k := s.keys[i]; k != "am" && k != "pm" {
		return false
	}
	j := s.wordBefore(i)
	return j >= 0 && s.toks[j].Class == textkey.Number
}

// numbersChanged reports whether a change whose sides have the facts a and
// b changes a number. A number replaced by another is a change; one that
// only one side has is not when the bead as a whole keeps it, elsewhere
// on the other side: a phrase that moved ("On July 26 they met" and "They
// met on July 26") is two changes, and neither changes a number.
func numbersChanged(a, b facts) bool {
	if slices.Equal(a.numbers, b.numbers) {
		return false
	}
	onlyA, onlyB := without(a.numbers, b.numbers), without(b.numbers, a.numbers)
	if len(onlyA) > 0 && len(onlyB) > 0 {
		return true
	}
	// One side of the change has them: are there as many on the other
	// side of the bead? That side is mostly empty or short of them, so
	// look there first.
	own, other := a.words.s, b.words.s
	if len(onlyA) == 0 {
		own, other, onlyA = other, own, onlyB
	}
	allOther := other.allNumbers()
	for _, n := range onlyA {
		if count(allOther, n) == 0 {
			return true
		}
	}
	allOwn := own.allNumbers()
	for _, n := range onlyA {
		if count(allOwn, n) != count(allOther, n) {
			return true
		}
	}
	return false
}

// allNumbers returns the numbers of the whole side, sorted.
func (s *side) allNumbers() []string {
	if !s.allKnown {
		s.all = s.all[:0]
		for i, t := range s.toks {
			if t.IsContent() {
				s.all = s.appendNumbers(s.all, i, 0, wordInfos[s.keys[i]], true)
			}
		}
		slices.Sort(s.all)
		s.allKnown = true
	}
	return s.all
}

// without returns the sorted list x less the items of the sorted list y,
// each as often as y has it.
func without(x, y []string) []string {
	var out []string
	j := 0
	for _, v := range x {
		for j < len(y) && y[j] < v {
			j++
		}
		if j < len(y) && y[j] == v {
			j++
			continue
		}
		out = append(out, v)
	}
	return out
}

// count returns how often the sorted list x holds v.
func count(x []string, v string) int {
	i, found := slices.BinarySearch(x, v)
	n := 0
	for found && i < len(x) && x[i] == v {
		n, i = n+1, i+1
	}
	return n
}
