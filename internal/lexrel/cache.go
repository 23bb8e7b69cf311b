package lexrel

import (
	"sync"
	"sync/atomic"
)

// wordCache memoises a function of a word for the first maxCachedWords
// words asked: a document asks about its words again and again, and a
// bounded cache cannot grow with an endless input. It is safe for
// concurrent use.
type wordCache[V any] struct {
	m sync.Map
	n atomic.Int64
}

const maxCachedWords = 1 << 16

// get returns f(word), from the cache when it has it.
func (c *wordCache[V]) get(word string, f func(string) V) V {
	if v, ok := c.m.Load(word); ok {
		return v.(V)
	}
	v := f(word)
	if c.n.Add(1) <= maxCachedWords {
		c.m.Store(word, v)
	}
	return v
}
