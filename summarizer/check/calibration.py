"""Calibrated flag confidence: the probability that a flag marks a real error, from the flag's type,
severity, heuristic evidence and its segment's scores, by a logistic model fitted on expert MQM
annotations (``eval/calibrate.py`` fits it on one part of the MQM dev file and reports its
reliability on the rest). The fitted constants are data (``data/calibration.json``), one set per
sentence encoder, as bert_score keeps its per-model constants.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass, replace
from importlib import resources

from .spans import SEVERITIES, TYPES, Span

FILE = "calibration.json"


def features(span: Span, scores: dict[str, float], usual_consensus: float = 0.0) -> dict[str, float]:
    """What the model sees of a flag: its type and severity (one-hot), its heuristic confidence, its
    length, its segment's chrF++ and BERTScore (0–1), and the share of other systems that write the
    same words (:attr:`Span.consensus`; when no other system was checked with it, ``usual_consensus``,
    the mean over the fitting data, so that a flag checked alone is neither raised nor lowered)."""
    values = {f"type={t}": float(span.type == t) for t in TYPES}
    values.update({f"severity={s}": float(span.severity == s) for s in SEVERITIES})
    values.update({"heuristic": span.confidence, "log_chars": math.log1p(span.end - span.start),
                   "words": float(len(span.text.split())), "segment_chrf": scores.get("chrf", 0.0) / 100,
                   "segment_bertscore": scores.get("bertscore", scores.get("chrf", 0.0)) / 100,
                   "consensus": usual_consensus if span.consensus is None else span.consensus})
    return values


@dataclass(frozen=True)
class Calibration:
    """A fitted logistic model: ``coef`` per feature, ``intercept``; ``best_f1_threshold`` is the
    confidence threshold with the best F1 on the fitting data (for ``--min-confidence``; nothing is
    filtered by default); ``fitted_on`` says what the data was; ``usual_consensus``: the mean
    :attr:`Span.consensus` of the flags it was fitted on."""

    coef: dict[str, float]
    intercept: float
    best_f1_threshold: float
    fitted_on: str
    encoder: str | None
    usual_consensus: float = 0.0

    def confidence(self, span: Span, scores: dict[str, float]) -> float:
        return self.confidence_from(features(span, scores, self.usual_consensus))

    def confidence_from(self, values: dict[str, float]) -> float:
        """The probability of a real error, given a flag's :func:`features`."""
        z = self.intercept + sum(self.coef.get(k, 0.0) * v for k, v in values.items())
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, z))))  # a span of thousands of words must not overflow

    def apply(self, span: Span, scores: dict[str, float]) -> Span:
        return replace(span, confidence=round(self.confidence(span, scores), 3))

    def to_dict(self) -> dict:
        return {"coef": self.coef, "intercept": self.intercept, "best_f1_threshold": self.best_f1_threshold,
                "fitted_on": self.fitted_on, "encoder": self.encoder, "usual_consensus": self.usual_consensus}


@functools.lru_cache(maxsize=8)
def load(encoder: str | None) -> Calibration | None:
    """The shipped calibration for an encoder (``None``: lexical evidence only), or None if none was fitted."""
    try:
        data = json.loads(resources.files("summarizer").joinpath("data", FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    fitted = data.get(encoder or "lexical")
    return Calibration(**fitted) if fitted else None
