package textio

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// EachLine calls fn with each line of r, numbered from 1, without its
// line end ("\n" or "\r\n"), and stops at the first error, which a read
// error gets its line number in. A line has no length limit, unlike a
// bufio.Scanner's: the input's size is bounded by whoever opened it.
func EachLine(r io.Reader, fn func(n int, line string) error) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if err != nil && err != io.EOF {
			return fmt.Errorf("line %d: %w", n, err)
		}
		if line == "" && err == io.EOF {
			return nil
		}
		if ferr := fn(n, strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")); ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}
