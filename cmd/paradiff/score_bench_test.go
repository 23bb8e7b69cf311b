package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/paradiff/paradiff/internal/textio"
)

// wmt17Path is the WMT17 en-de test set with 16 system outputs in the
// shared data directory (see its README), relative to this package.
var wmt17Path = filepath.Join("..", "..", "..", "shared", "data", "sacrebleu", "wmt17_en_de_systems.jsonl")

// benchSizes are the corpus sizes of the score benchmarks: the cost should
// double with each.
var benchSizes = []int{2500, 5000, 10000}

var benchCorpus struct {
	once       sync.Once
	err        error
	hyps, refs []string
}

// scoreBenchFiles writes a hypothesis and a reference file of each size in
// benchSizes in a temporary directory: WMT17 en-de system outputs, system
// after system in name order, each with the reference. It skips the
// benchmark when the shared data is absent.
func scoreBenchFiles(b *testing.B) (dir string, size map[int]int64) {
	b.Helper()
	c := &benchCorpus
	c.once.Do(func() {
		refs, hyps, err := loadWMT17()
		if c.err = err; err != nil {
			return
		}
		systems := make([]string, 0, len(hyps))
		for s := range hyps {
			systems = append(systems, s)
		}
		sort.Strings(systems)
		for _, s := range systems {
			c.hyps, c.refs = append(c.hyps, hyps[s]...), append(c.refs, refs...)
		}
	})
	if errors.Is(c.err, fs.ErrNotExist) {
		b.Skipf("%s is absent; skipping the score benchmarks", wmt17Path)
	}
	if c.err != nil {
		b.Fatal(c.err)
	}
	dir, size = b.TempDir(), map[int]int64{}
	for _, n := range benchSizes {
		if n > len(c.hyps) {
			b.Fatalf("%s: %d segments, want %d", wmt17Path, len(c.hyps), n)
		}
		h := strings.Join(c.hyps[:n], "\n") + "\n"
		r := strings.Join(c.refs[:n], "\n") + "\n"
		size[n] = int64(len(h) + len(r))
		for name, text := range map[string]string{"hyp": h, "ref": r} {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s.%d", name, n)), []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return dir, size
}

func loadWMT17() (refs []string, hyps map[string][]string, err error) {
	file, err := os.Open(wmt17Path)
	if err != nil {
		return nil, nil, err
	}
	defer file.Close()
	hyps = map[string][]string{}
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var line struct {
			Ref string            `json:"ref"`
			Hyp map[string]string `json:"hyp"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, nil, fmt.Errorf("%s: %v", wmt17Path, err)
		}
		refs = append(refs, line.Ref)
		for s, h := range line.Hyp {
			hyps[s] = append(hyps[s], h)
		}
	}
	return refs, hyps, sc.Err()
}

// BenchmarkScore runs paradiff score (BLEU, chrF and TER, text output)
// on 2,500, 5,000 and 10,000 WMT17 segments. Compare each size with
// BenchmarkScoreBaseline at the same size, and the sizes with each other:
// the cost is linear when the time per segment stays flat.
func BenchmarkScore(b *testing.B) {
	dir, size := scoreBenchFiles(b)
	for _, n := range benchSizes {
		args := []string{"score", "-r", filepath.Join(dir, fmt.Sprintf("ref.%d", n)), filepath.Join(dir, fmt.Sprintf("hyp.%d", n))}
		b.Run(fmt.Sprintf("segments=%d", n), func(b *testing.B) {
			b.SetBytes(size[n])
			b.ReportAllocs()
			for b.Loop() {
				if code := run(args, nil, io.Discard, io.Discard, os.Getenv); code != 0 {
					b.Fatalf("paradiff %q: exit %d", args, code)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/segment")
		})
	}
}

// BenchmarkScoreBaseline is the plain single pass the score benchmark is
// measured against: read and decode both files as paradiff score does,
// cut them into lines, and split every line at white space.
func BenchmarkScoreBaseline(b *testing.B) {
	dir, size := scoreBenchFiles(b)
	for _, n := range benchSizes {
		hyp, ref := filepath.Join(dir, fmt.Sprintf("hyp.%d", n)), filepath.Join(dir, fmt.Sprintf("ref.%d", n))
		b.Run(fmt.Sprintf("segments=%d", n), func(b *testing.B) {
			b.SetBytes(size[n])
			b.ReportAllocs()
			for b.Loop() {
				words := 0
				for _, name := range []string{ref, hyp} {
					text, err := encodings{limit: textio.DefaultLimit}.readFile(name, nil)
					if err != nil {
						b.Fatal(err)
					}
					for _, l := range lines(text) {
						words += len(strings.Fields(l))
					}
				}
				if words == 0 {
					b.Fatal("no words")
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/segment")
		})
	}
}
