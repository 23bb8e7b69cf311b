package diff

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestReadGlossaryLongLine checks that a glossary line longer than
// bufio.Scanner's 64 KiB is read, and that errors after it name their
// line.
func TestReadGlossaryLongLine(t *testing.T) {
	long := strings.Repeat("very ", 30000) // 150,000 bytes
	terms, err := ReadGlossary(strings.NewReader("talks\tnegotiations\r\n" + "term\t" + long + "\n# comment\n"))
	if err != nil || len(terms) != 2 || terms[0].B != "negotiations" || terms[1].B != strings.TrimSpace(long) {
		t.Fatalf("ReadGlossary with a %d-byte line: %d terms, %v", len(long), len(terms), err)
	}
	_, err = ReadGlossary(strings.NewReader("a\tb\nterm\t" + long + "\n\nno tab"))
	if err == nil || err.Error() != "line 4: want a term, a tab and its approved rendering" {
		t.Errorf("a bad line after a long one: %v, want it named as line 4", err)
	}
	_, err = ReadGlossary(io.MultiReader(strings.NewReader("a\tb\nc\td\n"), errReader{}))
	if err == nil || !strings.Contains(err.Error(), "line 3: ") || !errors.Is(err, errRead) {
		t.Errorf("a read error on line 3: %v, want it named", err)
	}
}

var errRead = errors.New("read failed")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errRead }
