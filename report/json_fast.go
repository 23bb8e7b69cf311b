package report

import (
	"strconv"
	"unicode/utf8"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/diff"
)

// The two kinds of element that make up nearly all of a JSON report,
// segments and beads, are written here directly, in the bytes that
// encoding/json's indenting encoder gives them (TestJSONPiecesMakeTheWhole
// and TestJSONStrings hold the two to each other): through reflection,
// the encoder and its indenting pass took most of the report's time.

// appendSegment appends s as an indented JSON object whose lines after the
// first start with prefix.
func appendSegment(buf []byte, s align.Segment, prefix string) []byte {
	in := prefix + "  "
	buf = append(buf, "{\n"...)
	buf = appendKey(buf, in, "text")
	buf = appendJSONString(buf, s.Text)
	buf = append(buf, ",\n"...)
	buf = appendKey(buf, in, "start")
	buf = strconv.AppendInt(buf, int64(s.Start), 10)
	buf = append(buf, ",\n"...)
	buf = appendKey(buf, in, "end")
	buf = strconv.AppendInt(buf, int64(s.End), 10)
	buf = append(buf, '\n')
	buf = append(buf, prefix...)
	return append(buf, '}')
}

// appendBead appends b's JSON object; see appendSegment. It reports false,
// having appended nothing, for a bead with glossary findings, which are
// left to encoding/json.
func appendBead(buf []byte, b diff.Bead, prefix string) ([]byte, bool) {
	if len(b.Glossary) > 0 {
		return buf, false
	}
	in := prefix + "  "
	buf = append(buf, "{\n"...)
	buf = appendKey(buf, in, "a")
	buf = appendList(buf, b.A, in, appendInt)
	buf = append(buf, ",\n"...)
	buf = appendKey(buf, in, "b")
	buf = appendList(buf, b.B, in, appendInt)
	buf = append(buf, ",\n"...)
	buf = appendKey(buf, in, "changes")
	buf = appendList(buf, b.Changes, in, appendChange)
	buf = append(buf, '\n')
	buf = append(buf, prefix...)
	return append(buf, '}'), true
}

func appendChange(buf []byte, ch diff.Change, prefix string) []byte {
	in := prefix + "  "
	text := func(buf []byte, key, value string) []byte {
		buf = appendKey(buf, in, key)
		buf = appendJSONString(buf, value)
		return append(buf, ",\n"...)
	}
	number := func(buf []byte, key string, n int) []byte {
		buf = appendKey(buf, in, key)
		buf = strconv.AppendInt(buf, int64(n), 10)
		return append(buf, ",\n"...)
	}
	buf = append(buf, "{\n"...)
	buf = text(buf, "kind", ch.Kind.String())
	buf = text(buf, "a", ch.A)
	buf = text(buf, "b", ch.B)
	buf = number(buf, "a_start", ch.AStart)
	buf = number(buf, "a_end", ch.AEnd)
	buf = number(buf, "b_start", ch.BStart)
	buf = number(buf, "b_end", ch.BEnd)
	buf = appendKey(buf, in, "flags")
	buf = appendList(buf, ch.Flags, in, func(buf []byte, f diff.Flag, _ string) []byte {
		return appendJSONString(buf, f.String())
	})
	buf = append(buf, ",\n"...)
	buf = appendKey(buf, in, "severity")
	buf = appendJSONString(buf, ch.Severity.String())
	buf = append(buf, ",\n"...)
	buf = text(buf, "meaning", ch.Meaning.String())
	buf = appendKey(buf, in, "reason")
	buf = appendJSONString(buf, ch.Reason)
	if ch.Move != 0 {
		buf = append(buf, ",\n"...)
		buf = appendKey(buf, in, "move")
		buf = strconv.AppendInt(buf, int64(ch.Move), 10)
	}
	buf = append(buf, '\n')
	buf = append(buf, prefix...)
	return append(buf, '}')
}

// appendList appends an indented JSON array of items, [] when empty,
// whose lines after the first start with prefix; elem appends one item
// indented as if nested at the prefix it is given.
func appendList[T any](buf []byte, items []T, prefix string, elem func(buf []byte, item T, prefix string) []byte) []byte {
	if len(items) == 0 {
		return append(buf, "[]"...)
	}
	buf = append(buf, "[\n"...)
	for k, item := range items {
		buf = append(buf, prefix...)
		buf = append(buf, "  "...)
		buf = elem(buf, item, prefix+"  ")
		if k < len(items)-1 {
			buf = append(buf, ',')
		}
		buf = append(buf, '\n')
	}
	buf = append(buf, prefix...)
	return append(buf, ']')
}

func appendInt(buf []byte, n int, _ string) []byte { return strconv.AppendInt(buf, int64(n), 10) }

func appendKey(buf []byte, indent, key string) []byte {
	buf = append(buf, indent...)
	buf = append(buf, '"')
	buf = append(buf, key...)
	return append(buf, `": `...)
}

// appendJSONString appends s quoted as encoding/json quotes it with HTML
// escaping off: \" \\ \n \r \t \b \f, other control characters and U+2028 and
// U+2029 as \u00XX and \u20XX, and each invalid byte as \ufffd.
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch c {
			case '"', '\\':
				buf = append(buf, '\\', c)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			case '\b':
				buf = append(buf, '\\', 'b')
			case '\f':
				buf = append(buf, '\\', 'f')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			buf = append(buf, s[start:i]...)
			buf = append(buf, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			buf = append(buf, s[start:i]...)
			buf = append(buf, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}
