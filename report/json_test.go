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
		fmt.Fprintf(&a, "Sentence %d of the first version says \"hello\".  ", i)
		if i%5 != 0 {
			fmt.Fprintf(&b, "Sentence %d of the second version says hello.\n", i)
		}
	}
	c := diff.Compare(diff.Document{Name: "a.txt", Text: a.String()}, diff.Document{Name: "b.txt", Text: b.String()}, diff.Options{Metrics: true})
	if len(c.Beads) <= 2*jsonChunk || len(c.A.Segments) <= 2*jsonChunk {
		t.Fatalf("%d beads, %d segments: too few to need several pieces", len(c.Beads), len(c.A.Segments))
	}
	var got bytes.Buffer
	if err := JSON(&got, c); err != nil {
		t.Fatal(err)
	}
	whole := jsonReport{
		Version: JSONVersion, A: jsonDoc(c.A), B: jsonDoc(c.B), CrossLanguage: c.CrossLanguage,
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
