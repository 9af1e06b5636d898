
import pytest

from summarizer.batch import read_aligned, read_records, records
from summarizer.inputs import InputError


def write(tmp_path, name, content, mode="w"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def test_line_aligned_files_give_one_record_per_line_and_system(tmp_path):
    h1 = write(tmp_path, "sys1.txt", "\ufeffA cat.\r\nA dog.\r\n")
    h2 = write(tmp_path, "sys2.txt", "The cat.\nThe dog.")
    ref = write(tmp_path, "ref.txt", "The cat.\nThe dog.\n")
    out = list(read_aligned([h1, h2], [ref]))
    assert [(r.system, r.id, r.mt, r.refs) for r in out] == [
        ("sys1", "1", "A cat.", ("The cat.",)), ("sys1", "2", "A dog.", ("The dog.",)),
        ("sys2", "1", "The cat.", ("The cat.",)), ("sys2", "2", "The dog.", ("The dog.",))]
    assert out[0].where == f"{h1}:1"


def test_mismatched_line_counts_name_both_counts_before_reading(tmp_path):
    hyp = write(tmp_path, "mt.txt", "a\nb\nc\n")
    ref = write(tmp_path, "ref.txt", "a\nb\n")
    with pytest.raises(InputError, match=r"ref.txt has 2 lines but .*mt.txt has 3"):
        next(read_aligned([hyp], [ref]))


def test_empty_and_binary_and_invalid_utf8(tmp_path):
    with pytest.raises(InputError, match="the input is empty"):
        next(read_aligned([write(tmp_path, "e.txt", "")], [write(tmp_path, "r.txt", "")]))
    bad = write(tmp_path, "bad.txt", b"fine\n\xff\xfe broken\n")
    ref = write(tmp_path, "ref2.txt", "fine\nfine\n")
    items = list(read_aligned([bad], [ref]))
    assert isinstance(items[1], InputError) and f"{bad}:2: invalid UTF-8" in str(items[1])
    with pytest.raises(InputError, match=":2: invalid UTF-8"):
        list(records(iter(items), "fail", print))
    skipped = []
    assert [r.mt for r in records(iter(items), "skip", skipped.append)] == ["fine"]
    assert len(skipped) == 1 and "skipped" in skipped[0]


def test_a_one_megabyte_line_is_fine(tmp_path):
    long = "word " * 200_000
    [record] = read_aligned([write(tmp_path, "h.txt", long + "\n")], [write(tmp_path, "r.txt", long + "\n")])
    assert len(record.mt) == len(long)


@pytest.mark.parametrize("name,content", [
    ("c.jsonl", '{"mt": "A cat.", "ref": "The cat.", "id": "s1", "system": "A"}\n\n'
                '{"mt": "A dog.", "refs": ["The dog.", "A dog."], "src": "x"}\n'),
    ("c.tsv", 'id\tsystem\tmt\tref\ns1\tA\tA cat.\tThe cat.\n\tsystem\tA dog.\tThe dog.\n'),
    ("c.csv", 'id,system,mt,ref\ns1,A,A cat.,The cat.\n,system,"A dog.",The dog.\n'),
])
def test_comet_style_records(tmp_path, name, content):
    out = list(read_records(write(tmp_path, name, content)))
    assert [(r.id, r.system, r.mt) for r in out] == [("s1", "A", "A cat."), (out[1].id, "system", "A dog.")]
    assert out[0].refs == ("The cat.",)


@pytest.mark.parametrize("name,content,message", [
    ("a.jsonl", '{"mt": "x", "ref": "y"}\n{"mt": "x", \n', "a.jsonl:2: invalid JSON"),
    ("b.jsonl", '["x", "y"]\n', "b.jsonl:1: expected a JSON object"),
    ("c.jsonl", '{"ref": "y"}\n', "c.jsonl:1: missing 'mt'"),
    ("d.tsv", "mt\tref\nx\ty\tz\n", "d.tsv:2: 3 fields but the header has 2"),
    ("e.tsv", "text\tref\nx\ty\n", "e.tsv:1: the header has no 'mt' column"),
    ("f.xml", "<x/>", "unknown record format .xml"),
])
def test_malformed_records_say_file_line_and_what(tmp_path, name, content, message):
    path = write(tmp_path, name, content)
    with pytest.raises(InputError) as err:
        list(records(read_records(path), "fail", print))
    assert message in str(err.value) and "\n" not in str(err.value)
