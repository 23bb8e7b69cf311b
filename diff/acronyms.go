package diff

import (
	"unicode"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/textkey"
)

// An acronym and the words it stands for name one thing: a rendering
// that writes "IMF" where the other writes "International Monetary Fund"
// changes no name.

// spelledOut returns the keys of the words of s that name the same thing
// as the other side in other letters: an acronym of s that words of other
// spell out, and the words of s that spell out an acronym of other. It
// works them out once a bead, for both sides.
func (s *side) spelledOut(other *side) map[string]bool {
	if !s.spelledKnown {
		s.spelled, other.spelled = nil, nil // made when something is spelt out
		expand(s, other)
		expand(other, s)
		s.spelledKnown, other.spelledKnown = true, true
	}
	return s.spelled
}

// expand marks each acronym of a that words of b spell out, and those
// words, in a.spelled and b.spelled. It tries at most maxAcronyms
// different acronyms, each only where a word of b starts with its first
// letter: a bead of nothing but capitals costs no more than a sentence.
func expand(a, b *side) {
	var tried map[string]bool
	for i, t := range a.toks {
		if t.Class != textkey.Word || tried[a.keys[i]] || !isAcronym(a.tokenText(i)) {
			continue
		}
		if len(tried) == maxAcronyms {
			return
		}
		if tried == nil {
			tried = map[string]bool{}
		}
		tried[a.keys[i]] = true
		letters := []rune(a.keys[i])
		for j := range b.toks {
			if r, _ := utf8.DecodeRuneInString(b.keys[j]); r != letters[0] {
				continue
			}
			if words := spells(b, j, letters); words != nil {
				if a.spelled == nil {
					a.spelled = map[string]bool{}
				}
				if b.spelled == nil {
					b.spelled = map[string]bool{}
				}
				a.spelled[a.keys[i]] = true
				for _, k := range words {
					b.spelled[b.keys[k]] = true
				}
				break
			}
		}
	}
}

// maxAcronyms bounds the acronyms expand tries in a bead.
const maxAcronyms = 16

// isAcronym reports whether w is two to six capital letters.
func isAcronym(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 6 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// spells returns the tokens of the capitalised words from token j on
// whose initials are letters (an acronym's key), function words between
// them aside ("Federal Service for Supervision"), or nil.
func spells(s *side, j int, letters []rune) []int {
	var words []int
	for k := j; k < len(s.toks) && len(words) < len(letters); k++ {
		t := s.toks[k]
		if t.Class != textkey.Word {
			if t.Class == textkey.Space || s.keys[k] == "-" {
				continue
			}
			return nil
		}
		first, _ := utf8.DecodeRuneInString(s.tokenText(k))
		initial, _ := utf8.DecodeRuneInString(s.keys[k])
		switch {
		case unicode.IsUpper(first) && initial == letters[len(words)]:
			words = append(words, k)
		case len(words) > 0 && functionWords[s.keys[k]]:
		default:
			return nil
		}
	}
	if len(words) < len(letters) {
		return nil
	}
	return words
}
