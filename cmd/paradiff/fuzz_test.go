package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPipeline runs the whole command, decoding, splitting, aligning,
// diffing and the JSON report, on two arbitrary inputs, and checks the
// invariants of DESIGN.md: trouble is one line on stderr and exit 2;
// otherwise the report's segments and gaps rebuild both decoded inputs,
// the beads cover both documents in order, and every change quotes its
// spans exactly.
func FuzzPipeline(f *testing.F) {
	for _, name := range []string{"ref.en.txt", "mt.en.txt", "zh.txt", "ru.txt"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "readout", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data[:min(len(data), 600)], data[len(data)/2:min(len(data), len(data)/2+600)])
	}
	f.Add([]byte("The talks began. Both agreed."), []byte("The formal talks began.\r\nBoth agreed!"))
	f.Add([]byte("\xff\xfeT\x00a\x00"), []byte("Ta"))
	f.Add([]byte("\xef\xbb\xbfA.\u200b B.\u202e"), []byte("A. \x1b[31mB."))
	f.Add([]byte("bad \xff"), []byte(""))
	f.Add([]byte("x\x00y"), []byte("x"))
	f.Fuzz(func(t *testing.T, a, b []byte) {
		dir := t.TempDir()
		pa, pb := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
		if err := os.WriteFile(pa, a, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(pb, b, 0o644); err != nil {
			t.Fatal(err)
		}
		var out, errOut bytes.Buffer
		code := run([]string{"-f", "json", pa, pb}, strings.NewReader(""), &out, &errOut, func(string) string { return "" })
		if code == exitTrouble {
			if errOut.Len() == 0 || strings.Count(errOut.String(), "\n") != 1 || out.Len() != 0 {
				t.Fatalf("trouble without a one-line error: stderr %q, stdout %d bytes", errOut.String(), out.Len())
			}
			return
		}
		if code != exitSame && code != exitDiffer {
			t.Fatalf("exit %d", code)
		}
		var r struct {
			A, B struct {
				Length         int
				Segments, Gaps []struct {
					Text       string
					Start, End int
				}
			}
			Beads []struct {
				A, B    []int
				Changes []struct {
					Kind                       string
					A, B                       string
					AStart, AEnd, BStart, BEnd int `json:"-"`
					RawAStart                  int `json:"a_start"`
					RawAEnd                    int `json:"a_end"`
					RawBStart                  int `json:"b_start"`
					RawBEnd                    int `json:"b_end"`
				}
			}
		}
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatalf("report is not JSON: %v", err)
		}
		texts := [2]string{}
		for i, doc := range []struct {
			Length         int
			Segments, Gaps []struct {
				Text       string
				Start, End int
			}
		}{r.A, r.B} {
			buf := make([]byte, doc.Length)
			covered := 0
			for _, list := range [][]struct {
				Text       string
				Start, End int
			}{doc.Segments, doc.Gaps} {
				for _, s := range list {
					if s.Start < 0 || s.End > doc.Length || s.End-s.Start != len(s.Text) {
						t.Fatalf("span [%d,%d) of %q does not fit", s.Start, s.End, s.Text)
					}
					copy(buf[s.Start:s.End], s.Text)
					covered += s.End - s.Start
				}
			}
			if covered != doc.Length || !utf8.Valid(buf) {
				t.Fatalf("side %d: segments and gaps cover %d of %d bytes", i, covered, doc.Length)
			}
			texts[i] = string(buf)
		}
		na, nb := 0, 0
		for _, bead := range r.Beads {
			for _, x := range bead.A {
				if x != na {
					t.Fatalf("beads out of order: A %d, want %d", x, na)
				}
				na++
			}
			for _, y := range bead.B {
				if y != nb {
					t.Fatalf("beads out of order: B %d, want %d", y, nb)
				}
				nb++
			}
			for _, ch := range bead.Changes {
				if texts[0][ch.RawAStart:ch.RawAEnd] != ch.A || texts[1][ch.RawBStart:ch.RawBEnd] != ch.B {
					t.Fatalf("change %+v does not quote its spans", ch)
				}
			}
		}
		if na != len(r.A.Segments) || nb != len(r.B.Segments) {
			t.Fatalf("beads cover %d/%d and %d/%d segments", na, len(r.A.Segments), nb, len(r.B.Segments))
		}
	})
}
