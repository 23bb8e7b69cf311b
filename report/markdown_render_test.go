package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"github.com/paradiff/paradiff/diff"
)

// The Markdown report is checked the way GitHub shows it: rendered by a
// CommonMark parser with GitHub's extensions (tables, strikethrough,
// autolinks, task lists), raw HTML let through as GitHub lets <b>, <del>
// and <br> through, and the HTML read back as a tree.

// mdNode is an element of the rendered HTML, or text (Tag "").
type mdNode struct {
	Tag  string
	Text string // text: its content; element: all the text inside it
	Kids []*mdNode
}

// renderMarkdown renders Markdown as GitHub does and parses the HTML.
func renderMarkdown(t *testing.T, md []byte) *mdNode {
	t.Helper()
	gm := goldmark.New(
		goldmark.WithExtensions(extension.GFM),
		goldmark.WithRendererOptions(html.WithUnsafe(), html.WithXHTML()),
	)
	var out bytes.Buffer
	if err := gm.Convert(md, &out); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(strings.NewReader("<root>" + out.String() + "</root>"))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	root := &mdNode{Tag: "root"}
	stack := []*mdNode{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the rendered Markdown is not well-formed HTML: %v\n%s", err, out.String())
		}
		top := stack[len(stack)-1]
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &mdNode{Tag: tok.Name.Local}
			top.Kids = append(top.Kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			top.Kids = append(top.Kids, &mdNode{Text: string(tok)})
		}
	}
	if len(root.Kids) != 1 {
		t.Fatalf("the rendered Markdown does not parse as one tree")
	}
	root = root.Kids[0] // <root>
	root.fill()
	return root
}

// fill sets every element's Text to the text inside it.
func (n *mdNode) fill() string {
	if n.Tag == "" {
		return n.Text
	}
	var b strings.Builder
	for _, k := range n.Kids {
		b.WriteString(k.fill())
	}
	n.Text = b.String()
	return n.Text
}

// elements returns the elements inside n, in document order.
func (n *mdNode) elements() []*mdNode {
	var out []*mdNode
	for _, k := range n.Kids {
		if k.Tag != "" {
			out = append(out, k)
			out = append(out, k.elements()...)
		}
	}
	return out
}

// all returns the elements inside n with one of the tags.
func (n *mdNode) all(tags ...string) []*mdNode {
	var out []*mdNode
	for _, e := range n.elements() {
		if slices.Contains(tags, e.Tag) {
			out = append(out, e)
		}
	}
	return out
}

func texts(nodes []*mdNode) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = strings.TrimSpace(n.Text)
	}
	return out
}

// mdElements are the only elements the Markdown report may render to.
var mdElements = []string{"h1", "h2", "h3", "p", "table", "thead", "tbody", "tr", "th", "td",
	"ul", "li", "del", "strong", "b", "em", "code", "br"}

func checkElements(t *testing.T, n *mdNode) {
	t.Helper()
	for _, e := range n.elements() {
		if !slices.Contains(mdElements, e.Tag) {
			t.Errorf("the Markdown renders to a <%s> element: %q", e.Tag, e.Text)
		}
	}
}

func renderReport(t *testing.T, c *diff.Comparison) ([]byte, *mdNode) {
	t.Helper()
	var buf bytes.Buffer
	if err := Markdown(&buf, c); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), renderMarkdown(t, buf.Bytes())
}

// TestMarkdownRendersReadout checks the structure of the rendered readout
// report: a summary table, A's words struck through and B's in bold.
func TestMarkdownRendersReadout(t *testing.T) {
	c := readoutComparison(t)
	_, doc := renderReport(t, c)
	checkElements(t, doc)

	if h1 := doc.all("h1"); len(h1) != 1 || h1[0].Text != "paradiff: "+c.A.Name+" → "+c.B.Name {
		t.Errorf("h1 %q, want one naming both files", texts(h1))
	}
	tables := doc.all("table")
	if len(tables) == 0 {
		t.Fatal("no summary table")
	}
	var labels []string
	for _, tr := range tables[0].all("tr")[1:] {
		if cells := tr.all("td"); len(cells) == 2 {
			labels = append(labels, strings.TrimSpace(cells[0].Text))
		}
	}
	var want []string
	for _, r := range summaryRows(c) {
		want = append(want, r[0])
	}
	if !slices.Equal(labels, want) {
		t.Errorf("summary table rows %q, want %q", labels, want)
	}

	dels, inss := texts(doc.all("del")), texts(doc.all("strong", "b"))
	for _, b := range c.Beads {
		for _, ch := range b.Changes {
			if ch.Kind == diff.Trivial {
				continue
			}
			if a := trimmed(ch.A); a != "" && !slices.Contains(dels, a) {
				t.Errorf("%s %q is not struck through (<del>)", ch.Kind, a)
			}
			if bb := trimmed(ch.B); bb != "" && !slices.Contains(inss, bb) {
				t.Errorf("%s %q is not in bold (<strong> or <b>)", ch.Kind, bb)
			}
		}
	}
}

// TestMarkdownRendersHostileAsText renders a report on texts full of
// Markdown and HTML and checks that all of it stays text.
func TestMarkdownRendersHostileAsText(t *testing.T) {
	a := "# Not a heading, the talks began. 2) Not a list item, the ministers met. " +
		"+ Not a bullet, they spoke. Plain words stood here. The end came."
	b := "# Not a heading, the talks <script>alert(1)</script> began. " +
		"2) Not a list item, the ministers </textarea> met. " +
		"+ Not a bullet, they `tick` spoke. " +
		"Plain *star* _under_ a|b [x](y) ~~tilde~~ words stood <b>here</b>. " +
		"The end &amp; came \\* at 10:00."
	nameA, nameB := "a\u202e|b.txt", "notes `tick` #"
	c := diff.Compare(diff.Document{Name: nameA, Text: a}, diff.Document{Name: nameB, Text: b}, diff.Options{})
	md, doc := renderReport(t, c)
	checkElements(t, doc)

	for _, bad := range []string{"\u202e", "\x1b"} {
		if bytes.Contains(md, []byte(bad)) {
			t.Errorf("the Markdown holds %q as it is", bad)
		}
	}
	if n := len(doc.all("h1")); n != 1 {
		t.Errorf("%d h1 headings, want 1", n)
	}
	if h1 := doc.all("h1"); len(h1) > 0 && h1[0].Text != `paradiff: a\u202e|b.txt → `+nameB {
		t.Errorf("h1 %q, want the two names as they are (hidden characters escaped)", h1[0].Text)
	}
	changed := 0
	for _, b := range c.Beads {
		if len(b.Changes) > 0 {
			changed++
		}
	}
	if n := len(doc.all("h2", "h3")); n != 1+changed {
		t.Errorf("%d h2 and h3 headings, want 1 + one for each of the %d beads with changes", n, changed)
	}
	if n := len(doc.all("table")); n != 1 {
		t.Errorf("%d tables, want the summary only", n)
	}
	var text strings.Builder
	for _, p := range doc.all("p", "li", "h1") {
		text.WriteString(p.Text + "\n")
	}
	for _, s := range []string{
		"<script>alert(1)</script>", "</textarea>", "*star*", "_under_", "a|b", "[x](y)", "`tick`",
		"~~tilde~~", "<b>here</b>", "&amp;", `\*`, "# Not a heading", "2) Not a list item", "+ Not a bullet",
		"notes `tick` #",
	} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("the rendered report does not show %q as text", s)
		}
	}
	if t.Failed() {
		t.Logf("Markdown:\n%s", md)
	}
}

// TestMarkdownEmphasisHolds checks that struck and bold words render as
// <del> and <strong> (or <b>) wherever they stand, and never leave their
// ~~ or ** markers in the text: next to letters, after punctuation, and
// where they start with a character shown as an escape (\x1b).
func TestMarkdownEmphasisHolds(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"Plain words stood here.", "Plain words\x1b[0m stood here."},
		{"Plain words stood here.", "Plain\u202ewords stood here."},
		{"Plain words stood here.", "Plain words stood here!."},
		{"Plain words stood here.", "Plain (words) stood here."},
		{"Plain words stood here.", "Plain words stood (here)."},
		{"Plain words\x1b[0m stood here.", "Plain words stood here."},
		{"The end came at 10.", "The end came at 10 #."},
		{"The end came at 10.", "The end came at 11."},
		{"Tariffs \"defy\" sense.", "Tariffs «defy» sense."},
	} {
		c := diff.Compare(diff.Document{Text: tt.a}, diff.Document{Text: tt.b}, diff.Options{})
		md, doc := renderReport(t, c)
		checkElements(t, doc)
		dels, inss := texts(doc.all("del")), texts(doc.all("strong", "b"))
		for _, p := range doc.all("p", "li") {
			if strings.Contains(p.Text, "**") || strings.Contains(p.Text, "~~") {
				t.Errorf("%q → %q: markers left as text in %q\n%s", tt.a, tt.b, p.Text, md)
			}
		}
		for _, b := range c.Beads {
			for _, ch := range b.Changes {
				if ch.Kind == diff.Trivial {
					continue
				}
				if a := terminalSafe(trimmed(ch.A)); a != "" && !slices.Contains(dels, a) {
					t.Errorf("%q → %q: %q is not struck through\n%s", tt.a, tt.b, a, md)
				}
				if bb := terminalSafe(trimmed(ch.B)); bb != "" && !slices.Contains(inss, bb) {
					t.Errorf("%q → %q: %q is not in bold\n%s", tt.a, tt.b, bb, md)
				}
			}
		}
	}
}
