"""The error-span record shared by the checker and the phrasebook (COMET/xCOMET field names), and
what every interface does with spans: mark them up in HTML, apply accepted suggestions."""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, replace
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Span:
    """A flagged phrase: ``[start, end)`` character offsets in the text it was found in.

    ``category``: ``substitution`` / ``addition`` / ``omission`` (alignment to a reference) or
    ``phrasebook``; ``severity``: ``minor`` / ``major``; ``confidence`` in [0, 1]; ``suggestion``:
    the preferred wording, or None when there is none (an addition); ``note``: why, when known;
    ``ref_start``/``ref_end``: where the suggestion comes from in the reference, when it does.
    """

    start: int
    end: int
    text: str
    category: str
    severity: str
    confidence: float
    suggestion: str | None
    note: str | None = None
    ref_start: int | None = None
    ref_end: int | None = None

    def shifted(self, offset: int, ref_offset: int = 0) -> Span:
        """The same span with offsets moved (e.g. from a sentence into its document)."""
        if self.ref_start is None:
            return replace(self, start=self.start + offset, end=self.end + offset)
        return replace(self, start=self.start + offset, end=self.end + offset,
                       ref_start=self.ref_start + ref_offset, ref_end=self.ref_end + ref_offset)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict:
        return asdict(self)


def apply_suggestions(text: str, spans: Sequence[Span], accepted: Iterable[int]) -> str:
    """``text`` with the suggestions of the spans whose indices are in ``accepted`` put in place.

    Spans without a suggestion are left as they are; of overlapping accepted spans the first wins.

    >>> spans = [Span(13, 28, "production ring", "substitution", "major", 0.9, "production line")]
    >>> apply_suggestions("They built a production ring.", spans, [0])
    'They built a production line.'
    """
    chosen = sorted((spans[i] for i in set(accepted) if spans[i].suggestion is not None), key=lambda s: s.start)
    out, pos = [], 0
    for span in chosen:
        if span.start < pos:
            continue
        out += [text[pos:span.start], span.suggestion]
        pos = span.end
    out.append(text[pos:])
    return "".join(out)


def marked_html(text: str, marks: Iterable[dict]) -> str:
    """``text`` HTML-escaped, each mark (``start``, ``end``, ``severity``, optional ``category``,
    ``suggestion`` and ``id``) wrapped in ``<mark class='severity category'>``; the suggestion is the
    tooltip (for an omission, that it is missing from the MT). Overlaps are skipped.

    >>> marked_html("a <b> c", [{"start": 2, "end": 5, "severity": "major", "suggestion": "d"}])
    "a <mark class='major' title='→ d'>&lt;b&gt;</mark> c"
    """
    out, pos = [], 0
    for mark in sorted(marks, key=lambda m: m["start"]):
        if mark["start"] < pos:
            continue
        classes = " ".join(filter(None, [mark["severity"], mark.get("category")]))
        attrs = f" class='{html.escape(classes, quote=True)}'"
        if mark.get("id") is not None:
            attrs += f" data-flag='{html.escape(str(mark['id']), quote=True)}'"
        if mark.get("suggestion"):
            attrs += f" title='→ {html.escape(mark['suggestion'], quote=True)}'"
        elif mark.get("category") == "omission":
            attrs += " title='missing from the machine translation'"
        out += [html.escape(text[pos:mark["start"]]), f"<mark{attrs}>{html.escape(text[mark['start']:mark['end']])}</mark>"]
        pos = mark["end"]
    out.append(html.escape(text[pos:]))
    return "".join(out)


def reference_marks(spans: Iterable[dict]) -> list[dict]:
    """Marks for :func:`marked_html` on the reference: where each span's suggestion comes from."""
    return [{"start": s["ref_start"], "end": s["ref_end"], "severity": s["severity"], "id": s.get("id")}
            for s in spans if s.get("ref_start") is not None]
