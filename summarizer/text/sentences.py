"""Sentence splitting for many languages (sentencex), with character offsets.

Paragraph breaks always end a sentence. sentencex handles abbreviations per language; we only
undo the splits it makes inside a token (``TP.HCM``, ``U.S.A``), which never end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from .profile import UNSPACED

_PARAGRAPH = re.compile(r"[^\n]+")
_NON_SPACE = re.compile(r"\S")


@dataclass(frozen=True)
class Sentence:
    """A sentence and its ``[start, end)`` character offsets (``None`` for generated text)."""

    text: str
    start: int | None
    end: int | None

    def to_dict(self) -> dict:
        return asdict(self)


def _segments(paragraph: str, language: str) -> list[str]:
    from sentencex import segment

    return [s for s in segment(language if language != "und" else "en", paragraph)]


def split_sentences(text: str, language: str = "en") -> list[Sentence]:
    """Split ``text`` into sentences with offsets (whitespace trimmed).

    >>> [s.text for s in split_sentences("Ông A. đến TP.HCM hôm qua. Trời mưa!\\nMới", "vi")]
    ['Ông A. đến TP.HCM hôm qua.', 'Trời mưa!', 'Mới']
    """
    sentences: list[Sentence] = []
    for para in _PARAGRAPH.finditer(text):
        pos = para.start()
        pieces: list[tuple[int, int]] = []
        for seg in _segments(para.group(), language):
            start = text.index(seg, pos) if seg else pos
            end = start + len(seg)
            pos = end
            if pieces and end > start and _inside_token(text, pieces[-1][1], start):
                pieces[-1] = (pieces[-1][0], end)
            else:
                pieces.append((start, end))
        for start, end in pieces:
            chunk = text[start:end]
            first = _NON_SPACE.search(chunk)
            if first is None:
                continue
            start += first.start()
            end = start + len(text[start:end].rstrip())
            sentences.append(Sentence(text[start:end], start, end))
    return sentences


def _inside_token(text: str, prev_end: int, start: int) -> bool:
    """A split with no whitespace between a letter+period and a letter/digit is inside a token."""
    return (
        prev_end == start
        and start >= 2
        and text[start - 1] == "."
        and text[start - 2].isalpha()
        and start < len(text)
        and text[start].isalnum()
        and not UNSPACED.match(text[start])
    )
