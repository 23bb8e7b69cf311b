package gate_test

import (
	"bytes"
	"fmt"
	"log"
	"math"

	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/gate"
	"github.com/paradiff/paradiff/report"
)

func ExampleGates_Check() {
	c := diff.Compare(
		diff.Document{Name: "ref.txt", Text: "The talks began on May 8 in Moscow. Both sides agreed to expand trade.\n"},
		diff.Document{Name: "mt.txt", Text: "The talks began on May 9 in Moscow. Both sides agreed to grow trade.\n"},
		diff.Options{})
	g, err := gate.New(gate.Config{FailOn: "critical", MaxChanges: 1, MinBLEU: math.NaN(), MinCHRF: math.NaN(), MaxTER: math.NaN()})
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range g.Check(c, nil, "") {
		fmt.Println(f)
	}
	// Output:
	// gate --fail-on critical: 1 change (shift "8" → "9")
	// gate --max-changes 1: 2 changes
}

func ExampleBaseline_New() {
	ref := diff.Document{Name: "ref.txt", Text: "The talks began on May 8 in Moscow. Both sides agreed to expand trade.\n"}
	before := diff.Compare(ref, diff.Document{Name: "mt.txt", Text: "The talks began on May 9 in Moscow. Both sides agreed to expand trade.\n"}, diff.Options{})
	var buf bytes.Buffer
	if err := report.JSON(&buf, before); err != nil {
		log.Fatal(err)
	}
	base, err := gate.ReadBaseline(&buf, "base.json")
	if err != nil {
		log.Fatal(err)
	}

	// Later: a sentence more in both, the old change and a new one.
	ref.Text = "A preface came first. " + ref.Text
	now := diff.Compare(ref, diff.Document{Name: "mt.txt", Text: "A preface came first. The talks began on May 9 in Moscow. Both sides agreed to grow trade.\n"}, diff.Options{})
	counted := base.New(now, "")
	for bi, b := range now.Beads {
		for ci, ch := range b.Changes {
			fmt.Printf("%s %q → %q new: %v\n", ch.Kind, ch.A, ch.B, counted.Has(diff.ChangeRef{Bead: bi, Change: ci}))
		}
	}
	j := gate.Judge{Baseline: base}
	v, err := j.Document(now, "")
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range v.Failures {
		fmt.Println(f)
	}
	// Output:
	// shift "8" → "9" new: false
	// shift "expand" → "grow" new: true
	// baseline base.json: 1 new change (shift "expand" → "grow")
}
