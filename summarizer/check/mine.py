"""Learn phrasebook entries from MT and reference (post-edit) pairs: the substitutions the checker's
alignment finds, kept when they recur and the MT phrase is replaced in most of its occurrences."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Sequence

from ..text import profile
from .checker import Checker
from .flags import align_pair
from .phrasebook import Entry, Phrasebook, phrase_key


def _has_content_word(text: str, lang: str) -> bool:
    """A word of three letters or more that is not a function word ("there's" has none)."""
    stopwords = profile(lang).stopwords
    return any(len(part) >= 3 and part not in stopwords for part in re.findall(r"[^\W\d_]+", text.casefold()))


def _clean_phrase(text: str, lang: str, max_words: int) -> bool:
    """A wording fit for a phrasebook: at most ``max_words`` words, a content word, no stray
    punctuation inside, and neither starting nor ending with a function word ("the bang on space
    when the" and "merge — there is" are fragments of an alignment, not wordings)."""
    words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", text.casefold())
    if not words or len(words) > max_words or re.search(r"[—–;:!?()\[\]\"“”]", text):
        return False
    stopwords = profile(lang).stopwords
    return _has_content_word(text, lang) and words[0] not in stopwords and words[-1] not in stopwords


def mine_phrasebook(hypotheses: Sequence[str], references: Sequence[str], checker: Checker | None = None,
                    min_count: int = 2, min_consistency: float = 0.5, max_words: int = 4,
                    target_lang: str = "en", source_lang: str = "") -> list[Entry]:
    """Phrasebook entries learnt from line-aligned MT and reference (or post-edit) segments.

    Every substitution of the checker's alignment (MT phrase → reference phrase) that no detector
    typed as a fact (numbers, names, dates…) is collected, paraphrases included: a recurring,
    consistent replacement is what post-editors teach, whatever the encoder thinks; an MT phrase
    is kept when it was replaced against at least ``min_count`` different references (several
    systems translating one sentence count once), in at least ``min_consistency`` of its
    occurrences in the MT, by the same wording at least half the time, and when both it and that
    wording are short (``max_words``, one more for the wording), hold a content word and neither
    start nor end with a function word. The preferred wording is its most frequent replacement;
    ``count`` is the number of different references. Ranked by count × consistency,
    with an example segment.
    """
    if len(hypotheses) != len(references):
        raise ValueError(f"{len(hypotheses)} hypotheses but {len(references)} references")
    lang = (checker.profile if checker else profile(target_lang))
    replacements: dict[str, Counter] = defaultdict(Counter)
    contexts: dict[str, set[str]] = defaultdict(set)  # distinct references it was replaced against
    examples: dict[str, str] = {}
    for hypothesis, reference in zip(hypotheses, references):
        a = align_pair(hypothesis, reference, lang)
        for e, kind in zip(a.edits, a.types):
            if e.kind != "substitution" or kind not in (None, "opposite"):
                continue
            text, suggestion = a.phrase(e)[:2]
            key = phrase_key(text)
            if not key or not _clean_phrase(text, target_lang, max_words) or \
                    not _clean_phrase(suggestion, target_lang, max_words + 1):
                continue
            if any(ch.isdigit() for ch in text):
                continue  # numbers are facts, not phrasing
            replacements[key][suggestion] += 1
            contexts[key].add(reference)
            examples.setdefault(key, hypothesis)
    frequent = {k: c for k, c in replacements.items() if len(contexts[k]) >= min_count}
    occurrences: Counter = Counter()
    exact = Phrasebook(Entry(k, "-", target_lang) for k in frequent)
    for hypothesis in hypotheses:
        for span in exact.match(hypothesis, target_lang):
            if span.confidence == 1.0:
                occurrences[phrase_key(span.text)] += 1
    mined = []
    for key, counter in frequent.items():
        replaced = sum(counter.values())
        consistency = replaced / max(replaced, occurrences[key])
        if consistency < min_consistency:
            continue
        preferred, times = counter.most_common(1)[0]
        if times * 2 < replaced:
            continue  # replaced by different wordings each time: no consistent preference to teach
        note = (f"mined: replaced in {replaced} of {max(replaced, occurrences[key])} occurrences, "
                f"against {len(contexts[key])} different references")
        mined.append((len(contexts[key]) * consistency,
                      Entry(key, preferred, target_lang, source_lang, note, len(contexts[key]), examples[key])))
    return [entry for _, entry in sorted(mined, key=lambda m: (-m[0], m[1].awkward))]
