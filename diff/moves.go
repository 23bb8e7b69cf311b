package diff

import "strings"

// minMoveWords is the number of content words a run must have to be taken
// for moved rather than dropped in one place and added in another by
// chance; a whole sentence is a move however short.
const minMoveWords = 3

// moveRun is what findMoves needs of an omission or insertion: the keys
// of its content words, joined, and whether it is long enough to count as
// moved.
type moveRun struct {
	key string
	ok  bool
}

// moveRuns returns the moveRun of each change of b, whose sides are a and
// bs; only pure omissions' and insertions' are filled in. It is nil when b
// has neither.
func moveRuns(b *Bead, a, bs *side) []moveRun {
	var runs []moveRun
	for k, ch := range b.Changes {
		// Only a pure omission or insertion, with nothing on the other
		// side (not even punctuation), is half of a move: the half that
		// leaves A has no B text, the one that arrives in B no A text,
		// which is how reports tell the halves apart.
		var s *side
		var from, to int
		switch {
		case ch.Kind == Omission && ch.B == "":
			s, from, to = a, ch.AStart, ch.AEnd
		case ch.Kind == Insertion && ch.A == "":
			s, from, to = bs, ch.BStart, ch.BEnd
		default:
			continue
		}
		if runs == nil {
			runs = make([]moveRun, len(b.Changes))
		}
		first, size := s.tokenAt(from), 0
		for i := first; i < len(s.toks) && s.toks[i].End <= to; i++ {
			if s.toks[i].IsContent() {
				size += len(s.keys[i]) + 1
			}
		}
		var key strings.Builder
		key.Grow(size)
		words := 0
		for i := first; i < len(s.toks) && s.toks[i].End <= to; i++ {
			if s.toks[i].IsContent() {
				if words > 0 {
					key.WriteByte(0)
				}
				key.WriteString(s.keys[i])
				words++
			}
		}
		wholeSentence := len(b.A) == 0 || len(b.B) == 0
		runs[k] = moveRun{key.String(), words >= minMoveWords || wholeSentence && words > 0}
	}
	return runs
}

// findMoves pairs each omission with an insertion elsewhere (in another
// bead, or further on in the same one) whose content words have the same
// keys, and turns both into the two halves of one move. runs are the
// beads' moveRuns.
func findMoves(c *Comparison, runs [][]moveRun) {
	type ref struct{ bead, change int }
	omitted := map[string][]ref{}
	var order []ref // insertions, in B's order
	for bi, b := range c.Beads {
		for ci, ch := range b.Changes {
			if runs[bi] == nil || !runs[bi][ci].ok {
				continue
			}
			switch ch.Kind {
			case Omission:
				key := runs[bi][ci].key
				omitted[key] = append(omitted[key], ref{bi, ci})
			case Insertion:
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
			half.Severity, half.Meaning, half.Reason = SeverityMajor, MeaningMoved, "stands elsewhere in the other version"
		}
	}
}
