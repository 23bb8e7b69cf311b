package align_test

import (
	"fmt"
	"strings"

	"github.com/paradiff/paradiff/align"
	"golang.org/x/text/language"
)

func ExampleAlign() {
	a := align.Split("The talks began at noon. Both sides agreed to deepen cooperation. A band played.")
	b := align.Split("The talks started at noon. A military band played. Journalists were briefed.")
	for _, bd := range align.Align(a, b) {
		fmt.Println(bd.A, bd.B)
	}
	// Output:
	// [0] [0]
	// [1] []
	// [2] [1]
	// [] [2]
}

func ExampleAligner_crossLanguage() {
	zh := align.Split("2025年5月8日，莫斯科。两国元首举行会谈，签署联合声明，并见证交换20余份合作文件。军乐团奏两国国歌。")
	en := align.Split("Moscow, May 8, 2025. The two heads of state held talks and signed a joint statement. " +
		"They also witnessed the exchange of more than 20 cooperation documents. " +
		"A military band played the national anthems of both countries.")
	al := align.Aligner{LangA: language.Chinese, LangB: language.English}
	for _, bd := range al.Align(zh, en) {
		fmt.Println(bd.A, bd.B)
	}
	// Output:
	// [0] [0]
	// [1] [1 2]
	// [2] [3]
}

func ExampleLoadDictionary() {
	dict, err := align.LoadDictionary(strings.NewReader("переговоры @ talks\nПутин @ Putin\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(dict), dict[1].Source, dict[1].Target)
	_, err = align.LoadDictionary(strings.NewReader("talks переговоры\n"))
	fmt.Println(err)
	// Output:
	// 2 Putin Путин
	// align: dictionary line 1: want "target @ source", have "talks переговоры"
}
