package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/mattn/go-runewidth"

	"github.com/paradiff/paradiff/report"
)

func TestIsTerminalDevNull(t *testing.T) {
	f, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	if isTerminal(f) {
		t.Errorf("isTerminal(%s) = true", os.DevNull)
	}
}

// TestWidthBound: --width beyond report.MaxWidth is a usage error, and a
// huge $COLUMNS counts as MaxWidth, where both used to fill the memory.
func TestWidthBound(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("The talks began.\n"))
	b := write(t, dir, "b.txt", []byte("The talks started.\n"))
	for _, w := range []string{"99999999999", "1001", "-1", "wide"} {
		code, _, stderr := runCmd(t, "", "--width", w, "-y", a, b)
		if code != exitTrouble || !strings.Contains(stderr, "width") {
			t.Errorf("--width %s: exit %d, stderr %q; want 2 and a usage error", w, code, stderr)
		}
	}
	if code, _, stderr := runCmd(t, "", "--width", "1000", "-y", a, b); code != exitDiffer {
		t.Errorf("--width 1000: exit %d, stderr %q", code, stderr)
	}
	for _, cols := range []string{"999999999999", "2000000000", "99999999999999999999999"} {
		var out, errOut bytes.Buffer
		env := func(k string) string {
			if k == "COLUMNS" {
				return cols
			}
			return ""
		}
		code := run([]string{"-y", a, b}, strings.NewReader(""), &out, &errOut, env)
		if code != exitDiffer {
			t.Fatalf("COLUMNS=%s: exit %d, stderr %q", cols, code, errOut.String())
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if w := runewidth.StringWidth(line); w > report.MaxWidth {
				t.Fatalf("COLUMNS=%s: a line %d columns wide", cols, w)
			}
		}
	}
}
