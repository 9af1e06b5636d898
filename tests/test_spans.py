from summarizer.check.spans import Span, apply_suggestions, marked_html, reference_marks

TEXT = "The drone production ring near civil infrastructure was hit."
SPANS = [Span(10, 25, "production ring", "substitution", "major", 0.8, "production line", ref_start=10, ref_end=25),
         Span(31, 36, "civil", "phrasebook", "minor", 0.6, "civilian"),
         Span(26, 30, "near", "addition", "minor", 0.4, None)]


def test_accepted_suggestions_are_applied_and_others_left_alone():
    assert apply_suggestions(TEXT, SPANS, []) == TEXT
    assert apply_suggestions(TEXT, SPANS, [0]) == "The drone production line near civil infrastructure was hit."
    assert apply_suggestions(TEXT, SPANS, [1, 0, 2]) == "The drone production line near civilian infrastructure was hit."


def test_overlapping_accepted_suggestions_keep_the_first():
    overlapping = SPANS + [Span(21, 30, "ring near", "substitution", "major", 0.5, "line by")]
    assert apply_suggestions(TEXT, overlapping, [3, 0]) == "The drone production line near civil infrastructure was hit."


def test_marks_escape_text_and_carry_the_suggestion_and_flag_number():
    spans = [dict(s.to_dict(), id=i) for i, s in enumerate(SPANS)]
    page = marked_html("<p>" + TEXT, [dict(s, start=s["start"] + 3, end=s["end"] + 3) for s in spans])
    assert page.startswith("&lt;p&gt;The drone <mark class='major substitution' data-flag='0' title='→ production line'>production ring</mark>")
    assert "<mark class='minor addition' data-flag='2'>near</mark>" in page
    assert reference_marks(spans) == [{"start": 10, "end": 25, "severity": "major", "id": 0}]


def test_shifting_moves_both_sides():
    moved = SPANS[0].shifted(100, 50)
    assert (moved.start, moved.end, moved.ref_start, moved.ref_end) == (110, 125, 60, 75)
    assert SPANS[1].shifted(5).ref_start is None
