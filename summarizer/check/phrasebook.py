"""Reference phrasebook: known awkward MT renderings and their preferred wording.

Works with no reference translation. Entries live in a TSV users can edit in a spreadsheet
(header ``awkward  preferred  target_lang  source_lang  note  count``, optional ``example``) or in
JSONL with the same fields. A default Vietnamese→English phrasebook ships with the package.

Matching is case-, hyphen- and whitespace-insensitive, tolerant of inflection ("production
rings", "strictly handled"), and only ever matches whole words. Entries are indexed by the first
letters and length of their first word, so each word of the text is compared with a handful of
entries, not with all of them.

:func:`summarizer.check.mine.mine_phrasebook` learns new entries from MT/reference pairs.
"""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import os
import re
from collections import defaultdict
from dataclasses import asdict, dataclass
from importlib import resources
from typing import Iterable, Sequence

from ..inputs import InputError, atomic_output, json_object, read_text
from ..text import LanguageProfile, char_ngram_similarity, profile
from .spans import Span

FIELDS = ["awkward", "preferred", "target_lang", "source_lang", "note", "count"]
DEFAULT_FILE = "phrasebook.vi-en.tsv"
WORD_SIMILARITY = 0.7  # a near word (see _near) matches an entry word at or above this character similarity
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.U)


@dataclass(frozen=True)
class Entry:
    """One phrasebook row: MT's ``awkward`` rendering and the ``preferred`` wording."""

    awkward: str
    preferred: str
    target_lang: str = "en"
    source_lang: str = ""
    note: str = ""
    count: int = 0
    example: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def phrase_key(text: str) -> str:
    """The words of a phrase, case-folded and joined by single spaces: how entries are compared."""
    return " ".join(w.casefold() for w in _WORD.findall(text))


def _field(record: dict, key: str, where: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and key == "count":
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
    return value.strip()


def _entry(record: dict, where: str) -> Entry:
    awkward, preferred = _field(record, "awkward", where), _field(record, "preferred", where)
    if not awkward:
        raise InputError(f"{where}: 'awkward' is empty")
    if not preferred:
        raise InputError(f"{where}: 'preferred' is empty")
    if not _WORD.search(awkward):
        raise InputError(f"{where}: 'awkward' has no words: {awkward!r}")
    raw_count = _field(record, "count", where) or "0"
    if not raw_count.isdigit():
        raise InputError(f"{where}: 'count' must be a whole number, not {raw_count!r}")
    return Entry(awkward, preferred, _field(record, "target_lang", where) or "en", _field(record, "source_lang", where),
                 _field(record, "note", where), int(raw_count), _field(record, "example", where))


def parse_phrasebook(text: str, name: str) -> list[Entry]:
    """Entries of a phrasebook file's text; ``name`` (used in errors) ending in .jsonl/.json means JSONL."""
    entries = []
    if name.endswith((".jsonl", ".json")):
        for number, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            record = json_object(line, f"{name}:{number}", "'awkward' and 'preferred'")
            entries.append(_entry(record, f"{name}:{number}"))
        return entries
    reader = csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if not header or "awkward" not in header or "preferred" not in header:
        raise InputError(f"{name}:1: the header must name the columns, at least 'awkward' and 'preferred' "
                         f"(tab-separated: {' '.join(FIELDS)})")
    for number, row in enumerate(reader, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            raise InputError(f"{name}:{number}: {len(row)} columns but the header has {len(header)} (a stray tab?)")
        entries.append(_entry(dict(zip(header, row)), f"{name}:{number}"))
    return entries


def load_phrasebook(path: str) -> list[Entry]:
    """Entries of a TSV or JSONL phrasebook file; errors name the file and line."""
    return parse_phrasebook(read_text(path), path)


def default_entries() -> list[Entry]:
    """The shipped Vietnamese→English phrasebook."""
    text = resources.files("summarizer").joinpath("data", DEFAULT_FILE).read_text(encoding="utf-8")
    return parse_phrasebook(text, DEFAULT_FILE)


def write_phrasebook(entries: Iterable[Entry], path: str | None) -> None:
    """Write entries as TSV (or JSONL when ``path`` ends in .jsonl), atomically; None or ``-`` = stdout."""
    with atomic_output(path) as out:
        if path and path.endswith((".jsonl", ".json")):
            for entry in entries:
                out.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
            return
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(FIELDS + ["example"])
        for e in entries:
            writer.writerow([_cell(v) for v in (e.awkward, e.preferred, e.target_lang, e.source_lang, e.note, e.count, e.example)])


def _cell(value) -> str:
    return re.sub(r"[\t\r\n]+", " ", str(value))


def _adapt(preferred: str, matched: str, entry_last: str, matched_last: str) -> str:
    """The preferred wording in the match's case, and plural when the match is a simple plural
    (a verb's -s is taken for a plural too, so wordings ending in an adverb or participle are left alone)."""
    last = matched_last.casefold()
    if last != entry_last.casefold() and last in (entry_last.casefold() + "s", entry_last.casefold() + "es"):
        head, _, tail = preferred.rpartition(" ")
        if not re.search(r"(s|ly|ed|ing)$", tail):  # adverbs and participles have no plural
            if re.search(r"[^aeiou]y$", tail):
                tail = tail[:-1] + "ies"
            elif re.search(r"(s|x|z|ch|sh)$", tail):
                tail += "es"
            else:
                tail += "s"
        preferred = f"{head} {tail}" if head else tail
    if len(matched) > 1 and matched.isupper():
        return preferred.upper()
    if matched[:1].isupper() and preferred[:1].islower():
        return preferred[:1].upper() + preferred[1:]
    return preferred


class Phrasebook:
    """An indexed set of entries; :meth:`match` finds them in any text.

    >>> book = Phrasebook([Entry("production ring", "production line", note="dây chuyền sản xuất")])
    >>> [(s.text, s.suggestion) for s in book.match("Two drone-production rings opened.")]
    [('production rings', 'production lines')]
    """

    def __init__(self, entries: Iterable[Entry]):
        self.entries: list[Entry] = []
        # Keyed by the first word's first three letters and its length: a text word is compared
        # only with entries whose first word could be a variant of it (lengths within two).
        self._index: dict[tuple[str, int], list[tuple[Entry, list[_Word]]]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for entry in entries:
            if (entry.awkward.casefold(), entry.target_lang) in seen:
                continue  # the first file loaded wins
            seen.add((entry.awkward.casefold(), entry.target_lang))
            self.entries.append(entry)
            words = [_Word(w, profile(entry.target_lang)) for w in _WORD.findall(entry.awkward)]
            self._index[(words[0].key, len(words[0].folded))].append((entry, words))

    @classmethod
    def load(cls, paths: Sequence[str] = (), default: bool = True) -> Phrasebook:
        """User files first (their entries win), then the shipped default unless ``default=False``."""
        entries: list[Entry] = []
        for path in paths:
            entries.extend(load_phrasebook(path))
        if default:
            entries.extend(default_entries())
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def match(self, text: str, lang: str = "en") -> list[Span]:
        """Non-overlapping phrasebook spans in ``text`` (category ``phrasebook``), in text order."""
        matches = list(_WORD.finditer(text))
        words = [_Word(m.group(), profile(lang)) for m in matches]
        candidates = []
        for i, word in enumerate(words):
            nearby = (self._index.get((word.key, len(word.folded) + d), ()) for d in (0, -1, 1, -2, 2))
            for entry, entry_words in itertools.chain.from_iterable(nearby):
                if entry.target_lang not in ("", lang) or i + len(entry_words) > len(words):
                    continue
                score = _window_score(words[i : i + len(entry_words)], entry_words)
                if score is None:
                    continue
                window = [(m.group(), m.start(), m.end()) for m in matches[i : i + len(entry_words)]]
                found = " ".join(w.casefold() for w, _, _ in window)
                closeness = char_ngram_similarity(found, entry.awkward.casefold())
                if char_ngram_similarity(found, entry.preferred.casefold()) >= closeness:
                    continue  # the text already has (a variant of) the preferred wording
                candidates.append((len(entry_words), score, closeness, i, entry, window))
        chosen: list[Span] = []
        for n, score, _, _, entry, window in sorted(candidates, key=lambda c: (-c[0], -c[1], -c[2], c[3])):
            start, end = window[0][1], window[-1][2]
            matched = text[start:end]
            span = Span(start, end, matched, "phrasebook", "minor", round(score, 3),
                        _adapt(entry.preferred, matched, entry.awkward.split()[-1], window[-1][0]), entry.note or None,
                        type="calque")
            if not any(span.overlaps(other) for other in chosen):
                chosen.append(span)
        return sorted(chosen, key=lambda s: s.start)


class _Word:
    """A word with the forms matching compares: case-folded, its index key, its normal form, and
    whether it is a function word of its language."""

    __slots__ = ("folded", "key", "normal", "function")

    def __init__(self, word: str, lang: LanguageProfile):
        self.folded = word.casefold()
        self.key = self.folded[:3]
        self.normal = lang.normal_form(self.folded)
        self.function = self.folded in lang.stopwords


@functools.lru_cache(maxsize=65536)
def _similarity(a: str, b: str) -> float:
    return char_ngram_similarity(a, b)


def _near(a: str, b: str) -> bool:
    """Could ``a`` be an inflection or spelling variant of ``b``: the same length with at most two
    letters changed, or a shared stem with endings that differ by at most two characters in length."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 2
    if abs(len(a) - len(b)) > 2:
        return False
    return len(os.path.commonprefix([a, b])) >= min(len(a), len(b)) - 2


def _window_score(window: Sequence[_Word], entry_words: Sequence[_Word]) -> float | None:
    """Mean word similarity when every word matches (stopwords exactly), else None.

    Cheap tests come first (equality, same first letters, :func:`_near`, normal form); character
    n-grams are compared only for the few near-misses left.
    """
    total = 0.0
    for word, target in zip(window, entry_words):
        if word.folded == target.folded:
            total += 1.0
            continue
        if target.function or word.key != target.key or not _near(word.folded, target.folded):
            return None
        if word.normal == target.normal:
            total += 0.95
            continue
        if len(target.folded) <= 5 or len(word.folded) < len(target.folded):
            # Short words vary only by inflection (normal form): "they" is not "them". Entries are
            # written in their base form, so a shorter word in the text is a different word
            # ("the mass" is not "the masses").
            return None
        similarity = _similarity(word.folded, target.folded)
        if similarity < WORD_SIMILARITY:
            return None
        total += similarity
    return total / len(entry_words)
