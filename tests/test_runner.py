"""Batches checked in input order: here, in worker processes, or with the lexical part computed by
worker processes while this process runs the encoder."""

import os

from summarizer.batch import BatchChecker, Record
from summarizer.batch.runner import auto_lexical_workers

REFS = ["The minister said on Monday that prices rose by 5 percent.", "Troops left the city of Kyiv in May.",
        "The company will not open a new drone production line.", "Exports fell sharply last year."]


def _batches():
    records = [Record(str(i), "mt", ref.replace("the", "a").replace("rose", "fell"), (ref, ref.upper()))
               for i, ref in enumerate(REFS * 6)]
    records.insert(5, Record("blank", "mt", "no reference here", ()))
    return [records[i : i + 5] for i in range(0, len(records), 5)]


def test_lexical_workers_give_the_same_results_and_signatures_as_one_process():
    options = {"lang": "en", "phrasebook": None}
    here = list(BatchChecker(options).run(_batches()))
    ahead = list(BatchChecker(options, lexical_workers=2).run(_batches()))
    assert [batch for batch, _ in ahead] == [batch for batch, _ in here]
    for (_, a), (_, b) in zip(ahead, here):
        assert a.segments == b.segments and a.signatures == b.signatures
        assert all((a.stats[m] == b.stats[m]).all() for m in b.stats)
    assert "nrefs:2" in here[0][1].signatures["bleu"]  # the count of references a worker saw, as sacrebleu signs it
    assert any(s.type == "opposite" for r in ahead for s in r[1].segments[0].spans)  # rose -> fell, found with the encoder


def test_lexical_workers_are_for_a_gpu_run_with_the_encoder():
    assert auto_lexical_workers({"use_encoder": False, "device": "cuda"}) == 0
    assert auto_lexical_workers({"device": "cpu"}) == 0
    assert auto_lexical_workers({"device": "cuda:0"}) == min(8, max(0, (os.cpu_count() or 1) - 1))
