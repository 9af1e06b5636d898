"""Summaries: a pasted page split into articles, and a short summary of each in its own language."""

from .articles import Article, split_articles
from .summarizer import Summarizer, Summary, select_sentences

__all__ = ["Article", "Summarizer", "Summary", "select_sentences", "split_articles"]
