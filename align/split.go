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

// Splitter cuts text into sentences. The zero value splits with rules that
// suit most languages: English abbreviations, and Chinese and Japanese
// full stops. Lang selects language-specific rules where there are any.
type Splitter struct {
	Lang language.Tag
}

// Split cuts text into sentences with the zero [Splitter].
func Split(text string) []Segment { return Splitter{}.Split(text) }

// Split cuts text into segments. White space between segments belongs to
// no segment, and every other byte to exactly one: the segments and the
// gaps between them rebuild text byte for byte. Split returns nil for
// text that is empty or only white space.
//
// A blank line always ends a segment, and so does the end of a line with
// no final punctuation (a heading, a dateline, a list item) unless the
// paragraph looks hard-wrapped and the line is one of its full-width lines.
// Inside a paragraph a sentence ends at . ! ? … (with any closing quotes
// and brackets after them) followed by white space and a word that does
// not start with a lower-case letter, unless the full stop belongs to an
// abbreviation or an initial; at 。！？ it ends with no space needed.
func (s Splitter) Split(text string) []Segment {
	var segs []Segment
	for _, r := range paragraphs(text) {
		segs = splitSentences(text, r.start, r.end, segs)
	}
	return segs
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

// paragraphs returns the spans of text between forced breaks: blank lines
// and the ends of lines that stand alone.
func paragraphs(text string) []span {
	var lines []span
	for start := 0; start < len(text); {
		end, next := lineEnd(text, start)
		lines = append(lines, span{start, end})
		start = next
	}
	var out []span
	for i := 0; i < len(lines); {
		if isBlank(text[lines[i].start:lines[i].end]) {
			i++
			continue
		}
		// A paragraph: lines up to the next blank one.
		j := i
		for j < len(lines) && !isBlank(text[lines[j].start:lines[j].end]) {
			j++
		}
		para := lines[i:j]
		wrapWidth := 0
		for _, l := range para {
			wrapWidth = max(wrapWidth, utf8.RuneCountInString(strings.TrimSpace(text[l.start:l.end])))
		}
		start := para[0].start
		for k, l := range para {
			if k+1 < len(para) && continues(text, l, para[k+1], wrapWidth) {
				continue
			}
			out = append(out, span{start, l.end})
			if k+1 < len(para) {
				start = para[k+1].start
			}
		}
		i = j
	}
	return out
}

// Hard-wrapped prose has lines of about the same width, between these
// bounds; a line much shorter than its paragraph's widest is a heading or
// the last line of something.
const (
	minWrapWidth  = 30
	maxWrapWidth  = 200
	wrapFullShare = 0.6
)

// continues reports whether the sentence on line l may go on onto line
// next, so that the line break is only layout.
func continues(text string, l, next span, wrapWidth int) bool {
	line := strings.TrimSpace(text[l.start:l.end])
	following := strings.TrimSpace(text[next.start:next.end])
	if startsListItem(following) {
		return false
	}
	if endsWithTerminal(line) {
		return true // the sentence scanner decides
	}
	if r, _ := utf8.DecodeRuneInString(following); unicode.IsLower(r) {
		return true
	}
	width := utf8.RuneCountInString(line)
	return wrapWidth >= minWrapWidth && wrapWidth <= maxWrapWidth &&
		float64(width) >= wrapFullShare*float64(wrapWidth)
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// startsListItem reports a bullet or a numbered item: "- ", "* ", "• ",
// "1. ", "2) ", "a) ".
func startsListItem(line string) bool {
	r, n := utf8.DecodeRuneInString(line)
	switch r {
	case '-', '*', '•', '–', '—', '·', '▪', '◦':
		next, _ := utf8.DecodeRuneInString(line[n:])
		return unicode.IsSpace(next)
	}
	i := 0
	for i < len(line) && i < 3 && (line[i] >= '0' && line[i] <= '9' || i == 0 && line[i] >= 'a' && line[i] <= 'z') {
		i++
	}
	if i == 0 || i+1 >= len(line) {
		return false
	}
	return (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

func endsWithTerminal(line string) bool {
	line = strings.TrimRightFunc(line, isCloser)
	r, _ := utf8.DecodeLastRuneInString(line)
	return isTerminal(r) || r == ':' || r == ';' || r == ','
}

// isTerminal reports the marks that can end a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '。', '！', '？', '｡', '؟', '۔', '।', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// endsWithoutSpace reports the marks after which a sentence ends even with
// no white space following: those of scripts written without spaces.
func endsWithoutSpace(r rune) bool {
	switch r {
	case '。', '！', '？', '｡':
		return true
	}
	return false
}

// isCloser reports closing quotes and brackets, which stay with the
// sentence they close.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', '»', '›', ')', ']', '}', '」', '』', '）', '】', '〕', '〉', '》', '］', '｝':
		return true
	}
	return false
}

// splitSentences appends the sentences of text[start:end] to segs.
func splitSentences(text string, start, end int, segs []Segment) []Segment {
	emit := func(from, to int) {
		from, to = trimSpan(text, from, to)
		if from < to {
			segs = append(segs, Segment{Text: text[from:to], Start: from, End: to})
		}
	}
	sentStart := start
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isTerminal(r) {
			i += n
			continue
		}
		// The run of marks and closers that ends here: "?!", "...", ".)”".
		markEnd := i + n
		for markEnd < end {
			r2, n2 := utf8.DecodeRuneInString(text[markEnd:end])
			if !isTerminal(r2) && !isCloser(r2) {
				break
			}
			markEnd += n2
		}
		if sentenceEndsAt(text, sentStart, i, markEnd, end, r) {
			emit(sentStart, markEnd)
			sentStart = markEnd
		}
		i = markEnd
	}
	emit(sentStart, end)
	return segs
}

// sentenceEndsAt decides whether the marks text[mark:markEnd], the first
// of which is r, end the sentence that began at sentStart.
func sentenceEndsAt(text string, sentStart, mark, markEnd, end int, r rune) bool {
	if markEnd == end {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[markEnd:end])
	if !unicode.IsSpace(next) {
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text[mark:markEnd], isCloser))
		return endsWithoutSpace(r) || endsWithoutSpace(last)
	}
	rest := strings.TrimLeftFunc(text[markEnd:end], unicode.IsSpace)
	first, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsLower(first) {
		return false
	}
	if r != '.' || markEnd-mark > 1 {
		return true
	}
	word := wordBefore(text, sentStart, mark)
	return !noBreakAfter(word, nextWord(rest))
}

// wordBefore returns the word just before position i (letters and inner
// full stops: "U.S", "e.g", "Mr").
func wordBefore(text string, from, i int) string {
	j := i
	for j > from {
		r, n := utf8.DecodeLastRuneInString(text[from:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' {
			break
		}
		j -= n
	}
	return text[j:i]
}

// nextWord returns the first word of s.
func nextWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

// noBreakAfter decides whether a full stop after word, followed by next,
// belongs to the word (an abbreviation or an initial) rather than ending
// the sentence.
func noBreakAfter(word, next string) bool {
	if word == "" {
		return false
	}
	if r, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(r) {
		return true // an initial: "V. V. Putin"
	}
	if isAllDigits(word) {
		return false
	}
	w := strings.ToLower(word)
	switch abbreviations[w] {
	case title:
		return true
	case beforeNumber:
		if r, _ := utf8.DecodeRuneInString(next); unicode.IsDigit(r) {
			return true
		}
		return !sentenceStarters[strings.ToLower(next)]
	case ambiguous:
		return !sentenceStarters[strings.ToLower(next)]
	}
	// Dotted acronyms not in the list ("U.N.S.C."): a sentence starter
	// after them is the best evidence of a real end.
	if isDottedAcronym(word) {
		return !sentenceStarters[strings.ToLower(next)]
	}
	return false
}

// isDottedAcronym reports words like "U.N.S.C" and "Ph.D": letters in
// groups of one or two between full stops (not "example.org").
func isDottedAcronym(word string) bool {
	if !strings.Contains(word, ".") {
		return false
	}
	for _, part := range strings.Split(word, ".") {
		if n := utf8.RuneCountInString(part); n == 0 || n > 2 {
			return false
		}
	}
	return true
}

func isAllDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// trimSpan narrows text[from:to] to exclude gap runes at either end.
func trimSpan(text string, from, to int) (int, int) {
	for from < to {
		r, n := utf8.DecodeRuneInString(text[from:to])
		if !isGapRune(r) {
			break
		}
		from += n
	}
	for to > from {
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
