"""Agreement between systems: flags on words that other systems' translations of the same source
write too say so, and rank below flags on words this system alone wrote."""

from __future__ import annotations

from summarizer import Checker
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
