package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// makeTree creates files under dir from a map of slash-separated paths.
func makeTree(t *testing.T, dir string, files map[string]string) string {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// dirsFixture makes two directories: a pair that differs by a number, a
// pair that is the same, a file in each only, and hidden files and a
// symbolic link, which are skipped.
func dirsFixture(t *testing.T) (a, b string) {
	root := t.TempDir()
	a = makeTree(t, filepath.Join(root, "a"), map[string]string{
		"readout.txt":     gateA,
		"sub/same.txt":    "The talks began. Both sides agreed.\n",
		"only-a.txt":      "Only in A.\n",
		".hidden":         "Skipped.\n",
		".git/config":     "Skipped too.\n",
		"sub/.draft.txt":  "Skipped as well.\n",
		"sub/deep/x.txt":  "The press was told.\n",
		"sub/deep/y.text": "The same text stands here on both sides.\n",
	})
	b = makeTree(t, filepath.Join(root, "b"), map[string]string{
		"readout.txt":     gateB["number"],
		"sub/same.txt":    "The talks began. Both sides agreed.\n",
		"only-b.txt":      "Only in B.\n",
		"sub/deep/x.txt":  "The press was told.\n",
		"sub/deep/y.text": "The same text stands here on both sides.\n",
	})
	if err := os.Symlink(filepath.Join(a, "sub"), filepath.Join(b, "linkdir")); err != nil {
		t.Fatalf("no symbolic link: %v", err)
	}
	return a, b
}

type dirsJSON struct {
	Version int
	Files   []struct {
		Path     string
		OnlyIn   *string `json:"only_in"`
		Summary  *struct{ Differences int }
		Changes  []struct{ Kind, A, B string }
		Failures []string
	}
	Summary struct {
		Files, Compared int
		OnlyInA         int `json:"only_in_a"`
		OnlyInB         int `json:"only_in_b"`
		Differences     int
		Metrics         *struct {
			BLEU struct{ Score float64 }
		}
	}
	Failures []string
	Skipped  []struct{ Side, Path, Reason string }
}

// skippedNote is the note on the symbolic link of dirsFixture.
const skippedNote = `^paradiff: note: skipped .*/b/linkdir: symbolic link to a directory, not followed$`

func TestDirs(t *testing.T) {
	a, b := dirsFixture(t)
	code, out, stderr := runCmd(t, "", "-f", "json", a, b)
	if code != 1 || !regexp.MustCompile(skippedNote).MatchString(strings.TrimSuffix(stderr, "\n")) {
		t.Fatalf("exit %d (want 1), stderr %q (want the note on the link)", code, stderr)
	}
	var r dirsJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range r.Files {
		side := ""
		if f.OnlyIn != nil {
			side = *f.OnlyIn
		}
		paths = append(paths, f.Path+":"+side)
	}
	want := "only-a.txt:a only-b.txt:b readout.txt: sub/deep/x.txt: sub/deep/y.text: sub/same.txt:"
	if got := strings.Join(paths, " "); got != want {
		t.Errorf("files = %s\nwant    %s", got, want)
	}
	if r.Summary.Files != 6 || r.Summary.Compared != 4 || r.Summary.OnlyInA != 1 || r.Summary.OnlyInB != 1 || r.Summary.Differences != 1 || r.Summary.Metrics == nil {
		t.Errorf("summary = %+v", r.Summary)
	}
	if len(r.Skipped) != 1 || r.Skipped[0].Side != "b" || r.Skipped[0].Path != "linkdir" || !strings.Contains(r.Skipped[0].Reason, "symbolic link") {
		t.Errorf("skipped = %+v, want b's linkdir", r.Skipped)
	}
	if f := r.Files[2]; f.Summary == nil || f.Summary.Differences != 1 || len(f.Changes) != 1 || f.Changes[0].A != "8" {
		t.Errorf("readout.txt = %+v, want its one change", f)
	}

	// The text report: a row per file, and the same result on every run.
	_, text, _ := runCmd(t, "", a, b)
	for _, row := range []string{`only-a\.txt .*only in A`, `only-b\.txt .*only in B`, `readout\.txt .* 1 .*differs`, `sub/same\.txt .*same`, `all 6 files`} {
		if !regexp.MustCompile(row).MatchString(text) {
			t.Errorf("text report lacks a row %q:\n%s", row, text)
		}
	}
	old := runtime.GOMAXPROCS(1)
	_, text1, _ := runCmd(t, "", a, b)
	runtime.GOMAXPROCS(old)
	if text1 != text {
		t.Errorf("the report differs with GOMAXPROCS 1:\n%s\nand %d:\n%s", text1, old, text)
	}
	_, md, _ := runCmd(t, "", "-f", "markdown", a, b)
	if !strings.Contains(md, "| `sub/deep/x.txt` | 1 | 1 | 0 |") {
		t.Errorf("Markdown report lacks the row of sub/deep/x.txt:\n%s", md)
	}
	if !strings.Contains(md, "- B `linkdir`: symbolic link to a directory, not followed") || !strings.Contains(text, "skipped: B linkdir (symbolic link to a directory, not followed)") {
		t.Errorf("the Markdown or text report does not say that linkdir was skipped:\n%s\n%s", md, text)
	}

	// Roots that are symbolic links are followed: the same comparison.
	la, lb := filepath.Join(t.TempDir(), "la"), filepath.Join(t.TempDir(), "lb")
	if err := os.Symlink(a, la); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(b, lb); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := runCmd(t, "", "-f", "json", la, lb); code != 1 || !strings.Contains(out, `"files": 6`) {
		t.Errorf("symbolic-link roots: exit %d, want 1 and the 6 files:\n%s", code, out)
	}

	// Files that are symbolic links are compared as the files they name,
	// as diff -r compares them.
	dc, dd := t.TempDir(), t.TempDir()
	write(t, dc, "target.txt", []byte("We will not attack.\n"))
	write(t, dd, "target.txt", []byte("We will attack.\n"))
	if err := os.Symlink(filepath.Join(dc, "target.txt"), filepath.Join(dc, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dd, "target.txt"), filepath.Join(dd, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if code, out, stderr := runCmd(t, "", "--fail-on", "critical", dc, dd); code != 1 || !strings.Contains(stderr, "link.txt: 1 change") {
		t.Errorf("linked files: exit %d, stderr %q, want 1 and link.txt's negation:\n%s", code, stderr, out)
	}

	// Identical trees.
	if code, _, stderr := runCmd(t, "", a, a); code != 0 {
		t.Errorf("a directory against itself: exit %d (%s)", code, stderr)
	}
}

func TestDirsGates(t *testing.T) {
	a, b := dirsFixture(t)
	for _, tt := range []struct {
		name     string
		args     []string
		wantCode int
		want     []string // regexps, each matching a line of stderr, in order
	}{
		{"files on one side only fail a gate", []string{"--min-chrf", "1"}, 1, []string{skippedNote, `^paradiff: only-a\.txt: only in A$`, `^paradiff: only-b\.txt: only in B$`}},
		{"a gate names the file", []string{"--fail-on", "number"}, 1, []string{skippedNote, `only in A`, `only in B`, `^paradiff: gate --fail-on number: readout\.txt: 1 change \(shift "8" → "9"\)$`}},
		{"score gates apply per file and over all files", []string{"--min-bleu", "99"}, 1, []string{skippedNote, `only in A`, `only in B`, `^paradiff: gate --min-bleu 99: readout\.txt: BLEU \d+\.\d\d$`, `^paradiff: gate --min-bleu 99: all files: BLEU \d+\.\d\d$`}},
		{"max-changes over all files", []string{"--max-changes", "0"}, 1, []string{skippedNote, `only in A`, `only in B`, `gate --max-changes 0: readout\.txt: 1 changes`, `^paradiff: gate --max-changes 0: all files: 1 changes$`}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, "", append(tt.args, a, b)...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d (%s)", code, tt.wantCode, stderr)
			}
			lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("stderr has %d lines, want %d:\n%s", len(lines), len(tt.want), stderr)
			}
			for i, re := range tt.want {
				if !regexp.MustCompile(re).MatchString(lines[i]) {
					t.Errorf("stderr line %d = %q, want %q", i+1, lines[i], re)
				}
			}
		})
	}

	// Without files on one side only, passing gates exit 0 though the
	// readout differs.
	root := t.TempDir()
	a2 := makeTree(t, filepath.Join(root, "a"), map[string]string{"x.txt": gateA, "y.txt": "Same.\n"})
	b2 := makeTree(t, filepath.Join(root, "b"), map[string]string{"x.txt": gateB["number"], "y.txt": "Same.\n"})
	if code, _, stderr := runCmd(t, "", "--fail-on", "omission", "--min-chrf", "50", a2, b2); code != 0 {
		t.Errorf("passing gates: exit %d, stderr %q", code, stderr)
	}
}

func TestDirsBaseline(t *testing.T) {
	a, b := dirsFixture(t)
	base := filepath.Join(t.TempDir(), "base.json")
	if code, _, _ := runCmd(t, "", "--write-baseline", base, a, b); code != 1 {
		t.Fatalf("--write-baseline: exit %d, want 1", code)
	}
	// Files on one side only that the baseline has so too pass.
	if code, _, stderr := runCmd(t, "", "--baseline", base, a, b); code != 0 {
		t.Errorf("against its own baseline: exit %d (%s)", code, stderr)
	}
	// A new change in one file, and a new file on one side only.
	if err := os.WriteFile(filepath.Join(b, "sub", "same.txt"), []byte("The talks began. Both sides disagreed.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(a, "new-only-a.txt"), []byte("New.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "", "--baseline", base, "--tolerance", "100", a, b)
	if code != 1 || !strings.Contains(stderr, "paradiff: new-only-a.txt: only in A\n") ||
		!strings.Contains(stderr, `sub/same.txt: 1 new change (shift "agreed" → "disagreed")`) || strings.Contains(stderr, "only-b.txt") {
		t.Errorf("new change and new file: exit %d, stderr %q", code, stderr)
	}
	// A baseline of two files cannot gate directories.
	single := filepath.Join(t.TempDir(), "single.json")
	runCmd(t, "", "--write-baseline", single, filepath.Join(a, "readout.txt"), filepath.Join(b, "readout.txt"))
	if code, _, stderr := runCmd(t, "", "--baseline", single, a, b); code != 2 || !strings.Contains(stderr, "is the report of two files") {
		t.Errorf("a two-file baseline on directories: exit %d, stderr %q", code, stderr)
	}
}

func TestDirsJUnitAndErrors(t *testing.T) {
	a, b := dirsFixture(t)
	code, out, _ := runCmd(t, "", "-f", "junit", "--fail-on", "critical", a, b)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	var suites struct {
		Suites []struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
			Cases    []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(out), &suites); err != nil {
		t.Fatalf("junit output is not XML: %v\n%s", err, out)
	}
	s := suites.Suites[0]
	failed := map[string]string{}
	for _, c := range s.Cases {
		if c.Failure != nil {
			failed[c.Name] = c.Failure.Message
		}
	}
	if s.Tests != 6 || s.Failures != 3 || len(failed) != 3 || !strings.Contains(failed["readout.txt"], "gate --fail-on critical") || failed["only-a.txt"] != "only-a.txt: only in A" {
		t.Errorf("junit: %d tests, %d failures: %q", s.Tests, s.Failures, failed)
	}

	file := filepath.Join(a, "readout.txt")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{a, file}, "is a directory, but " + file + " is not"},
		{[]string{"-", b}, "is a directory, but standard input is not"},
		{[]string{"-f", "tsv", a, b}, `--format "tsv"`},
	} {
		code, _, stderr := runCmd(t, "", tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("paradiff %q: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	bad := makeTree(t, filepath.Join(t.TempDir(), "bad"), map[string]string{"readout.txt": "bad \xff\n"})
	if code, _, stderr := runCmd(t, "", a, bad); code != 2 || !strings.Contains(stderr, filepath.Join(bad, "readout.txt")+": invalid UTF-8") {
		t.Errorf("a bad file in a directory: exit %d, stderr %q", code, stderr)
	}
}

// TestDirsBadFile checks that a pair that cannot be compared gets a row
// and an error of its own, the other pairs are still compared and
// reported, and the run ends with status 2 naming the file.
func TestDirsBadFile(t *testing.T) {
	root := t.TempDir()
	a := makeTree(t, filepath.Join(root, "a"), map[string]string{
		"good.txt": "The talks began in May. Both sides agreed.\n",
		"nul.txt":  "A text with a NUL \x00 byte.\n",
		"utf.txt":  "Fine here.\n",
	})
	b := makeTree(t, filepath.Join(root, "b"), map[string]string{
		"good.txt": "The talks began in June. Both sides agreed.\n",
		"nul.txt":  "Fine here.\n",
		"utf.txt":  "Bad \xff here.\n",
	})
	code, stdout, stderr := runCmd(t, "", "-f", "json", a, b)
	if code != 2 {
		t.Fatalf("exit %d, want 2; stderr %q", code, stderr)
	}
	for _, want := range []string{filepath.Join(a, "nul.txt") + ": binary file", filepath.Join(b, "utf.txt") + ": invalid UTF-8"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}
	var r struct {
		Files []struct {
			Path    string
			Error   string
			Summary *struct{ Differences int }
		}
		Summary struct{ Files, Compared, Errors int }
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("the report is not JSON: %v\n%s", err, stdout)
	}
	if r.Summary.Files != 3 || r.Summary.Compared != 1 || r.Summary.Errors != 2 {
		t.Errorf("summary %+v, want 3 files, 1 compared, 2 errors", r.Summary)
	}
	for _, f := range r.Files {
		switch {
		case f.Path == "good.txt" && (f.Summary == nil || f.Summary.Differences == 0 || f.Error != ""):
			t.Errorf("good.txt: %+v, want compared, with differences", f)
		case f.Path != "good.txt" && (f.Error == "" || f.Summary != nil):
			t.Errorf("%s: %+v, want an error and no summary", f.Path, f)
		}
	}
	for _, format := range []string{"text", "markdown", "junit", "github"} {
		code, stdout, _ := runCmd(t, "", "-f", format, a, b)
		if code != 2 || !strings.Contains(stdout, "good.txt") || !strings.Contains(stdout, "invalid UTF-8") {
			t.Errorf("-f %s: exit %d, want 2 and a report naming good.txt and the error:\n%s", format, code, stdout)
		}
	}
}
