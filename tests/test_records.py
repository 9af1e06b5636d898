
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


def test_long_segments_up_to_the_limit_are_read_and_longer_ones_are_bad_records(tmp_path):
    long = "word " * 30_000  # 150,000 characters: under the default limit of 200,000
    [record] = read_aligned([write(tmp_path, "h.txt", long + "\n")], [write(tmp_path, "r.txt", long + "\n")])
    assert len(record.mt) == len(long)
    hyp = write(tmp_path, "h2.txt", "short\n" + "x" * 101 + "\nshort\n")
    ref = write(tmp_path, "r2.txt", "short\nshort\nshort\n")
    items = list(read_aligned([hyp], [ref], max_chars=100))
    assert [getattr(i, "mt", None) for i in items] == ["short", None, "short"]
    assert str(items[1]) == f"{hyp}:2: line longer than 100 characters (the segment limit)"
    path = write(tmp_path, "r.jsonl", '{"mt": "%s", "ref": "y"}\n{"mt": "x", "ref": "y"}\n' % ("x" * 101))
    items = list(read_records(path, max_chars=100))
    assert "segment longer than 100 characters" in str(items[0]) and items[1].mt == "x"


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


def test_tsv_is_tab_separated_without_quoting(tmp_path):
    path = write(tmp_path, "q.tsv", 'mt\tref\n"Hello," he said.\t"Hi," he said.\n')
    [record] = read_records(path)
    assert record.mt == '"Hello," he said.' and record.refs == ('"Hi," he said.',)


def test_csv_quoted_fields_may_hold_commas_quotes_and_line_breaks(tmp_path):
    path = write(tmp_path, "q.csv", 'id,mt,ref\na,"One line,\nand another","He said ""hi""."\nb,Two.,Two.\n')
    first, second = read_records(path)
    assert first.mt == "One line,\nand another" and first.refs == ('He said "hi".',)
    assert (second.id, second.where) == ("b", f"{path}:4")


@pytest.mark.parametrize("content,message", [
    ('{"mt": "ok", "ref": 5}', "q.jsonl:1: 'ref' must be a string, not int"),
    ('{"mt": "ok", "ref": "r", "id": {"a": 1}}', "q.jsonl:1: 'id' must be a string, not dict"),
    ('{"mt": ["ok"], "ref": "r"}', "q.jsonl:1: 'mt' must be a string, not list"),
    ('{"mt": "ok", "refs": ["r", 3]}', "q.jsonl:1: 'refs' must be a list of strings"),
    ('{"mt": "ok", "ref": "r", "system": true}', "q.jsonl:1: 'system' must be a string, not bool"),
])
def test_record_fields_of_the_wrong_type_are_bad_records(tmp_path, content, message):
    path = write(tmp_path, "q.jsonl", content + "\n")
    with pytest.raises(InputError) as err:
        list(records(read_records(path), "fail", print))
    assert str(err.value).endswith(message)


def test_repeated_ids_are_an_error_unless_skipped(tmp_path):
    path = write(tmp_path, "d.jsonl", '{"id": 1, "mt": "a", "ref": "a"}\n{"id": "2", "mt": "b", "ref": "b"}\n'
                                      '{"id": "1", "mt": "c", "ref": "c"}\n{"id": "1", "system": "B", "mt": "d", "ref": "d"}\n')
    with pytest.raises(InputError, match=r"d.jsonl:3: id '1' of system 'system' repeats line 1"):
        list(records(read_records(path), "fail", print))
    assert [r.mt for r in records(read_records(path), "skip", lambda m: None)] == ["a", "b", "d"]


def test_whitespace_only_and_cr_only_files(tmp_path):
    blank = write(tmp_path, "blank.txt", "  \n\t\n \n")
    with pytest.raises(InputError, match=r"blank.txt: the input is empty \(only whitespace\)"):
        next(read_aligned([blank], [blank]))
    hyp = write(tmp_path, "mac.txt", "A cat.\rA dog.\r")
    ref = write(tmp_path, "ref.txt", "The cat.\nThe dog.\n")
    assert [(r.mt, r.refs[0]) for r in read_aligned([hyp], [ref])] == [("A cat.", "The cat."), ("A dog.", "The dog.")]


def test_a_nul_byte_anywhere_is_refused(tmp_path):
    from summarizer.inputs import read_text
    path = write(tmp_path, "page.txt", b"Title\n\n" + b"Some text. " * 2000 + b"\nMore\x00text\n")
    with pytest.raises(InputError, match=r"page.txt:4: NUL byte"):
        read_text(path)
