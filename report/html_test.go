package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/diff"
)

// shownAsHTML is s as the HTML report shows it: hidden characters other
// than line breaks as their escapes.
func shownAsHTML(s string) string {
	var b strings.Builder
	for _, r := range s {
		if isHidden(r) && r != '\n' && r != '\r' {
			b.WriteString(hiddenEscape(r))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func runsText(runs []htmlRun) string {
	var b strings.Builder
	for _, r := range runs {
		for _, p := range r.Text {
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// TestHTMLSides checks the side-by-side view: each column of a bead shows
// exactly that side's text, and every change stands once in each column,
// as its text (A's struck in A's column, B's in B's) or as a mark where
// that side has none, with one of the two as the target of navigation.
func TestHTMLSides(t *testing.T) {
	for name, c := range map[string]*diff.Comparison{"readout": readoutComparison(t), "hostile": hostileComparison()} {
		p := htmlData(c)
		if len(p.Beads) != len(c.Beads) {
			t.Fatalf("%s: %d beads shown, want %d", name, len(p.Beads), len(c.Beads))
		}
		n := 0
		for bi, b := range c.Beads {
			hb := p.Beads[bi]
			for _, side := range []struct {
				name string
				doc  diff.Document
				idx  []int
				runs []htmlRun
			}{{"A", c.A, b.A, hb.A}, {"B", c.B, b.B, hb.B}} {
				if got, want := runsText(side.runs), shownAsHTML(segmentText(side.doc, side.idx)); got != want {
					t.Errorf("%s bead %d: %s's column shows %q, want %q", name, bi+1, side.name, got, want)
				}
			}
			for i, ch := range b.Changes {
				n++
				var inA, inB []htmlRun
				for _, r := range hb.A {
					if r.N == n {
						inA = append(inA, r)
					}
				}
				for _, r := range hb.B {
					if r.N == n {
						inB = append(inB, r)
					}
				}
				if len(inA) != 1 || len(inB) != 1 {
					t.Errorf("%s bead %d change %d stands %d times in A's column and %d in B's, want once in each", name, bi+1, i, len(inA), len(inB))
					continue
				}
				a, bb := inA[0], inB[0]
				if want := map[bool]string{true: "gap", false: "del"}[ch.A == ""]; a.Tag != want || runsText(inA) != shownAsHTML(ch.A) {
					t.Errorf("%s bead %d change %d in A's column: <%s> %q, want <%s> %q", name, bi+1, i, a.Tag, runsText(inA), want, ch.A)
				}
				if want := map[bool]string{true: "gap", false: "ins"}[ch.B == ""]; bb.Tag != want || runsText(inB) != shownAsHTML(ch.B) {
					t.Errorf("%s bead %d change %d in B's column: <%s> %q, want <%s> %q", name, bi+1, i, bb.Tag, runsText(inB), want, ch.B)
				}
				if (a.ID == "") == (bb.ID == "") {
					t.Errorf("%s bead %d change %d: navigation targets %q in A and %q in B, want one of them", name, bi+1, i, a.ID, bb.ID)
				}
				if a.Kind != ch.Kind.String() || bb.Sev != ch.Severity.String() {
					t.Errorf("%s bead %d change %d marked %s/%s, want %s/%s", name, bi+1, i, a.Kind, bb.Sev, ch.Kind, ch.Severity)
				}
			}
		}
	}
}

// TestHTMLEscapes checks the page's source for hostile input written as
// it is: markup, attribute breakers, control and bidi characters.
func TestHTMLEscapes(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, hostileComparison()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{
		"<script>window", "<img", "</textarea>", "<i>", "onerror=\"", "onmouseover='", "b&amp;.txt", "\x1b", "\u202e",
	} {
		if strings.Contains(out, bad) {
			t.Errorf("the HTML report holds %q as it is", bad)
		}
	}
	if n := strings.Count(out, "<script"); n != 1 {
		t.Errorf("%d <script elements, want the page's own", n)
	}
	for _, good := range []string{
		"&lt;script&gt;window.pwned=1&lt;/script&gt;", "&lt;/textarea&gt;", "b&amp;amp;.txt",
		`<span class="esc" title="a hidden character">\x1b</span>`, `\u202e`,
	} {
		if !strings.Contains(out, good) {
			t.Errorf("the HTML report lacks %q", good)
		}
	}
}

var cspRE = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)

// TestHTMLSelfContained checks that the page loads nothing: no reference
// to another file or the network, and a Content-Security-Policy that
// allows only its own style sheet and script, whose hashes match them.
func TestHTMLSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := HTML(&buf, readoutComparison(t)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, ref := range []string{"src=", "href=", "url(", "@import", "http:", "https:", "<link", "<iframe", "<img"} {
		if strings.Contains(out, ref) {
			t.Errorf("the page refers to something outside: %q", ref)
		}
	}
	m := cspRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no Content-Security-Policy")
	}
	csp := html.UnescapeString(m[1])
	if !strings.HasPrefix(csp, "default-src 'none';") {
		t.Errorf("Content-Security-Policy %q does not start from nothing allowed", csp)
	}
	for _, tag := range []string{"style", "script"} {
		_, block, _ := strings.Cut(out, "<"+tag+">")
		block, _, ok := strings.Cut(block, "</"+tag+">")
		if !ok {
			t.Fatalf("no <%s> block", tag)
		}
		sum := sha256.Sum256([]byte(block))
		want := tag + "-src 'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks the hash of the <%s> block, %q", csp, tag, want)
		}
	}
	if !strings.Contains(out, "@media print") {
		t.Error("no style for print")
	}
}

// segmentText is the text of a run of segments as the document has it,
// worked out from the segments alone; "" for none.
func segmentText(d diff.Document, idx []int) string {
	if len(idx) == 0 {
		return ""
	}
	return d.Text[d.Segments[idx[0]].Start:d.Segments[idx[len(idx)-1]].End]
}
