from html.parser import HTMLParser

import pytest

from summarizer import Checker
from summarizer.cli import main
from summarizer.batch import ReportBuilder, SystemTotals, system_scores

VOID = {"meta", "br", "img", "hr", "input", "link"}


class TagBalance(HTMLParser):
    """Checks that every opened element is closed in order (a well-formed report)."""

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tags = [], [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


def _totals():
    checker = Checker(use_encoder=False, phrasebook=None)
    refs = ["The cat sat on the mat.", "The dog barked.", "It rained all day.", "The bus was late."]
    outputs = {"good": refs, "bad": ["A cat is on a mat.", "Dog bark.", "Rain all the day.", "Bus late was."]}
    totals = {}
    for name, hyps in outputs.items():
        result = checker.check_corpus(hyps, refs)
        totals[name] = SystemTotals()
        for i in range(len(hyps)):
            totals[name].add(result, i)
    return checker, totals


def test_ranking_intervals_and_paired_test_are_reproducible():
    checker, totals = _totals()
    first = system_scores(totals, checker.metrics(), n_samples=300)
    again = system_scores(totals, checker.metrics(), n_samples=300)
    assert first == again
    assert [s.system for s in first] == ["good", "bad"] and first[0].score == pytest.approx(100)
    assert first[0].p_value is None and 0 < first[1].p_value <= 1
    assert first[1].bleu_ci > 0 and first[0].score_ci == pytest.approx(0)


def test_html_report_is_well_formed_and_self_contained(tmp_path, capsys):
    hyp, ref = tmp_path / "mt.txt", tmp_path / "ref.txt"
    hyp.write_text("A drone production ring <opened> & closed.\nAttacks on civil infrastructure rose.\n"
                   "The minister opened the bridge.\n", encoding="utf-8")
    ref.write_text("A drone production line opened and closed.\nAttacks on civilian infrastructure rose.\n"
                   "The transport minister opened the bridge.\n", encoding="utf-8")
    report = tmp_path / "report.html"
    assert main(["check", "--hyp", str(hyp), "--ref", str(ref), "--no-encoder", "--format", "html", "-o", str(report),
                 "--bootstrap", "50"]) == 0
    page = report.read_text(encoding="utf-8")
    parser = TagBalance()
    parser.feed(page)
    assert parser.errors == [] and parser.stack == []
    assert {"table", "svg", "mark"} <= parser.tags
    for external in ("http://", "https://", "<script", "<link", "src=", "@import"):
        assert external not in page
    assert "&lt;" in page and "opened&gt;" in page and "&amp;" in page and "<opened>" not in page
    assert "nrefs:1" in page
    # the flag in the MT, with its suggestion as the tooltip, and the wording it comes from in the reference
    assert "<mark class='major substitution' title='→ line'>ring</mark>" in page
    assert "A drone production <mark class='major'>line</mark> opened" in page
    # what the MT left out: underlined in the reference, a caret where it is missing in the MT
    assert "The<mark class='major gap' title='→ transport'>\u2038</mark> minister" in page
    assert "<mark class='major omission' title='missing from the machine translation'>transport</mark>" in page


def test_report_keeps_only_the_worst_segments():
    builder = ReportBuilder(worst=2)
    for i, score in enumerate([90.0, 10.0, 50.0, 5.0]):
        builder.add({"id": str(i), "system": "s", "score": score, "spans": []}, f"mt {i}", ("ref",))
    assert [r["score"] for r in builder.worst()] == [5.0, 10.0]
    assert builder.histogram.sum() == 4


def test_report_groups_flags_by_what_is_suggested_and_leaves_out_function_words():
    def span(text, suggestion, severity="major"):
        return {"text": text, "suggestion": suggestion, "severity": severity, "type": "mistranslation",
                "category": "mistranslation", "start": 0, "end": len(text), "confidence": 0.5, "note": None}

    builder = ReportBuilder(lang="en")
    rows = [[span("ring", "line"), span("the", "a", "minor")], [span("ring", "line"), span("ring", "belt")],
            [span("of", "in", "minor")]]
    for i, spans in enumerate(rows):
        builder.add({"id": str(i), "system": "A" if i < 2 else "B", "score": 40.0 + i, "spans": spans}, "mt", ("ref",))
    assert builder.flags == {("ring", "line"): 2, ("ring", "belt"): 1}
    page = builder.html([], {})
    assert page.index("<td>ring</td><td>line</td>") < page.index("<td>ring</td><td>belt</td>")
    assert page.count("<figcaption>") == 2 and "segment score</text>" in page and ">segments</text>" in page
    assert "class='legend'" in page and "<mark class='critical'>critical</mark>" in page
