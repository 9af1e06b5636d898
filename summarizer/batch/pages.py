"""Summaries that carry the checker's knowledge: the summary of an article of a machine-translated
page repeats its awkward renderings ("a drone production ring"), so each summary is matched
against the phrasebook, in the summary's language, and comes with its flags (offsets into the
summary text) and the summary with every suggestion applied.

Summarising and checking are two wings of one layer; this module, above both, joins them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..check import Phrasebook, Span, apply_suggestions
from ..inputs import InputError
from ..summarize import Summarizer, Summary, split_articles


@dataclass(frozen=True)
class FlaggedSummary:
    """A summary and the phrasebook's flags in its text (``start``/``end`` into ``summary.summary``)."""

    summary: Summary
    flags: tuple[Span, ...]

    @property
    def corrected(self) -> str:
        """The summary with every flag's suggestion in place."""
        return apply_suggestions(self.summary.summary, self.flags, range(len(self.flags)))

    def to_dict(self) -> dict:
        """The summary's record, with ``flags`` and, when there are any, ``corrected``."""
        record = {**self.summary.to_dict(), "flags": [s.to_dict() for s in self.flags]}
        return {**record, "corrected": self.corrected} if self.flags else record


def flag_summaries(summaries: Sequence[Summary], phrasebook: Phrasebook | None) -> list[FlaggedSummary]:
    """Each summary with the phrasebook's matches in its text (none without a phrasebook).

    >>> from summarizer import Summarizer
    >>> from summarizer.check import Entry
    >>> book = Phrasebook([Entry("production ring", "production line")])
    >>> [summary] = Summarizer().summarize("They opened a drone production ring in May.")
    >>> [(s.text, s.suggestion) for s in flag_summaries([summary], book)[0].flags]
    [('production ring', 'production line')]
    """
    return [FlaggedSummary(s, tuple(phrasebook.match(s.summary, s.language) if phrasebook else ()))
            for s in summaries]


def summarize_page(summarizer: Summarizer, source: str, text: str, phrasebook: Phrasebook | None = None,
                   max_sentences: int = 2, max_words: int = 60) -> list[FlaggedSummary]:
    """A pasted page's articles, each summarised and flagged (see :func:`flag_summaries`); ``source``
    names the page in the error raised when it holds no article text."""
    articles = split_articles(text)
    if not articles:
        raise InputError(f"{source}: no article text found")
    return flag_summaries(summarizer.summarize(articles, max_sentences=max_sentences, max_words=max_words), phrasebook)


def joined(flagged: Sequence[FlaggedSummary], separator: str = "\n\n") -> tuple[str, list[Span]]:
    """All summaries as one text (``separator`` between them) and their flags with offsets into it,
    so that one accept/reject list and :func:`~summarizer.check.apply_suggestions` serve them all."""
    text, spans, offset = [], [], 0
    for item in flagged:
        spans += [flag.shifted(offset) for flag in item.flags]
        text.append(item.summary.summary)
        offset += len(item.summary.summary) + len(separator)
    return separator.join(text), spans
