package textio

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
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
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeUTF16(data, len(bomUTF16LE), false, "UTF-16LE")
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeUTF16(data, len(bomUTF16BE), true, "UTF-16BE")
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
	if canonical == "replacement" { // its decoder turns any input into one U+FFFD
		return nil, "", fmt.Errorf("encoding %q cannot be read (WHATWG maps it to the replacement encoding): convert the file to UTF-8", label)
	}
	return enc, canonical, nil
}

// decodeAs decodes data from the encoding named by a WHATWG label.
func decodeAs(data []byte, name string) (string, error) {
	enc, canonical, err := lookup(name)
	if err != nil {
		return "", err
	}
	var text string
	switch canonical {
	case "utf-16le", "utf-16be":
		text, err = decodeUTF16(data, 0, canonical == "utf-16be", canonical)
	default:
		text, err = decodeWith(data, enc, canonical)
	}
	if err != nil {
		return "", err
	}
	return strings.TrimPrefix(text, "\ufeff"), nil
}

// decodeWith decodes data and checks the result: no NUL, and no U+FFFD
// but those the input holds as the encoding's own U+FFFD (decoders put
// one for each byte sequence they cannot read). It is for encodings in
// which U+FFFD, if it can be written at all, cannot be read out of step
// (UTF-8, GB18030: a byte sequence that decodes to it is it) and not for
// UTF-16 (see decodeUTF16).
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
	legit := 0 // U+FFFD that the input writes in the encoding
	if own, err := enc.NewEncoder().Bytes([]byte("\ufffd")); err == nil && len(own) > 0 {
		legit = bytes.Count(data, own)
	}
	if bad := bytes.Count(out, []byte("\ufffd")) - legit; bad > 0 {
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

// decodeUTF16 decodes the UTF-16 in data[start:], big or little endian,
// itself: x/text's decoder turns a lone surrogate into U+FFFD, which
// decodeWith cannot tell from a U+FFFD that the file holds, and counting
// EF BF BD in the raw bytes means nothing in UTF-16. A lone surrogate, an
// odd byte at the end and a NUL are errors with their byte offset.
func decodeUTF16(data []byte, start int, bigEndian bool, name string) (string, error) {
	if (len(data)-start)%2 != 0 {
		return "", fmt.Errorf("not valid %s: an odd number of bytes", name)
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(data[i])<<8 | rune(data[i+1])
		}
		return rune(data[i+1])<<8 | rune(data[i])
	}
	var b strings.Builder
	b.Grow((len(data) - start) * 3 / 2)
	for i := start; i < len(data); i += 2 {
		u := unit(i)
		switch {
		case u == 0:
			return "", fmt.Errorf("binary file (NUL character after decoding as %s), not text", name)
		case utf16.IsSurrogate(u):
			if u < 0xdc00 && i+3 < len(data) {
				if r := utf16.DecodeRune(u, unit(i+2)); r != utf8.RuneError {
					b.WriteRune(r)
					i += 2
					continue
				}
			}
			return "", fmt.Errorf("not valid %s: a lone surrogate (%04X) at byte offset %d", name, u, i)
		}
		b.WriteRune(u)
	}
	return b.String(), nil
}
