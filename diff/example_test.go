package diff_test

import (
	"fmt"

	"github.com/paradiff/paradiff/diff"
)

// Compare is the library's entry point: it decides the languages, splits,
// aligns and diffs, as paradiff A B does.
func ExampleCompare() {
	a := diff.Document{Name: "official.txt", Text: "The talks lasted two hours. Both sides signed the statement."}
	b := diff.Document{Name: "mt.txt", Text: "The talks lasted three hours. Both sides signed the statement."}
	c := diff.Compare(a, b, diff.Options{})
	fmt.Println("two languages:", c.Languages.Cross)
	for _, bead := range c.Beads {
		for _, ch := range bead.Changes {
			fmt.Printf("%s %q → %q %v %s\n", ch.Kind, ch.A, ch.B, ch.Flags, ch.Severity)
		}
	}
	// Output:
	// two languages: false
	// shift "two" → "three" [number] critical
}

// Two texts in different scripts are compared as two languages: their
// sentences are aligned, and numbers and names checked, but their words
// are not diffed, and the Comparison says why.
func ExampleCompare_crossLanguage() {
	a := diff.Document{Text: "两国元首签署了20多份合作文件。"}
	b := diff.Document{Text: "Главы государств подписали более 30 документов."}
	c := diff.Compare(a, b, diff.Options{})
	fmt.Println(c.Languages.Describe())
	fmt.Println("changes:", c.Summary.Differences())
	// Output:
	// compared as two languages, Chinese (zh) and Russian (ru) (A is in Han script, B in Cyrillic): sentences are aligned across languages and their words are not diffed
	// changes: 1
}
