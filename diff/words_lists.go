package diff

import "fmt"

// negations are the keys (see textkey.Key) of words that negate, in the
// languages paradiff is built for. A change that adds or removes one of
// them may reverse a statement's meaning.
var negations = setOf(
	// English
	"not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere", "cannot", "t", "without",
	// Russian
	"не", "нет", "ни", "никогда", "никто", "ничто", "ничего", "нельзя", "без",
	// Chinese and Japanese
	// (one character a token: 莫 is also the first of 莫斯科, Moscow, so the
	// list keeps the characters that negate in most of their uses)
	"不", "没", "未", "无", "勿", "否", "ない", "ません",
	// French
	"ne", "pas", "jamais", "aucun", "aucune", "non", "sans", "rien", "personne",
	// German
	"nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "nichts", "ohne",
	// Spanish
	"nunca", "jamás", "ningún", "ninguna", "ninguno", "nada", "nadie", "sin",
	// Arabic
	"لا", "لم", "لن", "ليس", "ليست", "غير", "بدون",
)

// functionWords are the keys of words that carry grammar rather than
// content; a change made only of them is minor.
var functionWords = setOf(
	// English
	"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "as",
	"and", "or", "but", "that", "which", "who", "whom", "whose", "this", "these", "those", "it", "its",
	"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
	"will", "would", "shall", "should", "can", "could", "may", "might", "must", "also", "both",
	"their", "them", "they", "he", "she", "his", "her", "we", "our", "us", "i", "you", "your", "s",
	"there", "here", "then", "than", "so", "such", "very", "more", "most", "all", "any", "each",
	"about", "over", "under", "between", "among", "through", "during", "within", "upon", "while",
	// Russian
	"и", "в", "во", "на", "с", "со", "по", "к", "ко", "о", "об", "от", "до", "из", "за", "для", "а",
	"но", "что", "как", "это", "этот", "эта", "эти", "его", "ее", "её", "их", "же", "бы", "ли", "также",
	// French
	"le", "la", "les", "un", "une", "des", "de", "du", "au", "aux", "et", "ou", "en", "dans", "sur",
	"par", "pour", "avec", "que", "qui", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "est",
	// German
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines", "und", "oder",
	"im", "zu", "zur", "zum", "mit", "von", "vom", "auf", "für", "bei", "ist", "sind", "wird", "werden",
	// Spanish
	"el", "los", "las", "una", "unos", "unas", "del", "al", "y", "o", "con", "por", "para", "es", "se", "su", "sus",
	// Chinese
	"的", "了", "和", "与", "及", "在", "是", "等", "对", "将", "把", "被", "也", "都", "之", "其",
)

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// months maps the names of months (keys, any case form) in the languages
// paradiff is built for to their numbers, so that "8 мая" and "5月8日"
// hold the same numbers when A and B are in different languages.
var months = func() map[string]string {
	names := [][]string{
		{"january", "jan", "janvier", "januar", "enero", "января", "январь", "январе"},
		{"february", "feb", "février", "februar", "febrero", "февраля", "февраль", "феврале"},
		{"march", "mar", "mars", "märz", "marzo", "марта", "март", "марте"},
		{"april", "apr", "avril", "abril", "апреля", "апрель", "апреле"},
		{"may", "mai", "mayo", "мая", "май", "мае"},
		{"june", "jun", "juin", "juni", "junio", "июня", "июнь", "июне"},
		{"july", "jul", "juillet", "juli", "julio", "июля", "июль", "июле"},
		{"august", "aug", "août", "agosto", "августа", "август", "августе"},
		{"september", "sep", "sept", "septembre", "septiembre", "сентября", "сентябрь", "сентябре"},
		{"october", "oct", "octobre", "oktober", "octubre", "октября", "октябрь", "октябре"},
		{"november", "nov", "novembre", "noviembre", "ноября", "ноябрь", "ноябре"},
		{"december", "dec", "décembre", "dezember", "diciembre", "декабря", "декабрь", "декабре"},
	}
	m := map[string]string{}
	for i, list := range names {
		for _, name := range list {
			m[name] = fmt.Sprint(i + 1)
		}
	}
	return m
}()

// wordInfo is what the lists above say of one key.
type wordInfo struct {
	month    string // the number of the month it names, or ""
	count    int    // the number an English number word counts (see numberWords), or 0
	negation bool
	function bool
}

// wordInfos holds the lists in one map, so that a token takes one look-up.
var wordInfos = func() map[string]wordInfo {
	m := map[string]wordInfo{}
	for k, n := range months {
		m[k] = wordInfo{month: n}
	}
	for k, n := range numberWords {
		w := m[k]
		w.count = n
		m[k] = w
	}
	for k := range negations {
		w := m[k]
		w.negation = true
		m[k] = w
	}
	for k := range functionWords {
		w := m[k]
		w.function = true
		m[k] = w
	}
	return m
}()
