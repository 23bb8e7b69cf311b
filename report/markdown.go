package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paradiff/paradiff/diff"
)

// Markdown writes a report that renders on GitHub and GitLab: a summary
// table, then every bead with changes, the most severe first (document
// order within a severity), each with A's sentence, B's sentence, the two
// merged into one inline view (A's words ~~struck~~, B's in **bold**) and
// the list of its changes. All input text is escaped, so that nothing in
// it is taken as Markdown or HTML.
func Markdown(w io.Writer, c *diff.Comparison) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# paradiff: %s → %s\n\n", mdInline(docName(c.A, "A")), mdInline(docName(c.B, "B")))
	fmt.Fprintf(bw, "A is %s, the reference; B is %s, the version under review.\n\n",
		mdCode(docName(c.A, "A")), mdCode(docName(c.B, "B")))
	if note := LanguageNote(c); note != "" {
		fmt.Fprintf(bw, "> %s\n\n", mdText(note))
	}
	fmt.Fprintf(bw, "| summary | count |\n|---|---:|\n")
	for _, r := range summaryRows(c) {
		fmt.Fprintf(bw, "| %s | %s |\n", r[0], r[1])
	}
	if !c.Summary.Differs() {
		same := "The two versions are the same."
		if c.Languages.Cross {
			same = "No sentence, number or name differs between the two versions."
		}
		fmt.Fprintf(bw, "\n%s\n", same)
		return bw.Flush()
	}
	fmt.Fprintf(bw, "\n## Changes, most severe first\n")
	var order []int
	for bi, b := range c.Beads {
		if len(b.Changes) > 0 || len(b.Glossary) > 0 {
			order = append(order, bi)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int {
		return int(beadSeverity(c.Beads[y])) - int(beadSeverity(c.Beads[x]))
	})
	moves := findMoveEnds(c)
	for _, bi := range order {
		b := c.Beads[bi]
		fmt.Fprintf(bw, "\n### %s — %s\n\n", beadTitle(b), beadSeverity(b))
		if len(b.A) > 0 {
			fmt.Fprintf(bw, "**A:** %s\\\n", mdText(beadText(c, b, true)))
		}
		if len(b.B) > 0 {
			fmt.Fprintf(bw, "**B:** %s\\\n", mdText(beadText(c, b, false)))
		}
		if len(b.Changes) > 0 {
			fmt.Fprintf(bw, "**Diff:** ")
			writeInline(bw, c, b)
		}
		fmt.Fprintf(bw, "\n\n")
		for _, ch := range b.Changes {
			line := fmt.Sprintf("- %s: %s", ch.Kind, mdChange(ch))
			if ch.Kind == diff.Move {
				line += " (" + moves.note(c, ch) + ")"
			}
			if m := meta(ch); m != "" {
				line += " — *" + m + "*"
			}
			fmt.Fprintln(bw, line)
		}
		for _, g := range b.Glossary {
			term, approved, found := glossaryNote(g)
			line := fmt.Sprintf("- glossary: A has %s; B must use %s", mdCode(term), mdCode(approved))
			if found != "" {
				line += ", has " + mdCode(found)
			}
			fmt.Fprintln(bw, line+" — *critical*")
		}
	}
	return bw.Flush()
}

// writeInline writes the bead as one paragraph: B's text, with each
// change shown as A's words struck through followed by B's in bold.
func writeInline(w io.Writer, c *diff.Comparison, b diff.Bead) {
	var out strings.Builder
	for _, p := range inlineParts(c, b) {
		switch p.kind {
		case deleted:
			out.WriteString(emphasis(c.B.Text, p.ch.BStart, p.text, "~~", "<del>", "</del>"))
		case inserted:
			out.WriteString(emphasis(c.B.Text, p.ch.BStart, p.text, "**", "<b>", "</b>"))
		default:
			out.WriteString(mdText(p.text))
		}
	}
	io.WriteString(w, mdLineStart(out.String()))
}

// mdChange is one change in the list under a bead. Trivial changes are
// shown as code, where white space and punctuation stay visible.
func mdChange(ch diff.Change) string {
	if ch.Kind == diff.Trivial {
		return mdVerbatim(ch.A) + " → " + mdVerbatim(ch.B)
	}
	a, b := trimmed(ch.A), trimmed(ch.B)
	switch {
	case a == "":
		return "**" + mdInline(b) + "**"
	case b == "":
		return "~~" + mdInline(a) + "~~"
	}
	return "~~" + mdInline(a) + "~~ → **" + mdInline(b) + "**"
}

// emphasis wraps text in the Markdown delimiter md when CommonMark would
// read it as emphasis there, and in the HTML tags open and close
// otherwise (next to a letter, "~~" before punctuation does not open a
// strike-through). White space at either end stays outside the markers,
// where it does not stop them from working. at is where the text stands in
// doc, to see what is around it.
func emphasis(doc string, at int, text, md, open, close string) string {
	if text == "" {
		return ""
	}
	core := strings.TrimSpace(text)
	if core == "" {
		return mdText(text)
	}
	lead := text[:strings.Index(text, core)]
	trail := text[len(lead)+len(core):]
	before, _ := utf8.DecodeLastRuneInString(doc[:at])
	esc := mdInline(core) // the delimiters stand next to its escapes: \x1b starts with punctuation
	first, _ := utf8.DecodeRuneInString(esc)
	last, _ := utf8.DecodeLastRuneInString(esc)
	if lead != "" {
		before = ' '
	}
	safe := !(isPunct(first) && !(before == utf8.RuneError || unicode.IsSpace(before) || isPunct(before))) &&
		!(isPunct(last) && trail == "")
	if safe {
		return mdText(lead) + md + esc + md + mdText(trail)
	}
	return mdText(lead) + open + esc + close + mdText(trail)
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }

// mdText escapes text for a Markdown paragraph (see mdInline).
func mdText(s string) string { return mdInline(s) }

// mdInline escapes every character that Markdown, GitHub's extensions or
// HTML could read as markup: \ ` * _ [ ] | ~ $ get a backslash, & < >
// become entities, and a line break, which a paragraph, a table cell or a
// heading cannot hold, becomes <br>. Control and bidi characters are
// shown as escapes, as in the terminal report. # gets a backslash too: at
// the end of a heading it would close the heading and vanish. Characters
// that only mean something at the start of a line (- + 1.) are left to
// mdLineStart.
func mdInline(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\r':
		case '\n':
			b.WriteString("<br>")
		case '\\':
			// Shown as \\, as the escapes of hidden characters are \x1b.
			b.WriteString(`\\\\`)
		case '`', '*', '_', '[', ']', '|', '~', '$', '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			if isHidden(r) {
				b.WriteString(hiddenEscape(r)) // a backslash before a letter is literal
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdLineStart escapes what would open a block at the start of a line that
// mdInline has escaped: a heading, a list item, a block quote or an
// indented code block.
func mdLineStart(s string) string {
	t := strings.TrimLeft(s, " \t")
	if t != s {
		s = "&#32;" + t // leading spaces would make a code block
	}
	switch {
	case strings.HasPrefix(s, "#"), strings.HasPrefix(s, "-"), strings.HasPrefix(s, "+"), strings.HasPrefix(s, "="):
		return "\\" + s
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + "\\" + s[i:]
	}
	return s
}

// mdVerbatim shows s exactly, as inline code with line breaks and other
// control characters escaped (\n), or as "(nothing)" when it is empty.
func mdVerbatim(s string) string {
	if s == "" {
		return "(nothing)"
	}
	return mdCode(s)
}

// mdCode writes s as inline code, with a fence longer than any run of
// backticks inside it; line breaks, control and bidi characters are shown
// as escapes (\n, \x1b, \u202e), which a code span shows as they are.
func mdCode(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	s = terminalSafe(s) // no line breaks, control or bidi characters as they are
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
