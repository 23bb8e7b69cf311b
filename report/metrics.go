package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/paradiff/paradiff/diff"
)

// The metrics' JSON: the output of `paradiff score -f json` and the
// "metrics" object of a report's summary. Scores are unrounded; the
// signature is sacreBLEU's.
type (
	jsonMetrics struct {
		BLEU     *jsonBLEU  `json:"bleu,omitempty"`
		CHRF     *jsonScore `json:"chrf,omitempty"`
		TER      *jsonTER   `json:"ter,omitempty"`
		Lang     string     `json:"lang"`
		Detected bool       `json:"lang_detected"`
		Segments int        `json:"segments"`
	}
	jsonScore struct {
		Name      string  `json:"name"`
		Score     float64 `json:"score"`
		Signature string  `json:"signature"`
	}
	jsonBLEU struct {
		jsonScore
		Verbose    string    `json:"verbose_score"`
		Counts     []int     `json:"counts"`
		Totals     []int     `json:"totals"`
		Precisions []float64 `json:"precisions"`
		BP         float64   `json:"bp"`
		SysLen     int       `json:"sys_len"`
		RefLen     int       `json:"ref_len"`
	}
	jsonTER struct {
		jsonScore
		NumEdits  int     `json:"num_edits"`
		RefLength float64 `json:"ref_length"`
	}
)

func metricsJSON(m *diff.Metrics) *jsonMetrics {
	if m == nil {
		return nil
	}
	j := &jsonMetrics{Lang: m.Lang, Detected: m.Detected, Segments: m.Segments}
	if b := m.BLEU; b != nil {
		j.BLEU = &jsonBLEU{
			jsonScore: jsonScore{"BLEU", b.Score, b.Signature},
			Verbose:   bleuVerbose(m),
			Counts:    nonNil(b.Counts), Totals: nonNil(b.Totals), Precisions: nonNil(b.Precisions),
			BP: b.BP, SysLen: b.SysLen, RefLen: b.RefLen,
		}
	}
	if c := m.CHRF; c != nil {
		j.CHRF = &jsonScore{c.Name, c.Score, c.Signature}
	}
	if t := m.TER; t != nil {
		j.TER = &jsonTER{jsonScore{"TER", t.Score, t.Signature}, t.NumEdits, t.RefLength}
	}
	return j
}

// bleuVerbose is BLEU as sacreBLEU prints it after the signature:
// "48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)".
func bleuVerbose(m *diff.Metrics) string {
	return strings.TrimPrefix(m.BLEU.String(), "BLEU = ")
}

// ScoresJSON writes the output of `paradiff score -f json`:
// {"bleu": {"score", "signature", ...}, "chrf": {...}, "ter": {...}},
// a metric left out when it was not computed.
func ScoresJSON(w io.Writer, m *diff.Metrics) error {
	return writeJSON(w, metricsJSON(m))
}

// ScoresText writes the output of `paradiff score`: one line a metric,
// as sacreBLEU's text format has it, the name and signature, " = ", and
// the score with two decimals (BLEU with its n-gram precisions and
// brevity penalty):
//
//	BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 48.53 82.4/50.0/45.5/37.5 (BP = ...)
//	chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0 = 56.76
//	TER|nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0 = 20.00
func ScoresText(w io.Writer, m *diff.Metrics) error {
	bw := bufio.NewWriter(w)
	if m.BLEU != nil {
		fmt.Fprintf(bw, "BLEU|%s = %s\n", m.BLEU.Signature, bleuVerbose(m))
	}
	if m.CHRF != nil {
		fmt.Fprintf(bw, "%s|%s = %.2f\n", m.CHRF.Name, m.CHRF.Signature, m.CHRF.Score)
	}
	if m.TER != nil {
		fmt.Fprintf(bw, "TER|%s = %.2f\n", m.TER.Signature, m.TER.Score)
	}
	return bw.Flush()
}
