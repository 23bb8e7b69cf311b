package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/paradiff/paradiff/diff"
)

// TextOptions configures [Text].
type TextOptions struct {
	Color bool // ANSI colours: for a terminal only
}

// ANSI styles of the terminal report.
const (
	styleReset   = "\x1b[0m"
	styleBold    = "\x1b[1m"
	styleDim     = "\x1b[2m"
	styleRed     = "\x1b[31m"
	styleGreen   = "\x1b[32m"
	styleYellow  = "\x1b[33m"
	styleCyan    = "\x1b[36m"
	kindColumn   = 12 // width of the kind label before a change
	continuation = "            "
)

// Text writes the terminal report: a summary table, then every bead with
// changes, each change with its kind and A's and B's wording. Input text
// is made terminal-safe (see terminalSafe) before it is written.
func Text(w io.Writer, c *diff.Comparison, opts TextOptions) error {
	bw := bufio.NewWriter(w)
	style := func(code, s string) string {
		if !opts.Color || s == "" {
			return s
		}
		return code + s + styleReset
	}
	fmt.Fprintf(bw, "%s\n", style(styleBold, fmt.Sprintf("A: %s\nB: %s",
		terminalSafe(docName(c.A, "A")), terminalSafe(docName(c.B, "B")))))
	table := tablewriter.NewTable(bw,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignRight}}),
	)
	table.Header("summary", "count")
	for _, r := range summaryRows(c) {
		if err := table.Append(r[0], r[1]); err != nil {
			return err
		}
	}
	if err := table.Render(); err != nil {
		return err
	}
	moves := findMoveEnds(c)
	for _, b := range c.Beads {
		if len(b.Changes) == 0 && len(b.Glossary) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n%s\n", style(styleCyan, "── "+beadTitle(b)))
		var trivial []string
		for _, ch := range b.Changes {
			a, bb := terminalSafe(trimmed(ch.A)), terminalSafe(trimmed(ch.B))
			label := fmt.Sprintf("  %-*s", kindColumn-2, ch.Kind)
			switch {
			case ch.Kind == diff.Trivial:
				trivial = append(trivial, showTrivial(ch.A)+" → "+showTrivial(ch.B))
				continue
			case ch.Kind == diff.Move && ch.B == "":
				fmt.Fprintf(bw, "%s%s  (%s)\n", style(styleYellow, label), style(styleRed, "- "+a), moves.note(c, ch))
			case ch.Kind == diff.Move:
				fmt.Fprintf(bw, "%s%s  (%s)\n", style(styleYellow, label), style(styleGreen, "+ "+bb), moves.note(c, ch))
			case ch.Kind == diff.Insertion:
				fmt.Fprintf(bw, "%s%s\n", style(styleYellow, label), style(styleGreen, "+ "+bb))
			case ch.Kind == diff.Omission:
				fmt.Fprintf(bw, "%s%s\n", style(styleYellow, label), style(styleRed, "- "+a))
			default:
				fmt.Fprintf(bw, "%s%s\n%s%s\n", style(styleYellow, label), style(styleRed, "- "+a),
					continuation, style(styleGreen, "+ "+bb))
			}
			if m := meta(ch); m != "" {
				fmt.Fprintf(bw, "%s%s\n", continuation, style(styleBold, "("+m+")"))
			}
		}
		for _, g := range b.Glossary {
			term, approved, found := glossaryNote(g)
			line := fmt.Sprintf("A has %q: B must use %q", terminalSafe(term), terminalSafe(approved))
			if found != "" {
				line += fmt.Sprintf(", has %q", terminalSafe(found))
			}
			fmt.Fprintf(bw, "%s%s\n", style(styleYellow, fmt.Sprintf("  %-*s", kindColumn-2, "glossary")), style(styleBold, line))
		}
		if len(trivial) > 0 {
			fmt.Fprintf(bw, "%s\n", style(styleDim, fmt.Sprintf("  %-*s%s", kindColumn-2, diff.Trivial, strings.Join(trivial, " · "))))
		}
	}
	return bw.Flush()
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
