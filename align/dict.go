package align

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/textkey"

	"github.com/paradiff/paradiff/internal/textio"
)

// Dictionary is a bilingual word list that gives cross-language alignment
// lexical evidence beyond its anchors. Two segments that hold the two
// sides of an entry are more likely to translate each other; a segment
// holding one side of an entry whose other side the other text never
// has is more likely to have no counterpart there. Entries are used both
// ways, so a dictionary from A's language to B's serves for Align(b, a)
// too. Entries that share a word are one concept (see [concept]): with
// "chat @ cat" and "matou @ cat", a sentence with cat matches one with
// chat or matou alike.
//
// Words are compared by their [textkey.Key]. A dictionary word of
// minStem letters or more also matches the inflected forms of a text,
// crudely: words that keep all of it but its last 2 letters and add at
// most 3 letters of their own ([dictForms]). Путина and Путином match
// Путин, торговле matches торговля, hôpitaux matches hôpital. A phrase
// matches a run of consecutive words (or of Chinese and Japanese
// characters, which are one word each).
//
// Align also has a lexicon of its own (see [Aligner.NoLexicon]); a
// Dictionary adds to it.
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
	err := textio.EachLine(r, func(n int, line string) error {
		l := strings.TrimSpace(line)
		if l == "" {
			return nil
		}
		target, source, ok := strings.Cut(l, "@")
		target, source = strings.TrimSpace(target), strings.TrimSpace(source)
		if !ok || target == "" || source == "" {
			return fmt.Errorf("line %d: want \"target @ source\", have %q", n, l)
		}
		d = append(d, DictEntry{Source: source, Target: target})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("align: dictionary %w", err)
	}
	return d, nil
}

// compiledDict finds the concepts of a dictionary or of the lexicon in
// a segment's words.
type compiledDict struct {
	kind    tokenKind           // kindDict or kindLexicon
	forms   inflection          // the forms of a word it matches
	byFirst map[string][]phrase // phrases by the first minStem letters of their first word
}

type phrase struct {
	words []string
	entry string // the anchor key of its concept
}

// A concept is the words that translate each other: an entry of a
// Dictionary, or a line of the lexicon. Concepts that share a word are
// one: a dictionary that pairs cat with chat and with matou says that
// chat and matou are one concept. Each gets one anchor key, so that a
// word with two translations is matched by either and counted once.
type concept struct {
	a, b []string // the phrases to find in A's text and in B's
}

// maxConcept bounds the phrases of one concept of a Dictionary: in a
// large dictionary, chains of words with several meanings would join
// unrelated ones. A phrase that would make a concept larger keeps a key
// of its own. The lexicon's concepts are written as such and unbounded.
const maxConcept = 16

// compileConcepts returns the finders of concepts in A's text and in B's,
// whose tokens get kind and keys made of prefix and a number, concepts
// that share a phrase joined unless that makes one of more than limit
// phrases.
func compileConcepts(concepts []concept, kind tokenKind, forms inflection, prefix string, limit int) (forA, forB *compiledDict) {
	if len(concepts) == 0 {
		return nil, nil
	}
	// Each phrase of each side is a node of a union-find.
	type node struct {
		side  int
		words []string
	}
	ids := map[string]int{}
	var nodes []node
	var sets unionFind
	nodeOf := func(side int, text string) int {
		words := phraseWords(text)
		if len(words) == 0 {
			return -1
		}
		key := strconv.Itoa(side) + strings.Join(words, " ")
		n, ok := ids[key]
		if !ok {
			n = len(nodes)
			ids[key] = n
			nodes = append(nodes, node{side, words})
			sets.grow(len(nodes))
		}
		return n
	}
	for _, c := range concepts {
		first := -1
		for side, texts := range [2][]string{c.a, c.b} {
			for _, t := range texts {
				n := nodeOf(side, t)
				switch {
				case n < 0:
				case first < 0:
					first = n
				default:
					sets.union(first, n, limit)
				}
			}
		}
	}
	dicts := [2]*compiledDict{{kind, forms, map[string][]phrase{}}, {kind, forms, map[string][]phrase{}}}
	for n, nd := range nodes {
		key := prefix + strconv.Itoa(sets.find(n))
		first := head(nd.words[0])
		dicts[nd.side].byFirst[first] = append(dicts[nd.side].byFirst[first], phrase{nd.words, key})
	}
	return dicts[0], dicts[1]
}

// compileDictionary returns the finder of d's entries, which serves both
// texts: a dictionary is used both ways.
func compileDictionary(d Dictionary) *compiledDict {
	concepts := make([]concept, len(d))
	for k, e := range d {
		both := []string{e.Source, e.Target}
		concepts[k] = concept{a: both}
	}
	forA, _ := compileConcepts(concepts, kindDict, dictForms, "@d", maxConcept)
	return forA
}

// unionFind joins nodes 0, 1, ... into sets, each named by its smallest
// node, so that keys follow the order of the entries.
type unionFind struct{ parent, size []int }

func (u *unionFind) grow(n int) {
	for len(u.parent) < n {
		u.parent = append(u.parent, len(u.parent))
		u.size = append(u.size, 1)
	}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

// union joins the sets of x and y unless the joined set would have more
// than limit nodes.
func (u *unionFind) union(x, y, limit int) {
	x, y = u.find(x), u.find(y)
	if x == y || u.size[x]+u.size[y] > limit {
		return
	}
	if x > y {
		x, y = y, x
	}
	u.parent[y] = x
	u.size[x] += u.size[y]
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

// inflection says which words of a text match a word of a dictionary:
// the word itself, and words that keep at least minKept of its letters
// and all of them but the last maxReplaced, and add at most maxEnding
// letters of their own.
type inflection struct{ minKept, maxReplaced, maxEnding int }

// dictForms is the inflection of a Dictionary's words; see [Dictionary].
var dictForms = inflection{minKept: minStem, maxReplaced: 2, maxEnding: 3}

// lexiconForms is the inflection of the lexicon's words, which lists the
// forms that change more: with dictForms, French "mais" (but) matched
// "maison" and German "nach" (after) "Nacht", which cost the German-French
// evaluation 0.02 of strict F1 (0.739 against 0.759, in an early version
// that counted the concepts as anchors).
var lexiconForms = inflection{minKept: 5, maxReplaced: 1, maxEnding: 3}

// minStem is the length of the prefix that dictionaries index words by,
// and the shortest word of a Dictionary that matches other forms.
const minStem = 4

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
				if !c.forms.matches(words[k+i], p.words[i]) {
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

// matches reports whether the word w of a text matches the dictionary
// word d: it is d, or an inflected form of it.
func (f inflection) matches(w, d string) bool {
	if w == d {
		return true
	}
	nd := utf8.RuneCountInString(d)
	if nd < f.minKept {
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
	return common >= max(f.minKept, nd-f.maxReplaced) && utf8.RuneCountInString(w)-common <= f.maxEnding
}
