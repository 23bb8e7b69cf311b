package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/paradiff/paradiff/diff"
)

// The JUnit XML schema as CI systems read it (Jenkins, GitLab, GitHub
// test reporters): testsuites > testsuite > testcase, with a failure
// element for a failing case.
type (
	junitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []junitSuite `xml:"testsuite"`
	}
	junitSuite struct {
		Name       string          `xml:"name,attr"`
		Tests      int             `xml:"tests,attr"`
		Failures   int             `xml:"failures,attr"`
		Errors     int             `xml:"errors,attr"`
		Skipped    int             `xml:"skipped,attr"`
		Properties []junitProperty `xml:"properties>property,omitempty"`
		Cases      []junitCase     `xml:"testcase"`
		SystemOut  string          `xml:"system-out,omitempty"`
	}
	junitProperty struct {
		Name  string `xml:"name,attr"`
		Value string `xml:"value,attr"`
	}
	junitCase struct {
		Name      string        `xml:"name,attr"`
		Classname string        `xml:"classname,attr"`
		Failure   *junitFailure `xml:"failure,omitempty"`
		Error     *junitFailure `xml:"error,omitempty"`
		SystemOut string        `xml:"system-out,omitempty"`
	}
	junitFailure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// JUnit writes a JUnit XML report with one test suite, "paradiff", and a
// test case per document: per file pair (or file on one side only) for
// directories, one for two files. A case fails when its File has
// Failures, each a line of the failure's text, followed by the
// document's changes, most severe first. The suite's properties hold the
// scores and their signatures; its system-out, the failures of the whole
// (fs.Failures). Text is escaped by encoding/xml, which writes characters
// XML cannot hold as U+FFFD.
func JUnit(w io.Writer, fs *Files) error {
	suite := junitSuite{Name: "paradiff", Tests: len(fs.Files), Cases: make([]junitCase, 0, len(fs.Files))}
	for i, f := range fs.Files {
		name := f.Path
		if name == "" {
			name = "B"
		}
		jc := junitCase{Name: name, Classname: "paradiff"}
		if f.Error != "" {
			suite.Errors++
			jc.Error = &junitFailure{Message: f.Error, Type: "paradiff"}
		}
		if c := f.Comparison; c != nil {
			jc.SystemOut = SummaryLine(c.Summary, c.Metrics) + "\n"
			if note := LanguageNote(c); note != "" {
				jc.SystemOut = note + "\n" + jc.SystemOut
			}
		}
		if failures := fs.failuresOf(i); len(failures) > 0 {
			suite.Failures++
			msg := failures[0]
			if len(failures) > 1 {
				msg = fmt.Sprintf("%s (and %d more)", msg, len(failures)-1)
			}
			var text strings.Builder
			for _, line := range failures {
				text.WriteString(line + "\n")
			}
			if c := f.Comparison; c != nil {
				writeChangeLines(&text, c)
			}
			jc.Failure = &junitFailure{Message: msg, Type: "paradiff", Text: text.String()}
		}
		suite.Cases = append(suite.Cases, jc)
	}
	if m := fs.Metrics; m != nil {
		if m.BLEU != nil {
			suite.Properties = append(suite.Properties, junitProperty{"BLEU", fmt.Sprintf("%.2f", m.BLEU.Score)}, junitProperty{"BLEU signature", m.BLEU.Signature})
		}
		if m.CHRF != nil {
			suite.Properties = append(suite.Properties, junitProperty{m.CHRF.Name, fmt.Sprintf("%.2f", m.CHRF.Score)}, junitProperty{m.CHRF.Name + " signature", m.CHRF.Signature})
		}
		if m.TER != nil {
			suite.Properties = append(suite.Properties, junitProperty{"TER", fmt.Sprintf("%.2f", m.TER.Score)}, junitProperty{"TER signature", m.TER.Signature})
		}
	}
	if len(fs.Failures) > 0 {
		suite.SystemOut = strings.Join(fs.Failures, "\n") + "\n"
	}
	root := junitSuites{Name: "paradiff", Tests: suite.Tests, Failures: suite.Failures, Errors: suite.Errors, Suites: []junitSuite{suite}}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(root); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// writeChangeLines lists a comparison's changes, most severe first, one
// a line: `B 3:14 omission (critical: number): B omits “in 2025”`.
func writeChangeLines(w io.Writer, c *diff.Comparison) {
	lines := newLineIndex(c.B.Text)
	moves := findMoveEnds(c)
	for _, ref := range c.Ranked() {
		ch := c.Beads[ref.Bead].Changes[ref.Change]
		line, col := lines.position(ch.BStart)
		label := ch.Kind.String()
		if m := meta(ch); m != "" {
			label += " (" + m + ")"
		}
		fmt.Fprintf(w, "B %d:%d %s: %s\n", line, col, label, changeMessage(c, moves, ch))
	}
}
