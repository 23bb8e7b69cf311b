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

// checkBaselineTarget refuses a --write-baseline that would overwrite one
// of the inputs, or that names standard output, which carries the report.
func checkBaselineTarget(name string, inputs []string) error {
	switch name {
	case "":
		return nil
	case "-":
		return usageError{"--write-baseline -: standard output carries the report; name a file for the baseline"}
	}
	target, err := os.Stat(name)
	if err != nil {
		return nil // a new file, or one that writing will report on
	}
	for _, in := range inputs {
		if in == "-" {
			continue
		}
		if info, err := os.Stat(in); err == nil && os.SameFile(target, info) {
			return usageError{fmt.Sprintf("--write-baseline %s would overwrite the input %s", name, in)}
		}
	}
	return nil
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
