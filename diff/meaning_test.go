package diff

import "testing"

// TestMeaning checks the meaning class, and so the severity, of one
// change between two sentences written for the test.
func TestMeaning(t *testing.T) {
	for _, tt := range []struct {
		name, a, b string
		meaning    Meaning
		severity   Severity
	}{
		{"inflection", "The leaders talk about trade.", "The leaders talked about trade.", MeaningForm, SeverityMinor},
		{"acronym spelt out", "The UN met.", "The United Nations met.", MeaningForm, SeverityMinor},
		{"function words", "He went to the market.", "He went to a market.", MeaningFunction, SeverityMinor},
		{"a comma", "Let's eat, grandma.", "Let's eat grandma.", MeaningFunction, SeverityMinor},
		{"reordered", "Trade and energy were discussed.", "Energy and trade were discussed.", MeaningReorder, SeverityMinor},
		{"an ordinal for a Roman numeral", "It ended World War II.", "It ended the Second World War.", MeaningReorder, SeverityMinor},
		{"a Roman numeral for another", "It ended World War II.", "It ended World War III.", MeaningNumber, SeverityCritical},
		{"content replaced", "The talks covered tariffs.", "The talks covered prices.", MeaningContent, SeverityMajor},
		{"a question", "They will sign it.", "They will sign it?", MeaningContent, SeverityMajor},
		{"a name replaced", "The IMF revised its forecast.", "The World Bank revised its forecast.", MeaningEntity, SeverityCritical},
		{"a plural of a short name", "Members of the SCO met.", "Members of the SCOs met.", MeaningForm, SeverityMinor},
		{"a number", "The talks lasted 2 hours.", "The talks lasted 3 hours.", MeaningNumber, SeverityCritical},
		{"a negation", "We will attack.", "We will not attack.", MeaningNegation, SeverityCritical},
		{"a phrase added", "The leaders met.", "The leaders met in the old palace.", MeaningAdded, SeverityMajor},
		{"a phrase omitted", "The leaders met in the old palace.", "The leaders met.", MeaningOmitted, SeverityMajor},
		{"a sentence omitted", "The leaders met. Both sides agreed to expand trade, energy, transport and cultural exchanges across the whole region.", "The leaders met.", MeaningOmitted, SeverityCritical},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := compareText(tt.a, tt.b)
			var got []Change
			for _, b := range c.Beads {
				for _, ch := range b.Changes {
					if ch.Kind != Trivial {
						got = append(got, ch)
					}
				}
			}
			if len(got) == 0 {
				t.Fatal("no change")
			}
			for _, ch := range got { // a reordering is two
				if ch.Meaning != tt.meaning || ch.Severity != tt.severity || ch.Reason == "" {
					t.Errorf("%q → %q: %s %s (%s), want %s %s", ch.A, ch.B, ch.Meaning, ch.Severity, ch.Reason, tt.meaning, tt.severity)
				}
			}
		})
	}
}
