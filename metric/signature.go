package metric

import "strconv"

// Version is the sacreBLEU release whose scores and signatures this package
// reproduces. Signatures end in "version:" + Version, as sacreBLEU's end in
// its own version, so that a paradiff signature names the computation it
// is compatible with; it is not paradiff's version.
const Version = "2.6.0"

// Switch is a yes/no option whose zero value, Auto, selects sacreBLEU's
// default for the context.
type Switch int8

const (
	// Auto selects sacreBLEU's default.
	Auto Switch = iota
	// Yes turns the option on.
	Yes
	// No turns the option off.
	No
)

// String returns "auto", "yes" or "no".
func (s Switch) String() string {
	switch s {
	case Auto:
		return "auto"
	case Yes:
		return "yes"
	case No:
		return "no"
	}
	return "Switch(" + strconv.Itoa(int(s)) + ")"
}

// resolve returns the value of s, with def standing for Auto.
func (s Switch) resolve(def bool) bool {
	switch s {
	case Yes:
		return true
	case No:
		return false
	}
	return def
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// nrefsString formats sacreBLEU's nrefs field; a negative count means a
// variable number of references.
func nrefsString(n int) string {
	if n < 0 {
		return "var"
	}
	return strconv.Itoa(n)
}
