package report

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"github.com/paradiff/paradiff/diff"
)

//go:embed html.tmpl
var htmlFS embed.FS

// htmlTemplate parses the embedded template once, and works out the
// page's Content-Security-Policy: the hashes of its own style sheet and
// script, which are static, and nothing else, so that the page loads
// nothing from the network and runs no script but its own, even if some
// input were ever to slip through escaping.
var htmlTemplate = sync.OnceValues(func() (htmlTmpl, error) {
	t, err := template.New("html.tmpl").ParseFS(htmlFS, "html.tmpl")
	if err != nil {
		return htmlTmpl{}, err
	}
	// Hash the blocks as the page writes them, in their own escaping
	// contexts (a block executed alone would be escaped as HTML text),
	// on a clone: executing a template fixes its escaping.
	clone, err := t.Clone()
	if err != nil {
		return htmlTmpl{}, err
	}
	blocks, err := clone.New("blocks").Parse(`<style>{{template "style"}}</style><script>{{template "script"}}</script>`)
	if err != nil {
		return htmlTmpl{}, err
	}
	var b strings.Builder
	if err := blocks.Execute(&b, nil); err != nil {
		return htmlTmpl{}, err
	}
	hash := func(tag string) string {
		_, s, _ := strings.Cut(b.String(), "<"+tag+">")
		s, _, _ = strings.Cut(s, "</"+tag+">")
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	style, script := hash("style"), hash("script")
	csp := "default-src 'none'; style-src " + style + "; script-src " + script + "; base-uri 'none'; form-action 'none'"
	return htmlTmpl{t, csp}, nil
})

type htmlTmpl struct {
	*template.Template
	csp string
}

// The data of the HTML template.
type (
	htmlPage struct {
		CSP        string
		A, B       string // document names
		Note       string // LanguageNote
		Summary    [][2]string
		Severities []htmlSeverity
		Kinds      []htmlCount
		Changes    int // changes that navigation visits when the page opens
		Beads      []htmlBead
	}
	// htmlSeverity is a choice of the severity filter: changes of
	// severity Level and up, Count of them.
	htmlSeverity struct {
		Name    string
		Level   int
		Count   int
		Checked bool
	}
	htmlCount struct {
		Name  string
		Count int
	}
	htmlBead struct {
		N      int    // 1-based
		Title  string // "A 12 · B 13"
		ANum   string // "12", "12-13", "-"
		BNum   string
		Level  int    // the highest severity of its changes, -1 for none
		Sev    string // its name, or "same"
		A, B   []htmlRun
		Notes  []string
		Change bool
	}
	// htmlRun is a piece of one side of a bead: text the two share
	// (Tag ""), the side's part of a change (Tag "del" in A, "ins" in B),
	// or a mark where a change has no text on this side (Tag "gap").
	htmlRun struct {
		Tag   string
		N     int    // the change's number in the document, from 1; both sides share it
		ID    string // on the side navigation goes to, "c12"
		Kind  string
		Sev   string
		Level int
		Title string
		Text  []htmlPiece
	}
	// htmlPiece is text to show as it is, or (Esc) the visible escape of
	// a hidden character.
	htmlPiece struct {
		Text string
		Esc  bool
	}
)

// htmlDefaultSeverity is the least severity the HTML report highlights
// when it opens: trivial changes (case, quotes, spacing) are marked only
// when the reader asks for them.
const htmlDefaultSeverity = diff.SeverityMinor

// HTML writes a self-contained HTML page: the summary, then both
// versions side by side, bead by bead, with every change highlighted by
// its kind in A's column (A's words struck through) and in B's (B's words
// underlined), and a mark where one side has no words of the change. A
// toolbar filters changes by severity (minor and up when the page opens)
// and can hide the sentences without such changes; the keys j and k (or n
// and p) and two buttons step to the next and the previous change, a move
// counting twice, where it leaves and where it arrives. The page has its
// style sheet and script inline and loads nothing else; its
// Content-Security-Policy forbids it to. Without script, every change is
// highlighted; in print, the toolbar is left out.
//
// All input text is escaped by html/template; control characters and
// invisible format characters (bidi overrides, zero-width characters)
// are shown as escapes such as \x1b and \u202e, as in the terminal
// report. Line breaks inside a bead are kept.
func HTML(w io.Writer, c *diff.Comparison) error {
	t, err := htmlTemplate()
	if err != nil {
		return err
	}
	p := htmlData(c)
	p.CSP = t.csp
	return t.ExecuteTemplate(w, "page", p)
}

func htmlData(c *diff.Comparison) htmlPage {
	s := c.Summary
	// The names go into the title and headings, where the escapes of
	// hidden characters cannot be marked as such: they are made safe as
	// for a terminal.
	p := htmlPage{A: terminalSafe(docName(c.A, "A")), B: terminalSafe(docName(c.B, "B")), Note: LanguageNote(c), Summary: summaryRows(c)}
	// The filter counts what navigation visits: every change, a move
	// twice (where it leaves A and where it arrives in B).
	var bySeverity [diff.SeverityCritical + 1]int
	for _, b := range c.Beads {
		for _, ch := range b.Changes {
			bySeverity[min(ch.Severity, diff.SeverityCritical)]++
		}
	}
	for _, v := range []diff.Severity{diff.SeverityTrivial, diff.SeverityMinor, diff.SeverityMajor, diff.SeverityCritical} {
		n := 0
		for _, k := range bySeverity[v:] {
			n += k
		}
		p.Severities = append(p.Severities, htmlSeverity{v.String(), int(v), n, v == htmlDefaultSeverity})
		if v == htmlDefaultSeverity {
			p.Changes = n
		}
	}
	for _, k := range diff.Kinds {
		p.Kinds = append(p.Kinds, htmlCount{k.String(), s.Count(k)})
	}
	moves := findMoveEnds(c)
	n := 0
	for bi, b := range c.Beads {
		hb := htmlBead{
			N: bi + 1, Title: beadTitle(b), ANum: sentenceRange(b.A), BNum: sentenceRange(b.B),
			Level: -1, Sev: "same", Change: len(b.Changes) > 0 || len(b.Glossary) > 0,
		}
		if hb.Change {
			v := beadSeverity(b)
			hb.Level, hb.Sev = int(v), v.String()
		}
		first := n + 1
		hb.A = htmlSide(c.A, b.AStart, b.AEnd, b.Changes, first, func(ch diff.Change) (int, int) { return ch.AStart, ch.AEnd }, "del", moves, c)
		hb.B = htmlSide(c.B, b.BStart, b.BEnd, b.Changes, first, func(ch diff.Change) (int, int) { return ch.BStart, ch.BEnd }, "ins", moves, c)
		n += len(b.Changes)
		for _, ch := range b.Changes {
			switch {
			case ch.Kind == diff.Move:
				hb.Notes = append(hb.Notes, fmt.Sprintf("move %d: “%s” %s", ch.Move, terminalSafe(trimmed(ch.A+ch.B)), moves.note(c, ch)))
			case ch.Severity == diff.SeverityCritical:
				// Every change says why in its tooltip; a critical one on the page too.
				hb.Notes = append(hb.Notes, fmt.Sprintf("%s “%s” → “%s”: %s", ch.Kind, terminalSafe(trimmed(ch.A)), terminalSafe(trimmed(ch.B)), meta(ch)))
			}
		}
		for _, g := range b.Glossary {
			term, approved, found := glossaryNote(g)
			note := fmt.Sprintf("glossary: A has “%s”; B must use “%s”", terminalSafe(term), terminalSafe(approved))
			if found != "" {
				note += fmt.Sprintf(", has “%s”", terminalSafe(found))
			}
			hb.Notes = append(hb.Notes, note)
		}
		p.Beads = append(p.Beads, hb)
	}
	return p
}

// htmlSide cuts one side of a bead into runs: the text of its segments,
// with each change's span on this side (span returns it) wrapped in tag,
// or a gap mark where the change has no text on this side. Changes are
// numbered from first. Navigation goes to B's side of a change, or to
// A's when B has none of its text.
func htmlSide(d diff.Document, start, end int, changes []diff.Change, first int, span func(diff.Change) (int, int), tag string, moves moveEnds, c *diff.Comparison) []htmlRun {
	var runs []htmlRun
	text := func(from, to int) {
		if from < to {
			runs = append(runs, htmlRun{Text: htmlPieces(d.Text[from:to])})
		}
	}
	pos := start
	for i, ch := range changes {
		s, e := span(ch)
		s = min(max(s, pos), len(d.Text))
		e = min(max(e, s), len(d.Text))
		text(pos, s)
		r := htmlRun{
			Tag: tag, N: first + i, Kind: ch.Kind.String(), Sev: ch.Severity.String(), Level: int(ch.Severity),
			Title: htmlChangeTitle(c, ch, moves), Text: htmlPieces(d.Text[s:e]),
		}
		if s == e {
			r.Tag = "gap"
		}
		if (tag == "ins") == (ch.B != "") {
			r.ID = fmt.Sprintf("c%d", first+i)
		}
		runs = append(runs, r)
		pos = e
	}
	text(pos, max(end, pos))
	return runs
}

// htmlChangeTitle describes a change for its tooltip: "shift · critical:
// number — a number differs: 8 → 9", "move · major — stands elsewhere in
// the other version · moved to B 45".
func htmlChangeTitle(c *diff.Comparison, ch diff.Change, moves moveEnds) string {
	parts := []string{ch.Kind.String()}
	if ch.Kind != diff.Trivial {
		parts = append(parts, meta(ch))
	}
	if ch.Kind == diff.Move {
		parts = append(parts, moves.note(c, ch))
	}
	return strings.Join(parts, " · ")
}

// htmlPieces cuts s into text to show as it is and the visible escapes
// of the characters isHidden reports, except tab and line breaks, which
// the page shows as white space.
func htmlPieces(s string) []htmlPiece {
	var out []htmlPiece
	last := 0
	for i, r := range s {
		if !isHidden(r) || r == '\n' || r == '\r' {
			continue
		}
		if last < i {
			out = append(out, htmlPiece{Text: s[last:i]})
		}
		out = append(out, htmlPiece{Text: hiddenEscape(r), Esc: true})
		last = i + len(string(r))
	}
	if last < len(s) {
		out = append(out, htmlPiece{Text: s[last:]})
	}
	return out
}
