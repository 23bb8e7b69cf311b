package textkey

import (
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens as text|class, separated by spaces; class W N P S _
	}{
		{"Xi's visit", "Xi|W '|P s|W  |_ visit|W"},
		{"3.5% of 1,000.5", "3.5|N %|S  |_ of|W  |_ 1,000.5|N"},
		{"1\u00a0000,5 rubles", "1\u00a0000,5|N  |_ rubles|W"},
		{"80th anniversary", "80th|W  |_ anniversary|W"},
		{"Anti-Fascist", "Anti|W -|P Fascist|W"},
		{"fell -5 or +3 in COVID-19", "fell|W  |_ -5|N  |_ or|W  |_ +3|N  |_ in|W  |_ COVID|W -|P 19|N"},
		{"2025-05-08", "2025|N -|P 05|N -|P 08|N"},
		{"4%-6%, 15°-17°", "4|N %|S -|P 6|N %|S ,|P  |_ 15|N °|S -|P 17|N °|S"}, // ranges, not -6 and -17
		{"1 000,5 and 2025 100", "1 000,5|N  |_ and|W  |_ 2025|N  |_ 100|N"},
		{"12 345 678 km", "12 345 678|N  |_ km|W"},
		{"In 2025年5月", "In|W  |_ 2025|N 年|W 5|N 月|W"},
		{"两国元首", "两|W 国|W 元|W 首|W"},
		{"В. В. Путин", "В|W .|P  |_ В|W .|P  |_ Путин|W"},
		{"a\u200bb", "a|W \u200b|_ b|W"},
		{"bad\xffbyte", "bad|W \xff|S byte|W"},
		{"", ""},
	}
	classes := map[Class]string{Word: "W", Number: "N", Punct: "P", Symbol: "S", Space: "_"}
	for _, tt := range tests {
		var got []string
		end := 0
		for _, tok := range Tokens(tt.in, 0) {
			if tok.Start != end {
				t.Errorf("Tokens(%q): token at %d, want %d: tokens must cover the text", tt.in, tok.Start, end)
			}
			end = tok.End
			got = append(got, tt.in[tok.Start:tok.End]+"|"+classes[tok.Class])
		}
		if end != len(tt.in) {
			t.Errorf("Tokens(%q) cover %d of %d bytes", tt.in, end, len(tt.in))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestTokensOffset(t *testing.T) {
	toks := Tokens("ab cd", 100)
	if toks[0].Start != 100 || toks[2].End != 105 {
		t.Errorf("Tokens with offset 100: %+v", toks)
	}
}

func TestKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"XI", "Xi"},
		{"China’s", "China's"},
		{"“talks”", `"talks"`},
		{"high–level", "high-level"},
		{"a\u00a0b", "a b"},
		{"a  \t b", "a b"},
		{"ＵＮ", "UN"},
		{"Straße", "STRASSE"},
		{"e\u0301", "é"},
		{"«да»", `"да"`},
	}
	for _, tt := range tests {
		if Key(tt.a) != Key(tt.b) {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", tt.a, Key(tt.a), tt.b, Key(tt.b))
		}
	}
	for _, tt := range []struct{ a, b string }{{"war", "was"}, {"1", "l"}, {"-5", "5"}, {"не", "нет"}} {
		if Key(tt.a) == Key(tt.b) {
			t.Errorf("Key(%q) == Key(%q): want different", tt.a, tt.b)
		}
	}
}

func TestNumberKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1,000.5", "1,000.5"},
		{"1\u00a0000,5", "1000,5"},
		{"1 000", "1000"},
		{"١٢٣", "123"},
		{"８０", "80"},
		{"−5", "-5"},
		{"3.5", "3.5"},
		{"08", "8"},
		{"0", "0"},
		{"0.5", "0.5"},
	}
	for _, tt := range tests {
		if got := NumberKey(tt.in); got != tt.want {
			t.Errorf("NumberKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzASCIIKey checks that Key's one-pass path for ASCII text gives what
// the general one does.
func FuzzASCIIKey(f *testing.F) {
	for _, s := range []string{"", "Hello,  World!", " `quoted' ", "A\tB\r\nC\x0b\x0cD", "\x00\x1f\x7f", "UPPER lower 123 -- __"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !isASCII(s) {
			return
		}
		if got, want := asciiKey(s), foldedKey(s); got != want {
			t.Errorf("%q: asciiKey %q, foldedKey %q", s, got, want)
		}
		if got, want := Key(s), foldedKey(s); got != want {
			t.Errorf("%q: Key %q, foldedKey %q", s, got, want)
		}
	})
}
