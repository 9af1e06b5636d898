"""summarizer: multilingual news summaries and machine-translation quality checks.

Three wings, each a folder, dependencies pointing down only: :mod:`summarizer.batch` (corpora:
readers, workers, writers, statistics, report) over :mod:`summarizer.check` (MT checking) and
:mod:`summarizer.summarize` (articles and summaries), over :mod:`summarizer.models` and
:mod:`summarizer.text` (the language profile), over :mod:`summarizer.inputs`.

>>> from summarizer import split_articles, Summarizer
>>> page = "Bridge opens\\n\\nJane Doe |\\n\\nThe city opened a bridge on Monday. It cost 20 million euros."
>>> [(a.title, a.byline) for a in split_articles(page)]
[('Bridge opens', 'Jane Doe')]
"""

from .check import (Checker, CorpusResult, DocumentResult, Entry, Phrasebook, SegmentResult, Span, apply_suggestions,
                    mine_phrasebook)
from .inputs import InputError
from .summarize import Article, Summarizer, Summary, split_articles
from .text import Sentence, detect_language, profile, split_sentences
from .version import __version__

__all__ = ["Article", "Checker", "CorpusResult", "DocumentResult", "Entry", "InputError", "Phrasebook", "SegmentResult", "Sentence",
           "Span", "Summarizer", "Summary", "__version__", "apply_suggestions", "detect_language", "mine_phrasebook",
           "profile", "split_articles", "split_sentences"]
