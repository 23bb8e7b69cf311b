package diff

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/paradiff/paradiff/internal/textkey"

	"github.com/paradiff/paradiff/internal/textio"
)

// Term is an entry of a glossary: wherever A has the term, B must have the
// approved rendering and none of the rejected ones.
type Term struct {
	A        string   // the term as A has it
	B        string   // the rendering B must use
	Rejected []string // renderings B must not use
}

// GlossaryMiss is a place where B departs from a glossary term: the term
// stands in A at AStart:AEnd and B lacks the approved rendering, or uses
// a rejected one (Found, at BStart:BEnd).
type GlossaryMiss struct {
	Term         Term
	AStart, AEnd int
	Found        string
	BStart, BEnd int
}

// ReadGlossary reads a glossary in TSV: one term a line, the term in A,
// a tab, the rendering B must use, and optionally more tab-separated
// renderings B must not use. Blank lines and lines starting with # are
// skipped.
func ReadGlossary(r io.Reader) ([]Term, error) {
	var terms []Term
	err := textio.EachLine(r, func(n int, line string) error {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			return nil
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 2 || strings.TrimSpace(fields[0]) == "" || strings.TrimSpace(fields[1]) == "" {
			return fmt.Errorf("line %d: want a term, a tab and its approved rendering", n)
		}
		t := Term{A: strings.TrimSpace(fields[0]), B: strings.TrimSpace(fields[1])}
		for _, f := range fields[2:] {
			if f = strings.TrimSpace(f); f != "" {
				t.Rejected = append(t.Rejected, f)
			}
		}
		terms = append(terms, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return terms, nil
}

// checkGlossary records the bead's departures from the glossary and flags
// the changes that overlap them.
func checkGlossary(b *Bead, a, bs *side, terms []Term) {
	for _, t := range terms {
		for _, at := range a.find(t.A) {
			miss := GlossaryMiss{Term: t, AStart: at.start, AEnd: at.end}
			rejected := span{-1, -1}
			for _, r := range t.Rejected {
				if found := bs.find(r); len(found) > 0 {
					rejected = found[0]
					break
				}
			}
			switch {
			case rejected.start >= 0:
				miss.Found, miss.BStart, miss.BEnd = bs.text[rejected.start:rejected.end], rejected.start, rejected.end
			case len(bs.find(t.B)) == 0:
				miss.BStart, miss.BEnd = bs.span.start, bs.span.start
			default:
				continue
			}
			b.Glossary = append(b.Glossary, miss)
			for i := range b.Changes {
				ch := &b.Changes[i]
				if overlaps(ch.AStart, ch.AEnd, at.start, at.end) ||
					rejected.start >= 0 && overlaps(ch.BStart, ch.BEnd, rejected.start, rejected.end) {
					if !slices.Contains(ch.Flags, FlagGlossary) {
						ch.Flags = append(ch.Flags, FlagGlossary)
					}
					ch.Severity, ch.Meaning, ch.Reason = SeverityCritical, MeaningGlossary, "the glossary renders "+strconv.Quote(t.A)+" as "+strconv.Quote(t.B)
				}
			}
		}
	}
}

// overlaps reports whether [s1,e1) and [s2,e2) share a byte, counting an
// empty span inside the other as shared.
func overlaps(s1, e1, s2, e2 int) bool {
	return s1 < e2 && s2 < e1 || s1 == e1 && s2 <= s1 && s1 < e2
}

// find returns the spans where the side has the words of term, compared
// by their keys and ignoring white space.
func (s *side) find(term string) []span {
	var want []string
	for _, t := range textkey.Tokens(term, 0) {
		if t.Class != textkey.Space {
			want = append(want, textkey.Key(term[t.Start:t.End]))
		}
	}
	if len(want) == 0 {
		return nil
	}
	var idx []int // the side's tokens that are not white space
	for i, t := range s.toks {
		if t.Class != textkey.Space {
			idx = append(idx, i)
		}
	}
	var out []span
	for i := 0; i+len(want) <= len(idx); i++ {
		match := true
		for k, w := range want {
			if s.keys[idx[i+k]] != w {
				match = false
				break
			}
		}
		if match {
			out = append(out, span{s.toks[idx[i]].Start, s.toks[idx[i+len(want)-1]].End})
		}
	}
	return out
}
