package diff

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/paradiff/paradiff/align"
)

func TestCapSegments(t *testing.T) {
	long := strings.Repeat("word ", 10000) // 50,000 bytes, no sentence end
	c := Compare(Document{Name: "a.txt", Text: long}, Document{Name: "b.txt", Text: "Short."}, Options{MaxSegmentBytes: 1000})
	if len(c.A.Segments) < 50 {
		t.Fatalf("a 50,000-byte segment with a limit of 1000 gave %d segments", len(c.A.Segments))
	}
	for _, s := range c.A.Segments {
		if s.End-s.Start > 1000 || s.Text != long[s.Start:s.End] || strings.TrimSpace(s.Text) != s.Text {
			t.Fatalf("segment %q at [%d,%d) breaks the limit or the span invariant", s.Text, s.Start, s.End)
		}
	}
	if len(c.Notes) != 1 || !strings.Contains(c.Notes[0], "a.txt: 1 segment longer than 1000 bytes") {
		t.Errorf("notes %q, want one naming a.txt", c.Notes)
	}
	checkRebuild(t, c)

	// Text with no spaces at all (Chinese) is cut at character boundaries.
	zh := strings.Repeat("两国元首签署了合作文件", 500)
	segs, n := capSegments(zh, []align.Segment{{Text: zh, Start: 0, End: len(zh)}}, 1000)
	if n != 1 {
		t.Fatalf("capSegments cut %d segments, want 1", n)
	}
	var rebuilt strings.Builder
	for _, s := range segs {
		if s.End-s.Start > 1000 || !utf8.ValidString(s.Text) {
			t.Fatalf("piece [%d,%d) is too long or cuts a character", s.Start, s.End)
		}
		rebuilt.WriteString(s.Text)
	}
	if rebuilt.String() != zh {
		t.Error("pieces do not rebuild the text")
	}

	if c := Compare(Document{Text: long}, Document{Text: long}, Options{MaxSegmentBytes: -1}); len(c.A.Segments) != 1 || len(c.Notes) != 0 {
		t.Errorf("a negative limit should leave the segment whole")
	}
}
