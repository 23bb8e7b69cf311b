package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/report"
)

func TestLanguages(t *testing.T) {
	dir := t.TempDir()
	zh := write(t, dir, "zh.txt", []byte("两国元首签署了20多份合作文件。"))
	ru := write(t, dir, "ru.txt", []byte("Главы государств подписали более 30 документов."))
	ru20 := write(t, dir, "ru20.txt", []byte("Главы государств подписали более 20 документов."))
	en := write(t, dir, "en.txt", []byte("Mr. Wang met Dr. Lavrov. They agreed."))
	tests := []struct {
		args       []string
		wantCode   int
		wantOut    string
		wantStderr string
	}{
		// Across languages there is no word diff: only the numbers differ here.
		{[]string{zh, ru}, 1, "critical: number", ""},
		{[]string{zh, ru20}, 0, "", ""},
		{[]string{"--lang-a", "zh", "--lang-b", "ru", zh, ru20}, 0, "", ""},
		{[]string{"--lang-a", "not a tag!", zh, ru}, 2, "", `--lang-a "not a tag!": not a BCP 47 language tag`},
		{[]string{"split", "--lang", "en", en}, 0, "Mr. Wang met Dr. Lavrov.\nThey agreed.\n", ""},
		{[]string{"-f", "tmx", zh, ru20}, 0, `xml:lang="zh"`, ""},
		{[]string{"-f", "tmx", "--lang-b", "ru-RU", zh, ru20}, 0, `xml:lang="ru-RU"`, ""},
		// Every report says at its top that the words were not diffed.
		{[]string{zh, ru20}, 0, "Note: compared as two languages, Chinese (zh) and Russian (ru) (A is in Han script, B in Cyrillic)", ""},
		{[]string{"-f", "markdown", zh, ru20}, 0, "> Note: compared as two languages", ""},
		{[]string{"-f", "json", zh, ru20}, 0, `"reason": "A is in Han script, B in Cyrillic"`, ""},
		{[]string{"-f", "github", zh, ru20}, 0, "title=paradiff%3A two languages::Note: compared as two languages", ""},
		{[]string{"-f", "html", zh, ru20}, 0, `<p class="note"><strong>Note: compared as two languages`, ""},
		{[]string{"-f", "junit", zh, ru20}, 0, "Note: compared as two languages", ""},
		{[]string{"-f", "tsv", zh, ru20}, 0, "", "paradiff: note: compared as two languages"},
		{[]string{"-f", "tmx", zh, ru20}, 0, "", "paradiff: note: compared as two languages"},
		// A gate never passes only because words were not compared: with
		// detected languages a change gate fails, and a score gate always.
		{[]string{"--fail-on", "major", zh, ru20}, 1, "", "paradiff: gate: words not compared: A and B were taken for two languages, zh and ru"},
		{[]string{"--fail-on", "major", "--lang-a", "zh", "--lang-b", "ru", zh, ru20}, 0, "", ""},
		{[]string{"--min-bleu", "10", "--lang-a", "zh", "--lang-b", "ru", zh, ru20}, 1, "", "gate --min-bleu 10: no score: A and B are in two languages"},
	}
	for _, tt := range tests {
		code, out, stderr := runCmd(t, "", tt.args...)
		if code != tt.wantCode || !strings.Contains(out, tt.wantOut) || !strings.Contains(stderr, tt.wantStderr) {
			t.Errorf("paradiff %q: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, code, out, stderr, tt.wantCode, tt.wantOut, tt.wantStderr)
		}
	}
}

func TestDictionary(t *testing.T) {
	dir := t.TempDir()
	bad := write(t, dir, "bad.dic", []byte("Путин @ 普京\nno separator here\n"))
	zh, ru := "../../testdata/readout/zh.txt", "../../testdata/readout/ru.txt"
	dict := "../../align/testdata/align/zh-ru.dic"
	// The dictionary tells apart the last two sentences, which only one
	// readout each has (see align's readout test).
	if !alignsBead(t, `{"a":[11],"b":[]}`, "--dictionary", dict, zh, ru) {
		t.Errorf("align --dictionary: A's last sentence is not a 1-0 bead")
	}
	if code, _, stderr := runCmd(t, "", "--dictionary", bad, zh, ru); code != 2 || !strings.Contains(stderr, "bad.dic: align: dictionary line 2") {
		t.Errorf("bad dictionary: exit %d, stderr %q", code, stderr)
	}
}

// TestNoLexicon aligns a short English text and its Russian translation,
// which leaves out the third sentence: the built-in lexicon finds it, and
// --no-lexicon turns the lexicon off (align's TestLexiconAligns has the
// same texts).
func TestNoLexicon(t *testing.T) {
	dir := t.TempDir()
	en := write(t, dir, "en.txt", []byte("The river runs through the old city. In winter the water is cold and the children stay at home. "+
		"Every spring the farmers bring bread and wine to the market. The king built a new bridge near the church. "+
		"His daughter wrote a book about the war. Many people came to see the horses.\n"))
	ru := write(t, dir, "ru.txt", []byte("Река течёт через старый город. Зимой вода холодная, и дети остаются дома. "+
		"Король построил новый мост рядом с церковью. Его дочь написала книгу о войне. Много людей пришли посмотреть на лошадей.\n"))
	const dropped = `{"a":[2],"b":[]}`
	if !alignsBead(t, dropped, en, ru) {
		t.Errorf("paradiff align: no bead %s", dropped)
	}
	if alignsBead(t, dropped, "--no-lexicon", en, ru) {
		t.Errorf("paradiff align --no-lexicon: bead %s, which needs the lexicon", dropped)
	}
}

// TestMaxBead aligns a sentence that the French version says in four:
// --max-bead 5 makes that one 1-4 bead, which the default shapes lack.
func TestMaxBead(t *testing.T) {
	dir := t.TempDir()
	en := write(t, dir, "en.txt", []byte("The meeting opened at nine. The committee, having heard the report of the treasurer on the accounts "+
		"of the year, approved them, thanked him for his work over twelve years, and elected his successor. The meeting closed at noon.\n"))
	fr := write(t, dir, "fr.txt", []byte("La séance s'ouvrit à neuf heures. Le comité entendit le rapport du trésorier sur les comptes de l'année. "+
		"Il les approuva. Il le remercia de son travail pendant douze ans. Puis il élut son successeur. La séance fut levée à midi.\n"))
	const bead = `{"a":[1],"b":[1,2,3,4]}`
	if !alignsBead(t, bead, "--max-bead", "5", en, fr) {
		t.Errorf("paradiff align --max-bead 5: no bead %s", bead)
	}
	if alignsBead(t, bead, en, fr) {
		t.Errorf("paradiff align: bead %s, which the default beads lack", bead)
	}
	for _, bad := range []string{"1", "13", "x"} {
		for _, cmd := range [][]string{{"align"}, {}} {
			args := append(append(cmd, "--max-bead", bad), en, fr)
			if code, _, stderr := runCmd(t, "", args...); code != 2 || !strings.Contains(stderr, "max-bead") {
				t.Errorf("paradiff %q: exit %d, stderr %q; want 2 and a message naming --max-bead", args, code, stderr)
			}
		}
	}
}

// alignsBead runs paradiff align -f json with args, which must succeed,
// and reports whether its beads include bead, written as in the JSON.
func alignsBead(t *testing.T, bead string, args ...string) bool {
	t.Helper()
	args = append([]string{"align", "-f", "json"}, args...)
	code, out, stderr := runCmd(t, "", args...)
	if code != 0 || !strings.Contains(out, `"beads"`) {
		t.Fatalf("paradiff %q: exit %d, stderr %q", args, code, stderr)
	}
	return strings.Contains(strings.Join(strings.Fields(out), ""), bead)
}

// TestShortTextsAreDiffed runs the cases of a weak language guess: short
// texts in one language, once read as French and English, must be diffed
// word by word, alone and in directories under a gate.
func TestShortTextsAreDiffed(t *testing.T) {
	for _, pair := range [][2]string{
		{"Total: 5 plus 3 equals 8.\n", "Total: 5 minus 3 equals 8.\n"},
		{"Sentence one plain text here.\n", "Sentence one plain del text here.\n"},
	} {
		dir := t.TempDir()
		a := write(t, dir, "a.txt", []byte(pair[0]))
		b := write(t, dir, "b.txt", []byte(pair[1]))
		if code, out, _ := runCmd(t, "", a, b); code != 1 || strings.Contains(out, "two languages") {
			t.Errorf("paradiff %q %q: exit %d, stdout %q; want 1 and a word diff", pair[0], pair[1], code, out)
		}
		dirA, dirB := dir+"/A", dir+"/B"
		for _, d := range []string{dirA, dirB} {
			if err := os.Mkdir(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		write(t, dirA, "doc.txt", []byte(pair[0]))
		write(t, dirB, "doc.txt", []byte(pair[1]))
		if code, out, stderr := runCmd(t, "", "--fail-on", "minor", dirA, dirB); code != 1 {
			t.Errorf("paradiff --fail-on minor DIR_A DIR_B with %q, %q: exit %d, stdout %q, stderr %q; want 1", pair[0], pair[1], code, out, stderr)
		}
	}
}

// TestOneSegmentation checks that split, align and the comparison cut a
// text alike: a 34 kB line with no sentence end is cut into the same
// pieces by all three.
func TestOneSegmentation(t *testing.T) {
	var line strings.Builder
	for i := 0; line.Len() < 34000; i++ {
		fmt.Fprintf(&line, "word%d and some more words without an end ", i%97)
	}
	f := write(t, t.TempDir(), "long.txt", []byte(line.String()+"\n"))
	count := func(args ...string) (int, string) {
		code, out, stderr := runCmd(t, "", args...)
		if code > 1 {
			t.Fatalf("paradiff %q: exit %d, %s", args, code, stderr)
		}
		return strings.Count(out, `"start"`), stderr
	}
	split, note := count("split", "-f", "json", f)
	if split < 2 || !strings.Contains(note, "cut at spaces") {
		t.Fatalf("split: %d segments, stderr %q; want the line cut, and a note", split, note)
	}
	code, out, _ := runCmd(t, "", "align", "-f", "json", f, f)
	if beads := strings.Count(out, `"a"`); code != 0 || beads != split {
		t.Errorf("align: exit %d, %d beads; want %d, as split has segments", code, beads, split)
	}
	_, out, _ = runCmd(t, "", "-f", "json", f, f)
	var rep struct {
		A, B struct{ Segments []struct{ Start int } }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.A.Segments) != split || len(rep.B.Segments) != split {
		t.Errorf("compare: %d segments in A and %d in B, want %d", len(rep.A.Segments), len(rep.B.Segments), split)
	}
}

// TestLibraryIsTheCLI checks that a Go user calling the library gets
// exactly what the command reports: the JSON of diff.Compare with the
// options the flags stand for equals paradiff -f json, byte for byte.
func TestLibraryIsTheCLI(t *testing.T) {
	dir := t.TempDir()
	pairs := [][2]string{
		{"The band played in the square.\n", "A group performed at the plaza today.\n"},
		{"Total: 5 plus 3 equals 8.\n", "Total: 5 minus 3 equals 8.\n"},
		{"两国元首签署了20多份合作文件。", "Главы государств подписали более 30 документов."},
	}
	for i, p := range pairs {
		a := write(t, dir, fmt.Sprintf("a%d.txt", i), []byte(p[0]))
		b := write(t, dir, fmt.Sprintf("b%d.txt", i), []byte(p[1]))
		_, cli, stderr := runCmd(t, "", "-f", "json", "--metrics", "none", a, b)
		var lib bytes.Buffer
		c := diff.Compare(diff.Document{Name: a, Text: p[0]}, diff.Document{Name: b, Text: p[1]}, diff.Options{})
		if err := report.JSON(&lib, c); err != nil {
			t.Fatal(err)
		}
		if cli != lib.String() {
			t.Errorf("pair %d: the command's JSON (stderr %q) differs from the library's:\n%s\nlibrary:\n%s", i, stderr, cli, lib.String())
		}
	}
}

// TestDirsTwoLanguages checks that directory reports name the pairs
// compared as two languages.
func TestDirsTwoLanguages(t *testing.T) {
	root := t.TempDir()
	a := makeTree(t, root+"/a", map[string]string{"y.txt": "两国元首签署了20多份合作文件。"})
	b := makeTree(t, root+"/b", map[string]string{"y.txt": "Главы государств подписали более 20 документов."})
	for _, tt := range []struct{ format, want string }{
		{"text", "Note: 1 pair compared as two languages, their words not diffed"},
		{"text", "same (2 languages)"},
		{"markdown", "> Note: 1 pair compared as two languages"},
		{"json", `"cross_language": true`},
	} {
		if code, out, stderr := runCmd(t, "", "-f", tt.format, a, b); code != 0 || !strings.Contains(out, tt.want) {
			t.Errorf("-f %s: exit %d (%s), want 0 and %q in:\n%s", tt.format, code, stderr, tt.want, out)
		}
	}
}
