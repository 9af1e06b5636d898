"""Nothing lost, nothing hangs: outputs never overwrite inputs, streams are read once, every bad
input or unwritable output is one line with exit 2, and nothing is left behind."""

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from summarizer import Checker, InputError, Summarizer, split_articles
from summarizer.cli import main
from summarizer.inputs import local_inputs

MT = "The ministry will build a drone production ring next year.\nPrices rose by 5 percent in May.\n"
REF = "The ministry will build a drone production line next year.\nPrices rose by 5% in May.\n"
PAGE = "Bridge opens\n\nThe city opened a new bridge on Monday. It cost 20 million euros. Traffic eased at once.\n"


@pytest.fixture
def files(tmp_path):
    (tmp_path / "mt.txt").write_text(MT, encoding="utf-8")
    (tmp_path / "ref.txt").write_text(REF, encoding="utf-8")
    (tmp_path / "page.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"mt": "A cat.", "ref": "The cat."}\n', encoding="utf-8")
    return tmp_path


def _one_line_error(capsys, *parts):
    err = capsys.readouterr().err
    assert err.startswith("summarizer: error: ") and err.count("\n") == 1, err
    for part in parts:
        assert part in err, err
    return err


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


@pytest.mark.parametrize("command", [
    "check --hyp {d}/mt.txt --ref {d}/ref.txt --format jsonl -o {d}/mt.txt",
    "check --hyp {d}/mt.txt --ref {d}/ref.txt --summary {d}/ref.txt",
    "check --hyp {d}/mt.txt --ref {d}/ref.txt --report {d}/mt.txt",
    "check --input {d}/c.jsonl -o {d}/c.jsonl",
    "check --hyp {d}/mt.txt --ref {d}/ref.txt -o {d}/link.txt",
    "summarize {d}/page.txt -o {d}/page.txt",
    "summarize {d} -o {d}/page.txt",
    "mine --hyp {d}/mt.txt --ref {d}/ref.txt -o {d}/ref.txt",
])
def test_an_output_that_is_an_input_is_refused_before_anything_is_read(files, capsys, command):
    (files / "link.txt").symlink_to(files / "mt.txt")
    before = _snapshot(files)
    assert main(command.format(d=files).split()) == 2
    _one_line_error(capsys, "is also an input", "writing it would destroy that input")
    assert _snapshot(files) == before


def test_two_outputs_that_are_one_file_are_refused(files, capsys):
    assert main(f"check --hyp {files}/mt.txt --ref {files}/ref.txt -o {files}/o.txt --summary {files}/o.txt".split()) == 2
    _one_line_error(capsys, "named as two outputs")


@pytest.mark.parametrize("command,message", [
    ("check --hyp {d}/mt.txt --ref {d}/ref.txt -o {d}/missing/out.jsonl", "the folder {d}/missing does not exist"),
    ("check --hyp {d}/mt.txt --ref {d}/ref.txt --summary {d}/missing/s.json", "the folder {d}/missing does not exist"),
    ("check --hyp {d}/mt.txt --ref {d}/ref.txt --report {d}/missing/r.html", "the folder {d}/missing does not exist"),
    ("mine --hyp {d}/mt.txt --ref {d}/ref.txt -o {d}/missing/book.tsv", "the folder {d}/missing does not exist"),
    ("summarize {d}/page.txt -o {d}/missing/s.txt", "the folder {d}/missing does not exist"),
    ("check --hyp {d}/mt.txt --ref {d}/ref.txt -o {d}", "is a directory"),
    ("check --hyp {d} --ref {d}/ref.txt", "needs one file per shard"),  # a directory holds one system's shards
    ("mine --hyp {d}/nope.txt --ref {d}/ref.txt", "nope.txt: no such file"),
])
def test_unwritable_outputs_and_unreadable_inputs_fail_at_once_with_one_line(files, capsys, command, message):
    before = _snapshot(files)
    assert main(command.format(d=files).split()) == 2
    _one_line_error(capsys, message.format(d=files))
    assert _snapshot(files) == before


def test_a_read_only_folder_is_refused_before_the_run(files, capsys):
    try:  # /sys is mounted read-only in containers; root can write anywhere else
        fd = os.open("/sys/.summarizer-test", os.O_CREAT | os.O_WRONLY)
        os.close(fd)
        os.unlink("/sys/.summarizer-test")
        pytest.skip("/sys is writable here")
    except OSError:
        pass
    assert main(f"mine --hyp {files}/mt.txt --ref {files}/ref.txt -o /sys/book.tsv".split()) == 2
    _one_line_error(capsys, "/sys/book.tsv: cannot write in /sys")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_file_is_one_line(files, capsys):
    os.chmod(files / "mt.txt", 0)
    for command in ("check --hyp {d}/mt.txt --ref {d}/ref.txt", "mine --hyp {d}/mt.txt --ref {d}/ref.txt"):
        assert main(command.format(d=files).split()) == 2
        _one_line_error(capsys, "mt.txt: cannot read (Permission denied)")


def test_a_full_disk_is_one_line(files, capsys):
    assert main(f"summarize {files}/page.txt -o /dev/full".split()) == 2
    _one_line_error(capsys, "No space left on device")
    assert main(f"check --hyp {files}/mt.txt --ref {files}/ref.txt --lang en --no-encoder -o /dev/full".split()) == 2
    _one_line_error(capsys, "No space left on device")
    assert not os.path.exists("/dev/full.partial")


def _cli(*args, stdin=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "summarizer.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=120, **kwargs)


def test_process_substitution_and_stdin_are_read_once(files):
    out = files / "out.jsonl"
    done = subprocess.run(["bash", "-c", f"{sys.executable} -m summarizer.cli check --hyp <(cat {files}/mt.txt) "
                           f"--ref {files}/ref.txt --no-encoder --format jsonl -o {out} --bootstrap 10"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2 and "production ring" in out.read_text()
    piped = _cli("check", "--hyp", "-", "--ref", str(files / "ref.txt"), "--no-encoder", "--format", "jsonl",
                 "--bootstrap", "10", stdin=MT)
    assert piped.returncode == 0 and len(piped.stdout.splitlines()) == 2, piped.stderr
    mined = subprocess.run(["bash", "-c", f"{sys.executable} -m summarizer.cli mine --hyp <(cat {files}/mt.txt) "
                            f"--ref <(cat {files}/ref.txt) --min-count 1"], capture_output=True, text=True, timeout=120)
    assert mined.returncode == 0 and "production ring\tproduction line" in mined.stdout, mined.stderr


def test_a_named_fifo_is_read_once(files, capsys):
    fifo = files / "mt.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(MT, encoding="utf-8"))
    writer.start()
    assert main(["check", "--hyp", str(fifo), "--ref", str(files / "ref.txt"), "--no-encoder", "--format", "jsonl",
                 "--bootstrap", "10"]) == 0
    writer.join()
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_endless_devices_stop_at_once_and_leave_nothing(files, capsys):
    start = time.monotonic()
    assert main(["check", "--hyp", "/dev/zero", "--ref", str(files / "ref.txt"), "-o", str(files / "o.jsonl")]) == 2
    _one_line_error(capsys, "/dev/zero: NUL byte")
    assert time.monotonic() - start < 30 and not list(files.glob("o.jsonl*"))
    with local_inputs(max_bytes=1000) as inputs:
        with pytest.raises(InputError, match="<stdin>: more than 1,000 bytes from a pipe or stream"):
            sys_stdin, sys.stdin = sys.stdin, open(os.devnull)
            try:
                yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
                sys.stdin = os.fdopen(yes.stdout.fileno(), "r")
                inputs.path("-")
            finally:
                yes.kill()
                sys.stdin = sys_stdin


def test_stdin_twice_is_refused(files, capsys):
    assert main(["check", "--hyp", "-", "--ref", "-"]) == 2
    _one_line_error(capsys, "standard input (-) can be read only once")


def test_sigterm_leaves_no_temporary_files(files):
    big = files / "big.txt"
    big.write_text((PAGE * 3 + "\n") * 2000, encoding="utf-8")
    run = subprocess.Popen([sys.executable, "-m", "summarizer.cli", "summarize", str(big), "-o", str(files / "s.txt")],
                           stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(files.glob(".s.txt.*.tmp")):
        time.sleep(0.02)
    assert list(files.glob(".s.txt.*.tmp")), "the run never started writing"
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=60) == 128 + signal.SIGTERM
    assert not list(files.glob(".s.txt*")) and not (files / "s.txt").exists()


def test_the_library_refuses_text_no_file_could_hold():
    with pytest.raises(InputError, match=r"hypothesis 1: lone surrogate U\+D800 at character 8"):
        Checker(lang="en", use_encoder=False).check("The cat \ud800 sat.", "The cat sat.")
    with pytest.raises(InputError, match=r"page: lone surrogate U\+DFFF"):
        split_articles("Title\n\nBody \udfff text.")
    with pytest.raises(InputError, match=r"article 1: lone surrogate"):
        Summarizer(backend="extractive").summarize("Body \udfff text.")


def test_a_phrasebook_value_of_the_wrong_type_is_one_line(files, capsys):
    book = files / "book.jsonl"
    book.write_text('{"awkward": "production ring", "preferred": ["production line"]}\n', encoding="utf-8")
    assert main(["check", "--hyp", str(files / "mt.txt"), "--phrasebook", str(book)]) == 2
    _one_line_error(capsys, "book.jsonl:1: 'preferred' must be a string, not list")


def test_summarize_reads_jsonl_strings_holding_line_separators(files, capsys):
    pages = files / "p.jsonl"
    pages.write_text('{"text": "Bridge opens\\n\\nThe bridge\u2028opened on Monday. Traffic eased."}\n', encoding="utf-8")
    assert main(["summarize", str(pages), "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["source"] == f"{pages}:1"


def test_whitespace_only_input_is_empty_everywhere(files, capsys):
    blank = files / "blank.txt"
    blank.write_text(" \n\t\n\n", encoding="utf-8")
    for command in ("summarize {b}", "check --hyp {b} --ref {b}", "mine --hyp {b} --ref {b}"):
        assert main(command.format(b=blank).split()) == 2
        _one_line_error(capsys, "blank.txt: the input is empty")
