//go:build ignore

// Command gen compiles the WordNet 3.0 database files (Debian's wordnet-base
// package puts them under /usr/share/wordnet) into wordnet.bin.gz, the compact
// table that package lexrel embeds. It keeps only what lexrel needs: every
// lemma with its synsets in sense order, for every synset its part of speech
// and its hypernyms, "similar to", verb-group and antonym links, and the
// morphological exception lists (*.exc).
//
//	go run gen/main.go -wordnet /usr/share/wordnet -out wordnet.bin.gz
//
// The output is deterministic: the same input files give the same bytes.
//
// Format (gzip of the following; n = uvarint, s = n bytes of n's length):
//
//	"LEXREL1\n"
//	n synsets; per synset: pos byte ('n','v','a','r'), then four lists
//	  (hypernym, similar, verb group, antonym), each n count + n ids
//	n lemmas, sorted bytewise; per lemma: n bytes shared with the previous
//	  lemma, s rest, n count + n synset ids (sense order, by POS n,v,a,r)
//	n exceptions; per exception: pos byte, s inflected form, n count + s bases
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

var posFiles = []struct {
	name string
	pos  byte
}{{"noun", 'n'}, {"verb", 'v'}, {"adj", 'a'}, {"adv", 'r'}}

type synset struct {
	pos                          byte
	hyper, similar, group, anton []key
}

type key struct {
	pos    byte
	offset int
}

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "directory of the WordNet 3.0 database files")
	out := flag.String("out", "wordnet.bin.gz", "output file")
	flag.Parse()

	ids := map[key]int{}
	var synsets []synset
	for _, pf := range posFiles {
		each(filepath.Join(*dir, "data."+pf.name), func(line string) {
			if strings.HasPrefix(line, "  ") {
				return // licence header
			}
			f := strings.Fields(strings.SplitN(line, " | ", 2)[0])
			off, err := strconv.Atoi(f[0])
			check(err)
			wcnt, err := strconv.ParseInt(f[3], 16, 0)
			check(err)
			i := 4 + 2*int(wcnt)
			pcnt, err := strconv.Atoi(f[i])
			check(err)
			i++
			s := synset{pos: pf.pos}
			for p := 0; p < pcnt; p, i = p+1, i+4 {
				sym, toff, tpos := f[i], f[i+1], f[i+2][0]
				if tpos == 's' {
					tpos = 'a'
				}
				o, err := strconv.Atoi(toff)
				check(err)
				k := key{tpos, o}
				switch sym {
				case "@": // hypernym (not "@i", instance hypernym: a name is not its class)
					s.hyper = append(s.hyper, k)
				case "&":
					s.similar = append(s.similar, k)
				case "$":
					s.group = append(s.group, k)
				case "!":
					s.anton = append(s.anton, k)
				}
			}
			ids[key{pf.pos, off}] = len(synsets)
			synsets = append(synsets, s)
		})
	}

	lemmas := map[string][]int{}
	for _, pf := range posFiles {
		each(filepath.Join(*dir, "index."+pf.name), func(line string) {
			if strings.HasPrefix(line, "  ") {
				return
			}
			f := strings.Fields(line)
			scnt, err := strconv.Atoi(f[2])
			check(err)
			lemma := strings.ReplaceAll(f[0], "_", " ")
			for _, o := range f[len(f)-scnt:] {
				off, err := strconv.Atoi(o)
				check(err)
				id, ok := ids[key{pf.pos, off}]
				if !ok {
					log.Fatalf("index.%s: %s: no synset %s", pf.name, f[0], o)
				}
				lemmas[lemma] = append(lemmas[lemma], id)
			}
		})
	}

	var b bytes.Buffer
	b.WriteString("LEXREL1\n")
	n := func(v int) { b.Write(binary.AppendUvarint(nil, uint64(v))) }
	str := func(s string) { n(len(s)); b.WriteString(s) }
	list := func(ks []key) {
		n(len(ks))
		for _, k := range ks {
			id, ok := ids[k]
			if !ok {
				log.Fatalf("pointer to missing synset %c %08d", k.pos, k.offset)
			}
			n(id)
		}
	}
	n(len(synsets))
	for _, s := range synsets {
		b.WriteByte(s.pos)
		list(s.hyper)
		list(s.similar)
		list(s.group)
		list(s.anton)
	}

	names := make([]string, 0, len(lemmas))
	for l := range lemmas {
		names = append(names, l)
	}
	sort.Strings(names)
	n(len(names))
	prev := ""
	for _, l := range names {
		c := 0
		for c < len(l) && c < len(prev) && l[c] == prev[c] {
			c++
		}
		n(c)
		str(l[c:])
		n(len(lemmas[l]))
		for _, id := range lemmas[l] {
			n(id)
		}
		prev = l
	}

	type exc struct {
		pos   byte
		form  string
		bases []string
	}
	var excs []exc
	for _, pf := range posFiles {
		each(filepath.Join(*dir, pf.name+".exc"), func(line string) {
			f := strings.Fields(line)
			if len(f) < 2 {
				return
			}
			for i := range f {
				f[i] = strings.ReplaceAll(f[i], "_", " ")
			}
			excs = append(excs, exc{pf.pos, f[0], f[1:]})
		})
	}
	n(len(excs))
	for _, e := range excs {
		b.WriteByte(e.pos)
		str(e.form)
		n(len(e.bases))
		for _, s := range e.bases {
			str(s)
		}
	}

	fo, err := os.Create(*out)
	check(err)
	zw, err := gzip.NewWriterLevel(fo, gzip.BestCompression)
	check(err)
	_, err = zw.Write(b.Bytes())
	check(err)
	check(zw.Close())
	check(fo.Close())
	fmt.Printf("%d synsets, %d lemmas, %d exceptions; %d bytes raw, written to %s\n",
		len(synsets), len(names), len(excs), b.Len(), *out)
}

func each(path string, fn func(string)) {
	f, err := os.Open(path)
	check(err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if sc.Text() != "" {
			fn(sc.Text())
		}
	}
	check(sc.Err())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
