package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/diff"
)

// TestNamesAreSafe renders a comparison of files whose names hold an
// escape character, a line break, a | and markup in every format.
func TestNamesAreSafe(t *testing.T) {
	name := "da/e\x1bvil\n|<script>x.txt"
	c := diff.Compare(diff.Document{Name: name, Text: "The talks began.\n"}, diff.Document{Name: name, Text: "The talks started.\n"}, diff.Options{})
	var html, gh, md, text bytes.Buffer
	if err := HTML(&html, c); err != nil {
		t.Fatal(err)
	}
	if err := GitHub(&gh, c, GitHubOptions{Summary: true}); err != nil {
		t.Fatal(err)
	}
	Markdown(&md, c)
	Text(&text, c, TextOptions{})
	for format, out := range map[string]string{"html": html.String(), "github": gh.String(), "markdown": md.String(), "text": text.String()} {
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("%s: an escape character reaches the output", format)
		}
	}
	if strings.Contains(html.String(), "<script>x") {
		t.Errorf("html: the name's <script> is markup")
	}
	if i, j := strings.Index(html.String(), "<title>"), strings.Index(html.String(), "</title>"); i < 0 || j < i || strings.ContainsAny(html.String()[i:j], "\n\x1b") {
		t.Errorf("html: the title spans lines or holds an escape character")
	}
	for _, line := range strings.Split(strings.TrimSuffix(gh.String(), "\n"), "\n") {
		if !strings.HasPrefix(line, "::") {
			t.Errorf("github: a line that is not a workflow command: %q", line)
		}
		if strings.Contains(line, "file=") && !strings.Contains(line, "file=da/e%1Bvil%0A|<script>x.txt,") {
			t.Errorf("github: the file property is %q", line)
		}
	}

	fs := &Files{Dirs: &diff.Dirs{A: "da", B: "db", Files: []diff.DirFile{{Path: "e\x1bvil\n|<script>x.txt", Comparison: c}}, Summary: c.Summary}}
	var fmd, ftext bytes.Buffer
	if err := FilesMarkdown(&fmd, fs); err != nil {
		t.Fatal(err)
	}
	if err := FilesText(&ftext, fs); err != nil {
		t.Fatal(err)
	}
	for format, out := range map[string]string{"directory markdown": fmd.String(), "directory text": ftext.String()} {
		if strings.ContainsRune(out, '\x1b') {
			t.Errorf("%s: an escape character reaches the output", format)
		}
	}
	for _, line := range strings.Split(fmd.String(), "\n") {
		if strings.HasPrefix(line, "| `e") && strings.Count(line, "|")-strings.Count(line, `\|`) != 13 {
			t.Errorf("directory markdown: the file's row does not have 12 cells: %q", line)
		}
	}
}
