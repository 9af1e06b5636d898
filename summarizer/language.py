"""Language identification (py3langid, a maintained fork of langid.py with its model bundled)."""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]", re.U)

# Names used when prompting instruction-tuned models to write in the article's language.
LANGUAGE_NAMES = {
    "en": "English", "vi": "Vietnamese", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "it": "Italian",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech",
    "tr": "Turkish", "ar": "Arabic", "hi": "Hindi", "th": "Thai", "id": "Indonesian",
}


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


def language_name(code: str) -> str:
    """English name of a language code, falling back to the code itself."""
    return LANGUAGE_NAMES.get(code, code)
