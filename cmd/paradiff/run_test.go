package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// write creates a file in dir and returns its path.
func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := func(string) string { return "" }
	code = run(args, strings.NewReader(stdin), &out, &errOut, env)
	return code, out.String(), errOut.String()
}

func TestExitStatus(t *testing.T) {
	dir := t.TempDir()
	same := write(t, dir, "same.txt", []byte("The talks began. Both sides agreed.\n"))
	same2 := write(t, dir, "same2.txt", []byte("The talks began. Both sides agreed.\n"))
	other := write(t, dir, "other.txt", []byte("The talks started. Both sides agreed.\n"))
	caseOnly := write(t, dir, "case.txt", []byte("The talks began. Both Sides agreed.\n"))
	empty := write(t, dir, "empty.txt", nil)
	binary := write(t, dir, "binary.txt", []byte("The talks\x00began."))
	latin1 := write(t, dir, "latin1.txt", []byte("Caf\xe9 talks began."))
	utf16 := write(t, dir, "utf16.txt", []byte{0xff, 0xfe, 'T', 0, 'h', 0, 'e', 0, ' ', 0, 't', 0, 'a', 0, 'l', 0, 'k', 0, 's', 0, ' ', 0, 'b', 0, 'e', 0, 'g', 0, 'a', 0, 'n', 0, '.', 0, ' ', 0, 'B', 0, 'o', 0, 't', 0, 'h', 0, ' ', 0, 's', 0, 'i', 0, 'd', 0, 'e', 0, 's', 0, ' ', 0, 'a', 0, 'g', 0, 'r', 0, 'e', 0, 'e', 0, 'd', 0, '.', 0, '\n', 0})
	bom := write(t, dir, "bom.txt", []byte("\xef\xbb\xbfThe talks began. Both sides agreed.\n"))
	missing := filepath.Join(dir, "missing.txt")
	glossary := write(t, dir, "glossary.tsv", []byte("began\tbegan\tstarted\n"))
	badGlossary := write(t, dir, "bad.tsv", []byte("# comment\nno tab here\n"))

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStderr string // a substring; empty means stderr must be empty
	}{
		{"identical files", []string{same, same2}, "", 0, ""},
		{"different files", []string{same, other}, "", 1, ""},
		{"trivial difference counts", []string{same, caseOnly}, "", 1, ""},
		{"trivial difference ignored", []string{"--ignore-trivial", same, caseOnly}, "", 0, ""},
		{"flags after the files", []string{same, other, "-f", "json"}, "", 1, ""},
		{"standard input as B", []string{same, "-"}, "The talks began. Both sides agreed.\n", 0, ""},
		{"UTF-16 with BOM is decoded", []string{same, utf16}, "", 0, ""},
		{"UTF-8 BOM is dropped", []string{same, bom}, "", 0, ""},
		{"empty against non-empty", []string{empty, same}, "", 1, ""},
		{"both empty", []string{empty, empty}, "", 0, ""},
		{"missing file", []string{same, missing}, "", 2, "missing.txt: no such file"},
		{"directory", []string{dir, same}, "", 2, "is a directory"},
		{"binary file", []string{binary, same}, "", 2, "binary.txt: binary file (NUL byte at offset 9)"},
		{"invalid UTF-8", []string{same, latin1}, "", 2, "latin1.txt: invalid UTF-8 at byte offset 3"},
		{"invalid UTF-8 on standard input", []string{same, "-"}, "bad \xff", 2, "standard input: invalid UTF-8 at byte offset 4"},
		{"no files", nil, "", 2, "need two files"},
		{"one file", []string{same}, "", 2, "need two files to compare, A and B, got 1 argument"},
		{"three files", []string{same, same, same}, "", 2, "got 3 arguments"},
		{"both standard input", []string{"-", "-"}, "", 2, "only one of the two files"},
		{"unknown flag", []string{"--frobnicate", same, other}, "", 2, "flag provided but not defined: -frobnicate"},
		{"bad format", []string{"-f", "pdf", same, other}, "", 2, `--format "pdf": want one of text, markdown, json`},
		{"bad color", []string{"--color", "sometimes", same, other}, "", 2, "--color"},
		{"glossary kept", []string{"--glossary", glossary, same, same2}, "", 0, ""},
		{"glossary departure", []string{"--glossary", glossary, same, other}, "", 1, ""},
		{"bad glossary", []string{"--glossary", badGlossary, same, other}, "", 2, "bad.tsv: line 2: want a term, a tab and its approved rendering"},
		{"missing glossary", []string{"--glossary", missing, same, other}, "", 2, "missing.txt: no such file"},
		{"help", []string{"-h"}, "", 0, ""},
		{"split", []string{"split", same}, "", 0, ""},
		{"split missing file", []string{"split", missing}, "", 2, "no such file"},
		{"split bad segments", []string{"split", "--segments", "words", same}, "", 2, `--segments "words"`},
		{"align", []string{"align", same, other}, "", 0, ""},
		{"align binary", []string{"align", same, binary}, "", 2, "binary file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tt.stdin, tt.args...)
			if code != tt.wantCode {
				t.Errorf("paradiff %q: exit %d, want %d (stderr %q)", tt.args, code, tt.wantCode, stderr)
			}
			if tt.wantStderr == "" && stderr != "" || !strings.Contains(stderr, tt.wantStderr) {
				t.Errorf("paradiff %q: stderr %q, want %q", tt.args, stderr, tt.wantStderr)
			}
			if tt.wantCode == 2 && strings.Count(stderr, "\n") > 2 {
				t.Errorf("error is not one line: %q", stderr)
			}
		})
	}
}

func TestSplitJSON(t *testing.T) {
	dir := t.TempDir()
	text := "Moscow, May 8\n\nMr. Xi met V. V. Putin. They agreed."
	f := write(t, dir, "a.txt", []byte(text))
	code, out, _ := runCmd(t, "", "split", "-f", "json", f)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Segments []struct {
			Text       string
			Start, End int
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	want := []string{"Moscow, May 8", "Mr. Xi met V. V. Putin.", "They agreed."}
	if len(got.Segments) != len(want) {
		t.Fatalf("split -f json gave %d segments, want %d: %s", len(got.Segments), len(want), out)
	}
	for i, s := range got.Segments {
		if s.Text != want[i] || text[s.Start:s.End] != s.Text {
			t.Errorf("segment %d: %q at [%d,%d), want %q at its span", i, s.Text, s.Start, s.End, want[i])
		}
	}
}

func TestAlignLinesJSON(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("The talks began in Moscow.\nA band played the anthems.\nThe press was told.\n"))
	b := write(t, dir, "b.txt", []byte("The talks began in Moscow.\nThe press was told everything.\n"))
	code, out, stderr := runCmd(t, "", "align", "--segments", "lines", "-f", "json", a, b)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := `{"beads":[{"a":[0],"b":[0]},{"a":[1],"b":[]},{"a":[2],"b":[1]}]}`
	var v any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	compact, _ := json.Marshal(v)
	if string(compact) != want {
		t.Errorf("align -f json = %s, want %s", compact, want)
	}
}

func TestAlignTSV(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("The talks began in Moscow. A band played."))
	b := write(t, dir, "b.txt", []byte("The talks\tbegan in Moscow. A band played."))
	_, out, _ := runCmd(t, "", "align", a, b)
	want := "0\t0\tThe talks began in Moscow.\tThe talks\\tbegan in Moscow.\n1\t1\tA band played.\tA band played.\n"
	if out != want {
		t.Errorf("align TSV =\n%q\nwant\n%q", out, want)
	}
}

func TestColor(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("The talks began."))
	b := write(t, dir, "b.txt", []byte("The talks started."))
	for _, tt := range []struct {
		args    []string
		noColor string
		want    bool
	}{
		{[]string{a, b}, "", false}, // not a terminal
		{[]string{"--color=always", a, b}, "", true},
		{[]string{"--color=always", a, b}, "1", true}, // the flag wins over NO_COLOR
		{[]string{"--color=never", a, b}, "", false},
	} {
		var out bytes.Buffer
		run(tt.args, strings.NewReader(""), &out, &bytes.Buffer{}, func(k string) string {
			if k == "NO_COLOR" {
				return tt.noColor
			}
			return ""
		})
		if got := strings.Contains(out.String(), "\x1b["); got != tt.want {
			t.Errorf("paradiff %q with NO_COLOR=%q: colour %v, want %v", tt.args, tt.noColor, got, tt.want)
		}
	}
}

func TestLongLineNote(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte(strings.Repeat("the talks went on and on ", 4000))) // 100 kB, no sentence end
	b := write(t, dir, "b.txt", []byte(strings.Repeat("the talks went on and on ", 3990)))
	code, _, stderr := runCmd(t, "", a, b)
	if code != exitDiffer || !strings.Contains(stderr, "a.txt: 1 segment longer than 20000 bytes") || !strings.Contains(stderr, "paradiff: note: ") {
		t.Errorf("exit %d, stderr %q; want 1 and a note on the cut", code, stderr)
	}
}

func TestStderrIsTerminalSafe(t *testing.T) {
	code, _, stderr := runCmd(t, "", "evil\x1b[31m\u202e.txt", "other.txt")
	if code != exitTrouble || strings.ContainsAny(stderr, "\x1b\u202e") || !strings.Contains(stderr, "evil?[31m?.txt: no such file") {
		t.Errorf("exit %d, stderr %q; want the name with its control characters shown as ?", code, stderr)
	}
}
