"""Models at speed: each stage against its bare model on the same inputs, as ratios in one run.

    python eval/gpu.py [--device cuda] [--articles 200] [--segments 3000]   # real shapes, random weights
    python eval/gpu.py --tiny                                               # tiny shapes: runs anywhere

No model hub is reachable where this runs, so the models are built here with random weights and
the shapes of the real ones (``--tiny``: a few thousand parameters each, so the script itself can
be tested on a CPU): a MiniLM-L6 sentence encoder, BART-large (seq2seq) and a 1.5B Qwen2-shaped
causal LM, each with a word-level tokenizer padded to the real vocabulary size. Outputs are noise;
only the time is measured.

| stage | ours | bare model, same inputs |
|---|---|---|
| extractive summaries | ``Summarizer.summarize`` | ``SentenceTransformer.encode`` of the sentences and titles it encodes |
| abstractive seq2seq / causal | ``Summarizer.summarize`` | one batched ``generate`` per batch of the same articles (cut to the model's input), same beams and lengths |
| checker, full | ``Checker.check_corpus`` with the encoder on the device | a bare loop of sacrebleu's sentence BLEU, chrF++ and TER |
| checker, full, N workers | ``BatchChecker`` (what ``check --workers N`` runs): N processes, the lexical work on N cores, their encoders sharing the device | the same bare loop |
| checker, full, N lexical workers | ``BatchChecker`` with ``lexical_workers=N`` (``check --lexical-workers N``, the default on CUDA): one encoder; N processes compute the next batches' sacrebleu statistics and alignment | the same bare loop |

Articles come from ``--data`` (SummEval CNN/DM), segments from ``--mqm`` (MQM zh→en, refB).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from pathlib import Path

SHAPES = {  # name: (real, tiny) constructor arguments
    "encoder": ({"vocab_size": 30522, "hidden_size": 384, "num_hidden_layers": 6, "num_attention_heads": 12,
                 "intermediate_size": 1536, "max_position_embeddings": 512},
                {"vocab_size": 2000, "hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2,
                 "intermediate_size": 64, "max_position_embeddings": 128}),
    "seq2seq": ({"vocab_size": 50265, "d_model": 1024, "encoder_layers": 12, "decoder_layers": 12,
                 "encoder_attention_heads": 16, "decoder_attention_heads": 16, "encoder_ffn_dim": 4096,
                 "decoder_ffn_dim": 4096, "max_position_embeddings": 1024},
                {"vocab_size": 2000, "d_model": 32, "encoder_layers": 1, "decoder_layers": 1,
                 "encoder_attention_heads": 2, "decoder_attention_heads": 2, "encoder_ffn_dim": 64,
                 "decoder_ffn_dim": 64, "max_position_embeddings": 128}),
    "causal": ({"vocab_size": 151936, "hidden_size": 1536, "num_hidden_layers": 28, "num_attention_heads": 12,
                "num_key_value_heads": 2, "intermediate_size": 8960, "max_position_embeddings": 4096},
               {"vocab_size": 2000, "hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2,
                "num_key_value_heads": 2, "intermediate_size": 64, "max_position_embeddings": 512}),
}


def _tokenizer(words: list[str], size: int, chat: bool = False):
    """A word-level tokenizer over ``words``, padded with filler tokens to ``size`` entries."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "<s>", "</s>"]
    vocab = list(dict.fromkeys(special + words))[: size]
    vocab += [f"<extra_{i}>" for i in range(size - len(vocab))]
    tok = Tokenizer(models.WordLevel({t: i for i, t in enumerate(vocab)}, unk_token="[UNK]"))
    tok.normalizer = normalizers.Lowercase()
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]",
                                   sep_token="[SEP]", mask_token="[MASK]", bos_token="<s>", eos_token="</s>")
    if chat:
        fast.chat_template = ("{% for m in messages %}<s> {{ m['content'] }} </s>{% endfor %}"
                              "{% if add_generation_prompt %} <s>{% endif %}")
    return fast


def build_models(folder: Path, words: list[str], tiny: bool) -> dict[str, str]:
    """Random-weight models of real (or tiny) shapes, saved with tokenizers; name → path."""
    import torch
    from sentence_transformers import SentenceTransformer, models
    from transformers import BartConfig, BartForConditionalGeneration, BertConfig, BertModel, Qwen2Config, \
        Qwen2ForCausalLM

    torch.manual_seed(0)
    pick = 1 if tiny else 0
    paths = {name: str(folder / name) for name in SHAPES}
    shape = SHAPES["encoder"][pick]
    BertModel(BertConfig(**shape)).save_pretrained(folder / "bert")
    _tokenizer(words, shape["vocab_size"]).save_pretrained(folder / "bert")
    transformer = models.Transformer(str(folder / "bert"), max_seq_length=min(256, shape["max_position_embeddings"]))
    pooling = models.Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
    SentenceTransformer(modules=[transformer, pooling]).save(paths["encoder"])
    ids = {"pad_token_id": 0, "bos_token_id": 5, "eos_token_id": 6}
    shape = SHAPES["seq2seq"][pick]
    BartForConditionalGeneration(BartConfig(**shape, **ids, decoder_start_token_id=6, forced_eos_token_id=6)
                                 ).save_pretrained(paths["seq2seq"])
    _tokenizer(words, shape["vocab_size"]).save_pretrained(paths["seq2seq"])
    shape = SHAPES["causal"][pick]
    Qwen2ForCausalLM(Qwen2Config(**shape, **ids, tie_word_embeddings=True)).save_pretrained(paths["causal"])
    _tokenizer(words, shape["vocab_size"], chat=True).save_pretrained(paths["causal"])
    return paths


REPEATS = 3  # each side of a ratio is timed this many times, interleaved, and the median kept


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _paired(ours, bare) -> tuple[float, float]:
    """Median seconds of ``ours`` and of ``bare``, run alternately (machine noise hits both alike)."""
    times = [(_timed(ours), _timed(bare)) for _ in range(REPEATS)]
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def extractive(path: str, articles: list[str], device: str) -> tuple[float, float]:
    """Seconds of our extractive summaries and of the bare encoder on the same texts."""
    from summarizer import Article, Summarizer, split_sentences

    items = [Article.from_text(t, id=i, language="en") for i, t in enumerate(articles)]
    summarizer = Summarizer(path, backend="extractive", device=device, encoder_languages=["en"])
    texts = [s.text for a in items for s in split_sentences(a.body, "en")]
    summarizer.summarize(items[:2])  # loads the model
    model = summarizer.encoder.model
    return _paired(lambda: summarizer.summarize(items, max_sentences=2, max_words=60),
                   lambda: model.encode(texts, batch_size=summarizer.encoder.batch_size, normalize_embeddings=True))


def abstractive(path: str, kind: str, articles: list[str], device: str, batch_size: int, beams: int,
                dtype: str) -> tuple[float, float]:
    """Seconds of our abstractive summaries and of bare batched ``generate`` calls on the same inputs:
    each article cut to the first chunk our summariser would make (what fits the model's input with
    the prompt), so both sides generate once per article and the difference is what ours adds."""
    import torch

    from summarizer import Article, Summarizer

    summarizer = Summarizer(path, backend=kind, device=device, batch_size=batch_size, num_beams=beams, dtype=dtype)
    gen = summarizer.generator
    max_new = min(60 * 2 + 16, gen.max_output_tokens)
    instruction = summarizer._instruction("en", 2, 60)
    fitted = [summarizer._chunks(t, "en", summarizer._budget(instruction, max_new))[0] for t in articles]
    items = [Article.from_text(t, id=i, language="en") for i, t in enumerate(fitted)]
    summarizer.summarize(items[:1], max_words=20)  # loads the model
    def bare() -> None:
        for i in range(0, len(fitted), batch_size):
            batch = fitted[i : i + batch_size]
            if kind == "causal":
                ids = [gen._chat(instruction, t) for t in batch]
                enc = gen.tokenizer.pad({"input_ids": ids}, return_tensors="pt", padding=True)
            else:
                enc = gen.tokenizer(batch, return_tensors="pt", padding=True)
            enc = {k: v.to(device) for k, v in enc.items()}
            with torch.inference_mode():
                gen.model.generate(**enc, max_new_tokens=max_new, num_beams=beams, do_sample=False,
                                   pad_token_id=gen.tokenizer.pad_token_id)
    return _paired(lambda: summarizer.summarize(items, max_sentences=2, max_words=60), bare)


def checker(path: str, pairs: list[tuple[str, str]], device: str) -> tuple[float, float]:
    """Seconds of the full checker (encoder on ``device``) and of a bare sacrebleu sentence loop."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    from summarizer import Checker

    check = Checker(lang="en", encoder=path, device=device, phrasebook=None)
    check.check_corpus([h for h, _ in pairs[:4]], [r for _, r in pairs[:4]])  # loads the model
    hyps, refs = [h for h, _ in pairs], [r for _, r in pairs]
    bleu, chrf, ter = BLEU(effective_order=True), CHRF(word_order=2), TER()
    return _paired(lambda: [check.check_corpus(hyps[i : i + 256], refs[i : i + 256]) for i in range(0, len(hyps), 256)],
                   lambda: [(bleu.sentence_score(h, [r]), chrf.sentence_score(h, [r]), ter.sentence_score(h, [r]))
                            for h, r in pairs])


def checker_workers(path: str, pairs: list[tuple[str, str]], device: str, workers: int = 1, lexical: int = 0) -> float:
    """Seconds of ``workers`` checker processes (each its encoder on ``device``), or of one with
    ``lexical`` worker processes for the lexical part, over the pairs, model loading excluded (a
    first batch per process warms them up)."""
    from summarizer.batch import BatchChecker, Record

    records = [Record(str(i), "mt", h, (r,)) for i, (h, r) in enumerate(pairs)]
    runner = BatchChecker({"lang": "en", "encoder": path, "device": device, "phrasebook": None}, workers=workers,
                          lexical_workers=lexical)
    workers = max(workers, lexical)
    batches = [records[i : i + 64] for i in range(0, len(records), 64)]
    warm = [records[:4]] * (2 * workers)
    start = None
    for n, _ in enumerate(runner.run(warm + batches)):
        if n == len(warm) - 1:
            start = time.perf_counter()
    return time.perf_counter() - start


def _data(args: argparse.Namespace) -> tuple[list[str], list[tuple[str, str]]]:
    articles, pairs = [], []
    if args.data.exists():
        with open(args.data, encoding="utf-8") as fh:
            articles = [json.loads(line)["article"] for line in fh]
    if args.mqm.exists():
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from mqm import load

        rows, refs = load(args.mqm)
        pairs = [(r["mt"], refs[r["key"]]) for r in rows]
    filler = "The city opened a new bridge on Monday. It links the two halves of the old town. " * 20
    articles = (articles or [filler]) * (args.articles // max(1, len(articles or [filler])) + 1)
    pairs = (pairs or [("The cat sat on the mat.", "A cat sat on the mat.")]) * (args.segments // max(1, len(pairs)) + 1)
    return articles[: args.articles], pairs[: args.segments]


def main() -> None:
    import torch

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--tiny", action="store_true", help="tiny shapes (default when there is no CUDA)")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--segments", type=int, default=3000)
    parser.add_argument("--batch-size", type=int, default=None, help="generation batch (default: 16 on CUDA, 4 else)")
    parser.add_argument("--beams", type=int, default=4)
    parser.add_argument("--dtype", default="auto")
    parser.add_argument("--repeats", type=int, default=3, help="timings per side of each ratio (median kept)")
    parser.add_argument("--workers", type=int, default=None,
                        help="checker processes for the N-workers row (default: 8 on CUDA, 2 else)")
    parser.add_argument("--data", type=Path, default=Path("../shared/data/summarization/summeval_cnndm100.jsonl"))
    parser.add_argument("--mqm", type=Path, default=Path("../shared/data/mqm/ted_zhen.dev.tsv"))
    args = parser.parse_args()
    global REPEATS
    REPEATS = args.repeats
    tiny = args.tiny or not args.device.startswith("cuda")
    batch = args.batch_size or (16 if args.device.startswith("cuda") else 4)
    articles, pairs = _data(args)
    words = sorted({w.casefold() for t in articles[:50] for w in t.split()})
    name = torch.cuda.get_device_name(0) if args.device.startswith("cuda") else platform.processor() or "CPU"
    print(f"device: {args.device} ({name}); shapes: {'tiny' if tiny else 'real'}, random weights; "
          f"{len(articles)} articles, {len(pairs)} segments, generation batch {batch}, {args.beams} beams\n")
    print("| stage | ours (items/s) | bare model, same inputs (items/s) | ratio |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        paths = build_models(Path(folder), words, tiny)
        rows = [("extractive summaries", len(articles), *extractive(paths["encoder"], articles, args.device))]
        few = articles[: max(2, len(articles) // 10)]
        for kind in ("seq2seq", "causal"):
            rows.append((f"abstractive, {kind}", len(few),
                         *abstractive(paths[kind], kind, few, args.device, batch, args.beams, args.dtype)))
        ours, bare = checker(paths["encoder"], pairs, args.device)
        rows.append(("checker, full (encoder on the device)", len(pairs), ours, bare))
        workers = args.workers or (8 if args.device.startswith("cuda") else 2)
        rows.append((f"checker, full, {workers} workers sharing the device", len(pairs),
                     checker_workers(paths["encoder"], pairs, args.device, workers=workers), bare))
        rows.append((f"checker, full, {workers} lexical workers", len(pairs),
                     checker_workers(paths["encoder"], pairs, args.device, lexical=workers), bare))
    for stage, count, ours, bare in rows:
        print(f"| {stage} | {count / ours:.2f} | {count / bare:.2f} | {bare / ours:.2f} |")


if __name__ == "__main__":
    main()
