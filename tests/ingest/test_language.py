"""Article language: detection with py3langid, thresholds, and metadata that overrides it."""

from __future__ import annotations

import pytest

from extract.ingest.language import MIN_LETTERS, ArticleLanguage, article_language, detect_language
from extract.settings import SettingsError, parse_languages

GERMAN = (
    "Die Regierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise angekündigt."
)
ENGLISH = "The government announced new measures on Monday to tackle rising energy prices."


@pytest.mark.parametrize(
    "text,expected",
    [
        (ENGLISH, "en"),
        ("Police said two men had been arrested after the match.", "en"),
        (GERMAN, "de"),
        ("Le gouvernement a présenté mercredi un projet de loi sur les retraites.", "fr"),
        ("El presidente anunció este martes un plan de inversión para el país.", "es"),
        ("Il consiglio comunale ha approvato ieri sera il nuovo bilancio.", "it"),
        ("Правительство объявило о новых мерах поддержки малого бизнеса.", "ru"),
        ("政府周一宣布了新的经济刺激计划，以应对能源价格上涨带来的压力。", "zh"),
        ("Guten Tag", None),  # under MIN_LETTERS: too short to tell
        ("1987-03-02 12:00 42.5 17 +3%", None),  # no letters
        ("", None),
        # Reuters' earnings shorthand: a guess (Nigerian Pidgin) below MIN_CONFIDENCE
        ("Qtly div two cts vs 1.7 cts\nPay March 26\nRecord March 12", None),
        ("Shr 45 cts vs 58 cts\nNet 1.1 mln vs 829,000\nSales 7.9 mln vs 9.4 mln", None),
    ],
)
def test_language_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_language_min_letters_counts_letters_not_characters() -> None:
    assert MIN_LETTERS == 20
    assert detect_language("Oil " * 6 + "1234567890" * 5) is None  # 18 letters
    assert detect_language(" ".join(["the prices"] * 3)) == "en"  # 27 letters


@pytest.mark.parametrize(
    "text,declared,expected",
    [
        (ENGLISH, None, ArticleLanguage("en", "detected")),
        (ENGLISH, "de", ArticleLanguage("de", "metadata")),  # a declared language wins
        (ENGLISH, "German", ArticleLanguage("de", "metadata")),
        (GERMAN, "en-GB", ArticleLanguage("en", "metadata")),
        ("Guten Tag", None, ArticleLanguage(None, "none")),
        ("Guten Tag", "de", ArticleLanguage("de", "metadata")),
        (
            GERMAN,
            "Deutsch-ish",
            ArticleLanguage(
                "de",
                "detected",
                "W005: unknown language 'Deutsch-ish' in metadata; language detected from the text",
            ),
        ),
    ],
)
def test_language_article_language(
    text: str, declared: str | None, expected: ArticleLanguage
) -> None:
    assert article_language(text, declared) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        ("en", ("en",)),
        ("en,de", ("de", "en")),
        (" de , en ,", ("de", "en")),
        ("EN,en,eng", ("en",)),
        ("English,fr", ("en", "fr")),
        ("all", None),
        ("ALL", None),
        ("*", None),
        ("en,all", None),
    ],
)
def test_language_parse_languages(value: str, expected: tuple[str, ...] | None) -> None:
    assert parse_languages(value) == expected


@pytest.mark.parametrize(
    "value,message",
    [
        ("", "E052: unknown language '' in --languages"),
        ("en,zz", "E052: unknown language 'zz' in --languages"),
        ("klingonish", "E052: unknown language 'klingonish' in --languages"),
    ],
)
def test_language_parse_languages_rejects_unknown_codes(value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        parse_languages(value)
