"""Language codes from metadata values and detector labels."""

from __future__ import annotations

import pytest

from extract.normalize.languages import language_code


@pytest.mark.parametrize(
    "value,expected",
    [
        ("en", "en"),
        ("EN", "en"),
        (" en-US ", "en"),
        ("en_GB", "en"),
        ("zh-Hant-TW", "zh"),
        ("pt-BR", "pt"),
        ("eng", "en"),
        ("deu", "de"),
        ("ger", "de"),  # ISO 639-2 bibliographic code
        ("fre", "fr"),
        ("English", "en"),
        ("french", "fr"),
        ("Norwegian Bokmål", "nb"),
        ("haw", "haw"),  # Hawaiian has no ISO 639-1 code: its ISO 639-3 code stays
        ("yue", "zh"),  # macrolanguages from rules/languages.json
        ("arz", "ar"),
        ("ary", "ar"),
        ("und", None),
        ("zxx", None),
        ("mul", None),
        ("xx", None),
        ("", None),
        ("  ", None),
        ("123", None),
        ("Englisch", None),
    ],
)
def test_languages_language_code(value: str, expected: str | None) -> None:
    assert language_code(value) == expected
