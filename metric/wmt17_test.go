package metric

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// sharedData is the project's shared data directory, relative to this
// package's directory (the working directory of its tests).
const sharedData = "../../shared/data"

// wmt17 holds the WMT17 en-de test set: the reference and the output of
// each system, keyed by system name without ".sgm".
type wmt17 struct {
	ref  []string
	hyps map[string][]string
}

// wmt17Path is the WMT17 en-de data in the shared data directory.
var wmt17Path = filepath.Join(sharedData, "sacrebleu", "wmt17_en_de_systems.jsonl")

// loadWMT17 reads the WMT17 en-de data. Its error wraps fs.ErrNotExist
// when the file is absent.
func loadWMT17() (*wmt17, error) {
	f, err := os.Open(wmt17Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &wmt17{hyps: map[string][]string{}}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		var line struct {
			Line int               `json:"line"`
			Ref  string            `json:"ref"`
			Hyp  map[string]string `json:"hyp"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", wmt17Path, n, err)
		}
		if line.Line != len(d.ref) {
			return nil, fmt.Errorf("%s:%d: line %d out of order", wmt17Path, n, line.Line)
		}
		d.ref = append(d.ref, line.Ref)
		for sys, h := range line.Hyp {
			d.hyps[sys] = append(d.hyps[sys], h)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for sys, h := range d.hyps {
		if len(h) != len(d.ref) {
			return nil, fmt.Errorf("%s: system %s has %d lines, reference %d", wmt17Path, sys, len(h), len(d.ref))
		}
	}
	return d, nil
}

// readWMT17 is loadWMT17 for a test, which it skips when the data is
// absent.
func readWMT17(tb testing.TB) *wmt17 {
	tb.Helper()
	d, err := loadWMT17()
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skipf("%s is absent; skipping the WMT17 checks", wmt17Path)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

// TestWMT17Tables checks, for every en-de system of sacreBLEU's test.sh
// tables that has local data, the scores that sacreBLEU checks against
// the reference scorers: BLEU against mteval-v13a (MTEVAL) and
// mteval-v14 --international-tokenization (MTEVAL14), chrF and chrF++
// against chrF++.py (CHRF, CHRFPP), and TER against tercom (TER).
func TestWMT17Tables(t *testing.T) {
	path := filepath.Join(sharedData, "sacrebleu", "test_sh_expected.json")
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("%s is absent; skipping the WMT17 checks", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var expected struct {
		Tables map[string]json.RawMessage `json:"tables"`
	}
	if err := json.Unmarshal(data, &expected); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	d := readWMT17(t)
	refs := [][]string{d.ref}

	type table struct {
		name  string
		score func(hyps []string) (float64, error)
		// ok reports whether got matches want, as test.sh compares them.
		ok   func(got, want float64) bool
		rule string
	}
	within := func(digits int, tol float64) func(got, want float64) bool {
		return func(got, want float64) bool {
			r, _ := strconv.ParseFloat(strconv.FormatFloat(got, 'f', digits, 64), 64)
			return math.Abs(r-want) <= tol+1e-9
		}
	}
	tables := []table{
		{"MTEVAL", func(h []string) (float64, error) {
			s, err := BLEU{}.CorpusScore(h, refs)
			return s.Score, err
		}, within(2, 0.01), "BLEU (13a) at 2 decimals within 0.01"},
		{"MTEVAL14", func(h []string) (float64, error) {
			s, err := BLEU{Tokenize: TokenizerIntl}.CorpusScore(h, refs)
			return s.Score, err
		}, within(2, 0.01), "BLEU (intl) at 2 decimals within 0.01"},
		{"CHRF", func(h []string) (float64, error) {
			s, err := CHRF{EpsSmoothing: true}.CorpusScore(h, refs)
			return s.Score, err
		}, within(4, 1e-6), "chrF (eps) at 4 decimals within 1e-6"},
		{"CHRFPP", func(h []string) (float64, error) {
			s, err := CHRF{WordOrder: 2, EpsSmoothing: true}.CorpusScore(h, refs)
			return s.Score, err
		}, within(4, 1e-6), "chrF++ (eps) at 4 decimals within 1e-6"},
		{"TER", func(h []string) (float64, error) {
			s, err := TER{}.CorpusScore(h, refs)
			return s.Score / 100, err
		}, func(got, want float64) bool { return math.Abs(got-want) <= 0.01 }, "TER/100 within 0.01"},
	}
	total, passed := 0, 0
	for _, tb := range tables {
		var rows map[string]float64
		if err := json.Unmarshal(expected.Tables[tb.name], &rows); err != nil {
			t.Fatalf("%s: table %s: %v", path, tb.name, err)
		}
		var systems []string
		for k := range rows {
			if strings.Contains(k, ".en-de.") {
				systems = append(systems, k)
			}
		}
		sort.Strings(systems)
		if len(systems) == 0 {
			t.Errorf("table %s has no en-de rows", tb.name)
		}
		for _, key := range systems {
			want := rows[key]
			sys := strings.TrimSuffix(key, ".sgm")
			hyps, ok := d.hyps[sys]
			if !ok {
				t.Logf("%s %s: no local output for this system", tb.name, sys)
				continue
			}
			total++
			t.Run(tb.name+"/"+sys, func(t *testing.T) {
				got, err := tb.score(hyps)
				if err != nil {
					t.Fatal(err)
				}
				if !tb.ok(got, want) {
					t.Errorf("%s = %.6f, want %v (%s)", sys, got, want, tb.rule)
					return
				}
				passed++
				t.Logf("%s = %.6f, want %v", sys, got, want)
			})
		}
	}
	t.Logf("WMT17 en-de table rows: %d/%d pass", passed, total)
}
