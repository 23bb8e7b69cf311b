package diff

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

var severityText = enum[Severity]{"severity", severityNames[:]}

// Severities lists every severity from the most severe down.
var Severities = []Severity{SeverityCritical, SeverityMajor, SeverityMinor, SeverityTrivial}

func (s Severity) String() string { return severityText.text(s) }

// MarshalText makes JSON say "critical", not 3.
func (s Severity) MarshalText() ([]byte, error) { return severityText.marshal(s) }

// UnmarshalText reads a severity written by MarshalText.
func (s *Severity) UnmarshalText(b []byte) error { return severityText.unmarshal(b, s) }

// ParseSeverity reads a severity name.
func ParseSeverity(name string) (Severity, error) {
	var s Severity
	err := s.UnmarshalText([]byte(name))
	return s, err
}
