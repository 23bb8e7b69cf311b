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
// returns beads that cover both texts in order, chosen by dynamic
// programming to leave the least content unmatched (see the similarity
// type for the scoring and the constants that tune it). Text is valid
// UTF-8; invalid bytes are carried through, never dropped.
package align
