package diff

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/paradiff/paradiff/internal/textio"
)

// Dirs is the comparison of two directories, file by file: the files of
// both trees paired by relative path, as diff -r pairs them.
type Dirs struct {
	A, B    string    // the two directories, as given
	Files   []DirFile // in path order
	Skipped []Skipped // entries of either tree that were not compared, in path order
	Summary Summary   // the sum of the compared files' summaries
	Metrics *Metrics  // over the beads of every compared file; nil without metrics
}

// DirFile is one relative path of a comparison of two directories: two
// files compared, or a file on one side only.
type DirFile struct {
	Path       string      // relative path, slash-separated
	OnlyIn     string      // "a" or "b" for a file on that side only, else ""
	Error      string      // why the pair could not be compared (a binary file, a wrong encoding...), else ""
	Comparison *Comparison // nil for a file on one side only, or one with an Error
}

// Skipped is an entry of a directory tree that [CompareDirs] did not
// compare, and why: a symbolic link to a directory or to nothing, or a
// special file (a named pipe, a device).
// Hidden files and directories (names starting with ".") are skipped
// without a record, as diff -r users expect of .git.
type Skipped struct {
	Side   string // "a" or "b"
	Path   string // relative path, slash-separated
	Reason string // "symbolic link", "named pipe", "device", ...
}

// Errors counts the pairs that could not be compared.
func (d *Dirs) Errors() int {
	n := 0
	for _, f := range d.Files {
		if f.Error != "" {
			n++
		}
	}
	return n
}

// OnlyIn counts the files on side "a" or "b" only.
func (d *Dirs) OnlyIn(side string) int {
	n := 0
	for _, f := range d.Files {
		if f.OnlyIn == side {
			n++
		}
	}
	return n
}

// ReadOptions say how [CompareDirs] (and [ReadOptions.Read]) read and
// decode files.
type ReadOptions struct {
	// Encoding is the WHATWG label of the encoding of the files of both
	// sides that do not say what they are ("windows-1251", "gb18030"): a
	// file with a byte order mark, or in valid UTF-8, is read as that.
	// "" reads UTF-8, or UTF-16 with a byte order mark.
	Encoding string
	// EncodingA and EncodingB, when set, are the encodings of every file
	// of A and of B, in place of Encoding.
	EncodingA, EncodingB string
	// MaxFileBytes is the largest file read; 0 means 64 MiB. A larger
	// file is an error of its pair, not read.
	MaxFileBytes int64
	// Explain, when set, may add to an error reading a file of A (side
	// 0) or of B (side 1) what the caller can do about it, such as the
	// flag that names an encoding.
	Explain func(err error, side int) error
}

// Read reads the file name, or stdin for "-", of side 0 (A) or 1 (B),
// as text: valid UTF-8, decoded as r says, of at most r.MaxFileBytes.
// Binary data, bytes that do not decode and a larger input are errors
// naming the file; nothing is replaced.
func (r ReadOptions) Read(name string, stdin io.Reader, side int) (string, error) {
	opts := textio.Options{Encoding: r.Encoding, Sniff: r.Encoding != "", Limit: r.MaxFileBytes}
	if own := [2]string{r.EncodingA, r.EncodingB}[side]; own != "" {
		opts.Encoding, opts.Sniff = own, false
	}
	text, err := textio.Read(name, stdin, opts)
	if err != nil && r.Explain != nil {
		err = r.Explain(err, side)
	}
	return text, err
}

// CompareDirs compares the files of directories dirA and dirB paired by
// relative path, each pair as [Compare] compares two documents, in
// parallel. The roots may be symbolic links, and so may files inside the
// trees; symbolic links to directories and special files are not
// followed but listed in Dirs.Skipped, and hidden files and directories
// are left out. A pair that cannot be
// read gets its Error; the error returned is for a tree that cannot be
// listed.
func CompareDirs(dirA, dirB string, opts Options, read ReadOptions) (*Dirs, error) {
	d := &Dirs{A: dirA, B: dirB}
	inA, err := listFiles(dirA, "a", &d.Skipped)
	if err != nil {
		return nil, err
	}
	inB, err := listFiles(dirB, "b", &d.Skipped)
	if err != nil {
		return nil, err
	}
	sort.Slice(d.Skipped, func(i, j int) bool {
		if d.Skipped[i].Path != d.Skipped[j].Path {
			return d.Skipped[i].Path < d.Skipped[j].Path
		}
		return d.Skipped[i].Side < d.Skipped[j].Side
	})
	for _, p := range union(inA, inB) {
		f := DirFile{Path: p}
		switch {
		case !inB[p]:
			f.OnlyIn = "a"
		case !inA[p]:
			f.OnlyIn = "b"
		}
		d.Files = append(d.Files, f)
	}
	opts.Progress = nil // per file it would jump back and forth
	d.compareAll(opts, read)

	var hyps, refs []string
	for _, f := range d.Files {
		if c := f.Comparison; c != nil {
			d.Summary = d.Summary.Plus(c.Summary)
			if c.Languages.Cross {
				continue // no scores across languages
			}
			h, r := c.ScoredSegments()
			hyps, refs = append(hyps, h...), append(refs, r...)
		}
	}
	if opts.Metrics && len(hyps) > 0 {
		d.Metrics, _ = Score(hyps, [][]string{refs}, opts.MetricOptions)
	}
	return d, nil
}

// compareAll reads and compares every pair, on runtime.GOMAXPROCS(0)
// goroutines.
func (d *Dirs) compareAll(opts Options, read ReadOptions) {
	work := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(runtime.GOMAXPROCS(0), len(d.Files))) {
		wg.Go(func() {
			for i := range work {
				c, err := d.comparePair(d.Files[i].Path, opts, read)
				if err != nil {
					d.Files[i].Error = err.Error()
					continue
				}
				d.Files[i].Comparison = c
			}
		})
	}
	for i, f := range d.Files {
		if f.OnlyIn == "" {
			work <- i
		}
	}
	close(work)
	wg.Wait()
}

func (d *Dirs) comparePair(rel string, opts Options, read ReadOptions) (*Comparison, error) {
	a := Document{Name: filepath.Join(d.A, filepath.FromSlash(rel))}
	b := Document{Name: filepath.Join(d.B, filepath.FromSlash(rel))}
	var err error
	if a.Text, err = read.Read(a.Name, nil, 0); err != nil {
		return nil, err
	}
	if b.Text, err = read.Read(b.Name, nil, 1); err != nil {
		return nil, err
	}
	return Compare(a, b, opts), nil
}

// listFiles returns the relative paths (slash-separated) of the regular
// files under root, following root itself if it is a symbolic link. It
// leaves out hidden files and directories, and adds the symbolic links
// and special files it meets to skipped.
func listFiles(root, side string, skipped *[]Skipped) (map[string]bool, error) {
	// WalkDir does not follow a root that is a symbolic link: walk what it
	// points to, and name paths relative to it.
	walkRoot, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	err = filepath.WalkDir(walkRoot, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return fmt.Errorf("%s: permission denied", p)
			}
			return err
		}
		if p != walkRoot && strings.HasPrefix(e.Name(), ".") {
			if e.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if e.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(walkRoot, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		t := e.Type()
		if t&fs.ModeSymlink != 0 {
			// A link to a file is that file, as diff -r has it; a link to
			// a directory is not followed, which keeps a cycle out.
			info, err := os.Stat(p)
			switch {
			case err != nil:
				*skipped = append(*skipped, Skipped{Side: side, Path: rel, Reason: "symbolic link to nothing that can be read"})
				return nil
			case info.IsDir():
				*skipped = append(*skipped, Skipped{Side: side, Path: rel, Reason: "symbolic link to a directory, not followed"})
				return nil
			}
			t = info.Mode().Type()
		}
		if !t.IsRegular() {
			*skipped = append(*skipped, Skipped{Side: side, Path: rel, Reason: skipReason(t)})
			return nil
		}
		out[rel] = true
		return nil
	})
	return out, err
}

// skipReason names the type of a file that is not compared.
func skipReason(t fs.FileMode) string {
	switch {
	case t&fs.ModeNamedPipe != 0:
		return "named pipe"
	case t&fs.ModeSocket != 0:
		return "socket"
	case t&fs.ModeDevice != 0:
		return "device"
	}
	return "not a regular file"
}

func union(a, b map[string]bool) []string {
	paths := make([]string, 0, len(a)+len(b))
	for p := range a {
		paths = append(paths, p)
	}
	for p := range b {
		if !a[p] {
			paths = append(paths, p)
		}
	}
	sort.Strings(paths)
	return paths
}

// IsDirPair reports whether a and b name two directories (following
// symbolic links), and returns an error when one is a directory and the
// other is not. "-" (standard input) is never a directory.
func IsDirPair(a, b string) (bool, error) {
	isDir := func(name string) bool {
		if name == "-" {
			return false
		}
		info, err := os.Stat(name)
		return err == nil && info.IsDir()
	}
	shown := func(name string) string {
		if name == "-" {
			return "standard input"
		}
		return name
	}
	da, db := isDir(a), isDir(b)
	switch {
	case da && db:
		return true, nil
	case da:
		return false, fmt.Errorf("%s: is a directory, but %s is not; compare two files or two directories", a, shown(b))
	case db:
		return false, fmt.Errorf("%s: is a directory, but %s is not; compare two files or two directories", b, shown(a))
	}
	return false, nil
}
