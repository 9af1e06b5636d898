from conftest import FIXTURES

from summarizer import split_articles


def test_page_splits_into_distinct_articles_in_order(page_text):
    articles = split_articles(page_text)
    assert [a.title for a in articles] == [
        "Da Nang opens first floating solar farm on reservoir",
        "Hanoi tightens rules on street vendors ahead of festival",
        "Rice exports hit record high in first ten months",
        "Coastal province evacuates thousands as storm approaches",
    ]
    assert [a.kind for a in articles] == ["article", "teaser", "teaser", "teaser"]


def test_bylines_and_boilerplate_stay_out_of_titles_and_bodies(page_text):
    main, *teasers = split_articles(page_text)
    assert main.byline == "Minh Châu"
    assert main.body.startswith("Da Nang city has put into operation")
    assert main.body.endswith("to absorb the additional power.")
    for article in [main, *teasers]:
        for junk in ("Tin liên quan", "Minh Châu", "|"):
            assert junk not in article.body
            assert junk not in (article.title or "")


def test_repeated_teasers_are_merged_and_keep_their_byline(page_text):
    articles = split_articles(page_text)
    vendors = articles[1]
    assert vendors.body == ("Hanoi authorities will strictly handle street vendors who occupy sidewalks in the Old "
                            "Quarter during the festival week.")
    assert vendors.byline == "Minh Châu (Nguồn: Báo Hà Nội)"
    assert len(vendors.repeats) == 1
    start, end = vendors.repeats[0]
    assert page_text[start:end].startswith("Hanoi tightens rules") and page_text[start:end].endswith("festival week.")
    assert articles[3].repeats == ()


def test_offsets_point_into_the_pasted_text(page_text):
    for article in split_articles(page_text):
        assert page_text[article.start:].startswith(article.title)
        assert page_text[article.body_start:article.body_end].endswith(article.body[-30:])
        first_para = article.body.split("\n\n")[0]
        s, e = article.source_span(0, len(first_para))
        assert page_text[s:e] == first_para


def test_windows_line_endings_give_the_same_articles_with_shifted_offsets(page_text):
    crlf = page_text.replace("\n", "\r\n")
    plain, windows = split_articles(page_text), split_articles(crlf)
    assert [(a.title, a.body) for a in plain] == [(a.title, a.body) for a in windows]
    for article in windows:
        assert crlf[article.start:].startswith(article.title)
        s, e = article.source_span(0, 20)
        assert crlf[s:e] == article.body[:20]


def test_html_pasted_as_text():
    html = (FIXTURES / "page.html").read_text(encoding="utf-8")
    articles = split_articles(html)
    assert [a.title for a in articles] == ["Port of Hai Phong expands container terminal",
                                           "Airport traffic rises sharply in November"]
    main = articles[0]
    assert main.byline == "Lan Anh"
    assert "30 percent" in main.body and "Friday & added" in main.body
    assert "<p>" not in main.body and "tracking" not in main.body
    i = main.body.index("Friday & added")
    s, e = main.source_span(i, i + len("Friday & added"))
    assert html[s:e] == "Friday &amp; added"


def test_plain_text_is_one_untitled_article():
    text = (FIXTURES / "plain.txt").read_text(encoding="utf-8")
    [article] = split_articles(text)
    assert article.title is None and article.byline is None
    assert article.body.startswith("The council approved") and article.body.endswith("takes effect in January.")
    assert article.start == 0


def test_plain_text_with_title_and_subheading_stays_one_article():
    text = "Council passes budget\n\nThe council approved the budget on Tuesday.\n\nWhat changes\n\nSchools get more money."
    [article] = split_articles(text)
    assert article.title == "Council passes budget"
    assert "What changes" in article.body and article.body.endswith("Schools get more money.")


def test_many_blank_lines_and_no_title(page_text):
    text = "\n\n\n   \nThe first paragraph has no title above it.\n\n\n\n\nA second paragraph follows.\n\n\n"
    [article] = split_articles(text)
    assert article.title is None
    assert article.body == "The first paragraph has no title above it.\n\nA second paragraph follows."


def test_language_is_detected_per_article():
    page = ("Giá lúa gạo tăng mạnh\n\nThu Hà |\n\nGiá lúa tại đồng bằng sông Cửu Long đã tăng mạnh trong tuần qua, "
            "nông dân phấn khởi.\n\nRelated news\n\nRice prices climb\n\n|\n\nRice prices in the Mekong delta rose sharply.")
    assert [a.language for a in split_articles(page)] == ["vi", "en"]


def test_empty_and_whitespace_pages_have_no_articles():
    assert split_articles("") == []
    assert split_articles("\n \r\n\t") == []


def test_to_dict_is_json_ready(page_text):
    import json

    record = split_articles(page_text)[0].to_dict()
    assert json.loads(json.dumps(record))["title"] == "Da Nang opens first floating solar farm on reservoir"
    assert set(record) >= {"id", "title", "byline", "body", "start", "end", "language"}


def test_plain_articles_of_title_blank_line_body_are_each_an_article():
    page = ("Bridge opens in the city\n\nThe city opened a new bridge on Monday. It cost 20 million euros.\n\n"
            "Rain expected all week\n\nForecasters said heavy rain would fall until Sunday.\n\n"
            "School year starts early\n\nPupils return to class on August 20. Teachers welcomed it.\n")
    articles = split_articles(page)
    assert [a.title for a in articles] == ["Bridge opens in the city", "Rain expected all week",
                                           "School year starts early"]
    assert articles[1].body == "Forecasters said heavy rain would fall until Sunday."
