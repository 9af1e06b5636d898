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
    assert set(records[0]) == {"id", "title", "summary", "sentences", "language", "method", "start", "end"}
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


def test_check_with_reference_scores_and_flags(tmp_path, capsys):
    hyp, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    hyp.write_text(MT_ARTICLE, encoding="utf-8")
    ref.write_text(REFERENCE, encoding="utf-8")
    assert main(["check", "--hyp", str(hyp), "--ref", str(ref), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    records = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["id"] for r in records] == [1, 2, 3]
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
