package metric

import (
	"errors"
	"fmt"
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
