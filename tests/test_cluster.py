"""``--engine ray``: the same rows, summaries and corpus statistics as a local run, on a local Ray
instance (two CPUs), with a worker killed mid-run and a run resumed shard by shard."""

import json
import os
import signal
import subprocess
import sys

import pytest
from conftest import ROOT

from summarizer.batch import Corpus, CorpusCheck, batched, corpus_shards, write_rows
from summarizer.batch.journal import fingerprint
from summarizer.cli import main

PAGE = str(ROOT / "examples" / "page.txt")
SENTENCES = ["The minister said on Monday that prices rose by 5 percent.", "Troops left the city of Kyiv in May.",
             "The company will not open a new drone production line.", "Exports fell sharply last year.",
             "Rain is expected in the north of the country tomorrow.", "The court rejected the appeal on Friday."]


def _corpus(folder, parts=3, lines=10):
    """Records files with two systems each: A changes one word, B drops the last two."""
    folder.mkdir()
    for k in range(parts):
        with open(folder / f"part{k}.jsonl", "w", encoding="utf-8") as fh:
            for i in range(lines):
                ref = SENTENCES[(i + k) % len(SENTENCES)]
                words = ref.split()
                words[i % len(words)] = "some"
                fh.write(json.dumps({"mt": " ".join(words), "ref": ref, "system": "A", "id": f"{k}-{i}"}) + "\n")
                fh.write(json.dumps({"mt": " ".join(ref.split()[:-2]), "ref": ref, "system": "B", "id": f"{k}-{i}"}) + "\n")
    return folder


def test_summaries_on_a_ray_instance_the_cli_starts_equal_local_ones(tmp_path):
    """The CLI's own local Ray start (this test runs before the module's shared instance exists)."""
    pytest.importorskip("ray", reason='the Ray extra is not installed (pip install "summarizer[ray]")')
    local, ray = tmp_path / "local.jsonl", tmp_path / "ray.jsonl"
    base = [sys.executable, "-m", "summarizer.cli", "summarize", PAGE, str(ROOT / "tests" / "fixtures"),
            "--format", "jsonl", "-o"]
    subprocess.run(base + [str(local)], check=True, capture_output=True, timeout=300)
    done = subprocess.run(base + [str(ray), "--engine", "ray", "--actors", "2"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert ray.read_bytes() == local.read_bytes() and len(local.read_text(encoding="utf-8").splitlines()) >= 5


@pytest.fixture(scope="module")
def ray_instance():
    ray = pytest.importorskip("ray", reason='the Ray extra is not installed (pip install "summarizer[ray]")')
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_writes_the_same_jsonl_and_summary_as_local(ray_instance, tmp_path):
    folder = _corpus(tmp_path / "recs")
    outputs = {}
    for engine in ("local", "ray"):
        out, summary = tmp_path / f"{engine}.jsonl", tmp_path / f"{engine}.json"
        assert main(["check", "--input", str(folder), "--lang", "en", "--format", "jsonl", "-o", str(out),
                     "--summary", str(summary), "--bootstrap", "100", "--engine", engine]) == 0
        outputs[engine] = out.read_bytes(), json.loads(summary.read_text(encoding="utf-8"))
    assert outputs["ray"] == outputs["local"]
    rows, summary = outputs["ray"]
    assert len(rows.splitlines()) == 60 and [s["system"] for s in summary["systems"]] == ["A", "B"]
    assert "bertscore" in summary["signatures"]  # the actors loaded the encoder


def test_line_aligned_shards_on_ray_equal_local(ray_instance, tmp_path):
    """Three actors on two CPUs share them (rather than wait for a third CPU)."""
    for name in ("sysA", "sysB", "ref"):
        (tmp_path / name).mkdir()
    for k in range(3):
        refs = [SENTENCES[(i + k) % len(SENTENCES)] for i in range(8)]
        (tmp_path / "ref" / f"p{k}.txt").write_text("\n".join(refs) + "\n", encoding="utf-8")
        (tmp_path / "sysA" / f"p{k}.txt").write_text("\n".join(r.replace("the", "a") for r in refs) + "\n", encoding="utf-8")
        (tmp_path / "sysB" / f"p{k}.txt").write_text("\n".join(r[::-1] for r in refs) + "\n", encoding="utf-8")
    outputs = []
    for engine in ("local", "ray"):
        out = tmp_path / f"{engine}.tsv"
        assert main(["check", "--hyp", str(tmp_path / "sysA"), str(tmp_path / "sysB" / "*.txt"), "--ref",
                     str(tmp_path / "ref"), "--no-encoder", "--lang", "en", "--format", "tsv", "-o", str(out),
                     "--engine", engine, "--batch-size", "5"] + (["--actors", "3"] if engine == "ray" else [])) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] and len(outputs[0].splitlines()) == 1 + 48


def test_a_killed_actor_is_restarted_and_its_batches_rerun(ray_instance, tmp_path):
    from summarizer.batch.cluster import RayEngine

    corpus = Corpus(corpus_shards([str(_corpus(tmp_path / "recs"))]))
    options = {"lang": "en", "use_encoder": False, "phrasebook": None}
    expected = [rows for rows in CorpusCheck(dict(options)).run(batched(corpus.records(), 4))]
    engine = RayEngine(actors=2)
    checked = engine.check(corpus, dict(options), batch_size=4)
    first = next(checked)
    os.kill(engine.pids()[0], signal.SIGKILL)
    got = list(CorpusCheck(dict(options)).rows([first, *checked]))
    assert [[row for _, row, _ in rows] for rows in got] == [[row for _, row, _ in rows] for rows in expected]
    assert sum(map(len, got)) == 60


def test_an_interrupted_ray_run_resumes_without_rereading_finished_shards(ray_instance, tmp_path):
    from summarizer.batch.cluster import RayEngine, resume_point

    corpus = Corpus(corpus_shards([str(_corpus(tmp_path / "recs"))]))
    options = {"lang": "en", "use_encoder": False, "phrasebook": None}
    out, whole = tmp_path / "out.jsonl", tmp_path / "whole.jsonl"
    written = []

    def stop_in_the_second_shard(n):  # called with 0 (none done), then 6, 6, 6, 2 (shard 0), 6 …
        written.append(n)
        if len(written) == 6:
            raise KeyboardInterrupt

    engine = RayEngine(actors=2)
    inputs = {p: p for p in corpus.paths}
    with pytest.raises(KeyboardInterrupt):
        write_rows(CorpusCheck(dict(options)), corpus, str(out), "jsonl", 6, progress=stop_in_the_second_shard,
                   engine=engine, inputs=inputs)
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl.partial").read_text(encoding="utf-8").splitlines()]
    assert lines[0]["inputs"] == {p: fingerprint(p) for p in corpus.paths}  # hashed on the cluster, as here
    done = [line for line in lines if "row" in line]
    assert len(done) == 26 and not out.exists()
    first, partial = resume_point(corpus, done)
    assert (first, len(partial)) == (1, 6)  # shard 0 (20 records) is finished: not read again
    write_rows(CorpusCheck(dict(options)), corpus, str(out), "jsonl", 6, resume=True, engine=engine, inputs=inputs)
    write_rows(CorpusCheck(dict(options)), corpus, str(whole), "jsonl", 6)
    assert out.read_bytes() == whole.read_bytes() and len(whole.read_text(encoding="utf-8").splitlines()) == 60


def test_without_ray_the_engine_is_a_one_line_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now fails, as where the extra is not installed
    folder = _corpus(tmp_path / "recs", parts=1)
    assert main(["check", "--input", str(folder), "--no-encoder", "--lang", "en", "--engine", "ray"]) == 2
    err = capsys.readouterr().err
    assert err == 'summarizer: error: --engine ray needs Ray, an optional extra: pip install "summarizer[ray]"\n'
    assert main(["summarize", PAGE, "--engine", "ray"]) == 2
    assert "pip install" in capsys.readouterr().err
