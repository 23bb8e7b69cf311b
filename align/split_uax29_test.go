package align

import (
	"strings"

	"github.com/clipperhouse/uax29/v2/sentences"
)

func init() {
	uax29Split = func(text string) []string {
		var out []string
		it := sentences.FromString(text)
		for it.Next() {
			if s := strings.TrimFunc(it.Value(), isGapRune); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	uax29Count = func(text string) int {
		n := 0
		it := sentences.FromString(text)
		for it.Next() {
			n++
		}
		return n
	}
}
