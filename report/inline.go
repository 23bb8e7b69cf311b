package report

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paradiff/paradiff/diff"
)

// partKind says what a piece of an inline view is.
type partKind uint8

const (
	same     partKind = iota // text both versions have
	deleted                  // A's words that B does not have
	inserted                 // B's words that A does not have
)

// part is a piece of a bead's inline view.
type part struct {
	kind partKind
	text string
	ch   diff.Change // the change it shows; zero for same
}

// inlineParts returns a bead as one running text, B's, with each change
// shown as A's words deleted followed by B's inserted, as
// git diff --word-diff does. A difference of spacing alone is shown as
// B's spacing.
func inlineParts(c *diff.Comparison, b diff.Bead) []part {
	var parts []part
	pos, end := b.BStart, b.BEnd
	for _, ch := range b.Changes {
		if pos < ch.BStart {
			parts = append(parts, part{kind: same, text: c.B.Text[pos:ch.BStart]})
		}
		if ch.Kind == diff.Trivial && strings.TrimSpace(ch.A) == "" && strings.TrimSpace(ch.B) == "" {
			parts = append(parts, part{kind: same, text: ch.B})
		} else {
			if ch.A != "" {
				parts = append(parts, part{kind: deleted, text: ch.A, ch: ch})
			}
			if ch.B != "" {
				parts = append(parts, part{kind: inserted, text: ch.B, ch: ch})
			}
		}
		pos = max(pos, ch.BEnd)
	}
	if pos < end {
		parts = append(parts, part{kind: same, text: c.B.Text[pos:end]})
	}
	// A's words stand inside B's text: where B's text already has white
	// space beside them, their own would double it.
	for i := range parts {
		if parts[i].kind != deleted {
			continue
		}
		if i > 0 && endsWithSpace(parts[i-1].text) {
			parts[i].text = strings.TrimLeftFunc(parts[i].text, unicode.IsSpace)
		}
		if i+1 < len(parts) && startsWithSpace(parts[i+1].text) {
			parts[i].text = strings.TrimRightFunc(parts[i].text, unicode.IsSpace)
		}
	}
	return parts
}

func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

func endsWithSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s != "" && unicode.IsSpace(r)
}

// beadText returns the text of one side of a bead as it stands in the
// document, the white space between its segments included.
func beadText(c *diff.Comparison, b diff.Bead, sideA bool) string {
	if sideA {
		return c.A.Text[b.AStart:b.AEnd]
	}
	return c.B.Text[b.BStart:b.BEnd]
}

// beadSeverity is the highest severity of the bead's changes, critical
// when it departs from the glossary.
func beadSeverity(b diff.Bead) diff.Severity {
	s := diff.SeverityTrivial
	for _, ch := range b.Changes {
		s = max(s, ch.Severity)
	}
	if len(b.Glossary) > 0 {
		s = diff.SeverityCritical
	}
	return s
}
