package textio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// endless is a stream that never ends, as /dev/zero or /dev/urandom: it
// repeats pattern and counts the bytes it gives.
type endless struct {
	pattern []byte
	n       int64
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.pattern[(e.n+int64(i))%int64(len(e.pattern))]
	}
	e.n += int64(len(p))
	return len(p), nil
}

func TestReadEndlessZeros(t *testing.T) {
	zeros := &endless{pattern: []byte{0}}
	_, err := Read("-", zeros, Options{})
	if err == nil || !strings.Contains(err.Error(), "standard input: binary file (NUL byte at offset 0)") {
		t.Fatalf("Read of endless zeros: %v, want a binary file error", err)
	}
	if zeros.n > headSize {
		t.Errorf("read %d bytes of an endless stream of zeros; the first %d tell it is binary", zeros.n, headSize)
	}
}

func TestReadEndlessText(t *testing.T) {
	text := &endless{pattern: []byte("The talks went on. ")}
	const limit = 1 << 20
	_, err := Read("-", text, Options{Limit: limit})
	var tl *TooLargeError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &tl) || tl.Name != "standard input" || tl.Limit != limit || tl.Size != -1 {
		t.Fatalf("Read of endless text: %v, want a TooLargeError on standard input", err)
	}
	if text.n > limit+1<<16 {
		t.Errorf("read %d bytes of an endless stream, limit %d", text.n, limit)
	}
	if want := "standard input: larger than the input size limit of 1 MiB"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}

func TestReadSparseFile(t *testing.T) {
	name := filepath.Join(t.TempDir(), "sparse.bin")
	if err := os.WriteFile(name, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(name, 2<<30); err != nil {
		t.Skipf("no sparse file: %v", err)
	}
	_, err := Read(name, nil, Options{})
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Size != 2<<30 || tl.Limit != DefaultLimit {
		t.Fatalf("Read of a 2 GiB file: %v, want a TooLargeError", err)
	}
	if want := name + ": 2 GiB, larger than the input size limit of 64 MiB"; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	// Under a limit that lets it in, it is binary from its first bytes.
	if _, err := Read(name, nil, Options{Limit: 4 << 30}); err == nil || !strings.Contains(err.Error(), "binary file (NUL byte at offset 0)") {
		t.Errorf("Read of a 2 GiB file of zeros under a 4 GiB limit: %v, want a binary file error", err)
	}
}

func TestReadLimit(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{10, headSize - 1, headSize, headSize + 1, 3 * headSize} {
		data := bytes.Repeat([]byte("a"), size)
		name := filepath.Join(dir, "a.txt")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int64{int64(size) - 1, int64(size)} {
			for _, file := range []string{name, "-"} {
				got, err := Read(file, bytes.NewReader(data), Options{Limit: limit})
				switch {
				case limit < int64(size) && !errors.Is(err, ErrTooLarge):
					t.Errorf("%s of %d bytes, limit %d: %v, want too large", file, size, limit, err)
				case limit == int64(size) && (err != nil || got != string(data)):
					t.Errorf("%s of %d bytes, limit %d: %v, want the text", file, size, limit, err)
				}
			}
		}
	}
}

// TestReadLongStream checks a stream read in many chunks, at the limit
// and over it.
func TestReadLongStream(t *testing.T) {
	data := bytes.Repeat([]byte("The talks went on.\n"), 20<<20/19)
	for _, limit := range []int64{int64(len(data)), int64(len(data)) - 1} {
		got, err := Read("-", bytes.NewReader(data), Options{Limit: limit})
		switch {
		case limit == int64(len(data)) && (err != nil || got != string(data)):
			t.Errorf("%d bytes, limit %d: %v, want the text", len(data), limit, err)
		case limit < int64(len(data)) && !errors.Is(err, ErrTooLarge):
			t.Errorf("%d bytes, limit %d: %v, want too large", len(data), limit, err)
		}
	}
	// A file whose size says 0, as those of /proc do, is read as a stream.
	if text, err := Read("/proc/self/status", nil, Options{}); err == nil && !strings.Contains(text, "Name:") {
		t.Errorf("/proc/self/status read as %q", text)
	}
}

// TestReadBinaryAfterHead checks that a NUL byte past the head still
// makes binary data.
func TestReadBinaryAfterHead(t *testing.T) {
	data := append(bytes.Repeat([]byte("text "), 4*headSize), 0)
	if _, err := Read("-", bytes.NewReader(data), Options{}); err == nil || !strings.Contains(err.Error(), "binary file") {
		t.Errorf("NUL at %d: %v, want a binary file error", len(data)-1, err)
	}
}

// TestReadHeadUTF16 checks that the head's NUL bytes do not refuse UTF-16
// with a byte order mark or named as such.
func TestReadHeadUTF16(t *testing.T) {
	text := strings.Repeat("The talks began. ", headSize)
	le := encodeAs(t, "utf-16le", text)
	for _, tt := range []struct {
		data []byte
		enc  string
	}{
		{append([]byte{0xff, 0xfe}, le...), ""},
		{le, "utf-16le"},
	} {
		got, err := Read("-", bytes.NewReader(tt.data), Options{Encoding: tt.enc})
		if err != nil || got != text {
			t.Errorf("UTF-16LE, --encoding %q: %v, want the text", tt.enc, err)
		}
	}
	_, err := Read("-", bytes.NewReader(le), Options{})
	if err == nil || !strings.Contains(err.Error(), "looks like UTF-16LE") {
		t.Errorf("UTF-16LE without a byte order mark: %v, want a hint", err)
	}
	// In any other encoding a NUL byte is binary.
	_, err = Read("-", bytes.NewReader(le), Options{Encoding: "windows-1251"})
	if err == nil || !strings.Contains(err.Error(), "binary file (NUL byte at offset 1)") {
		t.Errorf("UTF-16LE read as windows-1251: %v, want a binary file error", err)
	}
}

// TestReadUnknownEncodingFirst checks that an unknown encoding is an error
// before any reading, even of an endless stream.
func TestReadUnknownEncodingFirst(t *testing.T) {
	text := &endless{pattern: []byte("text ")}
	if _, err := Read("-", text, Options{Encoding: "klingon"}); err == nil || !strings.Contains(err.Error(), `unknown encoding "klingon"`) || text.n != 0 {
		t.Errorf("unknown encoding: %v after %d bytes, want an error before reading", err, text.n)
	}
}

// TestGuessWindow checks that the guess reads the window where the first
// byte that is not UTF-8 is, past a long ASCII start, and that a window
// cut inside a character is no sign of a wrong encoding.
func TestGuessWindow(t *testing.T) {
	ascii := strings.Repeat("The talks went on.\n", 2*guessWindow/19)
	data := append([]byte(ascii), encodeAs(t, "windows-1251", textRu)...)
	_, err := decode(data, "")
	if err == nil || !strings.Contains(err.Error(), "looks like windows-1251 text") {
		t.Errorf("windows-1251 after %d bytes of ASCII: %v, want the guess", len(ascii), err)
	}
	zh := encodeAs(t, "gb18030", strings.Repeat(textZh+"\n", 2*guessWindow/len(textZh)))
	for k := range 4 { // the window's end cuts a character, or not
		data := append([]byte(strings.Repeat("x", k)), zh...)
		if got := guessEncoding(data, 0); got != "gb18030" {
			t.Errorf("GB18030 after %d bytes: guess %q", k, got)
		}
	}
}

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB", 64 << 20: "64 MiB", 2 << 30: "2 GiB", 3<<40 + 1<<39: "3.5 TiB"} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}

var _ io.Reader = (*endless)(nil)

func TestEachLine(t *testing.T) {
	long := strings.Repeat("x", 200000) // longer than a bufio.Scanner's default token
	var got []string
	err := EachLine(strings.NewReader("one\r\ntwo\n\n"+long+"\nlast"), func(n int, line string) error {
		got = append(got, fmt.Sprintf("%d:%d", n, len(line)))
		return nil
	})
	if want := "1:3 2:3 3:0 4:200000 5:4"; err != nil || strings.Join(got, " ") != want {
		t.Errorf("EachLine = %q, %v; want %s", got, err, want)
	}
	stop := errors.New("stop")
	if err := EachLine(strings.NewReader("a\nb\n"), func(n int, _ string) error { return stop }); err != stop {
		t.Errorf("EachLine did not return fn's error: %v", err)
	}
}
