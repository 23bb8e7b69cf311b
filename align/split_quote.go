package align

import (
	"unicode"
	"unicode/utf8"
)

// An openMark is an opening quote or bracket whose closing one has not
// been seen yet.
type openMark struct {
	r   rune
	pos int // its byte offset
	// checked says embedded is known: whether the sentence goes on after
	// the closing mark, so that the marks inside do not end it.
	checked, embedded bool
}

const (
	maxOpen = 16
	// maxEmbedded is the longest quotation or bracket, in characters,
	// whose marks a sentence that goes on after it keeps: a longer one is
	// a passage of its own sentences, which alignment wants one by one
	// ("«A. B. C.», — сказал он": A, B and C are three segments).
	maxEmbedded = 150
	// maxQuoteSpan bounds the search for a closing quote, in bytes.
	maxQuoteSpan = maxEmbedded * utf8.UTFMax
)

// isQuoteRune reports the non-ASCII quotes and brackets the scanner
// follows.
func isQuoteRune(r rune) bool {
	switch r {
	case '“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›',
		'（', '）', '［', '］', '｛', '｝', '【', '】', '〔', '〕', '〈', '〉', '《', '》', '「', '」', '『', '』', '〖', '〗':
		return true
	}
	return false
}

// isOpener reports marks that open a quotation or a bracket in some
// language.
func isOpener(r rune) bool {
	switch r {
	case '(', '[', '{', '"', '\'', '“', '„', '‘', '‚', '«', '»', '‹', '›',
		'（', '［', '｛', '【', '〔', '〈', '《', '「', '『', '〖':
		return true
	}
	return false
}

// closes reports whether the closing mark c closes the opening mark o.
func closes(c, o rune) bool {
	switch c {
	case ')':
		return o == '('
	case ']':
		return o == '['
	case '}':
		return o == '{'
	case '）':
		return o == '（'
	case '］':
		return o == '［'
	case '｝':
		return o == '｛'
	case '】':
		return o == '【'
	case '〕':
		return o == '〔'
	case '〉':
		return o == '〈'
	case '》':
		return o == '《'
	case '」':
		return o == '「'
	case '』':
		return o == '『'
	case '〗':
		return o == '〖'
	case '”':
		return o == '“' || o == '„'
	case '“':
		return o == '„'
	case '’':
		return o == '‘' || o == '‚' || o == '\''
	case '‘':
		return o == '‚'
	case '»':
		return o == '«'
	case '«':
		return o == '»'
	case '›':
		return o == '‹'
	case '‹':
		return o == '›'
	case '"':
		return o == '"'
	case '\'':
		return o == '\'' || o == '‘'
	}
	return false
}

func (sp *splitter) push(r rune, pos int) {
	if len(sp.open) == maxOpen {
		copy(sp.open, sp.open[1:])
		sp.open = sp.open[:maxOpen-1]
	}
	sp.open = append(sp.open, openMark{r: r, pos: pos})
}

// popTo closes the innermost open mark that c closes, and the unclosed
// ones inside it, and reports whether there was one.
func (sp *splitter) popTo(c rune) bool {
	for k := len(sp.open) - 1; k >= 0; k-- {
		if closes(c, sp.open[k].r) {
			sp.open = sp.open[:k]
			return true
		}
	}
	return false
}

// hasOpenFor reports whether an open mark is one that c closes.
func (sp *splitter) hasOpenFor(c rune) bool {
	for _, o := range sp.open {
		if closes(c, o.r) {
			return true
		}
	}
	return false
}

// quote follows the quote or bracket r at text[i] in the paragraph that
// starts at start. Straight quotes and apostrophes are told apart by what
// stands on either side.
func (sp *splitter) quote(start, i int, r rune, n, end int) {
	text := sp.text
	prev, next := ' ', ' '
	if i > start {
		prev, _ = utf8.DecodeLastRuneInString(text[start:i])
	}
	if i+n < end {
		next, _ = utf8.DecodeRuneInString(text[i+n : end])
	}
	switch r {
	case '(', '[', '{', '（', '［', '｛', '【', '〔', '〈', '《', '「', '『', '〖', '„', '‚':
		sp.push(r, i)
	case ')', ']', '}', '）', '］', '｝', '】', '〕', '〉', '》', '」', '』', '〗', '”':
		sp.popTo(r)
	case '“':
		if !sp.popTo(r) {
			sp.push(r, i)
		}
	case '‘':
		if !sp.popTo(r) && !isLetterOrDigit(prev) {
			sp.push(r, i)
		}
	case '’':
		if isLetterOrDigit(prev) && unicode.IsLetter(next) {
			return // an apostrophe
		}
		sp.popTo(r)
	case '«', '‹':
		if !sp.popTo(r) {
			sp.push(r, i)
		}
	case '»', '›':
		if !sp.popTo(r) && isLetterOrDigit(next) {
			sp.push(r, i) // German »…«
		}
	case '"':
		if sp.hasOpenFor('"') {
			sp.popTo(r)
			if isGapRune(prev) && !isGapRune(next) {
				sp.push(r, i) // the last one was never closed
			}
		} else if !isGapRune(next) && !isLetterOrDigit(prev) {
			sp.push(r, i)
		}
	case '\'':
		switch {
		case isLetterOrDigit(prev) && unicode.IsLetter(next):
			// an apostrophe
		case sp.hasOpenFor('\'') && !isGapRune(prev):
			sp.popTo(r)
		case !isLetterOrDigit(prev) && !isTerminal(prev) && isLetterOrDigit(next):
			sp.push(r, i)
		}
	}
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// protected reports whether a sentence may not end at pos because a
// quotation or bracket open there is part of a sentence that goes on
// after it, or is a title in 《》 or 〈〉.
func (sp *splitter) protected(pos, end int) bool {
	for k := range sp.open {
		o := &sp.open[k]
		if o.r == '《' || o.r == '〈' {
			return true
		}
		if !o.checked {
			o.checked = true
			if c := sp.findClose(o.r, pos, end); c >= 0 && utf8.RuneCountInString(sp.text[o.pos:c]) <= maxEmbedded+2 {
				o.embedded = sp.goesOn(c, end)
			}
		}
		if o.embedded {
			return true
		}
	}
	return false
}

// findClose returns the end of the mark in text[from:end] that closes the
// opening mark o, or -1.
func (sp *splitter) findClose(o rune, from, end int) int {
	text := sp.text
	limit := min(end, from+maxQuoteSpan)
	depth := 0
	for j := from; j < limit; {
		r, n := utf8.DecodeRuneInString(text[j:limit])
		if r == o && o != '"' && o != '\'' {
			depth++
		} else if closes(r, o) {
			prev, _ := utf8.DecodeLastRuneInString(text[:j])
			next, _ := utf8.DecodeRuneInString(text[j+n:])
			switch {
			case (r == '"' || r == '\'' || r == '’') && isGapRune(prev):
				// opens another quotation
			case (r == '\'' || r == '’') && isLetterOrDigit(prev) && unicode.IsLetter(next):
				// an apostrophe
			case depth == 0:
				return j + n
			default:
				depth--
			}
		}
		j += n
	}
	return -1
}

// goesOn reports whether the sentence goes on after a closing mark that
// ends at text[k]: with a lower-case word, a comma, a sentence mark, a
// closing mark, a dash and a lower-case word (Russian and Spanish
// dialogue), or a Japanese particle.
func (sp *splitter) goesOn(k, end int) bool {
	text := sp.text
	for k < end {
		r, n := utf8.DecodeRuneInString(text[k:end])
		if !isGapRune(r) {
			break
		}
		k += n
	}
	if k >= end {
		return false
	}
	r, n := utf8.DecodeRuneInString(text[k:end])
	switch {
	case unicode.IsLower(r), isJoiner(r), isTerminal(r), isCloser(r) && !isOpener(r):
		return true
	case r == '—' || r == '–' || r == '-':
		word := followingWord(text[k+n : end])
		return startsLower(word)
	case isHiragana(r):
		return !kanaStarter(text[k:end])
	}
	return false
}
