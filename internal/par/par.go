// Package par runs the independent parts of a long job on all cores: the
// runs between pins in alignment, the beads in diffing, the pieces of a
// report.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers is how many goroutines Chunks starts at most: one per core Go
// may use.
func Workers() int { return runtime.GOMAXPROCS(0) }

// Chunks calls work(worker, from, to) for consecutive chunks [from, to) of
// 0..n, size items each (the last may be shorter), on up to Workers()
// goroutines, and returns when all are done. Chunks are handed out in
// order; worker, below Workers(), tells which goroutine runs the chunk, so
// that each can keep scratch space of its own.
func Chunks(n, size int, work func(worker, from, to int)) {
	size = max(size, 1)
	chunks := (n + size - 1) / size
	workers := min(Workers(), chunks)
	if workers <= 1 {
		for from := 0; from < n; from += size {
			work(0, from, min(from+size, n))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for {
				from := int(next.Add(int64(size)) - int64(size))
				if from >= n {
					return
				}
				work(w, from, min(from+size, n))
			}
		})
	}
	wg.Wait()
}
