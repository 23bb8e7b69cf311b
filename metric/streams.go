package metric

import (
	"errors"
	"fmt"

	"github.com/paradiff/paradiff/internal/par"
)

var errNoRefs = errors.New("metric: no references")

// checkStreams reports an error unless there is at least one reference
// stream and every reference stream is as long as hyps.
func checkStreams(hyps []string, refs [][]string) error {
	if len(refs) == 0 {
		return errNoRefs
	}
	for k, r := range refs {
		if len(r) != len(hyps) {
			return fmt.Errorf("metric: reference stream %d has %d segments, hypotheses have %d", k+1, len(r), len(hyps))
		}
	}
	return nil
}

// scoreSegments passes every segment, its hypothesis and its references,
// to add, on all cores: each worker gets a state of its own from newState,
// and the states of the workers that ran are returned. It suits scores
// whose statistics are counts, whose sum has no order.
func scoreSegments[S any](hyps []string, refs [][]string, newState func() S, add func(state S, hyp string, refs []string)) []S {
	states := make([]S, par.Workers())
	ran := make([]bool, len(states))
	par.Chunks(len(hyps), minSegmentsPerWorker, func(w, from, to int) {
		if !ran[w] {
			states[w], ran[w] = newState(), true
		}
		segRefs := make([]string, len(refs))
		for i := from; i < to; i++ {
			for k := range refs {
				segRefs[k] = refs[k][i]
			}
			add(states[w], hyps[i], segRefs)
		}
	})
	var out []S
	for w, s := range states {
		if ran[w] {
			out = append(out, s)
		}
	}
	return out
}
