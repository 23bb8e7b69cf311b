package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// readInput reads the file name, or standard input for "-", and returns its
// text as valid UTF-8. A UTF-8 byte order mark is dropped and UTF-16 with a
// byte order mark is decoded; offsets in every report count bytes of the
// returned text. Errors name the file and say what is wrong with it.
func readInput(name string, stdin io.Reader) (string, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(stdin)
		name = "standard input"
	} else {
		data, err = readFile(name)
	}
	if err != nil {
		return "", err
	}
	text, err := decode(data)
	if err != nil {
		return "", fmt.Errorf("%s: %w", name, err)
	}
	return text, nil
}

func readFile(name string) ([]byte, error) {
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file", name)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s: permission denied", name)
	case err != nil:
		return nil, err
	case info.IsDir():
		return nil, fmt.Errorf("%s: is a directory, not a file", name)
	}
	data, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrPermission) {
		return nil, fmt.Errorf("%s: permission denied", name)
	}
	return data, err
}

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decode turns the bytes of a file into text. It refuses binary data (a
// NUL byte) and bytes that are not UTF-8, saying where the first bad byte
// is, rather than compare text it would misread.
func decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		utf8Data, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err != nil {
			return "", fmt.Errorf("invalid UTF-16: %v", err)
		}
		data = utf8Data
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", fmt.Errorf("binary file (NUL byte at offset %d), not text", i)
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("invalid UTF-8 at byte offset %d: the file is not UTF-8 text (convert it, for example with iconv -f CP1251 -t UTF-8)", firstInvalid(data))
	}
	return string(data), nil
}

// firstInvalid returns the offset of the first byte of data that does not
// start a valid UTF-8 sequence.
func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
