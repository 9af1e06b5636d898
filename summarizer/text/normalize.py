"""Clean pasted text (line endings, BOM, HTML markup) while remembering where every character came from.

Everything downstream works on the clean text; :meth:`Normalized.source_span` maps a clean range back
to character offsets in the text the user pasted, so interfaces can highlight the original.
"""

from __future__ import annotations

import html
import re
from array import array
from dataclasses import dataclass

_HTML_HINT = re.compile(r"<(?:p|div|br|h[1-6]|li|ul|ol|article|section|span|a|html|body|head|title|table|tr|td)\b[^>]*>", re.I)
_BLOCK_TAGS = r"p|div|br|h[1-6]|li|ul|ol|article|section|header|footer|nav|aside|main|figure|figcaption|blockquote|table|tr|td|th|title|hr|pre"
_HTML_TOKENS = re.compile(
    r"(?P<drop><(?:head|script|style|noscript|template)\b.*?</(?:head|script|style|noscript|template)\s*>|<!--.*?-->|<!DOCTYPE[^>]*>)"
    rf"|(?P<block></?(?:{_BLOCK_TAGS})\b[^>]*>)"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
    r"|(?P<entity>&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+);)",
    re.S | re.I,
)
_PLAIN_TOKENS = re.compile(r"(?P<newline>\r\n|\r|\u2028|\u2029)|(?P<drop>\ufeff|\u200b)|(?P<space>[\t\u00a0\u202f])")


@dataclass(frozen=True)
class Normalized:
    """Clean text plus, for every clean character, the source range it came from."""

    text: str
    source: str
    starts: array
    ends: array

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map the clean range ``[start, end)`` to ``(start, end)`` offsets in the pasted text."""
        if start >= end:
            pos = self.starts[start] if start < len(self.text) else len(self.source)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def _rewrite(text: str, pattern: re.Pattern, replace, starts: array, ends: array) -> tuple[str, array, array]:
    """Apply ``replace(match) -> str`` to each match, carrying the per-character source ranges along."""
    out: list[str] = []
    new_starts, new_ends = array("q"), array("q")
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        new_starts.extend(starts[pos : m.start()])
        new_ends.extend(ends[pos : m.start()])
        repl = replace(m)
        if repl:
            src_start, src_end = starts[m.start()], ends[m.end() - 1]
            out.append(repl)
            new_starts.extend([src_start] * len(repl))
            new_ends.extend([src_end] * len(repl))
        pos = m.end()
    out.append(text[pos:])
    new_starts.extend(starts[pos:])
    new_ends.extend(ends[pos:])
    return "".join(out), new_starts, new_ends


def _plain(m: re.Match) -> str:
    if m.lastgroup == "newline":
        return "\n"
    if m.lastgroup == "space":
        return " "
    return ""


def _markup(m: re.Match) -> str:
    if m.lastgroup == "block":
        return "\n"
    if m.lastgroup == "entity":
        value = html.unescape(m.group())
        return " " if value == "\u00a0" else value
    return ""


def looks_like_html(text: str) -> bool:
    """True when the text carries at least two HTML tags (markup pasted as text)."""
    return len(_HTML_HINT.findall(text, 0, 200_000)) >= 2


def normalize(text: str) -> Normalized:
    """Normalise line endings, odd spaces, BOM and (when present) HTML markup.

    >>> n = normalize("<h1>Title</h1>\\r\\n<p>Fish &amp; chips</p>")
    >>> n.text
    '\\nTitle\\n\\n\\nFish & chips\\n'
    >>> n.source_span(9, 21)
    (19, 35)
    """
    starts = array("q", range(len(text)))
    ends = array("q", range(1, len(text) + 1))
    clean, starts, ends = _rewrite(text, _PLAIN_TOKENS, _plain, starts, ends)
    if looks_like_html(clean):
        clean, starts, ends = _rewrite(clean, _HTML_TOKENS, _markup, starts, ends)
    return Normalized(clean, text, starts, ends)
