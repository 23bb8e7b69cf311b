package diff

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func compareText(a, b string) *Comparison {
	return Compare(Document{Text: a}, Document{Text: b}, Options{})
}

// describe writes the changes of a comparison compactly, one per bead
// separated by " | ": kind(A→B).
func describe(c *Comparison) string {
	var beads []string
	for _, b := range c.Beads {
		var chs []string
		for _, ch := range b.Changes {
			chs = append(chs, fmt.Sprintf("%s(%s→%s)", ch.Kind, strings.TrimSpace(ch.A), strings.TrimSpace(ch.B)))
		}
		beads = append(beads, strings.Join(chs, " "))
	}
	return strings.Join(beads, " | ")
}

func TestCompareChanges(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"identical", "The talks began.", "The talks began.", ""},
		{"word replaced", "The talks began.", "The talks started.", "shift(began→started)"},
		{"word inserted", "The talks began.", "The formal talks began.", "insertion(→formal)"},
		{"word omitted", "The formal talks began.", "The talks began.", "omission(formal→)"},
		{"case only", "President Xi spoke.", "President XI spoke.", "trivial(Xi→XI)"},
		{"curly and straight quotes", "China’s position.", "China's position.", "trivial(’→')"},
		{"dash variants", "high–level talks", "high-level talks", "trivial(–→-)"},
		{"spacing", "The  talks began.", "The talks began.", "trivial(→)"},
		{"no-break space", "The\u00a0talks began.", "The talks began.", "trivial(→)"},
		{"full width", "ＵＮ talks", "UN talks", "trivial(ＵＮ→UN)"},
		{"punctuation only", "On May 8 local time, they met.", "On May 8, local time, they met.", "insertion(→,)"},
		{"case run stays one trivial change", "the War of Resistance Against Aggression", "the war of resistance against aggression", "trivial(War of Resistance Against Aggression→war of resistance against aggression)"},
		{"short equal run does not split a shift",
			"the 80th Anniversary of the Victory in the World Anti-Fascist War.",
			"the 80th anniversary of the Great Patriotic War and the United States War.",
			"trivial(Anniversary→anniversary) shift(Victory in the World Anti-Fascist→Great Patriotic War and the United States)"},
		{"case change next to an insertion stays trivial", "President Xi noted that", "President XI has noted that", "trivial(Xi→XI) insertion(→has)"},
		{"sentence only in B", "The talks began.", "The talks began. A band played.", " | insertion(→A band played.)"},
		{"sentence only in A", "The talks began. A band played.", "The talks began.", " | omission(A band played.→)"},
		{"empty A", "", "Only B has text.", "insertion(→Only B has text.)"},
		{"empty B", "Only A has text.", "", "omission(Only A has text.→)"},
		{"percent sign is content", "Trade grew 3.5% in May.", "Trade grew 3.5 in May.", "omission(%→)"},
		{"minus sign is content", "The index fell by -5 points.", "The index fell by 5 points.", "shift(-5→5)"},
		{"Chinese character changed", "两国元首签署了声明。", "两国元首签订了声明。", "shift(署→订)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(compareText(tt.a, tt.b)); got != tt.want {
				t.Errorf("Compare(%q, %q)\n got %s\nwant %s", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestWordsOnlyOneSideHas checks the changes where a run of words, or of
// white space, is found on one side only: such runs go to go-diff as one
// token each (see diffKeys), and the changes must still stand exactly on
// the words, rebuild B, and mirror when A and B trade places.
func TestWordsOnlyOneSideHas(t *testing.T) {
	tests := []struct {
		name, a, b string
		want       []string // "A→B" of each change, spans exact
	}{
		{"words for words", "We discussed major international and regional issues.", "We discussed the main international and regional problems.",
			[]string{"major→the main", "issues→problems"}},
		{"a run of new words", "They met in Moscow.", "They met, after a long and cordial journey, in Moscow.",
			[]string{"→, after a long and cordial journey,"}},
		{"white space only one side has", "两国 元首", "两国元首", []string{" →"}},
		{"white space first", " 元首", "元首", nil},
		{"words and white space only one side has", "中 x y", "中", []string{" x y→"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compareText(tt.a, tt.b)
			var got []string
			for _, b := range c.Beads {
				for _, ch := range b.Changes {
					got = append(got, ch.A+"→"+ch.B)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Compare(%q, %q): changes %q, want %q", tt.a, tt.b, got, tt.want)
			}
			checkRebuild(t, c)
			checkSwap(t, tt.a, tt.b)
		})
	}
}

// checkRebuild checks that every change's text is its span and, in one
// language, that each bead's changes, applied to its A text, give its B
// text exactly.
func checkRebuild(t *testing.T, c *Comparison) {
	t.Helper()
	aPos, bPos := 0, 0
	for k, b := range c.Beads {
		as, bs := runSpan(c.A.Segments, b.A, aPos), runSpan(c.B.Segments, b.B, bPos)
		aPos, bPos = as.end, bs.end
		var got strings.Builder
		pos := as.start
		for _, ch := range b.Changes {
			if ch.A != c.A.Text[ch.AStart:ch.AEnd] || ch.B != c.B.Text[ch.BStart:ch.BEnd] {
				t.Fatalf("bead %d: change %+v is not its spans", k, ch)
			}
			if ch.AStart < pos {
				t.Fatalf("bead %d: changes overlap or are out of order at %d", k, ch.AStart)
			}
			got.WriteString(c.A.Text[pos:ch.AStart])
			got.WriteString(ch.B)
			pos = ch.AEnd
		}
		if len(b.Changes) > 0 || as.start < as.end {
			got.WriteString(c.A.Text[pos:as.end])
		}
		if c.Languages.Cross {
			continue // across languages only flagged beads have changes
		}
		if want := c.B.Text[bs.start:bs.end]; got.String() != want {
			t.Fatalf("bead %d: applying the changes to A gives\n%q, want\n%q", k, got.String(), want)
		}
	}
}

// swapped returns the kind a change has when A and B trade places.
func swapped(k Kind) Kind {
	switch k {
	case Insertion:
		return Omission
	case Omission:
		return Insertion
	}
	return k
}

func checkSwap(t *testing.T, a, b string) {
	t.Helper()
	ab, ba := compareText(a, b), compareText(b, a)
	for _, k := range Kinds {
		if ab.Summary.Count(k) != ba.Summary.Count(swapped(k)) {
			t.Fatalf("Compare(a, b) has %d %s, Compare(b, a) %d %s", ab.Summary.Count(k), k, ba.Summary.Count(swapped(k)), swapped(k))
		}
	}
}

func TestReadoutProperties(t *testing.T) {
	a, b := readout(t)
	c := compareText(a, b)
	checkRebuild(t, c)
	checkSwap(t, a, b)
}

func FuzzCompare(f *testing.F) {
	f.Add("The talks began. A band played.", "The formal talks began. Journalists met.")
	f.Add("President Xi spoke.", "President XI has spoken!")
	f.Add("", "x")
	f.Add("两国元首签署了声明。", "两国元首签订了声明。会谈。")
	f.Add("a\xffb. c", "a\xfeb. c")
	f.Add("On July 26 forty-six ships sailed at 5:47 p.m.; the IMF gave 3 million.", "The International Monetary Fund gave 3,000,000 at 17:47 on July 26 to 46 ships.")
	oneLanguage := Options{LangA: language.English, LangB: language.English}
	f.Add("Let's eat, grandma.", "Let's eat grandma?")
	f.Add("The total is 5 plus 3 (today).", "The total is 5 - 3 today,and")
	f.Fuzz(func(t *testing.T, a, b string) {
		c := compareText(a, b)
		checkRebuild(t, c)
		checkKinds(t, c)
		checkSwap(t, a, b)
		// Told the texts share a language, Compare diffs every bead's words,
		// and the changes must rebuild B from A.
		if c := Compare(Document{Text: a}, Document{Text: b}, oneLanguage); c.Languages.Cross {
			t.Fatal("Compare took one language for two")
		} else {
			checkRebuild(t, c)
			checkKinds(t, c)
		}
	})
}

func TestFlagsAndSeverity(t *testing.T) {
	tests := []struct {
		name, a, b string
		kind       Kind
		flags      string
		severity   Severity
	}{
		{"number changed", "Trade grew by 20 percent.", "Trade grew by 30 percent.", Shift, "number", SeverityCritical},
		{"number lost", "They signed 20 documents.", "They signed documents.", Omission, "number", SeverityCritical},
		{"date written another way", "Moscow, May 8, 2025", "Moscow, 2025-05-08", Shift, "", SeverityMinor},
		{"month changed", "They met on May 8.", "They met on June 8.", Shift, "number", SeverityCritical},
		{"may the verb is no month", "The sides may agree.", "The sides might agree.", Shift, "", SeverityMinor},
		{"ordinal changed", "They marked the 80th anniversary.", "They marked the 70th anniversary.", Shift, "number", SeverityCritical},
		{"scale changed", "The fund received 3 million dollars.", "The fund received 3 billion dollars.", Shift, "number", SeverityCritical},
		{"number written out", "The fund received 3 million dollars.", "The fund received 3,000,000 dollars.", Shift, "", SeverityMajor},
		{"number in other units", "Revenue rose to 2.5 billion dollars.", "Revenue rose to 2,500 million dollars.", Shift, "", SeverityMinor},
		{"number spelt out", "They signed 8 documents.", "They signed eight documents.", Shift, "", SeverityMinor}, // one value, another form
		{"compound number spelt out", "46 ships took part.", "Forty-six ships took part.", Shift, "", SeverityMinor},
		{"number word changed", "They signed eight documents.", "They signed nine documents.", Shift, "number", SeverityCritical},
		{"number word lost", "They met two leaders.", "They met leaders.", Omission, "number", SeverityCritical},
		{"the two is no count", "The two leaders met.", "The leaders met.", Omission, "", SeverityMinor},
		{"one is no count", "It is one of the largest ports.", "It is among the largest ports.", Shift, "", SeverityMinor},
		{"one for 1", "Only 1 person was hurt.", "Only one person was hurt.", Shift, "", SeverityMinor}, // one value, another form
		{"one for two", "Only two people were hurt.", "Only one person was hurt.", Shift, "number", SeverityCritical},
		{"one million", "They raised one million dollars.", "They raised 1 million dollars.", Shift, "", SeverityMinor}, // one value, another form
		{"ordinal spelt out", "He finished fifth in the race.", "He finished 5th in the race.", Shift, "", SeverityMajor},
		{"compound ordinal", "It was built in the twenty-first century.", "It was built in the 21st century.", Shift, "", SeverityMajor},
		{"ordinal word changed", "He finished fifth in the race.", "He finished sixth in the race.", Shift, "number", SeverityCritical},
		{"compound ordinal changed", "It was built in the twenty-first century.", "It was built in the twenty-second century.", Shift, "number", SeverityCritical},
		{"second is no count", "Wait a second, please.", "Wait a moment, please.", Shift, "", SeverityMajor},
		{"ordinal adverb", "Third, the building was improved.", "Thirdly, the building was improved.", Shift, "", SeverityMinor}, // another form of one word
		{"number words with a scale", "They raised three million dollars.", "They raised 3,000,000 dollars.", Shift, "", SeverityMajor},
		{"12-hour clock", "The train left at 5:47 PM.", "The train left at 17:47.", Shift, "", SeverityMinor},
		{"hour without minutes", "The talks began at 2 p.m.", "The talks began at 14:00.", Shift, "", SeverityMajor},
		{"hour changed", "The talks began at 2 pm.", "The talks began at 15:00.", Shift, "number", SeverityCritical},
		{"range of percentages", "Growth will be 4-6%.", "Growth will be 4%-6%.", Insertion, "", SeverityMajor}, // not -6
		{"minus sign lost", "The night fell to -7 degrees.", "The night fell to 7 degrees.", Shift, "number", SeverityCritical},
		{"plus sign dropped", "Days reach +28 degrees.", "Days reach 28 degrees.", Shift, "", SeverityMinor}, // one value, another form
		{"Chinese scale changed", "基金收到300万美元。", "基金收到300亿美元。", Shift, "number", SeverityCritical},
		{"number in another script", "They signed 20 documents.", "They signed ２０ documents.", Trivial, "", SeverityTrivial},
		{"Arabic-Indic digits", "Signed 20 documents.", "Signed ٢٠ documents.", Shift, "", SeverityMinor},
		{"negation appears", "The sides will impose tariffs.", "The sides will not impose tariffs.", Insertion, "negation", SeverityCritical},
		{"Russian negation vanishes", "Стороны не будут вводить пошлины.", "Стороны будут вводить пошлины.", Omission, "negation", SeverityCritical},
		{"Chinese negation", "双方不接受。", "双方接受。", Omission, "negation", SeverityCritical},
		{"Chinese word for future is no negation", "双方展望未来。", "双方展望。", Omission, "", SeverityMajor},
		{"Chinese but is no negation", "双方同意，不过时间未定。", "双方同意，但是时间未定。", Shift, "", SeverityMajor},
		{"Chinese whether is no negation", "请确认是否收到货物。", "请确认收到货物。", Omission, "", SeverityMajor},
		{"Chinese A-not-A is a question", "请问有没有收到货物？", "请问是否收到货物？", Shift, "", SeverityMajor},
		{"Chinese must is no negation", "我们不得不关闭商店。", "我们必须关闭商店。", Shift, "", SeverityMajor},
		{"Chinese must not is a negation", "游客不得入内。", "游客可以入内。", Shift, "negation", SeverityCritical},
		{"name changed", "The ceremony was held in St. George's Hall.", "The ceremony was held in the Georgievsky room.", Shift, "name", SeverityMajor},
		{"another form of a name is no name change", "They discussed views on China.", "They discussed views on Chinese.", Shift, "", SeverityMinor},
		{"acronym added", "They met at the summit.", "They met at the SCO summit.", Insertion, "name", SeverityMajor},
		{"acronym spelt out", "The IMF revised its forecast.", "The International Monetary Fund revised its forecast.", Shift, "", SeverityMinor}, // the same fact, another form
		{"acronym for words", "The Federal Antimonopoly Service objected to the merger of both banks.", "The FAS objected to the merger of both banks.", Shift, "", SeverityMinor},
		{"acronym for other words", "The IMF revised its forecast.", "The World Bank revised its forecast.", Shift, "name", SeverityCritical}, // another organisation
		{"sentence-initial capital is no name", "Talks went well.", "Negotiations went well.", Shift, "", SeverityMinor},
		{"no matter is no negation", "Whatever changes, they agreed.", "No matter what changes, they agreed.", Shift, "", SeverityMajor},
		{"function word only", "They met in the hall.", "They met in a hall.", Shift, "", SeverityMinor},
		{"function word omitted", "He agreed to the plan.", "He agreed the plan.", Omission, "", SeverityMinor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compareText(tt.a, tt.b)
			var all []Change
			for _, b := range c.Beads {
				all = append(all, b.Changes...)
			}
			if len(all) != 1 {
				t.Fatalf("Compare(%q, %q) = %s, want one change", tt.a, tt.b, describe(c))
			}
			ch := all[0]
			var flags []string
			for _, f := range ch.Flags {
				flags = append(flags, f.String())
			}
			if ch.Kind != tt.kind || strings.Join(flags, ",") != tt.flags || ch.Severity != tt.severity {
				t.Errorf("Compare(%q, %q): %s %v %s, want %s [%s] %s", tt.a, tt.b, ch.Kind, flags, ch.Severity, tt.kind, tt.flags, tt.severity)
			}
		})
	}
}

// TestNumbersThatMove checks that a number one side writes elsewhere in
// the bead is no changed number, and that numbers swapped are.
func TestNumbersThatMove(t *testing.T) {
	tests := []struct {
		name, a, b string
		flagged    bool // some change has the number flag
	}{
		{"date moved", "On July 26 the talks began in Moscow.", "The talks in Moscow started only on July 26, officials said.", false},
		{"count moved", "For 2 years he was held without charge.", "He was kept in custody without any charge for 2 years.", false},
		{"number word moved", "For two years he was held without charge.", "He was kept in custody without any charge for two years.", false},
		{"the two and two", "The fleet gets the two newest surveying motorboats.", "The fleet gets two new hydrographic boats.", false},
		{"numbers swapped", "Exports grew by 30 tonnes and imports shrank by 20 tonnes.", "Exports grew by 20 tonnes and imports shrank by 30 tonnes.", true},
		{"number moved and changed", "On July 26 the talks began in Moscow.", "The talks in Moscow started only on July 27, officials said.", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compareText(tt.a, tt.b)
			flagged := false
			for _, b := range c.Beads {
				for _, ch := range b.Changes {
					flagged = flagged || slices.Contains(ch.Flags, FlagNumber)
				}
			}
			if flagged != tt.flagged {
				t.Errorf("Compare(%q, %q) = %s: number flag %v, want %v", tt.a, tt.b, describe(c), flagged, tt.flagged)
			}
		})
	}
}

func TestMoves(t *testing.T) {
	tests := []struct {
		name, a, b string
		moves      int
		want       string
	}{
		{"sentence moved down", "The talks began. A band played the anthems. The press was told.",
			"The talks began. The press was told. A band played the anthems.", 1, ""},
		{"words moved inside a sentence", "At the Kremlin in Moscow the two leaders met on Thursday.",
			"The two leaders met on Thursday at the Kremlin in Moscow.", 1, ""},
		{"short run is no move", "They met in Moscow and talked.", "They talked and met in Moscow.", 0, ""},
		// "two leaders agreed" leaves A where B has a semicolon: that
		// change, a shift, is no half of a move, in either direction.
		{"words replaced by punctuation are no move", "The two leaders agreed to deepen practical cooperation this year.",
			"The ; to deepen practical cooperation this year, two leaders agreed.", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := compareText(tt.a, tt.b)
			if got := c.Summary.Count(Move); got != tt.moves {
				t.Errorf("Compare(%q, %q): %d moves, want %d: %s", tt.a, tt.b, got, tt.moves, describe(c))
			}
			if tt.want != "" && describe(c) != tt.want {
				t.Errorf("Compare(%q, %q)\n got %s\nwant %s", tt.a, tt.b, describe(c), tt.want)
			}
			checkRebuild(t, c)
			checkSwap(t, tt.a, tt.b)
		})
	}
}

func TestGlossary(t *testing.T) {
	terms, err := ReadGlossary(strings.NewReader("# term\tapproved\trejected\nWorld Anti-Fascist War\tWorld Anti-Fascist War\tUnited States War\nSt. George's Hall\tSt. George's Hall\n"))
	if err != nil {
		t.Fatal(err)
	}
	a := "They marked the victory in the World Anti-Fascist War. The ceremony was in St. George's Hall."
	b := "They marked the victory in the United States War. The ceremony was in St. George’s Hall."
	c := Compare(Document{Text: a}, Document{Text: b}, Options{Glossary: terms})
	if c.Summary.Glossary != 1 {
		t.Fatalf("%d glossary departures, want 1", c.Summary.Glossary)
	}
	miss := c.Beads[0].Glossary[0]
	if miss.Found != "United States War" || a[miss.AStart:miss.AEnd] != "World Anti-Fascist War" {
		t.Errorf("miss %+v", miss)
	}
	ch := c.Beads[0].Changes[0]
	if ch.Severity != SeverityCritical || !strings.Contains(fmt.Sprint(ch.Flags), "glossary") {
		t.Errorf("change %s %v %s, want a critical glossary change", ch.Kind, ch.Flags, ch.Severity)
	}
	if _, err := ReadGlossary(strings.NewReader("only a term\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("ReadGlossary of a line without a tab: %v, want an error naming line 1", err)
	}
}

func TestCrossLanguage(t *testing.T) {
	tests := []struct {
		name, a, b string
		flags      string // of the one change, or "" for none
	}{
		{"same numbers and names", "两国元首签署了20多份合作文件。", "Главы государств подписали более 20 документов.", ""},
		{"number differs", "两国元首签署了20多份合作文件。", "Главы государств подписали более 30 документов.", "number"},
		{"one number in other units", "基金收到300万美元。", "Фонд получил 3 млн долларов.", ""},
		{"a number off by a scale", "基金收到300万美元。", "Фонд получил 300 млн долларов.", "number"},
		{"Latin acronym missing", "双方在上海合作组织和BRICS框架内加强协调。", "Стороны усилят координацию в рамках ШОС.", "name"},
		{"a date keeps its numbers, not its month name", "2025年5月8日，莫斯科", "Москва, 8 мая 2025 года", ""},
		{"a changed date", "2025年5月8日，莫斯科", "Москва, 9 мая 2025 года", "number"},
		{"Cyrillic names are not compared with Chinese", "普京总统欢迎习近平主席。", "Президент Путин приветствовал Председателя Си Цзиньпина.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Names count when both documents have them: here, when
			// either side of the bead has them.
			sa, sb := newSide(tt.a, span{0, len(tt.a)}), newSide(tt.b, span{0, len(tt.b)})
			shared := map[string]bool{}
			for _, s := range []*side{sa, sb} {
				for _, k := range s.factsOf(0, len(s.toks)).names {
					shared[k] = true
				}
			}
			chs := crossChanges(sa, sb, shared)
			var got string
			if len(chs) > 1 {
				t.Fatalf("%d changes, want at most one", len(chs))
			}
			if len(chs) == 1 {
				if chs[0].Kind != Shift || chs[0].A != tt.a || chs[0].B != tt.b {
					t.Errorf("change %+v, want a shift of the whole bead", chs[0])
				}
				got = fmt.Sprint(chs[0].Flags)
				got = strings.Trim(got, "[]")
			}
			if got != tt.flags {
				t.Errorf("flags %q, want %q", got, tt.flags)
			}
		})
	}
}

// TestCrossLanguageNames checks that across languages a Latin-script name
// counts only when both documents write it: the English names that the
// Chinese renders in characters (China, UN) are no change, while BRICS,
// which the Chinese writes in Latin too, is one where a bead loses it.
func TestCrossLanguageNames(t *testing.T) {
	zh := "中方支持BRICS扩员。\n双方在联合国框架内加强协调。\n"
	for _, tt := range []struct {
		en   string
		want []string // the flags of each bead's change, "" for none
	}{
		{"China supports the enlargement of BRICS.\nThe two sides will strengthen coordination within the UN.\n", []string{"", ""}},
		{"China supports the enlargement of the group.\nThe two sides, with BRICS, will strengthen coordination within the UN.\n", []string{"name", "name"}},
	} {
		c := Compare(Document{Text: zh}, Document{Text: tt.en}, Options{LangA: language.Chinese, LangB: language.English})
		if len(c.Beads) != len(tt.want) {
			t.Fatalf("%q: %d beads, want %d", tt.en, len(c.Beads), len(tt.want))
		}
		for k, b := range c.Beads {
			var got string
			for _, ch := range b.Changes {
				got = strings.Trim(fmt.Sprint(ch.Flags), "[]")
			}
			if got != tt.want[k] {
				t.Errorf("%q: bead %d flags %q, want %q", tt.en, k, got, tt.want[k])
			}
		}
	}
}

func TestRanked(t *testing.T) {
	c := compareText("They met in the hall. Trade grew by 20 percent. The ceremony was in St. George's Hall.",
		"They met in a hall. Trade grew by 30 percent. The ceremony was in the Georgievsky room.")
	var got []Severity
	for _, r := range c.Ranked() {
		got = append(got, c.Beads[r.Bead].Changes[r.Change].Severity)
	}
	want := []Severity{SeverityCritical, SeverityMajor, SeverityMinor}
	if !slices.Equal(got, want) {
		t.Errorf("Ranked severities %v, want %v", got, want)
	}
}
