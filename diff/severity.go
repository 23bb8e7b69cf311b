package diff

import "fmt"

// Severity ranks a change by how much it matters to a reader of the
// statement; higher is more severe.
type Severity uint8

const (
	SeverityTrivial  Severity = iota // case, quote or dash style, spacing, width or Unicode form only
	SeverityMinor                    // the same content: another form, a synonym, function words, punctuation, order
	SeverityMajor                    // content replaced, added or omitted, a question mark gained or lost, a move
	SeverityCritical                 // a name replaced, a number or a negation changed, an approved term, a sentence omitted
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
