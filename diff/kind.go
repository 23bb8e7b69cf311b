package diff

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

var kindText = enum[Kind]{"kind", kindNames[:]}

// Kinds lists every kind in report order.
var Kinds = []Kind{Insertion, Omission, Shift, Move, Trivial}

func (k Kind) String() string { return kindText.text(k) }

// MarshalText makes JSON say "omission", not 1.
func (k Kind) MarshalText() ([]byte, error) { return kindText.marshal(k) }

// UnmarshalText reads a kind written by MarshalText.
func (k *Kind) UnmarshalText(b []byte) error { return kindText.unmarshal(b, k) }

// Flag says why a change matters more than its kind alone tells.
type Flag uint8

const (
	FlagNumber   Flag = iota // a number changed, added or lost (by value: see numberAt)
	FlagName                 // a capitalised word or acronym changed
	FlagNegation             // a negation appeared or vanished
	FlagGlossary             // an approved term was not used
)

var flagNames = [...]string{"number", "name", "negation", "glossary"}

var flagText = enum[Flag]{"flag", flagNames[:]}

func (f Flag) String() string { return flagText.text(f) }

// MarshalText makes JSON say "number", not 0.
func (f Flag) MarshalText() ([]byte, error) { return flagText.marshal(f) }

// UnmarshalText reads a flag written by MarshalText.
func (f *Flag) UnmarshalText(b []byte) error { return flagText.unmarshal(b, f) }
