package align

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// appendKey appends s lower-cased without spaces, or returns nil when it
// does not fit.
func appendKey(dst []byte, s string) []byte {
	for _, r := range s {
		if isGapRune(r) {
			continue
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if len(dst)+utf8.UTFMax > cap(dst) {
			return nil
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// isWordRune reports what a word before a full stop is made of.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '°' || r == 'º' || r == 'ª'
}

// wordStart returns where the word that ends at i begins: letters,
// digits, inner full stops and hyphens ("U.S", "e.g", "J.-C", "3.5").
func wordStart(text string, from, i int) int {
	j := backOver(text, from, i, func(r rune) bool { return isWordRune(r) || r == '.' || r == '-' })
	for j < i && (text[j] == '.' || text[j] == '-') {
		j++
	}
	return j
}

// chainStart extends the word at ws back over short words with full
// stops before it, one space apart: the "z. " of "z. B", the "т. " of
// "т. е", the "V. " of "V. V".
func chainStart(text string, from, ws int) int {
	for range 3 {
		if ws-2 < from || text[ws-1] != ' ' || text[ws-2] != '.' {
			break
		}
		j := ws - 2
		k := backOver(text, from, j, func(r rune) bool { return unicode.IsLetter(r) || r == '-' })
		if runes := utf8.RuneCountInString(text[k:j]); runes == 0 || runes > 4 {
			break
		}
		if k > from {
			if r, _ := utf8.DecodeLastRuneInString(text[from:k]); !isGapRune(r) && !isOpener(r) {
				break
			}
		}
		ws = k
	}
	return ws
}

// wordBeforeSpace returns the word before text[i] and the white space
// before it, or "".
func wordBeforeSpace(text string, from, i int) string {
	j := backOver(text, from, i, isGapRune)
	if j == i {
		return ""
	}
	return text[backOver(text, from, j, isWordRune):j]
}

// backOver returns where the run of runes that keep accepts, ending at
// text[i], begins, going back no further than from.
func backOver(text string, from, i int, keep func(rune) bool) int {
	for i > from {
		r, n := utf8.DecodeLastRuneInString(text[from:i])
		if !keep(r) {
			break
		}
		i -= n
	}
	return i
}

// followingWord returns the first word of s after white space and opening
// quotes, brackets, inverted marks and dashes: what decides whether a
// sentence ended before s ("— сказал он" goes on, "¿Qué?" starts anew).
func followingWord(s string) string {
	for i, r := range s {
		switch {
		case isGapRune(r) || isOpener(r) || isFormat(r) || r == '¿' || r == '¡' || r == '—' || r == '–' || r == '-':
		default:
			return nextWord(s[i:])
		}
	}
	return ""
}

// nextWord returns the first word of s: its letters, marks and digits.
func nextWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			return s[:i]
		}
	}
	return s
}

// dottedToken returns the word that the text after a full stop starts
// with when a full stop follows it directly ("B" of " B. Smith"), or "".
func dottedToken(rest string) string {
	rest = strings.TrimLeft(rest, " ")
	w := nextWord(rest)
	if w == "" || len(w) >= len(rest) || rest[len(w)] != '.' || utf8.RuneCountInString(w) > 4 {
		return ""
	}
	return w
}

// isInitialToken reports an initial: one upper-case letter, or a
// transliterated one ("Yu").
func isInitialToken(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && (n == len(w) || translitInitials[w])
}

// translitInitials are the initials of Russian names in English: "Yu. V.
// Ushakov".
var translitInitials = set(`Yu Ya Yo Ye Zh Kh Ch Sh Ts`)

// startsNumber reports whether the word after an abbreviation is a
// number: digits, or a Roman numeral of more than one letter or followed
// by punctuation ("Art. IV", "vol. I,").
func startsNumber(word, rest string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	if unicode.IsDigit(r) {
		return true
	}
	// A sum: "approx. $100", "ca. US$ 5", "env. 5 €".
	after := strings.TrimLeft(rest, " \u00a0")
	after = strings.TrimLeftFunc(after, func(r rune) bool { return r >= 'A' && r <= 'Z' })
	if c, _ := utf8.DecodeRuneInString(after); unicode.Is(unicode.Sc, c) {
		return true
	}
	if !isRoman(word) || word != strings.ToUpper(word) {
		return false
	}
	if len(word) > 1 {
		return true
	}
	c, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " \u00a0")[len(word):])
	return c == utf8.RuneError || c == ',' || c == ';' || c == ')' || c == '.'
}

func isRoman(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !strings.ContainsRune("IVXLCDMivxlcdm", rune(s[i])) {
			return false
		}
	}
	return true
}

// isNumber reports digits with inner full stops and commas: "2025",
// "3.5", "1,000.00", "٣٫٥".
func isNumber(s string) bool {
	if s == "" {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if !unicode.IsDigit(first) || !unicode.IsDigit(last) {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && r != '.' && r != ',' && r != '٫' && r != '٬' {
			return false
		}
	}
	return true
}

// isDottedAcronym reports words like "U.N.S.C", "Ph.D" and "J.-P": groups
// of one or two letters between full stops (not "example.org", not "3.5",
// not "KP.ru").
func isDottedAcronym(word string) bool {
	if !strings.ContainsAny(word, ". ") {
		return false
	}
	upper, lower := false, false // parts of two letters in one case
	for part := range strings.FieldsFuncSeq(word, func(r rune) bool { return r == '.' || r == ' ' }) {
		part = strings.TrimPrefix(part, "-")
		n, up := 0, 0
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
			n++
			if unicode.IsUpper(r) {
				up++
			}
		}
		if n == 0 || n > 2 {
			return false
		}
		upper = upper || n == 2 && up == 2
		lower = lower || n == 2 && up == 0
	}
	return !(upper && lower)
}

// wordCount returns the number of words in s, or 4 when there are more
// than three: the rules only ask whether a sentence is that short.
func wordCount(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := !isGapRune(r)
		if w && !in {
			if n++; n > 3 {
				return n
			}
		}
		in = w
	}
	return n
}

// trimSpan narrows text[from:to] to exclude gap runes at either end.
func trimSpan(text string, from, to int) (int, int) {
	for from < to {
		c := text[from]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			from++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[from:to])
		if !isGapRune(r) {
			break
		}
		from += n
	}
	for to > from {
		c := text[to-1]
		if c < utf8.RuneSelf {
			if c != ' ' && (c < '\t' || c > '\r') {
				break
			}
			to--
			continue
		}
		r, n := utf8.DecodeLastRuneInString(text[from:to])
		if !isGapRune(r) {
			break
		}
		to -= n
	}
	return from, to
}

// isGapRune reports what may stand between segments: white space, and the
// invisible zero-width space and byte order mark that copied text carries.
func isGapRune(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' }

// displayWidth returns the width of s in columns: two for Chinese,
// Japanese and Korean characters and full-width forms, one for the rest.
func displayWidth(s string) int {
	w := 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c < 0xc0: // ASCII, or a stray continuation byte
			w++
			i++
		case c < 0xe0:
			w++
			i += 2
		case c < 0xe3 || c == 0xee:
			w++
			i += 3
		case c < 0xee: // U+3000 to U+DFFF: CJK, kana, Hangul
			w += 2
			i += 3
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			i += n
			if isCJK(r) || r >= 0xff01 && r <= 0xff60 {
				w += 2
			} else {
				w++
			}
		}
	}
	return w
}

// isCJK reports Chinese, Japanese and Korean letters.
func isCJK(r rune) bool {
	switch {
	case r < 0x3040:
		return false
	case r <= 0x30ff, // kana
		r >= 0x3400 && r <= 0x4dbf, r >= 0x4e00 && r <= 0x9fff, r >= 0xf900 && r <= 0xfaff,
		r >= 0x20000 && r <= 0x3ffff, // Han
		r >= 0xac00 && r <= 0xd7af,   // Hangul
		r >= 0xff66 && r <= 0xff9f:   // half-width kana
		return r != 0x30fb // not the katakana middle dot
	}
	return false
}

func isKana(r rune) bool { return r >= 0x3041 && r <= 0x30fa || r == 0x30fc }

func isHiragana(r rune) bool { return r >= 0x3041 && r <= 0x309f }

func isCyrillic(r rune) bool { return r >= 0x400 && r <= 0x52f }

func isArabicScript(r rune) bool {
	return r >= 0x600 && r <= 0x6ff || r >= 0x750 && r <= 0x77f || r >= 0xfb50 && r <= 0xfdff || r >= 0xfe70 && r <= 0xfeff
}

// kanaStarters open Japanese sentences although they start with
// hiragana; after 「…。」 they start a new sentence rather than go on
// with a particle.
var kanaStarters = []string{
	"これ", "それ", "あれ", "この", "その", "あの", "ここ", "そこ", "しかし", "そして",
	"また", "まず", "さらに", "なお", "ただ", "もし", "もっと", "とても", "ところ",
	"とにかく", "ともかく", "とはいえ", "ですが", "でも", "だが", "だから", "つまり",
	"なぜ", "どう", "いつ", "いま", "すでに", "やはり", "ちなみに",
}

func kanaStarter(s string) bool {
	for _, w := range kanaStarters {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}
