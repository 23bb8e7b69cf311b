package diff

import (
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/paradiff/paradiff/internal/textkey"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// changes returns the changes between the two sides of a bead. A side
// with an empty span makes the whole other side one insertion or omission.
func changes(a, b *side) []Change {
	if a.text[a.span.start:a.span.end] == b.text[b.span.start:b.span.end] {
		return nil
	}
	if a.span.start == a.span.end || b.span.start == b.span.end {
		// A sentence only one version has, even one of punctuation alone.
		kind := Insertion
		if b.span.start == b.span.end {
			kind = Omission
		}
		return []Change{changeOf(a, b, edit{a1: len(a.toks), b1: len(b.toks)}, kind)}
	}
	d := newTokenDiff(a, b)
	defer d.release()
	if len(d.ids)+len(d.ka)+len(d.kb) > maxKeyRunes {
		// Too many distinct keys to give each a rune (only when segments
		// are not capped): the bead is one change.
		return []Change{d.change(edit{a1: len(d.ka), b1: len(d.kb)})}
	}
	return markReorders(d.changes())
}

// maxKeyRunes bounds the key numbers of a bead, and the numbers diffKeys
// gives the runs of words only one side has after them, so that
// tokenRune turns each into a valid rune.
var maxKeyRunes = int(utf8.MaxRune - 0x800)

// crossChanges compares the two sides of a bead in different languages,
// where words cannot be diffed: the bead is one shift when its numbers,
// or the Latin-script names and acronyms that translation keeps, differ.
// Only the names in shared count (see sharedLatinNames).
func crossChanges(a, b *side, shared map[string]bool) []Change {
	if a.span.start == a.span.end || b.span.start == b.span.end {
		return changes(a, b)
	}
	fa, fb := a.factsOf(0, len(a.toks)), b.factsOf(0, len(b.toks))
	keep := func(names []string) []string {
		return slices.DeleteFunc(latinNames(names), func(k string) bool { return !shared[k] })
	}
	fa.names, fb.names = keep(fa.names), keep(fb.names)
	flags := flagsOf(fa, fb)
	flags = slices.DeleteFunc(flags, func(f Flag) bool { return f == FlagNegation }) // negations do not line up word for word
	if len(flags) == 0 {
		return nil
	}
	ch := Change{
		Kind: Shift, A: a.text[a.span.start:a.span.end], B: b.text[b.span.start:b.span.end],
		AStart: a.span.start, AEnd: a.span.end, BStart: b.span.start, BEnd: b.span.end,
		Flags: flags, Meaning: MeaningContent, Reason: "a Latin-script name differs",
	}
	if slices.Contains(flags, FlagNumber) {
		ch.Meaning, ch.Reason = MeaningNumber, "a number differs: "+numberList(fa.numbers)+" → "+numberList(fb.numbers)
	}
	ch.Severity = severityOf(ch.Meaning, 0)
	return []Change{ch}
}

// sharedLatinNames returns the names written in Latin letters that both
// documents have, somewhere: in a comparison across languages, only those
// can be expected on both sides of a bead. A name that the other document
// never writes is rendered there in its own script (Abraham, 亚伯拉罕;
// London, Londres), and its absence from a bead is no change.
func sharedLatinNames(a, b Document) map[string]bool {
	var inA, inB map[string]bool
	var wg sync.WaitGroup
	wg.Go(func() { inB = latinNamesOf(b) })
	inA = latinNamesOf(a)
	wg.Wait()
	for k := range inA {
		if !inB[k] {
			delete(inA, k)
		}
	}
	return inA
}

// latinNamesOf returns the Latin-script names of d's segments.
func latinNamesOf(d Document) map[string]bool {
	var s side
	out := map[string]bool{}
	for _, seg := range d.Segments {
		s.reset(d.Text, span{seg.Start, seg.End})
		for _, k := range latinNames(s.factsOf(0, len(s.toks)).names) {
			out[k] = true
		}
	}
	return out
}

// latinNames keeps the names written in Latin letters: in a comparison
// across languages, only those can be expected on both sides.
func latinNames(keys []string) []string {
	return slices.DeleteFunc(keys, func(k string) bool {
		r, _ := utf8.DecodeRuneInString(k)
		return !unicode.Is(unicode.Latin, r)
	})
}

// tokenDiff diffs the tokens of the two sides of a bead by their keys.
type tokenDiff struct {
	a, b   *side
	ka, kb []rune          // one rune per token: its interned key
	ids    map[string]rune // the runes of the keys
	ca, cb []string        // scratch for change: the keys of an edit's tokens (see markKeys)

	// Scratch for diffKeys: the sequences go-diff sees.
	sides  []uint8 // by key number: 1 if A has the key, 2 if B has, 3 both
	ra, rb []rune  // the keys of the tokens, or of the runs, go-diff sees
	ia, ib []int   // their indexes in ka and kb

	// Scratch for anchors.
	count        []uint8 // by key number: how often in A (2k) and in B (2k+1), up to 2
	where        []int   // by key number: where in B
	cands, chain []anchor
	tails, prev  []int
}

func newTokenDiff(a, b *side) *tokenDiff {
	d := tokenDiffPool.Get().(*tokenDiff)
	d.a, d.b = a, b
	// Number the distinct keys as they come: go-diff only compares the
	// runes for equality (diffKeys orders the sides by their keys).
	clear(d.ids)
	runes := func(out []rune, keys []string) []rune {
		out = out[:0]
		for _, k := range keys {
			r, ok := d.ids[k]
			if !ok {
				r = tokenRune(len(d.ids))
				d.ids[k] = r
			}
			out = append(out, r)
		}
		return out
	}
	d.ka, d.kb = runes(d.ka, a.keys), runes(d.kb, b.keys)
	return d
}

var tokenDiffPool = sync.Pool{New: func() any { return &tokenDiff{ids: map[string]rune{}} }}

// release returns d to the pool; d must not be used after.
func (d *tokenDiff) release() {
	d.a, d.b = nil, nil
	tokenDiffPool.Put(d)
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

// keyNumber is the inverse of tokenRune.
func keyNumber(r rune) int {
	if r >= 0xD800+0x800 {
		r -= 0x800
	}
	return int(r - 1)
}

// edit is a run of tokens [a0,a1) of A that B has as [b0,b1); trivial
// edits pair tokens with equal keys.
type edit struct {
	a0, a1, b0, b1 int
	trivial        bool
}

// changes diffs the token keys and turns the edits into changes: every
// stretch of tokens between two matched ones is an edit, but for white
// space that opens or closes both its sides, and a run of matched tokens
// whose texts differ is a trivial edit.
func (d *tokenDiff) changes() []Change {
	var edits []edit
	i, j := 0, 0 // the first tokens of A and B after the last match
	match := func(mi, mj int) {
		if d.a.tokenText(mi) != d.b.tokenText(mj) {
			if n := len(edits); n > 0 && edits[n-1].trivial && edits[n-1].a1 == mi && edits[n-1].b1 == mj {
				edits[n-1].a1, edits[n-1].b1 = mi+1, mj+1
			} else {
				edits = append(edits, edit{a0: mi, a1: mi + 1, b0: mj, b1: mj + 1, trivial: true})
			}
		}
		i, j = mi+1, mj+1
	}
	// gap ends at A[i1] and B[j1] the stretch since the last match.
	gap := func(i1, j1 int) {
		if i < i1 && j < j1 && d.ka[i] == d.kb[j] {
			match(i, j)
		}
		closing := i < i1 && j < j1 && d.ka[i1-1] == d.kb[j1-1]
		if closing {
			i1, j1 = i1-1, j1-1
		}
		if i < i1 || j < j1 {
			edits = append(edits, edit{a0: i, a1: i1, b0: j, b1: j1})
		}
		if closing {
			match(i1, j1)
		}
	}
	d.diffKeys(func(mi, mj int) {
		gap(mi, mj)
		match(mi, mj)
	})
	gap(len(d.ka), len(d.kb))
	edits = d.mergeNear(edits)
	out := make([]Change, 0, len(edits))
	for _, e := range edits {
		if e.trivial {
			out = append(out, d.change(e))
			continue
		}
		e = d.trimSpace(e)
		if first, second, ok := d.splitSpace(e); ok {
			out = append(out, d.change(first), d.change(second))
			continue
		}
		out = append(out, d.change(e))
	}
	return out
}

// splitSpace splits an edit whose one side is white space alone and whose
// other side has words or marks ("China Russia" against "China,Russia")
// into the change of white space, which is trivial, and the insertion or
// omission of the rest, so that an insertion has no A text and an
// omission no B text. It returns the two in text order on both sides.
func (d *tokenDiff) splitSpace(e edit) (first, second edit, ok bool) {
	spaceOnly := func(s *side, from, to int) bool {
		for k := from; k < to; k++ {
			if s.toks[k].Class != textkey.Space {
				return false
			}
		}
		return from < to
	}
	switch {
	case spaceOnly(d.a, e.a0, e.a1) && !spaceOnly(d.b, e.b0, e.b1) && e.b0 < e.b1:
		// A's white space gives way to B's marks: the white space goes,
		// then B's marks come.
		return edit{a0: e.a0, a1: e.a1, b0: e.b0, b1: e.b0}, edit{a0: e.a1, a1: e.a1, b0: e.b0, b1: e.b1}, true
	case spaceOnly(d.b, e.b0, e.b1) && !spaceOnly(d.a, e.a0, e.a1) && e.a0 < e.a1:
		// A's marks go, then B's white space comes.
		return edit{a0: e.a0, a1: e.a1, b0: e.b0, b1: e.b0}, edit{a0: e.a1, a1: e.a1, b0: e.b0, b1: e.b1}, true
	}
	return edit{}, edit{}, false
}

// diffKeys diffs the two key sequences with go-diff and calls match, in
// order, with the indexes of each pair of tokens the diff keeps. go-diff's
// time grows with the product of the sequences' and the diff's lengths;
// three things cut it down.
//
//   - White space is left out, as wdiff and dwdiff leave it out: it stands
//     between every two words, and matched on its own it would tie a
//     changed phrase to white space far from its place. changes matches
//     it back where both sides have it around a change.
//   - A word whose key the other side lacks can be in no common
//     subsequence, so each run of such words goes to go-diff as one token
//     that matches nothing (GNU diff discards such lines for the same
//     reason): the diff is as short.
//   - Tokens that occur once on each side, in the same order on both, are
//     matched first, as patience diff (git diff --patience) matches them
//     (see anchors), and go-diff only diffs the stretches between them.
//     Where leaving such a token unmatched would give a shorter diff, the
//     diff is longer, as patience diff's is; it is then the one that keeps
//     those tokens, which reads as naturally.
//
// Where several shortest edit scripts exist, which one go-diff finds
// depends on the order of its arguments; diffing in one canonical order
// (the sides ordered by their keys) makes comparing B with A the mirror
// image of comparing A with B.
func (d *tokenDiff) diffKeys(match func(i, j int)) {
	d.sides = slices.Grow(d.sides[:0], len(d.ids))[:len(d.ids)]
	clear(d.sides)
	for _, r := range d.ka {
		d.sides[keyNumber(r)] |= 1
	}
	for _, r := range d.kb {
		d.sides[keyNumber(r)] |= 2
	}
	next := len(d.ids) // the number of the next run's key
	collapse := func(s *side, keys, out []rune, idx []int) ([]rune, []int) {
		out, idx = out[:0], idx[:0]
		run := -1 // where the open run of words only this side has stands in out; -1: none
		for k, r := range keys {
			switch {
			case s.toks[k].Class == textkey.Space:
				continue
			case d.sides[keyNumber(r)] == 3:
				out, idx = append(out, r), append(idx, k)
				run = -1
			case run >= 0:
				out, idx = out[:run+1], idx[:run+1]
			default:
				run = len(out)
				out, idx = append(out, tokenRune(next)), append(idx, k)
				next++
			}
		}
		return out, idx
	}
	d.ra, d.ia = collapse(d.a, d.ka, d.ra, d.ia)
	d.rb, d.ib = collapse(d.b, d.kb, d.rb, d.ib)

	ra, rb, ia, ib := d.ra, d.rb, d.ia, d.ib
	swapped := slices.Compare(d.a.keys, d.b.keys) > 0
	if swapped {
		ra, rb, ia, ib = rb, ra, ib, ia
	}
	emit := func(p, q int) {
		if swapped {
			match(ib[q], ia[p])
		} else {
			match(ia[p], ib[q])
		}
	}
	p0, q0 := 0, 0
	for _, an := range d.anchors(ra, rb) {
		diffRunes(ra[p0:an.p], rb[q0:an.q], func(p, q int) { emit(p0+p, q0+q) })
		emit(an.p, an.q)
		p0, q0 = an.p+1, an.q+1
	}
	diffRunes(ra[p0:], rb[q0:], func(p, q int) { emit(p0+p, q0+q) })
}

// anchor is a token at ra[p] and rb[q] that diffKeys keeps without asking
// go-diff.
type anchor struct{ p, q int }

// anchors returns the tokens that occur once in ra and once in rb, cut
// down to the longest chain in order on both sides, as patience diff
// finds them: matches that no shortest diff is likely to leave out, and
// that split go-diff's work into small pieces.
func (d *tokenDiff) anchors(ra, rb []rune) []anchor {
	n := len(d.ids) // keys numbered below n; runs of words only one side has, above
	d.count = slices.Grow(d.count[:0], 2*n)[:2*n]
	clear(d.count)
	d.where = slices.Grow(d.where[:0], n)[:n]
	for _, r := range ra {
		if k := keyNumber(r); k < n {
			d.count[2*k] = min(d.count[2*k]+1, 2)
		}
	}
	for q, r := range rb {
		if k := keyNumber(r); k < n {
			d.count[2*k+1] = min(d.count[2*k+1]+1, 2)
			d.where[k] = q
		}
	}
	// Patience sorting: tails[h] ends the best chain of length h+1 found
	// so far; prev links each candidate to the one before it in its chain.
	cands, tails, prev := d.cands[:0], d.tails[:0], d.prev[:0]
	for p, r := range ra {
		k := keyNumber(r)
		if k >= n || d.count[2*k] != 1 || d.count[2*k+1] != 1 {
			continue
		}
		c := anchor{p, d.where[k]}
		h, _ := slices.BinarySearchFunc(tails, c.q, func(t int, q int) int { return cands[t].q - q })
		before := -1
		if h > 0 {
			before = tails[h-1]
		}
		cands, prev = append(cands, c), append(prev, before)
		if h == len(tails) {
			tails = append(tails, len(cands)-1)
		} else {
			tails[h] = len(cands) - 1
		}
	}
	out := d.chain[:0]
	if len(tails) > 0 {
		for t := tails[len(tails)-1]; t >= 0; t = prev[t] {
			out = append(out, cands[t])
		}
	}
	slices.Reverse(out)
	d.cands, d.tails, d.prev, d.chain = cands, tails, prev, out
	return out
}

// diffRunes diffs ra and rb with go-diff and calls match with the indexes
// of each pair of runes it keeps.
func diffRunes(ra, rb []rune, match func(p, q int)) {
	if len(ra) == 0 || len(rb) == 0 {
		return
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // never trade the result for time: output must not depend on machine speed
	p, q := 0, 0
	for _, df := range dmp.DiffMainRunes(ra, rb, false) {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			for k := range n {
				match(p+k, q+k)
			}
			p, q = p+n, q+n
		case diffmatchpatch.DiffDelete:
			p += n
		case diffmatchpatch.DiffInsert:
			q += n
		}
	}
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
// a real one, so that a difference of case stays trivial; nor are two
// real edits of punctuation alone folded across a word, so that
// "(Moscow)" against "Moscow" is two omissions of a parenthesis, not a
// shift that holds the unchanged word.
func (d *tokenDiff) mergeNear(edits []edit) []edit {
	var out []edit
	for _, e := range edits {
		if n := len(out); n > 0 && e.trivial == out[n-1].trivial {
			p := &out[n-1]
			bridge := d.a.contentTokens(p.a1, e.a0)
			if bridge <= maxBridgeWords && (e.trivial || bridge == 0 || d.hasContent(*p) || d.hasContent(e)) {
				p.a1, p.b1 = e.a1, e.b1
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// hasContent reports whether either side of e has a content token.
func (d *tokenDiff) hasContent(e edit) bool {
	return d.a.contentTokens(e.a0, e.a1) > 0 || d.b.contentTokens(e.b0, e.b1) > 0
}

// trimSpace leaves out of an edit with text on both sides the white space
// that opens or closes both sides alike: "walked towards each other from"
// against "quickly walked from the", not the same with a space after each.
func (d *tokenDiff) trimSpace(e edit) edit {
	same := func(i, j int) bool {
		return d.a.toks[i].Class == textkey.Space && d.b.toks[j].Class == textkey.Space && d.a.tokenText(i) == d.b.tokenText(j)
	}
	for e.a0+1 < e.a1 && e.b0+1 < e.b1 && same(e.a0, e.b0) {
		e.a0, e.b0 = e.a0+1, e.b0+1
	}
	for e.a0+1 < e.a1 && e.b0+1 < e.b1 && same(e.a1-1, e.b1-1) {
		e.a1, e.b1 = e.a1-1, e.b1-1
	}
	return e
}

func (s *side) contentTokens(from, to int) int {
	n := 0
	for _, t := range s.toks[from:to] {
		if t.IsContent() {
			n++
		}
	}
	return n
}

// change classifies an edit by the keys of its tokens, white space
// aside (see markKeys): trivial when they are equal on both sides, so that
// only what the key folds differs (case, width and Unicode form, quote
// and dash style) besides white space; an insertion when A has none, an
// omission when B has none, else a shift. Punctuation counts as words
// do: a comma dropped, "." made "?" or parentheses added change what a
// sentence says.
func (d *tokenDiff) change(e edit) Change {
	d.ca = markKeys(d.ca[:0], d.a, e.a0, e.a1)
	d.cb = markKeys(d.cb[:0], d.b, e.b0, e.b1)
	ca, cb := d.ca, d.cb
	kind := Shift
	switch {
	case e.trivial || slices.Equal(ca, cb):
		kind = Trivial
	case len(ca) == 0:
		kind = Insertion
	case len(cb) == 0:
		kind = Omission
	}
	return changeOf(d.a, d.b, e, kind)
}

// changeOf is the change of kind that edit e of sides a and b makes, with
// its flags and severity.
func changeOf(a, b *side, e edit, kind Kind) Change {
	as, bs := a.tokenSpan(e.a0, e.a1), b.tokenSpan(e.b0, e.b1)
	c := Change{
		Kind: kind, A: a.text[as.start:as.end], B: b.text[bs.start:bs.end],
		AStart: as.start, AEnd: as.end, BStart: bs.start, BEnd: bs.end,
	}
	fa, fb := a.factsOf(e.a0, e.a1), b.factsOf(e.b0, e.b1) // "May 8" and "05-08" hold the same numbers
	if kind != Trivial {
		c.Flags = flagsOf(fa, fb)
	}
	var weight int
	c.Meaning, c.Reason, weight = meaningOf(&c, a, b, e, fa, fb)
	c.Severity = severityOf(c.Meaning, weight)
	return c
}

// tokenSpan returns the byte span of tokens [from,to), or the empty span
// where token from would start.
func (s *side) tokenSpan(from, to int) span {
	switch {
	case from < to:
		return span{s.toks[from].Start, s.toks[to-1].End}
	case from < len(s.toks):
		return span{s.toks[from].Start, s.toks[from].Start}
	}
	return span{s.span.end, s.span.end}
}

// markKeys appends to out the keys of tokens [from, to) of s that are not
// white space, each run of punctuation marks (white space between them
// aside) as one key: "…" and "...", "?!" and "? !" differ only in what
// the key folds and in spacing.
func markKeys(out []string, s *side, from, to int) []string {
	punct := false // the last key out holds is a run of punctuation
	for k := from; k < to; k++ {
		switch c := s.toks[k].Class; {
		case c == textkey.Space:
		case c == textkey.Punct && punct:
			out[len(out)-1] += s.keys[k]
		default:
			out = append(out, s.keys[k])
			punct = c == textkey.Punct
		}
	}
	return out
}
