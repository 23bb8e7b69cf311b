package lexrel

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"
)

//go:embed wordnet.bin.gz
var wordnetGz []byte

// csr holds lists of ids in one slice: list i is ids[start[i]:start[i+1]].
type csr struct {
	start []uint32
	ids   []uint32
}

func (c *csr) list(i uint32) []uint32 { return c.ids[c.start[i]:c.start[i+1]] }

func (c *csr) add(ids []uint32) {
	if c.start == nil {
		c.start = []uint32{0}
	}
	c.ids = append(c.ids, ids...)
	c.start = append(c.start, uint32(len(c.ids)))
}

// wordnet is the decoded table: lemma i is text[off[i]:off[i+1]], sorted
// bytewise, and its synsets are senses.list(i).
type wordnet struct {
	pos                          []byte // per synset: 'n', 'v', 'a' or 'r'
	hyper, similar, group, anton csr    // per synset
	text                         string
	off                          []uint32
	senses                       csr
	exc                          map[excKey][]string
	depth                        []uint8 // per synset: fewest hypernym steps to a root, at most 255
}

type excKey struct {
	pos  byte
	form string
}

var (
	loadOnce sync.Once
	loaded   *wordnet
	loadErr  error
)

// db returns the table, decoding it on first use. The embedded table is
// checked by the package's tests, so a failure here is a build defect.
func db() *wordnet {
	loadOnce.Do(func() { loaded, loadErr = decode(wordnetGz) })
	if loadErr != nil {
		panic("lexrel: embedded WordNet table: " + loadErr.Error())
	}
	return loaded
}

func decode(gz []byte) (*wordnet, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	// gzip's trailer ends with the length of the data, modulo 2³².
	size := binary.LittleEndian.Uint32(gz[len(gz)-4:])
	if size > 64<<20 {
		return nil, errors.New("table too large")
	}
	raw := make([]byte, size)
	if _, err := io.ReadFull(zr, raw); err != nil {
		return nil, err
	}
	if n, _ := zr.Read(make([]byte, 1)); n != 0 {
		return nil, errors.New("table longer than its gzip trailer says")
	}
	r := &reader{b: raw}
	if string(r.bytes(8)) != "LEXREL1\n" {
		return nil, errors.New("not a lexrel table")
	}
	w := &wordnet{}
	ns := r.n()
	w.pos = make([]byte, 0, ns)
	for _, c := range []*csr{&w.hyper, &w.similar, &w.group, &w.anton} {
		c.start = make([]uint32, 1, ns+1)
	}
	w.hyper.ids = make([]uint32, 0, ns+ns/4)
	var buf []uint32
	ids := func(max int) []uint32 {
		buf = buf[:0]
		for k := r.n(); k > 0 && r.err == nil; k-- {
			id := r.n()
			if id >= max {
				r.err = fmt.Errorf("synset id %d out of range", id)
			}
			buf = append(buf, uint32(id))
		}
		return buf
	}
	for i := 0; i < ns && r.err == nil; i++ {
		w.pos = append(w.pos, r.byte())
		w.hyper.add(ids(ns))
		w.similar.add(ids(ns))
		w.group.add(ids(ns))
		w.anton.add(ids(ns))
	}
	nl := r.n()
	text := make([]byte, 0, len(raw))
	w.off = make([]uint32, 1, nl+1)
	w.senses.start = make([]uint32, 1, nl+1)
	w.senses.ids = make([]uint32, 0, nl+nl/2)
	var prev []byte
	for i := 0; i < nl && r.err == nil; i++ {
		shared := r.n()
		if shared > len(prev) {
			return nil, errors.New("bad lemma prefix")
		}
		rest := r.bytes(r.n())
		start := len(text)
		text = append(text, prev[:shared]...)
		text = append(text, rest...)
		w.off = append(w.off, uint32(len(text)))
		prev = text[start:]
		w.senses.add(ids(ns))
	}
	w.text = string(text)
	ne := r.n()
	w.exc = make(map[excKey][]string, ne)
	for i := 0; i < ne && r.err == nil; i++ {
		k := excKey{pos: r.byte(), form: string(r.bytes(r.n()))}
		bases := make([]string, r.n())
		for j := range bases {
			bases[j] = string(r.bytes(r.n()))
		}
		w.exc[k] = append(w.exc[k], bases...)
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) != 0 {
		return nil, errors.New("trailing bytes")
	}
	w.setDepths()
	return w, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) n() int {
	v, k := binary.Uvarint(r.b)
	if k <= 0 || v > 1<<31 {
		r.fail()
		return 0
	}
	r.b = r.b[k:]
	return int(v)
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) bytes(k int) []byte {
	if k > len(r.b) {
		r.fail()
		return nil
	}
	s := r.b[:k]
	r.b = r.b[k:]
	return s
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = io.ErrUnexpectedEOF
	}
	r.b = nil
}

func (w *wordnet) lemma(i int) string { return w.text[w.off[i]:w.off[i+1]] }

// find returns the index of lemma s, or -1.
func (w *wordnet) find(s string) int {
	n := len(w.off) - 1
	i := sort.Search(n, func(i int) bool { return w.lemma(i) >= s })
	if i < n && w.lemma(i) == s {
		return i
	}
	return -1
}

// has reports whether s is a lemma with a sense of part of speech pos.
func (w *wordnet) has(s string, pos byte) bool {
	i := w.find(s)
	if i < 0 {
		return false
	}
	for _, id := range w.senses.list(uint32(i)) {
		if w.pos[id] == pos {
			return true
		}
	}
	return false
}

// setDepths fills w.depth. The hypernym graph is acyclic in WordNet 3.0; a
// cycle, should a table have one, only makes some depths too small.
func (w *wordnet) setDepths() {
	const unknown, visiting = 255, 254
	w.depth = make([]uint8, len(w.pos))
	for i := range w.depth {
		w.depth[i] = unknown
	}
	var visit func(s uint32) uint8
	visit = func(s uint32) uint8 {
		switch d := w.depth[s]; d {
		case visiting:
			return 0
		case unknown:
		default:
			return d
		}
		w.depth[s] = visiting
		d := uint8(0)
		for i, h := range w.hyper.list(s) {
			if hd := visit(h); i == 0 || hd+1 < d {
				d = min(hd, 252) + 1
			}
		}
		w.depth[s] = d
		return d
	}
	for s := range w.depth {
		visit(uint32(s))
	}
}
