"""Article language: declared by the input record, else detected with py3langid (its model
ships in the package; no download, no network). See docs/ingest.md, "Language and duplicates".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from extract.normalize.languages import language_code

DETECT_CHARS = 2_000  # detection reads this many characters: its cost is bounded per article
MIN_LETTERS = 20  # fewer letters than this: too short to tell, the language stays unknown
# Below this probability the language stays unknown. Reuters' earnings tables ("Shr 45 cts vs
# 58 cts / Net 1.1 mln") come out as Nigerian Pidgin at 0.1-0.5; prose is above 0.9.
MIN_CONFIDENCE = 0.6
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class ArticleLanguage:
    """An article's language: ISO 639-1 code (or None when unknown) and where it came from:
    metadata, detected or none."""

    code: str | None
    source: str
    warning: str | None = None


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when the text is too short, has no
    linguistic content or the detector is not confident (see MIN_LETTERS, MIN_CONFIDENCE)."""
    sample = text[:DETECT_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    label, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE:
        return None
    return language_code(label)


def article_language(text: str, declared: str | None) -> ArticleLanguage:
    """A language declared by the input record wins over detection; a declared value that names
    no known language is reported and detection decides."""
    from extract.errors import Warnings

    warning = None
    if declared:
        code = language_code(declared)
        if code is not None:
            return ArticleLanguage(code, "metadata")
        warning = Warnings.W005.format(value=declared)
    detected = detect_language(text)
    return ArticleLanguage(detected, "detected" if detected else "none", warning)
