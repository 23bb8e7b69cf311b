package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/htmlindex"
)

const textRu = "Главы государств подписали более двадцати документов о сотрудничестве. Стороны договорились укреплять координацию в ООН."

func encodeAs(t *testing.T, name, text string) []byte {
	t.Helper()
	enc, err := htmlindex.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := enc.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatalf("encoding %q as %s: %v", text, name, err)
	}
	return out
}

func TestEncodingFlags(t *testing.T) {
	dir := t.TempDir()
	utf8File := write(t, dir, "ru.utf8.txt", []byte(textRu))
	cp1251 := write(t, dir, "ru.1251.txt", encodeAs(t, "windows-1251", textRu))
	koi8 := write(t, dir, "ru.koi8.txt", encodeAs(t, "koi8-r", textRu))
	tests := []struct {
		args       []string
		wantCode   int
		wantStderr string
	}{
		{[]string{"--encoding-a", "windows-1251", cp1251, utf8File}, 0, ""},
		{[]string{"--encoding-a", "windows-1251", "--encoding-b", "koi8-r", cp1251, koi8}, 0, ""},
		{[]string{"--encoding", "koi8-r", koi8, koi8}, 0, ""},
		{[]string{cp1251, utf8File}, 2, "ru.1251.txt: invalid UTF-8 at byte offset 0: the file looks like windows-1251 text; name its encoding with --encoding-a windows-1251\n"},
		{[]string{utf8File, koi8}, 2, "ru.koi8.txt: invalid UTF-8 at byte offset 0: the file looks like koi8-r text; name its encoding with --encoding-b koi8-r\n"},
		{[]string{"align", utf8File, koi8}, 2, "name its encoding with --encoding-b koi8-r\n"},
		{[]string{"score", "-r", cp1251, utf8File}, 2, "ru.1251.txt: invalid UTF-8 at byte offset 0: the file looks like windows-1251 text; name its encoding with --encoding-a windows-1251\n"},
		{[]string{"score", "-r", utf8File, cp1251}, 2, "name its encoding with --encoding-b windows-1251\n"},
		{[]string{"split", cp1251}, 2, "name its encoding with --encoding windows-1251\n"},
		{[]string{"--glossary", cp1251, utf8File, utf8File}, 2, "ru.1251.txt: invalid UTF-8 at byte offset 0: the file looks like windows-1251 text; convert it to UTF-8 (iconv -f windows-1251 -t utf-8)\n"},
		{[]string{"split", "--encoding", "windows-1251", cp1251}, 0, ""},
		{[]string{"--encoding", "ebcdic-klingon", utf8File, utf8File}, 2, `unknown encoding "ebcdic-klingon"`},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != tt.wantCode || !strings.Contains(stderr, tt.wantStderr) || tt.wantStderr == "" && stderr != "" {
			t.Errorf("paradiff %q: exit %d, stderr %q; want %d, %q", tt.args, code, stderr, tt.wantCode, tt.wantStderr)
		}
	}
}

// TestMaxInputSize checks --max-input-size on every input that paradiff
// reads: over the limit is an error naming the file, the limit and the
// flag, with exit status 2.
func TestMaxInputSize(t *testing.T) {
	dir := t.TempDir()
	small := write(t, dir, "small.txt", []byte("The talks began.\n"))
	big := write(t, dir, "big.txt", []byte(strings.Repeat("The talks went on. ", 200))) // 3800 bytes
	bigGlossary := write(t, dir, "big.tsv", []byte(strings.Repeat("began\tbegan\n", 400)))
	bigDict := write(t, dir, "big.dict", []byte(strings.Repeat("began @ began\n", 400)))
	bigBaseline := write(t, dir, "big.json", []byte(`{"version": 1, "pad": "`+strings.Repeat("x", 5000)+`"}`))
	tests := []struct {
		args       []string
		stdin      string
		wantCode   int
		wantStderr string
	}{
		{[]string{"--max-input-size", "2K", big, small}, "", 2, "big.txt: 3.7 KiB, larger than the input size limit of 2 KiB (--max-input-size raises it)\n"},
		{[]string{"--max-input-size", "4K", big, small}, "", 1, ""},
		{[]string{big, small, "--max-input-size", "2000"}, "", 2, "big.txt: 3.7 KiB, larger than the input size limit of 2000 bytes"},
		{[]string{"--max-input-size", "2K", "-", small}, strings.Repeat("The talks went on. ", 200), 2, "standard input: 3.7 KiB, larger than the input size limit of 2 KiB (--max-input-size raises it)"},
		{[]string{"--max-input-size", "9K", "-", small}, strings.Repeat("The talks went on. ", 1000), 2, "standard input: larger than the input size limit of 9 KiB (--max-input-size raises it)"},
		{[]string{"--max-input-size", "2K", "--glossary", bigGlossary, small, small}, "", 2, "big.tsv: 4.7 KiB, larger than"},
		{[]string{"--max-input-size", "2K", "--dictionary", bigDict, small, small}, "", 2, "big.dict: 5.5 KiB, larger than"},
		{[]string{"--max-input-size", "2K", "--baseline", bigBaseline, small, small}, "", 2, "big.json: 4.9 KiB, larger than"},
		{[]string{"align", "--max-input-size", "2K", small, big}, "", 2, "big.txt: 3.7 KiB, larger than"},
		{[]string{"split", "--max-input-size", "2K", big}, "", 2, "big.txt: 3.7 KiB, larger than"},
		{[]string{"score", "--max-input-size", "2K", "-r", small, big}, "", 2, "big.txt: 3.7 KiB, larger than"},
		{[]string{"--max-input-size", "0", small, small}, "", 2, "invalid value \"0\" for flag -max-input-size: want a size in bytes above 0"},
		{[]string{"--max-input-size", "lots", small, small}, "", 2, "want a size in bytes above 0"},
		{[]string{"--max-input-size", "1MiB", small, small}, "", 0, ""},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.stdin, tt.args...)
		if code != tt.wantCode || !strings.Contains(stderr, tt.wantStderr) || tt.wantStderr == "" && stderr != "" {
			t.Errorf("paradiff %q: exit %d, stderr %q; want %d, %q", tt.args, code, stderr, tt.wantCode, tt.wantStderr)
		}
		if strings.Count(stderr, "\n") > 2 {
			t.Errorf("paradiff %q: stderr of more than one message: %q", tt.args, stderr)
		}
	}
}

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{"300000": 300000, "512K": 512 << 10, "64M": 64 << 20, "64MiB": 64 << 20, "2g": 2 << 30, "1TB": 1 << 40, "100B": 100} {
		var n int64
		if err := (byteSize{&n}).Set(in); err != nil || n != want {
			t.Errorf("Set(%q) = %d, %v; want %d", in, n, err, want)
		}
	}
	for _, in := range []string{"", "-1", "0", "1.5G", "G", "9999999999T", "12X"} {
		var n int64
		if err := (byteSize{&n}).Set(in); err == nil {
			t.Errorf("Set(%q) = %d, want an error", in, n)
		}
	}
}

// TestEncodingBothSides checks that --encoding, named for both files,
// leaves a file in valid UTF-8 as it is, where --encoding-a and
// --encoding-b force theirs.
func TestEncodingBothSides(t *testing.T) {
	dir := t.TempDir()
	utf8File := write(t, dir, "ru.utf8.txt", []byte(textRu))
	cp1251 := write(t, dir, "ru.1251.txt", encodeAs(t, "windows-1251", textRu))
	mojibake := "Р“Р»Р°РІС‹" // UTF-8 "Главы" read as windows-1251
	tests := []struct {
		args     []string
		mojibake bool
	}{
		{[]string{"--encoding", "windows-1251", cp1251, utf8File}, false},
		{[]string{"--encoding", "windows-1251", utf8File, cp1251}, false},
		{[]string{"--encoding-b", "windows-1251", cp1251, utf8File, "--encoding-a", "windows-1251"}, true},
		{[]string{"--encoding-a", "windows-1251", utf8File, utf8File}, true},
	}
	for _, tt := range tests {
		code, out, stderr := runCmd(t, "", append([]string{"-f", "tsv"}, tt.args...)...)
		// Mojibake reads as another language: a note may say so.
		if code == exitTrouble || stderr != "" && !strings.HasPrefix(stderr, "paradiff: note: compared as two languages") {
			t.Fatalf("paradiff %q: exit %d, stderr %q", tt.args, code, stderr)
		}
		if got := strings.Contains(out, mojibake); got != tt.mojibake || strings.Count(out, "Главы")+strings.Count(out, mojibake) != 2 {
			t.Errorf("paradiff %q: mojibake %v, want %v:\n%s", tt.args, got, tt.mojibake, out)
		}
	}
	// The directories' files alike, and the hint names the side.
	dirA, dirB := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	for _, d := range []string{dirA, dirB} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write(t, dirA, "ru.txt", encodeAs(t, "windows-1251", textRu))
	write(t, dirB, "ru.txt", []byte(textRu))
	if code, _, stderr := runCmd(t, "", "--encoding", "windows-1251", dirA, dirB); code == exitTrouble || stderr != "" {
		t.Errorf("directories with --encoding: exit %d, stderr %q", code, stderr)
	}
	if code, out, _ := runCmd(t, "", dirA, dirB); code != exitTrouble || !strings.Contains(out, "--encoding-a windows-1251") {
		t.Errorf("directories without --encoding: exit %d, report %q; want the hint --encoding-a windows-1251", code, out)
	}
}
