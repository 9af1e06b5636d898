"""Resuming interrupted checks: the journal beside the output, its lock and its manifest."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from summarizer.batch import pipeline
from summarizer.check import Checker
from summarizer.cli import main

MT = ["The ministry will build a drone production ring next year.", "Prices rose by 5 percent in May.",
      "The team did not win on Sunday.", "He met the minister in Hanoi."]
REF = ["The ministry will build a drone production line next year.", "Prices rose by 5% in May.",
       "The team won on Sunday.", "He met the minister in Hanoi."]


def _files(tmp_path, n=40):
    hyp, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    hyp.write_text("\n".join(MT * (n // 4)) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REF * (n // 4)) + "\n", encoding="utf-8")
    return hyp, ref


def _args(hyp, ref, out, *more):
    return ["check", "--hyp", str(hyp), "--ref", str(ref), "--lang", "en", "--no-encoder", "--batch-size", "4", "--bootstrap", "20",
            "--format", "jsonl", "-o", str(out), *more]


def _interrupt_after(monkeypatch, batches):
    """Make the run stop as Ctrl-C would, after ``batches`` batches were written."""
    real, calls = pipeline.Journal.append, []

    def append(self, entries):
        if len(calls) == batches:
            raise KeyboardInterrupt
        calls.append(1)
        real(self, entries)
    monkeypatch.setattr(pipeline.Journal, "append", append)


def _interrupted(tmp_path, monkeypatch, batches, *more):
    """Input files, the output of an uninterrupted run, and the output path of a run stopped (as by
    Ctrl-C) after ``batches`` batches, its journal left beside it."""
    hyp, ref = _files(tmp_path)
    whole, out = tmp_path / "whole.jsonl", tmp_path / "out.jsonl"
    assert main(_args(hyp, ref, whole, *more)) == 0
    with monkeypatch.context() as patch:
        _interrupt_after(patch, batches)
        assert main(_args(hyp, ref, out, *more)) == 130
    return hyp, ref, whole, out


def test_an_interrupted_run_resumes_to_the_same_output_checking_only_what_is_left(tmp_path, monkeypatch, capsys):
    hyp, ref, whole, out = _interrupted(tmp_path, monkeypatch, 3)
    assert not out.exists() and (tmp_path / "out.jsonl.partial").exists()
    assert "run the same command with --resume" in capsys.readouterr().err
    checked = []
    real = Checker.check_corpus
    monkeypatch.setattr(Checker, "check_corpus", lambda self, h, r, lexical=None, segments=None, peers=None:
                        checked.extend(h) or real(self, h, r, lexical, segments, peers))
    assert main(_args(hyp, ref, out, "--resume")) == 0
    assert len(checked) == 40 - 12  # three batches of four were done
    assert out.read_bytes() == whole.read_bytes()
    assert not (tmp_path / "out.jsonl.partial").exists()
    ranking = capsys.readouterr().err
    assert main(_args(hyp, ref, whole)) == 0
    assert capsys.readouterr().err == ranking  # the same corpus scores as an uninterrupted run


def test_a_damaged_tail_is_dropped_with_a_note(tmp_path, monkeypatch, capsys):
    hyp, ref, whole, out = _interrupted(tmp_path, monkeypatch, 2, "--format", "tsv")
    partial = tmp_path / "out.jsonl.partial"
    with open(partial, "ab") as fh:
        fh.write('{"where": "cut in the middle of ä'.encode("utf-8")[:-1])  # a torn line with a cut UTF-8 character
    capsys.readouterr()
    assert main(_args(hyp, ref, out, "--format", "tsv", "--resume")) == 0
    assert "out.jsonl.partial: dropped 1 damaged line(s) after record 8" in capsys.readouterr().err
    assert out.read_bytes() == whole.read_bytes()


@pytest.mark.parametrize("change,message", [
    ("other-ref", "inputs were"),
    ("edit-ref", "ref.txt changed"),
    ("shorter-hyp", "mt.txt changed"),
    ("option", 'option min_severity was "minor", now "major"'),
])
def test_resuming_with_a_changed_input_or_option_is_refused_and_the_journal_kept(tmp_path, monkeypatch, capsys,
                                                                                  change, message):
    hyp, ref = _files(tmp_path)
    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as patch:
        _interrupt_after(patch, 2)
        assert main(_args(hyp, ref, out)) == 130
    partial = tmp_path / "out.jsonl.partial"
    before = partial.read_bytes()
    args = _args(hyp, ref, out, "--resume")
    if change == "other-ref":
        other = tmp_path / "ref2.txt"
        other.write_bytes(ref.read_bytes())
        args[args.index(str(ref))] = str(other)
    elif change == "edit-ref":
        ref.write_text(ref.read_text(encoding="utf-8").replace("line", "belt", 1), encoding="utf-8")
    elif change == "shorter-hyp":
        hyp.write_text("\n".join(MT * 2) + "\n", encoding="utf-8")
        ref.write_text("\n".join(REF * 2) + "\n", encoding="utf-8")
    else:
        args += ["--min-severity", "major"]
    capsys.readouterr()
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("summarizer: error: cannot resume") and message in err and err.count("\n") == 1
    assert partial.read_bytes() == before and not out.exists()


def test_a_journal_left_behind_is_not_overwritten_without_resume(tmp_path, monkeypatch, capsys):
    hyp, ref = _files(tmp_path)
    out = tmp_path / "out.jsonl"
    with monkeypatch.context() as patch:
        _interrupt_after(patch, 1)
        assert main(_args(hyp, ref, out)) == 130
    before = (tmp_path / "out.jsonl.partial").read_bytes()
    assert main(_args(hyp, ref, out)) == 2
    assert "holds an interrupted run: add --resume to continue it" in capsys.readouterr().err
    assert (tmp_path / "out.jsonl.partial").read_bytes() == before


def test_two_runs_to_the_same_output_the_second_is_refused_at_once(tmp_path, capsys):
    hyp, ref = _files(tmp_path, n=2000)
    out = tmp_path / "out.jsonl"
    first = subprocess.Popen([sys.executable, "-m", "summarizer.cli", *_args(hyp, ref, out), "--no-progress"],
                             stderr=subprocess.PIPE, text=True)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not partial.exists() or partial.stat().st_size < 2000):
        time.sleep(0.01)
    assert first.poll() is None, "the first run finished too soon"
    assert main(_args(hyp, ref, out)) == 2
    assert main(_args(hyp, ref, out, "--resume")) == 2
    err = capsys.readouterr().err
    assert err.count(f"another run (process {first.pid}) is writing it") == 2
    assert first.wait(timeout=120) == 0, first.stderr.read()
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [str(i) for i in range(1, 2001)]
    assert not partial.exists()


def _children(pid):
    found = []
    for stat in os.listdir("/proc"):
        if stat.isdigit():
            try:
                fields = open(f"/proc/{stat}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(stat))
    return found


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs Linux /proc")
def test_workers_die_with_a_killed_parent_and_the_journal_resumes(tmp_path):
    hyp, ref = _files(tmp_path, n=4000)
    out = tmp_path / "out.jsonl"
    run = subprocess.Popen([sys.executable, "-m", "summarizer.cli", *_args(hyp, ref, out), "--workers", "2",
                            "--no-progress"], stderr=subprocess.DEVNULL)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not partial.exists() or partial.stat().st_size < 5000):
        time.sleep(0.01)
    workers = _children(run.pid)
    assert len(workers) >= 2 and run.poll() is None
    run.send_signal(signal.SIGKILL)
    run.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{w}") and _state(w) != "Z" for w in workers):
        time.sleep(0.05)
    assert not any(os.path.exists(f"/proc/{w}") and _state(w) != "Z" for w in workers)
    assert main(_args(hyp, ref, out, "--resume", "--no-progress")) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 4000


def _state(pid):
    try:
        return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux")
def test_a_worker_asks_the_kernel_to_kill_it_with_its_parent():
    code = ("import ctypes, os, signal; from summarizer.batch import runner; runner._die_with_parent(os.getppid()); "
            "sig = ctypes.c_int(); ctypes.CDLL(None).prctl(2, ctypes.byref(sig)); print(sig.value)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == str(int(signal.SIGKILL)), done.stderr


def test_a_resume_interrupted_at_once_loses_nothing(tmp_path, monkeypatch):
    hyp, ref, whole, out = _interrupted(tmp_path, monkeypatch, 3)
    partial = tmp_path / "out.jsonl.partial"
    before = partial.read_bytes()
    with monkeypatch.context() as patch:
        _interrupt_after(patch, 0)  # killed before the resumed run wrote anything
        assert main(_args(hyp, ref, out, "--resume")) == 130
    assert partial.read_bytes().startswith(before)  # only ever appended to
    assert main(_args(hyp, ref, out, "--resume")) == 0
    assert out.read_bytes() == whole.read_bytes()
