package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Segment is a sentence, a heading or a line with no final punctuation,
// as a span of the text it was cut from. Start and End are byte offsets,
// half-open; Text is exactly text[Start:End], never rewritten.
type Segment struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Splitter cuts text into sentences. Lang selects the language whose
// abbreviations, sentence openers and number rules apply to words in
// Latin script; words in Cyrillic and Arabic script always follow Russian
// and Arabic rules, and Chinese and Japanese marks are known in every
// language. The zero value detects the language of each text it splits
// with [DetectLanguage].
//
// [Splitter.Split] works in two passes. The first cuts the text into
// paragraphs: a blank line always ends one, and so does the end of a line
// that does not run on into the next. A line runs on when it ends with a
// sentence mark (the second pass decides), a comma, a semicolon or a dash;
// when the next line starts with a lower-case letter and the sentence ends
// on it or on a line it runs on to ("cut off in the\nmiddle."), not in a
// list of words ("trade and investment\nenergy security"); when it ends in
// kana and the next line goes on in Chinese or Japanese script; and when
// the paragraph looks hard-wrapped: the line is at least 60% as wide as
// the widest and the next line's first word would not have fitted on it. A
// line that ends with a colon runs on only into a lower-case line: before
// anything else it introduces a block. Any other line stands alone: a
// heading, a dateline, a name in a list. A line that starts with a bullet
// or a number ("- ", "• ", "1. ", "2) ", "(a) ", "IV. ", "一、", "・")
// starts a list item, and so does the next number, letter or bullet of a
// list that a paragraph starts with ("1. ... 2. ... 3. ...").
//
// The second pass cuts each paragraph into sentences. A sentence ends at
// one of . ! ? … ؟ ۔ (with any further marks, closing quotes and
// brackets, and a footnote such as "[3]" after them) followed by white
// space and a word that does not start with a lower-case letter, and at
// one of 。！？｡． with or without white space after it. Then:
//
//   - A full stop after an abbreviation ends the sentence as the
//     abbreviation's kind says: never after a title or a leading
//     abbreviation ("Mr.", "Gen.", "e.g.", "z. B.", "т. е."), only before
//     something other than a number ("No. 5", "Jan. 8"), only before a word
//     that commonly starts a sentence ("U.S.", "Inc.", "a.m."), or unless a
//     lower-case word follows ("etc.", "и т. д.", "usw."). Each language has
//     its own table, and a word is looked up in the table of its script's
//     language: Cyrillic words in the Russian one, Arabic-script words in
//     the Arabic one, Latin words in that of the splitter's language
//     (English when it is not written in Latin script or has no table).
//   - Initials do not end a sentence ("V. V. Putin", "В. В. Путин",
//     "J.-P. Raffarin") unless a word that commonly starts sentences
//     follows; "I." after a lower-case word does ("you and I. Did ...").
//   - A number's full stop ends the sentence ("in 2024. The"), except the
//     number of a list item at the start of a segment ("1. Trade"), and in
//     German a number of up to three digits before a month or a noun, an
//     ordinal ("am 8. Mai", "der 2. Weltkrieg"), unless a word that
//     commonly starts sentences follows.
//   - An ellipsis (... … . . .) ends a sentence before a capital, unless it
//     stands after a space or in brackets ("is . . . I", "[...]"), where it
//     marks an omission; four dots always end one. In Chinese, "……"
//     ends a sentence before another with no space between.
//   - Quotations and brackets: a mark inside a quotation or bracket of up
//     to 150 characters that the sentence goes on after ("We agree. We
//     will sign," he said; «…», — сказал он; 「…。」と述べた) does not end the
//     sentence, nor does a mark inside 《》 or 〈〉. A longer quotation, or
//     one followed by a new sentence, is split like any other text, so
//     that its sentences can be aligned one by one. Closing quotes after a
//     space close the quotation they belong to (French « … ! »).
//   - After 。！？ a sentence does not end before a comma or, after a
//     closing quote, before a Japanese particle (「…。」と).
//   - Semicolons and colons (; ； : ：) do not end a sentence.
//
// Invalid UTF-8 is carried inside segments, never dropped. Where the rules
// cannot tell, a single capital letter with a full stop is taken for an
// initial ("Group A. Russia abstained." stays one segment), and a capital
// after a quoted question for the start of a sentence ("\"Why?\" Lavrov
// asked." becomes two). The segments of a text may change between
// versions as the rules improve; what the offsets mean will not.
type Splitter struct {
	Lang language.Tag
}

// Split cuts text into sentences with the zero [Splitter].
func Split(text string) []Segment { return Splitter{}.Split(text) }

// SplitLanguages returns the languages that have rules of their own:
// English, French, Spanish, German, Russian and Arabic abbreviation tables,
// and Chinese and Japanese punctuation. Other languages are split with
// the rules of their script.
func SplitLanguages() []language.Tag {
	return []language.Tag{
		language.English, language.Chinese, language.Russian, language.French,
		language.Spanish, language.Arabic, language.German, language.Japanese,
	}
}

// Split cuts text into segments, as [Splitter] describes. The segments and
// the white space between them rebuild text byte for byte: every byte
// that is not white space is in exactly one segment. Split returns nil
// for text that is empty or only white space.
func (s Splitter) Split(text string) []Segment {
	lang := s.Lang
	if lang.IsRoot() {
		lang = DetectLanguage(text)
	}
	sp := splitter{text: text, latin: latinTable(lang)}
	sp.run()
	return sp.segs
}

// latinTable returns the table for Latin words in a text in lang.
func latinTable(lang language.Tag) *langTable {
	base, _ := lang.Base()
	switch base.String() {
	case "fr":
		return frenchTable
	case "es":
		return spanishTable
	case "de":
		return germanTable
	}
	return englishTable
}

// Lines returns one segment per line of text, empty lines included, as
// sentence aligners that take pre-split input do: segment i is line i.
// Line endings (\n, \r\n, \r) belong to no segment; a final line ending
// does not start another line.
func Lines(text string) []Segment {
	var segs []Segment
	for start := 0; start < len(text); {
		end, next := lineEnd(text, start)
		segs = append(segs, Segment{Text: text[start:end], Start: start, End: end})
		start = next
	}
	return segs
}

// lineEnd returns the end of the line starting at start, without its line
// ending, and the start of the next line.
func lineEnd(text string, start int) (end, next int) {
	i := strings.IndexAny(text[start:], "\r\n")
	if i < 0 {
		return len(text), len(text)
	}
	end = start + i
	if text[end] == '\r' && end+1 < len(text) && text[end+1] == '\n' {
		return end, end + 2
	}
	return end, end + 1
}

type span struct{ start, end int }

// splitter holds the state of one Split call.
type splitter struct {
	text  string
	latin *langTable
	segs  []Segment

	lines  []span // the lines of the current block, trimmed
	widths []int  // their display widths
	open   []openMark
}

// run splits the whole text: blocks of non-blank lines, then paragraphs.
func (sp *splitter) run() {
	text := sp.text
	for pos := 0; pos < len(text); {
		sp.lines = sp.lines[:0]
		for pos < len(text) {
			end, next := lineEnd(text, pos)
			from, to := trimSpan(text, pos, end)
			pos = next
			if from == to {
				if len(sp.lines) > 0 {
					break
				}
				continue
			}
			sp.lines = append(sp.lines, span{from, to})
		}
		if len(sp.lines) > 0 {
			if sp.segs == nil {
				// About one sentence in 64 bytes.
				sp.segs = make([]Segment, 0, min(len(text), 1<<24)/64+4)
			}
			sp.block()
		}
	}
}

// Hard-wrapped prose has lines of about the same width, between these
// bounds in display columns (a Chinese character is two); a line much
// shorter than its paragraph's widest is a heading or the last line of
// something.
const (
	minWrapWidth  = 30
	maxWrapWidth  = 200
	wrapFullShare = 0.6
	wrapFullCJK   = 0.9
)

// block cuts a run of non-blank lines into paragraphs.
func (sp *splitter) block() {
	lines := sp.lines
	sp.widths = sp.widths[:0]
	wrapWidth := 0
	for _, l := range lines {
		w := displayWidth(sp.text[l.start:l.end])
		sp.widths = append(sp.widths, w)
		wrapWidth = max(wrapWidth, w)
	}
	start := lines[0].start
	for k, l := range lines {
		if k+1 < len(lines) && sp.continues(k, wrapWidth) {
			continue
		}
		sp.paragraph(start, l.end)
		if k+1 < len(lines) {
			start = lines[k+1].start
		}
	}
}

// continues reports whether the sentence on line k may go on onto the
// next line, so that the line break is only layout.
func (sp *splitter) continues(k, wrapWidth int) bool {
	line := sp.text[sp.lines[k].start:sp.lines[k].end]
	next := sp.text[sp.lines[k+1].start:sp.lines[k+1].end]
	if startsListItem(next) {
		return sp.numberGoesOn(line, next)
	}
	if r := lastMark(line); r == ':' || r == '：' {
		// A colon at the end of a line introduces a block or a list.
		return startsLower(next)
	}
	if endsJoined(line) {
		return true // the sentence scanner decides
	}
	if startsLower(next) && sp.endsOnLaterLine(k+1) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	first, _ := utf8.DecodeRuneInString(next)
	if isKana(last) && isCJK(first) {
		return true
	}
	if wrapWidth < minWrapWidth || wrapWidth > maxWrapWidth {
		return false
	}
	// A hard-wrapped line is full: the next line's first word would not
	// have fitted on it (for Chinese and Japanese, any character).
	width := sp.widths[k]
	if isCJK(first) {
		return float64(width+2) >= wrapFullCJK*float64(wrapWidth)
	}
	return float64(width) >= wrapFullShare*float64(wrapWidth) &&
		width+1+displayWidth(firstWord(next)) > wrapWidth
}

// firstWord returns s up to its first white space.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

// numberGoesOn reports whether a line that starts with a number and a full
// stop goes on with the sentence of the line before rather than starting
// a list item: the line before does not end with a mark, and the number
// is followed by a lower-case word ("der 8.\nund 9. Stelle") or, in German,
// comes after a word that puts an ordinal after it ("seit dem\n2. Weltkrieg").
func (sp *splitter) numberGoesOn(line, next string) bool {
	if r := lastMark(line); isTerminal(r) || isJoiner(r) {
		return false
	}
	m, ok := parseMarker(next, 0, len(next))
	if !ok || m.kind != '1' || m.close != "." {
		return false
	}
	word := strings.TrimLeft(next[len(m.label()):], " \t")
	if startsLower(word) {
		return true
	}
	last := line[strings.LastIndexFunc(line, unicode.IsSpace)+1:]
	return sp.latin.ordinalBefore[strings.ToLower(last)]
}

// lastMark returns the last rune of line before closing quotes, brackets
// and white space.
func lastMark(line string) rune {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(line, isCloserOrGap))
	return r
}

// endsOnLaterLine reports whether a sentence that goes on onto line k
// ends at the end of it or of a line it runs on to, rather than being a
// line of a list of words ("trade and investment\nenergy security").
func (sp *splitter) endsOnLaterLine(k int) bool {
	for stop := min(len(sp.lines), k+maxRunOnLines); k < stop; k++ {
		line := strings.TrimRightFunc(sp.text[sp.lines[k].start:sp.lines[k].end], isCloserOrGap)
		r, _ := utf8.DecodeLastRuneInString(line)
		switch {
		case isTerminal(r):
			return true
		case !isJoiner(r):
			return false
		}
	}
	return false
}

// maxRunOnLines bounds how many lines ending with a comma a sentence that
// starts with a lower-case letter is followed over.
const maxRunOnLines = 8

// endsJoined reports whether a line ends with a mark after which the text
// may go on: a sentence mark (the sentence scanner decides), a comma, a
// colon, a semicolon, a dash or a hyphen after a letter.
func endsJoined(line string) bool {
	line = strings.TrimRightFunc(line, isCloserOrGap)
	r, n := utf8.DecodeLastRuneInString(line)
	if r == '-' {
		before, _ := utf8.DecodeLastRuneInString(line[:len(line)-n])
		return unicode.IsLetter(before)
	}
	return isTerminal(r) || isJoiner(r) || r == '—' || r == '–'
}

// isJoiner reports marks inside a sentence that a line may end with.
func isJoiner(r rune) bool {
	switch r {
	case ',', ';', ':', '，', '、', '；', '：', '،', '؛':
		return true
	}
	return false
}

func isCloserOrGap(r rune) bool { return isCloser(r) || isGapRune(r) }

// startsLower reports whether s starts with a lower-case letter that is
// not the first letter of a word like "iPhone".
func startsLower(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return false
	}
	for _, r := range s[n:] {
		if !unicode.IsLetter(r) {
			break
		}
		if unicode.IsUpper(r) {
			return false
		}
	}
	return true
}
