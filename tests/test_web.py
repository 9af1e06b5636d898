"""The page's callbacks, called directly: they take what the page sends and return what it shows."""

import json
from pathlib import Path

import gradio as gr
import pytest

from summarizer import web


def test_summaries_give_one_card_per_article_with_downloads(page_text):
    cards, (jsonl, markdown), *_ = web.summarize_page(page_text, 1, 60)
    assert cards.count("<article class='card'") == 4
    assert "1. Da Nang opens first floating solar farm on reservoir" in cards
    assert "<details><summary>Full article</summary>" in cards
    assert "by Minh Châu" in cards and "appears 2× on the page (merged)" in cards
    records = [json.loads(line) for line in Path(jsonl).read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == [0, 1, 2, 3]
    assert records[0]["method"] == "extractive-embedding:all-MiniLM-L6-v2"
    assert Path(markdown).read_text(encoding="utf-8").startswith("## Da Nang opens first floating solar farm")


def test_builtin_page_example_works():
    cards, *_ = web.summarize_page(web.EXAMPLE_PAGE)
    assert "City opens new riverside park" in cards and "Bus fares to stay unchanged next year" in cards
    assert cards.count("<article class='card'") == 2


def test_text_is_escaped_in_cards():
    cards, *_ = web.summarize_page("Tags <b>bold</b>\n\nThe council met on <Monday> & agreed a budget.")
    assert "<b>" not in cards and "&lt;b&gt;" in cards


@pytest.mark.parametrize("call", [
    lambda: web.summarize_page(""),
    lambda: web.summarize_page("x" * (web.MAX_PAGE_CHARS + 1)),
    lambda: web.check_texts("   "),
    lambda: web.check_texts("a" * (web.MAX_CHECK_CHARS + 1), "b"),
    lambda: web.check_texts("a", "b" * (web.MAX_CHECK_CHARS + 1)),
    lambda: web.score_corpus(None),
])
def test_empty_or_huge_input_is_a_clear_error(call):
    with pytest.raises(gr.Error):
        call()


def test_check_example_flags_phrases_side_by_side_and_applies_accepted_suggestions():
    scores, pairs, rows, choices, corrected, state = web.check_texts(web.EXAMPLE_MT, web.EXAMPLE_REF)
    assert scores.startswith("**Document score") and "nrefs:1" in scores and "bertscore-R" in scores
    flagged = {row[1]: row[2] for row in rows}
    assert flagged["production ring"] == "production line"
    assert flagged["civil infrastructure"] == "civilian infrastructure"
    assert "labourers" not in flagged  # a paraphrase, not a flag
    # the flag in the MT column and the reference's wording in the reference column of the same row
    row = next(r for r in pairs.split("<tr>") if "production ring" in r)
    assert "title='→ production line'>production ring</mark>" in row
    assert ">production line</mark>" in row.split("<td class='ref'>")[1]
    assert corrected == web.EXAMPLE_MT
    labels = dict((value, label) for label, value in choices["choices"])
    first = next(i for i, label in labels.items() if "production ring" in label)
    text, download = web.apply_choices([first], state)
    assert "battery production line at" in text and "civil infrastructure" in text
    assert Path(download).read_text(encoding="utf-8") == text
    everything, _ = web.apply_choices(web.accept_all(state), state)
    assert "civilian infrastructure" in everything and "production line" in everything
    assert web.apply_choices([], state)[0] == web.EXAMPLE_MT


def test_check_without_reference_uses_the_phrasebook_and_says_so():
    scores, pairs, rows, choices, corrected, state = web.check_texts(web.EXAMPLE_MT, "")
    assert "No reference given" in scores and "phrasebook" in scores
    assert {row[1] for row in rows} >= {"production ring", "civil infrastructure"}
    assert {row[3] for row in rows} == {"calque"}  # the type column
    assert "<mark class=" in pairs


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_batch_scores_records_and_offers_downloads(tmp_path):
    corpus = _write(tmp_path / "corpus.jsonl", "".join(json.dumps(r) + "\n" for r in [
        {"id": "a", "system": "s1", "mt": "They built a drone production ring.", "ref": "They built a drone production line."},
        {"id": "a", "system": "s2", "mt": "They built a drone production line.", "ref": "They built a drone production line."},
        {"id": "b", "system": "s1", "mt": "Prices rose sharply.", "ref": "Prices rose sharply."},
        {"id": "b", "system": "s2", "mt": "Prices rose sharply.", "ref": "Prices rose sharply."},
    ]))
    ranking, table, downloads = web.score_corpus(corpus, None, "en", True)
    assert "| 1 | s2 |" in ranking and "| 2 | s1 |" in ranking and "nrefs:1" in ranking
    assert [row[:3] for row in table] == [[1, "a", "s1"], [2, "a", "s2"], [3, "b", "s1"], [4, "b", "s2"]]
    assert table[0][4] == 1 and "production ring → production line" in table[0][7]
    assert table[0][6] == "They built a drone production line."  # the reference beside the MT
    lowest = [row[3] for row in web.sort_results(table, "score: lowest first")]
    assert lowest == sorted(lowest) and lowest[0] < 100
    assert [row[3] for row in web.sort_results(table, "score: highest first")] == lowest[::-1]
    assert web.sort_results(table, "most flags first")[0][0] == 1
    assert web.sort_results(web.sort_results(table, "score: highest first"), "input order") == table
    names = [Path(d).name for d in downloads]
    assert names == ["results.jsonl", "results.csv", "report.html"]
    assert len(Path(downloads[0]).read_text(encoding="utf-8").splitlines()) == 4
    assert Path(downloads[1]).read_text(encoding="utf-8").startswith("id,system,score")
    assert "<svg" in Path(downloads[2]).read_text(encoding="utf-8")


def test_batch_takes_line_aligned_text_files_one_per_system(tmp_path):
    first = _write(tmp_path / "first.txt", "A drone production ring.\nPrices rose.\n")
    second = _write(tmp_path / "second.txt", "A drone production line.\nPrices rose.\n")
    ref = _write(tmp_path / "ref.txt", "A drone production line.\nPrices rose.\n")
    ranking, table, _ = web.score_corpus([first, second], ref, "en", True)
    assert "| 1 | second |" in ranking and "| 2 | first |" in ranking and len(table) == 4
    ranking, table, _ = web.score_corpus(first, ref, "en", True)
    assert "| 1 | first |" in ranking and len(table) == 2


@pytest.mark.parametrize("files, message", [
    (("mt.txt", "a\nb\n", None, None), "mt.txt: plain-text MT files need their reference file"),
    (("c.jsonl", '{"mt": "a", "ref": "b"}\n', "ref.txt", "b\n"), "c.jsonl: one records file at a time"),
    (("mt.txt", "a\nb\n", "ref.txt", "a\n"), "ref.txt has 1 lines but mt.txt has 2"),
    (("bad.jsonl", '{"mt": "a", "ref": "b"}\n{oops\n', None, None), "bad.jsonl:2"),
    (("empty.jsonl", "", None, None), "empty.jsonl: no records"),
    (("empty.txt", "", "ref.txt", ""), "empty"),
])
def test_bad_uploads_are_one_clear_message_naming_the_file(tmp_path, files, message):
    name, text, ref_name, ref_text = files
    corpus = _write(tmp_path / name, text)
    reference = _write(tmp_path / ref_name, ref_text) if ref_name else None
    with pytest.raises(gr.Error) as err:
        web.score_corpus(corpus, reference, "en", True)
    assert message in str(err.value) and str(tmp_path) not in str(err.value)


def test_batch_without_references_flags_with_the_phrasebook(tmp_path):
    corpus = _write(tmp_path / "mt.jsonl", json.dumps({"id": "1", "mt": "They run a drone production ring."}) + "\n")
    ranking, table, _ = web.score_corpus(corpus, None, "en", True)
    assert "phrasebook flags only" in ranking
    assert table[0][3] is None and "production ring → production line" in table[0][7]


def test_binary_upload_is_refused_with_its_name(tmp_path):
    corpus = tmp_path / "photo.jsonl"
    corpus.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe" * 50)
    with pytest.raises(gr.Error) as err:
        web.score_corpus(str(corpus), None, "en", True)
    assert str(err.value).strip("'").startswith("photo.jsonl")


def test_page_and_app_build():
    import app

    assert isinstance(app.demo, gr.Blocks) and isinstance(web.build(), gr.Blocks)
    assert "loads on the first request" in web.model_status() or "is loaded" in web.model_status()


def test_summarizer_serve_prints_its_url_and_serves_the_page():
    import re
    import socket
    import subprocess
    import sys
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "summarizer.cli", "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = ""
        for line in proc.stdout:
            if "serving on" in line:
                break
        assert re.search(rf"serving on http://127\.0\.0\.1:{port}/", line), line
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30) as response:
            assert response.status == 200 and b"summarizer" in response.read()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_check_detects_the_target_language_and_says_how_it_scored():
    scores, *_ = web.check_texts("Giá xăng tăng mạnh trong tháng Năm.", "Giá xăng tăng mạnh vào tháng Năm.")
    assert "target language `vi`" in scores and "score: `chrF++|penalty:" in scores  # the encoder is English-only
    assert "bertscore" not in scores


def test_old_downloads_are_pruned():
    import os

    old = Path(web._download("old.txt", "x")).parent
    os.utime(old, (0, 0))
    fresh = Path(web._download("new.txt", "y"))
    assert not old.exists() and fresh.read_text(encoding="utf-8") == "y"


def test_records_and_text_files_are_not_mixed(tmp_path):
    records = _write(tmp_path / "c.jsonl", '{"mt": "a", "ref": "b"}\n')
    text = _write(tmp_path / "mt.txt", "a\n")
    with pytest.raises(gr.Error, match="not both"):
        web.score_corpus([records, text], _write(tmp_path / "ref.txt", "b\n"), "en", True)


def test_reference_words_missing_from_the_mt_are_underlined_on_the_right_and_placed_on_the_left():
    _, pairs, *_ = web.check_texts("The minister opened the bridge on Monday.",
                                   "The transport minister opened the new bridge on Monday morning.")
    ref_cell = pairs.split("<td class='ref'>")[1]
    assert "omission' title='missing from the machine translation'>transport</mark>" in ref_cell
    mt_cell = pairs.split("<td class='mt'>")[1].split("</td>")[0]
    assert mt_cell.startswith("The<mark class='major gap' title='→ transport'>\u2038</mark> minister")
    assert mt_cell.count("<mark") == mt_cell.count("gap'")  # only carets: nothing the MT wrote is flagged


def test_per_request_limits_are_clear_messages(tmp_path, monkeypatch):
    run_on = "word " * 1_200  # 6,000 characters with no sentence punctuation
    with pytest.raises(gr.Error, match=r"MT sentence 1 is 5,999 characters long .*checked up to 5,000"):
        web.check_texts(run_on, "A reference.", "en")
    long_record = json.dumps({"mt": "x " * 3_000, "ref": "y"})
    with pytest.raises(gr.Error, match=r"long.jsonl:1: segment longer than 5,000 characters"):
        web.score_corpus(_write(tmp_path / "long.jsonl", long_record + "\n"), None, "en", True)
    monkeypatch.setattr(web, "MAX_REQUEST_S", 0)
    records = "".join(json.dumps({"id": str(i), "mt": "A cat.", "ref": "The cat."}) + "\n" for i in range(100))
    with pytest.raises(gr.Error, match=r"Stopped after 0 s with 64 of 100 segments checked"):
        web.score_corpus(_write(tmp_path / "many.jsonl", records), None, "en", True)


def test_model_free_requests_do_not_wait_for_the_model():
    import threading

    done = threading.Event()
    with web._model_lock:  # another request is running the model
        worker = threading.Thread(target=lambda: (web.check_texts(web.EXAMPLE_MT, "", "en"), done.set()))
        worker.start()
        assert done.wait(timeout=60), "a phrasebook-only check waited for the model"
    worker.join()


def test_the_server_removes_every_users_files_when_stopped_and_logs_user_errors_in_one_line(tmp_path):
    import os
    import signal
    import socket
    import subprocess
    import sys

    from gradio_client import Client

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (tmp_path / "gradio").mkdir()
    env = {**os.environ, "TMPDIR": str(tmp_path), "GRADIO_TEMP_DIR": str(tmp_path / "gradio")}
    proc = subprocess.Popen([sys.executable, "-m", "summarizer.cli", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for line in proc.stdout:
            if "serving on" in line:
                break
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        client.predict(web.EXAMPLE_MT, "", "en", "minor", api_name="/check")
        corrected = client.predict([0], {"mt": "a production ring", "spans": []}, api_name="/apply")
        assert corrected and list(tmp_path.glob("summarizer-downloads-*/*/*"))
        with pytest.raises(Exception, match="Paste a machine-translated text first"):
            client.predict("", "", "en", "minor", api_name="/check")
    finally:
        proc.send_signal(signal.SIGTERM)
        log = proc.communicate(timeout=60)[0]
    # a user's mistake is one line in the server's log, not a traceback
    assert "summarizer: user error: Paste a machine-translated text first." in log and "Traceback" not in log
    assert not list(tmp_path.glob("summarizer-downloads-*"))
    assert not [p for p in (tmp_path / "gradio").rglob("*") if p.is_file()]
    assert (tmp_path / "gradio").is_dir()  # the folder given is kept; only this server's files go


def test_the_serve_help_states_the_pages_limits(capsys):
    from summarizer.cli import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for value in (web.MAX_PAGE_CHARS, web.MAX_CHECK_CHARS, web.MAX_SEGMENT_CHARS, web.MAX_BATCH_SEGMENTS):
        assert f"{value:,}" in text
    assert f"{web.MAX_REQUEST_S} s" in text and f"{web.MAX_UPLOAD_BYTES // 1_000_000} MB" in text


def test_summaries_of_an_mt_page_carry_the_phrasebooks_flags_and_accepted_suggestions():
    page = ("Drone plan for the city\n\nThe ministry will build a drone production ring next year. "
            "The plan was approved on Monday. Officials said it would create 500 jobs.\n")
    cards, files, choices, text, state = web.summarize_page(page, 2, 60)
    assert "phrasebook' title='→ production line'>production ring</mark>" in cards
    [(label, index)] = choices["choices"]
    assert label.endswith("production ring → production line") and "production ring" in text
    corrected, download = web.apply_choices([index], state)
    assert "drone production line next year" in corrected and "production ring" not in corrected
    record = json.loads(Path(files[0]).read_text(encoding="utf-8").splitlines()[0])
    assert record["flags"][0]["suggestion"] == "production line" and "production line" in record["corrected"]


def test_the_encoder_field_offers_the_servers_encoders_only(monkeypatch, tiny_multilingual_encoder):
    monkeypatch.setattr(web, "ENCODERS", [None, tiny_multilingual_encoder])
    assert web.encoder_choices() == [web.BUNDLED, tiny_multilingual_encoder]
    mt = "Giá điện tăng 5 phần trăm vào thứ Hai."
    ref = "Giá điện đã tăng 5 phần trăm vào thứ Hai."
    scores, *_ = web.check_texts(mt, ref, "vi", "minor", tiny_multilingual_encoder)
    assert "BERTScore" in scores and "tiny-multilingual" in scores  # the chosen encoder covers Vietnamese
    assert "BERTScore" not in web.check_texts(mt, ref, "vi", "minor", web.BUNDLED)[0]  # MiniLM does not
    with pytest.raises(gr.Error, match="not offered here"):
        web.check_texts(mt, ref, "vi", "minor", "/some/model/of/a/visitor")
    assert "tiny-multilingual" in web.model_status(tiny_multilingual_encoder)
