package align

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// startsListItem reports a line that starts a list item: a bullet ("- ",
// "• ", "・"), a number or letter ("1. ", "2) ", "a) ", "(iv) ", "II. ",
// "１．"), or a Chinese numeral ("一、", "（一）").
func startsListItem(line string) bool {
	r, n := utf8.DecodeRuneInString(line)
	if isBullet(r) {
		next, _ := utf8.DecodeRuneInString(line[n:])
		return r == '・' || r >= 0x80 && r != '·' || unicode.IsSpace(next)
	}
	if r == '-' || r == '*' || r == '+' || r == '·' {
		next, _ := utf8.DecodeRuneInString(line[n:])
		return unicode.IsSpace(next)
	}
	if _, ok := parseMarker(line, 0, len(line)); ok {
		return true
	}
	// Chinese numbering: 一、 二、 … and （一） (二) ….
	rest := line
	if r == '（' || r == '(' {
		rest = line[n:]
	}
	i := 0
	for _, c := range rest {
		if !strings.ContainsRune("一二三四五六七八九十", c) {
			break
		}
		i += utf8.RuneLen(c)
	}
	if i == 0 {
		return false
	}
	c, _ := utf8.DecodeRuneInString(rest[i:])
	return c == '、' || (r == '（' && c == '）') || (r == '(' && c == ')')
}

// isBullet reports characters that start list items.
func isBullet(r rune) bool {
	switch r {
	case '•', '◦', '▪', '▫', '‣', '⁃', '●', '○', '■', '□', '►', '▶', '➢', '✓', '✔', '・', '–', '—':
		return true
	}
	return false
}

// A listMarker is the label of a list item: "1.", "b)", "(iv)", "•".
type listMarker struct {
	kind   byte // '1' number, 'a' or 'A' letter, 'i' or 'I' roman numeral, 'b' bullet
	value  int
	bullet rune
	paren  bool   // "(1)"
	close  string // ".", ")", ".)", "" for a bullet
}

// label returns the marker's text.
func (m listMarker) label() string {
	var b strings.Builder
	if m.paren {
		b.WriteByte('(')
	}
	switch m.kind {
	case '1':
		b.WriteString(strconv.Itoa(m.value))
	case 'a', 'A':
		b.WriteByte(m.kind + byte(m.value-1))
	case 'i':
		b.WriteString(strings.ToLower(roman(m.value)))
	case 'I':
		b.WriteString(roman(m.value))
	case 'b':
		b.WriteRune(m.bullet)
	}
	b.WriteString(m.close)
	return b.String()
}

// roman returns n in upper-case Roman numerals, for 1 <= n < 40.
func roman(n int) string {
	ones := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return strings.Repeat("X", n/10) + ones[n%10]
}

// romanValues maps the Roman numerals of list items, in either case, to
// their values.
var romanValues = func() map[string]int {
	m := map[string]int{}
	for n := 1; n < 40; n++ {
		m[roman(n)] = n
		m[strings.ToLower(roman(n))] = n
	}
	return m
}()

// parseMarker parses the list marker that text[i:end] starts with, which
// must be followed by a space: "1. ", "2) ", "3.) ", "(4) ", "a) ", "b. ",
// "iv) ", "IV. ". Number markers have up to three digits; letter lists
// start at "a" (or "A"), Roman ones at "i" (or "I"), or go on from those.
// A number followed by a month is a date, not a marker ("1. Mai").
func parseMarker(text string, i, end int) (listMarker, bool) {
	var m listMarker
	s := text[i:end]
	if strings.HasPrefix(s, "(") {
		m.paren = true
		s = s[1:]
	}
	j := 0
	for j < len(s) && j < 6 && isASCIILetterOrDigit(s[j]) {
		j++
	}
	if j == 0 || j == len(s) {
		return m, false
	}
	label := s[:j]
	switch {
	case isDigits(label) && j <= 3:
		m.kind = '1'
		m.value = atoi(label)
	case j == 1 && label[0] >= 'a' && label[0] <= 'z' && label[0] != 'i':
		m.kind, m.value = 'a', int(label[0]-'a'+1)
	case j == 1 && label[0] >= 'A' && label[0] <= 'Z' && label[0] != 'I':
		m.kind, m.value = 'A', int(label[0]-'A'+1)
	case romanValues[label] > 0:
		m.value = romanValues[label]
		m.kind = 'I'
		if label[0] >= 'a' {
			m.kind = 'i'
		}
	default:
		return m, false
	}
	rest := s[j:]
	switch {
	case m.paren && strings.HasPrefix(rest, ")"):
		m.close = ")"
	case m.paren:
		return m, false
	case strings.HasPrefix(rest, ".)"):
		m.close = ".)"
	case strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, ")"):
		m.close = rest[:1]
	default:
		return m, false
	}
	after := rest[len(m.close):]
	if after == "" || after[0] != ' ' && after[0] != '\t' {
		return m, false
	}
	if m.kind == '1' && isMonth(nextWord(strings.TrimLeft(after, " \t"))) {
		return m, false
	}
	return m, true
}

func isMonth(w string) bool {
	w = strings.ToLower(w)
	return germanTable.months[w] || englishMonths[w]
}

var englishMonths = set(`january february march april may june july august september
	october november december`)

func isASCIILetterOrDigit(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// paragraph splits text[start:end] into list items, when it starts with
// a list marker and later markers follow in sequence, and each item into
// sentences.
func (sp *splitter) paragraph(start, end int) {
	text := sp.text
	m, ok := parseMarker(text, start, end)
	if !ok {
		// Bullets, but not dashes, which also start dialogue and asides.
		r, _ := utf8.DecodeRuneInString(text[start:end])
		if !isBullet(r) || r == '–' || r == '—' {
			sp.sentences(start, end)
			return
		}
		m = listMarker{kind: 'b', bullet: r}
	}
	itemStart := start
	for {
		next := m
		next.value++
		from := itemStart + len(m.label())
		at := findMarker(text, from, end, next)
		if at < 0 || !isListItem(text[from:at]) {
			break
		}
		sp.sentences(itemStart, at)
		itemStart, m = at, next
	}
	sp.sentences(itemStart, end)
}

// findMarker returns the position of marker m in text[from:end] where it
// starts a list item: after white space and, unless it is a bullet,
// before a space. It returns -1 if there is none.
func findMarker(text string, from, end int, m listMarker) int {
	label := m.label()
	for from < end {
		i := strings.Index(text[from:end], label)
		if i < 0 {
			return -1
		}
		at := from + i
		from = at + len(label)
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		if !isGapRune(before) {
			continue
		}
		if m.kind == 'b' {
			return at
		}
		if got, ok := parseMarker(text, at, end); ok && (got == m || got.label() == label) {
			return at
		}
	}
	return -1
}

// isListItem reports whether s, the text of an item after its marker,
// is more than the marker, and more than a conjunction between two
// ordinals ("der 8. und 9. Stelle").
func isListItem(s string) bool {
	s = strings.TrimFunc(s, isGapRune)
	if strings.IndexFunc(s, unicode.IsLetter) < 0 {
		return false
	}
	return !(startsLower(s) && utf8.RuneCountInString(s) <= 3 && strings.IndexFunc(s, isGapRune) < 0)
}

// listMarkerOnly reports whether s, the text of a sentence before its
// first full stop, is only the label of a list item: "1", "a", "IV", "１".
func listMarkerOnly(s string) bool {
	if len(s) > 24 {
		s = s[len(s)-24:] // a marker is short: look at no more than its end
		if i := strings.LastIndexFunc(s, isGapRune); i < 0 || strings.TrimFunc(s[:i], isGapRune) != "" {
			return false
		}
	}
	s = strings.TrimLeftFunc(s, func(r rune) bool { return isGapRune(r) || isBullet(r) || r == '(' })
	if s == "" {
		return false
	}
	n := 0
	digits := true
	for _, r := range s {
		n++
		if !unicode.IsDigit(r) {
			digits = false
		}
	}
	if digits {
		return n <= 3
	}
	return n == 1 && unicode.IsLetter(rune(s[0])) || isRoman(s) && len(s) <= 5 && (s == strings.ToUpper(s) || s == strings.ToLower(s))
}
