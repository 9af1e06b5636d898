"""Agreement between systems: when several machine translations of one source are checked together
(by default, those with the same references; the batch command line: consecutive records with the
same references, or for line-aligned files, the other systems' same line), a flagged phrase that
most of the other systems write too is more likely the reference's own wording than this system's
error (on expert MQM spans, such flags are real errors about half as often as flags on words no
other system wrote).

:func:`peer_texts` finds, for each hypothesis, the other hypotheses of the same segment;
:func:`with_consensus` records on a span the share of those that contain its words. The checker's
calibrated confidence takes it into account (:mod:`summarizer.check.calibration`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Hashable, Sequence

from .spans import Span

MIN_PEERS = 2  # other hypotheses of the same references needed before agreement means anything
NOTE_FROM = 0.5  # share of the others from which the span's note says so
_WORD = re.compile(r"\w+")


def _normal(text: str) -> str:
    return " " + " ".join(_WORD.findall(text.casefold())) + " "


def peer_texts(hypotheses: Sequence[str], segments: Sequence[Hashable],
               given: Sequence[Sequence[str]] | None = None) -> list[tuple[str, ...]]:
    """For each hypothesis, the other hypotheses of the same segment (``segments``: one key per
    hypothesis, e.g. its references; or ``given``: each hypothesis's others, as line-aligned files
    of several systems provide them), normalised (lower case, words only); ``()`` when there are
    fewer than :data:`MIN_PEERS` of them."""
    if given is not None:
        return [tuple(_normal(p) for p in others) if len(others) >= MIN_PEERS else () for others in given]
    groups: dict[Hashable, list[int]] = defaultdict(list)
    for i, key in enumerate(segments):
        groups[tuple(key) if isinstance(key, list) else key].append(i)
    normal = [_normal(h) for h in hypotheses]
    peers: list[tuple[str, ...]] = [()] * len(hypotheses)
    for members in groups.values():
        if len(members) > MIN_PEERS:
            for i in members:
                peers[i] = tuple(normal[j] for j in members if j != i)
    return peers


def with_consensus(span: Span, peers: Sequence[str]) -> Span:
    """The span with :attr:`Span.consensus` set: the share of ``peers`` that contain its words (in
    order, as whole words); its note says so from :data:`NOTE_FROM` on."""
    if not peers:
        return span
    phrase = _normal(span.text)
    if not phrase.strip():
        return span
    shared = sum(phrase in p for p in peers)
    note = span.note
    if shared / len(peers) >= NOTE_FROM:
        said = f"{shared} of {len(peers)} other systems write this too"
        note = f"{note}; {said}" if note else said
    return replace(span, consensus=round(shared / len(peers), 3), note=note)
