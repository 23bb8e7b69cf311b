package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"math"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/diff"
)

type junitParsed struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Suites   []struct {
		Name       string `xml:"name,attr"`
		Tests      int    `xml:"tests,attr"`
		Failures   int    `xml:"failures,attr"`
		Properties []struct {
			Name  string `xml:"name,attr"`
			Value string `xml:"value,attr"`
		} `xml:"properties>property"`
		Cases []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			SystemOut string `xml:"system-out"`
		} `xml:"testcase"`
		SystemOut string `xml:"system-out"`
	} `xml:"testsuite"`
}

func filesFixture() *Files {
	same := diff.Compare(diff.Document{Name: "a/same.txt", Text: "The talks began."}, diff.Document{Name: "b/same.txt", Text: "The talks began."}, diff.Options{Metrics: true})
	hostile := "The talks began at 10:00 <b>&amp;</b> ]]> \x1b[31m\x00."
	changed := diff.Compare(diff.Document{Name: "a/x|y.txt", Text: "The talks began at 9:00."}, diff.Document{Name: "b/x|y.txt", Text: hostile}, diff.Options{Metrics: true})
	fs := &Files{
		Dirs: &diff.Dirs{A: "a", B: "b", Files: []diff.DirFile{
			{Path: "gone.txt", OnlyIn: "a"},
			{Path: "same.txt", Comparison: same},
			{Path: "x|y.txt", Comparison: changed},
		}},
		FileFailures: [][]string{
			{"gone.txt: only in A"},
			nil,
			{"gate --fail-on critical: x|y.txt: 1 change", "gate --min-bleu 90: x|y.txt: BLEU 10.00"},
		},
		Gated:    true,
		Failures: []string{"gate --min-bleu 90: all files: BLEU 50.00"},
	}
	fs.Summary = same.Summary.Plus(changed.Summary)
	fs.Metrics = changed.Metrics
	return fs
}

func TestJUnit(t *testing.T) {
	fs := filesFixture()
	var buf bytes.Buffer
	if err := JUnit(&buf, fs); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), xml.Header) {
		t.Errorf("no XML declaration: %q", buf.String()[:40])
	}
	var r junitParsed
	if err := xml.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatalf("not XML: %v\n%s", err, buf.String())
	}
	if r.Tests != 3 || r.Failures != 2 || len(r.Suites) != 1 {
		t.Fatalf("testsuites: %d tests, %d failures, %d suites; want 3, 2, 1", r.Tests, r.Failures, len(r.Suites))
	}
	s := r.Suites[0]
	if s.Name != "paradiff" || s.Tests != 3 || s.Failures != 2 || len(s.Cases) != 3 {
		t.Fatalf("testsuite %+v", s)
	}
	names := []string{"gone.txt", "same.txt", "x|y.txt"}
	for i, c := range s.Cases {
		if c.Name != names[i] || c.Classname != "paradiff" {
			t.Errorf("case %d: %q (%s), want %q", i, c.Name, c.Classname, names[i])
		}
		if (c.Failure != nil) != (len(fs.FileFailures[i]) > 0) {
			t.Errorf("case %q: failure %+v, want one iff the file has failures", c.Name, c.Failure)
		}
	}
	f := s.Cases[2].Failure
	if f.Message != "gate --fail-on critical: x|y.txt: 1 change (and 1 more)" || f.Type != "paradiff" {
		t.Errorf("failure message %q", f.Message)
	}
	for _, want := range []string{"gate --min-bleu 90: x|y.txt: BLEU 10.00\n", "shift (critical: number — a number differs: 9 → 10", "<b>&amp;</b> ]]>"} {
		if !strings.Contains(f.Text, want) {
			t.Errorf("failure text lacks %q:\n%s", want, f.Text)
		}
	}
	if strings.ContainsAny(f.Text, "\x1b\x00") {
		t.Errorf("failure text holds control characters: %q", f.Text)
	}
	if !strings.Contains(s.Cases[1].SystemOut, "0 changes") || !strings.Contains(s.SystemOut, "all files: BLEU 50.00") {
		t.Errorf("system-out: case %q, suite %q", s.Cases[1].SystemOut, s.SystemOut)
	}
	props := map[string]string{}
	for _, p := range s.Properties {
		props[p.Name] = p.Value
	}
	if !strings.HasPrefix(props["BLEU signature"], "nrefs:1|") || props["TER"] == "" || props["chrF2"] == "" {
		t.Errorf("properties %q", props)
	}
}

func TestFilesReports(t *testing.T) {
	fs := filesFixture()
	var buf bytes.Buffer
	if err := FilesText(&buf, fs); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	for _, want := range []string{"gone.txt", "only in A", "same.txt", "pass", "x|y.txt", "FAIL", "all 3 files", "BLEU|nrefs:1|"} {
		if !strings.Contains(text, want) {
			t.Errorf("text report lacks %q:\n%s", want, text)
		}
	}

	buf.Reset()
	if err := FilesMarkdown(&buf, fs); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	// A | in a code span in a table cell is escaped: GitHub would
	// otherwise end the cell there.
	for _, want := range []string{"| `gone.txt` | - |", "| `x\\|y.txt` |", "| **all 3 files** |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	for i, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| `x") && strings.Count(strings.ReplaceAll(line, "`x\\|y.txt`", ""), "|") != 13 {
			t.Errorf("Markdown line %d has the wrong number of cells: %q", i+1, line)
		}
	}

	buf.Reset()
	if err := FilesJSON(&buf, fs); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Version int
		Files   []struct {
			Path     string
			OnlyIn   *string `json:"only_in"`
			Summary  *struct{ Differences int }
			Changes  []struct{ Kind string }
			Failures []string
		}
		Summary struct {
			Files, Compared int
			OnlyInA         int `json:"only_in_a"`
			Metrics         struct {
				BLEU struct{ Signature string }
			}
		}
		Failures []string
	}
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Version != JSONVersion || len(r.Files) != 3 || *r.Files[0].OnlyIn != "a" || r.Files[0].Summary != nil ||
		r.Files[1].OnlyIn != nil || r.Files[2].Summary.Differences == 0 || len(r.Files[2].Changes) == 0 ||
		r.Summary.Files != 3 || r.Summary.Compared != 2 || r.Summary.OnlyInA != 1 || r.Summary.Metrics.BLEU.Signature == "" || len(r.Failures) != 1 {
		t.Errorf("directory JSON:\n%s", buf.String())
	}
}

func TestScores(t *testing.T) {
	m, err := diff.Score([]string{"The dog bit the man."}, [][]string{{"The dog bit the man."}}, diff.MetricOptions{Only: diff.MetricBLEU | diff.MetricTER})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ScoresText(&buf, m); err != nil {
		t.Fatal(err)
	}
	want := "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0 = 100.00 100.0/100.0/100.0/100.0 (BP = 1.000 ratio = 1.000 hyp_len = 6 ref_len = 6)\n" +
		"TER|nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no|version:2.6.0 = 0.00\n"
	if buf.String() != want {
		t.Errorf("ScoresText =\n%s\nwant\n%s", buf.String(), want)
	}
	buf.Reset()
	if err := ScoresJSON(&buf, m); err != nil {
		t.Fatal(err)
	}
	var r map[string]json.RawMessage
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if _, ok := r["chrf"]; ok || r["bleu"] == nil || r["ter"] == nil {
		t.Errorf("ScoresJSON keys: %s", buf.String())
	}
	var bleu struct {
		Score     float64
		Signature string
	}
	if err := json.Unmarshal(r["bleu"], &bleu); err != nil || math.Abs(bleu.Score-100) > 1e-9 || bleu.Signature == "" {
		t.Errorf("bleu = %+v (%v)", bleu, err)
	}
}
