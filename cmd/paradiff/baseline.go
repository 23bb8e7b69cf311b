package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/paradiff/paradiff/gate"
)

// readBaseline reads a baseline file (see package gate). Every problem
// with it is an error naming the file: paradiff will not gate against a
// baseline it misreads.
func readBaseline(name string, stdin io.Reader) (*gate.Baseline, error) {
	text, err := readUTF8(name, stdin)
	if err != nil {
		return nil, fmt.Errorf("baseline %w", err)
	}
	b, err := gate.ReadBaseline(strings.NewReader(text), displayName(name))
	if err != nil {
		return nil, fromGate(err)
	}
	return b, nil
}

// writeBaseline writes a baseline: the JSON report, through render.
func writeBaseline(name string, render func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	return nil
}
