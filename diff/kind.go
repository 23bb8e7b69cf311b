package diff

import "fmt"

// Kind classifies a [Change].
type Kind uint8

const (
	Insertion Kind = iota // only in B
	Omission              // only in A
	Shift                 // A's words replaced by B's
	Move                  // the same content in another place
	Trivial               // case, quote or dash style, spacing, width or Unicode form only
)

var kindNames = [...]string{"insertion", "omission", "shift", "move", "trivial"}

// Kinds lists every kind in report order.
var Kinds = []Kind{Insertion, Omission, Shift, Move, Trivial}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", k)
}

// MarshalText makes JSON say "omission", not 1.
func (k Kind) MarshalText() ([]byte, error) {
	if int(k) >= len(kindNames) {
		return nil, fmt.Errorf("diff: unknown kind %d", k)
	}
	return []byte(k.String()), nil
}

// UnmarshalText reads a kind written by MarshalText.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, name := range kindNames {
		if string(b) == name {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("diff: unknown kind %q", b)
}

// Flag says why a change matters more than its kind alone tells.
type Flag uint8

const (
	FlagNumber   Flag = iota // a number changed, added or lost (by value: see numberAt)
	FlagName                 // a capitalised word or acronym changed
	FlagNegation             // a negation appeared or vanished
	FlagGlossary             // an approved term was not used
)

var flagNames = [...]string{"number", "name", "negation", "glossary"}

func (f Flag) String() string {
	if int(f) < len(flagNames) {
		return flagNames[f]
	}
	return fmt.Sprintf("Flag(%d)", f)
}

// MarshalText makes JSON say "number", not 0.
func (f Flag) MarshalText() ([]byte, error) {
	if int(f) >= len(flagNames) {
		return nil, fmt.Errorf("diff: unknown flag %d", f)
	}
	return []byte(f.String()), nil
}

// UnmarshalText reads a flag written by MarshalText.
func (f *Flag) UnmarshalText(b []byte) error {
	for i, name := range flagNames {
		if string(b) == name {
			*f = Flag(i)
			return nil
		}
	}
	return fmt.Errorf("diff: unknown flag %q", b)
}
