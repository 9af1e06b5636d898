"""Check machine translation against reference translations.

Scores each segment with the metrics of :mod:`summarizer.check.scores` (sacrebleu BLEU, chrF++,
TER; BERTScore recall; the checker score) and points at the hypothesis phrases that read as bad
MT, with the reference's wording as the suggestion (:mod:`summarizer.check.flags`). Documents that
are not sentence-aligned are aligned first (:meth:`Checker.check_document`); with no reference,
the phrasebook's known awkward renderings are flagged alone.

Span fields follow COMET/xCOMET error spans: ``start``, ``end``, ``text``, ``severity``,
``confidence``, plus ``category`` and ``suggestion``. ``eval/mqm.py`` and ``eval/demetr.py``
measure the scores and the flags.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Hashable, Sequence

import numpy as np
from sacrebleu.metrics import CHRF

from ..inputs import InputError, valid_text
from ..models import Encoder
from ..text import Sentence, char_ngram_similarity, profile, split_sentences
from . import calibration
from .align import SentencePair, align_sentences
from .evidence import Evidence
from ..version import __version__
from .detectors import coverage
from .consensus import peer_texts, with_consensus
from .flags import PARAPHRASE, PairAlignment, align_pairs, calque, find_flags, untyped
from .phrasebook import Phrasebook
from .results import AlignedPair, CorpusResult, DocumentResult, LexicalPart, SegmentResult
from .scores import RESCALE_BASELINE, Metric, Segments, Settings, build_metrics, display_order, encoder_constants
from .spans import Span, by_importance, keep


class Checker:
    """Score MT against references and flag awkward phrases with the reference's wording.

    ``lang`` is the target language (its profile picks the BLEU tokenizer, TER options, function
    words and inflection rules); ``encoder`` is a sentence-transformers model id or path (default:
    the bundled all-MiniLM-L6-v2, English); ``use_encoder=False`` keeps to lexical evidence.
    ``metrics`` names the scores to report (default ``score, bleu, chrf, ter``; see
    :data:`summarizer.check.scores.REGISTRY`). Flags come worst first (severity, then confidence);
    ``calibrated`` turns their confidence into the fitted probability of a real error
    (:mod:`summarizer.check.calibration`); ``min_severity`` and ``min_confidence`` filter them
    (default: keep all). Phrasebook matches are added where the alignment
    flagged nothing: the shipped vi→en phrasebook for English by default, another
    :class:`Phrasebook`, or ``None`` for none.

    >>> from summarizer import Checker
    >>> result = Checker().check("They built a drone production ring near the border.",
    ...                          ["They built a drone production line near the border."])
    >>> [(s.text, s.suggestion) for s in result.spans]
    [('production ring', 'production line')]
    """

    def __init__(self, lang: str = "en", encoder: str | None = None, device: str | None = None,
                 batch_size: int = 64, tokenize: str | None = None, use_encoder: bool = True,
                 phrasebook: Phrasebook | str | None = "default", metrics: Sequence[str] | None = None,
                 min_severity: str = "minor", min_confidence: float = 0.0, calibrated: bool = True,
                 rescale: float | None = None, rescale_source: str = "given", unrelated_cosine: float | None = None):
        self.lang = lang
        self.profile = profile(lang)
        if phrasebook == "default":
            phrasebook = Phrasebook.load() if lang == "en" else None
        self.phrasebook = phrasebook
        self.tokenize = tokenize or self.profile.sacrebleu_tokenizer
        model = Encoder(encoder, device=device, batch_size=batch_size) if use_encoder else None
        self.evidence = Evidence(self.profile, model)
        self.encoder = model
        self.metric_names = list(metrics) if metrics else None
        self.calibration = calibration.load(self.evidence.name) if calibrated else None
        self.min_severity, self.min_confidence = min_severity, min_confidence
        known = encoder_constants(self.evidence.name)
        self.rescale: float | None = rescale if rescale is not None else known.get("rescale")
        self.rescale_source = rescale_source if rescale is not None else "data" if known else "computed"
        self.unrelated_cosine = unrelated_cosine if unrelated_cosine is not None else known.get("unrelated_cosine")
        self._metrics: dict[str, Metric] | None = None
        self._closeness = CHRF(word_order=2)  # picks the closest reference; never signs a corpus score

    def metrics(self) -> dict[str, Metric]:
        """Fresh metric objects, ``name → Metric`` in computation order (their signatures describe
        the references of the last statistics they extracted)."""
        rescale = RESCALE_BASELINE if self.rescale is None else self.rescale
        return build_metrics(self.metric_names, Settings(self.profile, self.tokenize, self.evidence.name, rescale,
                                                         self.rescale_source))

    def baseline(self, references: Sequence[str]) -> float:
        """The encoder's BERTScore baseline for this run, fixed on first use: the value given or kept
        as data for a known encoder, else computed from unrelated pairs of ``references``."""
        if self.rescale is None and self.evidence.encoder is not None:
            anchor, unrelated = encoder_constants(), self.evidence.unrelated(references)
            if unrelated is None:
                self.rescale, self.rescale_source = RESCALE_BASELINE, "default"
            else:  # the anchor encoder's rescale point, carried over to this encoder's scale
                recall, self.unrelated_cosine = unrelated
                self.rescale = 1 - (1 - anchor["rescale"]) * (1 - recall) / (1 - anchor["unrelated_recall"])
                self.rescale_source = "computed"
        return RESCALE_BASELINE if self.rescale is None else self.rescale

    def _swap_scale(self, similarities: list[float]) -> list[float]:
        """Swap-test similarities on the anchor encoder's scale, where the paraphrase threshold was
        chosen: ``1 - (1 - s) (1 - c_anchor) / (1 - c)``, ``c`` the encoders' unrelated-pair cosines."""
        anchor = encoder_constants()["unrelated_cosine"]
        if self.unrelated_cosine is None or self.unrelated_cosine == anchor:
            return similarities
        return [1 - (1 - s) * (1 - anchor) / (1 - self.unrelated_cosine) for s in similarities]

    # -- segments -------------------------------------------------------------------------------
    def check(self, hypothesis: str, references: str | Sequence[str]) -> SegmentResult:
        """Scores and flagged spans of one hypothesis against one or more references."""
        refs = [references] if isinstance(references, str) else list(references)
        if not refs:
            raise ValueError("check() needs at least one reference")
        return self.check_corpus([hypothesis], [refs]).segments[0]

    def check_corpus(self, hypotheses: Sequence[str], references: Sequence[str] | Sequence[Sequence[str]],
                     lexical: LexicalPart | None = None, segments: Sequence[Hashable] | None = None,
                     peers: Sequence[Sequence[str]] | None = None) -> CorpusResult:
        """Check line-aligned hypotheses; ``references``: one string or list of strings each; ``lexical``:
        the :meth:`lexical` part from a worker. Agreement between systems (:mod:`.consensus`): ``segments``
        (a key per hypothesis, equal for one source's translations; default: the references) or ``peers``
        (each hypothesis's other systems' hypotheses)."""
        lex = lexical or self.lexical(hypotheses, references)
        hypotheses, refs, closest, alignments = lex.hypotheses, [list(r) for r in lex.references], lex.closest, lex.alignments
        self.baseline([r for rs in refs for r in rs])
        if self.evidence.encoder is not None:
            # one encoder call for every distinct passage and swapped variant (a shared reference: once)
            self.evidence.clear()
            self.evidence.embed([t for a in alignments for e in untyped(a) for t in a.swapped(e)])
            self.evidence.token_vectors(list(hypotheses) + [r for rs in refs for r in rs])
        others = peer_texts(hypotheses, refs if segments is None else segments, peers)
        metrics, stats, scores, flags = self._score(hypotheses, refs, alignments, lex.stats, others)
        notes = [tuple(filter(None, (m.note(h, rs) for m in metrics.values()))) for h, rs in zip(hypotheses, refs)]
        results = [SegmentResult(hypothesis, reference, {n: scores[n][i] for n in display_order(scores)},
                                  tuple(spans), tuple(omissions), notes[i])
                    for i, (hypothesis, reference, (spans, omissions)) in enumerate(zip(hypotheses, closest, flags))]
        corpus = {name: metrics[name].corpus_score(stats[name].sum(axis=0)) for name in display_order(metrics)}
        signatures = {name: metrics[name].signature() for name in display_order(metrics)}
        signatures["flags"] = self.flags_signature()
        return CorpusResult(tuple(results), corpus, signatures, stats)

    def lexical(self, hypotheses: Sequence[str], references: Sequence[str] | Sequence[Sequence[str]]) -> LexicalPart:
        """The part of :meth:`check_corpus` that needs no model: the inputs checked, the closest
        reference of each segment, word alignments with typed facts, and the statistics of the
        lexical metrics (BLEU, chrF++, TER, length), which a worker process can compute for the
        next batch while the encoder works on this one."""
        refs = [[r] if isinstance(r, str) else list(r) for r in references]
        for number, (hypothesis, rs) in enumerate(zip(hypotheses, refs), 1):
            valid_text(hypothesis, f"hypothesis {number}")
            for r in rs:
                valid_text(r, f"reference {number}")
        if len(refs) != len(hypotheses):
            raise ValueError(f"{len(hypotheses)} hypotheses but {len(refs)} references")
        if not hypotheses:
            raise ValueError("check_corpus() needs at least one hypothesis")
        closest = [self._closest(h, rs) for h, rs in zip(hypotheses, refs)]
        segments = Segments(hypotheses, refs)
        stats = {name: metric.statistics(segments) for name, metric in self._metric_objects().items() if metric.lexical}
        return LexicalPart(tuple(hypotheses), tuple(map(tuple, refs)), tuple(closest),
                           align_pairs(list(zip(hypotheses, closest)), self.profile), stats)

    def flags_signature(self) -> str:
        """How flags were found, to report beside them: the detectors that cover the target language
        (and those that do not), the paraphrase evidence and the confidence calibration."""
        covered = coverage(self.profile)
        parts = [f"lang:{self.lang}", "detectors:" + ",".join(k for k, v in covered.items() if v)]
        missing = [k for k, v in covered.items() if not v]
        parts += (["not-covered:" + ",".join(missing)] if missing else []) + (["lexicon:wordnet-3.0"] if self.profile.wordnet else [])
        evidence = self.evidence.name
        mapped = "" if self.unrelated_cosine in (None, encoder_constants()["unrelated_cosine"]) else \
            f",scaled:unrelated-cos={self.unrelated_cosine:.3g}"
        parts.append(f"paraphrase:swap({evidence}{mapped})>={PARAPHRASE['swap']}" if evidence else
                     f"paraphrase:chars>={PARAPHRASE['chars']}")
        parts.append(f"confidence:{self.calibration.fitted_on}" if self.calibration else "confidence:heuristic")
        return "|".join(parts + [f"summarizer:{__version__}"])

    def _metric_objects(self) -> dict[str, Metric]:
        # One set of metric objects per checker: sacrebleu's tokenizers cache per instance, so
        # fresh objects per batch would keep growing memory with the corpus.
        if self._metrics is None:
            self._metrics = self.metrics()
        return self._metrics

    def _score(self, hypotheses: Sequence[str], refs: list[list[str]], alignments: Sequence[PairAlignment],
               lexical_stats: dict[str, np.ndarray], peers: Sequence[Sequence[str]]):
        """Metrics, their per-segment statistics and segment scores, metric by metric (the lexical
        ones' statistics given); the flags are found just before the checker score, which they
        lower (and whose parts calibrate them)."""
        metrics = self._metric_objects()
        bertscore = self.evidence.bertscore_recall if self.evidence.encoder is not None else None
        segments = Segments(hypotheses, refs, bertscore)
        stats, flags = {}, []
        for name, metric in metrics.items():
            if name == "score":
                flags = [self._flags(a, {n: v[i] for n, v in segments.scores.items()}, peers[i])
                         for i, a in enumerate(alignments)]
                segments.flags = [spans for spans, _ in flags]
            if name in lexical_stats:
                stats[name] = lexical_stats[name]
                metric.saw(refs)
            else:
                stats[name] = metric.statistics(segments)
            segments.scores[name] = [metric.segment_score(row) for row in stats[name]]
        return metrics, stats, segments.scores, flags

    def _flags(self, a: PairAlignment, scores: dict[str, float], peers: Sequence[str] = ()) -> tuple[list[Span], list[Span]]:
        """A pair's flags and omissions, with other systems' agreement (``peers``), calibrated, worst first."""
        edits = untyped(a)
        if self.evidence.encoder is not None:
            kind, sims = "swap", self._swap_scale(self.evidence.swap_similarities([a.swapped(e) for e in edits]))
        else:
            kind, sims = "chars", [char_ngram_similarity(*a.phrase(e)[:2]) for e in edits]
        spans, omissions = find_flags(a, self.profile, sims, kind)
        spans = [with_consensus(s, peers) for s in self._with_phrasebook(a, spans)]
        if self.calibration is not None:
            spans = [self.calibration.apply(s, scores) for s in spans]
            omissions = [self.calibration.apply(s, scores) for s in omissions]
        spans = [s for s in spans if keep(s, self.min_severity, self.min_confidence)]
        omissions = [s for s in omissions if keep(s, self.min_severity, self.min_confidence)]
        return _worst_of_overlaps(by_importance(spans)), by_importance(omissions)

    def _with_phrasebook(self, a: PairAlignment, spans: list[Span]) -> list[Span]:
        """Spans plus the phrasebook's matches that the reference confirms (it words the place
        differently): known calques, major, with the reference's wording as the suggestion."""
        if self.phrasebook is None:
            return spans
        merged = list(spans)
        for match in self.phrasebook.match(a.hyp, self.lang):
            confirmed = calque(a, match)
            if confirmed is not None:
                merged = [s for s in merged if not (s.overlaps(confirmed) and s.type == "mistranslation")]
                merged.append(confirmed)
        return merged

    def _closest(self, hypothesis: str, refs: Sequence[str]) -> str:
        """The reference closest to the hypothesis by chrF++ (spans are aligned to it)."""
        if len(refs) == 1:
            return refs[0]
        return max(refs, key=lambda ref: self._closeness.sentence_score(hypothesis, [ref]).score)

    # -- documents ------------------------------------------------------------------------------
    def check_document(self, mt_text: str, ref_text: str = "", max_sentence_chars: int | None = None) -> DocumentResult:
        """Align the sentences of an MT document to a reference document, then check pair by pair.

        With an empty reference, only the phrasebook flags the MT (``corpus`` is None). With
        ``max_sentence_chars``, a longer sentence (text without sentence punctuation) is an
        :class:`~summarizer.inputs.InputError`, raised before any checking.
        """
        valid_text(mt_text, "MT document")
        valid_text(ref_text, "reference document")
        if not ref_text.strip():
            spans = self.phrasebook.match(mt_text, self.lang) if self.phrasebook else []
            spans = [s for s in spans if keep(s, self.min_severity, self.min_confidence)]
            return DocumentResult(mt_text, ref_text, (), tuple(by_importance(spans)), (), None)
        mt_sents = split_sentences(mt_text, self.lang)
        ref_sents = split_sentences(ref_text, self.lang)
        for side, sents in (("MT", mt_sents), ("reference", ref_sents)):
            long = next((n for n, s in enumerate(sents, 1) if len(s.text) > (max_sentence_chars or len(s.text))), None)
            if long is not None:
                raise InputError(f"{side} sentence {long} is {len(sents[long - 1].text):,} characters long (no sentence "
                                 f"punctuation?); sentences are checked up to {max_sentence_chars:,}")
        vectors = self.evidence.sentence_vectors([s.text for s in mt_sents] + [s.text for s in ref_sents])
        links = align_sentences(vectors[: len(mt_sents)], vectors[len(mt_sents) :],
                                [len(s.text) for s in mt_sents], [len(s.text) for s in ref_sents])
        pairs = [_pair(link, mt_text, ref_text, mt_sents, ref_sents) for link in links]
        scored = [p for p in pairs if p.mt_text and p.ref_text]
        corpus = self.check_corpus([p.mt_text for p in scored], [p.ref_text for p in scored]) if scored else None
        results = iter(corpus.segments if corpus else ())
        pairs = [replace(p, result=next(results)) if p.mt_text and p.ref_text else p for p in pairs]
        spans: list[Span] = []
        omissions: list[Span] = []
        for pair in pairs:
            if pair.result:
                spans += [s.shifted(pair.mt_start, pair.ref_start) for s in pair.result.spans]
                omissions += [o.shifted(pair.ref_start, at_offset=pair.mt_start) for o in pair.result.omissions]
            elif pair.mt_text:
                spans.append(Span(pair.mt_start, pair.mt_end, pair.mt_text, "addition", "major", 0.5, None,
                                  "no sentence of the reference says this", type="addition"))
            else:
                omissions.append(Span(pair.ref_start, pair.ref_end, pair.ref_text, "omission", "major", 0.5, None,
                                      "no sentence of the machine translation says this", type="omission"))
        return DocumentResult(mt_text, ref_text, tuple(pairs), tuple(by_importance(spans)),
                              tuple(by_importance(omissions)), corpus)


def _worst_of_overlaps(spans: list[Span]) -> list[Span]:
    """Of flags that overlap, the most important one (``spans`` come worst first)."""
    kept: list[Span] = []
    for span in spans:
        if not any(span.overlaps(k) for k in kept):
            kept.append(span)
    return kept


def _pair(link: SentencePair, mt_text: str, ref_text: str, mt_sents: list[Sentence], ref_sents: list[Sentence]) -> AlignedPair:
    def side(indices: tuple[int, ...], sents: list[Sentence], text: str) -> tuple[str, int, int]:
        if not indices:
            return "", -1, -1
        start, end = sents[indices[0]].start, sents[indices[-1]].end
        return text[start:end], start, end

    mt, mt_start, mt_end = side(link.hyp, mt_sents, mt_text)
    ref, ref_start, ref_end = side(link.ref, ref_sents, ref_text)
    return AlignedPair(mt, ref, mt_start, mt_end, ref_start, ref_end)
