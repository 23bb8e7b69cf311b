package align

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// shapes writes beads compactly: "=" for 1-1, "-" for 1-0 (only in A),
// "+" for 0-1 (only in B), "n:m" for the rest.
func shapes(beads []Bead) string {
	var out []string
	for _, b := range beads {
		switch {
		case len(b.A) == 1 && len(b.B) == 1:
			out = append(out, "=")
		case len(b.B) == 0:
			out = append(out, "-")
		case len(b.A) == 0:
			out = append(out, "+")
		default:
			out = append(out, fmt.Sprintf("%d:%d", len(b.A), len(b.B)))
		}
	}
	return strings.Join(out, " ")
}

func segs(sentences ...string) []Segment { return segmentsOf(sentences) }

func TestAlign(t *testing.T) {
	s1 := "The two presidents held talks in Moscow on Thursday."
	s2 := "They agreed to deepen strategic coordination between the countries."
	s3 := "A military band played the national anthems of both nations."
	s4 := "Trade between China and Russia grew by a fifth last year."
	tests := []struct {
		name string
		a, b []Segment
		want string
	}{
		{"both empty", nil, nil, ""},
		{"A empty", nil, segs(s1, s2), "+ +"},
		{"B empty", segs(s1, s2), nil, "- -"},
		{"identical", segs(s1, s2, s3), segs(s1, s2, s3), "= = ="},
		{"paraphrase", segs(s1, s2), segs(
			"The two presidents had talks in Moscow on Thursday.",
			"They agreed to deepen the strategic coordination of the two countries."), "= ="},
		{"sentence only in A", segs(s1, s2, s3), segs(s1, s3), "= - ="},
		{"sentence only in B", segs(s1, s3), segs(s1, s2, s3), "= + ="},
		{"B splits a sentence", segs(s1, "They agreed to deepen coordination, and a military band played the anthems.", s4),
			segs(s1, "They agreed to deepen coordination.", "A military band played the anthems.", s4), "= 1:2 ="},
		{"A splits a sentence", segs(s1, "They agreed to deepen coordination.", "A military band played the anthems.", s4),
			segs(s1, "They agreed to deepen coordination, and a military band played the anthems.", s4), "= 2:1 ="},
		{"unrelated insertion next to a paraphrase", segs(s1, s2, s4),
			segs(s1, "They agreed to deepen strategic coordination of the countries.", "The weather in Moscow was sunny and clear.", s4), "= = + ="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Align(tt.a, tt.b)
			if shapes(got) != tt.want {
				t.Errorf("Align = %q, want %q", shapes(got), tt.want)
			}
			checkCover(t, len(tt.a), len(tt.b), got)
		})
	}
}

// checkCover checks the alignment invariant: every segment of A and B is
// in exactly one bead, in order, and no bead is empty.
func checkCover(t *testing.T, na, nb int, beads []Bead) {
	t.Helper()
	i, j := 0, 0
	for k, b := range beads {
		if len(b.A) == 0 && len(b.B) == 0 {
			t.Fatalf("bead %d is empty", k)
		}
		for _, x := range b.A {
			if x != i {
				t.Fatalf("bead %d: A index %d, want %d", k, x, i)
			}
			i++
		}
		for _, y := range b.B {
			if y != j {
				t.Fatalf("bead %d: B index %d, want %d", k, y, j)
			}
			j++
		}
	}
	if i != na || j != nb {
		t.Fatalf("beads cover %d of %d A segments and %d of %d B segments", i, na, j, nb)
	}
}

func TestAlignSymmetry(t *testing.T) {
	a := segs("The talks began.", "Both sides agreed on energy.", "A band played.", "The press was told.")
	b := segs("The talks started.", "A band played music.", "Journalists were briefed.", "The press was told.")
	ab, ba := Align(a, b), Align(b, a)
	if len(ab) != len(ba) {
		t.Fatalf("Align(a, b) has %d beads, Align(b, a) %d", len(ab), len(ba))
	}
	for k := range ab {
		if fmt.Sprint(ab[k].A, ab[k].B) != fmt.Sprint(ba[k].B, ba[k].A) {
			t.Errorf("bead %d: Align(a, b) %v %v, Align(b, a) %v %v", k, ab[k].A, ab[k].B, ba[k].A, ba[k].B)
		}
	}
}

func FuzzAlign(f *testing.F) {
	f.Add("The talks began. Both sides agreed.", "The talks started. A band played. Both sides agreed.")
	f.Add("", "Only B.")
	f.Add("双方会谈。两国元首签署了声明！", "Talks. 会谈。")
	f.Add("x\xff. y.", "x. \xc3 y.")
	f.Add("2025年5月8日，莫斯科\n\n两国元首举行会谈。军乐团奏国歌。", "Москва, 8 мая 2025 года\n\nСостоялись переговоры. Оркестр исполнил гимны.")
	f.Add("Le comité s'est réuni (lundi) : 20 membres ?", "The committee met (Monday): 20 members?")
	f.Fuzz(func(t *testing.T, a, b string) {
		sa, sb := Split(a), Split(b)
		ab, ba := Align(sa, sb), Align(sb, sa)
		checkCover(t, len(sa), len(sb), ab)
		if len(ab) != len(ba) {
			t.Fatalf("Align(a, b) has %d beads, Align(b, a) %d", len(ab), len(ba))
		}
		for k := range ab {
			if !slices.Equal(ab[k].A, ba[k].B) || !slices.Equal(ab[k].B, ba[k].A) {
				t.Fatalf("bead %d: Align(a, b) %v %v, Align(b, a) %v %v", k, ab[k].A, ab[k].B, ba[k].A, ba[k].B)
			}
		}
	})
}
