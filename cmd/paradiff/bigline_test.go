package main

import (
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestHugeLine compares a 20 MB file that is one line with no sentence
// end with a copy that has a clause inserted in the middle: the line is
// cut into pieces by content, so the insertion stays one change, and a
// note says so. It is skipped with -short and under the race detector,
// where it would take minutes; CI runs it on its own.
func TestHugeLine(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("20 MB comparison")
	}
	rng := rand.New(rand.NewPCG(7, 8))
	words := strings.Fields("the talks went on for a long time and both sides agreed to deepen cooperation in trade energy and culture")
	var b strings.Builder
	for b.Len() < 20<<20 {
		b.WriteString(words[rng.IntN(len(words))])
		b.WriteByte(' ')
	}
	a := b.String()
	mid := strings.IndexByte(a[len(a)/2:], ' ') + len(a)/2
	bText := a[:mid] + " and a new clause" + a[mid:]
	dir := t.TempDir()
	fa, fb := write(t, dir, "a.txt", []byte(a)), write(t, dir, "b.txt", []byte(bText))
	code, out, stderr := runCmd(t, "", "-f", "json", "--metrics", "none", fa, fb)
	if code != exitDiffer {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if !strings.Contains(stderr, "a.txt: 1 segment longer than 20000 bytes") || !strings.Contains(stderr, "b.txt: 1 segment longer") {
		t.Errorf("no note on the cut: %q", stderr)
	}
	var r struct {
		Beads []struct {
			Changes []struct{ Kind, A, B string }
		}
		Summary struct{ Differences int }
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Summary.Differences != 1 {
		t.Fatalf("%d differences, want the one insertion", r.Summary.Differences)
	}
	for _, bd := range r.Beads {
		for _, ch := range bd.Changes {
			if ch.Kind != "insertion" || strings.TrimSpace(ch.B) != "and a new clause" {
				t.Errorf("change %s %q → %q, want the insertion of the clause", ch.Kind, ch.A, ch.B)
			}
		}
	}
}

func TestLineEndings(t *testing.T) {
	lf := "Moscow, May 8\n\nThe talks began.\nBoth sides agreed.\n\fA band played.\n"
	dir := t.TempDir()
	a := write(t, dir, "lf.txt", []byte(lf))
	for name, text := range map[string]string{
		"crlf.txt": strings.ReplaceAll(lf, "\n", "\r\n"),
		"cr.txt":   strings.ReplaceAll(lf, "\n", "\r"),
	} {
		b := write(t, dir, name, []byte(text))
		_, splitA, _ := runCmd(t, "", "split", a)
		_, splitB, _ := runCmd(t, "", "split", b)
		if splitA != splitB || !strings.Contains(splitA, "Moscow, May 8\nThe talks began.\nBoth sides agreed.\nA band played.\n") {
			t.Errorf("%s splits as %q, LF as %q", name, splitB, splitA)
		}
		if code, out, _ := runCmd(t, "", "--ignore-trivial", a, b); code != exitSame {
			t.Errorf("%s against LF: exit %d, want 0: only line endings differ\n%s", name, code, out)
		}
	}
}
