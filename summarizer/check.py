"""Check machine translation against reference translations.

Scores each segment with sacrebleu (sentence BLEU with effective order, chrF++, TER; the tokenizer
fitting the target language) and points at the hypothesis phrases that read as bad MT, with the
reference's wording as the suggestion. Phrases are aligned by :mod:`summarizer.align`; an unmatched
hypothesis phrase is kept as a flag only when it is not a paraphrase of the aligned reference
phrase: for languages the encoder covers, the cosine of the two phrases' embeddings; otherwise a
character n-gram similarity.

Span fields follow COMET/xCOMET error spans: ``start``, ``end``, ``text``, ``severity``,
``confidence``, plus ``category`` and ``suggestion``.

The segment score is the mean of chrF++ and BERTScore recall with the sentence encoder's token
vectors (see :class:`SegmentResult`); ``eval/mqm.py`` and ``eval/demetr.py`` measure it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Sequence

import numpy as np
from sacrebleu.metrics import BLEU, CHRF, TER

from .align import STOPWORDS, Edit, SentencePair, Token, align_sentences, align_tokens, char_ngram_similarity, tokenize
from .models import Encoder
from .phrasebook import Phrasebook
from .sentences import split_sentences
from .spans import Span

PARAPHRASE = 0.8  # phrase similarity at or above which a substitution is a harmless paraphrase
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class SegmentResult:
    """Scores and flags of one hypothesis against its reference(s).

    ``score`` (0–100, higher is better) is the mean of chrF++ and the encoder's BERTScore recall
    rescaled so that 0.5 → 0 and 1 → 100 (``bertscore`` holds the raw recall); chrF++ alone where
    the encoder does not cover the target language.

    ``reference`` is the reference the spans were aligned to (the closest by chrF++); omissions
    carry offsets into it.
    """

    hypothesis: str
    reference: str
    score: float
    bleu: float
    chrf: float
    ter: float
    spans: tuple[Span, ...]
    omissions: tuple[Span, ...] = ()
    bertscore: float | None = None

    def to_dict(self) -> dict:
        return {
            "score": round(self.score, 2), "bleu": round(self.bleu, 2), "chrf": round(self.chrf, 2),
            "ter": round(self.ter, 2), "bertscore": None if self.bertscore is None else round(self.bertscore, 4),
            "spans": [s.to_dict() for s in self.spans], "omissions": [s.to_dict() for s in self.omissions],
        }


@dataclass(frozen=True)
class CorpusResult:
    """Per-segment results in input order, and corpus scores with their sacrebleu signatures."""

    segments: tuple[SegmentResult, ...]
    bleu: float
    chrf: float
    ter: float
    score: float
    signatures: dict = field(default_factory=dict)
    # sacrebleu's per-segment statistics ("bleu", "chrf", "ter"), for bootstrap resampling and
    # for adding batches up into corpus scores (see summarizer.report)
    stats: dict = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict:
        return {"bleu": self.bleu, "chrf": self.chrf, "ter": self.ter, "score": self.score,
                "signatures": dict(self.signatures), "segments": [s.to_dict() for s in self.segments]}


@dataclass(frozen=True)
class AlignedPair:
    """Sentences of the MT and reference documents aligned to each other, with their offsets."""

    mt_text: str
    ref_text: str
    mt_start: int
    mt_end: int
    ref_start: int
    ref_end: int
    result: SegmentResult | None  # None when one side is empty (1–0 or 0–1)

    def to_dict(self) -> dict:
        record = {k: getattr(self, k) for k in ("mt_text", "ref_text", "mt_start", "mt_end", "ref_start", "ref_end")}
        record["result"] = self.result.to_dict() if self.result else None
        return record


@dataclass(frozen=True)
class DocumentResult:
    """A document checked pair by pair; ``spans`` have offsets into the MT document."""

    pairs: tuple[AlignedPair, ...]
    spans: tuple[Span, ...]
    corpus: CorpusResult

    def to_dict(self) -> dict:
        return {"pairs": [p.to_dict() for p in self.pairs], "spans": [s.to_dict() for s in self.spans],
                "bleu": self.corpus.bleu, "chrf": self.corpus.chrf, "ter": self.corpus.ter,
                "score": self.corpus.score, "signatures": dict(self.corpus.signatures)}


def sacrebleu_tokenizer(lang: str) -> str:
    """sacrebleu's tokenizer for a target language, as its command line picks it."""
    if lang == "zh":
        return "zh"
    if lang in ("ja", "ko"):
        try:
            __import__("MeCab" if lang == "ja" else "mecab")
            return f"{lang}-mecab"
        except ImportError:
            return "char"
    if lang in ("th", "lo", "km", "my"):
        return "char"
    return "13a"


class Checker:
    """Score MT against references and flag awkward phrases with the reference's wording.

    ``lang`` is the target language (it picks the BLEU tokenizer and whether the encoder's
    contextual similarity applies); ``encoder`` is a sentence-transformers model id or path (default:
    the bundled all-MiniLM-L6-v2, English); ``use_encoder=False`` keeps to lexical evidence.
    Phrasebook matches are added to the spans where the alignment flagged nothing: the shipped
    vi→en phrasebook for English by default, another :class:`Phrasebook`, or ``None`` for none.

    >>> from summarizer import Checker
    >>> result = Checker().check("They built a drone production ring near the border.",
    ...                          ["They built a drone production line near the border."])
    >>> [(s.text, s.suggestion) for s in result.spans]
    [('production ring', 'production line')]
    """

    def __init__(self, lang: str = "en", encoder: str | None = None, device: str | None = None,
                 batch_size: int = 64, tokenize: str | None = None, use_encoder: bool = True,
                 phrasebook: Phrasebook | str | None = "default"):
        self.lang = lang
        if phrasebook == "default":
            phrasebook = Phrasebook.load() if lang == "en" else None
        self.phrasebook = phrasebook
        self.tokenize = tokenize or sacrebleu_tokenizer(lang)
        cjk = lang in ("zh", "ja", "ko")
        self._bleu = BLEU(effective_order=True, tokenize=self.tokenize)
        self._corpus_bleu = BLEU(tokenize=self.tokenize)
        self._chrf = CHRF(word_order=2)
        self._ter = TER(asian_support=cjk)
        self.encoder = Encoder(encoder, device=device, batch_size=batch_size) if use_encoder else None
        self._cache: dict[str, np.ndarray] = {}
        self._token_cache: dict[str, np.ndarray] = {}

    # -- evidence -------------------------------------------------------------------------------
    def _uses_encoder(self) -> bool:
        return self.encoder is not None and self.encoder.covers(self.lang)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        """Encode each distinct text once (cached across calls)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if todo:
            for text, vector in zip(todo, self.encoder.encode(todo)):
                self._cache[text] = vector
        return np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1), dtype=np.float32)

    def _similarities(self, pairs: Sequence[tuple[str, str]]) -> list[float]:
        if not pairs:
            return []
        if not self._uses_encoder():
            return [char_ngram_similarity(a, b) for a, b in pairs]
        vectors = self._embed([t for pair in pairs for t in pair])
        return [float(vectors[2 * i] @ vectors[2 * i + 1]) for i in range(len(pairs))]

    # -- spans ----------------------------------------------------------------------------------
    @staticmethod
    def _content(tokens: Sequence[Token]) -> list[Token]:
        return [t for t in tokens if t.is_word and t.text.casefold() not in STOPWORDS]

    def _phrase_edits(self, hyp: str, ref: str) -> tuple[list[Token], list[Token], list[Edit]]:
        h, r = tokenize(hyp), tokenize(ref)
        edits = []
        for e in align_tokens(h, r):
            if e.kind == "substitution" and e.h2 - e.h1 == 1 and self._content([h[e.h1]]):
                e = self._widen(e, h, r)
            edits.append(e)
        return h, r, edits

    def _widen(self, e: Edit, h: Sequence[Token], r: Sequence[Token]) -> Edit:
        """Show a single changed word with the unchanged content word next to it ("production ring").

        A change within one word family (civil → civilian) is usually a modifier, shown with the
        word after it ("civil infrastructure"); any other change with the word before it.
        """
        left = e.h1 > 0 and e.r1 > 0 and self._content([h[e.h1 - 1]]) and _same(h[e.h1 - 1], r[e.r1 - 1])
        right = e.h2 < len(h) and e.r2 < len(r) and self._content([h[e.h2]]) and _same(h[e.h2], r[e.r2])
        same_family = e.r2 - e.r1 == 1 and h[e.h1].text[:3].casefold() == r[e.r1].text[:3].casefold()
        if right and (same_family or not left):
            return Edit(e.kind, e.h1, e.h2 + 1, e.r1, e.r2 + 1)
        if left:
            return Edit(e.kind, e.h1 - 1, e.h2, e.r1 - 1, e.r2)
        return e

    def _substitutions(self, hyp: str, ref: str) -> tuple[list[Token], list[Token], list[Edit], list[tuple[str, str]]]:
        """Tokens, edits, and the (hypothesis phrase, reference phrase) of each substitution."""
        h, r, edits = self._phrase_edits(hyp, ref)
        pairs = [(_text(hyp, _trim(h[e.h1 : e.h2])), _text(ref, _trim(r[e.r1 : e.r2])))
                 for e in edits if e.kind == "substitution"]
        return h, r, edits, pairs

    def _spans(self, hyp: str, ref: str) -> tuple[list[Span], list[Span]]:
        h, r, edits, pairs = self._substitutions(hyp, ref)
        spans: list[Span] = []
        omissions: list[Span] = []
        subs = [e for e in edits if e.kind == "substitution"]
        similarity = dict(zip(subs, self._similarities(pairs)))
        for e in edits:
            hyp_tokens, ref_tokens = _trim(h[e.h1 : e.h2]), _trim(r[e.r1 : e.r2])
            if e.kind == "omission":
                content = self._content(ref_tokens)
                if content:
                    start, end = ref_tokens[0].start, ref_tokens[-1].end
                    omissions.append(Span(start, end, ref[start:end], "omission", _severity(content, ref_tokens),
                                          round(min(1.0, 0.4 + 0.15 * len(content)), 3), None))
                continue
            content = self._content(hyp_tokens)
            if not any(t.is_word for t in hyp_tokens):
                continue  # punctuation only
            start, end = hyp_tokens[0].start, hyp_tokens[-1].end
            if e.kind == "inflection":
                if hyp_tokens[0].is_word:
                    spans.append(Span(start, end, hyp[start:end], "inflection", "minor", 0.3, _text(ref, ref_tokens),
                                      ref_start=ref_tokens[0].start, ref_end=ref_tokens[-1].end))
                continue
            if e.kind == "addition":
                if content:
                    spans.append(Span(start, end, hyp[start:end], "addition", _severity(content, hyp_tokens),
                                      round(min(1.0, 0.3 + 0.15 * len(content)), 3), None))
                continue
            sim = similarity[e]
            if sim >= PARAPHRASE and not _numbers_differ(hyp_tokens, ref_tokens):
                continue
            suggestion = _text(ref, ref_tokens)
            severity = "major" if sim < 0.5 or _numbers_differ(hyp_tokens, ref_tokens) else "minor"
            spans.append(Span(start, end, hyp[start:end], "substitution", severity,
                              round(min(1.0, max(0.0, 1 - sim)), 3), suggestion,
                              ref_start=ref_tokens[0].start, ref_end=ref_tokens[-1].end))
        return spans, omissions

    # -- scores ---------------------------------------------------------------------------------
    def check(self, hypothesis: str, references: str | Sequence[str]) -> SegmentResult:
        """Scores and flagged spans of one hypothesis against one or more references."""
        refs = [references] if isinstance(references, str) else list(references)
        if not refs:
            raise ValueError("check() needs at least one reference")
        bleu = self._bleu.sentence_score(hypothesis, refs).score
        chrf = self._chrf.sentence_score(hypothesis, refs).score
        ter = self._ter.sentence_score(hypothesis, refs).score
        return self._result(hypothesis, refs, bleu, chrf, ter)

    def _result(self, hypothesis: str, refs: Sequence[str], bleu: float, chrf: float, ter: float) -> SegmentResult:
        closest = self._closest(hypothesis, refs)
        spans, omissions = self._spans(hypothesis, closest)
        if self.phrasebook is not None:
            extra = [p for p in self.phrasebook.match(hypothesis, self.lang) if not any(p.overlaps(s) for s in spans)]
            spans = sorted(spans + extra, key=lambda s: s.start)
        recall = self._bertscore_recall(hypothesis, refs) if self._uses_encoder() else None
        score = chrf if recall is None else (chrf + _rescale(recall)) / 2
        return SegmentResult(hypothesis, closest, score, bleu, chrf, ter, tuple(spans), tuple(omissions), recall)

    def _tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Token vectors of each text, each distinct text encoded once (cached like sentences)."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._token_cache))
        for text, vectors in zip(todo, self.encoder.encode_tokens(todo)):
            self._token_cache[text] = vectors
        return [self._token_cache[t] for t in texts]

    def _bertscore_recall(self, hypothesis: str, refs: Sequence[str]) -> float:
        """BERTScore recall (best over references): each reference token's closest hypothesis token."""
        if not hypothesis.strip():
            return 0.0
        hyp, *ref_vectors = self._tokens([hypothesis, *refs])
        return max(float((r @ hyp.T).max(axis=1).mean()) if len(r) else 1.0 for r in ref_vectors)

    def score_signature(self) -> str:
        """How ``score`` was computed, to report beside it (as sacrebleu signatures do)."""
        from . import __version__

        recall = f"bertscore-R:{self.encoder.name}|rescale:{RESCALE_BASELINE}" if self._uses_encoder() else "bertscore-R:none"
        return f"mean(chrF++,{recall})|summarizer:{__version__}"

    def _closest(self, hypothesis: str, refs: Sequence[str]) -> str:
        """The reference closest to the hypothesis by chrF++ (spans are aligned to it)."""
        if len(refs) == 1:
            return refs[0]
        return max(refs, key=lambda ref: self._chrf.sentence_score(hypothesis, [ref]).score)

    def check_corpus(self, hypotheses: Sequence[str], references: Sequence[str] | Sequence[Sequence[str]]) -> CorpusResult:
        """Check line-aligned hypotheses; ``references`` holds one string or a list of strings per hypothesis."""
        refs = [[r] if isinstance(r, str) else list(r) for r in references]
        if len(refs) != len(hypotheses):
            raise ValueError(f"{len(hypotheses)} hypotheses but {len(refs)} references")
        if self._uses_encoder():
            # One batched encoder call for every distinct sentence and phrase of the corpus: a
            # reference shared by many systems is encoded once. The cache lasts for this call only,
            # so memory follows the size of a call, not of everything ever checked.
            self._cache.clear()
            self._token_cache.clear()
            phrases: list[str] = []
            for hypothesis, rs in zip(hypotheses, refs):
                closest = self._closest(hypothesis, rs)
                phrases += [phrase for pair in self._substitutions(hypothesis, closest)[3] for phrase in pair]
            self._embed(phrases)
            self._tokens(list(hypotheses) + [r for rs in refs for r in rs])
        # sacrebleu's per-segment statistics, computed once and used for both the sentence and the
        # corpus scores (what sentence_score and corpus_score each do internally; TER is costly).
        stats = self.segment_stats(hypotheses, refs)
        segments = tuple(
            self._result(h, r, self._bleu._aggregate_and_compute([stats["bleu"][i]]).score,
                         self._chrf._aggregate_and_compute([stats["chrf"][i]]).score,
                         self._ter._aggregate_and_compute([stats["ter"][i]]).score)
            for i, (h, r) in enumerate(zip(hypotheses, refs)))
        if not segments:
            raise ValueError("check_corpus() needs at least one hypothesis")
        bleu = self._corpus_bleu._aggregate_and_compute(stats["bleu"])
        chrf = self._chrf._aggregate_and_compute(stats["chrf"])
        ter = self._ter._aggregate_and_compute(stats["ter"])
        score = float(np.mean([s.score for s in segments]))
        return CorpusResult(segments, bleu.score, chrf.score, ter.score, score, self.signatures(), stats)

    @property
    def metrics(self) -> dict:
        """The sacrebleu metric objects behind corpus scores: ``{"bleu", "chrf", "ter"}``."""
        return {"bleu": self._corpus_bleu, "chrf": self._chrf, "ter": self._ter}

    def signatures(self) -> dict[str, str]:
        """sacrebleu signatures of the corpus scores, and the checker score's own."""
        signatures = {name: str(metric.get_signature()) for name, metric in self.metrics.items()}
        signatures["score"] = self.score_signature()
        return signatures

    def segment_stats(self, hypotheses: Sequence[str], references: Sequence[Sequence[str]]) -> dict[str, list]:
        """sacrebleu's per-segment statistics for BLEU, chrF++ and TER (lexical only, cheap)."""
        refs = [list(r) for r in references]
        streams = [[rs[i] if i < len(rs) else "" for rs in refs] for i in range(max((len(rs) for rs in refs), default=1))]
        return {name: metric._extract_corpus_statistics(list(hypotheses), streams) if hypotheses else []
                for name, metric in self.metrics.items()}

    def check_document(self, mt_text: str, ref_text: str) -> DocumentResult:
        """Align the sentences of an MT document to a reference document, then check pair by pair."""
        mt_sents = split_sentences(mt_text, self.lang)
        ref_sents = split_sentences(ref_text, self.lang)
        if self._uses_encoder():
            mt_vecs, ref_vecs = self._embed([s.text for s in mt_sents]), self._embed([s.text for s in ref_sents])
        else:
            from .summarize import _tfidf_vectors

            both = _tfidf_vectors([s.text for s in mt_sents] + [s.text for s in ref_sents], self.lang)
            both /= np.maximum(np.linalg.norm(both, axis=1, keepdims=True), 1e-9)
            mt_vecs, ref_vecs = both[: len(mt_sents)], both[len(mt_sents) :]
        links = align_sentences(mt_vecs, ref_vecs, [len(s.text) for s in mt_sents], [len(s.text) for s in ref_sents])
        pairs = [self._pair(link, mt_text, ref_text, mt_sents, ref_sents) for link in links]
        both_sides = [p for p in pairs if p.mt_text and p.ref_text]
        hyps, refs = [p.mt_text for p in both_sides], [p.ref_text for p in both_sides]
        corpus = self.check_corpus(hyps, refs) if hyps else CorpusResult((), 0.0, 0.0, 100.0, 0.0,
                                                                          {"score": self.score_signature()})
        results = iter(corpus.segments)
        final_pairs, spans = [], []
        for pair in pairs:
            if pair.mt_text and pair.ref_text:
                pair = replace(pair, result=next(results))
                spans.extend(s.shifted(pair.mt_start, pair.ref_start) for s in pair.result.spans)
            elif pair.mt_text:
                spans.append(Span(pair.mt_start, pair.mt_end, pair.mt_text, "addition", "major", 0.5, None))
            final_pairs.append(pair)
        return DocumentResult(tuple(final_pairs), tuple(spans), corpus)

    @staticmethod
    def _pair(link: SentencePair, mt_text: str, ref_text: str, mt_sents, ref_sents) -> AlignedPair:
        def side(indices, sents, text):
            if not indices:
                return "", -1, -1
            start, end = sents[indices[0]].start, sents[indices[-1]].end
            return text[start:end], start, end

        mt, ms, me = side(link.hyp, mt_sents, mt_text)
        ref, rs, re_ = side(link.ref, ref_sents, ref_text)
        return AlignedPair(mt, ref, ms, me, rs, re_, None)


def _trim(tokens: Sequence[Token]) -> Sequence[Token]:
    """Tokens without the punctuation at either end (a span starts and ends on a word)."""
    words = [i for i, t in enumerate(tokens) if t.is_word]
    return tokens[words[0] : words[-1] + 1] if words else tokens


def _text(text: str, tokens: Sequence[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def _same(a: Token, b: Token) -> bool:
    return a.text.casefold() == b.text.casefold()


def _severity(content: Sequence[Token], tokens: Sequence[Token]) -> str:
    return "major" if len(content) >= 3 or any(_NUMBER.search(t.text) for t in tokens) else "minor"


def _numbers_differ(hyp_tokens: Sequence[Token], ref_tokens: Sequence[Token]) -> bool:
    hyp_numbers = {t.text for t in hyp_tokens if _NUMBER.search(t.text)}
    ref_numbers = {t.text for t in ref_tokens if _NUMBER.search(t.text)}
    return hyp_numbers != ref_numbers


RESCALE_BASELINE = 0.5  # BERTScore recall at which the rescaled value is 0


def _rescale(recall: float) -> float:
    return float(min(100.0, max(0.0, 100 * (recall - RESCALE_BASELINE) / (1 - RESCALE_BASELINE))))
