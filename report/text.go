package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/mattn/go-runewidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/paradiff/paradiff/diff"
)

// TextOptions configures [Text]. The zero value writes plain text for a
// pipe: changes marked [-deleted-]{+inserted+} as git diff
// --word-diff=plain does.
type TextOptions struct {
	Color      bool // ANSI colours instead of markers: for a terminal only
	SideBySide bool // A and B in two columns, Width wide in all
	Width      int  // the terminal's columns; 0 means DefaultWidth, and more than MaxWidth counts as MaxWidth
	Context    int  // unchanged beads to show before and after each changed one
	All        bool // show every bead, unchanged ones too
}

// DefaultWidth is the width of the side-by-side view when the terminal's
// is unknown.
const DefaultWidth = 120

// MaxWidth is the widest side-by-side view: a wider TextOptions.Width is
// taken as MaxWidth, so that a mistyped width cannot pad every line to
// gigabytes.
const MaxWidth = 1000

// ANSI styles of the terminal report.
const (
	styleReset  = "\x1b[0m"
	styleBold   = "\x1b[1m"
	styleDim    = "\x1b[2m"
	styleRed    = "\x1b[31m"
	styleGreen  = "\x1b[32m"
	styleYellow = "\x1b[33m"
	styleCyan   = "\x1b[36m"

	kindColumn   = 12 // width of the kind label before a change
	continuation = "            "
)

// Text writes the terminal report: a summary table, then every bead with
// changes (and, with Context or All, unchanged beads around them): its
// sentence numbers, a word-level inline view (or A and B side by side),
// and each change with its kind, A's and B's wording, severity and flags.
// Input text is made terminal-safe (see terminalSafe) before it is
// written; the layout may change between releases.
func Text(w io.Writer, c *diff.Comparison, opts TextOptions) error {
	if opts.Width <= 0 {
		opts.Width = DefaultWidth
	}
	opts.Width = min(opts.Width, MaxWidth)
	t := &textWriter{w: bufio.NewWriter(w), c: c, opts: opts, moves: findMoveEnds(c)}
	fmt.Fprintf(t.w, "%s\n", t.style(styleBold, fmt.Sprintf("A: %s\nB: %s",
		terminalSafe(docName(c.A, "A")), terminalSafe(docName(c.B, "B")))))
	if note := LanguageNote(c); note != "" {
		fmt.Fprintf(t.w, "%s\n", t.style(styleBold, note))
	}
	if err := t.summary(); err != nil {
		return err
	}
	shown := beadsToShow(c, opts.Context, opts.All)
	for bi, b := range c.Beads {
		if !shown[bi] {
			if bi > 0 && shown[bi-1] && opts.Context > 0 && !opts.All {
				fmt.Fprintf(t.w, "\n%s\n", t.style(styleDim, "⋯"))
			}
			continue
		}
		t.bead(b)
	}
	return t.w.Flush()
}

// beadsToShow marks the beads with changes and the context around them.
func beadsToShow(c *diff.Comparison, context int, all bool) []bool {
	shown := make([]bool, len(c.Beads))
	for bi, b := range c.Beads {
		if all {
			shown[bi] = true
			continue
		}
		if len(b.Changes) == 0 && len(b.Glossary) == 0 {
			continue
		}
		for k := max(0, bi-context); k <= min(len(c.Beads)-1, bi+context); k++ {
			shown[k] = true
		}
	}
	return shown
}

type textWriter struct {
	w     *bufio.Writer
	c     *diff.Comparison
	opts  TextOptions
	moves moveEnds
}

func (t *textWriter) style(code, s string) string {
	if !t.opts.Color || s == "" {
		return s
	}
	return code + s + styleReset
}

func (t *textWriter) summary() error {
	table := tablewriter.NewTable(t.w,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignRight}}),
	)
	table.Header("summary", "count")
	for _, r := range summaryRows(t.c) {
		if err := table.Append(r[0], r[1]); err != nil {
			return err
		}
	}
	return table.Render()
}

func (t *textWriter) bead(b diff.Bead) {
	title := "── " + beadTitle(b)
	if s := beadSeverity(b); len(b.Changes) > 0 && s > diff.SeverityTrivial {
		title += " · " + s.String()
	}
	unchanged := len(b.Changes) == 0 && len(b.Glossary) == 0
	switch {
	case unchanged && t.c.Languages.Cross:
		title += " · nothing flagged" // across languages, no words are compared
		fmt.Fprintf(t.w, "\n%s\n", t.style(styleDim, title))
	case unchanged:
		title += " · same"
		fmt.Fprintf(t.w, "\n%s\n", t.style(styleDim, title))
	default:
		fmt.Fprintf(t.w, "\n%s\n", t.style(styleCyan, title))
	}
	switch {
	case t.opts.SideBySide:
		t.sideBySide(b)
	case t.c.Languages.Cross && len(b.A) > 0 && len(b.B) > 0:
		// Two languages: an inline view would show one side only.
		fmt.Fprintf(t.w, "  A: %s\n  B: %s\n", multilineSafe(beadText(t.c, b, true)), multilineSafe(beadText(t.c, b, false)))
	default:
		t.inline(b)
	}
	t.changeList(b)
}

// inline writes the bead as B's text with A's words deleted before B's.
func (t *textWriter) inline(b diff.Bead) {
	var line strings.Builder
	for _, p := range inlineParts(t.c, b) {
		line.WriteString(t.mark(p.kind, p.ch.Kind == diff.Trivial, p.text))
	}
	for _, l := range strings.Split(line.String(), "\n") {
		fmt.Fprintf(t.w, "  %s\n", l)
	}
}

// mark shows a piece of text as deleted or inserted: in colour, or between
// [- -] and {+ +}. White space at its ends stays outside the marks.
// Line breaks stay line breaks; other hidden characters are escaped.
func (t *textWriter) mark(kind partKind, trivial bool, text string) string {
	safe := multilineSafe(text)
	if kind == same {
		return safe
	}
	core := strings.TrimSpace(safe)
	if core == "" {
		return safe
	}
	lead := safe[:strings.Index(safe, core)]
	trail := safe[len(lead)+len(core):]
	if t.opts.Color {
		code := styleRed
		if kind == inserted {
			code = styleGreen
		}
		if trivial {
			code = styleDim + code
		}
		return lead + code + core + styleReset + trail
	}
	if kind == deleted {
		return lead + "[-" + core + "-]" + trail
	}
	return lead + "{+" + core + "+}" + trail
}

// multilineSafe is terminalSafe but for line breaks, which it keeps.
func multilineSafe(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = terminalSafe(l)
	}
	return strings.Join(lines, "\n")
}

// changeList writes, below the bead's inline view, the changes that need
// more than it shows: those with flags or of critical severity, with
// their kind, A's and B's wording and why they matter; moves, with where
// their other half stands; glossary departures; and the trivial changes
// in one line.
func (t *textWriter) changeList(b diff.Bead) {
	var trivial, minor []string
	for _, ch := range b.Changes {
		a, bb := terminalSafe(trimmed(ch.A)), terminalSafe(trimmed(ch.B))
		label := t.style(styleYellow, fmt.Sprintf("  %-*s", kindColumn-2, ch.Kind))
		switch {
		case ch.Kind == diff.Trivial:
			trivial = append(trivial, showTrivial(ch.A)+" → "+showTrivial(ch.B))
			continue
		case ch.Kind != diff.Move && ch.Severity <= diff.SeverityMinor && len(ch.Flags) == 0:
			// The inline view shows it; one line says why it is minor.
			minor = append(minor, showTrivial(ch.A)+" → "+showTrivial(ch.B)+" ("+terminalSafe(ch.Reason)+")")
			continue
		case ch.Kind == diff.Move && ch.B == "":
			fmt.Fprintf(t.w, "%s%s  (%s)\n", label, t.style(styleRed, "- "+a), t.moves.note(t.c, ch))
		case ch.Kind == diff.Move:
			fmt.Fprintf(t.w, "%s%s  (%s)\n", label, t.style(styleGreen, "+ "+bb), t.moves.note(t.c, ch))
		case ch.Kind == diff.Insertion:
			fmt.Fprintf(t.w, "%s%s\n", label, t.style(styleGreen, "+ "+bb))
		case ch.Kind == diff.Omission:
			fmt.Fprintf(t.w, "%s%s\n", label, t.style(styleRed, "- "+a))
		default:
			fmt.Fprintf(t.w, "%s%s\n%s%s\n", label, t.style(styleRed, "- "+a), continuation, t.style(styleGreen, "+ "+bb))
		}
		if m := meta(ch); m != "" {
			fmt.Fprintf(t.w, "%s%s\n", continuation, t.style(styleBold, "("+m+")"))
		}
	}
	for _, g := range b.Glossary {
		term, approved, found := glossaryNote(g)
		line := fmt.Sprintf("A has %q: B must use %q", terminalSafe(term), terminalSafe(approved))
		if found != "" {
			line += fmt.Sprintf(", has %q", terminalSafe(found))
		}
		fmt.Fprintf(t.w, "%s%s\n", t.style(styleYellow, fmt.Sprintf("  %-*s", kindColumn-2, "glossary")), t.style(styleBold, line))
	}
	if len(minor) > 0 {
		fmt.Fprintf(t.w, "%s\n", t.style(styleDim, fmt.Sprintf("  %-*s%s", kindColumn-2, diff.SeverityMinor, strings.Join(minor, " · "))))
	}
	if len(trivial) > 0 {
		fmt.Fprintf(t.w, "%s\n", t.style(styleDim, fmt.Sprintf("  %-*s%s", kindColumn-2, diff.Trivial, strings.Join(trivial, " · "))))
	}
}

// showTrivial shows one side of a trivial change, quoted when it is empty
// or has white space at an end, which would otherwise be invisible.
func showTrivial(s string) string {
	s = terminalSafe(s)
	if s == "" || strings.TrimSpace(s) != s {
		return `"` + s + `"`
	}
	return s
}

// sideBySide writes A's text and B's in two columns, each wrapped to half
// the width, A's deletions and B's insertions marked.
func (t *textWriter) sideBySide(b diff.Bead) {
	const gutter = " │ "
	col := max(10, (t.opts.Width-runewidth.StringWidth(gutter)-2)/2)
	left := wrap(t.sideRuns(b, true), col)
	right := wrap(t.sideRuns(b, false), col)
	for i := 0; i < len(left) || i < len(right); i++ {
		var l, r []run
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		fmt.Fprintf(t.w, "  %s%s%s\n", t.renderRuns(l, col), gutter, strings.TrimRight(t.renderRuns(r, 0), " "))
	}
}

// run is a piece of a column with one look.
type run struct {
	text    string
	kind    partKind
	trivial bool
}

// sideRuns returns one side of the bead as runs: the text it has in common
// with the other side, and its own words, marked.
func (t *textWriter) sideRuns(b diff.Bead, sideA bool) []run {
	doc, kind, pos, end := t.c.B, inserted, b.BStart, b.BEnd
	if sideA {
		doc, kind, pos, end = t.c.A, deleted, b.AStart, b.AEnd
	}
	var runs []run
	for _, ch := range b.Changes {
		s, e := ch.BStart, ch.BEnd
		if sideA {
			s, e = ch.AStart, ch.AEnd
		}
		if s == e || s < pos {
			continue
		}
		runs = append(runs, run{text: doc.Text[pos:s]}, run{text: doc.Text[s:e], kind: kind, trivial: ch.Kind == diff.Trivial})
		pos = e
	}
	if pos < end {
		runs = append(runs, run{text: doc.Text[pos:end]})
	}
	if !t.opts.Color { // markers take room: add them before wrapping
		for i, r := range runs {
			if r.kind != same {
				runs[i].text = t.mark(r.kind, r.trivial, r.text)
				runs[i].kind = same
			}
		}
	}
	for i := range runs {
		runs[i].text = terminalSafe(collapseSpace(runs[i].text))
	}
	return runs
}

// collapseSpace turns every run of white space into one space, so that
// a column reads as running text.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// wrap breaks runs into lines of at most width display columns (wide
// Chinese and Japanese characters take two), at spaces where it can: a
// word that runs on from one run into the next ("[-issues-]." ) stays
// whole.
func wrap(runs []run, width int) [][]run {
	// Words: pieces of runs between spaces, each with the space before it.
	var words [][]run
	for _, r := range runs {
		for i, piece := range splitKeepSpace(r.text) {
			p := run{text: piece, kind: r.kind, trivial: r.trivial}
			if len(words) == 0 || i > 0 || strings.HasPrefix(piece, " ") {
				words = append(words, []run{p})
			} else {
				words[len(words)-1] = append(words[len(words)-1], p)
			}
		}
	}
	var lines [][]run
	var line []run
	used := 0
	add := func(r run) {
		if n := len(line); n > 0 && line[n-1].kind == r.kind && line[n-1].trivial == r.trivial {
			line[n-1].text += r.text
		} else {
			line = append(line, r)
		}
		used += runewidth.StringWidth(r.text)
	}
	flush := func() {
		lines = append(lines, line)
		line, used = nil, 0
	}
	for _, word := range words {
		w := 0
		for _, p := range word {
			w += runewidth.StringWidth(p.text)
		}
		if used+w > width && used > 0 {
			flush()
			word[0].text = strings.TrimLeft(word[0].text, " ")
		}
		for _, p := range word {
			for runewidth.StringWidth(p.text) > width-used { // longer than the room left
				head := runewidth.Truncate(p.text, width-used, "")
				if head == "" && used == 0 {
					head = string([]rune(p.text)[:1])
				}
				if head != "" {
					add(run{text: head, kind: p.kind, trivial: p.trivial})
				}
				flush()
				p.text = p.text[len(head):]
			}
			if p.text != "" {
				add(p)
			}
		}
	}
	if len(line) > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// splitKeepSpace splits s before each space, so that words keep the
// space in front of them.
func splitKeepSpace(s string) []string {
	var out []string
	for s != "" {
		i := strings.IndexByte(s[1:], ' ')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i+1])
		s = s[i+1:]
	}
	return out
}

// renderRuns writes a line of runs, padded with spaces to width columns.
func (t *textWriter) renderRuns(runs []run, width int) string {
	var b strings.Builder
	used := 0
	for _, r := range runs {
		used += runewidth.StringWidth(r.text)
		switch {
		case !t.opts.Color || r.kind == same:
			b.WriteString(r.text)
		default:
			code := styleRed
			if r.kind == inserted {
				code = styleGreen
			}
			if r.trivial {
				code = styleDim + code
			}
			b.WriteString(code + r.text + styleReset)
		}
	}
	if used < width {
		b.WriteString(strings.Repeat(" ", width-used))
	}
	return b.String()
}
