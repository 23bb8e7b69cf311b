package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func TestProgressBar(t *testing.T) {
	clock := time.Unix(0, 0)
	now := func() time.Time { return clock }
	var out bytes.Buffer
	bar := newProgressBar(&out, time.Second, now)
	bar.update("aligning", 0, 0)
	if out.Len() != 0 {
		t.Fatalf("drew %q before the delay", out.String())
	}
	clock = clock.Add(2 * time.Second)
	bar.update("diffing", 50, 100)
	if got := out.String(); !strings.Contains(got, "diffing [###############...............] 50/100") {
		t.Errorf("bar %q", got)
	}
	bar.update("diffing", 60, 100) // within 100 ms of the last: skipped
	if strings.Contains(out.String(), "60/100") {
		t.Errorf("redrew within 100 ms: %q", out.String())
	}
	bar.finish()
	if !strings.HasSuffix(out.String(), "\r\x1b[K") {
		t.Errorf("finish did not clear the line: %q", out.String())
	}
	var quiet bytes.Buffer
	q := newProgressBar(&quiet, time.Second, func() time.Time { return time.Unix(0, 0) })
	q.update("diffing", 1, 2)
	q.finish()
	if quiet.Len() != 0 {
		t.Errorf("a quick comparison drew %q", quiet.String())
	}
}

func TestProgressFlag(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "a.txt", []byte("The talks began."))
	b := write(t, dir, "b.txt", []byte("The talks started."))
	if _, _, stderr := runCmd(t, "", a, b); stderr != "" {
		t.Errorf("auto progress wrote %q to a pipe", stderr)
	}
	if _, _, stderr := runCmd(t, "", "--progress", "always", a, b); !strings.Contains(stderr, "paradiff: diffing [") || !strings.HasSuffix(stderr, "\r\x1b[K") {
		t.Errorf("--progress always: %q", stderr)
	}
	if code, _, stderr := runCmd(t, "", "--progress", "sometimes", a, b); code != 2 || !strings.Contains(stderr, "--progress") {
		t.Errorf("bad --progress: exit %d, %q", code, stderr)
	}
}
