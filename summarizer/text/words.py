"""Words: tokens with character offsets, and a language-independent similarity of two phrases."""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from .profile import UNSPACED_CHARS

_WORD = rf"[^\W{UNSPACED_CHARS}]+"  # letters and digits of spaced scripts
_TOKEN = re.compile(rf"[{UNSPACED_CHARS}]|{_WORD}(?:[-'’.]{_WORD})*|[^\w\s]", re.U)


@dataclass(frozen=True)
class Token:
    """A word, a single character of an unspaced script, or a punctuation mark, with its offsets."""

    text: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


@functools.lru_cache(maxsize=4096)  # a reference is tokenized once for all the systems checked against it
def tokenize(text: str) -> tuple[Token, ...]:
    """Words, single characters of unspaced scripts and punctuation marks, with character offsets.

    >>> [t.text for t in tokenize("Nhà máy well-known 工厂!")]
    ['Nhà', 'máy', 'well-known', '工', '厂', '!']
    """
    return tuple(Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text))


def char_ngram_similarity(a: str, b: str, n: int = 3) -> float:
    """Dice overlap of character n-grams (1..n): a language-independent phrase similarity in [0, 1]."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return 1.0
    total, score = 0, 0.0
    for k in range(1, n + 1):
        ga = [a[i : i + k] for i in range(len(a) - k + 1)]
        gb = [b[i : i + k] for i in range(len(b) - k + 1)]
        if not ga or not gb:
            continue
        ca, cb = Counter(ga), Counter(gb)
        score += 2 * sum((ca & cb).values()) / (len(ga) + len(gb))
        total += 1
    return score / total if total else 0.0
