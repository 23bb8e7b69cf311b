package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paradiff/paradiff/diff"
)

// GitHubAnnotation is a GitHub Actions workflow command that annotates a
// place in a file: "::warning file=PATH,line=N,col=C,title=T::message".
type GitHubAnnotation struct {
	Level string // "error", "warning" or "notice"
	File  string // the file, as a path from the repository root; "" for none
	// Line, Col, EndLine and EndCol are 1-based; Col and EndCol count
	// characters (code points) from the start of the line. 0 leaves a
	// property out.
	Line, Col, EndLine, EndCol int
	Title                      string
	Message                    string
}

// String returns the workflow command, one line, with the message escaped
// as GitHub's data (%, CR and LF as %25, %0D and %0A) and the properties
// as its properties (also : and , as %3A and %2C).
func (a GitHubAnnotation) String() string {
	var b strings.Builder
	b.WriteString("::" + a.Level)
	sep := " "
	prop := func(k, v string) {
		b.WriteString(sep + k + "=" + escapeProperty(v))
		sep = ","
	}
	if a.File != "" {
		prop("file", a.File)
	}
	for _, p := range []struct {
		k string
		v int
	}{{"line", a.Line}, {"col", a.Col}, {"endLine", a.EndLine}, {"endColumn", a.EndCol}} {
		if p.v > 0 {
			prop(p.k, strconv.Itoa(p.v))
		}
	}
	if a.Title != "" {
		prop("title", a.Title)
	}
	b.WriteString("::" + escapeData(a.Message))
	return b.String()
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

// escapeData escapes a workflow command's message, as GitHub's toolkit
// (actions/core, command.ts) does, and then the hidden characters left
// (see percentHidden).
func escapeData(s string) string { return percentHidden(dataEscaper.Replace(s)) }

// escapeProperty escapes a workflow command's property value, as
// escapeData does, and also : and ,.
func escapeProperty(s string) string { return percentHidden(propertyEscaper.Replace(s)) }

// percentHidden writes the characters isHidden reports (an escape
// character from a file name, a bidi override) as %XX for each of their
// UTF-8 bytes, so that they reach the workflow log neither raw nor in
// disguise. GitHub unescapes only %25, %0D, %0A, %3A and %2C and shows
// the rest as it is; since % itself is %25, no two texts look the same.
func percentHidden(s string) string {
	if strings.IndexFunc(s, isHidden) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if !isHidden(r) {
			b.WriteRune(r)
			continue
		}
		var buf [utf8.UTFMax]byte
		for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// GitHubOptions configures [GitHub].
type GitHubOptions struct {
	// File is the file annotations point at: B's path from the repository
	// root. "" means B's name, and no file at all for standard input.
	File string
	// Keep, when not nil, selects the changes to annotate, as with a
	// baseline the new ones only.
	Keep func(diff.ChangeRef) bool
	// KeepGlossary, when not nil, selects the glossary departures to
	// annotate by bead and index in the bead's Glossary.
	KeepGlossary func(bead, i int) bool
	// Summary adds a notice with the counts and scores.
	Summary bool
}

// GitHub writes one GitHub Actions annotation per change, at its place in
// B (line and column computed from its byte offsets): an error for a
// critical change, a notice for a trivial one, a warning for the others;
// then one error per glossary departure. A move is annotated once, where
// its text arrives in B. With Summary, a last notice gives the counts and
// the scores.
func GitHub(w io.Writer, c *diff.Comparison, opts GitHubOptions) error {
	bw := bufio.NewWriter(w)
	for _, a := range GitHubAnnotations(c, opts) {
		fmt.Fprintln(bw, a)
	}
	return bw.Flush()
}

// GitHubAnnotations returns the annotations [GitHub] writes.
func GitHubAnnotations(c *diff.Comparison, opts GitHubOptions) []GitHubAnnotation {
	file := opts.File
	if file == "" && c.B.Name != "-" {
		file = c.B.Name
	}
	lines := newLineIndex(c.B.Text)
	moves := findMoveEnds(c)
	var out []GitHubAnnotation
	if note := LanguageNote(c); note != "" {
		out = append(out, GitHubAnnotation{Level: "warning", File: file, Title: "paradiff: two languages", Message: note})
	}
	for bi, b := range c.Beads {
		for ci, ch := range b.Changes {
			if ch.Kind == diff.Move && ch.B == "" {
				continue // annotated where the text arrives
			}
			if opts.Keep != nil && !opts.Keep(diff.ChangeRef{Bead: bi, Change: ci}) {
				continue
			}
			a := GitHubAnnotation{Level: "warning", File: file, Title: "paradiff: " + ch.Kind.String()}
			switch ch.Severity {
			case diff.SeverityCritical:
				a.Level = "error"
			case diff.SeverityTrivial:
				a.Level = "notice"
			}
			if m := meta(ch); m != "" {
				a.Title += " (" + m + ")"
			}
			a.Line, a.Col = lines.position(ch.BStart)
			if ch.BEnd > ch.BStart {
				a.EndLine, a.EndCol = lines.position(ch.BEnd)
			}
			a.Message = beadTitle(b) + ": " + changeMessage(c, moves, ch)
			out = append(out, a)
		}
		for gi, g := range b.Glossary {
			if opts.KeepGlossary != nil && !opts.KeepGlossary(bi, gi) {
				continue
			}
			a := GitHubAnnotation{Level: "error", File: file, Title: "paradiff: glossary"}
			a.Line, a.Col = lines.position(g.BStart)
			msg := fmt.Sprintf("%s: %q must be rendered %q", beadTitle(b), g.Term.A, g.Term.B)
			if g.Found != "" {
				msg += fmt.Sprintf(", found %q", g.Found)
			}
			a.Message = terminalSafe(msg)
			out = append(out, a)
		}
	}
	if opts.Summary {
		out = append(out, GitHubAnnotation{Level: "notice", File: file, Title: "paradiff summary", Message: SummaryLine(c.Summary, c.Metrics)})
	}
	return out
}

// changeMessage says what a change does in words: `“A” → “B”`,
// `B inserts “B”`, `B omits “A”`, `white space`, or for a move where its
// other half stands.
func changeMessage(c *diff.Comparison, moves moveEnds, ch diff.Change) string {
	a, b := strings.TrimSpace(ch.A), strings.TrimSpace(ch.B)
	switch {
	case ch.Kind == diff.Move:
		return moves.note(c, ch) + ": " + quoteShort(ch.A+ch.B)
	case a == "" && b == "":
		return "white space"
	case a == "":
		return "B inserts " + quoteShort(b)
	case b == "":
		return "B omits " + quoteShort(a)
	}
	return quoteShort(a) + " → " + quoteShort(b)
}

// quoteShort quotes a change's text, trimmed, made safe for a log, and
// cut to 200 characters.
func quoteShort(s string) string {
	const limit = 200
	s = terminalSafe(trimmed(s))
	if utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit]) + "…"
	}
	return "“" + s + "”"
}

// SummaryLine sums a comparison up in one line: "12 changes (critical 2,
// major 7, minor 3), 1 trivial; BLEU 43.21, chrF2 60.12, TER 40.00".
func SummaryLine(s diff.Summary, m *diff.Metrics) string {
	line := fmt.Sprintf("%d change%s (critical %d, major %d, minor %d), %d trivial",
		s.Differences(), plural(s.Differences()), s.CountSeverity(diff.SeverityCritical),
		s.CountSeverity(diff.SeverityMajor), s.CountSeverity(diff.SeverityMinor), s.Count(diff.Trivial))
	var scores []string
	for _, r := range metricRows(m) {
		scores = append(scores, r[0]+" "+r[1])
	}
	if len(scores) > 0 {
		line += "; " + strings.Join(scores, ", ")
	}
	return line
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// lineIndex turns byte offsets into 1-based lines and columns.
type lineIndex struct {
	text   string
	starts []int // byte offset of the start of each line
}

func newLineIndex(text string) lineIndex {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{text, starts}
}

// position returns the line and column of byte offset off, both from 1;
// the column counts code points. An offset just after a line break is at
// the start of the next line.
func (l lineIndex) position(off int) (line, col int) {
	off = min(max(off, 0), len(l.text))
	lo, hi := 0, len(l.starts)
	for hi-lo > 1 { // the last start <= off
		mid := (lo + hi) / 2
		if l.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, utf8.RuneCountInString(l.text[l.starts[lo]:off]) + 1
}
