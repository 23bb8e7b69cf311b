package textkey

import (
	"strings"
	"testing"
)

func TestScaledNumber(t *testing.T) {
	for _, tt := range []struct {
		num  string
		exp  int
		cjk  bool
		want string // "" for no whole number
	}{
		{"3", 6, false, "3000000"},
		{"2.86", 8, true, "286000000"},
		{"1,5", 6, false, "1500000"},        // a decimal comma
		{"250,000", 0, false, "250000"},     // a group of thousands
		{"1.500", 6, false, "1500000000"},   // German thousands: 1500 Mio.
		{"12.345", 8, true, "1234500000"},   // before 亿 a full stop is a decimal mark
		{"0.286", 9, false, "286000000"},    // no thousands after a zero
		{"1,234.5", 6, false, "1234500000"}, // the last of two separators
		{"1.234,5", 6, false, "1234500000"},
		{"3 000 000", 0, false, "3000000"},
		{"1'000", 3, false, "1000000"}, // a Swiss apostrophe groups
		{"-5", 3, false, "-5000"},
		{"+28", 0, false, "28"},
		{"−0", 0, false, "0"},
		{"007", 0, false, "7"},
		{"٣", 6, false, "3000000"},  // Arabic-Indic digits
		{"1,2345678", 6, false, ""}, // too precise to scale
		{"3.5", 0, false, ""},
	} {
		got, ok := ScaledNumber(tt.num, tt.exp, tt.cjk)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("ScaledNumber(%q, %d, %v) = %q, want %q", tt.num, tt.exp, tt.cjk, got, tt.want)
		}
	}
}

func TestScale(t *testing.T) {
	for _, tt := range []struct {
		text string // a number first
		exp  int
		cjk  bool
	}{
		{"3 million", 6, false},
		{"3 Mio. Euro", 6, false},
		{"3 тысячи", 3, false},
		{"3万", 4, true},
		{"3 多万", 4, true},
		{"3千万", 7, true},
		{"3万亿", 12, true},
		{"3 mil millones", 9, false},
		{"3千米", 0, true}, // 千 alone: a kilometre
		{"3 miles", 0, false},
		{"3  million", 0, false}, // two spaces
		{"3\nmillion", 0, false},
		{"3", 0, false},
		{"3 million million million million", 18, false}, // at most MaxCountingWords
	} {
		exp, cjk := Scale(tt.text, Tokens(tt.text, 0), 0)
		if exp != tt.exp || exp != 0 && cjk != tt.cjk {
			t.Errorf("Scale(%q) = %d, %v; want %d, %v", tt.text, exp, cjk, tt.exp, tt.cjk)
		}
	}
}

// FuzzScaledNumber checks, for every number token of any text, that its
// scaled value is digits with no leading zero (a minus sign aside), and
// that one more power of ten adds one zero.
func FuzzScaledNumber(f *testing.F) {
	for _, s := range []string{"3 million", "近 300 多万", "1,5 Mio.", "-0.286 billion", "2.86亿", "1'000 mil millones", "٣ млн"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s, 0)
		for k, tok := range toks {
			if tok.Class != Number {
				continue
			}
			num := s[tok.Start:tok.End]
			exp, cjk := Scale(s, toks, k)
			got, ok := ScaledNumber(num, exp, cjk)
			if !ok {
				continue
			}
			digits := strings.TrimPrefix(got, "-")
			if digits == "" || strings.Trim(digits, "0123456789") != "" || len(digits) > 1 && digits[0] == '0' || got == "-0" {
				t.Fatalf("ScaledNumber(%q, %d, %v) = %q: not a whole number's digits", num, exp, cjk, got)
			}
			if more, _ := ScaledNumber(num, exp+1, cjk); digits != "0" && more != got+"0" {
				t.Fatalf("ScaledNumber(%q, %d) = %q, but with %d: %q", num, exp, got, exp+1, more)
			}
		}
	})
}
