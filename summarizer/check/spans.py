"""The error-span record shared by the checker and the phrasebook (COMET/xCOMET field names), and
what every interface does with spans: mark them up in HTML, apply accepted suggestions."""

from __future__ import annotations

import html
from dataclasses import asdict, dataclass, replace
from typing import Iterable, Sequence


@dataclass(frozen=True)
class Span:
    """A flagged phrase: ``[start, end)`` character offsets in the text it was found in.

    ``category``: ``substitution`` / ``addition`` / ``omission`` / ``inflection`` (alignment to a
    reference) or ``phrasebook``; ``type``: the kind of error (see :data:`TYPES`); ``severity``:
    ``minor`` / ``major`` / ``critical``; ``confidence`` in [0, 1]; ``suggestion``: the preferred
    wording, or None when there is none (an addition); ``note``: why, when known;
    ``ref_start``/``ref_end``: where the suggestion comes from in the reference, when it does;
    ``at``: for an omission (whose offsets are in the reference), where in the hypothesis its words
    are missing; ``consensus``: when other systems' translations of the same source were checked
    with it, the share of them that write the flagged words too (None otherwise).
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
    type: str | None = None
    at: int | None = None
    consensus: float | None = None

    def shifted(self, offset: int, ref_offset: int = 0, at_offset: int = 0) -> Span:
        """The same span with offsets moved (e.g. from a sentence into its document); ``at_offset``
        moves :attr:`at` (an omission's place in the hypothesis)."""
        at = None if self.at is None else self.at + at_offset
        if self.ref_start is None:
            return replace(self, start=self.start + offset, end=self.end + offset, at=at)
        return replace(self, start=self.start + offset, end=self.end + offset,
                       ref_start=self.ref_start + ref_offset, ref_end=self.ref_end + ref_offset, at=at)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def importance(self) -> tuple[int, float]:
        """Sort key of flags, worst first when sorted in reverse: severity, then confidence."""
        return SEVERITIES.index(self.severity), self.confidence

    def to_dict(self) -> dict:
        return asdict(self)


SEVERITIES = ("minor", "major", "critical")
# Error types (MQM-style names): what kind of difference a flag reports.
TYPES = {
    "negation": "a negation added or dropped", "opposite": "a word of opposite meaning",
    "number": "another number or quantity", "unit": "another unit", "date-time": "another day, month or time",
    "entity": "another name", "omission": "content of the reference left out", "addition": "content not in the reference",
    "compound": "another part inside a compound word", "mistranslation": "another wording that changes the meaning",
    "calque": "a known awkward rendering", "spelling": "a house spelling or transliteration (Kiev/Kyiv)",
    "inflection": "the same word in another form", "tense": "another tense (past, present, future)",
    "qualifier": "an approximator or limiter added, dropped or changed (nearly, at least, only)",
    "gender": "a pronoun of another gender (she for he)",
}


def by_importance(spans: Iterable[Span]) -> list[Span]:
    """Flags worst first: critical before major before minor, then by confidence, then by position."""
    return sorted(spans, key=lambda s: (-SEVERITIES.index(s.severity), -s.confidence, s.start))


def keep(span: Span, min_severity: str = "minor", min_confidence: float = 0.0) -> bool:
    """Whether a flag passes the filters (``--min-severity``, ``--min-confidence``)."""
    return SEVERITIES.index(span.severity) >= SEVERITIES.index(min_severity) and span.confidence >= min_confidence


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


def _field(mark: Span | dict, name: str, default=None):
    return mark.get(name, default) if isinstance(mark, dict) else getattr(mark, name, default)


def marked_html(text: str, marks: Iterable[Span | dict], window: tuple[int, int] | None = None) -> str:
    """``text`` HTML-escaped, each mark (a :class:`Span`, or a dict with ``start``, ``end``,
    ``severity`` and optional ``category``, ``suggestion``, ``id``) wrapped in
    ``<mark class='severity category'>``; the suggestion is the tooltip (for an omission, that it is
    missing from the MT). A mark with ``start == end`` (see :func:`gap_marks`) is a caret ``‸`` at
    that place. Overlaps are skipped. With ``window=(start, end)`` only that part of ``text`` is
    shown, with the marks that lie inside it (offsets stay those of ``text``).

    >>> marked_html("a <b> c", [{"start": 2, "end": 5, "severity": "major", "suggestion": "d"}])
    "a <mark class='major' title='→ d'>&lt;b&gt;</mark> c"
    >>> marked_html("One. Two words.", [Span(9, 14, "words", "addition", "minor", 0.5, None)], window=(5, 15))
    "Two <mark class='minor addition'>words</mark>."
    """
    low, high = window or (0, len(text))
    inside = [m for m in marks if low <= _field(m, "start") and _field(m, "end") <= high]
    out, pos = [], low
    for mark in sorted(inside, key=lambda m: (_field(m, "start"), _field(m, "end"))):
        start, end = _field(mark, "start"), _field(mark, "end")
        if start < pos:
            continue
        category, suggestion, ident = _field(mark, "category"), _field(mark, "suggestion"), _field(mark, "id")
        classes = " ".join(filter(None, [_field(mark, "severity"), category]))
        attrs = f" class='{html.escape(classes, quote=True)}'"
        if ident is not None:
            attrs += f" data-flag='{html.escape(str(ident), quote=True)}'"
        if suggestion:
            attrs += f" title='→ {html.escape(suggestion, quote=True)}'"
        elif category == "omission":
            attrs += " title='missing from the machine translation'"
        shown = html.escape(text[start:end]) if end > start else "\u2038"
        out += [html.escape(text[pos:start]), f"<mark{attrs}>{shown}</mark>"]
        pos = end
    out.append(html.escape(text[pos:high]))
    return "".join(out)


def numbered(spans: Sequence[Span]) -> list[dict]:
    """The spans as marks numbered from 1 (``id``), as tables and accept/reject choices show them."""
    return [dict(s.to_dict(), id=i) for i, s in enumerate(spans, 1)]


def gap_marks(omissions: Iterable[Span | dict]) -> list[dict]:
    """Zero-width marks for :func:`marked_html` on the hypothesis: where each omission's words are
    missing (:attr:`Span.at`), the words as the tooltip.

    >>> marked_html("the parliamentary of", gap_marks([Span(0, 7, "manager", "omission", "major", 0.5, None, at=17)]))
    "the parliamentary<mark class='major gap' title='→ manager'>‸</mark> of"
    """
    return [{"start": _field(o, "at"), "end": _field(o, "at"), "severity": _field(o, "severity"), "category": "gap",
             "suggestion": _field(o, "text")} for o in omissions if _field(o, "at") is not None]


def reference_marks(spans: Iterable[Span | dict]) -> list[dict]:
    """Marks for :func:`marked_html` on the reference: where each span's suggestion comes from."""
    return [{"start": _field(s, "ref_start"), "end": _field(s, "ref_end"), "severity": _field(s, "severity"),
             "id": _field(s, "id")} for s in spans if _field(s, "ref_start") is not None]
