package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/paradiff/paradiff/gate"
)

// readBaseline reads a baseline file (see package gate). Every problem
// with it is an error naming the file: paradiff will not gate against a
// baseline it misreads.
func readBaseline(name string, stdin io.Reader, enc encodings) (*gate.Baseline, error) {
	text, err := enc.readUTF8(name, stdin)
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
// of the inputs (A, B, a glossary or a dictionary) or write into a
// directory compared, or that names standard output, which carries the
// report.
func checkBaselineTarget(name string, inputs []string) error {
	switch name {
	case "":
		return nil
	case "-":
		return usageError{"--write-baseline -: standard output carries the report; name a file for the baseline"}
	}
	target, err := os.Stat(name)
	parent, _ := filepath.Abs(filepath.Dir(name))
	parent, _ = filepath.EvalSymlinks(parent)
	for _, in := range inputs {
		if in == "-" || in == "" {
			continue
		}
		info, errIn := os.Stat(in)
		switch {
		case errIn != nil:
		case info.IsDir() && within(parent, in):
			return usageError{fmt.Sprintf("--write-baseline %s would write into the directory compared %s", name, in)}
		case err == nil && os.SameFile(target, info):
			return usageError{fmt.Sprintf("--write-baseline %s would overwrite the input %s", name, in)}
		}
	}
	return nil
}

// within reports whether the directory path (absolute, links resolved)
// is dir or lies below it.
func within(path, dir string) bool {
	dir, err := filepath.Abs(dir)
	if err == nil {
		dir, err = filepath.EvalSymlinks(dir)
	}
	if err != nil || path == "" {
		return false
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
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
