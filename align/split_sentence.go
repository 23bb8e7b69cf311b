package align

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentences appends the sentences of the paragraph text[start:end].
func (sp *splitter) sentences(start, end int) {
	text := sp.text
	sp.open = sp.open[:0]
	sentStart := start
	for i := start; i < end; {
		c := text[i]
		switch byteClass[c] {
		case classSkip:
			i++
			continue
		case classQuote:
			sp.quote(start, i, rune(c), 1, end)
			i++
			continue
		case classMark: // an ASCII sentence mark: see markRun
		case classSkip2:
			if i+1 < end && text[i+1]&0xc0 == 0x80 {
				i += 2
				continue
			}
			i++
			continue
		case classSkip3:
			if i+2 < end && text[i+1]&0xc0 == 0x80 && text[i+2]&0xc0 == 0x80 {
				i += 3
				continue
			}
			i++
			continue
		default:
			r, n := utf8.DecodeRuneInString(text[i:end])
			if isQuoteRune(r) {
				sp.quote(start, i, r, n, end)
				i += n
				continue
			}
			if !isTerminal(r) || r == '．' && betweenDigits(text, i, n) {
				i += n
				continue
			}
		}
		mk := sp.markRun(start, i, end)
		if sp.endsAt(sentStart, i, mk, end) {
			sp.emit(sentStart, mk.end)
			sentStart = mk.end
		}
		i = mk.end
	}
	sp.emit(sentStart, end)
}

// emit appends text[from:to], less the white space at either end, as a
// segment, unless nothing is left.
func (sp *splitter) emit(from, to int) {
	from, to = trimSpan(sp.text, from, to)
	if from < to {
		sp.segs = append(sp.segs, Segment{Text: sp.text[from:to], Start: from, End: to})
	}
}

// Byte classes for the sentence scanner.
const (
	classSkip   = iota // a byte that starts nothing the scanner stops at
	classQuote         // an ASCII quote or bracket
	classMark          // an ASCII sentence mark
	classSkip2         // the first of two bytes with no mark or quote among them
	classSkip3         // the first of three bytes with no mark or quote among them
	classDecode        // the first byte of a rune to decode and look at
)

// byteClass classifies the first byte of a rune for the scanner, so that
// the letters of most scripts are skipped without decoding. The marks and
// quotes outside ASCII all start with C2 (« »), D8 (؟), DB (۔), E0 (।),
// E2 (general punctuation), E3 (CJK punctuation and kana), EF (full-width
// forms) or with the four-byte leads.
var byteClass = func() (c [256]uint8) {
	for _, b := range []byte(".!?") {
		c[b] = classMark
	}
	for _, b := range []byte("\"'()[]{}") {
		c[b] = classQuote
	}
	for b := 0xc2; b <= 0xdf; b++ {
		c[b] = classSkip2
	}
	for b := 0xe0; b <= 0xef; b++ {
		c[b] = classSkip3
	}
	for _, b := range []byte{0xc2, 0xd8, 0xdb, 0xe0, 0xe2, 0xe3, 0xef, 0xf0, 0xf1, 0xf2, 0xf3, 0xf4} {
		c[b] = classDecode
	}
	return c
}()

// betweenDigits reports whether text[i:i+n] stands between two digits:
// "３．２", a decimal point rather than a full stop.
func betweenDigits(text string, i, n int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	after, _ := utf8.DecodeRuneInString(text[i+n:])
	return unicode.IsDigit(before) && unicode.IsDigit(after)
}

// isTerminal reports the marks that can end a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‥', '。', '！', '？', '｡', '．', '؟', '۔', '।', '‼', '⁇', '⁈', '⁉', '‽':
		return true
	}
	return false
}

// isCJKStop reports the marks after which a sentence ends even with no
// white space following: those of scripts written without spaces.
func isCJKStop(r rune) bool {
	switch r {
	case '。', '！', '？', '｡', '．':
		return true
	}
	return false
}

// isCloser reports closing quotes and brackets, which stay with the
// sentence they close.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', '»', '›', ')', ']', '}', '」', '』', '）', '】', '〕', '〉', '》', '］', '｝', '〗', '“', '‘', '«', '‹':
		return true
	}
	return false
}

// mark describes a run of sentence marks and what closes after them.
type mark struct {
	end        int  // the end of the run
	last       rune // the last sentence mark of the run
	dots       int  // full stops in the run, an ellipsis counting three
	closer     bool // the run ends with a closing quote or bracket
	title      bool // the run closes a title in 《》 or 〈〉
	spacedDots bool // the run has full stops separated by spaces: ". . ."
}

// markRun returns the run of marks that starts at text[i]: more marks
// ("?!", "..."), dots separated by single spaces (". . ."), closing quotes
// and brackets, invisible format characters (U+200F), a footnote ("[3]",
// "³"), and a closing quote after spaces when it closes an open one
// (French "! »").
func (sp *splitter) markRun(start, i, end int) mark {
	text := sp.text
	var m mark
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(text[j:end])
		switch {
		case isTerminal(r):
			switch r {
			case '.':
				m.dots++
			case '…':
				m.dots += 3
			case '‥':
				m.dots += 2
			}
			m.last = r
			m.closer = false
			m.title = false // "《胜利！》。" ends after all
			j += n
			continue
		case r == ' ' && m.last == '.' && !m.closer && j+1 < end && text[j+1] == '.' && m.dots > 0 &&
			!startsLetterOrDigit(text[j+2:end]):
			m.spacedDots = true
			j++
			continue
		case isCloser(r):
			if !sp.closeInRun(start, j, r, n, end, &m) {
				return m.at(j)
			}
			m.closer = true
			j += n
			continue
		case isFormat(r):
			j += n
			continue
		case r == '[':
			k := j + 1
			for k < end && text[k] >= '0' && text[k] <= '9' {
				k++
			}
			if k > j+1 && k < end && text[k] == ']' {
				j = k + 1
				continue
			}
		case isSuperscriptDigit(r):
			j += n
			continue
		case isHorizontalSpace(r) && len(sp.open) > 0:
			// French spacing: "! »", "?\u00a0»".
			k := j + n
			for k < end {
				r2, n2 := utf8.DecodeRuneInString(text[k:end])
				if !isHorizontalSpace(r2) {
					break
				}
				k += n2
			}
			r2, n2 := utf8.DecodeRuneInString(text[k:end])
			if top := sp.open[len(sp.open)-1].r; (r2 == '»' && top == '«') || (r2 == '”' && top == '“') {
				sp.open = sp.open[:len(sp.open)-1]
				m.closer = true
				j = k + n2
				continue
			}
		}
		break
	}
	return m.at(j)
}

func (m mark) at(j int) mark { m.end = j; return m }

// startsLetterOrDigit reports whether s starts with a letter or a digit.
func startsLetterOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isLetterOrDigit(r)
}

// lastLetter returns the last letter of w, or utf8.RuneError.
func lastLetter(w string) rune {
	for w != "" {
		r, n := utf8.DecodeLastRuneInString(w)
		if unicode.IsLetter(r) {
			return r
		}
		w = w[:len(w)-n]
	}
	return utf8.RuneError
}

// closeInRun applies the closing quote or bracket r at text[j] in a run
// of marks, and reports whether it belongs to the run. Quotes that also
// open (“ ‘ « ‹ in other languages' use) belong only when they close an
// open quotation.
func (sp *splitter) closeInRun(start, j int, r rune, n, end int, m *mark) bool {
	switch r {
	case '“', '‘', '«', '‹':
		if !sp.hasOpenFor(r) {
			return false
		}
	}
	if top := len(sp.open); top > 0 && (sp.open[top-1].r == '《' && r == '》' || sp.open[top-1].r == '〈' && r == '〉') {
		m.title = true
	}
	sp.quote(start, j, r, n, end)
	return true
}

// isFormat reports invisible format characters that text copied from the
// web carries after a mark: direction marks, joiners.
func isFormat(r rune) bool {
	switch r {
	case '\u200e', '\u200f', '\u061c', '\u200d', '\u2060', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e':
		return true
	}
	return false
}

// isSuperscriptDigit reports the superscript digits of footnotes: "²".
func isSuperscriptDigit(r rune) bool {
	return r == '¹' || r == '²' || r == '³' || r >= '⁰' && r <= '⁹' && r != 'ⁱ' && r != '\u2072' && r != '\u2073'
}

// isHorizontalSpace reports the spaces that stand inside a line, the
// no-break ones that French puts before ! ? » included.
func isHorizontalSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007'
}

// endsAt decides whether the run of marks mk, which starts at text[i],
// ends the sentence that began at sentStart.
func (sp *splitter) endsAt(sentStart, i int, mk mark, end int) bool {
	text := sp.text
	if mk.end >= end {
		return true
	}
	if mk.title {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[i:])
	next, _ := utf8.DecodeRuneInString(text[mk.end:end])
	if !isGapRune(next) {
		return sp.endsWithoutSpace(sentStart, i, mk, next, end)
	}
	word := followingWord(text[mk.end:end])
	if startsLower(word) {
		return false
	}
	if sp.protected(mk.end, end) {
		return false
	}
	switch {
	case mk.dots >= 3 || mk.spacedDots:
		return ellipsisEnds(text, sentStart, i, mk)
	case first == '.' || first == '．':
		return sp.fullStopEnds(sentStart, i, mk, word, text[mk.end:end])
	}
	return true
}

// endsWithoutSpace decides a run of marks followed by something other than
// white space: only the marks of scripts written without spaces end a
// sentence there, and half-width ones between two such characters.
func (sp *splitter) endsWithoutSpace(sentStart, i int, mk mark, next rune, end int) bool {
	text := sp.text
	before, _ := utf8.DecodeLastRuneInString(text[sentStart:i])
	switch {
	case isCJKStop(mk.last):
	case (mk.last == '.' || mk.last == '!' || mk.last == '?') && isCJK(before) && isCJK(next):
	case mk.dots >= 2 && isCJK(next) && (mk.closer || isCJK(before)):
		// "……" then a sentence: "很管用……非常管用！", "「それは……」彼は"; not
		// after a Japanese inflection or before a particle ("考えて……それから").
		if !mk.closer && isHiragana(before) {
			return false
		}
	default:
		return false
	}
	if isJoiner(next) || isTerminal(next) || listMarkerOnly(text[sentStart:i]) {
		return false
	}
	if mk.closer && isHiragana(next) && !kanaStarter(text[mk.end:end]) {
		return false // 「…。」と述べた
	}
	return !sp.protected(mk.end, end)
}

// ellipsisEnds decides an ellipsis followed by a word that does not start
// with a lower-case letter.
func ellipsisEnds(text string, sentStart, i int, mk mark) bool {
	before, _ := utf8.DecodeLastRuneInString(text[sentStart:i])
	switch {
	case before == '[' || before == '(':
		return false // an omission: "[...]"
	case mk.dots >= 4:
		return true // an ellipsis and a full stop: "that....", ". . . ."
	case isGapRune(before) || i == sentStart:
		return false // an omission: "is . . . I", "as ... The"
	}
	return true
}

// fullStopEnds decides a full stop followed by white space and word, which
// does not start with a lower-case letter; rest is the text after the run.
func (sp *splitter) fullStopEnds(sentStart, i int, mk mark, word, rest string) bool {
	text := sp.text
	if listMarkerOnly(text[sentStart:i]) {
		return false
	}
	ws := wordStart(text, sentStart, i)
	if ws == i {
		return true
	}
	if before, _ := utf8.DecodeLastRuneInString(text[sentStart:ws]); before == '/' {
		return true // "км/ч.", "m/s."
	}
	w := text[ws:i]
	cs := chainStart(text, sentStart, ws)
	prev := wordBeforeSpace(text, sentStart, cs)
	last, _ := utf8.DecodeLastRuneInString(w)
	t := sp.table(lastLetter(w))

	if cs == ws && utf8.RuneCountInString(w) == 1 && unicode.IsUpper(last) {
		if tok := dottedToken(rest); tok != "" && isInitialToken(tok) {
			return false // "T. G. Longstaff", before "t." (tome) is looked up
		}
	}
	var buf [64]byte
	key := appendKey(buf[:0], text[cs:i])
	if t == sp.latin && t != englishTable && key != nil && internationalTitles[string(key)] {
		return false // "Mrs. Dunsheath" in German
	}
	if t != nil && key != nil {
		// Inside a multi-part abbreviation: the "z." of "z. B.".
		if tok := dottedToken(rest); tok != "" {
			k := appendKey(append(key, '.'), tok)
			if t.abbrevs[string(k)] != notAbbrev || t.prefixes[string(k)] {
				return false
			}
		}
		if kind, ok := t.lookup(key, prev); ok {
			return sp.abbrevEnds(kind, sentStart, cs, prev, word, rest)
		}
	}
	switch {
	case isNumber(w):
		if sp.latin.ordinalDot && isDigits(w) && len(w) <= 3 {
			return sp.ordinalEnds(strings.ToLower(prev), word)
		}
		return true
	case utf8.RuneCountInString(w) == 1 && unicode.IsLetter(last):
		return sp.letterEnds(last, prev, word, rest)
	case isDottedAcronym(text[cs:i]):
		if dottedToken(rest) != "" && isInitialToken(dottedToken(rest)) {
			return false
		}
		return sp.starts(word)
	}
	return true
}

// abbrevEnds decides the full stop of an abbreviation of the given kind.
func (sp *splitter) abbrevEnds(kind abbrevKind, sentStart, cs int, prev, word, rest string) bool {
	switch kind {
	case never:
		return false
	case beforeNumber:
		return !startsNumber(word, rest)
	case ambiguous:
		tok := dottedToken(rest)
		if tok != "" && isInitialToken(tok) {
			return false
		}
		if tok != "" && wordCount(sp.text[sentStart:cs]) > 3 {
			// A title after a long sentence starts the next one: "He left
			// at 6 p.m. Mr. Smith then ...", but "At 5 a.m. Mr. Smith went".
			if t := sp.table(lastLetter(tok)); t != nil {
				var buf [16]byte
				if k := appendKey(buf[:0], tok); k != nil && t.abbrevs[string(k)] == never {
					return true
				}
			}
		}
		return sp.starts(word)
	case final:
		return true
	case street:
		r, _ := utf8.DecodeRuneInString(prev)
		return unicode.IsUpper(r)
	case yearOrCity:
		if !isNumber(prev) && !isRoman(prev) {
			return false
		}
		return wordCount(sp.text[sentStart:cs]) > 3
	case afterNumber:
		return isNumber(prev)
	}
	return true
}

// ordinalEnds decides a German number of up to three digits with a full
// stop, after the word prev and before word: "am 8. Mai", "der 2.
// Weltkrieg", "auf 25. Die".
func (sp *splitter) ordinalEnds(prev, word string) bool {
	t := sp.latin
	switch {
	case t.ordinalBefore[prev]:
		return false
	case t.months[strings.ToLower(word)]:
		return false
	case sp.starts(word):
		return true
	case t.cardinalBefore[prev]:
		return true
	}
	r, _ := utf8.DecodeRuneInString(word)
	return !unicode.IsLetter(r)
}

// letterEnds decides a full stop after a single letter: an initial, "I".
func (sp *splitter) letterEnds(r rune, prev, word, rest string) bool {
	switch {
	case isArabicScript(r):
		return isNumber(prev)
	case unicode.IsLower(r):
		if isCyrillic(r) {
			return false
		}
		return sp.starts(word)
	case r == 'I' && sp.latin.pronounI && prev != "" && startsLower(prev):
		return true // "you and I. Did ..."
	}
	if tok := dottedToken(rest); tok != "" && isInitialToken(tok) {
		return false // "V. V. Putin"
	}
	return sp.starts(word)
}

// starts reports whether word commonly starts a sentence in its script's
// language.
func (sp *splitter) starts(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	t := sp.table(r)
	if t == nil || word == "" {
		return false
	}
	var buf [64]byte
	key := appendKey(buf[:0], word)
	if t == arabicTable && (r == 'و' || r == 'ف') && utf8.RuneCountInString(word) >= 3 {
		return true // a sentence that goes on from the last: "وقال", "فقد"
	}
	return key != nil && t.starters[string(key)]
}

// table returns the table for words whose letters are like r.
func (sp *splitter) table(r rune) *langTable {
	switch {
	case r < 0x250:
		if unicode.IsLetter(r) {
			return sp.latin
		}
	case isCyrillic(r):
		return russianTable
	case isArabicScript(r):
		return arabicTable
	}
	return nil
}

// lookup returns the kind of the abbreviation key, written after the
// word prev: first with prev ("и пр"), then key, then key without its
// leading parts ("av.j.-c", "j.-c").
func (t *langTable) lookup(key []byte, prev string) (abbrevKind, bool) {
	if prev != "" && len(prev) <= 6 {
		var buf [80]byte
		k := append(appendKey(buf[:0], prev), ' ')
		k = append(k, key...)
		if kind := t.abbrevs[string(k)]; kind != notAbbrev {
			return kind, true
		}
	}
	for parts := 0; ; parts++ {
		if parts > 0 && utf8.RuneCount(key) == 1 {
			// "Ю. В": the last of several initials, not "в." (век).
			return notAbbrev, false
		}
		if kind := t.abbrevs[string(key)]; kind != notAbbrev {
			return kind, true
		}
		dot := bytes.IndexByte(key, '.')
		if dot < 0 {
			return notAbbrev, false
		}
		key = key[dot+1:]
	}
}
