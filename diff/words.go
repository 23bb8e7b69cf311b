package diff

import (
	"slices"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/paradiff/paradiff/internal/textkey"
)

// changes returns the changes between textA[a.start:a.end] and
// textB[b.start:b.end]. A side with an empty span makes the whole other
// side one insertion or omission.
func changes(textA string, a span, textB string, b span) []Change {
	at, bt := textA[a.start:a.end], textB[b.start:b.end]
	switch {
	case at == bt:
		return nil
	case a.start == a.end:
		return []Change{{Kind: Insertion, B: bt, AStart: a.start, AEnd: a.end, BStart: b.start, BEnd: b.end}}
	case b.start == b.end:
		return []Change{{Kind: Omission, A: at, AStart: a.start, AEnd: a.end, BStart: b.start, BEnd: b.end}}
	}
	d := newTokenDiff(textA, a, textB, b)
	return d.changes()
}

// tokenDiff holds both sides of a bead as tokens and their keys.
type tokenDiff struct {
	textA, textB string
	a, b         span
	ta, tb       []textkey.Token
	ka, kb       []rune // one rune per token: its interned key
}

func newTokenDiff(textA string, a span, textB string, b span) *tokenDiff {
	d := &tokenDiff{textA: textA, textB: textB, a: a, b: b,
		ta: textkey.Tokens(textA[a.start:a.end], a.start),
		tb: textkey.Tokens(textB[b.start:b.end], b.start),
	}
	keysA, keysB := tokenKeys(textA, d.ta), tokenKeys(textB, d.tb)
	// Number the distinct keys in sorted order, so that the numbering, like
	// everything after it, does not depend on which side is A.
	distinct := slices.Concat(keysA, keysB)
	slices.Sort(distinct)
	distinct = slices.Compact(distinct)
	ids := make(map[string]rune, len(distinct))
	for i, k := range distinct {
		ids[k] = tokenRune(i)
	}
	runes := func(keys []string) []rune {
		out := make([]rune, len(keys))
		for i, k := range keys {
			out[i] = ids[k]
		}
		return out
	}
	d.ka, d.kb = runes(keysA), runes(keysB)
	return d
}

// tokenKeys returns the comparison key of each token; all white space has
// the same key.
func tokenKeys(text string, toks []textkey.Token) []string {
	keys := make([]string, len(toks))
	for i, t := range toks {
		keys[i] = " "
		if t.Class != textkey.Space {
			keys[i] = textkey.Key(text[t.Start:t.End])
		}
	}
	return keys
}

// tokenRune maps the n-th distinct key to a rune that survives go-diff's
// conversions to string and back: one rune per token, never a surrogate.
func tokenRune(n int) rune {
	r := rune(n + 1)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

// edit is a run of tokens [a0,a1) of A that B has as [b0,b1); trivial
// edits pair tokens with equal keys.
type edit struct {
	a0, a1, b0, b1 int
	trivial        bool
}

// changes diffs the token keys with go-diff and turns the edits into
// changes.
func (d *tokenDiff) changes() []Change {
	var edits []edit
	i, j := 0, 0
	pending := false // an edit is open at the end of edits
	for _, df := range d.diffKeys() {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			edits = d.appendTrivial(edits, i, j, n)
			i, j = i+n, j+n
			pending = false
			continue
		case diffmatchpatch.DiffDelete:
			if !pending {
				edits = append(edits, edit{a0: i, a1: i, b0: j, b1: j})
			}
			i += n
		case diffmatchpatch.DiffInsert:
			if !pending {
				edits = append(edits, edit{a0: i, a1: i, b0: j, b1: j})
			}
			j += n
		}
		pending = true
		e := &edits[len(edits)-1]
		e.a1, e.b1 = i, j
	}
	edits = d.mergeNear(edits)
	out := make([]Change, 0, len(edits))
	for _, e := range edits {
		out = append(out, d.change(e))
	}
	return out
}

// diffKeys diffs the two key sequences with go-diff. Where several
// shortest edit scripts exist, which one go-diff finds depends on the
// order of its arguments; diffing in one canonical order and swapping the
// result back makes comparing B with A the mirror image of comparing A
// with B.
func (d *tokenDiff) diffKeys() []diffmatchpatch.Diff {
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // never trade the result for time: output must not depend on machine speed
	if string(d.ka) <= string(d.kb) {
		return dmp.DiffMainRunes(d.ka, d.kb, false)
	}
	diffs := dmp.DiffMainRunes(d.kb, d.ka, false)
	for i := range diffs {
		switch diffs[i].Type {
		case diffmatchpatch.DiffDelete:
			diffs[i].Type = diffmatchpatch.DiffInsert
		case diffmatchpatch.DiffInsert:
			diffs[i].Type = diffmatchpatch.DiffDelete
		}
	}
	return diffs
}

// appendTrivial adds a trivial edit for every run of tokens, in n tokens
// from A[i] and B[j] with equal keys, whose texts differ.
func (d *tokenDiff) appendTrivial(edits []edit, i, j, n int) []edit {
	open := false
	for k := 0; k < n; k++ {
		same := d.textA[d.ta[i+k].Start:d.ta[i+k].End] == d.textB[d.tb[j+k].Start:d.tb[j+k].End]
		switch {
		case !same && open:
			edits[len(edits)-1].a1, edits[len(edits)-1].b1 = i+k+1, j+k+1
		case !same:
			edits = append(edits, edit{a0: i + k, a1: i + k + 1, b0: j + k, b1: j + k + 1, trivial: true})
			open = true
		default:
			open = false
		}
	}
	return edits
}

// maxBridgeWords is how many content tokens an equal run between two
// edits may hold and still be folded into one change: "the Victory in
// the World Anti-Fascist War" against "the Great Patriotic War and the
// United States War" is one shift, not two around a shared "the".
const maxBridgeWords = 1

// mergeNear folds an edit into the one before it when only a short equal
// run stands between them, of up to maxBridgeWords content tokens; the
// same goes for trivial edits ("War of Resistance" against "war of
// resistance" is one trivial change). A trivial edit is never folded into
// a real one, so that a difference of case stays trivial.
func (d *tokenDiff) mergeNear(edits []edit) []edit {
	var out []edit
	for _, e := range edits {
		if n := len(out); n > 0 && e.trivial == out[n-1].trivial {
			if d.contentTokens(d.ta, out[n-1].a1, e.a0) <= maxBridgeWords {
				out[n-1].a1, out[n-1].b1 = e.a1, e.b1
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

func (d *tokenDiff) contentTokens(toks []textkey.Token, from, to int) int {
	n := 0
	for _, t := range toks[from:to] {
		if t.IsContent() {
			n++
		}
	}
	return n
}

// change classifies an edit: trivial when the keys of its content tokens
// are equal (only case, punctuation, quotes, spacing or width differ), an
// insertion or omission when one side has no content, else a shift.
func (d *tokenDiff) change(e edit) Change {
	as, bs := d.tokenSpan(d.ta, e.a0, e.a1, d.a), d.tokenSpan(d.tb, e.b0, e.b1, d.b)
	c := Change{
		A: d.textA[as.start:as.end], B: d.textB[bs.start:bs.end],
		AStart: as.start, AEnd: as.end, BStart: bs.start, BEnd: bs.end,
	}
	ca, cb := d.contentKeys(d.ka, d.ta, e.a0, e.a1), d.contentKeys(d.kb, d.tb, e.b0, e.b1)
	switch {
	case e.trivial || string(ca) == string(cb):
		c.Kind = Trivial
	case len(ca) == 0:
		c.Kind = Insertion
	case len(cb) == 0:
		c.Kind = Omission
	default:
		c.Kind = Shift
	}
	return c
}

// tokenSpan returns the byte span of tokens [from,to), or the empty span
// where token from would start.
func (d *tokenDiff) tokenSpan(toks []textkey.Token, from, to int, whole span) span {
	switch {
	case from < to:
		return span{toks[from].Start, toks[to-1].End}
	case from < len(toks):
		return span{toks[from].Start, toks[from].Start}
	}
	return span{whole.end, whole.end}
}

func (d *tokenDiff) contentKeys(keys []rune, toks []textkey.Token, from, to int) []rune {
	var out []rune
	for k := from; k < to; k++ {
		if toks[k].IsContent() {
			out = append(out, keys[k])
		}
	}
	return out
}
