package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/term"

	"github.com/paradiff/paradiff/report"
)

// widthFlag is --width: a number of columns from 0 (the terminal's) to
// report.MaxWidth.
type widthFlag int

func (w *widthFlag) String() string { return strconv.Itoa(int(*w)) }

func (w *widthFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 || n > report.MaxWidth {
		return fmt.Errorf("want a number of columns from 0 to %d", report.MaxWidth)
	}
	*w = widthFlag(n)
	return nil
}

// terminalWidth is the width for the side-by-side view: --width, else
// the terminal's, else $COLUMNS, else the report's default. A terminal or
// $COLUMNS wider than report.MaxWidth counts as that wide.
func (o compareOptions) terminalWidth(w io.Writer, getenv func(string) string) int {
	if o.width > 0 {
		return min(o.width, report.MaxWidth)
	}
	if f, ok := fileOf(w); ok && isTerminal(w) {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
			return min(width, report.MaxWidth)
		}
	}
	if cols, err := strconv.ParseInt(strings.TrimSpace(getenv("COLUMNS")), 10, 64); err == nil && cols > 0 {
		return int(min(cols, report.MaxWidth))
	}
	return 0
}

// isTerminal reports whether w is a terminal. (A character device is not
// enough: /dev/null is one.)
func isTerminal(w io.Writer) bool {
	f, ok := fileOf(w)
	return ok && term.IsTerminal(int(f.Fd()))
}

// fileOf returns the file w writes to, if it is one.
func fileOf(w io.Writer) (*os.File, bool) {
	if o, ok := w.(*outWriter); ok {
		w = o.w
	}
	f, ok := w.(*os.File)
	return f, ok
}

// outWriter is standard output as run hands it to the commands: it keeps
// the first write error, so that a failed write is reported as such even
// where a writer along the way drops it.
type outWriter struct {
	w   io.Writer
	err error
}

func (o *outWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	if err != nil && o.err == nil {
		o.err = err
	}
	return n, err
}
