package diff

import (
	"slices"
	"testing"
)

// TestAnchors checks the patience anchors of two key sequences, written
// as letters: each distinct letter one key.
func TestAnchors(t *testing.T) {
	tests := []struct {
		a, b string
		want []anchor
	}{
		{"abcd", "abcd", []anchor{{0, 0}, {1, 1}, {2, 2}, {3, 3}}},
		// c moved to the front: the longest chain in order keeps a, b, d.
		{"abcd", "cabd", []anchor{{0, 1}, {1, 2}, {3, 3}}},
		// a occurs twice in A, e only in A: neither is an anchor.
		{"abade", "bad", []anchor{{1, 0}, {3, 2}}},
		{"xyz", "zyx", []anchor{{2, 0}}},
		{"", "ab", nil},
	}
	for _, tt := range tests {
		d := &tokenDiff{ids: map[string]rune{}}
		runes := func(s string) []rune {
			var out []rune
			for _, c := range s {
				r, ok := d.ids[string(c)]
				if !ok {
					r = tokenRune(len(d.ids))
					d.ids[string(c)] = r
				}
				out = append(out, r)
			}
			return out
		}
		ra, rb := runes(tt.a), runes(tt.b)
		if got := d.anchors(ra, rb); !slices.Equal(got, tt.want) {
			t.Errorf("anchors(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestTooManyKeys checks that a bead with more distinct keys than runes
// to number them is one change, whose sides are the whole bead.
func TestTooManyKeys(t *testing.T) {
	defer func(n int) { maxKeyRunes = n }(maxKeyRunes)
	maxKeyRunes = 10
	c := compareText("one two three four five six.", "one two three four five seven.")
	if got := describe(c); got != "shift(one two three four five six.→one two three four five seven.)" {
		t.Errorf("got %s", got)
	}
	checkRebuild(t, c)
}
