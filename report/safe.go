package report

import (
	"fmt"
	"strings"
	"unicode"
)

// terminalSafe returns s with every control character, and every Unicode
// format character that can reorder or hide text (bidi overrides and
// isolates, zero-width characters), replaced by a visible escape such as
// \x1b, \n or \u202e (see hiddenEscape), so that input can neither drive
// the terminal nor disguise itself; a backslash is written \\, so that an
// escape and the same characters typed in the input stay apart. Tabs and
// all other text pass through unchanged.
func terminalSafe(s string) string { return escapeWhere(s, isHidden) }

// escapeWhere replaces every character of s for which hide is true by its
// visible escape (hiddenEscape) and every backslash by two, and returns s
// itself when there is neither.
func escapeWhere(s string, hide func(rune) bool) string {
	if strings.IndexFunc(s, func(r rune) bool { return r == '\\' || hide(r) }) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case hide(r):
			b.WriteString(hiddenEscape(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isHidden reports the characters that reports never write as they are:
// controls other than tab, line and paragraph separators, and format
// characters (Cf).
func isHidden(r rune) bool {
	return r != '\t' && (r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0) ||
		r >= 0xa0 && (unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029')
}

// hiddenEscape is the visible stand-in for a hidden character.
func hiddenEscape(r rune) string {
	switch {
	case r == '\n':
		return `\n`
	case r == '\r':
		return `\r`
	case r < 0xa0:
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}
