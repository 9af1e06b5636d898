import pytest

from summarizer import detect_language, split_sentences


@pytest.mark.parametrize(
    "language,text,expected",
    [
        ("en", "Mr. Smith went to Washington. The U.S. Army agreed!\nNew paragraph",
         ["Mr. Smith went to Washington.", "The U.S. Army agreed!", "New paragraph"]),
        ("vi", "Ông Nguyễn Văn A. đến TP.HCM hôm qua. Giá tăng 2,5%. Trời mưa!",
         ["Ông Nguyễn Văn A. đến TP.HCM hôm qua.", "Giá tăng 2,5%.", "Trời mưa!"]),
        ("zh", "今天天气很好。我们去公园吧！你觉得呢？", ["今天天气很好。", "我们去公园吧！", "你觉得呢？"]),
        ("de", "Am 3. Oktober ist Feiertag. Dr. Müller kommt z.B. morgen. Gut.",
         ["Am 3. Oktober ist Feiertag.", "Dr. Müller kommt z.B. morgen.", "Gut."]),
    ],
)
def test_sentences_in_several_languages(language, text, expected):
    sentences = split_sentences(text, language)
    assert [s.text for s in sentences] == expected
    for s in sentences:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize(
    "text,code",
    [
        ("The government announced new measures to support small businesses on Monday.", "en"),
        ("Chính phủ vừa công bố các biện pháp mới nhằm hỗ trợ doanh nghiệp nhỏ.", "vi"),
        ("政府周一宣布了支持小企业的新措施。", "zh"),
        ("Die Regierung hat am Montag neue Maßnahmen zur Unterstützung kleiner Unternehmen angekündigt.", "de"),
        ("Le gouvernement a annoncé lundi de nouvelles mesures pour soutenir les petites entreprises.", "fr"),
    ],
)
def test_language_identification(text, code):
    assert detect_language(text) == code


def test_language_of_text_without_letters_is_undetermined():
    assert detect_language("12:30 — 45%") == "und"
