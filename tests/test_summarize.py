import json
import numpy as np
import pytest

from summarizer import Article, Summarizer, split_articles
from summarizer.summarize import select_sentences
from summarizer.text import count_words

VIETNAMESE = (
    "Thành phố Đà Nẵng vừa đưa vào vận hành nhà máy điện mặt trời nổi đầu tiên trên hồ chứa nước. "
    "Dự án có công suất 47 MW và cung cấp điện cho khoảng 20.000 hộ gia đình. "
    "Công trình được khởi công từ tháng 3 năm ngoái và hoàn thành sớm hơn ba tháng so với kế hoạch. "
    "Theo Ủy ban nhân dân thành phố, nhà máy giúp giảm khoảng 40.000 tấn khí thải mỗi năm. "
    "Các chuyên gia cho rằng điện mặt trời nổi phù hợp với Việt Nam vì quỹ đất hạn chế."
)


@pytest.fixture(scope="module")
def summarizer():
    return Summarizer()


def test_each_article_gets_a_short_summary_in_document_order(summarizer, page_text):
    articles = split_articles(page_text)
    summaries = summarizer.summarize(articles)
    assert [s.id for s in summaries] == [a.id for a in articles]
    main = summaries[0]
    assert main.method == "extractive-embedding:all-MiniLM-L6-v2"
    assert 1 <= len(main.sentences) <= 2 and count_words(main.summary) <= 60
    starts = [s.start for s in main.sentences]
    assert starts == sorted(starts)
    for sentence in main.sentences:
        assert page_text[sentence.start:sentence.end] == sentence.text
        assert sentence.text in articles[0].body
    assert main.summary == " ".join(s.text for s in main.sentences)


def test_teaser_summaries_are_their_ledes(summarizer, page_text):
    articles = split_articles(page_text)
    for article, summary in zip(articles[1:], summarizer.summarize(articles[1:])):
        assert summary.summary == article.body
        assert summary.method == "full-text"


def test_length_limits_are_adjustable(summarizer, page_text):
    main = split_articles(page_text)[0]
    [one] = summarizer.summarize(main, max_sentences=1)
    [four] = summarizer.summarize(main, max_sentences=4, max_words=200)
    [tight] = summarizer.summarize(main, max_sentences=4, max_words=40)
    assert len(one.sentences) == 1 and len(four.sentences) == 4
    assert count_words(tight.summary) <= 40 or len(tight.sentences) == 1


def test_plain_strings_are_accepted_and_lead_sentence_wins_for_news(summarizer):
    text = ("The city opened a new bridge over the river on Monday. It links the two halves of the old town. "
            "Officials said traffic in the centre would ease. The bridge cost 20 million euros. "
            "Work on a second bridge starts next year.")
    [summary] = summarizer.summarize(text, max_sentences=1)
    assert summary.summary == "The city opened a new bridge over the river on Monday."
    assert (summary.sentences[0].start, summary.sentences[0].end) == (0, 54)


def test_redundant_sentences_are_not_picked_twice(summarizer):
    text = ("Heavy rain flooded the capital on Sunday. Heavy rain flooded the capital on Sunday, officials said. "
            "Schools were closed and flights were delayed. The weather office expects more storms this week.")
    [summary] = summarizer.summarize(text, max_sentences=2)
    assert "Schools were closed" in summary.summary or "weather office" in summary.summary


def test_language_the_encoder_does_not_cover_falls_back_and_says_so(summarizer):
    [summary] = summarizer.summarize(Article.from_text(VIETNAMESE), max_sentences=1)
    assert summary.language == "vi"
    assert summary.method.startswith("extractive-tfidf") and "does not cover 'vi'" in summary.method
    assert summary.summary in VIETNAMESE and len(summary.sentences) == 1


def test_multilingual_encoder_declared_by_the_user_is_used_for_all_languages():
    summarizer = Summarizer(encoder_languages=["en", "vi"])
    [summary] = summarizer.summarize(VIETNAMESE, max_sentences=1)
    assert summary.method.startswith("extractive-embedding")


def test_select_sentences_balances_position_relevance_and_redundancy():
    vectors = np.array([[1, 0], [1, 0], [0.6, 0.8], [0, 1]], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    chosen = select_sentences(vectors, [10, 10, 10, 10], max_sentences=2, max_words=60, redundancy=1.0)
    assert chosen[0] == 0 and 1 not in chosen  # the duplicate of the lead is skipped
    # sentence 1 does not fit the word budget next to sentence 0; 2 is more central than 3
    assert select_sentences(vectors, [50, 50, 5, 5], max_sentences=2, max_words=60, position_weight=0.5,
                            redundancy=0.5) == [0, 2]


def test_invalid_limits_are_rejected(summarizer):
    with pytest.raises(ValueError):
        summarizer.summarize("Some text.", max_sentences=0)


def test_to_dict_has_the_documented_fields(summarizer, page_text):
    record = summarizer.summarize(split_articles(page_text))[0].to_dict()
    assert set(record) == {"id", "title", "summary", "sentences", "language", "method", "start", "end"}
    assert set(record["sentences"][0]) == {"text", "start", "end"}


LONG = " ".join(["The city opened a new bridge on Monday. It links the two halves of the old town."] * 12)


def test_seq2seq_backend_chunks_long_articles(tiny_seq2seq):
    summarizer = Summarizer(tiny_seq2seq, device="cpu", batch_size=2, num_beams=2)
    assert summarizer.backend == "seq2seq"
    [long, short] = summarizer.summarize([LONG, "The city opened a bridge."], max_sentences=2, max_words=10)
    assert long.method.startswith("abstractive-seq2seq:") and "chunks)" in long.method
    assert short.method == f"abstractive-seq2seq:{summarizer.generator.name}"
    assert len(long.sentences) <= 2 and all(s.start is None for s in long.sentences)


def test_causal_backend_uses_the_chat_template(tiny_causal):
    summarizer = Summarizer(tiny_causal, device="cpu", dtype="float32", num_beams=1)
    assert summarizer.backend == "causal"
    prompt = summarizer.generator.tokenizer.decode(summarizer.generator._chat("Summarize", "the city"))
    assert prompt.startswith("<s>") and prompt.endswith("<s>")
    [summary] = summarizer.summarize(LONG, max_sentences=1, max_words=8)
    assert summary.method.startswith("abstractive-causal:") and "chunks)" in summary.method
    assert len(summary.sentences) <= 1


def test_context_too_small_for_the_summary_is_a_clear_error(tiny_causal):
    summarizer = Summarizer(tiny_causal, device="cpu", max_input_tokens=40)
    with pytest.raises(ValueError, match="leaves no room"):
        summarizer.summarize(LONG, max_words=30)


def test_a_text_without_full_stops_gets_a_summary_within_the_hard_cap():
    from summarizer.summarize.summarizer import HARD_CAP

    text = " ".join(f"word{i % 97}" for i in range(5000))
    [summary] = Summarizer().summarize(text, max_words=40)
    assert summary.summary.endswith("…") and len(summary.summary.split()) <= HARD_CAP * 40
    [sentence] = summary.sentences
    assert text[sentence.start:sentence.end] == sentence.text and summary.summary == sentence.text + "…"


def test_an_article_of_very_many_sentences_is_summarised_from_its_first_ones(monkeypatch):
    from summarizer.summarize import summarizer

    monkeypatch.setattr(summarizer, "MAX_ARTICLE_SENTENCES", 5)
    text = " ".join(f"Sentence number {i} tells about the bridge {i}." for i in range(40))
    [summary] = Summarizer().summarize(text, max_sentences=2)
    assert summary.method.endswith("(first 5 sentences)")
    assert all(s.start < text.index("Sentence number 5 ") for s in summary.sentences)


def test_selection_never_builds_a_sentence_by_sentence_matrix():
    import numpy as np

    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(30_000, 8)).astype(np.float32)  # 30,000² floats would be 3.6 GB
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    chosen = select_sentences(vectors, [10.0] * 30_000, max_sentences=3, max_words=60)
    assert len(chosen) == 3 and chosen == sorted(chosen)


def test_sentence_offsets_give_their_text_even_with_odd_spaces():
    page = ("Bridge opens\n\nThe city\u00a0opened a new\u200b bridge on Monday.\tIt cost 20 million euros. "
            "Officials said traffic would ease at once. The bridge took two years.\n")
    [summary] = Summarizer().summarize(split_articles(page), max_sentences=2)
    assert summary.sentences and all(page[s.start:s.end] == s.text for s in summary.sentences)
    assert "\u200b" not in summary.summary and "\u00a0" not in summary.summary


PAGE_OF_ARTICLES = [f"Article {n}. The city opened bridge number {n} on Monday. Traffic eased at once." for n in range(6)]


def _count_generate_calls(generator, monkeypatch) -> list[int]:
    calls, real = [], generator.model.generate

    def counted(*args, **kwargs):
        calls.append(len(kwargs["input_ids"]))
        return real(*args, **kwargs)
    monkeypatch.setattr(generator.model, "generate", counted)
    return calls


def test_abstractive_summaries_of_a_page_are_batched_and_equal_one_at_a_time(tiny_seq2seq, monkeypatch):
    batched = Summarizer(tiny_seq2seq, device="cpu", batch_size=8, num_beams=1)
    calls = _count_generate_calls(batched.generator, monkeypatch)
    together = batched.summarize(PAGE_OF_ARTICLES, max_words=10)
    assert len(calls) < len(PAGE_OF_ARTICLES) and sum(calls) == len(PAGE_OF_ARTICLES)
    one_by_one = [Summarizer(tiny_seq2seq, device="cpu", batch_size=1, num_beams=1).summarize(text, max_words=10)[0]
                  for text in PAGE_OF_ARTICLES]
    assert [s.summary for s in together] == [s.summary for s in one_by_one]


def test_out_of_memory_halves_the_batch_and_goes_on(tiny_seq2seq, monkeypatch):
    import torch

    summarizer = Summarizer(tiny_seq2seq, device="cpu", batch_size=8, num_beams=1)
    real = summarizer.generator.model.generate
    sizes = []

    def small_gpu(*args, **kwargs):
        sizes.append(len(kwargs["input_ids"]))
        if len(kwargs["input_ids"]) > 2:
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return real(*args, **kwargs)
    monkeypatch.setattr(summarizer.generator.model, "generate", small_gpu)
    summaries = summarizer.summarize(PAGE_OF_ARTICLES, max_words=10)
    assert len(summaries) == len(PAGE_OF_ARTICLES) and summarizer.generator.batch_size == 2
    assert sizes[:3] == [6, 3, 2]
    expected = Summarizer(tiny_seq2seq, device="cpu", batch_size=1, num_beams=1).summarize(PAGE_OF_ARTICLES, max_words=10)
    assert [s.summary for s in summaries] == [s.summary for s in expected]


def test_a_multilingual_encoder_summarises_a_vietnamese_page_with_embeddings(tiny_multilingual_encoder, capsys,
                                                                            tmp_path):
    from summarizer.cli import main

    page = tmp_path / "vi.txt"
    page.write_text("Thành phố mở cầu mới\n\nThành phố đã mở một cây cầu mới vào thứ Hai. Cây cầu nối hai nửa "
                    "của khu phố cổ. Giao thông được cải thiện ngay lập tức. Chi phí là 20 triệu euro.\n",
                    encoding="utf-8")
    assert main(["summarize", str(page), "--encoder", tiny_multilingual_encoder, "--format", "jsonl",
                 "--max-sentences", "1"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["language"] == "vi" and record["method"].startswith("extractive-embedding:")
    assert main(["summarize", str(page), "--format", "jsonl", "--max-sentences", "1"]) == 0
    assert json.loads(capsys.readouterr().out)["method"].startswith("extractive-tfidf")
