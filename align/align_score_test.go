package align

import (
	"math"
	"testing"
)

// crossFeatures are what cross-language scoring sees of a and b, with the
// lexicon.
func crossFeatures(a, b []Segment) *features {
	lexA, lexB := Aligner{}.lexicon(a, b)
	toks := tokenize(a, b, []*compiledDict{lexA}, []*compiledDict{lexB})
	return newFeatures(a, b, scoredTokens(a, b, toks, true), true)
}

// TestBeadEvidence checks what a cross-language 1-1 bead costs beside its
// length: a pair that shares no token pays noEvidence, and each concept
// of the lexicon that one sentence has and the other lacks pays
// unmatchedBonus of its weight, while a shared one earns its weight
// twice over.
func TestBeadEvidence(t *testing.T) {
	en := segs(
		"The king went to the city.",
		"His daughter wrote a book.",
		"The river was cold.",
	)
	ru := segs(
		"Король поехал в город.",
		"Его дочь написала книгу.",
		"Река была холодной.",
	)
	f := crossFeatures(en, ru)
	s := newScorer(f, crossLanguage)
	p := crossLanguage
	if p.noEvidence <= 0 || p.unmatchedBonus <= 0 {
		t.Fatalf("noEvidence %v, unmatchedBonus %v: the test needs both", p.noEvidence, p.unmatchedBonus)
	}
	near := func(got, want float64) bool { return math.Abs(got-want) < 1e-9 }

	// The daughter and the river share nothing.
	x, y := f.a[1], f.b[2]
	if x.bonus == 0 || y.bonus == 0 || x.mass != x.bonus || y.mass != y.bonus {
		t.Fatalf("want sentences whose mass is all concepts: %+v, %+v", x, y)
	}
	length := s.lengthCost(x.length, y.length)
	if got, want := s.cost(1, 2, Shape{A: 1, B: 1}, math.Inf(1)), length+p.noEvidence+p.unmatchedBonus*(x.bonus+y.bonus); !near(got, want) {
		t.Errorf("bead sharing nothing costs %v, want %v", got, want)
	}

	// The daughter's sentence and its translation share their concepts.
	y = f.b[1]
	shared := s.shared(&x, &y)
	if shared == 0 {
		t.Fatal("the translation shares no concept")
	}
	length = s.lengthCost(x.length, y.length)
	want := length + p.unmatchedBonus*(x.bonus+y.bonus) - 2*(p.unmatched+p.unmatchedBonus)*shared
	if got := s.cost(1, 1, Shape{A: 1, B: 1}, math.Inf(1)); !near(got, want) {
		t.Errorf("bead sharing %v costs %v, want %v", shared, got, want)
	}
}

// TestColonJoins checks that a cross-language bead whose run goes on past
// a colon pays colon less: a text split at a colon, against a translation
// that writes it as one sentence. (The evaluation's Text+Berg floor checks
// what it does to alignments.)
func TestColonJoins(t *testing.T) {
	de := segs(
		"Im Mai 1956 erreichten vier Bergsteiger den Gipfel.",
		"Die erfolgreichen Bergsteiger waren:",
		"Hartog, Brown, McNaught-Davis und Patey.",
		"Das Wetter blieb schlecht.",
	)
	fr := segs(
		"En mai 1956, quatre alpinistes atteignirent le sommet.",
		"Les alpinistes victorieux étaient Hartog, Brown, McNaught-Davis et Patey.",
		"Le temps resta mauvais.",
	)
	f := crossFeatures(de, fr)
	if !f.a[1].colon || f.a[0].colon || f.b[1].colon {
		t.Fatalf("colons: A %v %v, B %v; want only A[1]'s", f.a[0].colon, f.a[1].colon, f.b[1].colon)
	}
	s := newScorer(f, crossLanguage)
	joined := s.cost(1, 1, Shape{A: 2, B: 1}, math.Inf(1))
	f.a[1].colon = false
	s = newScorer(f, crossLanguage)
	if got, want := s.cost(1, 1, Shape{A: 2, B: 1}, math.Inf(1))-joined, crossLanguage.colon; math.Abs(got-want) > 1e-9 {
		t.Errorf("the colon saves %v, want %v", got, want)
	}
	if crossLanguage.colon <= 0 {
		t.Errorf("colon = %v, want a saving", crossLanguage.colon)
	}
}
