package diff

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/internal/textkey"
)

// checkKinds checks that every change's kind agrees with its two sides,
// as the JSON contract promises: an insertion has B's text only, an
// omission A's only, a shift text on both sides, a move one half or the
// other, and a trivial change differs only in what the normalised key
// folds (case, width, Unicode form, quote and dash style) and in white
// space between tokens.
func checkKinds(t *testing.T, c *Comparison) {
	t.Helper()
	for k, b := range c.Beads {
		for _, ch := range b.Changes {
			blankA, blankB := strings.TrimSpace(ch.A) == "", strings.TrimSpace(ch.B) == ""
			bad := ""
			switch ch.Kind {
			case Insertion:
				if ch.A != "" || blankB {
					bad = "an insertion must have an empty A and text in B"
				}
			case Omission:
				if ch.B != "" || blankA {
					bad = "an omission must have text in A and an empty B"
				}
			case Shift:
				if blankA || blankB {
					bad = "a shift must have text on both sides"
				}
			case Move:
				if (ch.A == "") == (ch.B == "") {
					bad = "a move half must have text on one side only"
				}
			case Trivial:
				if ka, kb := tokenKeys(ch.A), tokenKeys(ch.B); ka != kb {
					bad = "a trivial change must have equal keys, white space aside: " + ka + " against " + kb
				}
				if ch.Severity != SeverityTrivial {
					bad = "a trivial change must have severity trivial"
				}
			}
			if ch.Kind != Trivial && ch.Severity == SeverityTrivial {
				bad = "only a trivial change may have severity trivial"
			}
			if bad != "" {
				t.Fatalf("bead %d: %s %q → %q: %s", k, ch.Kind, ch.A, ch.B, bad)
			}
		}
	}
}

// tokenKeys returns the keys of the tokens of s that are not white space,
// joined.
func tokenKeys(s string) string {
	var b strings.Builder
	for _, tok := range textkey.Tokens(s, 0) {
		if tok.Class != textkey.Space {
			b.WriteString(textkey.Key(s[tok.Start:tok.End]))
		}
	}
	return b.String()
}

// perturb returns s with a few random edits of its tokens: words and
// punctuation inserted, deleted or replaced, and changes that are only
// trivial (case, quote and dash style, width, spacing).
func perturb(r *rand.Rand, s string) string {
	var toks []string
	for _, tok := range textkey.Tokens(s, 0) {
		toks = append(toks, s[tok.Start:tok.End])
	}
	words := []string{"the", "new", "President", "not", "20", "talks", "and", "of", "Moscow", "agreed"}
	puncts := []string{",", ".", "?", "!", ":", ";", "(", ")", "-", "—", "\"", "“", "'", "’", "，", "…", "...", "%", "+"}
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	for range 1 + r.IntN(4) {
		i := r.IntN(len(toks) + 1)
		switch r.IntN(9) {
		case 0: // insert a word
			toks = append(toks[:i], append([]string{" ", pick(words)}, toks[i:]...)...)
		case 1: // insert punctuation
			toks = append(toks[:i], append([]string{pick(puncts)}, toks[i:]...)...)
		case 2, 3: // delete a token
			if i < len(toks) {
				toks = append(toks[:i], toks[i+1:]...)
			}
		case 4: // replace a token by a word
			if i < len(toks) {
				toks[i] = pick(words)
			}
		case 5: // replace a token by punctuation
			if i < len(toks) {
				toks[i] = pick(puncts)
			}
		case 6: // change case
			if i < len(toks) {
				toks[i] = strings.ToUpper(toks[i])
			}
		case 7: // change spacing
			if i < len(toks) && strings.TrimSpace(toks[i]) == "" {
				toks[i] = pick([]string{"  ", "\u00a0", ""})
			} else {
				toks = append(toks[:i], append([]string{" "}, toks[i:]...)...)
			}
		case 8: // change the style of a quote or dash, or the width
			if i < len(toks) {
				toks[i] = strings.NewReplacer("'", "’", "\"", "“", "-", "–", ",", "，", "?", "？").Replace(toks[i])
			}
		}
	}
	return strings.Join(toks, "")
}

// TestKindsMatchTheirSides compares many sentence pairs, the demo's beads
// and random perturbations of its sentences (with a fixed seed), and
// checks every change's kind against its text (see checkKinds), that the
// changes rebuild B from A, and that swapping A and B swaps insertions
// and omissions.
func TestKindsMatchTheirSides(t *testing.T) {
	a, b := readout(t)
	c := compareText(a, b)
	checkKinds(t, c)
	checkRebuild(t, c)

	r := rand.New(rand.NewPCG(19, 4))
	pairs := 0
	for _, seg := range c.A.Segments {
		for range 20 {
			pb := perturb(r, seg.Text)
			pa := seg.Text
			if r.IntN(2) == 0 {
				pa, pb = pb, pa
			}
			c := compareText(pa, pb)
			checkKinds(t, c)
			checkRebuild(t, c)
			checkSwap(t, pa, pb)
			pairs++
		}
	}
	t.Logf("%d perturbed pairs", pairs)
}

// TestMeaningfulPunctuation checks that punctuation whose presence or
// form changes what a sentence says is a real change, minor but for a
// question mark gained or lost (a statement made a question, or the
// reverse), which is major; and that only what the key folds stays
// trivial.
func TestMeaningfulPunctuation(t *testing.T) {
	tests := []struct {
		name, a, b, want string
		severity         Severity // of the most severe change
	}{
		// Real changes.
		{"statement made a question", "The sides will sign it.", "The sides will sign it?", "shift(.→?)", SeverityMajor},
		{"question made a statement", "Will the sides sign it?", "Will the sides sign it.", "shift(?→.)", SeverityMajor},
		{"Chinese statement made a question", "双方签署了声明。", "双方签署了声明？", "shift(。→？)", SeverityMajor},
		{"full stop made an exclamation", "The sides signed it.", "The sides signed it!", "shift(.→!)", SeverityMinor},
		{"comma dropped", "Let's eat, grandma.", "Let's eat grandma.", "omission(,→)", SeverityMinor},
		{"comma added", "On May 8 local time, they met.", "On May 8, local time, they met.", "insertion(→,)", SeverityMinor},
		{"colon dropped", "The rule is simple: no exceptions.", "The rule is simple no exceptions.", "omission(:→)", SeverityMinor},
		{"semicolon for comma", "They met; they talked.", "They met, they talked.", "shift(;→,)", SeverityMinor},
		{"parentheses removed", "They met (in Moscow) on Friday.", "They met in Moscow on Friday.", "omission((→) omission()→)", SeverityMinor},
		{"brackets added", "He said it was final.", "He said [it] was final.", "insertion(→[) insertion(→])", SeverityMinor},
		{"comma for a word", "China, Russia and India", "China and Russia and India", "shift(,→and)", SeverityMinor},
		{"word for a symbol", "The total is 5 plus 3 today.", "The total is 5 - 3 today.", "shift(plus→-)", SeverityMajor},
		{"quotation marks added", "He called it final.", "He called it \"final\".", "insertion(→\") insertion(→\")", SeverityMinor},
		// What the key folds stays trivial.
		{"case", "President Xi spoke.", "President XI spoke.", "trivial(Xi→XI)", SeverityTrivial},
		{"quote style", "He called it \"final\".", "He called it «final».", "trivial(\"final\"→«final»)", SeverityTrivial},
		{"dash style", "Moscow - a city", "Moscow — a city", "trivial(-→—)", SeverityTrivial},
		{"full-width comma", "China, Russia", "China， Russia", "trivial(,→，)", SeverityTrivial},
		{"full-width question mark", "Why?", "Why？", "trivial(?→？)", SeverityTrivial},
		{"spacing before punctuation", "Why?", "Why ?", "trivial(→)", SeverityTrivial},
		{"ellipsis as one character", "And so...", "And so…", "trivial(...→…)", SeverityTrivial},
		{"Unicode form", "Café.", "Cafe\u0301.", "trivial(Café→Cafe\u0301)", SeverityTrivial},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compareText(tt.a, tt.b)
			if got := describe(c); got != tt.want {
				t.Errorf("Compare(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
			}
			top := SeverityTrivial
			for _, b := range c.Beads {
				for _, ch := range b.Changes {
					top = max(top, ch.Severity)
				}
			}
			if top != tt.severity {
				t.Errorf("Compare(%q, %q): severity %s, want %s", tt.a, tt.b, top, tt.severity)
			}
			checkKinds(t, c)
			checkRebuild(t, c)
			checkSwap(t, tt.a, tt.b)
			// A real change survives IgnoreTrivial, as the exit status
			// of --ignore-trivial does.
			ignored := Compare(Document{Text: tt.a}, Document{Text: tt.b}, Options{IgnoreTrivial: true})
			if got, want := ignored.Summary.Differences() > 0, tt.severity > SeverityTrivial; got != want {
				t.Errorf("Compare(%q, %q) with IgnoreTrivial: differences %v, want %v", tt.a, tt.b, got, want)
			}
		})
	}
}

// TestSpaceForPunctuation checks an edit whose one side is white space
// alone and the other punctuation: the punctuation is an insertion or an
// omission of its own, and the white space a trivial change beside it.
func TestSpaceForPunctuation(t *testing.T) {
	for _, tt := range []struct{ a, b, want string }{
		{"China Russia", "China,Russia", "trivial(→) insertion(→,)"},
		{"China,Russia", "China Russia", "omission(,→) trivial(→)"},
		{"high-level talks", "high level talks", "omission(-→) trivial(→)"},
	} {
		c := compareText(tt.a, tt.b)
		if got := describe(c); got != tt.want {
			t.Errorf("Compare(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
		}
		checkKinds(t, c)
		checkRebuild(t, c)
		checkSwap(t, tt.a, tt.b)
	}
}
