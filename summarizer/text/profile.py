"""The one place language facts live: :func:`profile` returns a :class:`LanguageProfile`.

Sentences, summaries, alignment, sacrebleu settings and phrasebook matching all ask the profile
instead of keeping their own lists. Facts that a well-kept source provides come from it (the
sacrebleu tokenizer is chosen as sacrebleu's command line chooses it); the rest is data here, one
table per fact, keyed by ISO 639-1 code.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar. Their
# characters are tokens of their own when aligning, count half a word, and end no abbreviation.
UNSPACED_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f"
UNSPACED = re.compile(f"[{UNSPACED_CHARS}]")
_UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my"})
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})  # TER's asian_support (sacrebleu's name)

# Names used when prompting instruction-tuned models to write in the article's language.
_NAMES = {
    "en": "English", "vi": "Vietnamese", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech",
    "tr": "Turkish", "ar": "Arabic", "hi": "Hindi", "th": "Thai", "id": "Indonesian",
}

# Function words: never flagged on their own, never fuzzy-matched. English only so far; a language
# without a list treats every word as content.
_STOPWORDS = {
    "en": frozenset(
        "a an the of to in on at by for with from and or but as is are was were be been being it its this that these "
        "those he she they we you i me him her them us his their our your my has have had do does did will would can "
        "could may might shall should must not no so if then than which who whom whose what when where there here "
        "very just also only all any some such into onto about over up out".split()),
}

# Words that negate a clause (polarity). Multi-word negators are written with spaces.
_NEGATORS = {
    "en": ("not", "no", "never", "n't", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"),
    "de": ("nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts", "niemand", "weder"),
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

_SUFFIX = re.compile(r"(?<=\w\w\w)(?:ies|es|s|ed|ing|ly|e)$")


@dataclass(frozen=True)
class LanguageProfile:
    """What the product knows about one target language.

    ``unspaced``: written without spaces between words; ``sacrebleu_tokenizer``: BLEU's tokenizer;
    ``ter_asian_support``: TER's option for CJK; ``stopwords``: function words (empty = unknown);
    ``negators``: polarity words; ``english_inflection``: whether :meth:`normal_form` strips
    English suffixes (plural, -ed, -ing) before matching.
    """

    code: str
    name: str
    unspaced: bool
    sacrebleu_tokenizer: str
    ter_asian_support: bool
    stopwords: frozenset[str]
    negators: tuple[str, ...]
    english_inflection: bool

    def normal_form(self, token: str) -> str:
        """Case-, apostrophe- and (where the language inflects like English) inflection-insensitive form.

        >>> profile("en").normal_form("Factories"), profile("vi").normal_form("nghe")
        ('factory', 'nghe')
        """
        word = token.casefold().replace("’", "'")
        if not self.english_inflection or not word.isalpha():
            return word
        if len(word) > 4 and word.endswith("ies"):
            return word[:-3] + "y"  # factories → factory
        return _SUFFIX.sub("", word)

    def is_content(self, word: str) -> bool:
        """A word that carries meaning: alphanumeric and not a function word."""
        return word[:1].isalnum() and word.casefold() not in self.stopwords


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


@functools.lru_cache(maxsize=None)
def profile(code: str | None) -> LanguageProfile:
    """The profile of an ISO 639-1 code (``und``/None: language-neutral settings)."""
    code = (code or "und").lower()
    return LanguageProfile(
        code=code, name=_NAMES.get(code, code), unspaced=code in _UNSPACED_LANGUAGES,
        sacrebleu_tokenizer=_tokenizer(code), ter_asian_support=code in _CJK_LANGUAGES,
        stopwords=_STOPWORDS.get(code, frozenset()), negators=_NEGATORS.get(code, ()),
        english_inflection=code == "en")


def count_words(text: str) -> float:
    """Words in ``text``; characters of unspaced scripts (Chinese, Japanese, Thai) count half a word each."""
    unspaced = len(UNSPACED.findall(text))
    return len(re.findall(r"\w+", UNSPACED.sub(" ", text))) + unspaced / 2
