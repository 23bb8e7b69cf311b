// Package textkey holds the two text primitives that both align and diff
// need: a tokenizer that keeps byte offsets, and normalised comparison keys.
//
// A key is what two pieces of text are compared by; it is never shown to a
// user. Key folds the differences that paradiff calls trivial: Unicode
// compatibility forms and width (NFKC), case (Unicode case folding), curly
// versus straight quotes, dash variants, and runs of white space
// (including no-break and zero-width spaces), which all become one space.
package textkey

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Class says what a token is made of.
type Class uint8

const (
	Word   Class = iota // letters, marks and digits, or one CJK character
	Number              // digits, with inner separators and a sign: 3.5, 1,000, 1 000,5, -5
	Punct               // one punctuation rune
	Symbol              // one symbol, meaningful mark or other rune: %, $, +, °
	Space               // a run of white space or zero-width characters
)

// Token is a span of the text it was cut from: Start and End are byte
// offsets, half-open, relative to the start of that text plus the offset
// given to [Tokens].
type Token struct {
	Start, End int
	Class      Class
}

// IsContent reports whether the token carries meaning a reader would miss:
// words, numbers and symbols, not punctuation or space.
func (t Token) IsContent() bool { return t.Class == Word || t.Class == Number || t.Class == Symbol }

// Tokens cuts s into tokens that together cover s exactly, adding offset
// to every position. Words are runs of letters, marks and digits; an
// apostrophe is punctuation of its own, so that "Xi's" shares "Xi" with
// "Xi". Chinese and Japanese characters are one
// token each, so that a changed character is a changed token. Invalid
// UTF-8 bytes become one-byte Symbol tokens.
func Tokens(s string, offset int) []Token {
	return AppendTokens(make([]Token, 0, len(s)/4+1), s, offset)
}

// AppendTokens appends the tokens of s to toks, as [Tokens] returns them.
func AppendTokens(toks []Token, s string, offset int) []Token {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		start := i
		var class Class
		switch {
		case r == utf8.RuneError && n <= 1:
			class, i = Symbol, i+1
		case isSpace(r):
			class, i = Space, i+n
			for i < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if !isSpace(r2) {
					break
				}
				i += n2
			}
		case isIdeograph(r):
			class, i = Word, i+n
		case unicode.IsDigit(r):
			class, i = Number, scanNumber(s, i)
			// A run of digits that goes on into letters ("80th", "G20"
			// read the other way) is a word.
			if j := scanWord(s, i); j > i {
				class, i = Word, j
			}
		case isWordRune(r):
			class, i = Word, scanWord(s, i+n)
		case isSign(r) && startsNumber(s, i+n) && !afterWord(s, i):
			class, i = Number, scanNumber(s, i+n)
		case unicode.IsPunct(r) && !isMeaningful(r):
			class, i = Punct, i+n
		default:
			class, i = Symbol, i+n
		}
		toks = append(toks, Token{Start: start + offset, End: i + offset, Class: class})
	}
	return toks
}

// scanWord returns the end of the word that goes on at s[i:]: letters,
// marks and digits.
func scanWord(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf { // the common case, without decoding
			if !asciiWord[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}

// scanNumber returns the end of the number that starts at s[i]: digits,
// with one separator (. , ' ’ or a no-break or thin space) between
// digits, or a plain space before a group of exactly three digits that
// follows a group of one to three ("1 000,5", not "2025 100").
func scanNumber(s string, i int) int {
	group := 0 // digits since the last separator
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsDigit(r) {
			i, group = i+n, group+1
			continue
		}
		switch r {
		case '.', ',', '\'', '’', '\u00a0', '\u202f', '\u2009':
			if startsNumber(s, i+n) {
				i, group = i+n, 0
				continue
			}
		case ' ':
			if group >= 1 && group <= 3 && threeDigits(s, i+1) {
				i, group = i+1, 0
				continue
			}
		}
		break
	}
	return i
}

// threeDigits reports whether s[i:] starts with exactly three ASCII
// digits that no further digit follows.
func threeDigits(s string, i int) bool {
	if len(s) < i+3 {
		return false
	}
	for _, c := range []byte(s[i : i+3]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(s) == i+3 || !startsNumber(s, i+3)
}

// NumberKey returns the value-bearing form of a number token: digits of
// any script as ASCII digits, and the grouping separators (spaces,
// apostrophes) and leading zeros left out, so that "١٢" and "12",
// "1 000" and "1000", "08" and "8" have the same key while "3.5" and
// "35" do not.
func NumberKey(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == '0' && b.Len() == 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
			continue // a leading zero: "08" is 8
		}
		switch {
		case unicode.IsDigit(r):
			b.WriteByte(byte('0' + digitValue(r)))
		case r == '.' || r == ',' || r == '-' || r == '−' || r == '+':
			if r == '−' {
				r = '-'
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Digits returns the digits of s in ASCII, each read as 0-9 whatever its
// script, and nothing else: "１,０００" gives "1000".
func Digits(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsDigit(r) {
			b.WriteByte(byte('0' + digitValue(r)))
		}
	}
	return b.String()
}

// digitValue returns the value of a decimal digit of any script. Unicode
// encodes the digits of each script as runs of ten from zero to nine.
func digitValue(r rune) int {
	if '0' <= r && r <= '9' {
		return int(r - '0')
	}
	start := r
	for unicode.IsDigit(start-1) && r-start < 100 {
		start--
	}
	return int(r-start) % 10
}

// isMeaningful reports the punctuation marks that carry content: a
// changed percent sign is not a trivial change.
func isMeaningful(r rune) bool {
	switch r {
	case '%', '‰', '‱', '#', '&', '@', '§', '¶', '†', '‡', '٪':
		return true
	}
	return false
}

// isSign reports the marks that make a number negative or positive when
// they stand right before its digits: -5, −5, +5.
func isSign(r rune) bool { return r == '-' || r == '−' || r == '+' }

func startsNumber(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsDigit(r)
}

// afterWord reports whether s[i] follows a letter or digit, as the hyphen
// of "COVID-19" does, or the sign of a number's unit, as the dash of a
// range "4%-6%" does: then it is not a sign.
func afterWord(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return isWordRune(r) || unicode.IsDigit(r) || r == '%' || r == '‰' || r == '°'
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // the common case, without table look-ups
		return asciiWord[r]
	}
	return (unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)) && !isIdeograph(r)
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (w [utf8.RuneSelf]bool) {
	for c := range w {
		w[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return w
}()

// isIdeograph reports the characters of scripts written without spaces
// between words, which are compared one character at a time.
func isIdeograph(r rune) bool {
	if r < 0x0e00 { // below Thai: none of these scripts
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// isSpace reports white space and the invisible characters that only
// affect layout: zero-width space and joiners, the word joiner, the BOM.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// Key returns the comparison key of s. Two texts whose keys are equal
// differ at most trivially.
func Key(s string) string {
	if len(s) == 1 && s[0] < utf8.RuneSelf {
		return byteKeys[s[0]] // punctuation and one-letter words, often
	}
	if isPlainLower(s) {
		return s
	}
	if isASCII(s) {
		return asciiKey(s)
	}
	return foldedKey(s)
}

// foldedKey is Key for any text.
func foldedKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range foldString(s) {
		if isSpace(r) {
			space = true
			continue
		}
		if space {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
		}
		b.WriteRune(unify(r))
	}
	if space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	return b.String()
}

// byteKeys are the keys of the one-byte ASCII texts.
var byteKeys = func() (keys [utf8.RuneSelf]string) {
	for c := range keys {
		keys[c] = asciiKey(string(rune(c)))
	}
	return keys
}()

// asciiKey is Key for ASCII text, in one pass: NFKC changes no ASCII
// character, folding lowers the case, and of unify's variants only the
// backtick is ASCII.
func asciiKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || '\t' <= c && c <= '\r':
			space = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == '`':
			c = '\''
		}
		if space {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
		}
		b.WriteByte(c)
	}
	if space && b.Len() > 0 {
		b.WriteByte(' ')
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isPlainLower reports the common case that needs no folding: lower-case
// ASCII letters and digits only.
func isPlainLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// foldString applies NFKC and Unicode case folding. A Caser keeps state, so
// each call makes its own; the ASCII path avoids it.
func foldString(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	return cases.Fold().String(norm.NFKC.String(s))
}

// unify maps the quote and dash variants that translations and word
// processors mix freely onto one form each.
func unify(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´', 'ʼ':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»', '「', '」', '『', '』':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣':
		return '-'
	}
	return r
}
