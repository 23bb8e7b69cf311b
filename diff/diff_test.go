package diff

import (
	"fmt"
	"strings"
	"testing"
)

func compareText(a, b string) *Comparison {
	return Compare(Document{Text: a}, Document{Text: b}, Options{})
}

// describe writes the changes of a comparison compactly, one per bead
// separated by " | ": kind(A→B).
func describe(c *Comparison) string {
	var beads []string
	for _, b := range c.Beads {
		var chs []string
		for _, ch := range b.Changes {
			chs = append(chs, fmt.Sprintf("%s(%s→%s)", ch.Kind, strings.TrimSpace(ch.A), strings.TrimSpace(ch.B)))
		}
		beads = append(beads, strings.Join(chs, " "))
	}
	return strings.Join(beads, " | ")
}

func TestCompareChanges(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"identical", "The talks began.", "The talks began.", ""},
		{"word replaced", "The talks began.", "The talks started.", "shift(began→started)"},
		{"word inserted", "The talks began.", "The formal talks began.", "insertion(→formal)"},
		{"word omitted", "The formal talks began.", "The talks began.", "omission(formal→)"},
		{"case only", "President Xi spoke.", "President XI spoke.", "trivial(Xi→XI)"},
		{"curly and straight quotes", "China’s position.", "China's position.", "trivial(’→')"},
		{"dash variants", "high–level talks", "high-level talks", "trivial(–→-)"},
		{"spacing", "The  talks began.", "The talks began.", "trivial(→)"},
		{"no-break space", "The\u00a0talks began.", "The talks began.", "trivial(→)"},
		{"full width", "ＵＮ talks", "UN talks", "trivial(ＵＮ→UN)"},
		{"punctuation only", "On May 8 local time, they met.", "On May 8, local time, they met.", "trivial(→,)"},
		{"case run stays one trivial change", "the War of Resistance Against Aggression", "the war of resistance against aggression", "trivial(War of Resistance Against Aggression→war of resistance against aggression)"},
		{"short equal run does not split a shift",
			"the 80th Anniversary of the Victory in the World Anti-Fascist War.",
			"the 80th anniversary of the Great Patriotic War and the United States War.",
			"trivial(Anniversary→anniversary) shift(Victory in the World Anti-Fascist→Great Patriotic War and the United States)"},
		{"case change next to an insertion stays trivial", "President Xi noted that", "President XI has noted that", "trivial(Xi→XI) insertion(→has)"},
		{"sentence only in B", "The talks began.", "The talks began. A band played.", " | insertion(→A band played.)"},
		{"sentence only in A", "The talks began. A band played.", "The talks began.", " | omission(A band played.→)"},
		{"empty A", "", "Only B has text.", "insertion(→Only B has text.)"},
		{"empty B", "Only A has text.", "", "omission(Only A has text.→)"},
		{"percent sign is content", "Trade grew 3.5% in May.", "Trade grew 3.5 in May.", "omission(%→)"},
		{"minus sign is content", "The index fell by -5 points.", "The index fell by 5 points.", "shift(-5→5)"},
		{"Chinese character changed", "两国元首签署了声明。", "两国元首签订了声明。", "shift(署→订)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(compareText(tt.a, tt.b)); got != tt.want {
				t.Errorf("Compare(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// checkRebuild checks that each bead's changes, applied to its A text,
// give its B text exactly, and that every change's text is its span.
func checkRebuild(t *testing.T, c *Comparison) {
	t.Helper()
	aPos, bPos := 0, 0
	for k, b := range c.Beads {
		as, bs := runSpan(c.A.Segments, b.A, aPos), runSpan(c.B.Segments, b.B, bPos)
		aPos, bPos = as.end, bs.end
		var got strings.Builder
		pos := as.start
		for _, ch := range b.Changes {
			if ch.A != c.A.Text[ch.AStart:ch.AEnd] || ch.B != c.B.Text[ch.BStart:ch.BEnd] {
				t.Fatalf("bead %d: change %+v is not its spans", k, ch)
			}
			if ch.AStart < pos {
				t.Fatalf("bead %d: changes overlap or are out of order at %d", k, ch.AStart)
			}
			got.WriteString(c.A.Text[pos:ch.AStart])
			got.WriteString(ch.B)
			pos = ch.AEnd
		}
		if len(b.Changes) > 0 || as.start < as.end {
			got.WriteString(c.A.Text[pos:as.end])
		}
		if want := c.B.Text[bs.start:bs.end]; got.String() != want {
			t.Fatalf("bead %d: applying the changes to A gives\n%q, want\n%q", k, got.String(), want)
		}
	}
}

// swapped returns the kind a change has when A and B trade places.
func swapped(k Kind) Kind {
	switch k {
	case Insertion:
		return Omission
	case Omission:
		return Insertion
	}
	return k
}

func checkSwap(t *testing.T, a, b string) {
	t.Helper()
	ab, ba := compareText(a, b), compareText(b, a)
	for _, k := range Kinds {
		if ab.Summary.Count(k) != ba.Summary.Count(swapped(k)) {
			t.Fatalf("Compare(a, b) has %d %s, Compare(b, a) %d %s", ab.Summary.Count(k), k, ba.Summary.Count(swapped(k)), swapped(k))
		}
	}
}

func TestReadoutProperties(t *testing.T) {
	a, b := readout(t)
	c := compareText(a, b)
	checkRebuild(t, c)
	checkSwap(t, a, b)
}

func FuzzCompare(f *testing.F) {
	f.Add("The talks began. A band played.", "The formal talks began. Journalists met.")
	f.Add("President Xi spoke.", "President XI has spoken!")
	f.Add("", "x")
	f.Add("两国元首签署了声明。", "两国元首签订了声明。会谈。")
	f.Add("a\xffb. c", "a\xfeb. c")
	f.Fuzz(func(t *testing.T, a, b string) {
		c := compareText(a, b)
		checkRebuild(t, c)
		checkSwap(t, a, b)
	})
}
