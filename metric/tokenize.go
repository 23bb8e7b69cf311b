package metric

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenizer names one of sacreBLEU's BLEU tokenizers. The zero value ""
// means [Tokenizer13a].
type Tokenizer string

// The tokenizers, named as in sacreBLEU's --tokenize flag and signature.
const (
	// Tokenizer13a is mteval-v13a.pl's tokenization, sacreBLEU's default:
	// it unescapes &quot; &amp; &lt; &gt;, drops "<skipped>", splits off
	// ASCII punctuation and symbols other than ' , - . , splits off
	// periods and commas unless they sit between digits, and splits a dash
	// after a digit.
	Tokenizer13a Tokenizer = "13a"
	// TokenizerIntl is mteval-v14.pl's --international-tokenization:
	// Unicode punctuation (P*) is split off unless a number precedes or
	// follows it, and every symbol (S*) is split off.
	TokenizerIntl Tokenizer = "intl"
	// TokenizerZh puts spaces around Chinese characters and then applies
	// the 13a rules (without 13a's unescaping). See [Tokenizer.Tokenize]
	// for the code points it treats as Chinese.
	TokenizerZh Tokenizer = "zh"
	// TokenizerChar makes every non-space character a token.
	TokenizerChar Tokenizer = "char"
	// TokenizerNone splits at whitespace only.
	TokenizerNone Tokenizer = "none"
)

func (t Tokenizer) orDefault() Tokenizer {
	if t == "" {
		return Tokenizer13a
	}
	return t
}

func (t Tokenizer) fn() (func(string) string, error) {
	switch t.orDefault() {
	case Tokenizer13a:
		return tokenize13a, nil
	case TokenizerIntl:
		return tokenizeIntl, nil
	case TokenizerZh:
		return tokenizeZh, nil
	case TokenizerChar:
		return tokenizeChar, nil
	case TokenizerNone:
		return joinFields, nil
	}
	return nil, fmt.Errorf("metric: unknown tokenizer %q (want 13a, intl, zh, char or none)", string(t))
}

// Tokenize returns s tokenized as sacreBLEU's tokenizer of that name
// tokenizes it: the tokens joined by single spaces, with no space at
// either end. It does not lowercase or strip s; [BLEU] does both before
// tokenizing. Whitespace is Python's: Unicode White_Space plus
// U+001C..U+001F.
//
// The zh tokenizer treats these code points as Chinese characters:
// U+2001–U+2A6D, U+2E80–U+2EFF, U+2F00–U+2FDF, U+2F81–U+2FA1,
// U+2FF0–U+2FFF, U+3000–U+303F, U+3100–U+312F, U+31A0–U+31EF,
// U+3200–U+33FF, U+3400–U+4DB5, U+4E00–U+9FBB, U+F900–U+FA2D,
// U+FA30–U+FA6A, U+FA70–U+FAD9, U+FE10–U+FE1F, U+FE30–U+FE4F and
// U+FF00–U+FFEF. The first range is a quirk that published scores depend
// on: sacreBLEU writes the bounds of CJK Extension B as "\u20000" and
// "\u2a6d6", which Python reads as U+2000 followed by "0" and U+2A6D
// followed by "6", so general punctuation (curly quotes, dashes), currency
// signs, arrows, dingbats and much else count as Chinese, while Extension B
// itself does not. The same misreading turns the Compatibility Supplement
// into U+2F81–U+2FA1.
//
// Tokenize returns an error for an unknown tokenizer name.
func (t Tokenizer) Tokenize(s string) (string, error) {
	f, err := t.fn()
	if err != nil {
		return "", err
	}
	return f(s), nil
}

// tokenize13a is sacreBLEU's Tokenizer13a.
// unescapeEntities replaces the four XML entities mteval and tercom
// undo, in their order.
func unescapeEntities(s string) string {
	s = strings.ReplaceAll(s, "&quot;", `"`)
	s = strings.ReplaceAll(s, "&amp;", "&")
	s = strings.ReplaceAll(s, "&lt;", "<")
	return strings.ReplaceAll(s, "&gt;", ">")
}

func tokenize13a(s string) string {
	// Language-independent part, in mteval-v13a's order.
	if strings.ContainsAny(s, "<-\n&") {
		s = strings.ReplaceAll(s, "<skipped>", "")
		s = strings.ReplaceAll(s, "-\n", "")
		s = unescapeEntities(strings.ReplaceAll(s, "\n", " "))
	}
	b := make([]byte, 0, len(s)+2)
	b = append(b, ' ')
	b = append(b, s...)
	b = append(b, ' ')
	return westernRules(b)
}

// westernRules applies the language-dependent part of mteval-v13a to b,
// then collapses whitespace.
func westernRules(b []byte) string {
	return periodRules(padPunct(b))
}

// padPunct returns b with spaces around the characters of the class
// [{-~[-` -&(-+:-@/]: ASCII punctuation and symbols except ' , - . (13a
// rule 1).
func padPunct(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/2+8)
	for _, c := range b {
		if punct13a(c) {
			out = append(out, ' ', c, ' ')
		} else {
			out = append(out, c)
		}
	}
	return out
}

// periodRules applies 13a rules 2 to 4 to b, then collapses whitespace. It
// may reuse b's storage.
//
// Each rule is a regular expression substitution in sacreBLEU. They are
// applied as Python's re.sub applies them: scanning left to right and
// resuming after each match, so that matches never overlap. Working on
// bytes gives the same result as working on code points, because one side
// of each rule is an ASCII class and the other is either ASCII or "not an
// ASCII digit", which a UTF-8 continuation byte never is.
func periodRules(b []byte) string {
	out := make([]byte, 0, len(b)+len(b)/2+8)
	// Rule 2: ([^0-9])([.,]) -> "\1 \2 ": split a period or comma off
	// unless a digit precedes it.
	for i := 0; i < len(b); i++ {
		if i+1 < len(b) && !isDigit(b[i]) && isDotComma(b[i+1]) {
			out = append(out, b[i], ' ', b[i+1], ' ')
			i++
			continue
		}
		out = append(out, b[i])
	}
	b, out = out, b[:0]
	// Rule 3: ([.,])([^0-9]) -> " \1 \2": split a period or comma off
	// unless a digit follows it.
	for i := 0; i < len(b); i++ {
		if i+1 < len(b) && isDotComma(b[i]) && !isDigit(b[i+1]) {
			out = append(out, ' ', b[i], ' ', b[i+1])
			i++
			continue
		}
		out = append(out, b[i])
	}
	b, out = out, b[:0]
	// Rule 4: ([0-9])(-) -> "\1 \2 ": split a dash off a preceding digit.
	for i := 0; i < len(b); i++ {
		if i+1 < len(b) && isDigit(b[i]) && b[i+1] == '-' {
			out = append(out, b[i], ' ', '-', ' ')
			i++
			continue
		}
		out = append(out, b[i])
	}
	return joinFields(string(out))
}

func punct13a(c byte) bool {
	switch {
	case c >= '{' && c <= '~', c >= '[' && c <= '`', c >= ' ' && c <= '&',
		c >= '(' && c <= '+', c >= ':' && c <= '@', c == '/':
		return true
	}
	return false
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isDotComma(c byte) bool { return c == '.' || c == ',' }

// tokenizeIntl is sacreBLEU's TokenizerV14International. Like mteval-v14,
// it leaves a period after a number at the very end of the line attached
// (rule 2 needs a character after the period).
func tokenizeIntl(s string) string {
	// Rule 1: (\P{N})(\p{P}) -> "\1 \2 ".
	s = spacePairs(s, func(r rune) bool { return !unicode.IsNumber(r) }, unicode.IsPunct, false)
	// Rule 2: (\p{P})(\P{N}) -> " \1 \2".
	s = spacePairs(s, unicode.IsPunct, func(r rune) bool { return !unicode.IsNumber(r) }, true)
	// Rule 3: (\p{S}) -> " \1 ".
	b := strings.Builder{}
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSymbol(r) {
			b.WriteByte(' ')
			b.WriteString(s[i : i+n])
			b.WriteByte(' ')
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return joinFields(b.String())
}

// spacePairs applies one of TokenizerV14International's pair rules in one
// left-to-right pass, as Python's re.sub does: each non-overlapping pair of
// a rune that first accepts and one that second accepts becomes the two
// with a space between them, and another space before the pair (lead) or
// after it.
func spacePairs(s string, first, second func(rune) bool, lead bool) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); {
		r1, n1 := utf8.DecodeRuneInString(s[i:])
		if i+n1 < len(s) && first(r1) {
			if r2, n2 := utf8.DecodeRuneInString(s[i+n1:]); second(r2) {
				if lead {
					b.WriteByte(' ')
				}
				b.WriteString(s[i : i+n1])
				b.WriteByte(' ')
				b.WriteString(s[i+n1 : i+n1+n2])
				if !lead {
					b.WriteByte(' ')
				}
				i += n1 + n2
				continue
			}
		}
		b.WriteString(s[i : i+n1])
		i += n1
	}
	return b.String()
}

// tokenizeZh is sacreBLEU's TokenizerZh.
func tokenizeZh(s string) string {
	s = strip(s)
	b := make([]byte, 0, len(s)+len(s)/2)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isChinese(r) {
			b = append(b, ' ')
			b = append(b, s[i:i+n]...)
			b = append(b, ' ')
		} else {
			b = append(b, s[i:i+n]...)
		}
		i += n
	}
	return westernRules(b)
}

// isChinese reports whether sacreBLEU's zh tokenizer treats r as a Chinese
// character; see [Tokenizer.Tokenize] for the quirk in the first range.
func isChinese(r rune) bool {
	if r < 0x2001 {
		return false
	}
	for _, rg := range chineseRanges {
		if r >= rg[0] && r <= rg[1] {
			return true
		}
	}
	return false
}

// chineseRanges lists sacreBLEU's _UCODE_RANGES as Python compares them:
// the bounds "\u20000", "\u2a6d6", "\u2f800" and "\u2fa1d" are two-character
// strings, so a single character c satisfies "\u20000" <= c <= "\u2a6d6"
// exactly when U+2001 <= c <= U+2A6D.
var chineseRanges = [...][2]rune{
	{0x3400, 0x4db5},
	{0x4e00, 0x9fa5},
	{0x9fa6, 0x9fbb},
	{0xf900, 0xfa2d},
	{0xfa30, 0xfa6a},
	{0xfa70, 0xfad9},
	{0x2001, 0x2a6d}, // written as '\u20000'..'\u2a6d6'
	{0x2f81, 0x2fa1}, // written as '\u2f800'..'\u2fa1d'
	{0xff00, 0xffef},
	{0x2e80, 0x2eff},
	{0x3000, 0x303f},
	{0x31c0, 0x31ef},
	{0x2f00, 0x2fdf},
	{0x2ff0, 0x2fff},
	{0x3100, 0x312f},
	{0x31a0, 0x31bf},
	{0xfe10, 0xfe1f},
	{0xfe30, 0xfe4f},
	{0x2600, 0x26ff},
	{0x2700, 0x27bf},
	{0x3200, 0x32ff},
	{0x3300, 0x33ff},
}

// tokenizeChar is sacreBLEU's TokenizerChar followed by a split: every
// character that is not whitespace becomes a token.
func tokenizeChar(s string) string {
	var b strings.Builder
	b.Grow(2 * len(s))
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
