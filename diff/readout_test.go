package diff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readout returns the demo pair: A the reference, B the machine
// translation.
func readout(t *testing.T) (string, string) {
	t.Helper()
	a, err := os.ReadFile(filepath.Join("..", "testdata", "readout", "ref.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("..", "testdata", "readout", "mt.en.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(a), string(b)
}

// TestReadout checks what issue #2 asks the demo to show.
func TestReadout(t *testing.T) {
	a, b := readout(t)
	c := compareText(a, b)
	find := func(pred func(Bead, Change) bool) (Bead, Change, bool) {
		for _, bd := range c.Beads {
			for _, ch := range bd.Changes {
				if pred(bd, ch) {
					return bd, ch, true
				}
			}
		}
		return Bead{}, Change{}, false
	}

	t.Run("United States War is one shift in the joint-statement bead", func(t *testing.T) {
		bd, ch, ok := find(func(_ Bead, ch Change) bool { return strings.Contains(ch.B, "United States") })
		if !ok {
			t.Fatal("no change mentions United States")
		}
		if ch.Kind != Shift || !strings.Contains(ch.A, "World Anti-Fascist") {
			t.Errorf("change %s %q → %q, want a shift from World Anti-Fascist", ch.Kind, ch.A, ch.B)
		}
		if len(bd.A) != 1 || !strings.Contains(c.A.Segments[bd.A[0]].Text, "Joint Statement") {
			t.Errorf("the change is in bead %v/%v, not the joint-statement sentence's", bd.A, bd.B)
		}
	})

	t.Run("sentences only one version has are whole insertions and omissions", func(t *testing.T) {
		for _, want := range []struct {
			kind Kind
			text string
		}{
			{Omission, "President Xi said that he was delighted to pay another state visit"},
			{Insertion, "The two presidents were informed by their civil servants"},
			{Insertion, "The two presidents ordered the relevant departments"},
		} {
			bd, ch, ok := find(func(_ Bead, ch Change) bool {
				return strings.HasPrefix(ch.A, want.text) || strings.HasPrefix(ch.B, want.text)
			})
			if !ok {
				t.Errorf("no change for %q", want.text)
				continue
			}
			whole := ch.A
			if want.kind == Insertion {
				whole = ch.B
			}
			if ch.Kind != want.kind || len(bd.Changes) != 1 || len(bd.A)+len(bd.B) != 1 || !strings.HasSuffix(whole, ".") {
				t.Errorf("%q: %s in bead %v/%v, want one %s of the whole sentence", want.text, ch.Kind, bd.A, bd.B, want.kind)
			}
		}
	})

	t.Run("one sentence rendered as two is one bead, both ways", func(t *testing.T) {
		var oneTwo, twoOne bool
		for _, bd := range c.Beads {
			if len(bd.A) == 1 && len(bd.B) == 2 && strings.HasPrefix(c.A.Segments[bd.A[0]].Text, "Moscow in May was sunny") {
				oneTwo = true
			}
			if len(bd.A) == 2 && len(bd.B) == 1 && strings.HasPrefix(c.B.Segments[bd.B[0]].Text, "President XI noted that China and Russia should remain") {
				twoOne = true
			}
		}
		if !oneTwo {
			t.Error("A's sentence about Moscow in May is not one 1-2 bead with B's two sentences")
		}
		if !twoOne {
			t.Error("A's two sentences about the direction of cooperation are not one 2-1 bead with B's one")
		}
	})

	t.Run("XI and Xi are trivial, never a shift", func(t *testing.T) {
		trivial := 0
		for _, bd := range c.Beads {
			for _, ch := range bd.Changes {
				hasXI := strings.Contains(ch.B, "XI")
				if hasXI && ch.Kind == Trivial {
					trivial++
				}
				if ch.Kind == Shift && strings.Contains(ch.A, "Xi") && hasXI {
					t.Errorf("shift %q → %q holds the XI/Xi difference", ch.A, ch.B)
				}
			}
		}
		if trivial == 0 {
			t.Error("no trivial XI change")
		}
	})
}

// TestReadoutSeverity checks the severity of the demo's changes that
// issue 20 names: what must stay high, and the false alarms that must be
// minor. knownHigh lists those still ranked too high, with why: the test
// fails when one of them comes right, so that the list stays true.
func TestReadoutSeverity(t *testing.T) {
	a, b := readout(t)
	c := compareText(a, b)
	// The changes of A's text that, in one bead, match these.
	changesOf := func(inA, inB string) []Change {
		var out []Change
		for _, bd := range c.Beads {
			for _, ch := range bd.Changes {
				if strings.Contains(ch.A, inA) && strings.Contains(ch.B, inB) {
					out = append(out, ch)
				}
			}
		}
		return out
	}
	knownHigh := map[string]string{
		"Moscow, May 8, 2025":  "the dateline drops Moscow: a name, not another form of the date",
		"witnessed":            "WordNet 3.0 links witness and attend by no relation",
		"hosted a welcome":     "WordNet 3.0 links host and organize by no relation",
		"at most 50 of majors": "most of the machine translation's rewordings are content words WordNet does not pair",
	}
	for _, tt := range []struct {
		a, b string
		min  Severity // the change must be at least this
		max  Severity // and at most this
	}{
		{"Victory in the World Anti-Fascist", "Great Patriotic War and the United States", SeverityCritical, SeverityCritical},
		{"President Xi said that he was delighted", "", SeverityCritical, SeverityCritical}, // A 10, omitted
		{"band", "group", SeverityTrivial, SeverityMinor},
		{"UN", "United Nations", SeverityTrivial, SeverityMinor},
		{"", "the Second ", SeverityTrivial, SeverityMinor}, // World War II
		{"Moscow, May 8, 2025", "date 2025-05-08", SeverityTrivial, SeverityMinor},
		{"witnessed", "attended", SeverityTrivial, SeverityMinor},
		{"hosted a welcome", "organized a welcoming", SeverityTrivial, SeverityMinor},
	} {
		chs := changesOf(tt.a, tt.b)
		if len(chs) == 0 {
			t.Errorf("no change %q → %q", tt.a, tt.b)
			continue
		}
		ok := true
		for _, ch := range chs {
			ok = ok && ch.Severity >= tt.min && ch.Severity <= tt.max
		}
		switch why, known := knownHigh[tt.a]; {
		case ok && known:
			t.Errorf("%q → %q is right now: take it off knownHigh (%s)", tt.a, tt.b, why)
		case !ok && !known:
			t.Errorf("%q → %q: %s (%s), want %s to %s", tt.a, tt.b, chs[0].Severity, chs[0].Reason, tt.min, tt.max)
		}
	}
	// Sentences only B has are major or more.
	for _, bd := range c.Beads {
		if len(bd.A) == 0 {
			for _, ch := range bd.Changes {
				if ch.Kind == Insertion && ch.Severity < SeverityMajor {
					t.Errorf("inserted sentence %q: %s, want major or more", ch.B, ch.Severity)
				}
			}
		}
	}
	high := c.Summary.CountSeverity(SeverityMajor) + c.Summary.CountSeverity(SeverityCritical)
	if _, known := knownHigh["at most 50 of majors"]; (high <= 50) == known {
		t.Errorf("%d changes major or critical (want at most 50; knownHigh says %v)", high, known)
	}
	t.Logf("major or critical: %d of %d changes", high, c.Summary.Differences())
}
