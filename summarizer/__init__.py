"""summarizer: multilingual news summaries and machine-translation quality checks.

>>> from summarizer import split_articles, Summarizer
>>> page = "Bridge opens\\n\\nJane Doe |\\n\\nThe city opened a bridge on Monday. It cost 20 million euros."
>>> [(a.title, a.byline) for a in split_articles(page)]
[('Bridge opens', 'Jane Doe')]
"""

from .articles import Article, split_articles
from .check import Checker, CorpusResult, DocumentResult, SegmentResult, Span
from .language import detect_language
from .sentences import Sentence, split_sentences
from .summarize import Summarizer, Summary

__all__ = ["Article", "Checker", "CorpusResult", "DocumentResult", "SegmentResult", "Sentence", "Span", "Summarizer",
           "Summary", "detect_language", "split_articles", "split_sentences"]
__version__ = "0.1.0"
