package main

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paradiff/paradiff/internal/textio"
)

// inputLimit is --max-input-size, the largest input paradiff reads (every
// input: A, B, references, --glossary, --dictionary, --baseline). It is a
// package variable, set by each command's flag set (newFlagSet), so that
// every reader sees it without a parameter.
var inputLimit int64 = textio.DefaultLimit

// readInput reads the file name, or standard input for "-", as text
// decoded from encodingName (see package textio), refusing an input larger
// than --max-input-size. Errors name the file.
func readInput(name string, stdin io.Reader, encodingName string) (string, error) {
	text, err := textio.Read(name, stdin, textio.Options{Encoding: encodingName, Limit: inputLimit})
	return text, inputError(err)
}

// inputError adds to an error of textio what the command line can do
// about it.
func inputError(err error) error {
	if errors.Is(err, textio.ErrTooLarge) {
		return fmt.Errorf("%w (--max-input-size raises it)", err)
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
