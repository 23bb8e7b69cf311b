package align

import (
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestLoadDictionary(t *testing.T) {
	d, err := LoadDictionary(strings.NewReader("chat @ cat\n\n  chien@dog  \npomme de terre @ potato\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := Dictionary{{Source: "cat", Target: "chat"}, {Source: "dog", Target: "chien"}, {Source: "potato", Target: "pomme de terre"}}
	if len(d) != len(want) {
		t.Fatalf("LoadDictionary = %q, want %q", d, want)
	}
	for k := range want {
		if d[k] != want[k] {
			t.Errorf("entry %d = %q, want %q", k, d[k], want[k])
		}
	}
	for _, bad := range []string{"chat cat\n", "ok @ fine\n @ cat\n", "chat @ \n"} {
		_, err := LoadDictionary(strings.NewReader(bad))
		if err == nil || !strings.HasPrefix(err.Error(), "align: dictionary line ") {
			t.Errorf("LoadDictionary(%q) error = %v, want one naming the line", bad, err)
		}
	}
}

// The keys are those of the concepts: the number of a concept's first
// phrase, counting each entry's source and target in turn.
func TestDictionaryFind(t *testing.T) {
	c := compileDictionary(Dictionary{{"potato", "pomme de terre"}, {"state visit", "国事访问"}, {"cats", "chats"}})
	for _, tt := range []struct {
		text string
		want string
	}{
		{"Une pomme de terre et deux chats.", "@d0 @d4"},
		{"The cats ate a potato.", "@d4 @d0"},
		{"Une pomme et un chien.", ""},
		{"国家主席进行国事访问。", "@d2"},
		{"His state visit.", "@d2"},
		{"Two cats and three potatoes.", "@d4 @d0"}, // endings
		{"A catalogue.", ""},                        // too long an ending
		{"Des pommes de terre.", "@d0"},             // inflected inside a phrase
	} {
		tk := newTokenizer([]*compiledDict{c})
		var got []string
		for _, id := range tk.segment(tt.text) {
			if tk.kinds[id] == kindDict {
				got = append(got, tk.keys[id])
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("dictionary entries in %q = %q, want %q", tt.text, s, tt.want)
		}
	}
}

// TestDictionaryConcepts checks that entries sharing a word are one
// concept: a word with two translations matches either, and counts once.
func TestDictionaryConcepts(t *testing.T) {
	c := compileDictionary(Dictionary{{"cat", "chat"}, {"cat", "matou"}, {"dog", "chien"}})
	keys := func(text string) []string {
		tk := newTokenizer([]*compiledDict{c})
		var out []string
		for _, id := range tk.segment(text) {
			if tk.kinds[id] == kindDict {
				out = append(out, tk.keys[id])
			}
		}
		return out
	}
	chat, matou, cat, chien := keys("Le chat."), keys("Le matou."), keys("The cat."), keys("Le chien.")
	if len(cat) != 1 || !slices.Equal(chat, cat) || !slices.Equal(matou, cat) {
		t.Errorf("cat %q, chat %q, matou %q: want one key for the three", cat, chat, matou)
	}
	if len(chien) != 1 || slices.Equal(chien, cat) {
		t.Errorf("chien %q, cat %q: want a key of its own", chien, cat)
	}
	if got := keys("Un chat et un matou."); len(got) != 2 || got[0] != got[1] {
		t.Errorf("two words of one concept = %q, want the concept twice", got)
	}
}

// TestDictionaryAligns shows a dictionary settling what lengths cannot:
// which of two sentences of about the same length B leaves out.
func TestDictionaryAligns(t *testing.T) {
	en := segs(
		"The city council met on Monday morning in the old town hall.",
		"Its members first heard a report on the state of the roads after the winter.",
		"The budget for the new hospital was approved.",
		"The mayor thanked the library staff warmly.",
		"A new bus line to the airport will open in the spring.",
		"Residents may comment on the plans until the end of the month.",
		"The next meeting will take place in three weeks.",
	)
	fr := segs(
		"Le conseil municipal s'est réuni lundi matin dans l'ancien hôtel de ville.",
		"Ses membres ont d'abord entendu un rapport sur l'état des routes après l'hiver.",
		"Le maire a remercié chaleureusement le personnel de la bibliothèque.",
		"Une nouvelle ligne de bus vers l'aéroport ouvrira au printemps.",
		"Les habitants peuvent commenter les projets jusqu'à la fin du mois.",
		"La prochaine réunion aura lieu dans trois semaines.",
	)
	dict := Dictionary{
		{"council", "conseil"}, {"roads", "routes"}, {"winter", "hiver"}, {"budget", "budget"},
		{"hospital", "hôpital"}, {"mayor", "maire"}, {"library", "bibliothèque"}, {"staff", "personnel"},
		{"bus", "bus"}, {"airport", "aéroport"}, {"spring", "printemps"}, {"month", "mois"},
		{"meeting", "réunion"}, {"weeks", "semaines"},
	}
	without := Align(en, fr)
	got := Aligner{Dictionary: dict}.Align(en, fr)
	checkCover(t, len(en), len(fr), got)
	t.Logf("without a dictionary: %s", shapes(without))
	if want := "= = - = = = ="; shapes(got) != want {
		t.Errorf("with a dictionary, Align = %q, want %q", shapes(got), want)
	}
}

// TestLoadDictionaryLongLine checks that a line longer than any scanner
// buffer is read, and that errors after it name their line.
func TestLoadDictionaryLongLine(t *testing.T) {
	long := strings.Repeat("word", 1<<19) // 2 MiB
	d, err := LoadDictionary(strings.NewReader("chat @ cat\r\n" + long + " @ x\nchien @ dog"))
	if err != nil || len(d) != 3 || d[0].Target != "chat" || d[1].Target != long || d[2].Source != "dog" {
		t.Fatalf("LoadDictionary with a %d-byte line: %d entries, %v", len(long), len(d), err)
	}
	_, err = LoadDictionary(strings.NewReader("chat @ cat\n" + long + " @ x\n\nno at sign\n"))
	if err == nil || !strings.Contains(err.Error(), "dictionary line 4: ") {
		t.Errorf("a bad line after a long one: %v, want it named as line 4", err)
	}
	_, err = LoadDictionary(io.MultiReader(strings.NewReader("chat @ cat\n"), failingReader{}))
	if err == nil || !strings.Contains(err.Error(), "dictionary line 2: ") || !errors.Is(err, errFailed) {
		t.Errorf("a read error on line 2: %v, want it named", err)
	}
}

var errFailed = errors.New("read failed")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errFailed }
