package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestOneStdin checks that two inputs cannot both read standard input:
// the second would read nothing.
func TestOneStdin(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("The talks began.\n"))
	b := write(t, dir, "b.txt", []byte("The formal talks began.\n"))
	base := filepath.Join(dir, "base.json")
	if code, _, stderr := runCmd(t, "", "--write-baseline", base, a, b); code != 1 {
		t.Fatalf("--write-baseline: exit %d, stderr %q", code, stderr)
	}
	glossary := "began\tbegan\n"
	tests := []struct {
		args       []string
		stdin      string
		wantCode   int
		wantStderr string
	}{
		{[]string{"--glossary", "-", "-", b}, glossary, 2, "paradiff: A and --glossary both read standard input (-): only one input can\n"},
		{[]string{"--glossary", "-", a, "-"}, glossary, 2, "B and --glossary both read standard input"},
		{[]string{"--dictionary", "-", "-", b}, "began @ began\n", 2, "A and --dictionary both read standard input"},
		{[]string{"--dictionary", "-", "--glossary", "-", a, b}, glossary, 2, "--glossary and --dictionary both read standard input"},
		{[]string{"--baseline", "-", a, "-"}, "", 2, "B and --baseline both read standard input"},
		{[]string{"align", "--dictionary", "-", a, "-"}, "", 2, "B and --dictionary both read standard input"},
		// One reader of standard input is fine.
		{[]string{"--glossary", "-", a, b}, glossary, 1, ""},
		{[]string{"--glossary", write(t, dir, "g.tsv", []byte(glossary)), "-", b}, "The talks began.\n", 1, ""},
		{[]string{"align", "--dictionary", "-", a, b}, "began @ began\n", 0, ""},
	}
	for _, tt := range tests {
		code, _, stderr := runCmd(t, tt.stdin, tt.args...)
		if code != tt.wantCode || !strings.Contains(stderr, tt.wantStderr) || tt.wantStderr == "" && stderr != "" {
			t.Errorf("paradiff %q: exit %d, stderr %q; want %d, %q", tt.args, code, stderr, tt.wantCode, tt.wantStderr)
		}
	}
}
