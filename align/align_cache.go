package align

import "sync"

// The caches below make the dynamic program's cost calls cheap on long
// texts; they change no result.

// loadedRuns holds A runs spread out by token id, one per run length, so
// that the tokens a B run shares with them take one pass over B's tokens:
// the dynamic program prices every cell of a row against the same few A
// runs. Each search of a run takes one from loadedPool.
type loadedRuns struct {
	count [][]int32 // by run length, by token id
	owner []*scorer // by run length: whose run is loaded
	start []int     // by run length: its start
	bag   []*bag    // by run length: the run loaded
}

// loadedPool keeps loadedRuns for the searches of runs (see searchRun).
var loadedPool = sync.Pool{New: func() any { return &loadedRuns{} }}

// load makes x, the run of A of length n starting at i, the loaded one.
func (s *scorer) load(x *bag, i, n int) []int32 {
	l := s.loaded
	for len(l.count) <= n {
		l.count = append(l.count, nil)
		l.owner = append(l.owner, nil)
		l.start = append(l.start, -1)
		l.bag = append(l.bag, nil)
	}
	if l.owner[n] == s && l.start[n] == i {
		return l.count[n]
	}
	c := l.count[n]
	if len(c) < len(s.weight) {
		// First use, or by scorers of a larger vocabulary than before
		// (the second pass's learned pairs, another comparison).
		c = make([]int32, len(s.weight))
		l.count[n], l.bag[n] = c, nil
	}
	if old := l.bag[n]; old != nil {
		for _, id := range old.ids {
			c[id] = 0
		}
	}
	for k, id := range x.ids {
		c[id] = x.counts[k]
	}
	// A run merged in a cache slot may be overwritten later: keep the
	// ids to clear in a bag of our own.
	if l.bag[n] == nil {
		l.bag[n] = &bag{}
	}
	l.bag[n].ids = append(l.bag[n].ids[:0], x.ids...)
	l.owner[n], l.start[n] = s, i
	return c
}

// runCache holds merged runs of one length, each in the slot its start
// selects: the dynamic program asks for the runs that end in the last few
// rows (A) or near the band (B) over and over.
type runCache struct {
	start []int // the run each slot holds, -1 for none
	bags  []bag
}

// run returns the merged bags[start:start+n], from cache when it can.
func run(caches *[]*runCache, bags []bag, start, n int) *bag {
	if n == 1 {
		return &bags[start]
	}
	for len(*caches) <= n {
		*caches = append(*caches, nil)
	}
	c := (*caches)[n]
	if c == nil {
		size := 1
		for size < min(len(bags), runCacheSize) {
			size *= 2
		}
		c = runCachePool.Get().(*runCache)
		c.reset(size)
		(*caches)[n] = c
	}
	k := start & (len(c.start) - 1)
	if c.start[k] != start {
		mergeInto(&c.bags[k], bags[start:start+n])
		c.start[k] = start
	}
	return &c.bags[k]
}

// runCachePool keeps the run caches of finished searches, whose slots'
// storage the next searches reuse: a long text has thousands of runs
// between pins, each searched with caches of its own.
var runCachePool = sync.Pool{New: func() any { return &runCache{} }}

// reset empties c and gives it size slots.
func (c *runCache) reset(size int) {
	if cap(c.start) < size {
		c.start = make([]int, size)
	}
	if cap(c.bags) < size { // keeping the bags it has, and their storage
		c.bags = append(c.bags[:cap(c.bags)], make([]bag, size-cap(c.bags))...)
	}
	c.start, c.bags = c.start[:size], c.bags[:size]
	for k := range c.start {
		c.start[k] = -1
	}
}

// releaseRuns returns the scorer's run caches to the pool: its search is
// over.
func (s *scorer) releaseRuns() {
	for _, caches := range []*[]*runCache{&s.runsA, &s.runsB} {
		for _, c := range *caches {
			if c != nil {
				runCachePool.Put(c)
			}
		}
		*caches = nil
	}
}

// runCacheSize is the most slots a run cache has: more than the widest
// band, so that a run stays cached while the band passes over it.
const runCacheSize = 4096

// sharedLoaded is the weighted size of the multiset intersection of the
// loaded run whose counts are count and y, and the part of it that is
// bonus mass (see bag.bonus).
func (s *scorer) sharedLoaded(count []int32, y *bag) (shared, bonus float64) {
	for k, id := range y.ids {
		if c := count[id]; c > 0 {
			w := float64(min(c, y.counts[k])) * s.weight[id]
			shared += w
			if s.class[id] == massBonus {
				bonus += w
			}
		}
	}
	return shared, bonus
}
