package align

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// maxDetect bounds how much of a text DetectLanguage reads.
const maxDetect = 64 << 10

// DetectLanguage returns the language text is written in, judged from its
// first 64 KiB: first by script, the one with the most letters (a Chinese,
// Japanese or Korean character counts as two letters, about a word):
//
//   - Han and kana: Japanese when kana are at least 5% of them, else Chinese;
//     Hangul: Korean.
//   - Cyrillic: Russian, or Ukrainian when і ї є ґ are frequent.
//   - Arabic script: Arabic, or Urdu or Persian by the letters only they use.
//   - Greek, Hebrew, Devanagari, Thai: Greek, Hebrew, Hindi, Thai.
//   - Latin: by the most frequent short words of English, French,
//     Spanish, German, Italian, Portuguese and Dutch, and the letters only
//     some of them use (ñ ¿ ¡, ß, ç œ); English when nothing decides.
//
// It returns [language.Und] for text with no letters.
func DetectLanguage(text string) language.Tag { return Detect(text).Lang }

// Detection is what [Detect] found in a text: its language, the script
// most of its letters are in, and whether there was evidence enough to
// tell the language from another.
type Detection struct {
	Lang language.Tag
	// Script is the main script of the letters ("Latin", "Han",
	// "Cyrillic", ...; Han with kana for Japanese), or "" for text with
	// no letters.
	Script string
	// ScriptShare is the share of the letters that are in Script, from 0
	// to 1 (a CJK character counts as two letters).
	ScriptShare float64
	// Letters counts the letters read, a CJK character as two.
	Letters int
	// Confident says that the text is long enough and the evidence clear
	// enough for the language to be told from others of its script: at
	// least minConfidentLetters letters, and for Latin-script text at
	// least minConfidentWords common words of the language, twice as
	// many as of the next language. A short text is never confident.
	Confident bool
}

// Thresholds of a confident detection. A sentence of ten words has about
// fifty letters and three or four common words: too little to tell
// English from French ("Total: 5 plus 3 equals 8." reads as French).
const (
	minConfidentLetters = 100
	minConfidentWords   = 12
)

// Detect returns the language text is written in, as [DetectLanguage]
// does, with the evidence for it.
func Detect(text string) Detection {
	var d detector
	d.count(prefix(text, maxDetect))
	return d.decide()
}

// prefix returns the longest prefix of text of at most n bytes that ends
// at a character boundary.
func prefix(text string, n int) string {
	if len(text) <= n {
		return text
	}
	for n > 0 && !utf8.RuneStart(text[n]) {
		n--
	}
	return text[:n]
}

// Scripts the detector counts.
const (
	detLatin = iota
	detHan
	detKana
	detHangul
	detCyrillic
	detArabic
	detGreek
	detHebrew
	detDevanagari
	detThai
	numDetScripts
)

// Latin-script languages the detector scores.
const (
	latEN = iota
	latFR
	latES
	latDE
	latIT
	latPT
	latNL
	numLatin
)

var latinTags = [numLatin]language.Tag{
	language.English, language.French, language.Spanish, language.German,
	language.Italian, language.Portuguese, language.Dutch,
}

type detector struct {
	letters    [numDetScripts]int
	latin      [numLatin]int
	ukrainian  int // і ї є ґ
	urdu       int // ے ٹ ڈ ڑ ں ھ
	persian    int // پ چ ژ گ ک ی
	arabicOnly int // ة ي ك ى
}

func (d *detector) count(text string) {
	var word [16]byte
	wn := 0 // bytes in word; -1 while in a word too long to score
	for i := 0; i <= len(text); {
		var r rune
		n := 1
		if i == len(text) {
			r = ' '
		} else if c := text[i]; c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if wn == 0 && (r == 'h' || r == 'w') && isURLStart(text[i:]) || r == '@' {
			// A URL or the domain of an e-mail address: not words.
			for i < len(text) && text[i] > ' ' {
				i++
			}
			wn = 0
			continue
		}
		i += n
		if r < 0x250 && unicode.IsLetter(r) {
			d.letters[detLatin]++
			if wn >= 0 {
				if lr := unicode.ToLower(r); wn+utf8.RuneLen(lr) <= len(word) {
					wn += utf8.EncodeRune(word[wn:], lr)
				} else {
					wn = -1
				}
			}
			d.latinLetter(r)
			continue
		}
		if r == '\'' || r == '’' {
			// "l'Union", "don't": the part before is a word of its own.
			d.latinWord(word[:max(wn, 0)])
			wn = 0
			continue
		}
		d.latinWord(word[:max(wn, 0)])
		wn = 0
		d.other(r)
	}
}

func isURLStart(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

func (d *detector) latinLetter(r rune) {
	switch r {
	case 'ñ', 'Ñ':
		d.latin[latES] += 3
	case 'ß', 'ä', 'ö', 'Ä', 'Ö':
		d.latin[latDE] += 2
	case 'ü', 'Ü':
		d.latin[latDE]++
	case 'ç', 'œ', 'è', 'ê', 'à', 'â', 'î', 'ô', 'û', 'ë', 'ï', 'ù':
		d.latin[latFR]++
	case 'ã', 'õ':
		d.latin[latPT] += 2
	case 'á', 'í', 'ó', 'ú':
		d.latin[latES]++
		d.latin[latPT]++
	}
}

func (d *detector) latinWord(w []byte) {
	if len(w) == 0 {
		return
	}
	if bytes.Contains(w, []byte("sch")) {
		d.latin[latDE]++ // "Schwerpunkte", "wuchsen"
	}
	if m, ok := commonWords[string(w)]; ok {
		for l := range numLatin {
			if m&(1<<l) != 0 {
				d.latin[l] += 2
			}
		}
	}
}

func (d *detector) other(r rune) {
	switch {
	case r < 0x370:
		if r == '¿' || r == '¡' {
			d.latin[latES] += 3
		}
	case r <= 0x3ff:
		d.letters[detGreek]++
	case r <= 0x52f:
		if unicode.IsLetter(r) {
			d.letters[detCyrillic]++
			switch r {
			case 'і', 'ї', 'є', 'ґ', 'І', 'Ї', 'Є', 'Ґ':
				d.ukrainian++
			}
		}
	case r >= 0x590 && r <= 0x5ff:
		d.letters[detHebrew]++
	case isArabicScript(r):
		if unicode.IsLetter(r) {
			d.letters[detArabic]++
			switch r {
			case 'ے', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ':
				d.urdu++
			case 'پ', 'چ', 'ژ', 'گ', 'ک', 'ی':
				d.persian++
			case 'ة', 'ي', 'ك', 'ى':
				d.arabicOnly++
			}
		}
	case r >= 0x900 && r <= 0x97f:
		d.letters[detDevanagari]++
	case r >= 0xe00 && r <= 0xe7f:
		d.letters[detThai]++
	case isKana(r) || r >= 0xff66 && r <= 0xff9f:
		d.letters[detKana] += 2
	case r >= 0xac00 && r <= 0xd7af:
		d.letters[detHangul] += 2
	case isCJK(r):
		d.letters[detHan] += 2
	}
}

var detScriptNames = [numDetScripts]string{"Latin", "Han", "kana", "Hangul", "Cyrillic", "Arabic", "Greek", "Hebrew", "Devanagari", "Thai"}

func (d *detector) decide() Detection {
	best, most, all := 0, 0, 0
	for s, n := range d.letters {
		all += n
		if s == detKana {
			continue // counted with Han
		}
		if s == detHan {
			n += d.letters[detKana]
		}
		if n > most {
			best, most = s, n
		}
	}
	if most == 0 {
		return Detection{Lang: language.Und}
	}
	det := Detection{Script: detScriptNames[best], ScriptShare: float64(most) / float64(all), Letters: all}
	det.Confident = all >= minConfidentLetters && 3*most >= 2*all
	if best != detLatin {
		det.Lang = d.nonLatin(best)
		return det
	}
	l, score, second := latEN, 0, 0
	for i, s := range d.latin {
		switch {
		case s > score:
			l, score, second = i, s, score
		case s > second:
			second = s
		}
	}
	det.Lang = latinTags[l]
	// A common word scores 2 (see latinWord), a telling letter 1 to 3.
	det.Confident = det.Confident && score >= 2*minConfidentWords && score >= 2*second
	return det
}

// nonLatin returns the language of text whose main script is s.
func (d *detector) nonLatin(s int) language.Tag {
	switch s {
	case detHan:
		if kana := d.letters[detKana]; kana*20 >= kana+d.letters[detHan] {
			return language.Japanese
		}
		return language.Chinese
	case detHangul:
		return language.Korean
	case detCyrillic:
		if d.ukrainian*50 >= d.letters[detCyrillic] {
			return language.Ukrainian
		}
		return language.Russian
	case detArabic:
		switch {
		case d.urdu*100 >= d.letters[detArabic]:
			return language.Urdu
		case d.persian > d.arabicOnly:
			return language.Persian
		}
		return language.Arabic
	case detGreek:
		return language.Greek
	case detHebrew:
		return language.Hebrew
	case detDevanagari:
		return language.Hindi
	}
	return language.Thai
}

// commonWords are frequent short words of the Latin-script languages,
// each with the set of languages it is frequent in.
var commonWords = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(l int, words string) {
		for w := range set(words) {
			m[w] |= 1 << l
		}
	}
	add(latEN, `the and of to in is that for with on was by as are it he his this be at from
		have has had not which were an or they their will would said its been but who also
		more than after other into about over new we she her there these two when`)
	add(latFR, `le la les des du et est une un que qui dans pour pas sur au aux avec ce cette
		il elle sont ont été par plus ne se son sa ses leur nous vous mais ou comme deux
		aussi entre lors après selon était à où très être fait sous notre`)
	add(latES, `el la los las del y que en un una por con para es se al lo su sus no como más
		pero fue ha han este esta entre sobre también muy sin ya hay desde están dijo`)
	add(latDE, `der die das und den dem des ist nicht ein eine mit von zu auf für sich im
		auch es an als wird werden wurde sind hat haben nach bei aus oder aber wie noch
		über dass sie er wir einen einem zum zur unter weitere diese dieser`)
	add(latIT, `il di che è per non della dei delle gli le un una con sono del al nel alla
		anche più ha si da ma come questo questa degli`)
	add(latPT, `o os as de do da dos das em no na um uma que para com não por mais se é ao
		à foi são também pelo pela seu sua`)
	add(latNL, `de het een en van in is dat op te zijn met voor niet die er aan ook als bij
		door wordt hij zij naar worden werd`)
	return m
}()
