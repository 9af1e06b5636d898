"""A corpus in shards: several files, directories and globs read as one corpus, in order."""

import json

import pytest

from summarizer.batch import Corpus, corpus_shards
from summarizer.batch.shards import expand, system_name
from summarizer.cli import main
from summarizer.inputs import InputError


def _records(folder, parts=3, lines=4):
    folder.mkdir()
    for k in range(parts):
        with open(folder / f"part{k}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(lines):
                fh.write(json.dumps({"mt": f"The cat {k} sat {i}.", "ref": f"The cat {k} sat {i}."}) + "\n")
    return folder


def test_a_directory_or_a_glob_of_records_files_is_one_corpus_in_sorted_order(tmp_path):
    folder = _records(tmp_path / "recs")
    (folder / "notes.md").write_text("not a records file", encoding="utf-8")
    by_dir = Corpus(corpus_shards([str(folder)]))
    by_glob = Corpus(corpus_shards([str(folder / "part*.jsonl")]))
    assert [s.hyps for s in by_dir.shards] == [s.hyps for s in by_glob.shards]
    records = list(by_dir.records())
    assert len(records) == 12 and records[0].mt == "The cat 0 sat 0." and records[-1].mt == "The cat 2 sat 3."
    assert records[0].id == f"{folder}/part0.jsonl:1"  # ids stay unique across shards
    assert by_dir.shard_of(records[5].where) == 1


def test_one_file_keeps_line_number_ids(tmp_path):
    folder = _records(tmp_path / "recs", parts=1)
    [record, *_] = Corpus(corpus_shards([str(folder / "part0.jsonl")])).records()
    assert record.id == "1"


def test_line_aligned_shards_pair_the_kth_file_of_each_argument(tmp_path):
    for name in ("sysA", "sysB", "ref"):
        (tmp_path / name).mkdir()
        for k in range(2):
            (tmp_path / name / f"p{k}.txt").write_text(f"{name} {k} one\n{name} {k} two\n", encoding="utf-8")
    shards = corpus_shards(hyps=[str(tmp_path / "sysA"), str(tmp_path / "sysB" / "*.txt")], refs=[str(tmp_path / "ref")])
    records = list(Corpus(shards).records())
    assert [(r.system, r.mt, r.refs[0]) for r in records[:3]] == [
        ("sysA", "sysA 0 one", "ref 0 one"), ("sysA", "sysA 0 two", "ref 0 two"), ("sysB", "sysB 0 one", "ref 0 one")]
    assert records[0].id == records[2].id == f"{tmp_path}/ref/p0.txt:1"  # the same segment, across systems
    (tmp_path / "ref" / "p2.txt").write_text("extra\n", encoding="utf-8")
    with pytest.raises(InputError, match="names 3 files but .*sysA names 2 files"):
        corpus_shards(hyps=[str(tmp_path / "sysA")], refs=[str(tmp_path / "ref")])


@pytest.mark.parametrize("argument,name", [("out/sysA-*.txt", "sysA"), ("out/sysB/*.txt", "sysB"), ("mt.de.txt", "mt.de")])
def test_system_names_come_from_the_argument(argument, name):
    assert system_name(argument) == name


def test_a_pattern_matching_nothing_and_an_empty_directory_are_errors(tmp_path):
    with pytest.raises(InputError, match="no file matches this pattern"):
        expand(str(tmp_path / "*.jsonl"))
    with pytest.raises(InputError, match=r"no input files \(.jsonl"):
        expand(str(tmp_path), (".jsonl",))


def test_the_cli_checks_a_directory_as_one_corpus_and_refuses_an_output_inside_its_glob(tmp_path, capsys):
    folder = _records(tmp_path / "recs")
    out = tmp_path / "recs" / "zout.jsonl"
    args = ["check", "--input", str(folder / "*.jsonl"), "--no-encoder", "--lang", "en", "--format", "jsonl",
            "--bootstrap", "10"]
    assert main(args + ["-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 12
    capsys.readouterr()
    assert main(args + ["-o", str(out)]) == 2  # the output is now one of the inputs the glob names
    assert "zout.jsonl" in capsys.readouterr().err


def test_sharded_mt_without_references_is_checked_with_the_phrasebook(tmp_path, capsys):
    (tmp_path / "mt").mkdir()
    for k in range(2):
        (tmp_path / "mt" / f"p{k}.txt").write_text("They opened a drone production ring.\n", encoding="utf-8")
    assert main(["check", "--hyp", str(tmp_path / "mt"), "--lang", "en", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == [f"{tmp_path}/mt/p0.txt:1", f"{tmp_path}/mt/p1.txt:1"]
    assert all(r["spans"][0]["suggestion"] == "production line" for r in rows)
