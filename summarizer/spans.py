"""The error-span record shared by the checker and the phrasebook (COMET/xCOMET field names)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace


@dataclass(frozen=True)
class Span:
    """A flagged phrase: ``[start, end)`` character offsets in the text it was found in.

    ``category``: ``substitution`` / ``addition`` / ``omission`` (alignment to a reference) or
    ``phrasebook``; ``severity``: ``minor`` / ``major``; ``confidence`` in [0, 1]; ``suggestion``:
    the preferred wording, or None when there is none (an addition); ``note``: why, when known.
    """

    start: int
    end: int
    text: str
    category: str
    severity: str
    confidence: float
    suggestion: str | None
    note: str | None = None

    def shifted(self, offset: int) -> Span:
        """The same span with offsets moved by ``offset`` (e.g. from a sentence into its document)."""
        return replace(self, start=self.start + offset, end=self.end + offset)

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict:
        return asdict(self)
