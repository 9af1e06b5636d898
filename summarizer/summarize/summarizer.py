"""Short summaries of articles, extractive (default) or abstractive.

Extractive (default): sentences are embedded with a transformer sentence encoder (the bundled
all-MiniLM-L6-v2 unless another is given) and chosen by centrality (closeness to the article's
centroid and title), position (news puts the gist first) and redundancy control (maximal marginal
relevance), then returned in document order with their offsets in the pasted text. When the
encoder does not cover an article's language, TF-IDF vectors stand in and ``method`` says so.

Abstractive: any encoder–decoder (``AutoModelForSeq2SeqLM``) or instruction-tuned causal LM
(chat template). Articles longer than the model's input are split at sentence boundaries into
chunks, each chunk summarised, and the chunk summaries summarised again: nothing is truncated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

from ..inputs import valid_text
from ..models import Encoder, Generator, detect_kind, sentence_vectors
from ..text import Sentence, count_words, profile, split_sentences
from .articles import Article

NEAR_DUPLICATE = 0.9  # cosine above which a sentence repeats one already chosen
MAX_ARTICLE_SENTENCES = 1000  # an extractive summary chooses among an article's first this-many sentences
HARD_CAP = 1.5  # a summary never exceeds this times max_words: a longer sentence is cut, ending with "…"


@dataclass(frozen=True)
class Summary:
    """The summary of one article.

    ``sentences`` are the chosen sentences; for extractive methods their ``start``/``end`` are
    offsets in the pasted text and their ``text`` is exactly ``page[start:end]``; for abstractive
    ones the offsets are ``None`` (the text is generated). ``summary`` shows the sentences with odd
    spaces (non-breaking, zero-width, tabs) cleaned. ``start``/``end`` are the article's offsets.
    ``method`` names how the summary was made.
    """

    id: int
    title: str | None
    summary: str
    sentences: tuple[Sentence, ...]
    language: str
    method: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "summary": self.summary,
            "sentences": [s.to_dict() for s in self.sentences], "language": self.language,
            "method": self.method, "start": self.start, "end": self.end,
        }


def select_sentences(vectors: np.ndarray, words: Sequence[float], max_sentences: int, max_words: float,
                     title_vector: np.ndarray | None = None, position_weight: float = 0.7,
                     redundancy: float = 0.7) -> list[int]:
    """Indices (in document order) of the sentences to keep.

    Relevance is the cosine to the article centroid (and to the title when given), rescaled to
    [0, 1] within the article, mixed with a lead prior ``1/sqrt(1+i)``; sentences are then picked by
    maximal marginal relevance (``redundancy`` weighs the penalty for resembling a picked sentence)
    until ``max_sentences`` or ``max_words`` is reached; near-duplicates of a picked sentence are
    never added. The best sentence is always kept. Memory and time grow with the number of
    sentences times ``max_sentences``, never with its square.
    """
    n = len(vectors)
    if n == 0:
        return []
    centroid = vectors.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    relevance = vectors @ centroid
    if title_vector is not None:
        relevance = (relevance + vectors @ title_vector) / 2
    spread = relevance.max() - relevance.min()
    relevance = (relevance - relevance.min()) / spread if spread > 1e-9 else np.ones(n)
    position = 1 / np.sqrt(1 + np.arange(n))
    score = (1 - position_weight) * relevance + position_weight * position
    chosen: list[int] = []
    used = 0.0
    candidates = set(range(n))
    penalty, last = np.zeros(n), None  # penalty: each sentence's highest cosine to a chosen one
    while candidates and len(chosen) < max_sentences:
        if chosen and chosen[-1] != last:
            last = chosen[-1]
            similar = vectors @ vectors[last]
            penalty = similar if len(chosen) == 1 else np.maximum(penalty, similar)
        best = max(candidates, key=lambda i: score[i] - redundancy * penalty[i])
        candidates.discard(best)
        if chosen and (used + words[best] > max_words or penalty[best] >= NEAR_DUPLICATE):
            continue
        chosen.append(best)
        used += words[best]
    return sorted(chosen)


def _cap(sentences: list[Sentence], max_words: float, language: str) -> tuple[list[Sentence], bool]:
    """The sentences within the hard cap of ``HARD_CAP * max_words`` words, and whether the last
    was cut: a sentence that would pass the cap is cut after the words that fit (at least one; its
    ``end`` where the cut is, so offsets still give its text)."""
    limit, used, kept = HARD_CAP * max_words, 0.0, []
    for sent in sentences:
        words = count_words(sent.text)
        if used + words <= limit:
            kept.append(sent)
            used += words
            continue
        room = max(1, int(min(max_words, limit - used)))
        cut = _cut_after(sent.text, room, language)
        text = sent.text[:cut].rstrip(" ,;:-–—")
        kept.append(Sentence(text, sent.start, None if sent.start is None else sent.start + len(text)))
        return kept, True
    return kept, False


def _cut_after(text: str, words: int, language: str) -> int:
    """Where ``text`` ends after its first ``words`` words (characters for unspaced scripts)."""
    if profile(language).unspaced:
        return min(len(text), 2 * words)
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return ends[min(words, len(ends)) - 1] if ends else len(text)


class Summarizer:
    """Summarise articles (``Article`` objects or plain strings) into short summaries.

    ``model``: ``None`` for the bundled extractive encoder, or any sentence-transformers model, or a
    seq2seq / causal LM (Hub id or local path); ``backend`` is detected from the model's config
    unless given (``extractive``, ``seq2seq``, ``causal``).

    >>> from summarizer import Summarizer
    >>> text = ("The city opened a new bridge on Monday. It links the two halves of the old town. "
    ...         "Officials said traffic would ease. The bridge cost 20 million euros.")
    >>> [s.summary for s in Summarizer().summarize([text], max_sentences=1)]
    ['The city opened a new bridge on Monday.']
    """

    def __init__(self, model: str | None = None, backend: str = "auto", device: str | None = None,
                 batch_size: int | None = None, dtype: str | None = None, max_input_tokens: int | None = None,
                 num_beams: int = 4, encoder_languages: Sequence[str] | None = None,
                 position_weight: float = 0.7, redundancy: float = 0.7):
        if backend == "auto":
            backend = "extractive" if model is None else detect_kind(model)
        if backend not in ("extractive", "seq2seq", "causal"):
            raise ValueError(f"backend must be auto, extractive, seq2seq or causal, not {backend!r}")
        self.backend = backend
        self.num_beams = num_beams
        self.position_weight = position_weight
        self.redundancy = redundancy
        if backend == "extractive":
            self.encoder = Encoder(model, device=device, batch_size=batch_size or 64, dtype=dtype,
                                   languages=encoder_languages)
            self.generator = None
        else:
            self.encoder = None
            self.generator = Generator(model, backend, device=device, batch_size=batch_size, dtype=dtype,
                                       max_input_tokens=max_input_tokens)

    def summarize(self, articles: Article | str | Iterable[Article | str], max_sentences: int = 2,
                  max_words: float = 60) -> list[Summary]:
        """One :class:`Summary` per article, in order: at most ``max_sentences`` sentences, about ``max_words`` words."""
        if isinstance(articles, (str, Article)):
            articles = [articles]
        items = []
        for i, a in enumerate(articles):
            if isinstance(a, Article):
                valid_text(a.body, f"article {a.id + 1}")
                valid_text(a.title or "", f"article {a.id + 1} title")
                items.append(a)
            else:
                items.append(Article.from_text(valid_text(a, f"article {i + 1}"), id=i))
        if max_sentences < 1 or max_words <= 0:
            raise ValueError("max_sentences must be >= 1 and max_words > 0")
        if self.backend == "extractive":
            return self._extractive(items, max_sentences, max_words)
        return self._abstractive(items, max_sentences, max_words)

    # -- extractive ---------------------------------------------------------------------------
    def _extractive(self, items: list[Article], max_sentences: int, max_words: float) -> list[Summary]:
        split = [split_sentences(a.body, a.language)[:MAX_ARTICLE_SENTENCES + 1] for a in items]
        capped = {i for i, sents in enumerate(split) if len(sents) > MAX_ARTICLE_SENTENCES}
        split = [sents[:MAX_ARTICLE_SENTENCES] for sents in split]
        fits = [self._fits(sents, max_sentences, max_words) for sents in split]
        # One encoder call for every sentence and title of every covered article (batched).
        covered = [i for i, (a, whole) in enumerate(zip(items, fits)) if not whole and self.encoder.covers(a.language)]
        texts = [t for i in covered for t in self._texts(items[i], split[i])]
        vectors, pos, blocks = (self.encoder.encode(texts) if texts else None), 0, {}
        for i in covered:
            n = len(self._texts(items[i], split[i]))
            blocks[i], pos = (vectors[pos : pos + n], f"extractive-embedding:{self.encoder.name}"), pos + n
        summaries = []
        for i, (article, sents, whole) in enumerate(zip(items, split, fits)):
            if whole:
                chosen, method = list(range(len(sents))), "full-text"
            else:
                block, method = blocks.get(i) or self._fallback(article, sents)
                title_vec = block[-1] if article.title else None
                chosen = select_sentences(block[: len(sents)], [count_words(s.text) for s in sents], max_sentences,
                                          max_words, title_vec, self.position_weight, self.redundancy)
            if i in capped:
                method += f" (first {MAX_ARTICLE_SENTENCES} sentences)"
            kept, cut = _cap([sents[j] for j in chosen], max_words, article.language)
            picked = tuple(Sentence(article.source_text(s.start, s.end), *article.source_span(s.start, s.end))
                           for s in kept)
            summaries.append(self._summary(article, picked, method, cut, shown=[s.text for s in kept]))
        return summaries

    @staticmethod
    def _texts(article: Article, sents: list[Sentence]) -> list[str]:
        """What is embedded for an article: its sentences, then its title when it has one."""
        return [s.text for s in sents] + ([article.title] if article.title else [])

    def _fallback(self, article: Article, sents: list[Sentence]) -> tuple[np.ndarray, str]:
        vectors, _ = sentence_vectors(self._texts(article, sents), article.language, None)
        return vectors, f"extractive-tfidf ({self.encoder.name} does not cover '{article.language}')"

    @staticmethod
    def _fits(sents: list[Sentence], max_sentences: int, max_words: float) -> bool:
        return len(sents) <= max_sentences and sum(count_words(s.text) for s in sents) <= max_words

    @staticmethod
    def _summary(article: Article, sentences: tuple[Sentence, ...], method: str, cut: bool = False,
                 shown: Sequence[str] | None = None) -> Summary:
        """The summary record; ``cut``: the last sentence was cut at the length cap (the text ends with "…");
        ``shown``: the sentences as the summary shows them (cleaned of odd spaces), when not their page text."""
        joiner = "" if profile(article.language).unspaced else " "
        text = joiner.join(shown if shown is not None else [s.text for s in sentences]) + ("…" if cut else "")
        return Summary(article.id, article.title, text, sentences, article.language, method, article.start, article.end)

    # -- abstractive --------------------------------------------------------------------------
    def _instruction(self, language: str, max_sentences: int, max_words: float) -> str:
        return (f"Summarize the following news article in {profile(language).name}, in at most "
                f"{max_sentences} sentence{'s' if max_sentences > 1 else ''} and about {int(max_words)} words. "
                "Reply with the summary only.")

    def _chunks(self, text: str, language: str, budget: int) -> list[str]:
        """Pack whole sentences into chunks of at most ``budget`` tokens (over-long sentences split by words)."""
        gen = self.generator
        chunks, current, used = [], [], 0
        pieces: list[str] = []
        for sent in split_sentences(text, language):
            if gen.count_tokens(sent.text) <= budget:
                pieces.append(sent.text)
                continue
            words, part = sent.text.split(), []
            for word in words:
                if part and gen.count_tokens(" ".join(part + [word])) > budget:
                    pieces.append(" ".join(part))
                    part = []
                part.append(word)
            if part:
                pieces.append(" ".join(part))
        for piece in pieces:
            n = gen.count_tokens(piece) + 1
            if current and used + n > budget:
                chunks.append(" ".join(current))
                current, used = [], 0
            current.append(piece)
            used += n
        if current:
            chunks.append(" ".join(current))
        return chunks or [text]

    def _budget(self, instruction: str, max_new: int) -> int:
        """Tokens of article text a chunk may hold: a causal LM's context holds the prompt, the chunk
        and the generated summary."""
        gen = self.generator
        budget = gen.max_input_tokens - gen.prompt_tokens(instruction) - (max_new if gen.kind == "causal" else 0)
        if budget < 8:
            raise ValueError(f"{gen.name}: its {gen.max_input_tokens}-token context leaves no room for the article "
                             f"after the prompt and a {max_new}-token summary; lower max_words")
        return budget

    def _abstractive(self, items: list[Article], max_sentences: int, max_words: float) -> list[Summary]:
        """Every article's chunks in one queue per round (``Generator.generate`` batches them by
        length); an article whose chunk summaries are still long goes round again with them, up to
        four rounds. Results go back to their articles in order."""
        gen = self.generator
        max_new = min(int(max_words * 2) + 16, gen.max_output_tokens)
        texts = [a.body for a in items]
        combined, rounds, first_chunks = [""] * len(items), [0] * len(items), [0] * len(items)
        active = list(range(len(items)))
        while active:
            still = []
            for language in dict.fromkeys(items[i].language for i in active):  # one instruction per language
                group = [i for i in active if items[i].language == language]
                instruction = self._instruction(language, max_sentences, max_words)
                budget = self._budget(instruction, max_new)
                chunks = {i: self._chunks(texts[i], language, budget) for i in group}
                outputs = iter(gen.generate([c for i in group for c in chunks[i]], instruction,
                                            max_new_tokens=max_new, num_beams=self.num_beams))
                for i in group:
                    combined[i] = " ".join(o for o in (next(outputs) for _ in chunks[i]) if o)
                    rounds[i] += 1
                    first_chunks[i] = first_chunks[i] or len(chunks[i])
                    if len(chunks[i]) > 1 and rounds[i] < 4 and gen.count_tokens(combined[i]) < gen.count_tokens(texts[i]):
                        texts[i] = combined[i]  # summarise the chunk summaries
                        still.append(i)
            active = still
        return [self._abstract_summary(a, combined[i], first_chunks[i], max_sentences, max_words)
                for i, a in enumerate(items)]

    def _abstract_summary(self, article: Article, generated: str, chunks: int, max_sentences: int,
                          max_words: float) -> Summary:
        sents = split_sentences(generated, article.language)
        kept, used = [], 0.0
        for sent in sents[:max_sentences]:
            if kept and used + count_words(sent.text) > max_words:
                break
            kept.append(Sentence(sent.text, None, None))
            used += count_words(sent.text)
        method = f"abstractive-{self.backend}:{self.generator.name}" + (f" ({chunks} chunks)" if chunks > 1 else "")
        return self._summary(article, tuple(kept), method)
