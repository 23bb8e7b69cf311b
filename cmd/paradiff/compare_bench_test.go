package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/internal/benchpair"
	"github.com/paradiff/paradiff/internal/textio"
)

var comparePair struct {
	once sync.Once
	dir  string
	size int64
	err  error
}

// comparePairFiles writes the end-to-end benchmark's pair (see
// internal/benchpair) once, and returns where, with the size of both
// files. It skips the benchmark when the shared data is absent.
func comparePairFiles(b *testing.B) (a, bFile string, size int64) {
	b.Helper()
	p := &comparePair
	p.once.Do(func() {
		var ta, tb string
		if ta, tb, p.err = benchpair.Build(filepath.Join("..", "..", "..", "shared", "data")); p.err != nil {
			return
		}
		// One folder for every run, overwritten: nothing piles up.
		p.dir = filepath.Join(os.TempDir(), "paradiff-bench-pair")
		if p.err = os.MkdirAll(p.dir, 0o755); p.err != nil {
			return
		}
		p.size = int64(len(ta) + len(tb))
		if p.err = os.WriteFile(filepath.Join(p.dir, "a.txt"), []byte(ta), 0o644); p.err == nil {
			p.err = os.WriteFile(filepath.Join(p.dir, "b.txt"), []byte(tb), 0o644)
		}
	})
	if errors.Is(p.err, fs.ErrNotExist) {
		b.Skip("../shared/data is absent; skipping the end-to-end benchmarks")
	}
	if p.err != nil {
		b.Fatal(p.err)
	}
	return filepath.Join(p.dir, "a.txt"), filepath.Join(p.dir, "b.txt"), p.size
}

// BenchmarkCompare runs the whole comparison of `paradiff -f json` on the
// pair bench/compare.sh uses (1.6 MB a side): read, decode, split, align,
// diff and write the JSON report, with and without the metrics. Compare
// it with BenchmarkCompareBaseline in the same run; bench/compare.sh
// compares the command with git, wdiff and dwdiff.
func BenchmarkCompare(b *testing.B) {
	a, bFile, size := comparePairFiles(b)
	for _, metrics := range []string{"none", "default"} {
		args := []string{"-f", "json", a, bFile}
		if metrics == "none" {
			args = append([]string{"--metrics", "none"}, args...)
		}
		b.Run("metrics="+metrics, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if code := run(args, nil, io.Discard, io.Discard, os.Getenv); code > exitDiffer {
					b.Fatalf("paradiff %q: exit %d", args, code)
				}
			}
		})
	}
}

// BenchmarkCompareBaseline is what BenchmarkCompare is measured against:
// read and decode both files as paradiff does, split them into sentences
// and cut every sentence at white space.
func BenchmarkCompareBaseline(b *testing.B) {
	a, bFile, size := comparePairFiles(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		words := 0
		for _, name := range []string{a, bFile} {
			text, err := encodings{limit: textio.DefaultLimit}.readFile(name, nil)
			if err != nil {
				b.Fatal(err)
			}
			for _, s := range align.Split(text) {
				words += len(strings.Fields(s.Text))
			}
		}
		if words == 0 {
			b.Fatal("no words")
		}
	}
}
