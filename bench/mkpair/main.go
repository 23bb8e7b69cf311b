// Command mkpair writes the document pair the end-to-end benchmark
// compares (see internal/benchpair) as a.txt and b.txt.
//
// Usage: go run ./bench/mkpair -data ../shared/data -out DIR
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/paradiff/paradiff/internal/benchpair"
)

func main() {
	data := flag.String("data", filepath.Join("..", "shared", "data"), "the shared data folder")
	out := flag.String("out", ".", "where to write a.txt and b.txt")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		fmt.Fprintln(os.Stderr, "mkpair:", err)
		os.Exit(2)
	}
}

func run(data, out string) error {
	a, b, err := benchpair.Build(data)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "a.txt"), []byte(a), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "b.txt"), []byte(b), 0o644); err != nil {
		return err
	}
	fmt.Printf("a.txt %d bytes, b.txt %d bytes\n", len(a), len(b))
	return nil
}
