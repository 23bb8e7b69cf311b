package textio

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/htmlindex"
)

// Texts in the scripts whose legacy encodings paradiff must recognise.
const (
	textZh = "两国元首签署了二十多份合作文件。双方同意加强在联合国的协调，共同维护国际公平正义。"
	textZt = "兩國元首簽署了二十多份合作文件。雙方同意加強在聯合國的協調，共同維護國際公平正義。"
	textJa = "両国の首脳は二十件以上の協力文書に署名した。双方は国連での協調を強化することで合意した。"
	textRu = "Главы государств подписали более двадцати документов о сотрудничестве. Стороны договорились укреплять координацию в ООН."
	textFr = "Les deux présidents ont signé plus de vingt documents de coopération. Ils sont convenus de renforcer leur coordination à l’ONU."
)

func encodeAs(t *testing.T, name, text string) []byte {
	t.Helper()
	enc, err := htmlindex.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	out, err := enc.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatalf("encoding %q as %s: %v", text, name, err)
	}
	return out
}

func TestDecodeLegacyEncodings(t *testing.T) {
	tests := []struct {
		encoding, text string
	}{
		{"gb18030", textZh},
		{"big5", textZt},
		{"shift_jis", textJa},
		{"windows-1251", textRu},
		{"koi8-r", textRu},
		{"windows-1252", strings.ReplaceAll(textFr, "’", "'")},
		{"utf-16le", textRu},
		{"utf-16be", textZh},
	}
	for _, tt := range tests {
		t.Run(tt.encoding, func(t *testing.T) {
			data := encodeAs(t, tt.encoding, tt.text)
			got, err := decode(data, tt.encoding)
			if err != nil || got != tt.text {
				t.Fatalf("decode(%s) = %q, %v; want the text back", tt.encoding, got, err)
			}
			_, err = decode(data, "")
			if err == nil {
				t.Fatalf("decode without --encoding accepted %s bytes as UTF-8", tt.encoding)
			}
			var ee *EncodingError
			if !errors.As(err, &ee) || ee.Guess != tt.encoding {
				t.Errorf("error %q does not suggest %s", err, tt.encoding)
			}
		})
	}
}

// decodeCase is a case of decode: input bytes and encoding, and the text
// or the error (a part of its message) it must give.
type decodeCase struct {
	name, in, enc, want, wantErr string
}

// checkDecode runs decode on every case.
func checkDecode(t *testing.T, tests []decodeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode([]byte(tt.in), tt.enc)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("decode(%q, %q): %v", tt.in, tt.enc, err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("decode(%q, %q) = %q, %v; want error %q", tt.in, tt.enc, got, err, tt.wantErr)
			case got != tt.want:
				t.Fatalf("decode(%q, %q) = %q, want %q", tt.in, tt.enc, got, tt.want)
			}
		})
	}
}

func TestDecode(t *testing.T) {
	checkDecode(t, []decodeCase{
		{"UTF-8", "Talks began.", "", "Talks began.", ""},
		{"UTF-8 with BOM", "\xef\xbb\xbfTalks.", "", "Talks.", ""},
		{"UTF-16LE with BOM", "\xff\xfeT\x00a\x00", "", "Ta", ""},
		{"UTF-16BE with BOM", "\xfe\xff\x00T\x00a", "", "Ta", ""},
		{"explicit UTF-16LE with BOM", "\xff\xfeT\x00a\x00", "utf-16le", "Ta", ""},
		{"NUL byte", "Talks\x00began.", "", "", "binary file (NUL byte at offset 5), not text"},
		// Read as UTF-16, pairs of ASCII letters are Chinese characters:
		// one NUL is no sign of UTF-16.
		{"NUL byte in a sentence", "A text with a NUL \x00 byte in its middle.", "", "", "binary file (NUL byte at offset 18), not text"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "", "", "binary file"},
		{"invalid UTF-8", "ok \xff\xfe\xfd\xfc", "", "", "invalid UTF-8 at byte offset 3"},
		{"unknown encoding", "x", "klingon", "", `unknown encoding "klingon"`},
		{"wrong encoding", "\x81\x30", "shift_jis", "", "cannot be decoded as shift_jis"},
		{"CRLF kept", "a\r\nb\rc\f", "", "a\r\nb\rc\f", ""},
		{"zero-width and bidi kept", "a\u200bb\u202ec", "", "a\u200bb\u202ec", ""},
		{"empty", "", "", "", ""},
	})
}

func TestUTF16WithoutBOM(t *testing.T) {
	data := encodeAs(t, "utf-16le", "The talks began in Moscow.")
	_, err := decode(data, "")
	var ee *EncodingError
	if !errors.As(err, &ee) || ee.Guess != "utf-16le" || !strings.Contains(err.Error(), "NUL byte at offset 1: the file looks like UTF-16LE without a byte order mark") {
		t.Errorf("UTF-16LE without BOM: error %v, want a hint to utf-16le", err)
	}
}
