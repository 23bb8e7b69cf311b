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

// Files is what the directory reports render: the comparison of two
// directories and how gates judged it.
type Files struct {
	*diff.Dirs
	// FileFailures[i] says why Files[i] fails the run (tripped gates);
	// empty if it passes. Nil when nothing was judged.
	FileFailures [][]string
	Failures     []string // gates tripped by the whole
	Gated        bool     // gates decide the exit status: a file passes or fails
}

// failuresOf returns why file i fails the run.
func (fs *Files) failuresOf(i int) []string {
	if i < len(fs.FileFailures) {
		return fs.FileFailures[i]
	}
	return nil
}

// status says in a word how a file came out: "only in A", "only in B",
// "error", "FAIL" or "pass" when gates decide, else "differs" or "same".
func (fs *Files) status(i int) string {
	f := fs.Files[i]
	switch {
	case f.Error != "":
		return "error"
	case f.OnlyIn == "a":
		return "only in A"
	case f.OnlyIn == "b":
		return "only in B"
	case fs.Gated && len(fs.failuresOf(i)) > 0:
		return "FAIL"
	case fs.Gated:
		return "pass"
	}
	status := "same"
	if f.Comparison.Summary.Differs() {
		status = "differs"
	}
	if f.Comparison.Languages.Cross {
		status += " (2 languages)"
	}
	return status
}

// crossNote says which pairs were compared as two languages, their words
// not diffed, for the top of a directory report; "" when none was.
func (fs *Files) crossNote() string {
	var paths []string
	for _, f := range fs.Files {
		if f.Comparison != nil && f.Comparison.Languages.Cross {
			paths = append(paths, f.Path)
		}
	}
	if len(paths) == 0 {
		return ""
	}
	const most = 10
	list := strings.Join(paths[:min(len(paths), most)], ", ")
	if len(paths) > most {
		list += fmt.Sprintf(" and %d more", len(paths)-most)
	}
	return fmt.Sprintf("Note: %d pair%s compared as two languages, their words not diffed (--lang-a and --lang-b set the languages): %s.", len(paths), plural(len(paths)), list)
}

// fileRow is a file's row in the text and Markdown tables: path, sentences
// in A and B, changes, critical, major, minor, trivial, BLEU, chrF, TER,
// status. Cells of a file on one side only are "-".
func (fs *Files) fileRow(i int) []string {
	f := fs.Files[i]
	row := []string{f.Path}
	if f.Comparison == nil {
		row = append(row, "-", "-", "-", "-", "-", "-", "-", "-", "-", "-")
	} else {
		row = append(row, countCells(f.Comparison.Summary)...)
		row = append(row, scoreCells(f.Comparison.Metrics)...)
	}
	return append(row, fs.status(i))
}

func (fs *Files) totalRow() []string {
	row := []string{fmt.Sprintf("all %d files", len(fs.Files))}
	row = append(row, countCells(fs.Summary)...)
	row = append(row, scoreCells(fs.Metrics)...)
	status := ""
	switch {
	case fs.Gated && (len(fs.Failures) > 0 || fs.failing()):
		status = "FAIL"
	case fs.Gated:
		status = "pass"
	}
	return append(row, status)
}

func (fs *Files) failing() bool {
	for _, f := range fs.FileFailures {
		if len(f) > 0 {
			return true
		}
	}
	return false
}

func countCells(s diff.Summary) []string {
	return []string{
		fmt.Sprint(s.SegmentsA), fmt.Sprint(s.SegmentsB), fmt.Sprint(s.Differences()),
		fmt.Sprint(s.CountSeverity(diff.SeverityCritical)), fmt.Sprint(s.CountSeverity(diff.SeverityMajor)),
		fmt.Sprint(s.CountSeverity(diff.SeverityMinor)), fmt.Sprint(s.Count(diff.Trivial)),
	}
}

func scoreCells(m *diff.Metrics) []string {
	cells := []string{"-", "-", "-"}
	if m == nil {
		return cells
	}
	if m.BLEU != nil {
		cells[0] = fmt.Sprintf("%.2f", m.BLEU.Score)
	}
	if m.CHRF != nil {
		cells[1] = fmt.Sprintf("%.2f", m.CHRF.Score)
	}
	if m.TER != nil {
		cells[2] = fmt.Sprintf("%.2f", m.TER.Score)
	}
	return cells
}

func (fs *Files) header() []string {
	chrf := "chrF"
	if fs.Metrics != nil && fs.Metrics.CHRF != nil {
		chrf = fs.Metrics.CHRF.Name
	}
	return []string{"file", "sentences A", "sentences B", "changes", "critical", "major", "minor", "trivial", "BLEU", chrf, "TER", "status"}
}

// FilesText writes the summary of a directory comparison for a terminal:
// a table with a row per file and a row of totals (sentences and change
// counts summed, scores computed over all the files' sentences at once),
// then the signatures of the scores. Paths are made terminal-safe; the
// layout may change between releases.
func FilesText(w io.Writer, fs *Files) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "A: %s\nB: %s\n", terminalSafe(fs.A), terminalSafe(fs.B))
	if note := fs.crossNote(); note != "" {
		fmt.Fprintln(bw, terminalSafe(note))
	}
	align := []tw.Align{tw.AlignLeft}
	for range 10 {
		align = append(align, tw.AlignRight)
	}
	table := tablewriter.NewTable(bw,
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: append(align, tw.AlignLeft)}),
		tablewriter.WithFooterAlignmentConfig(tw.CellAlignment{PerColumn: append(align, tw.AlignLeft)}),
	)
	table.Header(anySlice(fs.header())...)
	for i := range fs.Files {
		row := fs.fileRow(i)
		row[0] = terminalSafe(row[0])
		if err := table.Append(anySlice(row)...); err != nil {
			return err
		}
	}
	table.Footer(anySlice(fs.totalRow())...)
	if err := table.Render(); err != nil {
		return err
	}
	for _, f := range fs.Files {
		if f.Error != "" {
			fmt.Fprintf(bw, "error: %s\n", terminalSafe(f.Error))
		}
	}
	for _, sk := range fs.Skipped {
		fmt.Fprintf(bw, "skipped: %s %s (%s)\n", strings.ToUpper(sk.Side), terminalSafe(sk.Path), sk.Reason)
	}
	writeSignatures(bw, fs.Metrics, "")
	return bw.Flush()
}

// writeSignatures writes the signature of each score, one a line.
func writeSignatures(w io.Writer, m *diff.Metrics, prefix string) {
	if m == nil {
		return
	}
	if m.BLEU != nil {
		fmt.Fprintf(w, "%sBLEU|%s\n", prefix, m.BLEU.Signature)
	}
	if m.CHRF != nil {
		fmt.Fprintf(w, "%s%s|%s\n", prefix, m.CHRF.Name, m.CHRF.Signature)
	}
	if m.TER != nil {
		fmt.Fprintf(w, "%sTER|%s\n", prefix, m.TER.Signature)
	}
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// FilesMarkdown writes the summary of a directory comparison as a
// Markdown table with a row per file and a row of totals, and the
// signatures of the scores.
func FilesMarkdown(w io.Writer, fs *Files) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# paradiff: %s → %s\n\n", mdInline(fs.A), mdInline(fs.B))
	if note := fs.crossNote(); note != "" {
		fmt.Fprintf(bw, "> %s\n\n", mdText(note))
	}
	h := fs.header()
	fmt.Fprintf(bw, "|")
	for _, c := range h {
		fmt.Fprintf(bw, " %s |", c)
	}
	fmt.Fprintf(bw, "\n|---|")
	for range h[1 : len(h)-1] {
		fmt.Fprintf(bw, "---:|")
	}
	fmt.Fprintf(bw, "---|\n")
	rows := make([][]string, 0, len(fs.Files)+1)
	for i := range fs.Files {
		rows = append(rows, fs.fileRow(i))
	}
	total := fs.totalRow()
	total[0] = "**" + total[0] + "**"
	for i, row := range append(rows, total) {
		if i < len(fs.Files) {
			// A | ends a table cell even inside a code span unless
			// escaped; GitHub shows \| there as |.
			row[0] = strings.ReplaceAll(mdCode(row[0]), "|", `\|`)
		}
		fmt.Fprintf(bw, "|")
		for _, c := range row {
			fmt.Fprintf(bw, " %s |", c)
		}
		fmt.Fprintf(bw, "\n")
	}
	if n := fs.Errors(); n > 0 {
		fmt.Fprintf(bw, "\n%d file%s could not be compared:\n\n", n, plural(n))
		for _, f := range fs.Files {
			if f.Error != "" {
				fmt.Fprintf(bw, "- %s\n", mdInline(f.Error))
			}
		}
	}
	if len(fs.Skipped) > 0 {
		what := "entries"
		if len(fs.Skipped) == 1 {
			what = "entry"
		}
		fmt.Fprintf(bw, "\n%d %s not compared:\n\n", len(fs.Skipped), what)
		for _, sk := range fs.Skipped {
			fmt.Fprintf(bw, "- %s %s: %s\n", strings.ToUpper(sk.Side), mdCode(sk.Path), sk.Reason)
		}
	}
	if fs.Metrics != nil {
		fmt.Fprintf(bw, "\n")
		writeSignatures(bw, fs.Metrics, "    ")
	}
	return bw.Flush()
}

// The directory report's JSON. Each file has its summary and its changes
// in document order (both halves of a move), enough to serve as a
// baseline; a file on one side only has "only_in" "a" or "b" and a null
// summary.
type (
	jsonFiles struct {
		Version  int             `json:"version"`
		A        string          `json:"a"`
		B        string          `json:"b"`
		Files    []jsonFile      `json:"files"`
		Summary  jsonFileSummary `json:"summary"`
		Failures []string        `json:"failures"`
		Skipped  []jsonSkipped   `json:"skipped"`
	}
	jsonSkipped struct {
		Side   string `json:"side"`
		Path   string `json:"path"`
		Reason string `json:"reason"`
	}
	jsonFile struct {
		Path      string         `json:"path"`
		OnlyIn    *string        `json:"only_in"`
		Error     string         `json:"error,omitempty"`
		Summary   *jsonSummary   `json:"summary"`
		Cross     bool           `json:"cross_language"`
		Languages *jsonLanguages `json:"languages"`
		Changes   []jsonChange   `json:"changes"`
		Glossary  []jsonGlossary `json:"glossary,omitempty"`
		Failures  []string       `json:"failures"`
	}
	jsonFileSummary struct {
		Files    int `json:"files"`
		Compared int `json:"compared"`
		OnlyInA  int `json:"only_in_a"`
		OnlyInB  int `json:"only_in_b"`
		Errors   int `json:"errors"`
		jsonSummary
	}
)

// FilesJSON writes the directory report as JSON: {"version": 1, "a", "b",
// "files": [{"path", "only_in", "error" (only when the pair could not be
// compared), "summary", "changes", "failures"}, ...], "summary": {"files",
// "compared", "only_in_a", "only_in_b", "errors", and the keys
// of a report's summary, "metrics" over all compared files},
// "failures"}.
func FilesJSON(w io.Writer, fs *Files) error {
	r := jsonFiles{
		Version: JSONVersion, A: fs.A, B: fs.B,
		Files: make([]jsonFile, 0, len(fs.Files)), Failures: nonNil(fs.Failures),
		Skipped: make([]jsonSkipped, 0, len(fs.Skipped)),
	}
	for _, sk := range fs.Skipped {
		r.Skipped = append(r.Skipped, jsonSkipped(sk))
	}
	for i, f := range fs.Files {
		jf := jsonFile{Path: f.Path, Error: f.Error, Changes: []jsonChange{}, Failures: nonNil(fs.failuresOf(i))}
		if f.OnlyIn != "" {
			side := f.OnlyIn
			jf.OnlyIn = &side
		}
		if c := f.Comparison; c != nil {
			s := summaryJSON(c.Summary, c.Metrics)
			jf.Summary = &s
			langs := languagesJSON(c.Languages)
			jf.Cross, jf.Languages = c.Languages.Cross, &langs
			for _, b := range c.Beads {
				for _, ch := range b.Changes {
					jf.Changes = append(jf.Changes, changeJSON(ch))
				}
				for _, g := range b.Glossary {
					jf.Glossary = append(jf.Glossary, glossaryJSON(g))
				}
			}
		}
		r.Files = append(r.Files, jf)
	}
	r.Summary = jsonFileSummary{
		Files: len(fs.Files), Compared: len(fs.Files) - fs.OnlyIn("a") - fs.OnlyIn("b") - fs.Errors(),
		OnlyInA: fs.OnlyIn("a"), OnlyInB: fs.OnlyIn("b"), Errors: fs.Errors(),
		jsonSummary: summaryJSON(fs.Summary, fs.Metrics),
	}
	return writeJSON(w, r)
}
