package align

import "strings"

// abbrevKind says how a word written with a full stop behaves when the
// full stop is followed by white space and a word that does not start
// with a lower-case letter: does the sentence end there?
type abbrevKind uint8

const (
	notAbbrev abbrevKind = iota
	// never ends a sentence: titles before a name ("Mr.", "Dr.", "Gen."),
	// and abbreviations that always lead into more ("e.g.", "z. B.", "т. е.").
	never
	// ends a sentence unless a number follows: "No. 5", "Jan. 8", "p. 12",
	// "Art. IV". "Was it signed? No. The talks ..." ends.
	beforeNumber
	// ends a sentence only before a word that commonly starts one ("U.S.",
	// "Inc.", "a.m."): "in the U.S. The talks" ends, "the U.S. Congress"
	// does not.
	ambiguous
	// usually ends what it is in ("etc.", "и т. д.", "usw."): the sentence
	// ends unless a lower-case word follows.
	final
	// a street after its name ("Brookline St.") ends like final; before a
	// name ("St. Petersburg") it is a title.
	street
	// Russian "г." and "в.": after a number it is a year or a century and
	// ends the sentence unless the sentence so far is only a date ("В 1945 г.
	// Советский Союз ..."); otherwise it is "город" before a name.
	yearOrCity
	// after a number an era or a unit that ends like final (Arabic "م.",
	// "هـ."); otherwise a title.
	afterNumber
)

// A langTable holds one language's words for the splitter. Keys are lower
// case with the inner full stops of the written form and no spaces: "u.s",
// "z.b", "т.е", "c.-à-d". A key with a space holds the word before the
// abbreviation too: "и пр" (и прочее) is final where "пр" (проспект) is a title.
type langTable struct {
	abbrevs map[string]abbrevKind
	// prefixes are the keys' proper prefixes at a full stop ("z" of "z.b"):
	// the full stop after "z" in "z. B." is inside the abbreviation.
	prefixes map[string]bool
	// starters commonly open a sentence; after an ambiguous abbreviation
	// or an initial they are the evidence that the sentence ended.
	starters map[string]bool
	// months follow an ordinal's full stop in a date ("8. Mai").
	months map[string]bool
	// ordinalDot: a number with a full stop is an ordinal ("der 2.
	// Weltkrieg") unless what follows starts a sentence (German).
	ordinalDot bool
	// ordinalBefore are words that put an ordinal after them ("am 8.",
	// "zum 80."); cardinalBefore words that put a cardinal ("auf 25.").
	ordinalBefore, cardinalBefore map[string]bool
	// pronounI: the single letter "I" is a pronoun (English).
	pronounI bool
}

func newTable(abbrevs map[string]abbrevKind, starters string) *langTable {
	t := &langTable{abbrevs: abbrevs, prefixes: map[string]bool{}, starters: set(starters)}
	for k := range abbrevs {
		k = k[strings.LastIndexByte(k, ' ')+1:]
		for i := 0; i < len(k); i++ {
			if k[i] == '.' {
				t.prefixes[k[:i]] = true
			}
		}
	}
	return t
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

var englishTable = func() *langTable {
	t := newTable(map[string]abbrevKind{
		"mr": never, "mrs": never, "ms": never, "mx": never, "messrs": never, "mmes": never,
		"dr": never, "drs": never, "prof": never, "gen": never, "col": never, "lt": never,
		"maj": never, "sgt": never, "cpl": never, "pvt": never, "capt": never, "cmdr": never,
		"cdr": never, "adm": never, "brig": never, "gov": never, "sen": never, "rep": never,
		"reps": never, "rev": never, "hon": never, "amb": never, "pres": never, "supt": never,
		"insp": never, "det": never, "mt": never, "ft": never, "fr": never, "mme": never,
		"mlle": never, "e.g": never, "i.e": never, "cf": never, "vs": never, "viz": never,
		"p.s": never, "p.p.s": never,
		"yu": never, "ya": never, "zh": never, "kh": never, "ts": never, "yo": never,
		"no": beforeNumber, "nos": beforeNumber, "nr": beforeNumber, "art": beforeNumber,
		"arts": beforeNumber, "vol": beforeNumber, "vols": beforeNumber, "p": beforeNumber,
		"pp": beforeNumber, "fig": beforeNumber, "figs": beforeNumber, "ch": beforeNumber,
		"chap": beforeNumber, "para": beforeNumber, "paras": beforeNumber, "op": beforeNumber,
		"approx": beforeNumber, "ca": beforeNumber, "jan": beforeNumber, "feb": beforeNumber,
		"mar": beforeNumber, "apr": beforeNumber, "jun": beforeNumber, "jul": beforeNumber,
		"aug": beforeNumber, "sep": beforeNumber, "sept": beforeNumber, "oct": beforeNumber,
		"nov": beforeNumber, "dec": beforeNumber, "tel": beforeNumber, "n°": beforeNumber, "nº": beforeNumber,
		"u.s": ambiguous, "u.n": ambiguous, "u.k": ambiguous, "e.u": ambiguous,
		"u.s.a": ambiguous, "u.s.s.r": ambiguous, "d.c": ambiguous, "a.m": ambiguous,
		"p.m": ambiguous, "inc": ambiguous, "ltd": ambiguous, "co": ambiguous, "corp": ambiguous,
		"llc": ambiguous, "plc": ambiguous, "jr": ambiguous, "sr": ambiguous, "dept": ambiguous,
		"univ": ambiguous, "assn": ambiguous, "bros": ambiguous, "govt": ambiguous,
		"intl": ambiguous, "est": ambiguous, "ph.d": ambiguous, "m.a": ambiguous, "b.a": ambiguous,
		"m.d": ambiguous, "sec": ambiguous, "al": ambiguous, "ed": ambiguous, "eds": ambiguous,
		"etc": final, "et al": final,
		"st": street, "ave": street, "blvd": street, "rd": street,
	}, `the a an this that these those it its he she we they i you there here in on at
		but and or so if when while after before as his her their our my your however
		meanwhile both yet for with what who whom whose why how where which all some many
		most no not one each every such then thus also other others another nor neither
		either although though because since during under over from by to of about
		according despite following later earlier today yesterday tomorrow now still
		further furthermore moreover nevertheless instead indeed again did do does is are
		was were can could should shall might must have has had let please among between
		more few several any only even just first second third finally last next once
		until unless whether whereas hence therefore accordingly consequently otherwise
		similarly likewise overall asked speaking`)
	t.pronounI = true
	return t
}()

var frenchTable = newTable(map[string]abbrevKind{
	"m": never, "mm": never, "mme": never, "mmes": never, "mlle": never, "mlles": never,
	"dr": never, "pr": never, "me": never, "mgr": never, "st": never, "ste": never,
	"p.ex": never, "c.-à-d": never, "c-à-d": never, "cf": never, "env": never, "ex": never,
	"vs": never, "s.e": never, "s.m": never, "av": never, "apr": never, "boul": never,
	"bd": never, "ibid": never, "gén": never, "col": never, "lt": never, "cdt": never,
	"art": beforeNumber, "p": beforeNumber, "pp": beforeNumber, "n": beforeNumber,
	"no": beforeNumber, "nos": beforeNumber, "vol": beforeNumber, "chap": beforeNumber,
	"fig": beforeNumber, "t": beforeNumber, "janv": beforeNumber, "févr": beforeNumber,
	"avr": beforeNumber, "juil": beforeNumber, "sept": beforeNumber, "oct": beforeNumber,
	"nov": beforeNumber, "déc": beforeNumber, "n°": beforeNumber, "nº": beforeNumber,
	"etc": final, "j.-c": final, "av.j.-c": final, "apr.j.-c": final,
	"o.n.u": ambiguous, "u.e": ambiguous, "é.-u": ambiguous, "s.a": ambiguous,
	"cie": ambiguous, "éd": ambiguous, "hab": ambiguous, "min": ambiguous, "max": ambiguous,
}, `le la les l un une des du de d il elle ils elles on nous vous je j ce cet cette ces
	c cela ça en dans au aux à pour par sur sous avec sans selon après avant depuis
	pendant lors mais et ou donc or ni car si quand lorsque comme puis ensuite enfin
	alors ainsi aussi cependant toutefois néanmoins pourtant dès son sa ses leur leurs
	notre nos votre vos mon ma mes tout tous toutes chaque plusieurs certains aucun
	aucune rien personne y qui que qu quel quelle quels quelles pourquoi comment où
	combien voici voilà désormais aujourd hier demain`)

var spanishTable = newTable(map[string]abbrevKind{
	"sr": never, "sra": never, "srta": never, "sres": never, "sras": never, "dr": never,
	"dra": never, "dres": never, "lic": never, "ing": never, "arq": never, "prof": never,
	"profa": never, "excmo": never, "excma": never, "ilmo": never, "ilma": never,
	"gral": never, "cnel": never, "tte": never, "cap": never, "sto": never, "sta": never,
	"pdte": never, "pte": never, "vd": never, "vds": never, "ud": never, "uds": never,
	"av": never, "avda": never, "p.ej": never, "dña": never, "mons": never, "cf": never,
	"vs": never, "aprox": never, "sgto": never,
	"núm": beforeNumber, "pág": beforeNumber, "págs": beforeNumber, "art": beforeNumber,
	"vol": beforeNumber, "ene": beforeNumber, "feb": beforeNumber, "abr": beforeNumber,
	"jun": beforeNumber, "jul": beforeNumber, "ago": beforeNumber, "sept": beforeNumber,
	"sep": beforeNumber, "oct": beforeNumber, "nov": beforeNumber, "dic": beforeNumber,
	"tel": beforeNumber, "fig": beforeNumber, "n.º": beforeNumber, "n°": beforeNumber,
	"no": beforeNumber, "nro": beforeNumber, "nº": beforeNumber,
	"etc": final, "ee.uu": final, "a.c": final, "d.c": final,
	"s.a": ambiguous, "s.l": ambiguous, "cía": ambiguous, "ff.aa": ambiguous,
	"rr.hh": ambiguous, "cc.oo": ambiguous,
}, `el la los las lo un una unos unas en de del al por para con sin según tras ante
	desde durante hasta sobre entre y e o u pero sino aunque porque pues si cuando
	mientras como donde este esta estos estas ese esa esos esas aquel aquella su sus
	mi mis nuestro nuestra él ella ellos ellas nosotros yo usted se le les no sí ya así
	además también tampoco hoy ayer mañana luego después antes entonces finalmente
	asimismo igualmente cada todo todos toda todas otro otra otros otras ningún
	ninguna nadie nada qué quién cómo dónde cuándo hay es son fue era está están ha han`)

var germanTable = func() *langTable {
	t := newTable(map[string]abbrevKind{
		"dr": never, "prof": never, "hr": never, "hrn": never, "fr": never, "z.b": never,
		"d.h": never, "bzw": never, "ca": never, "vgl": never, "ggf": never, "evtl": never,
		"inkl": never, "zzgl": never, "sog": never, "o.ä": never, "u.ä": never, "s.o": never,
		"s.u": never, "i.d.r": never, "z.t": never, "z.zt": never, "a.d": never, "dipl": never,
		"ing": never, "st": never, "abg": never, "geb": never, "gest": never, "verh": never,
		"bspw": never, "o.g": never, "u.u": never, "i.a": never, "v.a": never, "z.hd": never,
		"nr": beforeNumber, "abs": beforeNumber, "art": beforeNumber,
		"bd": beforeNumber, "kap": beforeNumber, "ziff": beforeNumber, "jan": beforeNumber,
		"feb": beforeNumber, "mär": beforeNumber, "apr": beforeNumber, "jun": beforeNumber,
		"jul": beforeNumber, "aug": beforeNumber, "sep": beforeNumber, "sept": beforeNumber,
		"okt": beforeNumber, "nov": beforeNumber, "dez": beforeNumber, "tel": beforeNumber, "no": beforeNumber,
		"mio": ambiguous, "mrd": ambiguous, "tsd": ambiguous, "jh": ambiguous, "jhd": ambiguous,
		"v.chr": ambiguous, "n.chr": ambiguous, "u.a": ambiguous, "std": ambiguous,
		"min": ambiguous, "e.v": ambiguous, "co": ambiguous, "inc": ambiguous, "ltd": ambiguous,
		"usw": final, "etc": final, "usf": final, "u.v.m": final,
	}, `der die das den dem des ein eine einen einem einer eines er sie es wir ich ihr man
		in im am an auf aus bei beim mit nach von vom vor zu zum zur für über unter um
		durch gegen ohne seit bis während wegen trotz laut und oder aber doch denn
		sondern sowie auch dies diese dieser dieses diesem diesen damit dabei dazu danach
		davor dafür dagegen daher darum deshalb deswegen dennoch trotzdem jedoch
		allerdings zudem außerdem ferner schließlich zunächst dann so wie was wer wo wann
		warum weshalb ob wenn als weil da dass nun heute gestern morgen hier dort jetzt
		noch schon nur alle beide viele einige mehrere kein keine nicht sein seine ihre
		unser unsere mehr zwar insgesamt demnach anschließend bereits andere`)
	t.ordinalDot = true
	t.months = set(`januar februar märz april mai juni juli august september oktober
		november dezember jan feb mär apr jun jul aug sep sept okt nov dez`)
	t.ordinalBefore = set(`am im zum zur vom beim ins der die das den dem des ein eine
		einen einem einer seit vor nach ab jeden jeder jedes sein seinem seinen ihr ihrem
		ihren unser unserem`)
	t.cardinalBefore = set(`auf um bis über von rund etwa insgesamt nur mehr fast knapp
		ca circa gegen unter als mit`)
	return t
}()

var russianTable = newTable(map[string]abbrevKind{
	"т.е": never, "т.к": never, "т.н": never, "т.ч": never, "т.о": never, "и.о": never,
	"им": never, "ул": never, "пер": never, "просп": never, "пр": never, "наб": never,
	"пл": never, "пос": never, "дер": never, "обл": never, "проф": never, "акад": never,
	"доц": never, "ген": never, "адм": never, "полк": never, "подп": never, "лейт": never,
	"св": never, "тов": never, "дж": never, "см": never, "ср": never, "напр": never,
	"англ": never, "лат": never, "нем": never, "фр": never, "франц": never, "кит": never,
	"рус": never, "укр": never, "араб": never, "исп": never, "итал": never, "яп": never,
	"ок": never, "прибл": never, "зам": never, "пом": never, "ред": never, "изд": never,
	"сост": never, "гос": never, "г-н": never, "г-жа": never, "м-р": never,
	"ст": beforeNumber, "пп": beforeNumber,
	"стр": beforeNumber, "рис": beforeNumber, "табл": beforeNumber, "гл": beforeNumber,
	"разд": beforeNumber, "абз": beforeNumber, "кв": beforeNumber,
	"корп": beforeNumber, "тел": beforeNumber,
	"т.д": final, "т.п": final, "др": final, "и пр": final, "н.э": final, "тыс": final,
	"руб": final, "коп": final, "долл": final, "млн": final, "млрд": final, "трлн": final,
	"чел": final, "экз": final, "шт": final, "мин": final, "сек": final, "кв.м": final,
	"куб.м": final, "кв.км": final,
	"г": yearOrCity, "гг": yearOrCity, "в": yearOrCity, "вв": yearOrCity,
}, `в во на по с со к ко о об от из за до при для без после перед через между у он она
	оно они мы я вы ты это эти этот эта тот та те то так также как но а и однако кроме
	тогда затем потом поэтому если когда что где кто почему зачем там здесь его ее её
	их нам им ему ей не ни уже еще ещё все всё вместе сегодня вчера завтра сейчас
	теперь ранее позже впрочем кстати причем притом итак наконец ведь даже лишь только
	вот да нет обе оба каждый многие некоторые один одна свой своя наш наша чтобы хотя
	пока`)

var arabicTable = newTable(map[string]abbrevKind{
	"د": never, "أ": never, "ج": never, "ص": never, "ق": never,
	"م": afterNumber, "هـ": afterNumber, "ه": afterNumber, "ق.م": afterNumber,
	"إلخ": final, "الخ": final,
}, `ثم كما لكن لقد إن هذا هذه ذلك تلك وقد فقد بينما حيث أما وفي ومن`)

// internationalTitles are English titles and abbreviations that texts in
// other languages quote: "Mrs. Dunsheath" in a German text.
var internationalTitles = set(`mr mrs ms messrs prof e.g i.e p.s`)
