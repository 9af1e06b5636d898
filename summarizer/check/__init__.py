"""MT checking: scores against references (the metric seam), flags with the reference's wording,
the phrasebook of known awkward renderings, and mining new entries."""

from .checker import Checker
from .mine import mine_phrasebook
from .phrasebook import Entry, Phrasebook, load_phrasebook, write_phrasebook
from .results import AlignedPair, CorpusResult, DocumentResult, LexicalPart, SegmentResult
from .scores import DEFAULT_METRICS, REGISTRY, Metric
from .spans import Span, apply_suggestions, marked_html

__all__ = ["DEFAULT_METRICS", "REGISTRY", "AlignedPair", "Checker", "CorpusResult", "DocumentResult", "Entry", "LexicalPart", "Metric",
           "Phrasebook", "SegmentResult", "Span", "apply_suggestions", "load_phrasebook", "marked_html",
           "mine_phrasebook", "write_phrasebook"]
