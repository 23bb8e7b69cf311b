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
		// A short account of the same talks: B is a quarter as long as A,
		// because A has more to say, not because B's sentences are shorter.
		{"a short account beside a long one", segs(
			s1,
			"The weather in Moscow was sunny and clear, and guards of honour on horseback escorted the motorcade.",
			"They had a long exchange of views on bilateral relations and on the major regional and international questions of the day.",
			"Both said that the relationship had never been stronger, whatever the pressure from outside.",
			s3,
			"They discussed energy supplies, new pipelines and payments in their own currencies.",
			"The talks went on for several hours longer than had been planned.",
			"Afterwards the presidents signed a joint statement and witnessed the exchange of some twenty agreements."),
			segs(
				"The leaders discussed the state of bilateral relations, as well as current regional and international questions, in detail.",
				"A joint statement was signed after the talks, and some twenty agreements were exchanged in the presence of the presidents."),
			"- - = - - - - ="},
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

func TestShapesUpTo(t *testing.T) {
	if got := ShapesUpTo(2); !slices.Equal(got, []Shape{{1, 1}, {1, 0}, {0, 1}}) {
		t.Errorf("ShapesUpTo(2) = %v", got)
	}
	four := ShapesUpTo(4)
	if len(four) != len(DefaultShapes) || !slices.ContainsFunc(four, func(s Shape) bool { return s == Shape{2, 2} }) {
		t.Errorf("ShapesUpTo(4) = %v, want the set of DefaultShapes %v", four, DefaultShapes)
	}
	for _, s := range DefaultShapes {
		if !slices.Contains(four, s) {
			t.Errorf("ShapesUpTo(4) lacks %v", s)
		}
	}
	if got := len(ShapesUpTo(6)); got != 3+2+3+4+5 {
		t.Errorf("ShapesUpTo(6) has %d shapes, want 17", got)
	}
}

// TestLargeBeads shows what ShapesUpTo is for: a sentence that the other
// version says in four is one 1-4 bead with beads of up to five segments,
// and cannot be with the default shapes.
func TestLargeBeads(t *testing.T) {
	en := segs(
		"The meeting opened at nine.",
		"The committee, having heard the report of the treasurer on the accounts of the year, approved them, thanked him for his work over twelve years, and elected his successor.",
		"The meeting closed at noon.",
	)
	fr := segs(
		"La séance s'ouvrit à neuf heures.",
		"Le comité entendit le rapport du trésorier sur les comptes de l'année.",
		"Il les approuva.",
		"Il le remercia de son travail pendant douze ans.",
		"Puis il élut son successeur.",
		"La séance fut levée à midi.",
	)
	got := Aligner{Shapes: ShapesUpTo(5)}.Align(en, fr)
	checkCover(t, len(en), len(fr), got)
	if want := "= 1:4 ="; shapes(got) != want {
		t.Errorf("with beads of up to five segments, Align = %q, want %q", shapes(got), want)
	}
	if def := shapes(Align(en, fr)); def == "= 1:4 =" {
		t.Errorf("with the default shapes, Align = %q: a 1-4 bead is not among them", def)
	}
}
