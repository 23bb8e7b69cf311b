package textio

import (
	"strings"
	"testing"
)

// TestUTF16LoneSurrogate checks that a lone surrogate in UTF-16 is an
// error, also when the raw bytes happen to hold EF BF BD, the UTF-8 of
// U+FFFD (which once made the count of replacement characters balance),
// and that a real U+FFFD in UTF-16 is text.
func TestUTF16LoneSurrogate(t *testing.T) {
	// "T", a lone high surrogate, "a", U+BFEF and U+00BD: the last two
	// are the bytes EF BF BD 00 in UTF-16LE.
	le := []byte{'T', 0, 0x00, 0xd8, 'a', 0, 0xef, 0xbf, 0xbd, 0}
	be := []byte{0, 'T', 0xd8, 0x00, 0, 'a', 0xbf, 0xef, 0, 0xbd, 0xef, 0xbf, 0xbd, 0x00}
	checkDecode(t, []decodeCase{
		{"BOM LE, lone high surrogate", "\xff\xfe" + string(le), "", "", "lone surrogate (D800) at byte offset 4"},
		{"utf-16le, lone high surrogate", string(le), "utf-16le", "", "not valid utf-16le: a lone surrogate (D800) at byte offset 2"},
		{"BOM BE, lone high surrogate", "\xfe\xff" + string(be), "", "", "lone surrogate (D800) at byte offset 4"},
		{"utf-16be, lone high surrogate", string(be), "utf-16be", "", "lone surrogate (D800) at byte offset 2"},
		{"lone low surrogate", "\xff\xfeT\x00\x00\xdc\xef\xbf\xbd\x00", "", "", "lone surrogate (DC00) at byte offset 4"},
		{"high surrogate at the end", "\xff\xfe\xef\xbf\xbd\x00\x3d\xd8", "", "", "lone surrogate (D83D) at byte offset 6"},
		{"two high surrogates", "\xff\xfe\x3d\xd8\x3d\xd8\x00\xde", "", "", "lone surrogate (D83D) at byte offset 2"},
		{"odd length", "\xff\xfeT\x00a", "", "", "not valid UTF-16LE: an odd number of bytes"},
		{"NUL", "\xff\xfeT\x00\x00\x00", "", "", "binary file (NUL character after decoding as UTF-16LE), not text"},
		{"surrogate pair", "\xff\xfe\x3d\xd8\x00\xde", "", "\U0001F600", ""},
		{"a real U+FFFD", "\xff\xfeT\x00\xfd\xff", "", "T\ufffd", ""},
		{"a real U+FFFD, BE", "\xfe\xff\x00T\xff\xfd", "", "T\ufffd", ""},
		{"utf-16le with BOM", "\xff\xfeT\x00a\x00", "utf-16le", "Ta", ""},
		{"utf-16be", "\x00T\x00a", "utf-16be", "Ta", ""},
		{"utf-16 is utf-16le", "T\x00a\x00", "utf-16", "Ta", ""},
	})
}

// TestLegacyReplacementBytes checks that bytes a single-byte encoding
// does not map are an error even when the input holds EF BF BD, which in
// windows-1251 is "пїЅ", not U+FFFD.
func TestLegacyReplacementBytes(t *testing.T) {
	// 0x98 is unmapped in windows-1251.
	if got, err := decode([]byte("\xef\xbf\xbd \x98"), "windows-1251"); err == nil {
		t.Errorf("windows-1251 with an unmapped byte: %q, want an error", got)
	}
	if got, err := decode([]byte("\xef\xbf\xbd"), "windows-1251"); err != nil || got != "пїЅ" {
		t.Errorf("windows-1251 EF BF BD: %q, %v; want пїЅ", got, err)
	}
	// GB18030 encodes U+FFFD as 84 31 A4 37: that is text.
	if got, err := decode([]byte("\x84\x31\xa4\x37"), "gb18030"); err != nil || got != "\ufffd" {
		t.Errorf("GB18030 U+FFFD: %q, %v; want U+FFFD", got, err)
	}
	if got, err := decode([]byte("\xef\xbf\xbd"), "utf-8"); err != nil || got != "\ufffd" {
		t.Errorf("UTF-8 U+FFFD: %q, %v; want U+FFFD", got, err)
	}
	if got, err := decode([]byte("\xef\xbf\xbd\xff"), "utf-8"); err == nil {
		t.Errorf("UTF-8 with a bad byte: %q, want an error", got)
	}
	// WHATWG's replacement encoding decodes anything to one U+FFFD.
	if got, err := decode([]byte("ab\xef\xbf\xbd"), "iso-2022-kr"); err == nil || !strings.Contains(err.Error(), "replacement encoding") {
		t.Errorf("iso-2022-kr: %q, %v; want an error", got, err)
	}
}
