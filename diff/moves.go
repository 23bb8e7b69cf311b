package diff

import (
	"strings"

	"github.com/paradiff/paradiff/internal/par"
	"github.com/paradiff/paradiff/internal/textkey"
)

// minMoveWords is the number of content words a run must have to be taken
// for moved rather than dropped in one place and added in another by
// chance; a whole sentence is a move however short.
const minMoveWords = 3

// findMoves pairs each omission with an insertion elsewhere (in another
// bead, or further on in the same one) whose content words have the same
// keys, and turns both into the two halves of one move.
func findMoves(c *Comparison) {
	// The keys of every omission and insertion, worked out on all cores.
	type moveRun struct {
		key string
		ok  bool // long enough to count as moved
	}
	runs := make([][]moveRun, len(c.Beads))
	par.Chunks(len(c.Beads), 256, func(_, from, to int) {
		for bi := from; bi < to; bi++ {
			b := &c.Beads[bi]
			for ci, ch := range b.Changes {
				var mr moveRun
				switch ch.Kind {
				case Omission:
					mr.key, mr.ok = moveKey(ch.A, len(b.B) == 0)
				case Insertion:
					mr.key, mr.ok = moveKey(ch.B, len(b.A) == 0)
				default:
					continue
				}
				if runs[bi] == nil {
					runs[bi] = make([]moveRun, len(b.Changes))
				}
				runs[bi][ci] = mr
			}
		}
	})
	type ref struct{ bead, change int }
	omitted := map[string][]ref{}
	var order []ref // insertions, in B's order
	for bi, b := range c.Beads {
		for ci, ch := range b.Changes {
			switch {
			case ch.Kind == Omission && runs[bi][ci].ok:
				key := runs[bi][ci].key
				omitted[key] = append(omitted[key], ref{bi, ci})
			case ch.Kind == Insertion && runs[bi][ci].ok:
				order = append(order, ref{bi, ci})
			}
		}
	}
	if len(omitted) == 0 {
		return
	}
	moves := 0
	for _, in := range order {
		ins := &c.Beads[in.bead].Changes[in.change]
		key := runs[in.bead][in.change].key
		if len(omitted[key]) == 0 {
			continue
		}
		out := omitted[key][0]
		omitted[key] = omitted[key][1:]
		moves++
		om := &c.Beads[out.bead].Changes[out.change]
		for _, half := range []*Change{om, ins} {
			half.Kind, half.Move, half.Flags = Move, moves, nil
			half.Severity = SeverityMajor
		}
	}
}

// moveKey returns the keys of the content words of text, joined, and
// whether the text is long enough to count as moved.
func moveKey(text string, wholeSentence bool) (string, bool) {
	var keys []string
	for _, t := range textkey.Tokens(text, 0) {
		if t.IsContent() {
			keys = append(keys, textkey.Key(text[t.Start:t.End]))
		}
	}
	ok := len(keys) >= minMoveWords || wholeSentence && len(keys) > 0
	return strings.Join(keys, "\x00"), ok
}
