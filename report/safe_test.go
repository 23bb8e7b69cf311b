package report

import (
	"bytes"
	"testing"

	"github.com/paradiff/paradiff/diff"
)

// TestEscapesAreInjective: an escape character and the four characters
// \x1b typed in the text, or a line feed and \n, render differently in
// every report that writes escapes.
func TestEscapesAreInjective(t *testing.T) {
	pairs := [][2]string{
		{"The talks\x1b began.", `The talks\x1b began.`},
		{"The talks\nbegan.", `The talks\nbegan.`},
		{"The talks\u202e began.", `The talks\u202e began.`},
		{"The talks\\\x1b began.", `The talks\\x1b began.`},
	}
	render := map[string]func(*diff.Comparison) string{
		"text": func(c *diff.Comparison) string {
			var b bytes.Buffer
			Text(&b, c, TextOptions{})
			return b.String()
		},
		"side by side": func(c *diff.Comparison) string {
			var b bytes.Buffer
			Text(&b, c, TextOptions{SideBySide: true})
			return b.String()
		},
		"markdown": func(c *diff.Comparison) string {
			var b bytes.Buffer
			Markdown(&b, c)
			return b.String()
		},
		"tsv": func(c *diff.Comparison) string {
			var b bytes.Buffer
			TSV(&b, c)
			return b.String()
		},
		"tmx": func(c *diff.Comparison) string {
			var b bytes.Buffer
			if err := TMX(&b, c, "en", "en"); err != nil {
				t.Fatal(err)
			}
			return b.String()
		},
	}
	for _, p := range pairs {
		var out [2]map[string]string
		for k, text := range p {
			c := diff.Compare(diff.Document{Name: "a.txt", Text: "The talks began.\n"}, diff.Document{Name: "b.txt", Text: text + "\n"}, diff.Options{ByLine: true})
			out[k] = map[string]string{}
			for name, f := range render {
				out[k][name] = f(c)
			}
		}
		for name := range render {
			if out[0][name] == out[1][name] {
				t.Errorf("%s: %q and %q render the same:\n%s", name, p[0], p[1], out[0][name])
			}
		}
	}
	for _, p := range pairs {
		if terminalSafe(p[0]) == terminalSafe(p[1]) {
			t.Errorf("terminalSafe(%q) = terminalSafe(%q) = %q", p[0], p[1], terminalSafe(p[0]))
		}
	}
	if got := terminalSafe(`C:\x` + "\x1b"); got != `C:\\x\x1b` {
		t.Errorf("terminalSafe: %q", got)
	}
}
