// Package align cuts texts into segments and aligns the segments of two
// versions of a text.
//
// A [Segment] is a sentence, a heading or a line with no final
// punctuation, kept as a byte span of the original text: the splitter
// never copies or rewrites text, and segments plus the white space between
// them rebuild the input byte for byte. [Split] and [Splitter] cut prose
// into sentences; [Lines] takes each line as one segment, for files that
// are already split.
//
// A [Bead] is one step of an alignment: a run of segments of A matched
// with a run of segments of B, either of which may be empty. [Align]
// returns beads that cover both texts in order: segments equal on both
// sides pin the skeleton, and dynamic programming aligns the gaps between
// pins, in two languages or one (see [Aligner.Align] for the scoring, and
// the sameLanguage and crossLanguage constants that tune it). Text is
// valid UTF-8; invalid bytes are carried through, never dropped.
package align
