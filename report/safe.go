package report

import (
	"fmt"
	"strings"
	"unicode"
)

// terminalSafe returns s with every control character, and every Unicode
// format character that can reorder or hide text (bidi overrides and
// isolates, zero-width characters), replaced by a visible escape such as
// \x1b or \u202e, so that input can neither drive the terminal nor
// disguise itself. Tabs and all other text pass through unchanged.
func terminalSafe(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r == unicode.ReplacementChar:
			b.WriteRune(r)
		case unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	for _, r := range s {
		if r != '\t' && (r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0) ||
			r >= 0xa0 && (unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029') {
			return true
		}
	}
	return false
}
