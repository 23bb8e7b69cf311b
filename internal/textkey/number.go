package textkey

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scale returns the power of ten by which the words of counting after the
// number token toks[k] of s multiply it: 6 for "3 million", "3 млн" and
// "1,5 Mio.", 4 for "300万", 8 for "2.86 亿", 0 when none follow. The
// words follow the number directly or after one space (in Chinese, after
// 多 or 余, "more than"), and several multiply: "万亿" and "mil millones"
// are 10¹². cjk tells that they are Chinese or Japanese, which write no
// full stop between thousands (see [ScaledNumber]).
//
// Languages count large numbers in different units, Chinese in ten
// thousands (万) and hundred millions (亿), so that "3 million" and "300万"
// are one number, which only the scaled value shows.
func Scale(s string, toks []Token, k int) (exp int, cjk bool) {
	minor := 0 // the power of a trailing 百 or 千, which scale only before 万 or 亿
	words := 0
	for i := k + 1; i < len(toks) && words < MaxCountingWords; i++ {
		t := toks[i]
		w := s[t.Start:t.End]
		if t.Class == Space && utf8.RuneCountInString(w) == 1 && w != "\n" {
			continue
		}
		if t.Class != Word {
			break
		}
		if (w == "多" || w == "余") && exp == 0 {
			continue
		}
		e, ok := countingWords[strings.ToLower(w)] // not Key: cheaper, and no counting word has another form
		if !ok {
			break
		}
		exp += e
		words++
		r, _ := utf8.DecodeRuneInString(w)
		cjk = cjk || unicode.Is(unicode.Han, r)
		if w == "百" || w == "千" {
			minor += e
		} else {
			minor = 0
		}
	}
	return exp - minor, cjk
}

// MaxCountingWords is how many words of counting Scale reads after a
// number: "千万亿" is three, and a text that repeats "million" a thousand
// times does not make a number of six thousand digits.
const MaxCountingWords = 3

// CountingWord returns the power of ten of a word of counting, given its
// [Key]: 3 for "thousand", 6 for "million" and "млн", 4 for 万.
func CountingWord(key string) (int, bool) {
	e, ok := countingWords[key]
	return e, ok
}

// countingWords are the words of counting by the power of ten, as [Key]
// folds them: English, German, French, Spanish and Russian (with the
// cases of the Russian nouns and the abbreviations newspapers use), and
// Chinese and Japanese 万 and 亿 (億), which 百 and 千 may lead ("百万",
// "千亿"); alone, 千 more often starts a unit (千米, a kilometre) than
// scales. "Billion" is 10⁹ as in English; the long-scale billion (10¹²)
// is read only where its form is not English: German "Billionen",
// Spanish "billón".
var countingWords = func() map[string]int {
	m := map[string]int{"百": 2, "千": 3, "万": 4, "萬": 4, "亿": 8, "億": 8}
	for exp, words := range map[int]string{
		3: "thousand thousands tausend mille mil тыс тысяча тысячи тысяч тысячу тысячей тысячами тысячам тысячах",
		6: "million millions mln mio millionen millón millon millones млн миллион миллиона миллионов миллионы " +
			"миллиону миллионом миллионе миллионам миллионами миллионах",
		9: "billion billions bn bln milliard milliards milliarde milliarden mrd millardo millardos млрд миллиард " +
			"миллиарда миллиардов миллиарды миллиарду миллиардом миллиарде миллиардам миллиардами миллиардах",
		12: "trillion trillions tln trn billionen billón billon billones трлн триллион триллиона триллионов триллионы " +
			"триллиону триллионом триллионе триллионам триллионами триллионах",
	} {
		for _, w := range strings.Fields(words) {
			m[w] = exp
		}
	}
	return m
}()

// ScaledNumber returns the digits of the number num times 10^exp, in
// ASCII with no separators, leading zeros or plus sign, or false when that
// is no whole number. The last separator is a decimal mark when it is a full
// stop or a comma and what follows is no group of thousands: not three
// digits, or after a zero ("0.286") or another separator ("1,234.567").
// So "2.86" and "1,5" have decimals, "250,000" and "1.500" none; with cjk
// (see [Scale]) a full stop is always a decimal mark.
func ScaledNumber(num string, exp int, cjk bool) (string, bool) {
	var digits []byte
	var sep, other rune // the last separator and one before it unlike it
	after := 0          // the digits after the last separator
	minus := false
	for _, r := range num {
		switch {
		case unicode.IsDigit(r):
			digits = append(digits, byte('0'+digitValue(r)))
			after++
		case isSign(r):
			minus = r != '+'
		default:
			if sep != 0 && sep != r {
				other = sep
			}
			sep, after = r, 0
		}
	}
	whole := strings.TrimLeft(string(digits[:len(digits)-after]), "0")
	frac := 0
	if sep == '.' && cjk || (sep == '.' || sep == ',') && (after != 3 || whole == "" || other != 0) {
		frac = after
	}
	if frac > exp || len(digits) == 0 {
		return "", false
	}
	digits = append(digits, strings.Repeat("0", exp-frac)...)
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	if minus && string(digits) != "0" {
		return "-" + string(digits), true
	}
	return string(digits), true
}
