package metric

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the few Python string operations that sacreBLEU relies on,
// reproduced exactly: str.split() and str.strip() use Python's idea of
// whitespace, and str.lower() differs from strings.ToLower in two places.

// isSpace reports whether Python's str.isspace() is true for r: Go's
// unicode.IsSpace plus the four information separators U+001C..U+001F,
// which Python counts as whitespace (bidirectional class B or S).
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

var asciiSpace = [utf8.RuneSelf]bool{
	'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true,
	0x1c: true, 0x1d: true, 0x1e: true, 0x1f: true,
}

// fields splits s around runs of Python whitespace, as str.split() does
// with no argument. The fields are substrings of s.
func fields(s string) []string {
	return appendFields(nil, s)
}

// appendFields appends the fields of s to dst; see fields.
func appendFields(dst []string, s string) []string {
	start := -1
	for i := 0; i < len(s); {
		sp, size := spaceAt(s, i)
		if sp {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += size
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// joinFields returns the fields of s joined by single spaces: Python's
// ' '.join(s.split()). It returns s itself when s is already in that form.
func joinFields(s string) string {
	if isJoined(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		sp, size := spaceAt(s, i)
		if sp {
			// Skip the run; write one space if a field follows and
			// one precedes.
			j := i + size
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if !isSpace(r) {
					break
				}
				j += n
			}
			if b.Len() > 0 && j < len(s) {
				b.WriteByte(' ')
			}
			i = j
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// isJoined reports whether s has no leading or trailing whitespace and
// separates its fields by single ASCII spaces.
func isJoined(s string) bool {
	prevSpace := true // forbids a leading space
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			// Non-ASCII whitespace (NBSP, U+3000...) needs the slow path.
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			i += n - 1
			prevSpace = false
			continue
		}
		if asciiSpace[c] {
			if c != ' ' || prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return !prevSpace || len(s) == 0
}

// strip and rstrip are Python's str.strip() and str.rstrip().
func strip(s string) string  { return strings.TrimFunc(s, isSpace) }
func rstrip(s string) string { return strings.TrimRightFunc(s, isSpace) }

// removeSpace returns s without any Python whitespace: ”.join(s.split()).
func removeSpace(s string) string {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || asciiSpace[c] {
			n++
			break
		}
	}
	if n == 0 {
		return s
	}
	return strings.Join(fields(s), "")
}

// lower is Python's str.lower(). Its simple mappings equal Go's
// unicode.ToLower; it differs from strings.ToLower in two places:
// U+0130 (İ) becomes "i\u0307", and a capital sigma at the end of a word
// (Unicode's Final_Sigma condition) becomes ς rather than σ.
func lower(s string) string {
	if !strings.ContainsRune(s, 'İ') && !strings.ContainsRune(s, 'Σ') {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s) + 4)
	for i, r := range rs {
		switch r {
		case 'İ':
			b.WriteString("i\u0307")
		case 'Σ':
			if finalSigma(rs, i) {
				b.WriteRune('ς')
			} else {
				b.WriteRune('σ')
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at rs[i] is in the
// Final_Sigma context: preceded by a cased letter and not followed by one,
// skipping case-ignorable characters in both directions.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

// cased is Unicode's Cased property: Lowercase, Uppercase or Lt.
func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// caseIgnorable is Unicode's Case_Ignorable property: Mn, Me, Cf, Lm, Sk,
// and the Word_Break classes MidLetter, MidNumLet and Single_Quote.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019,
		0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55, 0xFF07, 0xFF0E, 0xFF1A:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// spaceAt reports whether the character at s[i] is white space as Python's
// str.split sees it, and its size in bytes.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace[c], 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}
