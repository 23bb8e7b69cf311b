package main

import (
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
		{[]string{cp1251, utf8File}, 2, "ru.1251.txt: invalid UTF-8 at byte offset 0: the file looks like windows-1251 text; name its encoding with --encoding windows-1251"},
		{[]string{utf8File, koi8}, 2, "--encoding koi8-r"},
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
