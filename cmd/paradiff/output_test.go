package main

import (
	"errors"
	"strings"
	"testing"
)

// failingWriter fails every write, as a full disk or a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestWriteError: a report that cannot be written is trouble (exit 2),
// said on stderr as such, whatever the command, the format or -h.
func TestWriteError(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("The talks began.\n"))
	b := write(t, dir, "b.txt", []byte("The talks started.\n"))
	for _, args := range [][]string{
		{a, b}, {a, a}, {"-f", "json", a, b}, {"-f", "html", a, b}, {"-y", a, b},
		{dir, dir}, {"-f", "markdown", dir, dir},
		{"split", a}, {"align", a, b}, {"score", "-r", a, b}, {"-h"}, {"score", "-h"},
	} {
		var errOut strings.Builder
		code := run(args, strings.NewReader(""), failingWriter{}, &errOut, func(string) string { return "" })
		if code != exitTrouble || !strings.Contains(errOut.String(), "paradiff: writing the report: no space left on device") {
			t.Errorf("paradiff %q: exit %d, stderr %q; want 2 and the write error", args, code, errOut.String())
		}
	}
}
