package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/diff"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func readoutComparison(t *testing.T) *diff.Comparison {
	return readoutPair(t, "ref.en.txt", "mt.en.txt", diff.Options{Metrics: true})
}

// readoutPair compares two files of testdata/readout.
func readoutPair(t *testing.T, nameA, nameB string, opts diff.Options) *diff.Comparison {
	t.Helper()
	read := func(name string) diff.Document {
		path := filepath.Join("..", "testdata", "readout", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return diff.Document{Name: "testdata/readout/" + name, Text: string(data)}
	}
	return diff.Compare(read(nameA), read(nameB), opts)
}

// crossComparison is the Chinese readout against the Russian one, as
// paradiff A B compares them: sentence rules and alignment for each
// language, no word diff.
func crossComparison(t *testing.T) *diff.Comparison {
	return readoutPair(t, "zh.txt", "ru.txt", diff.Options{LangA: language.Chinese, LangB: language.Russian})
}

// checkGolden compares got with the golden file, or rewrites it with
// -update. On a mismatch it shows the first line that differs.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(run go test ./report -update if the change is intended)", name, i+1, g, w)
		}
	}
}

func TestGolden(t *testing.T) {
	c, x := readoutComparison(t), crossComparison(t)
	// English renderings of the two readouts: two versions of one event
	// in one language, each with sentences the other lacks.
	r := readoutPair(t, "zh.en.txt", "ru.en.txt", diff.Options{Metrics: true})
	for _, tt := range []struct {
		name   string
		render func(*bytes.Buffer) error
	}{
		{"readout.txt", func(b *bytes.Buffer) error { return Text(b, c, TextOptions{}) }},
		{"readout.color.txt", func(b *bytes.Buffer) error { return Text(b, c, TextOptions{Color: true}) }},
		{"readout.side-by-side.txt", func(b *bytes.Buffer) error {
			return Text(b, c, TextOptions{SideBySide: true, Width: 100, Context: 1})
		}},
		{"readout.md", func(b *bytes.Buffer) error { return Markdown(b, c) }},
		{"readout.json", func(b *bytes.Buffer) error { return JSON(b, c) }},
		{"readout.html", func(b *bytes.Buffer) error { return HTML(b, c) }},
		{"readout.tsv", func(b *bytes.Buffer) error { return TSV(b, c) }},
		{"readout.tmx", func(b *bytes.Buffer) error { return TMX(b, c, "en", "en") }},
		{"zh-ru.txt", func(b *bytes.Buffer) error { return Text(b, x, TextOptions{}) }},
		{"zh-ru.side-by-side.txt", func(b *bytes.Buffer) error { return Text(b, x, TextOptions{SideBySide: true, Width: 100}) }},
		{"zh-ru.md", func(b *bytes.Buffer) error { return Markdown(b, x) }},
		{"zh-ru.json", func(b *bytes.Buffer) error { return JSON(b, x) }},
		{"zh-ru.html", func(b *bytes.Buffer) error { return HTML(b, x) }},
		{"zh-ru.tsv", func(b *bytes.Buffer) error { return TSV(b, x) }},
		{"zh-ru.tmx", func(b *bytes.Buffer) error { return TMX(b, x, "zh", "ru") }},
		{"renderings.txt", func(b *bytes.Buffer) error { return Text(b, r, TextOptions{}) }},
		{"renderings.md", func(b *bytes.Buffer) error { return Markdown(b, r) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.render(&buf); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.name, buf.Bytes())
		})
	}
}

// TestJSONRebuildsInputs checks the JSON report's promise: its segments
// and gaps rebuild both inputs exactly, and its keys are the documented
// ones.
func TestJSONRebuildsInputs(t *testing.T) {
	c := readoutComparison(t)
	var buf bytes.Buffer
	if err := JSON(&buf, c); err != nil {
		t.Fatal(err)
	}
	var r struct {
		Version int `json:"version"`
		A, B    struct {
			Length         int `json:"length"`
			Segments, Gaps []struct {
				Text       string `json:"text"`
				Start, End int
			}
		}
		Beads []struct {
			A, B    []int
			Changes []struct {
				Kind string `json:"kind"`
				A, B string
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &r); err != nil {
		t.Fatal(err)
	}
	if r.Version != JSONVersion {
		t.Errorf("version %d, want %d", r.Version, JSONVersion)
	}
	for _, side := range []struct {
		name string
		doc  diff.Document
		segs [2][]struct {
			Text       string `json:"text"`
			Start, End int
		}
		length int
	}{
		{"A", c.A, [2][]struct {
			Text       string `json:"text"`
			Start, End int
		}{r.A.Segments, r.A.Gaps}, r.A.Length},
		{"B", c.B, [2][]struct {
			Text       string `json:"text"`
			Start, End int
		}{r.B.Segments, r.B.Gaps}, r.B.Length},
	} {
		rebuilt := make([]byte, side.length)
		covered := 0
		for _, list := range side.segs {
			for _, s := range list {
				copy(rebuilt[s.Start:s.End], s.Text)
				covered += s.End - s.Start
			}
		}
		if covered != side.length || string(rebuilt) != side.doc.Text {
			t.Errorf("%s: segments and gaps cover %d of %d bytes and rebuild the text: %v", side.name, covered, side.length, string(rebuilt) == side.doc.Text)
		}
	}
	kinds := map[string]bool{}
	for _, b := range r.Beads {
		for _, ch := range b.Changes {
			kinds[ch.Kind] = true
		}
	}
	for k := range kinds {
		var kind diff.Kind
		if err := kind.UnmarshalText([]byte(k)); err != nil {
			t.Errorf("kind %q: %v", k, err)
		}
	}
}

// hostile is text that tries to drive a terminal or inject markup.
const hostileA = "The talks began. Plain sentence."
const hostileB = "The \x1b[31mtalks\x1b[0m <script>alert(1)</script> began. Plain *bold* | cell ~~x~~ [link](http://x) \u202eevil\u202c sentence."

func TestTextIsTerminalSafe(t *testing.T) {
	c := diff.Compare(diff.Document{Name: "a\x1b]8;;http://x\x07.txt", Text: hostileA}, diff.Document{Name: "b.txt", Text: hostileB}, diff.Options{})
	var buf bytes.Buffer
	if err := Text(&buf, c, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u202c"} {
		if strings.Contains(out, bad) {
			t.Errorf("text report contains %q:\n%s", bad, out)
		}
	}
	for _, shown := range []string{`\x1b[31mtalks`, `\u202eevil`, `\x1b]8;;http://x\x07.txt`} {
		if !strings.Contains(out, shown) {
			t.Errorf("text report does not show %q visibly:\n%s", shown, out)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	c := diff.Compare(diff.Document{Name: "a|b.txt", Text: hostileA}, diff.Document{Name: "b`.txt", Text: hostileB}, diff.Options{})
	var buf bytes.Buffer
	if err := Markdown(&buf, c); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script>", " *bold*", " [link](", " | cell", " ~~x~~", "\x1b", "\u202e"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown report contains unescaped %q:\n%s", bad, out)
		}
	}
	for _, good := range []string{"&lt;script&gt;", `\*bold\*`, `\[link\](`, `\| cell`, `\~\~x\~\~`, `\x1b\[31m`, `\u202eevil`, "``b`.txt``", `a\|b.txt`} {
		if !strings.Contains(out, good) {
			t.Errorf("Markdown report lacks %q:\n%s", good, out)
		}
	}
}

func TestMdLineStart(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# heading", `\# heading`},
		{"- item", `\- item`},
		{"1. March", `1\. March`},
		{"12) item", `12\) item`},
		{"    code", "&#32;code"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := mdLineStart(tt.in); got != tt.want {
			t.Errorf("mdLineStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextOptions(t *testing.T) {
	a := "The talks began. A band played. The press was told. The banquet followed."
	b := "The talks began. A band played. The press was informed. The banquet followed."
	c := diff.Compare(diff.Document{Text: a}, diff.Document{Text: b}, diff.Options{})
	render := func(opts TextOptions) string {
		var buf bytes.Buffer
		if err := Text(&buf, c, opts); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	plain := render(TextOptions{})
	if !strings.Contains(plain, "The press was [-told-]{+informed+}.") {
		t.Errorf("plain inline view lacks word-diff markers:\n%s", plain)
	}
	if strings.Contains(plain, "A band played") {
		t.Errorf("unchanged bead shown without --context:\n%s", plain)
	}
	ctx := render(TextOptions{Context: 1})
	if !strings.Contains(ctx, "A band played") || !strings.Contains(ctx, "The banquet followed") || strings.Contains(ctx, "── A 1 ") {
		t.Errorf("--context 1 should show the two neighbours only:\n%s", ctx)
	}
	if all := render(TextOptions{All: true}); !strings.Contains(all, "── A 1 · B 1 · same") {
		t.Errorf("--all should show every bead:\n%s", all)
	}
	color := render(TextOptions{Color: true})
	if !strings.Contains(color, styleRed+"told"+styleReset) || strings.Contains(color, "[-") {
		t.Errorf("colour view should colour, not mark:\n%q", color)
	}
}

func TestSideBySideWidth(t *testing.T) {
	a := "两国元首签署了二十多份合作文件，涉及全球战略稳定、维护国际法权威、生物安全等领域。"
	b := "两国元首见证签署了二十多份合作文件，涉及全球战略稳定、生物安全等领域。"
	c := diff.Compare(diff.Document{Text: a}, diff.Document{Text: b}, diff.Options{})
	for _, width := range []int{40, 61, 100} {
		var buf bytes.Buffer
		if err := Text(&buf, c, TextOptions{SideBySide: true, Width: width}); err != nil {
			t.Fatal(err)
		}
		var rebuiltA, rebuiltB strings.Builder
		for _, line := range strings.Split(buf.String(), "\n") {
			left, right, ok := strings.Cut(line, " │ ")
			if !ok || !strings.HasPrefix(line, "  ") { // not a bead's columns
				continue
			}
			if w := runewidth.StringWidth(line); w > width {
				t.Errorf("width %d: line is %d columns wide: %q", width, w, line)
			}
			rebuiltA.WriteString(strings.TrimSpace(left))
			rebuiltB.WriteString(strings.TrimSpace(right))
		}
		unmark := strings.NewReplacer("[-", "", "-]", "", "{+", "", "+}", "")
		if got := unmark.Replace(rebuiltA.String()); got != a {
			t.Errorf("width %d: column A reads %q, want %q", width, got, a)
		}
		if got := unmark.Replace(rebuiltB.String()); got != b {
			t.Errorf("width %d: column B reads %q, want %q", width, got, b)
		}
	}
}
