package diff

import "fmt"

// enum is the text form of one of the package's small enumerations
// (Kind, Flag, Severity, Meaning): the name of each value, in order, and
// what the type is called in messages.
type enum[T ~uint8] struct {
	what  string
	names []string
}

func (e enum[T]) text(v T) string {
	if int(v) < len(e.names) {
		return e.names[v]
	}
	return fmt.Sprintf("%s(%d)", e.what, v)
}

func (e enum[T]) marshal(v T) ([]byte, error) {
	if int(v) >= len(e.names) {
		return nil, fmt.Errorf("diff: unknown %s %d", e.what, v)
	}
	return []byte(e.names[v]), nil
}

func (e enum[T]) unmarshal(b []byte, v *T) error {
	for i, name := range e.names {
		if string(b) == name {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("diff: unknown %s %q", e.what, b)
}
