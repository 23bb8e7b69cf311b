package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/diff"
)

// TestJSONPiecesMakeTheWhole checks that the report written in pieces,
// several arrays longer than a piece, is byte for byte what encoding/json
// writes for the whole report at once.
func TestJSONPiecesMakeTheWhole(t *testing.T) {
	var a, b strings.Builder
	for i := range 3*jsonChunk + 7 {
		fmt.Fprintf(&a, "Sentence %d of the first version says \"hello\" to the committee.  ", i)
		if i == 10 {
			a.WriteString("The delegates then adjourned for a long lunch at noon.  ")
		}
		switch {
		case i%5 == 0:
		case i%7 == 0: // text encoding/json escapes, and a glossary term
			fmt.Fprintf(&b, "Sentence %d of the <b>second</b> \x1b[31mversion\x1b[0m says\u2028hello\tto the commission \\ \xff.\n", i)
		default:
			fmt.Fprintf(&b, "Sentence %d of the second version says hello to the committee.\n", i)
		}
	}
	b.WriteString("The delegates then adjourned for a long lunch at noon.\n") // moved from sentence 10
	opts := diff.Options{Metrics: true, Glossary: []diff.Term{{A: "committee", B: "committee", Rejected: []string{"commission"}}}}
	c := diff.Compare(diff.Document{Name: "a.txt", Text: a.String()}, diff.Document{Name: "b\"\n.txt", Text: b.String()}, opts)
	glossary, moves := 0, 0
	for _, bead := range c.Beads {
		glossary += len(bead.Glossary)
		for _, ch := range bead.Changes {
			if ch.Move != 0 {
				moves++
			}
		}
	}
	if glossary == 0 || moves == 0 {
		t.Fatalf("%d glossary findings and %d move halves: the test needs both", glossary, moves)
	}
	if len(c.Beads) <= 2*jsonChunk || len(c.A.Segments) <= 2*jsonChunk {
		t.Fatalf("%d beads, %d segments: too few to need several pieces", len(c.Beads), len(c.A.Segments))
	}
	var got bytes.Buffer
	if err := JSON(&got, c); err != nil {
		t.Fatal(err)
	}
	whole := jsonReport{
		Version: JSONVersion, A: jsonDoc(c.A), B: jsonDoc(c.B), CrossLanguage: c.Languages.Cross, Languages: languagesJSON(c.Languages),
		Summary: summaryJSON(c.Summary, c.Metrics),
	}
	for _, bead := range c.Beads {
		whole.Beads = append(whole.Beads, beadJSON(bead))
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(whole); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		g, w := got.Bytes(), want.Bytes()
		k := 0
		for k < min(len(g), len(w)) && g[k] == w[k] {
			k++
		}
		t.Fatalf("the pieces differ from the whole at byte %d:\ngot  %q\nwant %q", k, g[max(k-40, 0):min(k+40, len(g))], w[max(k-40, 0):min(k+40, len(w))])
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

// TestJSONWriteError checks that a failed write is reported, not lost
// among the pieces.
func TestJSONWriteError(t *testing.T) {
	c := diff.Compare(diff.Document{Text: strings.Repeat("One sentence here. ", 2000)}, diff.Document{Text: "Another one."}, diff.Options{})
	if err := JSON(failingWriter{}, c); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("JSON to a failing writer: %v, want the write's error", err)
	}
}

// TestJSONStrings checks that strings are quoted as encoding/json quotes
// them with HTML escaping off.
func TestJSONStrings(t *testing.T) {
	for _, s := range []string{
		"", "plain", `"quoted" \ back`, "\n\r\t\x00\x1f\x7f", "<script>&amp;</script>",
		"\u2028\u2029", "\xff\xfe ok \xe2\x82", "习近平 Путин ٨٠", "\x1b]8;;http://x\x07link\x1b]8;;\x07", "\u202e",
	} {
		checkJSONString(t, s)
	}
}

func FuzzJSONString(f *testing.F) {
	f.Add("a\"b\\c\n\u2028\xff")
	f.Fuzz(checkJSONString)
}

func checkJSONString(t *testing.T, s string) {
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	if got := appendJSONString(nil, s); string(got) != strings.TrimSuffix(want.String(), "\n") {
		t.Errorf("%q: got %s, want %s", s, got, want.String())
	}
}
