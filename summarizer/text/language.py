"""Language identification (py3langid, a maintained fork of langid.py with its model bundled)."""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]", re.U)


def detect_language(text: str, default: str = "und") -> str:
    """ISO 639-1 code of the text's language, or ``default`` when there are no letters to judge by.

    >>> detect_language("Der Bundestag hat heute ein neues Gesetz beschlossen.")
    'de'
    """
    sample = text[:5000]
    if len(_LETTERS.findall(sample)) < 3:
        return default
    import py3langid

    code, _ = py3langid.classify(sample)
    return code
