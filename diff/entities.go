package diff

import "strings"

// entityForms are names of one place or body in their common forms, by
// the keys of their words: what an acronym check cannot tell ("USA" is
// "United States" without "of America"; "Britain" is "the UK"). Written
// from general knowledge for this project.
var entityForms = func() map[string]int {
	groups := [][]string{
		{"usa", "us", "u s", "united states", "united states of america", "america", "u s a"},
		{"uk", "britain", "great britain", "united kingdom", "u k"},
		{"russia", "russian federation"},
		{"china", "prc", "people's republic of china", "peoples republic of china"},
		{"un", "united nations", "u n"},
		{"eu", "european union"},
		{"ussr", "soviet union"},
		{"dprk", "north korea"},
		{"rok", "south korea"},
		{"uae", "united arab emirates", "emirates"},
		{"nato", "north atlantic treaty organization", "north atlantic alliance"},
		{"who", "world health organization"},
		{"imf", "international monetary fund"},
		{"wto", "world trade organization"},
		{"holland", "netherlands"},
		{"burma", "myanmar"},
		{"czechia", "czech republic"},
		{"turkey", "türkiye", "turkiye"},
		{"ivory coast", "côte d'ivoire", "cote d'ivoire"},
	}
	m := map[string]int{}
	for i, g := range groups {
		for _, name := range g {
			m[name] = i + 1
		}
	}
	return m
}()

// sharedEntities returns the words of the names that both key
// sequences hold in one of their forms ("usa" in one, "united states" in
// the other), or nil.
func sharedEntities(a, b []string) map[string]bool {
	ga, gb := entitiesIn(a), entitiesIn(b)
	var out map[string]bool
	for g, words := range ga {
		if other, ok := gb[g]; ok {
			if out == nil {
				out = map[string]bool{}
			}
			for _, w := range append(words, other...) {
				out[w] = true
			}
		}
	}
	return out
}

// entitiesIn finds the forms of entityForms in a sequence of word keys:
// for each group found, the words of its forms.
func entitiesIn(keys []string) map[int][]string {
	var out map[int][]string
	for i := range keys {
		for n := min(len(keys)-i, maxEntityWords); n >= 1; n-- {
			if g := entityForms[strings.Join(keys[i:i+n], " ")]; g != 0 {
				if out == nil {
					out = map[int][]string{}
				}
				out[g] = append(out[g], keys[i:i+n]...)
				break
			}
		}
	}
	return out
}

// maxEntityWords is the most words of a form in entityForms.
const maxEntityWords = 5
