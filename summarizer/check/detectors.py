"""Typed facts of a sentence that a translation must keep: numbers (with their scale and unit),
weekday, month and day-period names, negation, names, and words of opposite meaning.

Every detector reads its language facts from the profile (:mod:`summarizer.text.profile`: CLDR
names and number symbols through Babel, negators, number and percent words, opposites), so a
detector covers a language exactly when its profile has those facts; :func:`coverage` says which.
"""

from __future__ import annotations

import itertools
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from ..text import LanguageProfile, Token

_DIGITS = re.compile(r"\d+(?:[.,\u00a0\u202f]\d+|:\d{2}(?!\d))*")  # "2:0", a score, is two numbers; "9:30" a time
_ZH_DIGITS = dict(zip("零一二两三四五六七八九", [0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]))
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_NUMBER = re.compile(r"[零一二两三四五六七八九十百千]+")
_ELISION = re.compile(r"^[^\W\d_]{1,2}['’](?=[^\W\d_]*$)")
_SENTENCE_END = re.compile(r"[.!?:;\"“”«»]\s*$")


@dataclass(frozen=True)
class Fact:
    """A typed fact found at ``[start, end)``: ``kind`` (number, unit, date-time, negation, qualifier,
    entity) and a comparable ``key`` (the value, the unit, ``month:5``, the negator, the qualifier's
    class, the name)."""

    kind: str
    key: str
    start: int
    end: int


def parse_number(text: str, lang: LanguageProfile) -> float | None:
    """The value of a written number, with the language's decimal and group symbols.

    >>> from summarizer.text import profile
    >>> parse_number("2,300", profile("en")), parse_number("3.000", profile("vi")), parse_number("3,5", profile("de"))
    (2300.0, 3000.0, 3.5)
    """
    if ":" in text:  # a time of day, 9:30 → 9.5
        hours, _, minutes = text.partition(":")
        return float(hours) + float(minutes.split(":")[0]) / 60 if hours.isdigit() and minutes[:2].isdigit() else None
    text = text.replace("\u00a0", "").replace("\u202f", "")
    separators = [c for c in text if c in ".,"]
    decimal = None
    if len(set(separators)) == 2:  # both: the last one is the decimal mark
        decimal = separators[-1]
    elif len(separators) == 1:
        sep, three = separators[0], len(re.split(r"[.,]", text)[1]) == 3
        decimal = None if sep == lang.group else sep if sep == lang.decimal else (None if three else sep)
    digits = "".join(c for c in text if c.isdigit() or c == decimal)
    try:
        return float(digits.replace(decimal, ".")) if decimal else float(digits)
    except ValueError:
        return None


def _chinese_number(text: str) -> float:
    total, current = 0, 0
    for ch in text:
        if ch in _ZH_DIGITS:
            current = _ZH_DIGITS[ch]
        else:
            total += (current or 1) * _ZH_UNITS[ch]
            current = 0
    return float(total + current)


def _phrase_index(names: Sequence[str], unspaced: bool = False, after_digits: bool = False) -> re.Pattern | None:
    """One expression for a list of names, longest first, as whole words (``after_digits``: also right
    after a digit, "3am")."""
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    before = r"(?<![^\W\d_])" if after_digits else r"(?<!\w)"
    return re.compile(f"(?:{alternatives})" if unspaced else rf"{before}(?:{alternatives})(?!\w)", re.I)


def _sign_index(signs: Sequence[str]) -> re.Pattern | None:
    """A currency sign at the end of a text ("$", "€", "VND "), not the end of a word ("CHF" in "XCHF")."""
    if not signs:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(signs, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})[ \u00a0]?$")


_INDEXES: dict[str, dict[str, re.Pattern | None]] = {}


def _indexes(lang: LanguageProfile) -> dict:
    """Compiled name patterns of a profile, and its unit words for tens and units, built once per language."""
    if lang.code not in _INDEXES:
        _INDEXES[lang.code] = _build_indexes(lang)
    return _INDEXES[lang.code]


def _build_indexes(lang: LanguageProfile) -> dict:
    units = [u for u in lang.units if u not in lang.stopwords and (len(u) > 1 or not u.isascii())]
    ones = {w: v for w, v in lang.number_words.items() if v in range(1, 10)}  # "twenty-five", "twenty-one"
    return {"ones": ones | {w: 1 for w in lang.one_before_scale if w not in lang.articles},
            "calendar": _phrase_index(list(lang.calendar), lang.unspaced, after_digits=True),
            "units": _phrase_index(units, lang.unspaced),
            "scale": _phrase_index(list(lang.scale_words), lang.unspaced),
            "percent": _phrase_index(list(lang.percent_words), lang.unspaced),
            "words": _phrase_index([w for w in lang.number_words if len(w) > 1 or not w.isascii()]),
            "ordinals": _phrase_index(list(lang.ordinal_words)),
            "signs": _sign_index(lang.currency_signs),
            "minus": re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, lang.minus_words))})\s+$", re.I)
            if lang.minus_words else None,
            "times": _time_index(lang),
            "digits": re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?!\d)|" + _DIGITS.pattern)
            if lang.group.isspace() else _DIGITS}


def numbers(text: str, lang: LanguageProfile) -> list[Fact]:
    """Numbers (digits, number words, Chinese numerals) with their scale (million…) as ``number``
    facts, ordinals ("eighth", "8th") as the number they rank by, and the percent sign or the unit
    after them as ``unit`` facts; digits that belong to a name ("COVID-19") are left out."""
    index = _indexes(lang)
    found: list[tuple[int, int, float]] = []
    facts, clock = _times(text, index)
    for m in index["digits"].finditer(text):
        if _inside_a_name(text, m.start(), lang) or any(a <= m.start() < b for a, b in clock):
            continue
        suffix = _ORDINAL_SUFFIX.match(text, m.end()) if lang.code == "en" and m.group().isdigit() else None
        if suffix is not None:  # "8th" is "eighth", "June 20th" is "June 20"
            facts.append(Fact("number", m.group(), m.start(), suffix.end()))
            continue
        value = parse_number(m.group().replace(" ", ""), lang)
        if value is not None:
            found.append((m.start(), m.end(), value))
    if index["words"] is not None and not lang.unspaced:
        found += [(m.start(), m.end(), float(lang.number_words[m.group().casefold()]))
                  for m in index["words"].finditer(text)]
    found = _tens_and_units(text, found, lang) + _scales_alone(text, lang, index, found)
    if lang.code == "zh":
        found += [(m.start(), m.end(), _chinese_number(m.group())) for m in _ZH_NUMBER.finditer(text)
                  if m.group() not in _ZH_UNITS]
    if index["ordinals"] is not None:
        facts += [Fact("number", str(lang.ordinal_words[m.group().casefold()]), m.start(), m.end())
                  for m in index["ordinals"].finditer(text)]
    for start, end, value in sorted(found):
        after = text[end:end + 40]
        gap = 1 if after.startswith("-") else len(after) - len(after.lstrip())  # "2 million", "two-hundred"
        scale = index["scale"].match(after[gap:]) if index["scale"] is not None else None
        while scale is not None:  # "2 million", "3 nghìn tỷ"
            value *= lang.scale_words[scale.group().casefold()]
            end += gap + scale.end()
            after = text[end:end + 40]
            gap = len(after) - len(after.lstrip())
            scale = index["scale"].match(after[gap:])
        before = text[max(0, start - 8) : start]
        minus = _MINUS_SIGN.search(before) or (index["minus"].search(before) if index["minus"] is not None else None)
        if minus:  # "−5", "minus 5 degrees"
            value, start = -value, max(0, start - 8) + minus.start()
        facts.append(Fact("number", f"{value:g}", start, end))
        sign = index["signs"].search(text[max(0, start - 5) : start]) if index["signs"] is not None else None
        if sign is not None:  # "$5", "€20 million", "VND 2 trillion"
            offset = max(0, start - 5) + sign.start()
            facts.append(Fact("unit", lang.currency_signs[sign.group().strip()], offset, offset + len(sign.group().strip())))
        percent_first = next((w for w in lang.percent_words if lang.unspaced and before.endswith(w)), None)
        if percent_first:  # "百分之五" is "5%"
            facts.append(Fact("unit", "percent", start - len(percent_first), start))
        unit = _unit_after(after, lang, index)
        if unit is not None:
            offset = end + len(after) - len(after.lstrip())
            facts.append(Fact("unit", unit[0], offset, offset + unit[1]))
    return sorted(facts, key=lambda f: (f.start, f.end))


def _tens_and_units(text: str, found: Sequence[tuple[int, int, float]],
                    lang: LanguageProfile) -> list[tuple[int, int, float]]:
    """Numbers found, with a tens word and the unit word after it read as one number ("twenty-five"
    is 25, "twenty-one" 21, "vingt-deux" 22; the word for one counts here)."""
    units = _indexes(lang)["ones"]
    tens, taken = [], set()
    for start, end, value in sorted(found):
        unit = re.match(r"[- ]([^\W\d_]+)(?!\w)", text[end : end + 12])
        if value in range(20, 100, 10) and text[start:end].isalpha() and unit is not None \
                and unit.group(1).casefold() in units:  # not "20 one-day matches"
            tens.append((start, end + unit.end(), value + units[unit.group(1).casefold()]))
            taken.add(end + unit.end())
        else:
            tens.append((start, end, value))
    return [f for f in tens if not (f[1] in taken and f[2] in range(1, 10))]  # the unit word, now inside


def _scales_alone(text: str, lang: LanguageProfile, index: dict,
                  found: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Scale words that are a number by themselves: after a word for "one" ("a million", "un millón")
    or, where the language says so, bare ("mil personas"); not after a number ("dos mil")."""
    if index["scale"] is None or lang.unspaced:
        return []
    numbers_end = {end for _, end, _ in found}
    alone = []
    for m in index["scale"].finditer(text):
        word, before = m.group().casefold(), text[max(0, m.start() - 8) : m.start()]
        one = re.search(r"(?<!\w)([^\W\d_]+)(?:\s+|-)$", before)  # "a million", "one-hundred"
        after_a_number = any(text[end : m.start()].isspace() or text[end : m.start()] == "-"
                             for end in numbers_end if end < m.start())
        if len(word) > 2 and not after_a_number and (word in lang.scale_alone or (
                one is not None and one.group(1).casefold() in lang.one_before_scale)):
            alone.append((m.start(), m.end(), lang.scale_words[word]))
    return alone


def _times(text: str, index: dict) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Times of day ("14:30", "14h30", "14.30 Uhr", "2.30pm", "14 giờ 30", "2点30分") as the number
    of hours (2:30 → 2.5), a 24-hour time as its p.m. time ("20:30" is "8:30 p.m."), and where they are."""
    facts, spans = [], []
    for m in index["times"].finditer(text):
        hours, minutes = int(m.group("h")), int(m.group("m") or m.group("m2") or m.group("m3") or 0)
        if hours > 24 or minutes > 59:
            continue
        value = hours + minutes / 60
        if 13 <= hours < 24:
            value -= 12
            facts.append(Fact("date-time", "period:pm", m.start(), m.end()))
        facts.append(Fact("number", f"{value:g}", m.start(), m.end()))
        spans.append((m.start(), m.end()))
    return facts, spans


def _time_index(lang: LanguageProfile) -> re.Pattern:
    """Hours and minutes: with a colon; with a dot or the language's hour word between them ("14h30",
    "14 giờ 30", "2点30分"), a dot only before an hour word or a.m./p.m.; an hour and its word alone."""
    hour = "|".join(re.escape(w) for w in sorted(lang.hour_words, key=len, reverse=True)) or "(?!)"
    minute = "|".join(re.escape(w) for w in lang.minute_words) or "(?!)"
    space, word_end = ("", "") if lang.unspaced else (r"\s?", r"(?![^\W\d_])")
    return re.compile(
        rf"(?<![\d.,:])(?P<h>\d{{1,2}})(?::(?P<m>\d{{2}})|\.(?P<m2>\d{{2}})(?={space}(?:{hour}|[ap]\.?m\b))"
        rf"|{space}(?:{hour})(?:{space}(?P<m3>\d{{1,2}})(?:{space}(?:{minute}))?)?{word_end})(?!\d|:\d)", re.I)  # not "2:03:26"


_MINUS_SIGN = re.compile(r"(?:^|(?<=\s))[-−]$")
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_SQUARED = re.compile(r"^([^\W\d_]{1,2})([23])(?![\w])")


def _inside_a_name(text: str, start: int, lang: LanguageProfile) -> bool:
    """Digits right after a letter, or after a letter and a hyphen, belong to a name or a symbol
    ("COVID-19", "F-35", "km2", "G7"), where words are spaced."""
    before = text[max(0, start - 2) : start]
    after_letter = before[-1:].isalpha() or (len(before) == 2 and before[1] == "-" and before[0].isalpha())
    return not lang.unspaced and after_letter


def _unit_after(after: str, lang: LanguageProfile, index: dict, linked: bool = False) -> tuple[str, int] | None:
    stripped = _SQUARED.sub(lambda m: m.group(1) + "²³"[int(m.group(2)) - 2], after.lstrip())  # "km2" is "km²"
    if stripped.startswith("-") and stripped[1:2].isalpha():  # "17-year-old" as "17 year old", the span past the hyphen
        unit = _unit_after(stripped[1:], lang, index, linked)
        return (unit[0], unit[1] + 1) if unit is not None else None
    if stripped.startswith("%"):
        return "percent", 1
    linker = "" if linked else next((w for w in lang.unit_linkers if stripped.casefold().startswith(w)), "")
    if linker:  # "1,5 million d'euros", "2 millones de euros"
        unit = _unit_after(stripped[len(linker):], lang, index, linked=True)
        return (unit[0], len(linker) + unit[1]) if unit is not None else None
    for kind in ("percent", "units"):
        m = index[kind].match(stripped) if index[kind] is not None else None
        if m is not None:
            return ("percent" if kind == "percent" else lang.units[m.group().casefold()]), m.end()
    return None


def calendar(text: str, lang: LanguageProfile) -> list[Fact]:
    """Weekday, month and day-period names (CLDR) as ``date-time`` facts; names that CLDR
    capitalises count only when capitalised ("May", not "may")."""
    pattern = _indexes(lang)["calendar"]
    if pattern is None:
        return []
    facts = []
    for m in pattern.finditer(text):
        name = m.group().casefold()
        if name in lang.capitalized_names and " " not in name and not m.group()[:1].isupper():
            continue  # "may" the verb; multi-word names ("thứ Hai") are unambiguous
        needs_a_time = lang.calendar[name] in ("period:am", "period:pm") or (
            lang.periods_after_a_time is not None and lang.calendar[name].startswith("period:"))
        if needs_a_time and not _after_a_time(text[: m.start()], lang) \
                and not (lang.unspaced and re.match(r"\d", text[m.end():])):
            continue  # a.m. / p.m. next to a time only ("Am Montag" is not one; "下午3点" is); "morgens" anywhere
        facts.append(Fact("date-time", lang.calendar[name], m.start(), m.end()))
    return sorted(facts + _numeric_dates(text, lang), key=lambda f: (f.start, f.end))


_NUMERIC_DATE = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?(?![\d/]|[.,]\d)")


def _numeric_dates(text: str, lang: LanguageProfile) -> list[Fact]:
    """Day and month written with a slash ("5/3", "5/3/2024"), in the locale's order: the month as a
    ``date-time`` fact on its digits (the day and year stay numbers), so "5/3" and "5 March" match."""
    facts = []
    for m in _NUMERIC_DATE.finditer(text):
        day, month = (1, 2) if lang.day_first else (2, 1)
        if 1 <= int(m.group(day)) <= 31 and 1 <= int(m.group(month)) <= 12:
            facts.append(Fact("date-time", f"month:{int(m.group(month))}", m.start(month), m.end(month)))
    return facts


def _after_a_time(before: str, lang: LanguageProfile) -> bool:
    """Whether ``before`` ends with a time: a digit, or a digit and the profile's words of a time
    ("8 giờ 30 phút")."""
    words = "|".join(re.escape(w) for w in lang.periods_after_a_time or ())
    return re.search(rf"\d\s?(?:(?:{words})(?:\s?\d+\s?(?:{words}))?\s?)?$" if words else r"\d\s?$", before) is not None


def negations(tokens: Sequence[Token], lang: LanguageProfile) -> list[Fact]:
    """Negators (single words of the profile's list, and English ``n't``)."""
    facts = []
    for i, t in enumerate(tokens):
        if i + 1 < len(tokens) and tokens[i + 1].text.casefold() in lang.not_negating:
            continue  # "not only", "not until": an idiom, not a negation
        if i > 0 and tokens[i - 1].text.casefold() == lang.or_before_negator:
            continue  # "whether or not": an alternative left open
        if i + 2 < len(tokens) and tokens[i + 2].text.casefold() == lang.than:
            continue  # "no fewer than", "not more than": a comparison
        if _negates(t.text.casefold(), lang):
            facts.append(Fact("negation", "not", t.start, t.end))
    return facts


def qualifiers(text: str, lang: LanguageProfile) -> list[Fact]:
    """Approximators and limiters ("nearly", "at least", "only"; "about" and "over" right before a
    number): how much a statement claims; the key is their class (approx, min, max, only). Longer
    phrases first ("no more than", not "more than")."""
    pattern, classes = _qualifier_pattern(lang)
    if pattern is None:
        return []
    return [Fact("qualifier", classes[m.group().casefold()], m.start(), m.end()) for m in pattern.finditer(text)]


_QUALIFIER_PATTERNS: dict[str, tuple[re.Pattern | None, dict[str, str]]] = {}


def _qualifier_pattern(lang: LanguageProfile) -> tuple[re.Pattern | None, dict[str, str]]:
    """One expression for all of a language's qualifiers (one scan of a text), longest first, and
    each qualifier's class by its lower case; built once per language."""
    if lang.code not in _QUALIFIER_PATTERNS:
        edge, end = ("", "") if lang.unspaced else (r"(?<!\w)", r"(?!\w)")
        ahead = "|".join([r"\d"] + [re.escape(w) for w in lang.number_words])
        anywhere = "|".join(re.escape(p) for p in sorted(lang.qualifiers, key=len, reverse=True))
        numeric = "|".join(re.escape(p) for p in sorted(lang.number_qualifiers, key=len, reverse=True)
                           if p not in lang.qualifiers)
        parts = ([f"{edge}(?:{anywhere}){end}"] if anywhere else []) + \
            ([f"{edge}(?:{numeric}){end}(?=\\s*(?:{ahead}))"] if numeric else [])
        classes = {k.casefold(): v for k, v in {**lang.number_qualifiers, **lang.qualifiers}.items()}
        _QUALIFIER_PATTERNS[lang.code] = (re.compile("|".join(parts), re.IGNORECASE) if parts else None, classes)
    return _QUALIFIER_PATTERNS[lang.code]


def entities(text: str, tokens: Sequence[Token], lang: LanguageProfile) -> list[Fact]:
    """Capitalised words that are not the first word of a sentence (names), where the script has case;
    an acronym ("UN"), a country's name (CLDR), or a word WordNet knows only as a name ("Hanoi"), is a
    name even first in a sentence."""
    if not lang.has_case:
        return []
    if lang.capitalizes_nouns:  # every noun has a capital: only a country's name is surely a name
        return [Fact("entity", t.text, t.start, t.end) for t in tokens if t.text in lang.countries]
    words = [t for t in tokens if t.is_word]
    if len(words) > 3 and all(w.text[:1].isupper() for w in words if lang.is_content(w.text)):
        return []  # a headline in title case says nothing about names
    facts = []
    for i, t in enumerate(tokens):
        elided = _ELISION.match(t.text)  # "l'Italie": the name after the elided article
        if elided:
            t = Token(t.text[elided.end():], t.start + elided.end(), t.end)
        acronym = len(t.text) > 1 and t.text.isupper()  # "US" is a name, "us" a function word
        if not t.is_word or not t.text[:1].isupper() or (t.text.casefold() in lang.stopwords and not acronym) \
                or t.text.casefold() in lang.titles:
            continue
        first = i == 0 or (_SENTENCE_END.search(text[: t.start]) and not (
            i >= 2 and tokens[i - 1].text == "." and tokens[i - 2].text.casefold() in lang.titles))  # "Mr. Tran"
        if (first and not acronym and t.text not in lang.countries and not lang.is_name(t.text)) \
                or (t.text.casefold() in lang.calendar and not (acronym and not re.search(r"\d\s?$", text[: t.start]))):
            continue  # "the PM said" is a name, "8 PM" a time
        facts.append(Fact("entity", entity_key(t.text), t.start, t.end))
    return facts


def entity_key(name: str) -> str:
    """A name as compared across the two sides: without dots and a possessive ending
    (``U.S.`` = ``US``, ``Pudong's`` = ``Pudong``)."""
    return re.sub(r"['’]s$", "", name).replace(".", "")


def name_forms(mine: list[Fact], theirs: list[Fact], my_text: str, their_text: str) -> tuple[list[Fact], list[Fact]]:
    """One name written as one word on one side and as several on the other: an acronym of their
    initials ("UN" / "United Nations", "HCM" / "Ho Chi Minh") or the same letters spaced ("Vietnam" /
    "Viet Nam", "Danang" / "Da Nang"). The several words become one name with the one word's key,
    so the two sides match."""
    for one, other, text in ((mine, theirs, their_text), (theirs, mine, my_text)):
        keys = {f.key for f in other if f.kind == "entity"}
        for f in [f for f in one if f.kind == "entity" and f.key not in keys and len(f.key) > 1]:
            found = _spelled_out(f.key, text)
            if found:
                inside = [g for g in other if g.start < found.end() and found.start() < g.end]
                other[:] = sorted([g for g in other if g not in inside] + [Fact("entity", f.key, *found.span())],
                                  key=lambda g: (g.start, g.end))
    return mine, theirs


def _spelled_out(key: str, text: str) -> re.Match | None:
    """Two or more capitalised words (spaces or hyphens between) whose initials are the acronym
    ``key`` (capitals only), or whose letters are ``key``'s."""
    if key.isupper():
        pattern = r"[ -]+".join(rf"{re.escape(c)}[^\W\d_]+" for c in key)
    else:
        pattern = r"[ -]?".join(re.escape(c) for c in key.replace("-", ""))
    found = re.search(rf"(?<!\w){pattern}(?!\w)", text, 0 if key.isupper() else re.IGNORECASE)
    return found if found and re.search(r"[ -]", found.group()) else None


def facts(text: str, tokens: Sequence[Token], lang: LanguageProfile) -> list[Fact]:
    """All typed facts of a sentence, in text order; numbers and names inside a calendar name
    ("Thứ Hai", "tháng 5") belong to it. Cached per text (a reference serves many systems)."""
    key = (text, lang.code)
    if key not in _FACTS:
        if len(_FACTS) >= 4096:
            _FACTS.clear()
        _FACTS[key] = _facts(text, tokens, lang)
    return list(_FACTS[key])


_FACTS: dict[tuple[str, str], list[Fact]] = {}


def _facts(text: str, tokens: Sequence[Token], lang: LanguageProfile) -> list[Fact]:
    dates = calendar(text, lang)
    others = numbers(text, lang) + negations(tokens, lang) + qualifiers(text, lang) + entities(text, tokens, lang)
    others = [f for f in others if f.kind in ("negation", "qualifier") or not any(d.start <= f.start < d.end for d in dates)]
    return sorted(dates + others, key=lambda f: (f.start, f.end))


@dataclass(frozen=True)
class Times:
    """The tense each token of a hypothesis and its reference marks (:func:`tense_markers`), and
    whether the two sentences' tenses say different times at all (:func:`tense_change` needs both)."""

    hyp: list[str | None]
    ref: list[str | None]
    differ: bool
    unmatched: tuple[Counter, Counter]  # each sentence's tenses the other's do not say

    @classmethod
    def of(cls, hyp: Sequence[Token], ref: Sequence[Token], lang: LanguageProfile) -> Times:
        mine, theirs = tense_markers(hyp, lang), tense_markers(ref, lang)
        unmatched = _unmatched([t for t in mine if t], [t for t in theirs if t])
        return cls(mine, theirs, _times_differ(unmatched, lang), unmatched)


ONE_FOR_ANOTHER = 3  # tokens a side of an edit whose one auxiliary stands for the other side's


def tense_change(times: Times, hyp_range: range, ref_range: range, hyp_words: Sequence[str],
                 ref_words: Sequence[str], lang: LanguageProfile,
                 before: tuple[Sequence[str], Sequence[str]] = ((), ()), shared: frozenset[str] = frozenset()) -> bool:
    """Whether the tense-marking auxiliaries of an edit (tokens ``hyp_range`` / ``ref_range``, whose
    words are ``hyp_words`` / ``ref_words``) differ in tense: ``had`` for ``has``, ``will`` added or
    dropped (``will say`` for ``said``, ``won't`` for ``did not``). Auxiliaries of one tense
    (``has``/``have``) are the same; so are an auxiliary that only moved within the sentence (both
    sentences have as many of each tense: "er werde nicht kommen" / "dass er nicht kommen werde"), a
    perfect and a past or present ("have stopped" / "were halted"), and "is expected to" and "will";
    but one auxiliary in place of another of a different time is a change however the rest of the
    sentences divide their tenses ("were" for "are", "has previously" for "had": an edit of at most
    :data:`ONE_FOR_ANOTHER` tokens a side with one auxiliary each). Where the profile has WordNet, also one main
    verb in two tenses ("tells" for "told"); ``before``: the two words before the edit on each side;
    ``shared``: normal forms of content words both sentences have, which do not count as changed."""
    mine = [times.hyp[i] for i in hyp_range if times.hyp[i]]
    theirs = [times.ref[i] for i in ref_range if times.ref[i]]
    one_for_another = len(mine) == len(theirs) == 1 and max(len(hyp_range), len(ref_range)) <= ONE_FOR_ANOTHER
    if (times.differ or one_for_another) and (mine or theirs) and _times_differ(_unmatched(mine, theirs), lang):
        return True
    # a perfect alone in a short edit where the other sentence has a past perfect its own does not
    # say, or the other way round: the alignment split one for the other ("The U.S. had reported a
    # total of" / "… cases in the U.S. have reached")
    alone, side, left = (mine, hyp_range, times.unmatched) if mine else (theirs, ref_range, times.unmatched[::-1])
    if not (mine and theirs) and len(alone) == 1 and alone[0] in _PERFECTS and len(side) <= ONE_FOR_ANOTHER \
            and left[0][alone[0]] and any(left[1][t] for t in _PERFECTS if t != alone[0]):
        return True
    return lang.wordnet and _verb_tense_change(hyp_words, ref_words, lang, *before, shared=shared)


# Tenses that can say the time of another: a perfect that of a past or a present ("has been lifted" /
# "was lifted"), a past perfect that of a past, a conditional after a past that of a future or a past
# ("said it would" / "said it will"), one with no past before it (``hypothetical``) that of a past only
# ("wouldn't let" / "did not allow"; not "It would be interesting" / "It will be interesting").
_PERFECTS = ("perfect", "past-perfect")
_SAME_TIME = {"perfect": ("past", "present"), "past-perfect": ("past",), "conditional": ("future", "past"),
              "hypothetical": ("past",)}


def _times_differ(unmatched: tuple[Counter, Counter], lang: LanguageProfile) -> bool:
    """Whether two lists of auxiliaries' tenses say different times, given what is left of each once
    the tenses both have, and those that can say each other's time, are set aside (:func:`_unmatched`):
    a future is left on one side (where the language must mark it), or tenses are left on both."""
    left_mine, left_theirs = unmatched
    lone_future = "future" in (left_mine | left_theirs) and not lang.tense_optional
    return bool(left_mine or left_theirs) and (lone_future or bool(left_mine and left_theirs))


def _unmatched(mine: Sequence[str], theirs: Sequence[str]) -> tuple[Counter, Counter]:
    """The tenses of each list that the other's do not say, once those both have and those that can
    say each other's time (:data:`_SAME_TIME`) are set aside."""
    left_mine, left_theirs = Counter(mine) - Counter(theirs), Counter(theirs) - Counter(mine)
    for one, other in ((left_mine, left_theirs), (left_theirs, left_mine)):
        for tense, times in _SAME_TIME.items():
            for time in times:
                matched = min(one[tense], other[time])
                one[tense] -= matched
                other[time] -= matched
    return +left_mine, +left_theirs


def tense_markers(tokens: Sequence[Token], lang: LanguageProfile) -> list[str | None]:
    """The tense each token marks (``past``, ``present``, ``future``, ``conditional``, ``hypothetical``,
    ``perfect``, ``past-perfect``) or None: the profile's tense auxiliaries (either apostrophe), a
    conditional with no past before it a ``hypothetical`` (see :data:`_SAME_TIME`); a perfect
    auxiliary right before a participle is a ``perfect`` ("has stopped"), a past one a
    ``past-perfect`` ("had stopped"); a passive one with a participle in its clause is ``present``
    ("wird … abgehalten", "fortgesetzt werden"); a present one before a tense phrase takes its tense
    ("is expected to" is future)."""
    folded = [t.text.casefold().replace("\u2019", "'") for t in tokens]
    found: list[str | None] = []
    for i, word in enumerate(folded):
        if word not in lang.tenses and "'" in word[1:]:
            word = word[word.find("'"):]  # "I'm", "we've"
        tense = lang.tenses.get(word)
        if tense == "conditional" and not {"past", "past-perfect"} & set(found) and not _past_verb_before(folded, i, lang):
            tense = "hypothetical"  # no past for it to report from
        found.append(None if tense is None else _tense_in_context(word, tense, folded, i, lang))
    return found


def _past_verb_before(folded: Sequence[str], i: int, lang: LanguageProfile) -> bool:
    """Whether a main verb's past form comes before word ``i`` ("said it would"), by WordNet."""
    return lang.wordnet and any((lang.verb_tense(w) or ("", ""))[1] == "past" for w in folded[:i] if w.isalpha())


def _tense_in_context(word: str, tense: str, folded: Sequence[str], i: int, lang: LanguageProfile) -> str:
    """The tense auxiliary ``word`` (at ``i`` of the case-folded words) marks, given its clause."""
    clause = list(itertools.takewhile(lambda w: w[:1].isalnum(), folded[i + 1 : i + 8]))
    if tense == "present" and lang.tense_phrases:
        ahead = " ".join(clause[:3])
        phrase = next((p for p in lang.tense_phrases if ahead.startswith(p)), None)
        if phrase is not None:
            return lang.tense_phrases[phrase]
    if word in lang.perfect_auxiliaries or word in lang.past_perfect_auxiliaries:
        near = clause if lang.verb_final else clause[:2]  # "ist … nach Rom gereist", "has now returned"
        if clause[:1] != ["to"] and any(_participle(w, lang) for w in near):
            return "perfect" if word in lang.perfect_auxiliaries else "past-perfect"
    if word in lang.passive_auxiliaries:
        before = list(itertools.takewhile(lambda w: w[:1].isalnum(), folded[max(0, i - 7) : i][::-1]))
        if any(_participle(w, lang) for w in clause + before):
            return "present"
    return tense


def _participle(word: str, lang: LanguageProfile) -> bool:
    """Whether a (case-folded) word looks like a past participle: the profile's pattern, or WordNet's
    past form of a verb ("stopped", "dubbed", "been")."""
    if lang.participle_pattern is not None and lang.participle_pattern.fullmatch(word):
        return True
    return lang.wordnet and word.isalpha() and (lang.verb_tense(word) or ("", ""))[1] == "past"


def _verb_tense_change(hyp_words: Sequence[str], ref_words: Sequence[str], lang: LanguageProfile,
                       hyp_before: Sequence[str] = (), ref_before: Sequence[str] = (),
                       shared: frozenset[str] = frozenset()) -> bool:
    """One main verb in two tenses, and no other content word changed but a word or two that cannot be
    a noun, a word both sentences have elsewhere (``shared``: "of Alabama says" for "said") or the
    subject right before the verb ("the reporter sees" for "the journalist saw") ("the police tells"
    for "the police told", "already knew" for "knows yet", "see" for "saw"; not "the built drones"
    for "the drones it builds", where the participle qualifies a noun; nor "at the age of" for
    "aged" or "rose to the surface" for "surfaced": a word after an article is a noun; nor "to fold"
    for "be folded", "did not issue" for "issued": a verb one or two words after "to" or "did" has no
    tense of its own; a participle after a form of "be" has its tense: "are expected" for "can
    expect" is none), or one verb for another (:func:`_other_verb_other_tense`). ``*_before``: the
    words before each side."""
    perfect = {*lang.perfect_auxiliaries, *lang.past_perfect_auxiliaries}

    def tenses(words: Sequence[str], before: Sequence[str]) -> list[tuple[str, str] | None]:
        context = [w.casefold() for w in [*before[-2:], *words]]
        lead = len(context) - len(words)

        def untensed(j: int) -> bool:  # the word at context[j]: "the surface", "to fold", "did not issue"
            return (j > 0 and context[j - 1] in lang.articles) or bool(lang.untensed_after.intersection(context[max(0, j - 2) : j]))

        def tense(j: int, word: str) -> tuple[str, str] | None:
            # a form that is also a verb of its own reads as the irregular one ("saw": see), paired only with that verb
            form = None if untensed(j) else lang.verb_tense(word) or lang.verb_tense(word, irregular=True)
            auxiliary = context[j - 1] if j > 0 else ""
            if form is not None and form[1] == "past" and auxiliary in lang.tenses and auxiliary not in perfect:
                return form[0], lang.tenses[auxiliary]  # a passive takes its auxiliary's tense: "are expected" is present
            return form
        return [tense(lead + k, w) for k, w in enumerate(words)]

    def content(words: Sequence[str]) -> set[str]:
        return {lang.normal_form(w) for w in words if lang.is_content(w)}
    hyp_forms, ref_forms = tenses(hyp_words, hyp_before), tenses(ref_words, ref_before)
    if not any(hyp_forms) or not any(ref_forms):
        return False  # a side without a verb form has no tense to change
    if len((content(hyp_words) ^ content(ref_words)) - shared) > 4:
        return False  # leaving one verb out of each side cannot bring the difference to two words
    for i, mine in enumerate(hyp_forms):
        for j, theirs in enumerate(ref_forms):
            if mine is None or theirs is None or mine[0] != theirs[0] or mine[1] == theirs[1]:
                continue
            rest_hyp = {lang.normal_form(w) for k, w in enumerate(hyp_words) if k != i and lang.is_content(w)}
            rest_ref = {lang.normal_form(w) for k, w in enumerate(ref_words) if k != j and lang.is_content(w)}
            changed = (rest_hyp ^ rest_ref) - shared
            # or the subject right before the verb worded otherwise ("the reporter sees" / "the journalist saw")
            subjects = {lang.normal_form(w[k - 1]) for w, k in ((hyp_words, i), (ref_words, j))
                        if k > 0 and (pos := lang.parts_of_speech(w[k - 1])) and pos <= {"n", "v"}}  # not "good"
            if len(changed) <= 2 and (all((pos := lang.parts_of_speech(w)) and "n" not in pos for w in changed)
                                      or len(changed) == 2 and changed == subjects):
                return True
    return _other_verb_other_tense(hyp_words, ref_words, hyp_forms, ref_forms, hyp_before, ref_before, lang, shared)


def _other_verb_other_tense(hyp_words: Sequence[str], ref_words: Sequence[str],
                            hyp_forms: Sequence[tuple[str, str] | None], ref_forms: Sequence[tuple[str, str] | None],
                            hyp_before: Sequence[str], ref_before: Sequence[str], lang: LanguageProfile,
                            shared: frozenset[str]) -> bool:
    """One verb in place of another verb in another tense, the only content word changed on each side
    ("Aires announces" for "Aires informed", "you travel" for "you went"). Each must read as the
    clause's finite verb: an ``-s`` or past form not right after an auxiliary, an article or a
    preposition ("are fixed" / "are set" are no tenses), nor after a determiner where it may be a
    noun ("these reports"; "This happens" is a verb), a bare form only after a subject pronoun ("I
    believe"; not "can travel")."""
    def changed(words: Sequence[str], other: Sequence[str]) -> list[int]:
        theirs = {lang.normal_form(w) for w in other} | shared
        return [k for k, w in enumerate(words) if lang.is_content(w) and lang.normal_form(w) not in theirs]

    def finite(k: int, words: Sequence[str], before: Sequence[str], form: tuple[str, str]) -> bool:
        context = [*before, *words]
        word_before = context[len(before) + k - 1] if len(before) + k > 0 else ""
        previous = word_before.casefold()
        if words[k].casefold() == form[0]:  # a bare form after its subject: "they believe", "the nations want"
            return previous in lang.subject_pronouns or _plural_noun(word_before, lang)
        noun = "n" in lang.parts_of_speech(words[k])  # "these reports" is a noun; "This happens" a verb
        return bool(previous) and previous not in lang.tenses and not (noun and previous in lang.determiners) \
            and previous not in lang.not_after_article and previous not in lang.untensed_after
    mine, theirs = changed(hyp_words, ref_words), changed(ref_words, hyp_words)
    if len(mine) != 1 or len(theirs) != 1:
        return False
    i, j = mine[0], theirs[0]
    one, other = hyp_forms[i], ref_forms[j]
    return one is not None and other is not None and one[1] != other[1] \
        and finite(i, hyp_words, hyp_before, one) and finite(j, ref_words, ref_before, other)


def _plural_noun(word: str, lang: LanguageProfile) -> bool:
    """Whether a word is a noun's plural form by WordNet ("nations"; not "news", "its")."""
    folded = word.casefold()
    singular = lang.normal_form(word)
    return folded.endswith("s") and singular != folded and lang.parts_of_speech(word) == {"n"} \
        and "n" in lang.parts_of_speech(singular)


def gender_change(hyp_words: Sequence[str], ref_words: Sequence[str], lang: LanguageProfile,
                  sentences: tuple[Sequence[str], Sequence[str]]) -> bool:
    """A pronoun of one gender where the reference has only the other's ("her arm" for "his arm"),
    and more pronouns of that gender in the hypothesis's sentence than in the reference's
    (``sentences``: their words; not "he said 'she was'" for "'She’s', he said", an alignment across two people)."""
    hyp = {g for g in map(lang.gender_of, hyp_words) if g}
    ref = {g for g in map(lang.gender_of, ref_words) if g}
    if len(hyp) != 1 or len(ref) != 1 or hyp == ref:
        return False
    mine, theirs = (Counter(map(lang.gender_of, words)) for words in sentences)
    return mine[next(iter(hyp))] > theirs[next(iter(hyp))]


def opposite(hyp_words: Sequence[str], ref_words: Sequence[str], lang: LanguageProfile) -> tuple[str, str] | None:
    """A pair of words of opposite meaning, one on each side (normal forms compared), or None; a word
    right after a diminisher or a negator does not count ("least expensive" for "cheapest", "not
    correct" for "incorrect")."""
    def undiminished(words: Sequence[str]) -> list[str]:
        return [w for i, w in enumerate(words) if i == 0 or not _weakens(words[i - 1], lang)]
    return _opposite(undiminished(hyp_words), undiminished(ref_words), lang)


def _weakens(word: str, lang: LanguageProfile) -> bool:
    """A diminisher or a negator: the word after it does not say what it says alone."""
    folded = word.casefold()
    return folded in lang.diminishers or _negates(folded, lang)


def _negates(folded: str, lang: LanguageProfile) -> bool:
    """Whether a case-folded word is one of the profile's negators (or English ``n't``), either apostrophe."""
    folded = folded.replace("’", "'")
    return folded in lang.negators or (lang.code == "en" and folded.endswith("n't"))


def negated_words(words: Sequence[str], lang: LanguageProfile) -> list[str]:
    """The words right after a negator ("did not change" → ["change"])."""
    return [w for i, w in enumerate(words[1:]) if _negates(words[i].casefold(), lang)]


def is_negator(word: str, lang: LanguageProfile) -> bool:
    """Whether a word is one of the profile's negators (or English ``n't``)."""
    return _negates(word.casefold(), lang)


def negated_opposite(words: Sequence[str], other: Sequence[str], lang: LanguageProfile) -> bool:
    """Whether a word right after a negator of ``words`` has its opposite among ``other``: "not
    correct" and "incorrect", "not far" and "near" say the same."""
    return any(_negates(w.casefold(), lang) and _opposite(words[i + 1 : i + 3], other, lang) is not None
               for i, w in enumerate(words))


def negative_implicatives(words: Sequence[str], lang: LanguageProfile) -> int:
    """How many verbs of ``words`` say that their complement did not happen ("declined to", "refused
    to", "failed to"; "weigerte sich"), each a negation in other words."""
    after = [w.casefold() for w in words[1:]] + [""]
    return sum(1 for w, next_word in zip(words, after) if lang.base_forms(w) & set(lang.negative_implicatives)
               and (not lang.implicative_before or next_word == lang.implicative_before))


def negated_by_prefix(word: str, lang: LanguageProfile) -> bool:
    """A word made negative by a prefix: WordNet lists the word without it as its antonym ("unable" /
    "able", "impossible" / "possible"; for an adverb, its adjective's: "unlikely", "undoubtedly").
    English only, where WordNet can tell "unable" from "uncle" and "informed" from "formed"."""
    if not lang.wordnet or not word.isalpha():
        return False
    folded = word.casefold()
    for prefix in lang.negating_prefixes:
        rest = folded[len(prefix):]
        if not folded.startswith(prefix) or len(rest) < 4:
            continue
        if rest in lang.antonyms(folded) or (folded.endswith("ly") and rest[:-2] in lang.antonyms(folded[:-2])):
            return True
    return False


def _opposite(hyp_words: Sequence[str], ref_words: Sequence[str], lang: LanguageProfile) -> tuple[str, str] | None:
    if not lang.opposites and not lang.negating_prefixes and not lang.wordnet:
        return None
    found = _wordnet_opposite(hyp_words, ref_words, lang) if lang.wordnet else None
    if found is not None:
        return found
    single, phrases, stems = _opposites(lang)
    hyp = set().union(*(_list_keys(w, stems, lang) for w in hyp_words))
    ref = set().union(*(_list_keys(w, stems, lang) for w in ref_words))
    for word in hyp - ref:
        for other in single.get(word, ()):
            if other in ref and other not in hyp:
                return word, other
        for other in ref - hyp:  # "unlikely" / "likely", "unmöglich" / "möglich"
            longer, shorter = (word, other) if len(word) > len(other) else (other, word)
            if len(shorter) >= 4 and any(longer == p + shorter for p in lang.negating_prefixes):
                return word, other
    joiner = "" if lang.unspaced else " "
    hyp_text, ref_text = joiner.join(w.casefold() for w in hyp_words), joiner.join(w.casefold() for w in ref_words)
    for x, y in phrases:
        if _contains(hyp_text, x, lang) and _contains(ref_text, y, lang) and not _contains(ref_text, x, lang):
            return x, y
    return None


def _wordnet_opposite(hyp_words: Sequence[str], ref_words: Sequence[str],
                      lang: LanguageProfile) -> tuple[str, str] | None:
    """A word of one side whose WordNet antonym is a word of the other side that the first side
    lacks (base forms compared: "widened" / "narrowed"); looked up from both sides, since WordNet
    links some antonyms through one word only ("rapid" is a kind of "fast", whose antonym is "slow")."""
    hyp_forms = {w.casefold(): lang.base_forms(w) for w in hyp_words if w[:1].isalpha()}
    ref_forms = {w.casefold(): lang.base_forms(w) for w in ref_words if w[:1].isalpha()}
    in_hyp = set().union(*hyp_forms.values())
    in_ref = set().union(*ref_forms.values())
    for mine, theirs, ours, other in ((hyp_forms, ref_forms, in_hyp, in_ref), (ref_forms, hyp_forms, in_ref, in_hyp)):
        for word, forms in mine.items():
            if forms & other or not lang.is_content(word):
                continue
            for antonym in lang.antonyms(word) & other - ours:
                match = next(w for w, f in theirs.items() if antonym in f)
                return (word, match) if mine is hyp_forms else (match, word)
    # indirectly: an antonym that shares a first sense with a word of the other side ("first" /
    # "final", through "last"; "legitimately" / "illegally", through "illicitly")
    for mine, theirs, ours, other in ((hyp_forms, ref_forms, in_hyp, in_ref), (ref_forms, hyp_forms, in_ref, in_hyp)):
        for word, forms in mine.items():
            if forms & other or not lang.is_content(word):
                continue
            for antonym in (a for a in lang.antonyms(word) if " " not in a):
                match = next((w for w, f in theirs.items() if not f & ours and lang.is_content(w)
                              and lang.share_a_first_sense(antonym, w)), None)
                if match is not None:
                    return (word, match) if mine is hyp_forms else (match, word)
    return None


_OPPOSITE_INDEX: dict[str, tuple[dict[str, set[str]], list[tuple[str, str]], list[tuple[str, str]]]] = {}


def _opposites(lang: LanguageProfile) -> tuple[dict[str, set[str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """The profile's opposites as normal form → its opposites (single words), phrase pairs (both
    directions), and (stem, entry) for the infinitives among them with a stem of 5+ letters
    (:data:`_INFINITIVE_ENDINGS`), built once per language."""
    if lang.code not in _OPPOSITE_INDEX:
        single: dict[str, set[str]] = {}
        phrases: list[tuple[str, str]] = []
        for a, b in lang.opposites:
            if " " in a or " " in b or lang.unspaced:
                phrases += [(a, b), (b, a)]
            else:
                single.setdefault(lang.normal_form(a), set()).add(lang.normal_form(b))
                single.setdefault(lang.normal_form(b), set()).add(lang.normal_form(a))
        endings = _INFINITIVE_ENDINGS.get(lang.code, ())
        stems = [(key[: -len(e)], key) for key in single for e in endings if key.endswith(e) and len(key) - len(e) >= 5]
        _OPPOSITE_INDEX[lang.code] = (single, phrases, stems)
    return _OPPOSITE_INDEX[lang.code]


_INFINITIVE_ENDINGS = {"de": ("en",), "nl": ("en",), "fr": ("er", "ir", "re"), "es": ("ar", "er", "ir"),
                       "it": ("are", "ere", "ire"), "pt": ("ar", "er", "ir")}


def _list_keys(word: str, stems: Sequence[tuple[str, str]], lang: LanguageProfile) -> frozenset[str]:
    """The opposites list's entries a word stands for: its normal form; in English also its WordNet
    base forms ("rose" → rise, "dropped" → drop); where verbs inflect in ways the normal form does not
    undo, an infinitive of the list whose stem (``stems``) begins the word ("augmenté" → augmenter,
    "exportiert" → exportieren). Cached per language and word."""
    cache = _LIST_KEYS.setdefault(lang.code, {})
    if word not in cache:
        form = lang.normal_form(word)
        keys = {form}
        if lang.wordnet:
            keys |= {lang.normal_form(b) for b in lang.base_forms(word)}
        keys |= {key for stem, key in stems if form.startswith(stem)}
        if len(cache) > 1 << 16:
            cache.clear()
        cache[word] = frozenset(keys)
    return cache[word]


_LIST_KEYS: dict[str, dict[str, frozenset[str]]] = {}


def _contains(text: str, term: str, lang: LanguageProfile) -> bool:
    return term in text if lang.unspaced else re.search(rf"(?<!\w){re.escape(term)}(?!\w)", text) is not None


def spelling_variants(a: str, b: str) -> bool:
    """House spellings and transliterations of one word (Kiev/Kyiv, defense/defence, organize/organise,
    color/colour): the same first letter and the same consonant skeleton, c/s/z and k/c merged,
    diacritics left out."""
    if a.casefold() == b.casefold():
        return True
    if min(len(a), len(b)) < 4 or _plain(a[:1].casefold()) != _plain(b[:1].casefold()):
        return False
    return _skeleton(a) == _skeleton(b)  # "Ürümqi" / "Urumqi", "Erdoğan" / "Erdogan" too


def _skeleton(word: str) -> str:
    word = _plain(word.casefold())
    rest = re.sub(r"[aeiouyjàáâãäåèéêëìíîïòóôõöùúûüý'’-]", "", word[1:])  # j/y: Artem / Artjom, Netanyahu / Netanjahu
    rest = rest.translate(str.maketrans("czk", "sss"))
    return word[0] + re.sub(r"(.)\1+", r"\1", rest)


def compound_change(hyp: str, ref: str) -> tuple[str, str] | None:
    """The parts that differ inside two compounds sharing a head or a modifier of 3+ letters
    (German ``Wasserversorgung``/``Stromversorgung`` → ``('wasser', 'strom')``), or None. Words
    that differ from their first letter (not an umlaut) differ in their modifier, however many
    letters the two modifiers share at their end (``Bundesregierung``/``Landesregierung`` →
    ``('bun', 'lan')``); parts under 3 letters otherwise are an inflection's."""
    a, b = hyp.casefold(), ref.casefold()
    prefix = len(os.path.commonprefix([a, b]))
    suffix = len(os.path.commonprefix([a[::-1], b[::-1]]))
    suffix = min(suffix, len(a) - prefix, len(b) - prefix)
    if max(prefix, suffix) < 4:
        return None
    if prefix == 0 and _plain(a[0]) != _plain(b[0]):
        suffix = min(suffix, len(a) - 3, len(b) - 3)  # the modifier shown with 3 letters at least
    return a[prefix : len(a) - suffix], b[prefix : len(b) - suffix]


def _plain(text: str) -> str:
    """Text without diacritics ("Ürümqi" → "Urumqi", "ä" → "a")."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def unmatched(hyp: Sequence[Fact], ref: Sequence[Fact]) -> tuple[list[Fact], list[Fact]]:
    """Facts of each side with no fact of the same kind and key on the other side (as multisets); a.m.
    or p.m. on one side and a part of the day inside it on the other match."""
    left = Counter((f.kind, f.key) for f in ref)
    right = Counter((f.kind, f.key) for f in hyp)
    extra_hyp, extra_ref = [], []
    for f in hyp:
        if left[(f.kind, f.key)] > 0:
            left[(f.kind, f.key)] -= 1
        else:
            extra_hyp.append(f)
    for f in ref:
        if right[(f.kind, f.key)] > 0:
            right[(f.kind, f.key)] -= 1
        else:
            extra_ref.append(f)
    for mine, theirs in ((extra_hyp, extra_ref), (extra_ref, extra_hyp)):
        for f in [f for f in mine if f.key in _PERIODS_WITHIN]:  # "21:15" (p.m.) / "晚上9点15分" (evening)
            inside = next((g for g in theirs if g.key in _PERIODS_WITHIN[f.key]), None)
            if inside is not None:
                mine.remove(f)
                theirs.remove(inside)
    return extra_hyp, extra_ref


# A.m. and p.m. and the parts of the day (CLDR's day periods) they hold.
_PERIODS_WITHIN = {"period:pm": ("period:afternoon", "period:evening", "period:night"),
                   "period:am": ("period:morning", "period:night")}


def dangling_articles(tokens: Sequence[Token], lang: LanguageProfile) -> list[int]:
    """Indexes of articles that name nothing: right before a punctuation mark, the end, or a word no
    article stands before ("the of", "insisted on a."), also past an adjective in its base form that
    WordNet lists as nothing else, before such a word ("a legal in", "the urban on"): a word is missing."""
    def ends_a_phrase(k: int) -> bool:
        return k >= len(tokens) or tokens[k].text in ".,;:!?)" or tokens[k].text.casefold() in lang.not_after_article

    def bare_adjective(k: int) -> bool:  # not "the largest in", "the 27th,", "the other to"
        word = tokens[k].text if k < len(tokens) else ""
        return word.isalpha() and lang.is_content(word) and lang.parts_of_speech(word) == {"a"} \
            and lang.base_forms(word) == {word.casefold()} and not word.casefold().endswith("est") \
            and word.casefold() not in lang.pronoun_adjectives

    found = []
    for i, token in enumerate(tokens):
        if token.text in lang.articles and (ends_a_phrase(i + 1) or i + 2 < len(tokens) and
                                            tokens[i + 2].text.casefold() in lang.not_after_article and bare_adjective(i + 1)):
            found.append(i)
    return found


def coverage(lang: LanguageProfile) -> dict[str, bool]:
    """Which detectors have the facts they need for this language (compounds only where words
    compound; names only where capitals mark them; function words, which an omission or addition of
    alone is not, where the profile lists them)."""
    covered = {"number": lang.code != "und", "date-time": bool(lang.calendar), "negation": bool(lang.negators),
               "entity": lang.has_case and not lang.capitalizes_nouns and lang.code != "und",
               "opposite": bool(lang.opposites or lang.negating_prefixes or lang.wordnet), "tense": bool(lang.tenses),
               "qualifier": bool(lang.qualifiers), "article": bool(lang.articles),
               "gender": bool(lang.gendered), "function-words": bool(lang.stopwords), "country-names": bool(lang.countries)}
    return covered | ({"compound": True} if lang.compounds else {})
