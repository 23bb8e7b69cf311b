package par

import (
	"sync/atomic"
	"testing"
)

// TestChunks checks that every item is visited once, in chunks of the
// size asked for, whatever the number of items.
func TestChunks(t *testing.T) {
	for _, n := range []int{0, 1, 2, 63, 64, 65, 1000} {
		for _, size := range []int{0, 1, 7, 64} {
			seen := make([]atomic.Int32, n)
			var chunks atomic.Int32
			Chunks(n, size, func(worker, from, to int) {
				if worker < 0 || worker >= Workers() {
					t.Errorf("worker %d out of range", worker)
				}
				if to-from > max(size, 1) || to <= from {
					t.Errorf("n=%d size=%d: chunk [%d, %d)", n, size, from, to)
				}
				chunks.Add(1)
				for i := from; i < to; i++ {
					seen[i].Add(1)
				}
			})
			for i := range seen {
				if c := seen[i].Load(); c != 1 {
					t.Fatalf("n=%d size=%d: item %d visited %d times", n, size, i, c)
				}
			}
			if want := (n + max(size, 1) - 1) / max(size, 1); int(chunks.Load()) != want {
				t.Errorf("n=%d size=%d: %d chunks, want %d", n, size, chunks.Load(), want)
			}
		}
	}
}
