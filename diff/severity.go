package diff

import "fmt"

// Severity ranks a change by how much it matters to a reader of the
// statement; higher is more severe.
type Severity uint8

const (
	SeverityTrivial  Severity = iota // case, quote or dash style, spacing, width or Unicode form only
	SeverityMinor                    // function words or punctuation only: "the", "to", "of", a comma
	SeverityMajor                    // content words or names, or a question mark gained or lost
	SeverityCritical                 // a number, a negation or an approved term
)

var severityNames = [...]string{"trivial", "minor", "major", "critical"}

// Severities lists every severity from the most severe down.
var Severities = []Severity{SeverityCritical, SeverityMajor, SeverityMinor, SeverityTrivial}

func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", s)
}

// MarshalText makes JSON say "critical", not 3.
func (s Severity) MarshalText() ([]byte, error) {
	if int(s) >= len(severityNames) {
		return nil, fmt.Errorf("diff: unknown severity %d", s)
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a severity written by MarshalText.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, name := range severityNames {
		if string(b) == name {
			*s = Severity(i)
			return nil
		}
	}
	return fmt.Errorf("diff: unknown severity %q", b)
}

// ParseSeverity reads a severity name.
func ParseSeverity(name string) (Severity, error) {
	var s Severity
	err := s.UnmarshalText([]byte(name))
	return s, err
}

// severity ranks a change from its kind, its flags and whether it weighs
// as a content word does: content words that are not function words, or
// a question mark gained or lost.
func severity(kind Kind, flags []Flag, contentWords bool) Severity {
	if kind == Trivial {
		return SeverityTrivial
	}
	for _, f := range flags {
		if f == FlagNumber || f == FlagNegation || f == FlagGlossary {
			return SeverityCritical
		}
	}
	if contentWords || len(flags) > 0 {
		return SeverityMajor
	}
	return SeverityMinor
}
