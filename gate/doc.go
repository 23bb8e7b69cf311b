// Package gate decides whether a [diff.Comparison] passes a CI job: it
// checks the comparison against gates and against a baseline, and
// returns one message per failure. It computes nothing the Comparison
// does not hold and prints nothing; a command prints the messages and
// maps them to an exit status.
//
// # Gates
//
// A gate is a threshold on one comparison. A comparison trips
//
//   - --fail-on KINDS when it has a change of one of the kinds
//     (insertion, omission, shift, move, trivial), with one of the flags
//     (number, name, negation, glossary), or of one of the severities or
//     worse (critical, major, minor); a glossary departure that no change
//     shows counts as a change of its own, for the glossary flag and for
//     any severity, since a departure is critical;
//   - --max-changes N when it has more than N changes that are not
//     trivial;
//   - --min-bleu X or --min-chrf X when its score is below X;
//   - --max-ter X when its TER is above X.
//
// A move counts once, in the bead where its text arrives. A comparison
// with nothing scored (no segments) trips no score gate. Gates are named
// in messages and errors as on paradiff's command line, since those are
// shown to its users: `gate --fail-on critical: 1 change (shift "8" →
// "9")`, `gate --min-chrf 60: chrF2 52.10`. [Config] holds their values;
// [New] checks them.
//
// # Baselines
//
// A baseline is the JSON report of an earlier run (paradiff -f json, or
// --write-baseline), of two files or of two directories. Against a
// baseline a comparison fails only on what is new: changes the baseline
// does not have, glossary departures it does not have, a file on one side
// only that it does not have so, and a BLEU or chrF lower, or a TER
// higher, than the baseline's by more than the tolerance ([Judge]'s
// Tolerance). With a baseline, --fail-on and --max-changes count only the
// new changes. Scores computed another way (another sacreBLEU signature)
// cannot be compared: that is an error, not a failure, and so is every
// problem with the baseline itself. [ReadBaseline] reads one.
//
// # Matching changes
//
// A change is matched with the baseline's by its kind and by its A and B
// text, never by offsets, so that an edit elsewhere in the text does not
// make old changes look new. The text is compared by its normalised key
// (internal/textkey: case, width, quotes, dashes and spacing folded, as
// paradiff compares words), trimmed; a trivial change is one of those
// foldings, so its text is compared as it is but for spacing. Changes are
// matched in document order and each baseline change matches at most one
// change now: a change that occurs twice in the baseline matches at most
// two. A glossary departure is matched by the keys of its term and of
// what B had. [Baseline.New] returns the changes that are new.
//
// # Judging
//
// A [Judge] puts the two together, per document and, for directories,
// over all files. Without gates or a baseline a document fails when it
// differs at all, trivial changes included, as in diff(1); with them, the
// gates and the baseline alone decide.
package gate
