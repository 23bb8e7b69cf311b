package align_test

import (
	"fmt"

	"github.com/paradiff/paradiff/align"
	"golang.org/x/text/language"
)

func ExampleSplit() {
	text := "Moscow, May 8, 2025\n\nMr. Xi met V. V. Putin at 10 a.m. in the Kremlin. " +
		"Trade grew 3.5% (to $244.8 billion). The talks covered energy, grain, etc. They ended at noon."
	for _, s := range align.Split(text) {
		fmt.Printf("%d-%d %s\n", s.Start, s.End, s.Text)
	}
	// Output:
	// 0-19 Moscow, May 8, 2025
	// 21-70 Mr. Xi met V. V. Putin at 10 a.m. in the Kremlin.
	// 71-107 Trade grew 3.5% (to $244.8 billion).
	// 108-145 The talks covered energy, grain, etc.
	// 146-165 They ended at noon.
}

func ExampleSplitter() {
	de := align.Splitter{Lang: language.German}
	for _, s := range de.Split("Am 8. Mai 2025 trafen sich die Präsidenten, z. B. in Moskau. Der 2. Weltkrieg war ein Thema.") {
		fmt.Println(s.Text)
	}
	zh := align.Splitter{Lang: language.Chinese}
	for _, s := range zh.Split("他说：“我们同意。”代表团观看了《胜利！》。会谈成功吗？是的。") {
		fmt.Println(s.Text)
	}
	// Output:
	// Am 8. Mai 2025 trafen sich die Präsidenten, z. B. in Moskau.
	// Der 2. Weltkrieg war ein Thema.
	// 他说：“我们同意。”
	// 代表团观看了《胜利！》。
	// 会谈成功吗？
	// 是的。
}

func ExampleDetectLanguage() {
	for _, text := range []string{
		"The two presidents held talks in Moscow.",
		"Лидеры обсудили перспективы отношений.",
		"两国元首举行会谈。",
		"両首脳は会談を行った。",
		"Les deux présidents ont signé une déclaration.",
	} {
		fmt.Println(align.DetectLanguage(text))
	}
	// Output:
	// en
	// ru
	// zh
	// ja
	// fr
}

func ExampleLines() {
	for i, s := range align.Lines("One. Two.\nThree\n") {
		fmt.Println(i, s.Text)
	}
	// Output:
	// 0 One. Two.
	// 1 Three
}
