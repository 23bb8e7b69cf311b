package lexrel

import (
	"slices"
	"testing"

	"golang.org/x/text/language"
)

func TestSameStem(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"talks", "talked", true},
		{"organize", "organized", true},
		{"country", "countries", true},
		{"welcome", "welcoming", true},
		{"Hosted", "hosting", true},
		{"negotiation", "negotiations", true},
		{"China's", "China", true},
		{"China’s", "China", true},
		{"went", "go", true},        // verb.exc
		{"went", "goes", true},      // verb.exc and a detachment rule
		{"children", "child", true}, // noun.exc
		{"saw", "seeing", true},
		{"World Wars", "world war", true},
		{"same", "same", true},
		{"2025", "2025", true},
		{"better", "good", false}, // comparatives are not forms of one word here
		{"band", "group", false},
		{"talks", "walks", false},
		{"increase", "decrease", false},
		{"Russia", "Russian Federation", false},
		{"United Nations", "UN", false},
		{"the", "a", false},
		{"", "", false},
		{"2024", "2025", false},
	} {
		if got := SameStem(tt.a, tt.b); got != tt.want {
			t.Errorf("SameStem(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := SameStem(tt.b, tt.a); got != tt.want {
			t.Errorf("SameStem(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	for _, tt := range []struct {
		lang       string
		word, want string
	}{
		{"en", "Countries", "countri"},
		{"en", "organized", "organ"},
		{"en-GB", "organised", "organis"},
		{"ru", "переговоры", "переговор"},
		{"ru", "переговорах", "переговор"},
		{"fr", "nationales", "national"},
		{"es", "relaciones", "relacion"},
		{"sv", "länderna", "länd"},
		{"zh", "会谈", "会谈"},
		{"de", "Verhandlungen", "verhandlungen"}, // no German stemmer: the word in lower case
	} {
		if got := Stem(language.MustParse(tt.lang), tt.word); got != tt.want {
			t.Errorf("Stem(%s, %q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
	for lang, want := range map[string]bool{"en": true, "ru": true, "fr-CA": true, "es": true, "nb": true, "de": false, "zh": false, "und": false} {
		if got := HasStemmer(language.MustParse(lang)); got != want {
			t.Errorf("HasStemmer(%s) = %v, want %v", lang, got, want)
		}
	}
}

func TestSameStemIn(t *testing.T) {
	for _, tt := range []struct {
		lang, a, b string
		want       bool
	}{
		{"ru", "переговоры", "переговорах", true},
		{"ru", "Россия", "России", true},
		{"ru", "Россия", "Китай", false},
		{"fr", "relations bilatérales", "relation bilatérale", true},
		{"es", "países", "país", true},
		{"en", "went", "go", true},
		{"zh", "会谈", "会谈", true},
		{"zh", "会谈", "会议", false},
	} {
		if got := SameStemIn(language.MustParse(tt.lang), tt.a, tt.b); got != tt.want {
			t.Errorf("SameStemIn(%s, %q, %q) = %v, want %v", tt.lang, tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSynonyms(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want Relation
	}{
		// issue 20's examples
		{"band", "group", Hypernym2}, // band (an unofficial association of people) → social group → group
		{"welcome", "welcoming", SameSynset},
		{"witnessed", "attended", None}, // witness → watch, attend → be present: no WordNet link
		{"hosted", "organized", None},   // host → entertain, organize → form, create...: no link
		{"tariffs", "prices", None},
		{"Fascist", "States", None},
		{"Russia", "China", None},
		{"increase", "decrease", Antonym},
		{"buy", "sell", Antonym},
		{"bought", "sold", Antonym},
		// more synonyms
		{"UN", "United Nations", SameSynset},
		{"UN's", "United Nations", SameSynset},
		{"talks", "negotiations", SameSynset},
		{"big", "large", SameSynset},
		{"said", "stated", SameSynset},
		{"important", "significant", SameSynset},
		{"country", "state", SameSynset},
		{"saw", "witnessed", SameSynset},
		{"buy", "purchase", SameSynset},
		{"cooperation", "collaboration", Hypernym},
		{"friendship", "relationship", Hypernym},
		{"sword", "weapon", Hypernym},
		{"army", "force", Hypernym2},
		// more that must not count
		{"attended", "was", None}, // "be" is a root of the verb hierarchy
		{"red", "blue", None},     // co-hyponyms are alternatives, not synonyms
		{"Monday", "Tuesday", None},
		{"cat", "dog", None},
		{"China", "country", None}, // an instance is not a synonym of its class
		{"Moscow", "Beijing", None},
		{"victory", "war", None},
		{"war", "peace", Antonym},
		{"man", "woman", Antonym},
		{"good", "bad", Antonym},
		{"east", "west", Antonym},
		// function words, numbers, names unknown to WordNet
		{"the", "a", None},
		{"of", "for", None},
		{"in", "at", None},
		{"and", "or", None},
		{"one", "two", None},
		{"2024", "2025", None},
		{"Putin", "Xi", None},
		{"Jinping", "Vladimir", None},
		{"", "", None},
		{"countercurrents", "countertransactions", None},
	} {
		if got := Relate(tt.a, tt.b); got != tt.want {
			t.Errorf("Relate(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Relate(tt.b, tt.a); got != tt.want {
			t.Errorf("Relate(%q, %q) = %v, want %v (not symmetric)", tt.b, tt.a, got, tt.want)
		}
		want := tt.want != None && tt.want != Antonym
		if got := Synonyms(tt.a, tt.b); got != want {
			t.Errorf("Synonyms(%q, %q) = %v, want %v", tt.a, tt.b, got, want)
		}
	}
}

func TestLemmas(t *testing.T) {
	for _, tt := range []struct {
		word string
		want []string
	}{
		{"witnessed", []string{"witness"}},
		{"Countries", []string{"country"}},
		{"went", []string{"go"}},
		{"United_Nations", []string{"united nations"}},
		{"  United   Nations ", []string{"united nations"}},
		{"China’s", []string{"china"}},
		{"states'", []string{"state"}},
		{"New Year's", []string{"new year's"}},
		{"the", nil},
		{"2025", nil},
	} {
		got := Lemmas(tt.word)
		if len(got) != len(tt.want) {
			t.Errorf("Lemmas(%q) = %q, want %q", tt.word, got, tt.want)
			continue
		}
		for _, w := range tt.want {
			if !containsString(got, w) {
				t.Errorf("Lemmas(%q) = %q, want %q", tt.word, got, tt.want)
			}
		}
	}
	if !Known("negotiations") || Known("victorée") {
		t.Error("Known: want negotiations known and victorée not")
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestTable checks that the embedded table decodes and holds WordNet 3.0's
// counts: 117,659 synsets and 147,306 lemmas (counted over the four parts of
// speech, each lemma once).
func TestTable(t *testing.T) {
	w, err := decode(wordnetGz)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(w.pos); n != 117659 {
		t.Errorf("%d synsets, want 117659", n)
	}
	if n := len(w.off) - 1; n != 147306 {
		t.Errorf("%d lemmas, want 147306", n)
	}
	if len(w.exc) < 5000 {
		t.Errorf("%d exceptions, want the ~6000 of the *.exc files", len(w.exc))
	}
	for i := 1; i < len(w.off)-1; i++ {
		if w.lemma(i-1) >= w.lemma(i) {
			t.Fatalf("lemmas out of order at %d: %q, %q", i, w.lemma(i-1), w.lemma(i))
		}
	}
	if _, err := decode(wordnetGz[:len(wordnetGz)/2]); err == nil {
		t.Error("a truncated table decoded without error")
	}
}

func TestRelationString(t *testing.T) {
	if SameSynset.String() != "same synset" || Hypernym2.String() != "hypernym at two steps" || Relation(99).String() != "relation(?)" {
		t.Error("Relation.String")
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(wordnetGz); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSynonyms(b *testing.B) {
	db()
	pairs := [][2]string{{"band", "group"}, {"witnessed", "attended"}, {"tariffs", "prices"}, {"Russia", "China"}, {"the", "a"}, {"negotiations", "talks"}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		Synonyms(p[0], p[1])
	}
}

func BenchmarkSameStem(b *testing.B) {
	db()
	pairs := [][2]string{{"talks", "talked"}, {"went", "go"}, {"tariffs", "prices"}, {"the", "a"}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		SameStem(p[0], p[1])
	}
}

// TestStemsAgreeWithSameStem checks that two words share a stem of Stems
// exactly when SameStem says they are one word.
func TestStemsAgreeWithSameStem(t *testing.T) {
	words := []string{"went", "go", "going", "children", "child", "talks", "talked", "organize", "organized", "better", "good", "saw", "see", "band", "group"}
	for _, x := range words {
		for _, y := range words {
			share := false
			for _, s := range Stems(x) {
				share = share || slices.Contains(Stems(y), s)
			}
			if share != SameStem(x, y) {
				t.Errorf("%s, %s: Stems share one: %v; SameStem: %v", x, y, share, SameStem(x, y))
			}
		}
	}
}
