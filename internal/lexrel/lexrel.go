// Package lexrel answers two questions about a pair of words or short
// phrases that a diff has found changed: is it the same word in another form
// (inflection or derivation: "talks"/"talked", "country"/"countries"), and
// are the two synonyms or near-synonyms in English ("band"/"group",
// "hosted"/"organized")?
//
// The first is answered by Snowball stemming (github.com/kljensen/snowball,
// MIT licence) in the languages it has, and for English also by WordNet's
// lists of irregular inflections ("went"/"go", "children"/"child").
//
// The second is answered by WordNet 3.0 (Princeton University; its licence,
// in README.md beside this file, allows redistribution). The generator in
// gen/main.go compiles the database files of Debian's wordnet-base package
// into wordnet.bin.gz, which is embedded in the binary: every lemma with its
// synsets, every synset's hypernym, "similar to", verb-group and antonym
// links, and the exception lists of WordNet's morphology. Nothing is read
// from the system at run time; the table is decoded on first use (about
// 40 ms, once per process) and is safe for concurrent use.
//
// To rebuild the table after installing wordnet-base:
//
//	go generate ./internal/lexrel
package lexrel

//go:generate go run gen/main.go -wordnet /usr/share/wordnet -out wordnet.bin.gz

import (
	"strings"
	"unicode"
)

// Relation is the WordNet link found between two words, strongest first.
type Relation int

const (
	// None: no link that counts, or a word unknown to WordNet.
	None Relation = iota
	// Antonym: some senses of the two words are opposites ("buy"/"sell",
	// "increase"/"decrease"). An antonym is never a synonym, whatever other
	// senses share.
	Antonym
	// SameSynset: a sense of one is a sense of the other ("buy"/"purchase",
	// "UN"/"United Nations", "talks"/"negotiations").
	SameSynset
	// Similar: an adjective sense is "similar to" a sense of the other.
	Similar
	// VerbGroup: verb senses WordNet groups as close in meaning.
	VerbGroup
	// Hypernym: a sense of one is the direct hypernym (the more general
	// term) of a sense of the other, in either direction ("sword"/"weapon").
	// Roots of the verb hierarchy ("be", "have", "make") and the nouns just
	// below "entity" ("abstraction") are too general to count.
	Hypernym
	// Hypernym2: a sense of one is the hypernym of a hypernym of a sense of
	// the other: "band" (an unofficial association of people) is a "social
	// group", which is a "group". Co-hyponyms (two kinds of the same thing:
	// "red"/"blue", "Monday"/"Tuesday") are not linked.
	Hypernym2
)

var relationNames = [...]string{"none", "antonym", "same synset", "similar to", "verb group", "hypernym", "hypernym at two steps"}

// String names the relation ("same synset", "hypernym"...), for a reason
// shown to a reader.
func (r Relation) String() string {
	if r < 0 || int(r) >= len(relationNames) {
		return "relation(?)"
	}
	return relationNames[r]
}

var normalizer = strings.NewReplacer("_", " ", "’", "'")

// normalize folds case, turns underscores into spaces and collapses runs of
// white space, giving the form in which WordNet's lemmas are stored.
func normalize(s string) string {
	s = strings.ToLower(normalizer.Replace(s))
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// unpossessive returns s without a final possessive "'s" or "s'", or ""
// when it has none.
func unpossessive(s string) string {
	switch {
	case strings.HasSuffix(s, "'s") && len(s) > 2:
		return s[:len(s)-2]
	case strings.HasSuffix(s, "s'") && len(s) > 2:
		return s[:len(s)-1]
	}
	return ""
}
