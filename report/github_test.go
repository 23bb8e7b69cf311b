package report

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/paradiff/paradiff/diff"
)

// annotationLine is a GitHub Actions workflow command as the runner reads
// it: "::" command, optional space and comma-separated key=value
// properties, "::", message. No property value may hold ":" or ","
// unescaped, and no line may hold a line break.
var annotationLine = regexp.MustCompile(`^::(error|warning|notice)(?: ([^:]*))?::(.*)$`)

type annotation struct {
	level   string
	props   map[string]string
	message string
}

// unescape reverses GitHub's escaping of data and properties.
func unescape(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

// parseAnnotations parses the -f github output line by line, failing on
// any line that is not a well-formed workflow command.
func parseAnnotations(t *testing.T, out string) []annotation {
	t.Helper()
	var as []annotation
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		m := annotationLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("line %d is not a workflow command: %q", i+1, line)
		}
		a := annotation{level: m[1], props: map[string]string{}, message: unescape(m[3])}
		if m[2] != "" {
			for _, p := range strings.Split(m[2], ",") {
				k, v, ok := strings.Cut(p, "=")
				if !ok || k == "" {
					t.Fatalf("line %d: bad property %q", i+1, p)
				}
				if _, dup := a.props[k]; dup {
					t.Fatalf("line %d: property %s twice", i+1, k)
				}
				a.props[k] = unescape(v)
			}
		}
		as = append(as, a)
	}
	return as
}

func TestGitHubAnnotationEscaping(t *testing.T) {
	a := GitHubAnnotation{
		Level: "warning", File: "docs/a,b:c%.txt", Line: 3, Col: 7, EndLine: 3, EndCol: 9,
		Title:   "shift: 50% (critical, number)",
		Message: "100% sure\r\nline two: a, b",
	}
	as := parseAnnotations(t, a.String()+"\n")
	got := as[0]
	want := map[string]string{"file": "docs/a,b:c%.txt", "line": "3", "col": "7", "endLine": "3", "endColumn": "9", "title": "shift: 50% (critical, number)"}
	for k, v := range want {
		if got.props[k] != v {
			t.Errorf("property %s = %q, want %q", k, got.props[k], v)
		}
	}
	if got.level != "warning" || got.message != a.Message || len(got.props) != len(want) {
		t.Errorf("parsed %+v, want level warning, message %q", got, a.Message)
	}
	if s := (GitHubAnnotation{Level: "notice", Message: "m"}).String(); s != "::notice::m" {
		t.Errorf("bare annotation = %q", s)
	}
}

// TestGitHub renders a comparison whose changes stand on several lines of
// B and checks each annotation's level, place and text.
func TestGitHub(t *testing.T) {
	a := "The talks began on May 8.\nBoth sides agreed to expand trade.\nThe press was told.\n"
	b := "The talks began on May 9.\nBoth sides agreed to grow trade, 50% faster.\nThe Press was told.\n"
	c := diff.Compare(diff.Document{Name: "ref.txt", Text: a}, diff.Document{Name: "docs/mt,v2.txt", Text: b}, diff.Options{ByLine: true, Metrics: true})
	var buf bytes.Buffer
	if err := GitHub(&buf, c, GitHubOptions{Summary: true}); err != nil {
		t.Fatal(err)
	}
	as := parseAnnotations(t, buf.String())
	refs := c.Ranked()
	if len(as) != len(refs)+1 {
		t.Fatalf("%d annotations for %d changes:\n%s", len(as), len(refs), buf.String())
	}
	i := 0
	for _, bead := range c.Beads {
		for _, ch := range bead.Changes {
			got := as[i]
			i++
			wantLevel := map[diff.Severity]string{diff.SeverityCritical: "error", diff.SeverityTrivial: "notice"}[ch.Severity]
			if wantLevel == "" {
				wantLevel = "warning"
			}
			line := strings.Count(b[:ch.BStart], "\n") + 1
			col := utf8.RuneCountInString(b[strings.LastIndex(b[:ch.BStart], "\n")+1:ch.BStart]) + 1
			if got.level != wantLevel || got.props["file"] != "docs/mt,v2.txt" || got.props["line"] != strconv.Itoa(line) || got.props["col"] != strconv.Itoa(col) {
				t.Errorf("%s %q → %q: annotation %+v, want %s at %d:%d", ch.Kind, ch.A, ch.B, got, wantLevel, line, col)
			}
			if !strings.HasPrefix(got.props["title"], "paradiff: "+ch.Kind.String()) {
				t.Errorf("title %q, want the kind %s", got.props["title"], ch.Kind)
			}
			if strings.TrimSpace(ch.B) != "" && !strings.Contains(got.message, strings.TrimSpace(ch.B)) {
				t.Errorf("message %q lacks B's text %q", got.message, ch.B)
			}
			if ch.BEnd > ch.BStart {
				endCol := utf8.RuneCountInString(b[strings.LastIndex(b[:ch.BEnd], "\n")+1:ch.BEnd]) + 1
				if got.props["endColumn"] != strconv.Itoa(endCol) {
					t.Errorf("%q: endColumn %s, want %d", ch.B, got.props["endColumn"], endCol)
				}
			}
		}
	}
	sum := as[len(as)-1]
	if sum.level != "notice" || !strings.Contains(sum.message, "BLEU") || !strings.Contains(sum.message, "critical 2") {
		t.Errorf("summary annotation %+v", sum)
	}

	// Keep selects the changes; standard input has no file.
	c.B.Name = "-"
	buf.Reset()
	if err := GitHub(&buf, c, GitHubOptions{Keep: func(r diff.ChangeRef) bool {
		return c.Beads[r.Bead].Changes[r.Change].Severity == diff.SeverityCritical
	}}); err != nil {
		t.Fatal(err)
	}
	as = parseAnnotations(t, buf.String())
	if len(as) != 2 || as[0].level != "error" || as[0].props["file"] != "" || !strings.Contains(as[0].message, "“8” → “9”") || !strings.Contains(as[1].message, "50% faster") {
		t.Errorf("kept annotations %+v, want the two critical ones alone, without a file", as)
	}
}

// TestGitHubHostile checks that text with line breaks, control
// characters and the workflow command markers stays on one line.
func TestGitHubHostile(t *testing.T) {
	a := "The talks began.\n"
	b := "The talks began ::error::pwned %0A\x1b[31m.\n"
	c := diff.Compare(diff.Document{Text: a}, diff.Document{Name: "b.txt", Text: b}, diff.Options{})
	var buf bytes.Buffer
	if err := GitHub(&buf, c, GitHubOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, an := range parseAnnotations(t, buf.String()) {
		if strings.ContainsRune(an.message, '\x1b') {
			t.Errorf("message holds an escape character: %q", an.message)
		}
		if !strings.Contains(an.message, "::error::pwned %0A") {
			t.Errorf("message %q does not quote B's text", an.message)
		}
	}
}

func TestLineIndex(t *testing.T) {
	text := "ab\ncé\n\nd"
	l := newLineIndex(text)
	for _, tt := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {6, 2, 3}, {7, 3, 1}, {8, 4, 1}, {9, 4, 2}, {99, 4, 2},
	} {
		if line, col := l.position(tt.off); line != tt.line || col != tt.col {
			t.Errorf("position(%d) in %q = %d:%d, want %d:%d", tt.off, text, line, col, tt.line, tt.col)
		}
	}
}
