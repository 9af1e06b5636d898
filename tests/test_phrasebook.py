import json

import pytest

from summarizer import Checker
from summarizer.inputs import InputError
from summarizer.check import mine_phrasebook
from summarizer.check.phrasebook import Entry, Phrasebook, default_entries, load_phrasebook, write_phrasebook

FLUENT = ("The government said on Tuesday that it would raise spending on schools and hospitals next year. "
          "Officials from the finance ministry told reporters that the plan would be funded by higher taxes on "
          "tobacco. Police arrested a suspect after a shop was robbed in the city centre. The factory added a "
          "second production line in March, and its suppliers form a long supply chain. Drone attacks on "
          "civilian infrastructure have increased, the defence ministry said.")


@pytest.fixture(scope="module")
def book():
    return Phrasebook.load()


def test_default_phrasebook_is_a_useful_vi_en_list():
    entries = default_entries()
    assert len(entries) >= 40
    assert all(e.target_lang == "en" and e.source_lang == "vi" and e.note for e in entries)
    awkward = {e.awkward: e.preferred for e in entries}
    assert awkward["production ring"] == "production line"
    assert awkward["civil infrastructure"] == "civilian infrastructure"
    assert awkward["emulation movement"] == "competition campaign"


def test_known_renderings_are_flagged_with_notes_and_offsets(book):
    text = "Kyiv stepped up attacks on civil infrastructure after a new drone production ring opened."
    spans = book.match(text)
    assert [(s.text, s.suggestion) for s in spans] == [("civil infrastructure", "civilian infrastructure"),
                                                       ("production ring", "production line")]
    for span in spans:
        assert text[span.start:span.end] == span.text
        assert span.category == "phrasebook" and "dây chuyền" in spans[1].note


@pytest.mark.parametrize("text,found,suggestion", [
    ("Two PRODUCTION RINGS were built.", "PRODUCTION RINGS", "PRODUCTION LINES"),
    ("Production ring output rose.", "Production ring", "Production line"),
    ("a drone-production ring", "production ring", "production line"),
    ("the production\n   ring", "production\n   ring", "production line"),
    ("Violators will be strictly handled.", "strictly handled", "severely punished"),
    ("They will strictly handles it.", "strictly handles", "punish severely"),
])
def test_matching_ignores_case_hyphens_whitespace_and_inflection(book, text, found, suggestion):
    [span] = book.match(text)
    assert (span.text, span.suggestion) == (found, suggestion)


def test_never_matches_inside_another_word_or_a_different_phrase(book):
    assert book.match("The reproduction ring and the production lines are fine.") == []
    assert book.match("Nonproduction rings were sold.") == []


def test_fluent_english_news_is_not_flagged(book):
    assert book.match(FLUENT) == []


def test_other_target_languages_are_not_matched(book):
    assert book.match("production ring", lang="de") == []


def test_user_files_load_merge_and_win(tmp_path):
    user = tmp_path / "mine.tsv"
    user.write_text("awkward\tpreferred\ttarget_lang\tsource_lang\tnote\tcount\n"
                    "production ring\tassembly line\ten\tvi\thouse style\t3\n"
                    "make a decision on\tdecide on\ten\t\t\t\n", encoding="utf-8")
    book = Phrasebook.load([str(user)])
    assert len(book) == len(default_entries()) + 1
    [span] = book.match("They built a production ring.")
    assert span.suggestion == "assembly line" and span.note == "house style"
    assert Phrasebook.load([str(user)], default=False).match("We make a decision on it.")[0].suggestion == "decide on"


def test_tsv_and_jsonl_round_trip(tmp_path):
    entries = [Entry("production ring", "production line", "en", "vi", "a note", 4, "An example\twith a tab")]
    for name in ("out.tsv", "out.jsonl"):
        path = str(tmp_path / name)
        write_phrasebook(entries, path)
        [loaded] = load_phrasebook(path)
        assert (loaded.awkward, loaded.preferred, loaded.count, loaded.note) == ("production ring", "production line", 4, "a note")
    assert json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["example"] == "An example\twith a tab"


@pytest.mark.parametrize("name,content,message", [
    ("a.tsv", "wrong\theader\nx\ty\n", "a.tsv:1: the header must name the columns"),
    ("b.tsv", "awkward\tpreferred\nproduction ring\t\n", "b.tsv:2: 'preferred' is empty"),
    ("c.tsv", "awkward\tpreferred\tcount\nfoo\tbar\tmany\n", "c.tsv:2: 'count' must be a whole number"),
    ("d.tsv", "awkward\tpreferred\nfoo\tbar\tbaz\n", "d.tsv:2: 3 columns but the header has 2"),
    ("e.jsonl", '{"awkward": "a", "preferred": "b"}\n{"awkward": "a",\n', "e.jsonl:2: invalid JSON"),
    ("f.jsonl", '["a", "b"]\n', "f.jsonl:1: expected a JSON object"),
    ("g.tsv", "", "g.tsv: the input is empty"),
])
def test_malformed_files_name_file_and_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_phrasebook(str(path))
    assert str(err.value).startswith(str(tmp_path / message.split(":")[0])) and message.split(":", 1)[1] in str(err.value)


def test_mining_keeps_recurring_consistent_substitutions():
    hyps = ["The plant opened a new production ring in May.",
            "A second production ring will follow next year.",
            "Workers on the production ring earn more.",
            "The minister visited the factory on Monday.",
            "The minister visited the port on Friday."]
    refs = ["The plant opened a new production line in May.",
            "A second production line will follow next year.",
            "Workers on the production line earn more.",
            "The minister toured the factory on Monday.",
            "The minister visited the port on Friday."]
    mined = mine_phrasebook(hyps, refs, Checker(phrasebook=None), min_count=2)
    assert [(e.awkward, e.preferred, e.count) for e in mined] == [("production ring", "production line", 3)]
    assert mined[0].example in hyps and "3 of 3 occurrences, against 3 different references" in mined[0].note
    with pytest.raises(ValueError):
        mine_phrasebook(hyps, refs[:2])


def test_checker_confirms_phrasebook_calques_with_the_reference(book):
    checker = Checker(phrasebook=book)
    kept = checker.check("Attacks on civil infrastructure rose.", "Attacks on civil infrastructure rose sharply.")
    assert [s.text for s in kept.spans] == []  # the reference keeps the wording: no flag
    [span] = checker.check("Attacks on civil infrastructure rose.", "Attacks on civilian infrastructure rose.").spans
    assert (span.text, span.type, span.severity, span.suggestion) == (
        "civil infrastructure", "calque", "major", "civilian infrastructure")
    assert span.ref_start == 11 and span.note  # the reference's wording, and why


def test_mining_keeps_short_consistent_wordings_and_leaves_fragments_out():
    from summarizer.check import mine_phrasebook

    hyps = ["The factory has a new production ring for drones.", "A second production ring opened in May.",
            "Scientists studied the fusion of two stars.", "Then the fusion of the cores began.",
            "A small mass object falls.", "Every small mass object falls."]
    refs = ["The factory has a new production line for drones.", "A second production line opened in May.",
            "Scientists studied the merge — there is two stars.", "Then the merge — there is the cores began.",
            "A the bang on space when the object falls.", "Every the bang on space when the object falls."]
    entries = {e.awkward: e.preferred for e in mine_phrasebook(hyps, refs, min_count=2)}
    assert entries == {"production ring": "production line"}  # not "fusion of → merge — there is"
