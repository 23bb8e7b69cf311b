package align

// abbrevKind says how an abbreviation behaves before a full stop that
// might end the sentence.
type abbrevKind uint8

const (
	notAbbrev    abbrevKind = iota
	title                   // always followed by a name: never ends a sentence
	beforeNumber            // usually followed by a number: "No. 5", "Jan. 8"
	ambiguous               // may end a sentence: "etc.", "U.S."
)

// abbreviations are keyed by the lower-case word before the full stop,
// inner full stops kept ("u.s", "e.g").
var abbreviations = map[string]abbrevKind{
	"mr": title, "mrs": title, "ms": title, "messrs": title, "dr": title, "prof": title,
	"gen": title, "col": title, "lt": title, "maj": title, "sgt": title, "capt": title,
	"cmdr": title, "adm": title, "gov": title, "sen": title, "rep": title, "rev": title,
	"hon": title, "amb": title, "pres": title, "supt": title, "st": title, "mt": title,
	"mme": title, "mlle": title, "hr": title, "fr": title, "sr": title, "jr": title,
	"no": beforeNumber, "nos": beforeNumber, "nr": beforeNumber, "art": beforeNumber,
	"vol": beforeNumber, "p": beforeNumber, "pp": beforeNumber, "fig": beforeNumber,
	"sec": beforeNumber, "ch": beforeNumber, "para": beforeNumber, "op": beforeNumber,
	"jan": beforeNumber, "feb": beforeNumber, "mar": beforeNumber, "apr": beforeNumber,
	"jun": beforeNumber, "jul": beforeNumber, "aug": beforeNumber, "sep": beforeNumber,
	"sept": beforeNumber, "oct": beforeNumber, "nov": beforeNumber, "dec": beforeNumber,
	"etc": ambiguous, "e.g": ambiguous, "i.e": ambiguous, "vs": ambiguous, "cf": ambiguous,
	"al": ambiguous, "approx": ambiguous, "inc": ambiguous, "ltd": ambiguous, "co": ambiguous,
	"corp": ambiguous, "u.s": ambiguous, "u.n": ambiguous, "u.k": ambiguous, "e.u": ambiguous,
	"a.m": ambiguous, "p.m": ambiguous, "ph.d": ambiguous, "dept": ambiguous, "est": ambiguous,
	"govt": ambiguous, "intl": ambiguous, "assn": ambiguous, "bros": ambiguous, "ave": ambiguous,
}

// sentenceStarters are words that commonly open a sentence. After an
// ambiguous abbreviation, one of them is taken as evidence that the
// sentence ended there ("... and so on, etc. The talks ...").
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true,
	"those": true, "it": true, "its": true, "he": true, "she": true, "we": true,
	"they": true, "i": true, "you": true, "there": true, "in": true, "on": true,
	"at": true, "but": true, "and": true, "or": true, "so": true, "if": true,
	"when": true, "while": true, "after": true, "before": true, "as": true,
	"his": true, "her": true, "their": true, "our": true, "my": true, "however": true,
	"meanwhile": true, "both": true, "yet": true, "for": true, "with": true,
	"what": true, "who": true, "why": true, "how": true, "where": true, "all": true,
	"some": true, "many": true, "most": true, "no": true, "not": true, "one": true,
	"each": true, "such": true, "then": true, "thus": true, "also": true,
}
