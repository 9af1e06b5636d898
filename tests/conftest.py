"""Shared fixtures: the example pages and tiny randomly initialised models built with transformers.

The tiny models exercise the real seq2seq / causal code paths offline; their output is noise and is
only checked for shape (lengths, methods, chunking), never for content.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
WORDS = ("the a city opened new bridge on monday it links two halves of old town officials said traffic "
         "would ease cost million euros summarize following news article in english at most sentences and "
         "about words reply with summary only").split()


@pytest.fixture(scope="session")
def page_text() -> str:
    return (ROOT / "examples" / "page.txt").read_text(encoding="utf-8")


def _tokenizer(chat: bool):
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    vocab = {t: i for i, t in enumerate(["<pad>", "<s>", "</s>", "<unk>", ".", ",", "!", "?"] + WORDS)}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tok.normalizer = normalizers.Lowercase()
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", bos_token="<s>", eos_token="</s>",
                                   unk_token="<unk>")
    if chat:
        fast.chat_template = ("{% for m in messages %}<s> {{ m['content'] }} </s>{% endfor %}"
                              "{% if add_generation_prompt %} <s>{% endif %}")
    return fast, len(vocab)


@pytest.fixture(scope="session")
def tiny_seq2seq(tmp_path_factory) -> str:
    """A 1-layer BART with 64 positions, saved with its tokenizer."""
    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    path = tmp_path_factory.mktemp("tiny-bart")
    tokenizer, size = _tokenizer(chat=False)
    torch.manual_seed(0)
    config = BartConfig(vocab_size=size, d_model=16, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
                        decoder_attention_heads=2, encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=64,
                        pad_token_id=0, bos_token_id=1, eos_token_id=2, decoder_start_token_id=2, forced_eos_token_id=2)
    BartForConditionalGeneration(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return str(path)


@pytest.fixture(scope="session")
def tiny_causal(tmp_path_factory) -> str:
    """A 1-layer Llama with a 160-token context and a chat template, saved with its tokenizer."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    path = tmp_path_factory.mktemp("tiny-llama")
    tokenizer, size = _tokenizer(chat=True)
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=size, hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                         num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=160,
                         pad_token_id=0, bos_token_id=1, eos_token_id=2)
    LlamaForCausalLM(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return str(path)


@pytest.fixture(scope="session")
def tiny_multilingual_encoder(tmp_path_factory) -> str:
    """A tiny random BERT saved as a sentence-transformers model whose model card lists vi and en."""
    import torch
    from sentence_transformers import SentenceTransformer, models
    from transformers import BertConfig, BertModel

    bert, path = tmp_path_factory.mktemp("tiny-bert"), tmp_path_factory.mktemp("tiny-multilingual")
    tokenizer, size = _tokenizer(chat=False)
    torch.manual_seed(0)
    BertModel(BertConfig(vocab_size=size, hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=32, max_position_embeddings=128, pad_token_id=0)).save_pretrained(bert)
    tokenizer.save_pretrained(bert)
    transformer = models.Transformer(str(bert), max_seq_length=128)
    pooling = models.Pooling(transformer.get_embedding_dimension(), pooling_mode="mean")
    SentenceTransformer(modules=[transformer, pooling]).save(str(path))
    (path / "README.md").write_text("---\nlanguage:\n- vi\n- en\n---\n# tiny multilingual test encoder\n",
                                    encoding="utf-8")
    return str(path)
