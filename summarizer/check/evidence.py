"""Contextual evidence from the sentence encoder, each distinct text encoded once: the swap test
(for the paraphrase filter), BERTScore recall and sentence vectors. Where the encoder
does not cover the target language, character n-grams and TF-IDF stand in."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..models import Encoder, sentence_vectors
from ..text import LanguageProfile


class Evidence:
    """The encoder's view of texts for one target language; ``encoder=None`` keeps to lexical evidence."""

    def __init__(self, lang: LanguageProfile, encoder: Encoder | None):
        self.lang = lang
        self.encoder = encoder if encoder is not None and encoder.covers(lang.code) else None
        self._sentences: dict[str, np.ndarray] = {}
        self._tokens: dict[str, np.ndarray] = {}

    @property
    def name(self) -> str | None:
        """The encoder's name when it is used for this language."""
        return self.encoder.name if self.encoder else None

    def clear(self) -> None:
        """Forget cached vectors (memory then follows one call, not everything ever checked)."""
        self._sentences.clear()
        self._tokens.clear()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length sentence vectors; each distinct text encoded once (cached across calls)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._sentences))
        if todo:
            self._sentences.update(zip(todo, self.encoder.encode(todo)))
        return np.stack([self._sentences[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)

    def token_vectors(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Unit-length token vectors of each text, each distinct text encoded once."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._tokens))
        if todo:
            self._tokens.update(zip(todo, self.encoder.encode_tokens(todo)))
        return [self._tokens[t] for t in texts]

    def swap_similarities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        """Cosine of each passage with its variant (the reference's phrase swapped in)."""
        if not pairs:
            return []
        vectors = self.embed([t for pair in pairs for t in pair])
        return [float(vectors[2 * i] @ vectors[2 * i + 1]) for i in range(len(pairs))]

    def bertscore_recall(self, hypothesis: str, refs: Sequence[str]) -> float:
        """BERTScore recall (0–1, best over references): each reference token's closest hypothesis token."""
        if not hypothesis.strip():
            return 0.0
        hyp, *ref_vectors = self.token_vectors([hypothesis, *refs])
        return max(float((r @ hyp.T).max(axis=1).mean()) if len(r) else 1.0 for r in ref_vectors)

    def unrelated(self, texts: Sequence[str], pairs: int = 200) -> tuple[float, float] | None:
        """What "no shared meaning" scores with this encoder, as bert_score's baselines: the mean
        BERTScore recall and the mean sentence cosine of each of the first ``pairs`` distinct texts
        against the next one; None with fewer than two distinct texts."""
        distinct = list(dict.fromkeys(t for t in texts if t.strip()))[: pairs + 1]
        if len(distinct) < 2:
            return None
        vectors = self.embed(distinct)
        recall = np.mean([self.bertscore_recall(distinct[i], [distinct[i - 1]]) for i in range(1, len(distinct))])
        cosine = np.mean([vectors[i] @ vectors[i - 1] for i in range(1, len(distinct))])
        return float(recall), float(cosine)

    def sentence_vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length vectors for sentence alignment (TF-IDF over ``texts`` without an encoder)."""
        if self.encoder is not None:
            return self.embed(texts)
        return sentence_vectors(texts, self.lang.code, None)[0]
