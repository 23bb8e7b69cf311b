package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/paradiff/paradiff/align"
	"github.com/paradiff/paradiff/diff"
	"github.com/paradiff/paradiff/internal/textio"
	"github.com/paradiff/paradiff/report"
)

// Exit statuses, as diff(1) has them.
const (
	exitSame    = 0 // no differences
	exitDiffer  = 1 // differences found
	exitTrouble = 2 // bad usage or bad input
)

const usage = `usage:
  paradiff [flags] A B      compare B (the version under review) with A (the reference)
  paradiff split [flags] FILE
                            cut FILE into segments, one a line
  paradiff align [flags] A B
                            align the segments of A and B, one bead a line
  paradiff [flags] DIR_A DIR_B
                            compare the files of two directories, paired by
                            relative path (hidden files skipped; symbolic
                            links to directories skipped and named), in
                            parallel
  paradiff score -r REF [-r REF2 ...] HYP
                            sacreBLEU's BLEU, chrF and TER of HYP against the
                            references, line-aligned files (one segment a line)

A file name of - reads standard input, for one input only (A, B, a reference,
or a --glossary, --dictionary or --baseline file). Flags may come before or
after the files.

Exit status: 0 no differences, 1 differences found, 2 trouble (bad usage or
input). Trivial changes (case, quotes, dashes, spacing, Unicode form) count
as differences; --ignore-trivial leaves them out of the report and the status.
With a gate (--fail-on, --max-changes, --min-bleu, --min-chrf, --max-ter) or
a --baseline, the exit status is theirs alone: 1 when one trips, each named
on stderr, else 0. A file in one directory only is a difference, and with
gates or a baseline a failure (unless the baseline has it so too).

Flags of paradiff A B:
  -f, --format FORMAT   text (default), markdown, json, html (one
                        self-contained page), tsv (aligned text: A and B
                        per bead), tmx (TMX 1.4b translation memory, with
                        the languages of A and B), github (GitHub Actions
                        annotations) or junit (JUnit XML); directories:
                        text, markdown, json, github, junit
      --color WHEN      auto (default: colour on a terminal unless NO_COLOR
                        is set), always or never
      --segments UNIT   sentences (default), or lines: each input line is
                        one segment, for files already split
      --ignore-trivial  do not report or count trivial changes
  -y, --side-by-side    text: A and B in two columns, as wide as the terminal
  -C, --context N       text: show N unchanged sentences around each change
      --all             text: show unchanged sentences too
      --width N         text: columns for --side-by-side, at most 1000
                        (default: the terminal's, else $COLUMNS, else 120)
      --progress WHEN   a progress bar on stderr: auto (default: on a
                        terminal, once a comparison takes over a second),
                        always or never
      --glossary FILE   approved terms, TSV: a term in A, a tab, the rendering
                        B must use, optionally more tabs and renderings B
                        must not use; each departure is a critical change

Gates and baselines of paradiff A B (and of directories, per file and over
all files):
      --fail-on LIST    fail on a change of these kinds (insertion, omission,
                        shift, move, trivial), flags (number, name, negation,
                        glossary) or severities (critical, major, minor: that
                        severity or worse), comma-separated
      --max-changes N   fail on more than N changes that are not trivial
      --min-bleu X, --min-chrf X
                        fail when the score is below X
      --max-ter X       fail when TER is above X
      --baseline FILE   a JSON report of an earlier run: fail only on changes
                        not in it (matched by kind and text, not position)
                        and on scores worse than its by more than --tolerance
                        (with --fail-on or --max-changes: count new changes)
      --tolerance X     points a score may drop below the baseline's (0.5)
      --write-baseline FILE
                        write the JSON report to FILE, for a later --baseline
                        (not an input, not inside a directory compared, and
                        not -: standard output has the report)

Metrics (paradiff A B: over the aligned sentences, A the reference; score):
      --metrics LIST    bleu,chrf,ter (default: all three); none: no metrics
      --tokenize TOK    BLEU's tokenizer: 13a, intl, zh, char or none
                        (default: zh for a Chinese target, char for Japanese
                        and Korean, for which sacreBLEU's MeCab tokenizers
                        are not built in, else 13a)
      --lang TAG        the target language, such as zh, ja, en (default:
                        detected from the references' script)
      --lowercase       BLEU and chrF ignore case
      --smooth METHOD   BLEU's smoothing: exp (default), floor, add-k, none
      --smooth-value X  the value of floor (0.1) or add-k (1)
      --chrf-word-order N
                        chrF's word n-grams: 0 (default), 2 for chrF++

Flags of score (and the metric flags above):
  -r, --ref FILE        a reference, line-aligned with HYP; repeat for more
  -f, --format FORMAT   text (default; sacreBLEU's NAME|signature = score) or
                        json ({"bleu": {"score", "signature"}, "chrf", "ter"})
      --min-bleu X, --min-chrf X, --max-ter X
                        exit 1 when the score crosses X
      --encoding-a NAME, --encoding-b NAME
                        the references' and the hypothesis' encoding

Input (all commands):
      --encoding NAME   the files' encoding, a WHATWG name such as gb18030,
                        big5, shift_jis, windows-1251, koi8-r, utf-16le;
                        default: UTF-8, or UTF-16 with a byte order mark.
                        For both A and B it is a default: a file with a
                        byte order mark or in valid UTF-8 is read as that
      --encoding-a NAME, --encoding-b NAME
                        the encoding of A or of B alone, always used
                        (score: of the references, of the hypothesis);
                        --glossary, --dictionary and --baseline files
                        must be UTF-8
      --max-input-size SIZE
                        refuse any input (A, B, a reference, --glossary,
                        --dictionary, --baseline) larger than SIZE bytes,
                        K, M, G or T for KiB, MiB, GiB, TiB (default 64M);
                        binary input is refused from its first 8 KiB

Languages and alignment (paradiff A B, align):
      --lang-a TAG, --lang-b TAG
                        the language of A or of B, a BCP 47 tag such as en,
                        zh, ru, fr, es, ar, de, ja (default: detected from
                        the text). It chooses the sentence rules. Words
                        are diffed unless A and B are in two languages:
                        both flags given and different, or strong evidence
                        (different scripts, or both texts long enough for a
                        confident detection of two languages; and either
                        way few shared words). Then there is no word diff:
                        beads report sentences one side lacks, moves, and
                        numbers, Latin-script names and glossary terms that
                        differ; every report says so at its top, and a
                        change gate fails unless both flags were given.
      --dictionary FILE word pairs for aligning across languages, in
                        hunalign's format: "target @ source" a line (B's
                        word @ A's word)
      --no-lexicon      leave out the built-in lexicon of common words in
                        English, Chinese, Russian, German, French and
                        Spanish, which aligning across two of them uses
      --max-bead N      beads of up to N sentences, A's and B's together
                        (default 4: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, and 1-0,
                        0-1); 5 or 6 for a translation that splits long
                        sentences into many, at a cost in time

Flags of split:
  -f, --format FORMAT   text (default, one segment a line) or json
      --segments UNIT   sentences (default) or lines
      --lang TAG        the text's language (default: detected)

Flags of align:
  -f, --format FORMAT   tsv (default: A indices, B indices, A text, B text)
                        or json
      --segments UNIT   sentences (default) or lines
`

// usageError is bad usage: its message is printed with a pointer to -h.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run is the whole command; main only exits with its result.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	stderr = safeWriter{stderr}
	out := &outWriter{w: stdout}
	stdout = out
	var err error
	code := exitSame
	switch {
	case len(args) > 0 && args[0] == "split":
		err = runSplit(args[1:], stdin, stdout, stderr)
	case len(args) > 0 && args[0] == "align":
		err = runAlign(args[1:], stdin, stdout, stderr)
	case len(args) > 0 && args[0] == "score":
		code, err = runScore(args[1:], stdin, stdout, stderr)
	default:
		code, err = runCompare(args, stdin, stdout, stderr, getenv)
	}
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		code, err = exitSame, nil
	}
	var uerr usageError
	switch {
	case out.err != nil:
		// Whatever else went wrong, the report (or the usage) did not
		// reach its reader.
		fmt.Fprintf(stderr, "paradiff: writing the report: %v\n", out.err)
		return exitTrouble
	case errors.As(err, &uerr):
		fmt.Fprintf(stderr, "paradiff: %s\nRun 'paradiff -h' for usage.\n", uerr.msg)
		return exitTrouble
	case err != nil:
		fmt.Fprintf(stderr, "paradiff: %v\n", err)
		return exitTrouble
	}
	return code
}

// common holds the flags every command shares.
type common struct {
	format       string
	segments     string
	encoding     encodings
	langA, langB string // --lang-a, --lang-b (split: --lang)
	dictionary   string // align: --dictionary
	noLexicon    bool   // align: --no-lexicon
	maxBead      int    // align: --max-bead
}

// Bounds of --max-bead: a bead needs two segments to match anything, and
// more than maxBeadSegments makes aligning slow for no known use.
const (
	defaultMaxBead  = 4
	maxBeadSegments = 12
)

// addAlignFlags adds the flags that tune the alignment, for paradiff A B
// and align.
func addAlignFlags(fs *flag.FlagSet, c *common) {
	fs.StringVar(&c.dictionary, "dictionary", "", "")
	fs.BoolVar(&c.noLexicon, "no-lexicon", false, "")
	fs.IntVar(&c.maxBead, "max-bead", defaultMaxBead, "")
}

// aligner sets the alignment flags' part of al, or returns a usage error.
func (c common) aligner(al *align.Aligner, stdin io.Reader) error {
	if c.maxBead < 2 || c.maxBead > maxBeadSegments {
		return usageError{fmt.Sprintf("--max-bead takes 2 to %d segments, not %d", maxBeadSegments, c.maxBead)}
	}
	if c.maxBead != defaultMaxBead {
		al.Shapes = align.ShapesUpTo(c.maxBead)
	}
	al.NoLexicon = c.noLexicon
	if c.dictionary != "" {
		var err error
		if al.Dictionary, err = readDictionary(c.dictionary, stdin, c.encoding); err != nil {
			return err
		}
	}
	return nil
}

// encodings say how inputs are read: the names of their encodings, one
// for both (--encoding) or one for each (--encoding-a, --encoding-b),
// and the largest input read (--max-input-size), for every input.
type encodings struct {
	both, a, b string
	limit      int64
}

func newFlagSet(name string, c *common, defaultFormat string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // run prints errors and usage itself
	fs.StringVar(&c.format, "format", defaultFormat, "")
	fs.StringVar(&c.format, "f", defaultFormat, "")
	fs.StringVar(&c.segments, "segments", "sentences", "")
	fs.StringVar(&c.encoding.both, "encoding", "", "")
	fs.StringVar(&c.encoding.a, "encoding-a", "", "")
	fs.StringVar(&c.encoding.b, "encoding-b", "", "")
	c.encoding.limit = textio.DefaultLimit
	fs.Var(byteSize{&c.encoding.limit}, "max-input-size", "")
	if name != "split" {
		fs.StringVar(&c.langA, "lang-a", "", "")
		fs.StringVar(&c.langB, "lang-b", "", "")
	}
	return fs
}

// parse parses flags that may stand before, between or after the
// positional arguments, and checks that there are want of those.
func parse(fs *flag.FlagSet, args []string, want int, what string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if args[0] == "--" {
			pos = append(pos, args[1:]...)
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if len(pos) != want {
		return nil, usageError{fmt.Sprintf("need %s, got %d argument%s", what, len(pos), plural(len(pos)))}
	}
	if want == 2 && pos[0] == "-" && pos[1] == "-" {
		return nil, usageError{"only one of the two files can be standard input (-)"}
	}
	return pos, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func checkChoice(flagName, value string, choices ...string) error {
	for _, c := range choices {
		if value == c {
			return nil
		}
	}
	return usageError{fmt.Sprintf("--%s %q: want one of %s", flagName, value, strings.Join(choices, ", "))}
}

// languages returns the languages --lang-a and --lang-b name (split:
// --lang), the zero Tag for one not given: the library detects it.
func (c common) languages() (a, b language.Tag, err error) {
	pick := func(flagName, value string) (language.Tag, error) {
		if value == "" {
			return language.Und, nil
		}
		tag, err := language.Parse(value)
		if err != nil {
			return language.Und, usageError{fmt.Sprintf("--%s %q: not a BCP 47 language tag (such as en, zh, ru, fr-CA)", flagName, value)}
		}
		return tag, nil
	}
	if a, err = pick("lang-a", c.langA); err != nil {
		return a, b, err
	}
	b, err = pick("lang-b", c.langB)
	return a, b, err
}

func runSplit(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c common
	fs := newFlagSet("split", &c, "text")
	fs.StringVar(&c.langA, "lang", "", "")
	files, err := parse(fs, args, 1, "one file to split")
	if err != nil {
		return err
	}
	if err := checkChoice("format", c.format, "text", "json"); err != nil {
		return err
	}
	if err := checkChoice("segments", c.segments, "sentences", "lines"); err != nil {
		return err
	}
	text, err := c.encoding.readFile(files[0], stdin)
	if err != nil {
		return err
	}
	lang, _, err := c.languages()
	if err != nil {
		return err
	}
	segs, note := diff.Split(files[0], text, lang, diff.Options{ByLine: c.segments == "lines"})
	if note != "" {
		fmt.Fprintf(stderr, "paradiff: note: %s\n", note)
	}
	if c.format == "json" {
		return report.SegmentsJSON(stdout, segs)
	}
	return report.SegmentsText(stdout, segs)
}

func runAlign(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c common
	fs := newFlagSet("align", &c, "tsv")
	addAlignFlags(fs, &c)
	files, err := parse(fs, args, 2, "two files to align, A and B")
	if err != nil {
		return err
	}
	if err := oneStdin("A", files[0], "B", files[1], "--dictionary", c.dictionary); err != nil {
		return err
	}
	if err := checkChoice("format", c.format, "tsv", "json"); err != nil {
		return err
	}
	if err := checkChoice("segments", c.segments, "sentences", "lines"); err != nil {
		return err
	}
	opts := diff.Options{ByLine: c.segments == "lines"}
	if err := c.aligner(&opts.Aligner, stdin); err != nil {
		return err
	}
	if opts.LangA, opts.LangB, err = c.languages(); err != nil {
		return err
	}
	a, b, err := readPair(files, stdin, c.encoding)
	if err != nil {
		return err
	}
	al := diff.Align(a, b, opts)
	for _, note := range al.Notes {
		fmt.Fprintf(stderr, "paradiff: note: %s\n", note)
	}
	beads := make([]align.Bead, len(al.Beads))
	for i, bd := range al.Beads {
		beads[i] = bd.Bead
	}
	if c.format == "json" {
		return report.AlignmentJSON(stdout, beads)
	}
	sa, sb := al.A.Segments, al.B.Segments
	return report.AlignmentTSV(stdout, sa, sb, beads)
}

// safeWriter keeps control characters, which a file name in a message may
// hold, from reaching the terminal: each is written as '?'.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	safe := strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0 || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069) {
			return '?'
		}
		return r
	}, string(p))
	if _, err := io.WriteString(s.w, safe); err != nil {
		return 0, err
	}
	return len(p), nil
}
