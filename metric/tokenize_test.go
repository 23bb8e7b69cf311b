package metric

import (
	"strings"
	"testing"
	"unicode"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		tok  Tokenizer
		in   string
		want string
	}{
		// 13a: punctuation and symbols split off, except ' , - . inside
		// words; periods and commas stay between digits.
		{"13a", "The talks, held in Moscow, lasted 3.5 hours.", "The talks , held in Moscow , lasted 3.5 hours ."},
		{"", "The talks, held in Moscow, lasted 3.5 hours.", "The talks , held in Moscow , lasted 3.5 hours ."},
		{"13a", "It's a so-called \"breakthrough\"!", `It's a so-called " breakthrough " !`},
		{"13a", "Growth of 2,000-3,000 jobs (approx.)", "Growth of 2,000 - 3,000 jobs ( approx . )"},
		{"13a", "AT&amp;T &lt;b&gt; &quot;x&quot;", `AT & T < b > " x "`},
		{"13a", "&amp;quot;", "& quot ;"}, // unescaped once, in order
		{"13a", "end of line-\nnext line\nthird", "end of linenext line third"},
		{"13a", "a<skipped>b", "ab"},
		{"13a", "1990.", "1990 ."},
		{"13a", ".5 and 5. and a.b", ". 5 and 5 . and a . b"}, // the line is padded with spaces
		{"13a", "x..y", "x . . y"},
		{"13a", "  spaced\u00a0out\u3000text\x1cend  ", "spaced out text end"},
		{"13a", "e-mail: name@example.org", "e-mail : name @ example . org"},
		{"13a", "Цена: 5 000 руб.", "Цена : 5 000 руб ."},
		{"13a", "", ""},
		// intl: Unicode punctuation and symbols.
		{"intl", "The talks, held in Moscow, lasted 3.5 hours.", "The talks , held in Moscow , lasted 3.5 hours ."},
		{"intl", "Born in 1990.", "Born in 1990."}, // mteval-v14's end-of-line quirk
		{"intl", "«Да», — сказал он. Цена: 5€.", "« Да » , — сказал он . Цена : 5 € ."},
		{"intl", "1,000.50 and x,y", "1,000.50 and x , y"},
		{"intl", "he said \u201chello\u201d", "he said \u201c hello \u201d"},
		{"intl", "a+b=c", "a + b = c"},
		{"intl", "北京，2025年5月8日。", "北京 ， 2025年5月8日 。"},
		// zh: Chinese characters become tokens, then the 13a rules.
		{"zh", "北京，2025年5月8日。", "北 京 ， 2025 年 5 月 8 日 。"},
		{"zh", "他说\u201c不\u201d\u2014然后", "他 说 \u201c 不 \u201d \u2014 然 后"},
		{"zh", "价格€5 ok", "价 格 € 5 ok"},
		{"zh", "𠀀字", "𠀀 字"}, // Extension B is not treated as Chinese
		{"zh", "Hello, world.", "Hello , world ."},
		// char: every non-space character.
		{"char", "ab c.", "a b c ."},
		{"char", "中文 x", "中 文 x"},
		// none: whitespace only.
		{"none", "  a,b \t c. ", "a,b c."},
	}
	for _, tt := range tests {
		got, err := tt.tok.Tokenize(tt.in)
		if err != nil {
			t.Errorf("Tokenizer(%q).Tokenize(%q): %v", tt.tok, tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("Tokenizer(%q).Tokenize(%q) = %q, want %q", tt.tok, tt.in, got, tt.want)
		}
	}
	if _, err := Tokenizer("moses").Tokenize("x"); err == nil {
		t.Error(`Tokenizer("moses").Tokenize succeeded, want an error`)
	}
}

// TestChineseRanges pins the zh tokenizer's quirky ranges at their edges.
func TestChineseRanges(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{0x2000, false}, {0x2001, true}, {0x2014, true}, {0x201C, true},
		{0x20AC, true}, {0x2192, true}, {0x2A6D, true}, {0x2A6E, false},
		{0x2E7F, false}, {0x2E80, true}, {0x2FE0, false}, {0x2FF0, true},
		{0x3000, true}, {0x303F, true}, {0x31A0, true}, {0x31EF, true}, {0x31F0, false},
		{0x3040, false}, {0x30A2, false}, {0x3100, true}, {0x4DB5, true},
		{0x4DB6, false}, {0x4E00, true}, {0x9FBB, true}, {0x9FBC, false},
		{0xFF01, true}, {0xFFEF, true}, {0xFFF0, false},
		{0x20000, false}, {0x2A6D6, false}, {0x2F800, false}, {'a', false},
	}
	for _, tt := range tests {
		if got := isChinese(tt.r); got != tt.want {
			t.Errorf("isChinese(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestTERTokenize(t *testing.T) {
	tests := []struct {
		m    TER
		in   string
		want string
	}{
		{TER{}, "  The Talks,  ended. ", "the talks, ended."},
		{TER{CaseSensitive: true}, "The Talks", "The Talks"},
		{TER{Normalized: true}, "The president's (acting) aide, Mr. Li.", "the president 's ( acting ) aide , mr . li ."},
		{TER{Normalized: true}, "line one\n-two &amp; 3-4", "line onetwo & 3 - 4"},
		{TER{Normalized: true}, "3.5 and 1,000", "3.5 and 1,000"},
		{TER{NoPunct: true}, "Yes; (no): \"maybe\"!", "yes no maybe"},
		{TER{NoPunct: true}, "it's 5-6 o'clock", "it's 5-6 o'clock"},
		{TER{Normalized: true, AsianSupport: true}, "中国人民。ひらがなカタカナ", "中 国 人 民 。 ひらがなカタカナ"},
		{TER{NoPunct: true, AsianSupport: true}, "你好。（测试）", "你好测试"},
		{TER{NoPunct: true}, "你好。（测试）", "你好。（测试）"},
		{TER{}, "", ""},
	}
	for _, tt := range tests {
		if got := tt.m.Tokenize(tt.in); got != tt.want {
			t.Errorf("%+v.Tokenize(%q) = %q, want %q", tt.m, tt.in, got, tt.want)
		}
	}
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ABC def", "abc def"},
		{"İstanbul", "i\u0307stanbul"},
		{"ΟΔΥΣΣΕΥΣ", "οδυσσευς"},
		{"ΣΑΣ ΣΑΣ.", "σας σας."},
		{"Σ", "σ"},     // no cased letter before it
		{"AΣ'", "aς'"}, // ' is case-ignorable
		{"AΣ'B", "aσ'b"},
		{"ÀÉÎ ÑØ", "àéî ñø"},
	}
	for _, tt := range tests {
		if got := lower(tt.in); got != tt.want {
			t.Errorf("lower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPythonWhitespace checks that the whitespace used for splitting is
// Python's: Go's unicode.IsSpace plus U+001C..U+001F.
func TestPythonWhitespace(t *testing.T) {
	for r := rune(0); r <= 0x3000; r++ {
		want := unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
		if got := isSpace(r); got != want {
			t.Errorf("isSpace(%U) = %v, want %v", r, got, want)
		}
	}
	in := "a\x1cb\u00a0c\u2009d\u200be\u3000 f"
	want := []string{"a", "b", "c", "d\u200be", "f"}
	if got := fields(in); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("fields(%q) = %q, want %q", in, got, want)
	}
}

// TestJoinFields checks the fast path of joinFields (input already joined)
// against the general path.
func TestJoinFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u00a0b", "中 文",
		"a\x1fb", "\u3000", "ab cd ef", "ab cd ef ", "x\u200by",
	} {
		want := strings.Join(fields(s), " ")
		if got := joinFields(s); got != want {
			t.Errorf("joinFields(%q) = %q, want %q", s, got, want)
		}
		if got := isJoined(s); got != (s == want) {
			t.Errorf("isJoined(%q) = %v, want %v", s, got, s == want)
		}
	}
}

func TestSplitPunct(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Hello, world!", "Hello|,|world|!"},
		{"(hi)", "(hi|)"},
		{"(hi", "(|hi"},
		{"a . «x»", "a|.|«x»"},
		{"'quoted'", "'quoted|'"},
	}
	for _, tt := range tests {
		if got := strings.Join(splitPunct(nil, tt.in), "|"); got != tt.want {
			t.Errorf("splitPunct(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
