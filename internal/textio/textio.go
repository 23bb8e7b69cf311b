// Package textio reads the inputs of a comparison as text: a file, or a
// stream such as standard input, decoded into valid UTF-8 from UTF-8,
// UTF-16 with a byte order mark, or an encoding named by its WHATWG label.
// Bytes that do not decode are an error, never a U+FFFD in the text.
//
// Reading is bounded: an input larger than a limit ([DefaultLimit] unless
// [Options] say otherwise) is refused without reading it whole, a regular
// file by its size before reading anything, a stream (standard input, a
// pipe, a device such as /dev/zero) once it has given one byte more than
// the limit. Binary data (a NUL byte that is not UTF-16's) is refused
// from its first 8 KiB, without reading on.
//
// It is in internal/ because both the command and the library (reading
// directory trees) read inputs this way.
package textio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
)

// DefaultLimit is the largest input Read takes when Options.Limit is 0:
// 64 MiB. A comparison's peak memory is about 17 times the size of its
// two inputs (README, "Speed and memory"), so two inputs at the limit take
// some 2 GB and tens of seconds; that is far beyond any statement, book or
// test set (a WMT test set is under 1 MB), yet refuses at once a device,
// a disk image or a dump named by mistake.
const DefaultLimit = 64 << 20

// headSize is how much of an input is read before the rest: a NUL byte in
// it that is not UTF-16's is binary data, refused without reading on.
const headSize = 8 << 10

// Options tell Read how to read an input.
type Options struct {
	// Encoding is a WHATWG encoding label such as "windows-1251"; ""
	// sniffs a byte order mark and otherwise wants UTF-8.
	Encoding string
	// Sniff makes Encoding a default for input that does not say what
	// it is: input with a byte order mark, or valid UTF-8 with no NUL
	// byte, is read as that whatever Encoding names. It is for one
	// encoding named for several files, of which some may be UTF-8:
	// legacy encodings read UTF-8 as mojibake without an error, and
	// their text is hardly ever valid UTF-8.
	Sniff bool
	// Limit is the largest input in bytes; 0 means DefaultLimit.
	Limit int64
}

// ErrTooLarge is the error a *TooLargeError matches with errors.Is.
var ErrTooLarge = errors.New("input too large")

// TooLargeError is the error for an input over the size limit.
type TooLargeError struct {
	Name  string // the file, or "standard input"
	Size  int64  // its size, or -1 for a stream, refused once past Limit
	Limit int64
}

func (e *TooLargeError) Error() string {
	limit := FormatSize(e.Limit)
	if strings.Contains(limit, ".") { // the limit exactly, as it was given
		limit = fmt.Sprintf("%d bytes", e.Limit)
	}
	if e.Size < 0 {
		return fmt.Sprintf("%s: larger than the input size limit of %s", e.Name, limit)
	}
	return fmt.Sprintf("%s: %s, larger than the input size limit of %s", e.Name, FormatSize(e.Size), limit)
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *TooLargeError) Is(target error) bool { return target == ErrTooLarge }

// FormatSize writes a number of bytes for a person: "64 MiB", "1.5 GiB",
// "300 bytes".
func FormatSize(n int64) string {
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	if n < 1<<10 {
		return fmt.Sprintf("%d bytes", n)
	}
	unit, div := "", int64(1)
	for _, u := range units {
		if n/div < 1<<10 {
			break
		}
		unit, div = u, div<<10
	}
	if n%div == 0 {
		return fmt.Sprintf("%d %s", n/div, unit)
	}
	return fmt.Sprintf("%.1f %s", float64(n)/float64(div), unit)
}

// Read reads the file name, or stdin for "-", and returns its text as
// valid UTF-8 (see package doc and Options). Offsets in every report count
// bytes of the returned text. Errors name the file ("standard input" for
// "-") and say what is wrong with it; an input over the limit gets a
// *TooLargeError.
func Read(name string, stdin io.Reader, opts Options) (string, error) {
	if opts.Limit <= 0 {
		opts.Limit = DefaultLimit
	}
	if opts.Encoding != "" { // an unknown name is an error before any reading
		if _, _, err := lookup(opts.Encoding); err != nil {
			return "", err
		}
	}
	var data []byte
	var err error
	if name == "-" {
		name = "standard input"
		data, err = readBounded(stdin, name, -1, opts)
	} else {
		data, err = readFile(name, opts)
	}
	if err != nil {
		return "", err
	}
	enc := opts.Encoding
	if opts.Sniff && saysWhatItIs(data) {
		enc = ""
	}
	text, err := decode(data, enc)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return text, nil
}

func readFile(name string, opts Options) ([]byte, error) {
	f, err := os.Open(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file", name)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s: permission denied", name)
	case err != nil:
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	switch {
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not a file", name)
	}
	size := int64(-1) // unknown: a pipe or a device, read up to the limit
	if info.Mode().IsRegular() {
		size = info.Size() // a hint only: /proc files say 0, files grow
		if size > opts.Limit {
			return nil, &TooLargeError{Name: name, Size: size, Limit: opts.Limit}
		}
	}
	data, err := readBounded(f, name, size, opts)
	if errors.Is(err, fs.ErrPermission) {
		return nil, fmt.Errorf("%s: permission denied", name)
	}
	return data, err
}

// readBounded reads r to its end, which must come within opts.Limit
// bytes, refusing binary data from the first headSize bytes. size is the
// size r should have (a regular file's), or -1.
func readBounded(r io.Reader, name string, size int64, opts Options) ([]byte, error) {
	// The first buffer holds a regular file whole, with one byte to spare
	// to see its end without another buffer; a stream's holds its head.
	buf := make([]byte, max(min(size, opts.Limit)+1, headSize))
	n, err := io.ReadFull(r, buf[:headSize])
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		if int64(n) > opts.Limit {
			return nil, &TooLargeError{Name: name, Size: int64(n), Limit: opts.Limit}
		}
		return buf[:n], nil // all of it: decode checks it
	case err != nil:
		return nil, wrapRead(name, err)
	}
	if err := checkHead(buf[:headSize], opts); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// One byte more than the limit tells an input over it from one at it.
	rest := io.LimitReader(r, opts.Limit+1-headSize)
	n, err = io.ReadFull(rest, buf[headSize:])
	data, total := buf[:headSize+n], int64(headSize+n)
	// A stream, or a file that grew, goes on in chunks, joined once it
	// has ended within the limit: an endless stream costs the limit in
	// memory, not the two or three times of a buffer that doubles.
	var chunks [][]byte
	for chunkSize := 64 << 10; err == nil; chunkSize = min(2*chunkSize, 8<<20) {
		chunk := make([]byte, chunkSize)
		n, err = io.ReadFull(rest, chunk)
		chunks, total = append(chunks, chunk[:n]), total+int64(n)
	}
	if !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, wrapRead(name, err)
	}
	if total > opts.Limit {
		return nil, &TooLargeError{Name: name, Size: -1, Limit: opts.Limit}
	}
	if len(chunks) == 0 {
		return data, nil
	}
	return bytes.Join(append([][]byte{data}, chunks...), nil), nil
}

// wrapRead names the file in a read error, unless the error does.
func wrapRead(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}
