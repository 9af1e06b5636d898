import gradio as gr
import pytest

import app


def test_summaries_callback_gives_one_row_per_article(page_text):
    rows = app.summarize_page(page_text, 1, 60)
    assert len(rows) == 4
    assert rows[0][:2] == [1, "Da Nang opens first floating solar farm on reservoir"]
    assert rows[0][4] == "extractive-embedding:all-MiniLM-L6-v2"


def test_builtin_example_works():
    rows = app.summarize_page(app.EXAMPLE)
    assert [r[1] for r in rows] == ["City opens new riverside park", "Bus fares to stay unchanged next year"]


@pytest.mark.parametrize("text", ["", "   \n", "x" * (app.MAX_CHARS + 1)])
def test_empty_or_huge_input_is_a_clear_error(text):
    with pytest.raises(gr.Error):
        app.summarize_page(text)


def test_page_builds():
    assert isinstance(app.build(), gr.Blocks)
