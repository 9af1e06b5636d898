import json
import pytest

from summarizer import Checker
from summarizer.text import profile

MT = ("The ministry announced a plan to build a battery production ring in the north. "
      "It will create jobs for local residents. "
      "The plant is expected to open in 2027, officials said at a press conference on Monday.")
REF = ("The ministry announced a plan to build a battery production line in the north. "
       "It will create jobs for local residents. The plant is expected to open in 2027, "
       "officials told a press conference on Monday.")


@pytest.fixture(scope="module")
def checker():
    return Checker()


def test_awkward_phrase_is_flagged_with_the_reference_wording(checker):
    result = checker.check("They set up a drone production ring in the region.",
                           ["They set up a drone production line in the region."])
    [span] = result.spans
    assert (span.text, span.suggestion, span.category) == ("production ring", "production line", "substitution")
    hyp = "They set up a drone production ring in the region."
    assert hyp[span.start:span.end] == "production ring"
    assert result.reference[span.ref_start:span.ref_end] == "production line"  # where the suggestion comes from
    assert 0 < span.confidence <= 1 and span.severity in ("minor", "major")


def test_identical_and_paraphrased_text_is_not_flagged(checker):
    same = checker.check("The company said the talks were ongoing.", "The company said the talks were ongoing.")
    assert same.spans == () and same.bleu == pytest.approx(100) and same.ter == 0
    paraphrase = checker.check("Renault is the largest automaker in France.", "Renault is the largest carmaker in France.")
    assert paraphrase.spans == ()


def test_additions_omissions_and_numbers(checker):
    result = checker.check("The minister delivered 20 new drones to the army yesterday.",
                           "The minister delivered 25 drones to the army.")
    by_text = {s.text: s for s in result.spans}
    assert by_text["yesterday"].category == "addition" and by_text["yesterday"].suggestion is None
    number = next(s for s in result.spans if "20" in s.text)
    assert number.severity == "major" and "25" in number.suggestion
    omitted = checker.check("The minister delivered drones.", "The minister delivered drones to the army.")
    assert [o.text for o in omitted.omissions] == ["to the army"]


def test_multiple_references_use_the_closest(checker):
    result = checker.check("He opened the new bridge.", ["She closed an old road.", "He opened the new bridge."])
    assert result.reference == "He opened the new bridge." and result.spans == ()
    assert result.bleu == pytest.approx(100)


def test_scores_rank_better_translations_higher(checker):
    ref = "The government will raise teacher salaries next year."
    good = checker.check("The government will increase teacher salaries next year.", ref)
    bad = checker.check("Government salary of teachers raise will next year be.", ref)
    assert 0 <= bad.score < good.score <= 100
    assert set(good.to_dict()) >= {"score", "bleu", "chrf", "ter", "spans"}


def test_corpus_scores_carry_sacrebleu_signatures(checker):
    corpus = checker.check_corpus(["The cat sat on the mat.", "A dog barked."],
                                  ["The cat sat on the mat.", "The dog barked loudly."])
    assert len(corpus.segments) == 2 and corpus.segments[0].spans == ()
    assert corpus.signatures["bleu"].startswith("nrefs:1|case:mixed|eff:no|tok:13a")
    assert "nw:2" in corpus.signatures["chrf"]
    with pytest.raises(ValueError, match="2 hypotheses but 1 references"):
        checker.check_corpus(["a", "b"], ["a"])


def test_document_mode_aligns_sentences_and_offsets_point_into_the_mt(checker):
    result = checker.check_document(MT, REF)
    assert [bool(p.mt_text and p.ref_text) for p in result.pairs] == [True] * len(result.pairs)
    merged = [p for p in result.pairs if "2027" in p.mt_text]
    assert len(merged) == 1 and "press conference" in merged[0].ref_text
    texts = {s.text: s for s in result.spans}
    assert texts["production ring"].suggestion == "production line"
    for span in result.spans:
        assert MT[span.start:span.end] == span.text
        if span.ref_start is not None:
            assert REF[span.ref_start:span.ref_end] == span.suggestion
    assert all("create jobs" not in s.text for s in result.spans)
    assert result.corpus.signatures["ter"].startswith("nrefs:1")


def test_languages_without_encoder_use_character_similarity_and_their_tokenizer():
    assert profile("zh").sacrebleu_tokenizer == "zh" and profile("de").sacrebleu_tokenizer == "13a"
    checker = Checker(lang="vi")
    result = checker.check("Nhà máy sẽ mở cửa vào năm sau.", "Nhà máy sẽ khai trương vào năm sau.")
    assert [s.suggestion for s in result.spans] == ["khai trương"]
    zh = Checker(lang="zh", use_encoder=False).check("我们今天去公园。", "我们今天去公园。")
    assert zh.bleu == pytest.approx(100) and zh.spans == ()


def test_inflection_changes_are_minor_flags(checker):
    result = checker.check("Yesterday the minister visit the new factories.", "Yesterday the minister visited the new factory.")
    flags = {s.text: s for s in result.spans}
    assert flags["visit"].category == "inflection" and flags["visit"].suggestion == "visited"
    assert flags["factories"].suggestion == "factory" and flags["factories"].severity == "minor"


def test_score_is_chrf_and_bertscore_with_a_signature(checker):
    same = checker.check("The bridge opened on Monday.", "The bridge opened on Monday.")
    assert same.score == pytest.approx(100) and same.bertscore == pytest.approx(100, abs=1e-2)
    corpus = checker.check_corpus(["The bridge opened on Monday."], ["The bridge opened on Monday."])
    assert corpus.signatures["score"].startswith("mean(chrF++,bertscore-R:all-MiniLM-L6-v2|rescale:0.5)")
    lexical = Checker(use_encoder=False, phrasebook=None).check("The bridge opened.", "The bridge opened today.")
    assert lexical.bertscore is None and lexical.score == pytest.approx(lexical.chrf)


def test_corpus_scores_equal_sacrebleu_sentence_and_corpus_scores():
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps = ["The cat sat on the mat today.", "A dog barked at night."]
    refs = [["The cat sat on the mat.", "A cat was on the mat."], ["The dog barked loudly at night.", "A dog barked."]]
    corpus = Checker(use_encoder=False, phrasebook=None).check_corpus(hyps, refs)
    for segment, hyp, rs in zip(corpus.segments, hyps, refs):
        assert segment.bleu == pytest.approx(BLEU(effective_order=True).sentence_score(hyp, rs).score)
        assert segment.chrf == pytest.approx(CHRF(word_order=2).sentence_score(hyp, rs).score)
        assert segment.ter == pytest.approx(TER().sentence_score(hyp, rs).score)
    streams = [list(s) for s in zip(*refs)]
    assert corpus.bleu == pytest.approx(BLEU().corpus_score(hyps, streams).score)
    assert corpus.chrf == pytest.approx(CHRF(word_order=2).corpus_score(hyps, streams).score)
    assert corpus.ter == pytest.approx(TER().corpus_score(hyps, streams).score)


def test_ter_covers_the_first_200_tokens_of_a_long_segment_and_says_so():
    import sacrebleu

    checker = Checker(lang="en", use_encoder=False, phrasebook=None)
    short = checker.check("The cat sat on the mat today.", "The cat sat on a mat today.")
    assert short.notes == () and "notes" not in short.to_dict()
    assert short.ter == pytest.approx(sacrebleu.sentence_ter("The cat sat on the mat today.",
                                                             ["The cat sat on a mat today."]).score)
    long_hyp = " ".join(f"w{i % 50}" for i in range(260))
    result = checker.check(long_hyp, long_hyp.replace("w7 ", "x7 "))
    assert result.notes == ("TER on the first 200 tokens",) and result.to_dict()["notes"] == list(result.notes)
    assert checker.check_corpus([long_hyp], [long_hyp]).signatures["ter"].endswith("|max-tokens:200")


def test_every_signature_counts_the_references_given():
    checker = Checker(lang="en", use_encoder=False, phrasebook=None)
    result = checker.check_corpus(["The cat sat.", "A dog ran."], [["The cat sat.", "A cat sat."], ["A dog ran.", "Dogs ran."]])
    for name in ("bleu", "chrf", "ter"):
        assert "nrefs:2|" in result.signatures[name], (name, result.signatures[name])


def test_document_spans_and_omissions_point_into_their_documents():
    checker = Checker(lang="en", use_encoder=False, phrasebook=None)
    mt = "The mayor opened the bridge. Traffic eased at once. Fireworks lit the sky over the river."
    ref = "The mayor opened the new bridge on Monday. Traffic eased at once."
    result = checker.check_document(mt, ref)
    assert result.omissions and all(ref[o.start:o.end] == o.text for o in result.omissions)
    assert all(mt[s.start:s.end] == s.text for s in result.spans)
    assert any(s.type == "addition" and s.text.startswith("Fireworks") for s in result.spans)


def test_another_encoder_covers_its_languages_and_gets_a_computed_bertscore_baseline(tiny_multilingual_encoder, capsys,
                                                                                    tmp_path):
    from summarizer.cli import main

    hyp, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    hyp.write_text("Thành phố đã mở một cây cầu mới.\nGiá tăng 5 phần trăm.\nĐội đã thắng.\n", encoding="utf-8")
    ref.write_text("Thành phố khai trương cây cầu mới.\nGiá đã tăng 5%.\nĐội đã không thắng.\n", encoding="utf-8")
    assert main(["check", "--hyp", str(hyp), "--ref", str(ref), "--lang", "vi", "--encoder", tiny_multilingual_encoder,
                 "--format", "jsonl", "--bootstrap", "10", "--metrics", "score,bleu,chrf,ter,bertscore"]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert all(row["bertscore"] is not None for row in rows)
    [signature] = [line for line in captured.err.splitlines() if line.startswith("score: ")]
    rescale = float(signature.split("rescale:")[1].split(":")[0])
    assert ":computed)" in signature and rescale != 0.5
    [flags] = [line for line in captured.err.splitlines() if line.startswith("flags: ")]
    assert "paraphrase:swap(tiny-multilingual0,scaled:unrelated-cos=" in flags
    assert main(["check", "--hyp", str(hyp), "--ref", str(ref), "--lang", "vi", "--format", "jsonl", "--bootstrap",
                 "10"]) == 0
    assert "bertscore" not in json.loads(capsys.readouterr().out.splitlines()[0])  # MiniLM does not cover vi


def test_a_pair_repeated_in_a_corpus_scores_like_its_first_occurrence(checker):
    hyps = ["The factory opened in May.", "The plant opened in June.", "The factory opened in May."]
    refs = ["The factory opened in May.", "The factory opened in May.", "The factory opened in May."]
    result = checker.check_corpus(hyps, refs)
    first, second, third = result.segments
    assert third.scores == first.scores and third.spans == first.spans and second.scores != first.scores
    for rows in result.stats.values():
        assert list(rows[2]) == list(rows[0])
    alone = checker.check_corpus(hyps[:2], refs[:2])  # the checker score also weighs other systems' outputs
    assert {k: v for k, v in alone.segments[1].scores.items() if k != "score"} == \
        {k: v for k, v in second.scores.items() if k != "score"}


def test_a_span_of_thousands_of_words_gets_a_confidence_not_an_overflow():
    from summarizer.check import calibration

    fitted = calibration.load("all-MiniLM-L6-v2")
    assert 0.0 <= fitted.confidence_from({"words": 1e6, "log_chars": 20.0}) <= 1.0
    assert 0.0 <= fitted.confidence_from({"words": -1e6}) <= 1.0  # a 200,000-character segment crashed here
