package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/internal/textio"
)

// readFile reads split's one file, or standard input for "-", as text
// decoded from the encoding --encoding (or --encoding-a) names, refusing
// an input larger than --max-input-size. Errors name the file; one in the
// encoding suggests --encoding. A or B of a pair is read with read, which
// names the side's flag, and a file that takes no encoding with readUTF8.
func (e encodings) readFile(name string, stdin io.Reader) (string, error) {
	enc := e.a
	if enc == "" {
		enc = e.both
	}
	text, err := textio.Read(name, stdin, textio.Options{Encoding: enc, Limit: e.limit})
	return text, inputError(err, "--encoding")
}

// read reads input side of a pair: 0 for A (and score's references), 1
// for B (and score's hypothesis), as the library reads the files of two
// directories (see diff.ReadOptions).
func (e encodings) read(name string, stdin io.Reader, side int) (string, error) {
	return e.readOptions().Read(name, stdin, side)
}

// explainSide adds to an error reading side 0 (A) or 1 (B) the flag that
// names that side's encoding, or raises the size limit.
func explainSide(err error, side int) error {
	return inputError(err, [2]string{"--encoding-a", "--encoding-b"}[side])
}

// readOptions says how to read A and B: --encoding-a or --encoding-b
// forces the side's encoding; --encoding, for both sides, is a default
// that a file with a byte order mark or in valid UTF-8 overrides, so that
// naming the encoding of one file does not turn the other, UTF-8, into
// mojibake.
func (e encodings) readOptions() diff.ReadOptions {
	return diff.ReadOptions{Encoding: e.both, EncodingA: e.a, EncodingB: e.b, MaxFileBytes: e.limit, Explain: explainSide}
}

// readUTF8 reads a file that takes no --encoding: a glossary, a
// dictionary, a baseline. It must be UTF-8 (or UTF-16 with a byte order
// mark).
func (e encodings) readUTF8(name string, stdin io.Reader) (string, error) {
	text, err := textio.Read(name, stdin, textio.Options{Limit: e.limit})
	return text, inputError(err, "")
}

// inputError adds to an error of textio what the command line can do
// about it: the flag that raises the size limit, or, for an input in
// another encoding, the flag that names it (encodingFlag; "" for a file
// that takes none, which must be converted).
func inputError(err error, encodingFlag string) error {
	var ee *textio.EncodingError
	switch {
	case errors.Is(err, textio.ErrTooLarge):
		return fmt.Errorf("%w (--max-input-size raises it)", err)
	case errors.As(err, &ee) && encodingFlag == "" && ee.Guess != "":
		return fmt.Errorf("%w; convert it to UTF-8 (iconv -f %s -t utf-8)", err, ee.Guess)
	case errors.As(err, &ee) && encodingFlag == "":
		return fmt.Errorf("%w; convert it to UTF-8", err)
	case errors.As(err, &ee) && ee.Guess != "":
		return fmt.Errorf("%w; name its encoding with %s %s", err, encodingFlag, ee.Guess)
	case errors.As(err, &ee):
		return fmt.Errorf("%w; name its encoding with %s", err, encodingFlag)
	}
	return err
}

// byteSize is the value of --max-input-size: a number of bytes, with an
// optional binary unit: 300000, 512K, 64M, 2G, 1T (KiB, MiB, ... too).
type byteSize struct{ n *int64 }

func (s byteSize) String() string {
	if s.n == nil {
		return ""
	}
	return textio.FormatSize(*s.n)
}

func (s byteSize) Set(v string) error {
	num := strings.TrimSpace(v)
	shift := 0
	upper := strings.ToUpper(num)
	for i, unit := range []string{"K", "M", "G", "T"} {
		for _, suffix := range []string{unit + "IB", unit + "B", unit} {
			if strings.HasSuffix(upper, suffix) {
				num, shift = strings.TrimSpace(num[:len(num)-len(suffix)]), 10*(i+1)
				break
			}
		}
		if shift != 0 {
			break
		}
	}
	upper = strings.ToUpper(num)
	if shift == 0 && strings.HasSuffix(upper, "B") {
		num = num[:len(num)-1]
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<62)>>shift {
		return fmt.Errorf("want a size in bytes above 0, such as 300000, 512K, 64M or 2G")
	}
	*s.n = n << shift
	return nil
}
