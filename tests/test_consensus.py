"""Agreement between systems: flags on words that other systems' translations of the same source
write too say so, and rank below flags on words this system alone wrote."""

from __future__ import annotations

import json

from summarizer import Checker
from summarizer.batch.records import batched
from summarizer.cli import main
from summarizer.check.consensus import peer_texts, with_consensus
from summarizer.check.spans import Span

REF = "The company opened a new factory in the northern province last week."
SYSTEMS = [
    "The company opened a new plant in the northern province last week.",
    "The firm opened a new plant in the northern province last week.",
    "The company inaugurated a new plant in the northern province last week.",
    "The company opened a new factory in the north province last week.",
]


def test_peers_are_the_other_hypotheses_of_the_same_references():
    peers = peer_texts(SYSTEMS + ["Something else."], [[REF]] * 4 + [["Another reference."]])
    assert len(peers[0]) == 3 and " the firm opened a new plant in the northern province last week " in peers[0]
    assert peers[4] == ()  # alone
    assert peer_texts(SYSTEMS[:2], [[REF]] * 2) == [(), ()]  # one other system says too little
    assert peer_texts(SYSTEMS, [1, 1, 2, 2]) == [()] * 4  # segments given: two of two systems each


def test_batches_keep_a_segments_systems_together():
    assert list(batched(range(7), 3, key=lambda n: n // 2)) == [[0, 1, 2, 3], [4, 5, 6]]
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]


def test_the_command_line_finds_agreement_whatever_the_batch_size(tmp_path):
    """A records file with each segment's systems one after another (COMET/WMT style)."""
    corpus = tmp_path / "corpus.jsonl"
    rows = [{"id": "1", "system": f"S{k}", "mt": text, "ref": REF} for k, text in enumerate(SYSTEMS)]
    rows += [{"id": "2", "system": f"S{k}", "mt": "Prices rose in May.", "ref": "Prices rose in May."} for k in range(4)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    outputs = []
    for size in ("1", "3", "64"):
        out = tmp_path / f"out{size}.jsonl"
        assert main(["check", "--input", str(corpus), "--no-encoder", "--batch-size", size, "--format", "jsonl",
                     "-o", str(out)]) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1] == outputs[2]
    first = json.loads(outputs[0].splitlines()[0])
    assert any(s["consensus"] == round(2 / 3, 3) for s in first["spans"] if "plant" in s["text"])


def test_a_span_records_how_many_others_write_its_words():
    span = Span(29, 34, "plant", "substitution", "minor", 0.2, "factory")
    shared = with_consensus(span, peer_texts(SYSTEMS, [[REF]] * 4)[0])
    assert shared.consensus == round(2 / 3, 3) and shared.note == "2 of 3 other systems write this too"
    assert with_consensus(span, ()) is span


def test_a_flag_other_systems_share_ranks_below_one_this_system_alone_wrote():
    checker = Checker(phrasebook=None)
    together = checker.check_corpus(SYSTEMS, [REF] * 4).segments
    alone = checker.check_corpus(SYSTEMS[:1], [REF]).segments[0]
    [shared] = [s for s in together[0].spans if "plant" in s.text]
    [single] = [s for s in alone.spans if "plant" in s.text]
    assert shared.consensus > 0.5 and single.consensus is None
    assert shared.confidence < single.confidence
    assert (shared.start, shared.end, shared.type) == (single.start, single.end, single.type)


def test_line_aligned_systems_carry_each_others_lines(tmp_path):
    """sacrebleu style: one file per system, read system by system, each line with the others' line."""
    refs = tmp_path / "ref.txt"
    refs.write_text(REF + "\nPrices rose in May.\n", encoding="utf-8")
    files = []
    for k, text in enumerate(SYSTEMS):
        files.append(tmp_path / f"sys{k}.txt")
        files[-1].write_text(text + "\nPrices rose in May.\n", encoding="utf-8")
    outputs = []
    for size in ("1", "64"):
        out = tmp_path / f"out{size}.jsonl"
        assert main(["check", "--hyp", *map(str, files), "--ref", str(refs), "--no-encoder", "--batch-size", size,
                     "--format", "jsonl", "-o", str(out)]) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    rows = [json.loads(line) for line in outputs[0].splitlines()]
    assert [r["system"] for r in rows] == ["sys0", "sys0", "sys1", "sys1", "sys2", "sys2", "sys3", "sys3"]
    assert any(s["consensus"] == round(2 / 3, 3) for s in rows[0]["spans"] if "plant" in s["text"])
    two = tmp_path / "two.jsonl"  # two systems: one other says too little
    assert main(["check", "--hyp", *map(str, files[:2]), "--ref", str(refs), "--no-encoder", "--format", "jsonl",
                 "-o", str(two)]) == 0
    assert all(s["consensus"] is None for line in two.read_text(encoding="utf-8").splitlines()
               for s in json.loads(line)["spans"])
