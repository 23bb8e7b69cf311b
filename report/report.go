// Package report renders a [diff.Comparison] for people and programs:
// a terminal report ([Text]), Markdown for GitHub and GitLab
// ([Markdown]) and JSON ([JSON]), plus the output of the split and align
// commands. Renderers only present what the Comparison holds; none of
// them re-runs alignment or diffing.
//
// JSON is the stable contract (see [JSONVersion]); the layout of the text
// and Markdown reports may change between releases.
package report

import (
	"fmt"
	"strings"

	"github.com/paradiff/paradiff/diff"
)

// sentenceRange names a run of segment indices the way a reader counts
// them, from 1: "12", "12-13", or "-" for none.
func sentenceRange(idx []int) string {
	switch len(idx) {
	case 0:
		return "-"
	case 1:
		return fmt.Sprint(idx[0] + 1)
	}
	return fmt.Sprintf("%d-%d", idx[0]+1, idx[len(idx)-1]+1)
}

// beadTitle names a bead by its sentence numbers: "A 12 · B 13",
// "A 9 (only in A)".
func beadTitle(b diff.Bead) string {
	switch {
	case len(b.B) == 0:
		return "A " + sentenceRange(b.A) + " (only in A)"
	case len(b.A) == 0:
		return "B " + sentenceRange(b.B) + " (only in B)"
	}
	return "A " + sentenceRange(b.A) + " · B " + sentenceRange(b.B)
}

// summaryRows are the rows of every report's summary table.
func summaryRows(c *diff.Comparison) [][2]string {
	s := c.Summary
	rows := [][2]string{
		{"sentences in A", fmt.Sprint(s.SegmentsA)},
		{"sentences in B", fmt.Sprint(s.SegmentsB)},
		{"aligned beads", fmt.Sprint(s.Beads)},
		{"beads with changes", fmt.Sprint(s.Changed)},
	}
	for _, k := range diff.Kinds {
		rows = append(rows, [2]string{k.String(), fmt.Sprint(s.Count(k))})
	}
	for _, v := range diff.Severities[:3] {
		rows = append(rows, [2]string{v.String(), fmt.Sprint(s.CountSeverity(v))})
	}
	if s.Glossary > 0 {
		rows = append(rows, [2]string{"glossary departures", fmt.Sprint(s.Glossary)})
	}
	return append(rows, metricRows(c.Metrics)...)
}

// metricRows are the summary rows of the metrics, as sacreBLEU rounds
// them: "BLEU 43.21", "chrF2 60.12", "TER 40.00"; none without metrics.
func metricRows(m *diff.Metrics) [][2]string {
	if m == nil {
		return nil
	}
	var rows [][2]string
	if m.BLEU != nil {
		rows = append(rows, [2]string{"BLEU", fmt.Sprintf("%.2f", m.BLEU.Score)})
	}
	if m.CHRF != nil {
		rows = append(rows, [2]string{m.CHRF.Name, fmt.Sprintf("%.2f", m.CHRF.Score)})
	}
	if m.TER != nil {
		rows = append(rows, [2]string{"TER", fmt.Sprintf("%.2f", m.TER.Score)})
	}
	return rows
}

// moveEnds maps each move number to the beads where its two halves stand,
// so that each half can name the other's place.
type moveEnds map[int][2]int // move number: bead it leaves A from, bead it arrives in

func findMoveEnds(c *diff.Comparison) moveEnds {
	m := moveEnds{}
	for bi, b := range c.Beads {
		for _, ch := range b.Changes {
			if ch.Kind != diff.Move {
				continue
			}
			e := m[ch.Move]
			if ch.B == "" {
				e[0] = bi
			} else {
				e[1] = bi
			}
			m[ch.Move] = e
		}
	}
	return m
}

// moveNote says where the other half of a move stands: "to B 45",
// "from A 44".
func (m moveEnds) note(c *diff.Comparison, ch diff.Change) string {
	e := m[ch.Move]
	if ch.B == "" {
		return "moved to B " + sentenceRange(c.Beads[e[1]].B)
	}
	return "moved from A " + sentenceRange(c.Beads[e[0]].A)
}

// meta says why a change matters: its severity and flags, as
// "critical: number, name"; empty for trivial and minor changes without
// flags.
func meta(ch diff.Change) string {
	if ch.Kind == diff.Trivial {
		return ""
	}
	m := ch.Severity.String()
	if len(ch.Flags) > 0 {
		m += ": " + flagList(ch.Flags)
	}
	if ch.Reason != "" {
		m += " — " + ch.Reason
	}
	return m
}

func flagList(flags []diff.Flag) string {
	names := make([]string, len(flags))
	for i, f := range flags {
		names[i] = f.String()
	}
	return strings.Join(names, ", ")
}

// glossaryNote describes a glossary departure in words.
func glossaryNote(m diff.GlossaryMiss) (term, approved, found string) {
	return m.Term.A, m.Term.B, m.Found
}

// docName is a document's name for a report, "-" for standard input.
// LanguageNote says, for a comparison of two languages, that its words
// were not diffed, why, and what overrides it; "" for one language. Every
// report shows it at its top, so that no reader takes "no changes" for
// "the same words".
func LanguageNote(c *diff.Comparison) string {
	d := c.Languages.Describe()
	if d == "" {
		return ""
	}
	if !c.Languages.Given {
		d += "; --lang-a and --lang-b set the languages (name one language for both to diff the words)"
	}
	return "Note: " + d + "."
}

func docName(d diff.Document, fallback string) string {
	if d.Name == "" {
		return fallback
	}
	return d.Name
}

// trimmed returns s without white space at either end; a change's text
// keeps the spaces it replaced, a reader does not need them.
func trimmed(s string) string { return strings.TrimSpace(s) }
