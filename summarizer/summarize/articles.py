"""Split a pasted news page into its articles.

A page as users paste it holds a main story (title, byline such as ``Name |``, paragraphs), then a
"related news" block (``Tin liên quan`` in any case, ``Related news``, ``Read more`` …) of teasers (headline,
a lone ``|`` or a byline, a one-sentence lede), often with the same teasers repeated further down.
:func:`split_articles` returns each distinct article once, in page order, with boilerplate (bylines,
section headers, share buttons, signatures) kept out of titles and bodies. A text with none of that
structure is one article.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field

from ..inputs import valid_text
from ..text import Normalized, detect_language, normalize

_RELATED = re.compile(
    r"^(?:tin liên quan|tin cùng chuyên mục|tin khác|tin mới|xem thêm|đọc thêm|có thể bạn quan tâm|"
    r"related(?: news| articles| stories| posts| content| coverage)?|read more|read also|also read|"
    r"see also|more (?:news|stories|on this)|more from [\w\s]+|you may (?:also )?like|recommended(?: for you)?|"
    r"most read|trending|weiterlesen|mehr zum thema|à lire aussi|lire aussi|sur le même sujet|相关新闻|相关阅读)"
    r"\s*[:›»>]*$",
    re.I,
)
_BOILERPLATE = re.compile(
    r"^(?:share|tweet|print|email|save|follow us|advertisement|quảng cáo|chia sẻ|bình luận|"
    r"comments?(?:\s*\(\d+\))?|\d+\s+comments?|©.*|copyright\b.*|all rights reserved\.?|back to top|"
    r"sign up.*newsletter.*|subscribe)$",
    re.I,
)
_BY = re.compile(r"^(?:by|von|par|por|theo)\s+\S", re.I)
_SENTENCE_END = re.compile(r"[.!?。！？…:;]$")
_CLOSERS = "\"'”’»)]）」』 "
_KEY = re.compile(r"\W+", re.U)


MIN_HEADLINE_WORDS = 4  # on a page without bylines, a shorter heading inside an article is a subheading


@dataclass(frozen=True)
class Article:
    """One article of a pasted page.

    ``start``/``end`` are character offsets of the whole article (title to last paragraph) in the
    pasted text; ``body_start``/``body_end`` those of its body. ``repeats`` lists the offsets of
    later copies of the same article that were merged into this one. :meth:`source_span` maps a
    range of ``body`` to offsets in the pasted text.
    """

    id: int
    title: str | None
    byline: str | None
    body: str
    start: int
    end: int
    body_start: int
    body_end: int
    kind: str = "article"
    language: str = "und"
    repeats: tuple[tuple[int, int], ...] = ()
    _starts: array = field(default_factory=lambda: array("q"), repr=False, compare=False)
    _ends: array = field(default_factory=lambda: array("q"), repr=False, compare=False)
    _page: str = field(default="", repr=False, compare=False)  # the pasted text the offsets point into

    @classmethod
    def from_text(cls, text: str, id: int = 0, title: str | None = None, language: str | None = None) -> Article:
        """Wrap a plain text as one article whose body is the text itself (offsets are into ``text``)."""
        return cls(
            id=id, title=title, byline=None, body=text, start=0, end=len(text), body_start=0,
            body_end=len(text), language=language or detect_language(text),
            _starts=array("q", range(len(text))), _ends=array("q", range(1, len(text) + 1)), _page=text,
        )

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in the pasted text of ``body[start:end]``."""
        if start >= end:
            pos = self._starts[start] if start < len(self._starts) else self.body_end
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def source_text(self, start: int, end: int) -> str:
        """``body[start:end]`` as it stands in the pasted text (non-breaking and zero-width spaces, tabs
        and all), so that ``page[s:e] == text`` for the offsets :meth:`source_span` gives."""
        if not self._page:
            return self.body[start:end]
        s, e = self.source_span(start, end)
        return self._page[s:e]

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "byline": self.byline, "body": self.body,
            "kind": self.kind, "language": self.language, "start": self.start, "end": self.end,
            "body_start": self.body_start, "body_end": self.body_end, "repeats": [list(r) for r in self.repeats],
        }


@dataclass
class _Line:
    kind: str  # heading | text | byline | pipe | related | boilerplate
    text: str
    start: int  # clean-text offsets
    end: int


@dataclass
class _Draft:
    title: _Line | None = None
    byline: str | None = None
    kind: str = "article"
    paragraphs: list[_Line] = field(default_factory=list)
    repeats: list[tuple[int, int]] = field(default_factory=list)


def _classify(text: str, start: int, end: int) -> _Line:
    words = len(text.split())
    if text == "|":
        kind = "pipe"
    elif _RELATED.match(text):
        kind = "related"
    elif _BOILERPLATE.match(text):
        kind = "boilerplate"
    elif (text.endswith("|") and words <= 15) or (_BY.match(text) and words <= 8 and not _SENTENCE_END.search(text)):
        kind = "byline"
    elif words <= 30 and len(text) <= 250 and not _SENTENCE_END.search(text.rstrip(_CLOSERS)):
        kind = "heading"
    else:
        kind = "text"
    return _Line(kind, text, start, end)


def _lines(clean: str) -> list[_Line]:
    lines = []
    for m in re.finditer(r"[^\n]+", clean):
        raw = m.group()
        stripped = raw.strip()
        if stripped:
            start = m.start() + (len(raw) - len(raw.lstrip()))
            lines.append(_classify(stripped, start, start + len(stripped)))
    return lines


def _byline_name(byline: str) -> str:
    name = byline.rstrip("|").strip()
    name = re.sub(r"\s*\(.*\)\s*$", "", name)
    return _key(re.sub(r"^(?:by|von|par|por|theo)\s+", "", name, flags=re.I))


def _key(text: str) -> str:
    return _KEY.sub(" ", text.casefold()).strip()


def _parse(lines: list[_Line]) -> list[_Draft]:
    structured = any(line.kind in ("related", "pipe", "byline") for line in lines)
    names = {_byline_name(line.text) for line in lines if line.kind == "byline"}
    drafts: list[_Draft] = []
    current: _Draft | None = None
    pending_byline: str | None = None
    in_related = False

    upcoming = _next_content(lines)
    for i, line in enumerate(lines):
        if line.kind == "related":
            in_related, current = True, None
            continue
        if line.kind == "boilerplate":
            continue
        if line.kind in ("byline", "pipe"):
            if line.kind == "pipe":
                if current is not None and not current.paragraphs:
                    current.kind = "teaser"
            elif current is not None and not current.paragraphs and current.byline is None:
                current.byline = line.text.rstrip("|").strip()
            elif current is None:
                pending_byline = line.text.rstrip("|").strip()
            continue
        if line.kind == "heading":
            following, marked = upcoming[i]
            starts = following is not None and following.kind == "text"
            if starts and structured:
                starts = in_related or marked or current is None
            elif starts:  # no bylines or markers: a headline-length title followed by text starts an article
                starts = current is None or (bool(current.paragraphs) and len(line.text.split()) >= MIN_HEADLINE_WORDS)
            if starts:
                current = _Draft(title=line, byline=pending_byline, kind="teaser" if in_related else "article")
                pending_byline = None
                drafts.append(current)
                continue
            if _key(line.text) in names:
                continue  # a signature repeating the byline
            if structured and current is None and (following is None or following.kind != "text"):
                continue  # page chrome before the first article (site or section names, menus)
            if structured and current is not None and current.paragraphs and len(line.text.split()) <= 5 and (
                following is None or following.kind == "related"
            ):
                continue  # a short credit line closing the article
        if current is None:
            current = _Draft(byline=pending_byline, kind="teaser" if in_related else "article")
            pending_byline = None
            drafts.append(current)
        current.paragraphs.append(line)
    return [d for d in drafts if d.paragraphs]


def _next_content(lines: list[_Line]) -> list[tuple[_Line | None, bool]]:
    """For each line, the next heading/text/related line after it and whether a byline or pipe
    comes first (one backward pass, so a page of many short lines stays linear)."""
    result: list[tuple[_Line | None, bool]] = [(None, False)] * len(lines)
    after: _Line | None = None
    marked = False
    for i in range(len(lines) - 1, -1, -1):
        result[i] = (after, marked)
        if lines[i].kind in ("byline", "pipe"):
            marked = True
        elif lines[i].kind != "boilerplate":
            after, marked = lines[i], False
    return result


def _merge_repeats(drafts: list[_Draft], norm: Normalized) -> list[_Draft]:
    """Keep the first copy of each article; later copies (same title or same body) are merged into it."""
    kept: list[_Draft] = []
    by_title: dict[str, _Draft] = {}
    by_body: dict[str, _Draft] = {}
    for draft in drafts:
        title_key = _key(draft.title.text) if draft.title else None
        body_key = _key(" ".join(p.text for p in draft.paragraphs))
        first = by_title.get(title_key) if title_key else None
        first = first or by_body.get(body_key)
        if first is None:
            kept.append(draft)
            if title_key:
                by_title[title_key] = draft
            by_body[body_key] = draft
            continue
        first.repeats.append(norm.source_span(_draft_start(draft), draft.paragraphs[-1].end))
        if first.byline is None:
            first.byline = draft.byline
        if len(body_key) > len(_key(" ".join(p.text for p in first.paragraphs))):
            first.paragraphs = draft.paragraphs  # the fuller copy wins
    return kept


def _draft_start(draft: _Draft) -> int:
    return draft.title.start if draft.title else draft.paragraphs[0].start


def _build(draft: _Draft, index: int, norm: Normalized) -> Article:
    body_parts: list[str] = []
    starts, ends = array("q"), array("q")
    for j, para in enumerate(draft.paragraphs):
        if j:
            body_parts.append("\n\n")
            joint = norm.ends[draft.paragraphs[j - 1].end - 1]
            starts.extend([joint, joint])
            ends.extend([joint, joint])
        body_parts.append(para.text)
        starts.extend(norm.starts[para.start : para.end])
        ends.extend(norm.ends[para.start : para.end])
    body = "".join(body_parts)
    start, _ = norm.source_span(_draft_start(draft), _draft_start(draft) + 1)
    title = draft.title.text if draft.title else None
    return Article(
        id=index, title=title, byline=draft.byline, body=body, start=start, end=ends[-1],
        body_start=starts[0], body_end=ends[-1], kind=draft.kind,
        language=detect_language(f"{title or ''}\n{body}"), repeats=tuple(draft.repeats),
        _starts=starts, _ends=ends, _page=norm.source,
    )


def split_articles(text: str) -> list[Article]:
    """Split a pasted page into its distinct articles, in page order.

    >>> page = "Big news today\\n\\nJane Doe |\\n\\nThe lede sentence. More body.\\n\\nRelated news\\n\\n"
    >>> page += "Another story\\n\\n|\\n\\nIts one-line lede."
    >>> [(a.title, a.byline, a.body) for a in split_articles(page)]
    [('Big news today', 'Jane Doe', 'The lede sentence. More body.'), ('Another story', None, 'Its one-line lede.')]
    """
    norm = normalize(valid_text(text, "page"))
    drafts = _merge_repeats(_parse(_lines(norm.text)), norm)
    return [_build(d, i, norm) for i, d in enumerate(drafts)]
