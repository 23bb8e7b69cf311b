package report

import (
	"bufio"
	"io"
	"strconv"
	"strings"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/diff"
)

// AlignmentTSV writes one line per bead: A's segment indices, B's (0-based,
// comma-separated, empty for none), A's text and B's text. Tabs, line
// breaks and backslashes inside the text are written as \t, \n, \\, and
// other control characters as escapes such as \x1b.
func AlignmentTSV(w io.Writer, a, b []align.Segment, beads []align.Bead) error {
	bw := bufio.NewWriter(w)
	for _, bd := range beads {
		bw.WriteString(indexList(bd.A) + "\t" + indexList(bd.B) + "\t" +
			oneLine(joinRun(a, bd.A)) + "\t" + oneLine(joinRun(b, bd.B)) + "\n")
	}
	return bw.Flush()
}

func indexList(idx []int) string {
	parts := make([]string, len(idx))
	for i, n := range idx {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

// joinRun joins the texts of a run of segments with one space.
func joinRun(segs []align.Segment, idx []int) string {
	parts := make([]string, len(idx))
	for i, n := range idx {
		parts[i] = segs[n].Text
	}
	return strings.Join(parts, " ")
}

// oneLine escapes a text so that it takes one line and one TSV field, and
// cannot drive a terminal it is printed on: terminalSafe's escapes (\\,
// \n, \r, \x1b...) and \t for a tab.
func oneLine(s string) string { return strings.ReplaceAll(terminalSafe(s), "\t", `\t`) }

// TSV writes the comparison's alignment as aligned text for translators,
// one line per bead, in the format of [AlignmentTSV]: A's segment indices,
// B's (0-based, comma-separated, empty for none), A's text and B's text,
// the segments of a bead joined by one space and escaped to one line.
// A spreadsheet or a CAT tool's bilingual import reads it as is.
func TSV(w io.Writer, c *diff.Comparison) error {
	beads := make([]align.Bead, len(c.Beads))
	for i, b := range c.Beads {
		beads[i] = b.Bead
	}
	return AlignmentTSV(w, c.A.Segments, c.B.Segments, beads)
}
