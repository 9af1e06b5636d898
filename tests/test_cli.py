import json
import subprocess
import sys

import pytest
from conftest import ROOT

from summarizer.cli import main

PAGE = str(ROOT / "examples" / "page.txt")


def test_text_output_lists_each_article_with_its_summary(capsys):
    assert main(["summarize", PAGE]) == 0
    out = capsys.readouterr().out
    assert out.count("\n[") + out.startswith("[") == 4
    assert "[1] Da Nang opens first floating solar farm on reservoir" in out
    assert "extractive-embedding:all-MiniLM-L6-v2" in out


def test_jsonl_output_has_one_object_per_article(capsys):
    assert main(["summarize", PAGE, "--format", "jsonl", "--max-sentences", "1"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 4
    assert set(records[0]) == {"id", "title", "summary", "sentences", "language", "method", "start", "end", "source",
                               "flags"}  # and "corrected" when there are flags
    assert records[0]["source"] == PAGE
    assert len(records[0]["sentences"]) == 1


def test_output_file_is_written(tmp_path):
    target = tmp_path / "out.jsonl"
    assert main(["summarize", PAGE, "--format", "jsonl", "-o", str(target)]) == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 4
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "the input is empty"),
        (b"  \n\n ", "the input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
        (b"First line\nsecond line \xff\xfe bad\n", ":2: invalid UTF-8"),
        (b"\n|\n\n|\n", "no article text found"),
    ],
)
def test_bad_input_is_a_one_line_error_and_writes_nothing(tmp_path, capsys, content, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    target = tmp_path / "out.jsonl"
    assert main(["summarize", str(bad), "-o", str(target)]) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and str(bad) in err and "\n" not in err
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


def test_missing_file_and_bad_limits(capsys):
    assert main(["summarize", "no-such-file.txt"]) == 2
    assert "no-such-file.txt: no such file" in capsys.readouterr().err
    assert main(["summarize", PAGE, "--max-words", "0"]) == 2


def test_console_script_reads_stdin_with_bom_and_crlf():
    page = ("\ufeff" + open(PAGE, encoding="utf-8").read().replace("\n", "\r\n")).encode("utf-8")
    result = subprocess.run([sys.executable, "-m", "summarizer.cli", "summarize", "-", "--format", "jsonl"],
                            input=page, capture_output=True, check=True)
    records = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert [r["title"] for r in records][0] == "Da Nang opens first floating solar farm on reservoir"
    text = page.decode("utf-8-sig")  # offsets count characters of the text, without the byte-order mark
    for sentence in records[0]["sentences"]:
        assert text[sentence["start"]:sentence["end"]] == sentence["text"]


MT_ARTICLE = ("The ministry will build a drone production ring next year.\n"
              "Attacks on civil infrastructure have increased.\n"
              "The plant will employ 300 workers.\n")
REFERENCE = ("The ministry will build a drone production line next year.\n"
             "Attacks on civilian infrastructure have increased.\n"
             "The plant will employ 300 people.\n")


def test_check_without_reference_uses_the_phrasebook(tmp_path, capsys):
    hyp = tmp_path / "article.txt"
    hyp.write_text(MT_ARTICLE, encoding="utf-8")
    assert main(["check", "--hyp", str(hyp)]) == 0
    captured = capsys.readouterr()
    assert f"{hyp}:1:" in captured.out and "'production ring' -> 'production line'" in captured.out
    assert "'civil infrastructure' -> 'civilian infrastructure'" in captured.out
    assert "with the phrasebook only" in captured.err
    assert main(["check", "--hyp", str(hyp), "--no-default-phrasebook", "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["spans"] for r in records] == [[], [], []] and records[0]["score"] is None
    paragraphs = tmp_path / "paragraphs.txt"
    paragraphs.write_text(MT_ARTICLE.strip().replace("\n", "\n\n") + "\n", encoding="utf-8")  # blank lines between
    assert main(["check", "--hyp", str(paragraphs), "--lang", "en"]) == 0
    assert "flags in 3 segments and 2 blank lines, with the phrasebook only" in capsys.readouterr().err


def test_check_with_reference_scores_and_flags(tmp_path, capsys):
    hyp, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    hyp.write_text(MT_ARTICLE, encoding="utf-8")
    ref.write_text(REFERENCE, encoding="utf-8")
    assert main(["check", "--hyp", str(hyp), "--ref", str(ref), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in records] == ["1", "2", "3"] and {r["system"] for r in records} == {"mt"}
    assert {"text": "production ring", "suggestion": "production line"}.items() <= records[0]["spans"][0].items()
    assert "nrefs:1|case:mixed" in captured.err


def test_check_refuses_mismatched_line_counts_before_writing(tmp_path, capsys):
    hyp, ref, out = tmp_path / "mt.txt", tmp_path / "ref.txt", tmp_path / "out.jsonl"
    hyp.write_text(MT_ARTICLE, encoding="utf-8")
    ref.write_text("only one line\n", encoding="utf-8")
    assert main(["check", "--hyp", str(hyp), "--ref", str(ref), "-o", str(out)]) == 2
    assert f"{ref} has 1 lines but {hyp} has 3" in capsys.readouterr().err
    assert not out.exists()


def test_mine_writes_a_phrasebook(tmp_path, capsys):
    hyp, ref, out = tmp_path / "mt.txt", tmp_path / "ref.txt", tmp_path / "found.tsv"
    hyp.write_text(MT_ARTICLE + "A second production ring opened.\nShelling hit civil infrastructure again.\n"
                   + MT_ARTICLE, encoding="utf-8")
    ref.write_text(REFERENCE + "A second production line opened.\nShelling hit civilian infrastructure again.\n"
                   + REFERENCE, encoding="utf-8")
    assert main(["mine", "--hyp", str(hyp), "--ref", str(ref), "-o", str(out), "--source-lang", "vi"]) == 0
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:6] == ["awkward", "preferred", "target_lang", "source_lang", "note", "count"]
    found = {tuple(r.split("\t")[:2]) for r in rows[1:]}
    assert ("production ring", "production line") in found and ("civil infrastructure", "civilian infrastructure") in found
    assert "entries mined from 8 segment pairs" in capsys.readouterr().err


def test_bad_phrasebook_is_a_one_line_error(tmp_path, capsys):
    hyp, book = tmp_path / "mt.txt", tmp_path / "book.tsv"
    hyp.write_text(MT_ARTICLE, encoding="utf-8")
    book.write_text("awkward\tpreferred\nfoo\t\n", encoding="utf-8")
    assert main(["check", "--hyp", str(hyp), "--phrasebook", str(book)]) == 2
    assert f"{book}:2: 'preferred' is empty" in capsys.readouterr().err


def _corpus(tmp_path, n=6):
    hyp, ref, other = tmp_path / "mt.txt", tmp_path / "ref.txt", tmp_path / "other.txt"
    lines = MT_ARTICLE.splitlines() * (n // 3)
    hyp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REFERENCE.splitlines() * (n // 3)) + "\n", encoding="utf-8")
    other.write_text("\n".join(REFERENCE.splitlines() * (n // 3)) + "\n", encoding="utf-8")
    return str(hyp), str(ref), str(other)


def test_several_systems_are_ranked_with_intervals_and_a_summary(tmp_path, capsys):
    hyp, ref, other = _corpus(tmp_path)
    summary = tmp_path / "summary.json"
    code = main(["check", "--hyp", hyp, other, "--ref", ref, "--system-names", "engine", "human",
                 "--format", "jsonl", "--no-encoder", "--summary", str(summary), "--bootstrap", "200"])
    assert code == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["system"] for r in rows] == ["engine"] * 6 + ["human"] * 6
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert [s["system"] for s in data["systems"]] == ["human", "engine"]
    assert data["systems"][0]["score"] == pytest.approx(100) and data["systems"][1]["p_value"] is not None
    assert data["signatures"]["bleu"].startswith("nrefs:1") and "engine" in captured.err


def test_fail_under_exits_one(tmp_path, capsys):
    hyp, ref, _ = _corpus(tmp_path)
    assert main(["check", "--hyp", hyp, "--ref", ref, "--no-encoder", "--fail-under", "99", "--bootstrap", "50"]) == 1
    assert "below --fail-under 99" in capsys.readouterr().err
    assert main(["check", "--hyp", hyp, "--ref", ref, "--no-encoder", "--fail-under", "10", "--bootstrap", "50"]) == 0


@pytest.mark.parametrize("fmt", ["tsv", "csv"])
def test_tabular_output_round_trips(tmp_path, fmt):
    import csv

    hyp, ref, _ = _corpus(tmp_path)
    out = tmp_path / f"out.{fmt}"
    assert main(["check", "--hyp", hyp, "--ref", ref, "--no-encoder", "--format", fmt, "-o", str(out),
                 "--bootstrap", "50"]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t" if fmt == "tsv" else ","))
    assert len(rows) == 6 and rows[0]["spans"].startswith("production ring -> production line")
    assert float(rows[0]["score"]) < 100 and rows[0]["flags"] == "1"


def test_records_input_with_a_bad_line_fails_or_skips(tmp_path, capsys):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text('{"mt": "A production ring opened.", "ref": "A production line opened.", "id": "a"}\n'
                      '{"mt": "broken", \n'
                      '{"mt": "Attacks on civil infrastructure rose.", "refs": ["Attacks on civilian infrastructure rose."]}\n',
                      encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["check", "--input", str(corpus), "--no-encoder", "-o", str(out), "--format", "jsonl"]) == 2
    assert f"{corpus}:2: invalid JSON" in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "out.jsonl.partial").exists()
    assert main(["check", "--input", str(corpus), "--no-encoder", "-o", str(out), "--format", "jsonl",
                 "--on-error", "skip", "--bootstrap", "50"]) == 0
    assert "skipped" in capsys.readouterr().err
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "3"]


def test_check_usage_errors(tmp_path, capsys):
    hyp, ref, _ = _corpus(tmp_path)
    assert main(["check", "--ref", ref]) == 2
    assert main(["check", "--hyp", hyp, "--input", hyp]) == 2
    assert main(["check", "--hyp", hyp, "--ref", ref, "--resume"]) == 2
    assert main(["check", "--hyp", hyp, hyp, "--ref", ref]) == 2  # two systems with one name
    err = capsys.readouterr().err
    assert "give either --hyp (with --ref), --input, or --mt-doc with --ref-doc" in err
    assert "--resume needs -o FILE" in err
    assert "system names must differ" in err


def test_document_mode_offsets_point_into_the_mt_document(tmp_path, capsys):
    mt, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    mt_text = MT_ARTICLE.replace("\n", " ")
    mt.write_text(mt_text, encoding="utf-8")
    ref.write_text(REFERENCE, encoding="utf-8")
    assert main(["check", "--mt-doc", str(mt), "--ref-doc", str(ref), "--format", "jsonl", "--bootstrap", "50"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    spans = [s for r in rows for s in r["spans"]]
    assert {"production ring", "civil infrastructure"} <= {s["text"] for s in spans}
    for span in spans:
        assert mt_text[span["start"]:span["end"]] == span["text"]
    assert main(["check", "--mt-doc", str(mt)]) == 2


def test_summarize_many_pages_directories_and_jsonl(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.txt").write_text(open(PAGE, encoding="utf-8").read(), encoding="utf-8")
    (pages / "b.jsonl").write_text(json.dumps({"text": "Rain fell all day.\n\nRoads were closed."}) + "\n",
                                   encoding="utf-8")
    assert main(["summarize", str(pages), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["source"] for r in records] == [str(pages / "a.txt")] * 4 + [f"{pages / 'b.jsonl'}:1"]
    (pages / "c.jsonl").write_text('{"body": "no text field"}\n', encoding="utf-8")
    assert main(["summarize", str(pages)]) == 2
    assert f"{pages / 'c.jsonl'}:1: expected a JSON object with a 'text' field" in capsys.readouterr().err


def test_workers_give_the_same_output_as_one_process(tmp_path):
    hyp, ref, other = _corpus(tmp_path, n=9)
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.jsonl"
        assert main(["check", "--hyp", hyp, other, "--ref", ref, "--no-encoder", "--format", "jsonl", "--batch-size", "4",
                     "--workers", workers, "-o", str(out), "--bootstrap", "50"]) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 18


def test_resume_after_killing_a_real_run(tmp_path):
    import signal
    import time

    hyp, ref, _ = _corpus(tmp_path, n=3000)
    out, whole = tmp_path / "out.jsonl", tmp_path / "whole.jsonl"
    base = [sys.executable, "-m", "summarizer.cli", "check", "--hyp", hyp, "--ref", ref, "--no-encoder",
            "--format", "jsonl", "--batch-size", "10", "--bootstrap", "50", "--no-progress"]
    run = subprocess.Popen(base + ["-o", str(out)], stderr=subprocess.DEVNULL)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not partial.exists() or partial.stat().st_size < 20_000):
        time.sleep(0.01)
    run.send_signal(signal.SIGKILL)
    run.wait()
    assert not out.exists() and partial.exists(), "the run finished before it could be killed"
    subprocess.run(base + ["-o", str(out), "--resume"], check=True, stderr=subprocess.DEVNULL)
    subprocess.run(base + ["-o", str(whole)], check=True, stderr=subprocess.DEVNULL)
    assert out.read_bytes() == whole.read_bytes() and len(whole.read_text(encoding="utf-8").splitlines()) == 3000


def test_flags_come_worst_first_and_can_be_filtered(tmp_path, capsys):
    hyp, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    hyp.write_text("Troops did not leave the city of Kiev on Monday.\n", encoding="utf-8")
    ref.write_text("Troops left the city of Kyiv on Tuesday.\n", encoding="utf-8")
    base = ["check", "--hyp", str(hyp), "--ref", str(ref), "--format", "jsonl", "--bootstrap", "10"]
    assert main(base) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [s["type"] for s in row["spans"]] == ["negation", "date-time", "spelling"]
    assert [s["severity"] for s in row["spans"]] == ["critical", "major", "minor"]
    assert main(base + ["--min-severity", "major"]) == 0
    [row] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [s["type"] for s in row["spans"]] == ["negation", "date-time"]
    assert main(base + ["--min-confidence", "2"]) == 2
    assert "--min-confidence must be between 0 and 1" in capsys.readouterr().err


@pytest.mark.parametrize("model,message", [
    ("./no-such-model", "./no-such-model: no such folder; a model is a local folder or a Hugging Face Hub id"),
    ("facebook/bart-large-cnn", "facebook/bart-large-cnn is not a local folder and is not in the Hugging Face cache, "
                                "and the Hub cannot be reached"),
])
def test_a_model_that_cannot_be_loaded_is_one_line_with_exit_two(tmp_path, model, message):
    import os

    env = {**os.environ, "HF_HOME": str(tmp_path / "hf"), "HF_ENDPOINT": "http://127.0.0.1:9"}  # nothing listens
    done = subprocess.run([sys.executable, "-m", "summarizer.cli", "summarize", PAGE, "--model", model],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr
    assert ("hf download" in done.stderr) == (not model.startswith("."))


def test_the_target_language_is_detected_from_the_mt_and_said(tmp_path, capsys):
    hyp, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    hyp.write_text("Die Regierung hat das Gesetz am Montag nicht beschlossen.\nDer Preis stieg um 5 Prozent.\n",
                   encoding="utf-8")
    ref.write_text("Die Regierung hat das Gesetz am Montag beschlossen.\nDer Preis stieg um 5 Prozent.\n",
                   encoding="utf-8")
    assert main(["check", "--hyp", str(hyp), "--ref", str(ref), "--no-encoder", "--format", "jsonl",
                 "--bootstrap", "10"]) == 0
    captured = capsys.readouterr()
    assert "summarizer: target language de, detected from the MT (set it with --lang)" in captured.err
    assert "flags: lang:de|" in captured.err
    row = json.loads(captured.out.splitlines()[0])
    assert [s["type"] for s in row["spans"]][:1] == ["negation"]
    assert main(["check", "--hyp", str(hyp), "--ref", str(ref), "--no-encoder", "--lang", "de", "--bootstrap", "10"]) == 0
    assert "detected" not in capsys.readouterr().err


def test_summaries_carry_the_phrasebooks_flags(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text("Drone plan for the city\n\nThe ministry will build a drone production ring next year. "
                    "The plan was approved on Monday. Officials said it would create 500 jobs.\n", encoding="utf-8")
    assert main(["summarize", str(page), "--format", "jsonl"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [(f["text"], f["suggestion"]) for f in record["flags"]] == [("production ring", "production line")]
    assert "drone production line next year" in record["corrected"]
    assert main(["summarize", str(page)]) == 0
    assert "flag: 'production ring' -> 'production line'" in capsys.readouterr().out
    assert main(["summarize", str(page), "--format", "jsonl", "--no-default-phrasebook"]) == 0
    assert json.loads(capsys.readouterr().out)["flags"] == []


def test_document_mode_keeps_the_additions_of_mt_sentences_without_a_reference(tmp_path, capsys):
    mt, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    mt.write_text("The mayor opened the bridge.\nFireworks lit the sky over the river.\n", encoding="utf-8")
    ref.write_text("The mayor opened the bridge.\n", encoding="utf-8")
    assert main(["check", "--mt-doc", str(mt), "--ref-doc", str(ref), "--lang", "en", "--no-encoder",
                 "--bootstrap", "10"]) == 0
    out = capsys.readouterr().out
    assert f"{mt}:2:1: addition major: 'Fireworks lit the sky over the river.'" in out
