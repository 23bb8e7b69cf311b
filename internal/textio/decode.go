package textio

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
)

var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decode turns the bytes of a file into text. Without an encoding name it
// decodes UTF-16 that starts with a byte order mark and otherwise takes
// UTF-8, refusing binary data (a NUL byte) and invalid UTF-8 with the
// offset of the first bad byte and, where it can tell, the encoding the
// bytes look like. Nothing is replaced: bytes that do not decode are an
// error, never a U+FFFD in a report.
func decode(data []byte, encodingName string) (string, error) {
	if encodingName != "" {
		return decodeAs(data, encodingName)
	}
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		data = data[len(bomUTF8):]
	case bytes.HasPrefix(data, bomUTF16LE), bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(data, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "UTF-16")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", nulError(data, i)
	}
	if !utf8.Valid(data) {
		bad := firstInvalid(data)
		return "", &EncodingError{Offset: bad, Guess: guessEncoding(data, bad)}
	}
	return string(data), nil
}

// EncodingError is the error for input that is neither UTF-8 nor UTF-16
// with a byte order mark, read with no encoding named: it may be text in
// another encoding, which Guess names if it can tell.
type EncodingError struct {
	Offset int    // of the first byte that is not UTF-8 (NUL for UTF-16)
	Guess  string // the WHATWG name of the encoding the input reads best in, or ""
}

func (e *EncodingError) Error() string {
	switch {
	case strings.HasPrefix(e.Guess, "utf-16"):
		return fmt.Sprintf("NUL byte at offset %d: the file looks like %s without a byte order mark", e.Offset, strings.ToUpper(e.Guess))
	case e.Guess != "":
		return fmt.Sprintf("invalid UTF-8 at byte offset %d: the file looks like %s text", e.Offset, e.Guess)
	}
	return fmt.Sprintf("invalid UTF-8 at byte offset %d: the file is not UTF-8 text", e.Offset)
}

// nulError is the error for data with its first NUL byte at offset i:
// UTF-16 without a byte order mark, or binary data.
func nulError(data []byte, i int) error {
	if guess := guessEncoding(data, i); strings.HasPrefix(guess, "utf-16") && manyNULs(data) {
		return &EncodingError{Offset: i, Guess: guess}
	}
	return fmt.Errorf("binary file (NUL byte at offset %d), not text", i)
}

// checkHead refuses the first bytes of an input that is not over yet if
// they show it is binary in the encoding opts name. In every encoding but
// UTF-16 a NUL byte is a NUL character, which no text has; the rest of the
// input cannot change that.
func checkHead(head []byte, opts Options) error {
	i := bytes.IndexByte(head, 0)
	if i < 0 {
		return nil
	}
	if opts.Encoding == "" || opts.Sniff {
		if bytes.HasPrefix(head, bomUTF16LE) || bytes.HasPrefix(head, bomUTF16BE) {
			return nil
		}
	}
	if opts.Encoding == "" {
		return nulError(head, i)
	}
	if _, canonical, err := lookup(opts.Encoding); err != nil || strings.HasPrefix(canonical, "utf-16") {
		return nil // the decoder will tell
	}
	return fmt.Errorf("binary file (NUL byte at offset %d), not text", i)
}

// saysWhatItIs reports whether data is text in an encoding it tells by
// itself: it starts with a byte order mark, or it is valid UTF-8 with no
// NUL byte (UTF-16 has NUL bytes; legacy encodings hardly ever make valid
// UTF-8 of text with any letters beyond ASCII).
func saysWhatItIs(data []byte) bool {
	if bytes.HasPrefix(data, bomUTF8) || bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		return true
	}
	return bytes.IndexByte(data, 0) < 0 && utf8.Valid(data)
}

// lookup returns the encoding a WHATWG label names, and its canonical name.
func lookup(label string) (encoding.Encoding, string, error) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, "", fmt.Errorf("unknown encoding %q (use a WHATWG name such as utf-8, utf-16le, gb18030, big5, shift_jis, euc-kr, windows-1251, koi8-r, windows-1252)", label)
	}
	canonical, _ := htmlindex.Name(enc)
	return enc, canonical, nil
}

// decodeAs decodes data from the encoding named by a WHATWG label.
func decodeAs(data []byte, name string) (string, error) {
	enc, canonical, err := lookup(name)
	if err != nil {
		return "", err
	}
	text, err := decodeWith(data, enc, canonical)
	if err != nil {
		return "", err
	}
	return strings.TrimPrefix(text, "\ufeff"), nil
}

// decodeWith decodes data and checks the result: no NUL, and no U+FFFD
// that the input did not hold as UTF-8 (decoders put one for each byte
// they cannot read).
func decodeWith(data []byte, enc encoding.Encoding, name string) (string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("not valid %s: %v", name, err)
	}
	if i := bytes.IndexByte(out, 0); i >= 0 {
		return "", fmt.Errorf("binary file (NUL character after decoding as %s), not text", name)
	}
	if !utf8.Valid(out) {
		return "", fmt.Errorf("not valid %s", name)
	}
	if bad := bytes.Count(out, []byte("\ufffd")) - bytes.Count(data, []byte("\ufffd")); bad > 0 {
		return "", fmt.Errorf("%d byte sequence%s cannot be decoded as %s: is that the file's encoding?", bad, plural(bad), name)
	}
	return string(out), nil
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
