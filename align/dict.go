package align

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/textkey"
)

// Dictionary is a bilingual word list that gives cross-language alignment
// lexical evidence beyond its anchors. Two segments that hold the two
// sides of an entry are more likely to translate each other; a segment
// holding one side of an entry whose other side the other text never
// has is more likely to have no counterpart there. Entries are used both
// ways, so a dictionary from A's language to B's serves for Align(b, a)
// too.
//
// Words are compared by their [textkey.Key]. A dictionary word of
// minStem letters or more also matches the inflected forms of a text,
// crudely: words that keep all of it but its last maxReplaced letters and
// add at most maxEnding letters of their own. Путина and Путином match
// Путин, торговле matches торговля, hôpitaux matches hôpital. A phrase
// matches a run of consecutive words (or of Chinese and Japanese
// characters, which are one word each).
type Dictionary []DictEntry

// DictEntry is one dictionary entry: a word or phrase and its translation.
type DictEntry struct {
	Source, Target string
}

// LoadDictionary reads a dictionary in hunalign's format: one entry a
// line, "target @ source", white space around the @ optional. Blank lines
// are skipped. An entry with no @ or with an empty side is an error
// naming its line.
func LoadDictionary(r io.Reader) (Dictionary, error) {
	var d Dictionary
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			continue
		}
		target, source, ok := strings.Cut(l, "@")
		target, source = strings.TrimSpace(target), strings.TrimSpace(source)
		if !ok || target == "" || source == "" {
			return nil, fmt.Errorf("align: dictionary line %d: want \"target @ source\", have %q", line, l)
		}
		d = append(d, DictEntry{Source: source, Target: target})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("align: dictionary: %w", err)
	}
	return d, nil
}

// compiledDict finds dictionary entries in a segment's words.
type compiledDict struct {
	byFirst map[string][]phrase // phrases by the first minStem letters of their first word
}

type phrase struct {
	words []string
	entry string // the anchor key of the entry: both of its sides share it
}

func compileDictionary(d Dictionary) *compiledDict {
	if len(d) == 0 {
		return nil
	}
	c := &compiledDict{byFirst: map[string][]phrase{}}
	for k, e := range d {
		key := "@d" + strconv.Itoa(k)
		for _, side := range []string{e.Source, e.Target} {
			words := phraseWords(side)
			if len(words) == 0 {
				continue
			}
			c.byFirst[head(words[0])] = append(c.byFirst[head(words[0])], phrase{words, key})
		}
	}
	return c
}

// phraseWords returns the keys of the words of s.
func phraseWords(s string) []string {
	var out []string
	for _, t := range textkey.Tokens(s, 0) {
		if t.Class == textkey.Word || t.Class == textkey.Symbol {
			out = append(out, textkey.Key(s[t.Start:t.End]))
		}
	}
	return out
}

// Inflection: see [Dictionary].
const (
	minStem     = 4 // shortest dictionary word that matches other forms
	maxReplaced = 2 // letters at its end that a form may replace
	maxEnding   = 3 // letters a form may have beyond what it keeps
)

// head returns the first minStem letters of w, or w when it is shorter.
func head(w string) string {
	n := 0
	for i := range w {
		if n == minStem {
			return w[:i]
		}
		n++
	}
	return w
}

// find returns the anchor keys of the entries whose source or target
// occurs in words, once per place it occurs: an entry both of whose sides
// match at one place counts once.
func (c *compiledDict) find(words []string) []string {
	var out []string
	for k, w := range words {
		here := len(out) // entries found at k start here
		for _, p := range c.byFirst[head(w)] {
			if len(p.words) > len(words)-k {
				continue
			}
			match := true
			for i := range p.words {
				if !wordMatches(words[k+i], p.words[i]) {
					match = false
					break
				}
			}
			if match && !slices.Contains(out[here:], p.entry) {
				out = append(out, p.entry)
			}
		}
	}
	return out
}

// wordMatches reports whether the word w of a text matches the dictionary
// word d: it is d, or an inflected form of it, see [Dictionary].
func wordMatches(w, d string) bool {
	if w == d {
		return true
	}
	nd := utf8.RuneCountInString(d)
	if nd < minStem {
		return false
	}
	// The letters w and d share at the start.
	common, i := 0, 0
	for _, r := range d {
		r2, size := utf8.DecodeRuneInString(w[i:])
		if size == 0 || r2 != r || !unicode.IsLetter(r) {
			break
		}
		common++
		i += size
	}
	return common >= max(minStem, nd-maxReplaced) && utf8.RuneCountInString(w)-common <= maxEnding
}
