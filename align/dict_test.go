package align

import (
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

func TestDictionaryFind(t *testing.T) {
	c := compileDictionary(Dictionary{{"potato", "pomme de terre"}, {"state visit", "国事访问"}, {"cats", "chats"}})
	for _, tt := range []struct {
		text string
		want string
	}{
		{"Une pomme de terre et deux chats.", "@d0 @d2"},
		{"The cats ate a potato.", "@d2 @d0"},
		{"Une pomme et un chien.", ""},
		{"国家主席进行国事访问。", "@d1"},
		{"His state visit.", "@d1"},
		{"Two cats and three potatoes.", "@d2 @d0"}, // endings
		{"A catalogue.", ""},                        // too long an ending
		{"Des pommes de terre.", "@d0"},             // inflected inside a phrase
	} {
		tk := newTokenizer(c)
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
