package lexrel

import "strings"

// WordNet's detachment rules (morph.c), by part of speech: an inflected
// ending and what replaces it.
var suffixRules = map[byte][][2]string{
	'n': {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	'v': {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
	'a': {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
	'r': nil,
}

var allPOS = []byte{'n', 'v', 'a', 'r'}

// morphy returns the base forms of the normalised word s that WordNet knows
// in part of speech pos, as WordNet's morphy does: the irregular forms of the
// exception lists, else s itself and what the detachment rules make of it.
func (w *wordnet) morphy(s string, pos byte, out []string) []string {
	if bases, ok := w.exc[excKey{pos, s}]; ok {
		if w.has(s, pos) {
			out = appendNew(out, s)
		}
		for _, b := range bases {
			if w.has(b, pos) {
				out = appendNew(out, b)
			}
		}
		return out
	}
	if w.has(s, pos) {
		out = appendNew(out, s)
	}
	for _, r := range suffixRules[pos] {
		if len(s) > len(r[0]) && strings.HasSuffix(s, r[0]) {
			if b := s[:len(s)-len(r[0])] + r[1]; w.has(b, pos) {
				out = appendNew(out, b)
			}
		}
	}
	return out
}

func appendNew(out []string, s string) []string {
	for _, o := range out {
		if o == s {
			return out
		}
	}
	return append(out, s)
}

// Lemmas returns the WordNet base forms of an English word or phrase, in any
// part of speech, case folded: "witnessed" gives "witness", "countries"
// gives "country", "went" gives "go", "China's" gives "china" (a final
// possessive goes when WordNet does not know the form with it, as it knows
// "new year's").
// It returns nil for a word WordNet does not know ("the", "2025").
func Lemmas(word string) []string {
	s := normalize(word)
	if s == "" {
		return nil
	}
	w := db()
	var out []string
	for _, p := range allPOS {
		out = w.morphy(s, p, out)
	}
	if u := unpossessive(s); len(out) == 0 && u != "" {
		return Lemmas(u)
	}
	return out
}

// Known reports whether WordNet knows the English word or phrase, in some
// inflected form.
func Known(word string) bool { return len(Lemmas(word)) > 0 }

// sensesOf returns the synsets of s's base forms, each once, with for each
// the part of speech it was found under.
// cachedSenses is sensesOf, through a bounded cache.
func (w *wordnet) cachedSenses(s string) []uint32 { return sensesCache.get(s, w.sensesOf) }

var sensesCache wordCache[[]uint32]

func (w *wordnet) sensesOf(s string) []uint32 {
	var out []uint32
	var bases []string
	for _, p := range allPOS {
		bases = w.morphy(s, p, bases[:0])
		for _, b := range bases {
			for _, id := range w.senses.list(uint32(w.find(b))) {
				if w.pos[id] == p && !containsID(out, id) {
					out = append(out, id)
				}
			}
		}
	}
	if u := unpossessive(s); len(out) == 0 && u != "" {
		return w.sensesOf(u)
	}
	return out
}

func containsID(ids []uint32, id uint32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Relate returns the strongest WordNet relation between some sense of a and
// some sense of b (English words or short phrases, in any inflected form):
// [Antonym] whenever any senses are opposites, else [SameSynset], [Similar],
// [VerbGroup] or [Hypernym] (direct, in either direction), else [None]. A
// word equal to the other after case folding is [SameSynset] if WordNet
// knows it and [None] if not.
func Relate(a, b string) Relation {
	sa, sb := normalize(a), normalize(b)
	if sa == "" || sb == "" {
		return None
	}
	w := db()
	xa, xb := w.cachedSenses(sa), w.cachedSenses(sb)
	if len(xa) == 0 || len(xb) == 0 {
		return None
	}
	best := None
	for _, x := range xa {
		for _, y := range xb {
			r := w.link(x, y)
			if r == Antonym {
				return Antonym
			}
			if r != None && (best == None || r < best) {
				best = r
			}
		}
	}
	return best
}

// link returns the relation between synsets x and y, other than Antonym
// only when neither is the other's antonym.
func (w *wordnet) link(x, y uint32) Relation {
	switch {
	case containsID(w.anton.list(x), y) || containsID(w.anton.list(y), x):
		return Antonym
	case x == y:
		return SameSynset
	case containsID(w.similar.list(x), y) || containsID(w.similar.list(y), x):
		return Similar
	case containsID(w.group.list(x), y) || containsID(w.group.list(y), x):
		return VerbGroup
	}
	switch d1, d2 := w.above(x, y), w.above(y, x); {
	case d1 == 1 || d2 == 1:
		return Hypernym
	case d1 == 2 || d2 == 2:
		return Hypernym2
	}
	return None
}

// above returns 1 when g is a hypernym of s, 2 when it is a hypernym of a
// hypernym of s, and 0 otherwise or when g is too general to say anything
// (see [wordnet.specific]). Instance hypernyms are not links: a name is not
// its class ("Russia" is no synonym of "country").
func (w *wordnet) above(s, g uint32) int {
	if !w.specific(g) {
		return 0
	}
	hs := w.hyper.list(s)
	if containsID(hs, g) {
		return 1
	}
	for _, h := range hs {
		if containsID(w.hyper.list(h), g) {
			return 2
		}
	}
	return 0
}

// specific reports whether synset g is specific enough for its hyponyms to
// be near-synonyms of it: a verb with a hypernym of its own (not a root of
// the verb hierarchy such as "be", "have", "make", "change", on which
// thousands of verbs hang), a noun at least two steps below "entity" (so
// "group" and "object", not "abstraction" or "physical entity").
func (w *wordnet) specific(g uint32) bool {
	switch w.pos[g] {
	case 'v':
		return w.depth[g] >= 1
	case 'n':
		return w.depth[g] >= 2
	}
	return false
}

// Synonyms reports whether the English words or short phrases a and b are
// synonyms or near-synonyms in WordNet 3.0: some sense of one shares a
// synset with, is "similar to", is in the verb group of, or is the direct
// hypernym or hyponym of some sense of the other, and no sense of one is an
// antonym of a sense of the other. Inflected forms are reduced to their
// base forms first ("witnessed" → "witness").
func Synonyms(a, b string) bool {
	r := Relate(a, b)
	return r != None && r != Antonym
}
