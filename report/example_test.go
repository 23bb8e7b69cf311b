package report_test

import (
	"os"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/report"
)

// A report renders a Comparison; here the Markdown one, for a pull
// request comment or an editor's page.
func ExampleMarkdown() {
	a := diff.Document{Name: "official.txt", Text: "The talks lasted two hours."}
	b := diff.Document{Name: "mt.txt", Text: "The talks lasted three hours."}
	c := diff.Compare(a, b, diff.Options{})
	report.Markdown(os.Stdout, c)
	// Output:
	// # paradiff: official.txt → mt.txt
	//
	// A is `official.txt`, the reference; B is `mt.txt`, the version under review.
	//
	// | summary | count |
	// |---|---:|
	// | sentences in A | 1 |
	// | sentences in B | 1 |
	// | aligned beads | 1 |
	// | beads with changes | 1 |
	// | insertion | 0 |
	// | omission | 0 |
	// | shift | 1 |
	// | move | 0 |
	// | trivial | 0 |
	// | critical | 1 |
	// | major | 0 |
	// | minor | 0 |
	//
	// ## Changes, most severe first
	//
	// ### A 1 · B 1 — critical
	//
	// **A:** The talks lasted two hours.\
	// **B:** The talks lasted three hours.\
	// **Diff:** The talks lasted ~~two~~**three** hours.
	//
	// - shift: ~~two~~ → **three** — *critical: number — a number differs: 2 → 3*
}
