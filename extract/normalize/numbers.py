"""Numerals as written in news → exact ``Decimal`` values (never a float).

Handles digit grouping ("1,234,567.89", "1 234 567", European "1.234.567,89" when the
separators leave no doubt), scale words and abbreviations ("19.654 billion", "1.13bn", "5.93 mln",
"100k", "16,189 crore", "5 lakh"), number words ("three hundred million", "twenty-five",
"half a million", "a quarter of a billion", "two dozen") and vague plurals ("dozens", "hundreds",
"tens of thousands"), which have bounds but no single value.

Pure functions: no spaCy import; results are cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import NamedTuple

from extract.normalize.rules_data import RulesError, load_rules_object

QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "at_most", "range")


def _load_qualifiers() -> tuple[dict[str, str], dict[str, str]]:
    data = load_rules_object("counts_qualifiers.json")
    for side in ("before", "after"):
        for phrase, qualifier in data[side].items():
            if qualifier not in QUALIFIERS or not isinstance(phrase, str):
                raise RulesError(f"counts_qualifiers.json: bad qualifier {phrase!r}: {qualifier!r}")
    return data["before"], data["after"]


# Qualifier phrases before the number and after the quantity: phrase → qualifier.
QUALIFIERS_BEFORE, QUALIFIERS_AFTER = _load_qualifiers()
_QUALIFIER_BEFORE = re.compile(
    r"(?i:(?<![a-z])("
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS_BEFORE, key=len, reverse=True))
    + r"))\s+$"
)
_QUALIFIER_AFTER = re.compile(
    r"(?i:\s*("
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS_AFTER, key=len, reverse=True))
    + r"))(?![a-z])"
)

# A word or an amount after a spaced "plus" makes it an addition ("$5m plus interest").
_ADDITION = re.compile(r"\s+[\w$£€¥]")


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier written just before ``text[start:]`` ("more than 120" → more_than)."""
    match = _QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
    return QUALIFIERS_BEFORE[match.group(1).lower()] if match else None


def qualifier_after(text: str, end: int) -> str | None:
    """The qualifier written just after ``text[:end]`` ("50 or more" → at_least)."""
    match = _QUALIFIER_AFTER.match(text, end)
    if not match:
        return None
    if match.group(1).lower() == "plus" and _ADDITION.match(text, match.end()):
        return None  # an addition, not a bound: "53.15 dlrs plus accrued dividends"
    return QUALIFIERS_AFTER[match.group(1).lower()]


class Number(NamedTuple):
    """A parsed numeral. ``value`` is None for vague plurals ("hundreds"), whose ``low`` and
    ``high`` bound the quantity; an exact numeral has value == low == high."""

    value: Decimal | None
    low: Decimal | None
    high: Decimal | None

    @property
    def vague(self) -> bool:
        return self.value is None


class Scale(NamedTuple):
    """A scale word or abbreviation of ``rules/numbers.json`` and where it may stand."""

    factor: int
    numeral: bool  # part of a spelled-out number: "three hundred million"
    after_number: bool  # a word of its own after a number: "5.93 mln", "5 lakh"
    glued: bool  # only written against digits: "1.5m", "100k"
    upper_case_only: bool  # "2.1T" is trillion, "278,000 t" is tonnes


_SCALE_FLAGS = ("numeral", "after_number", "glued", "upper_case_only")


def _word_list(data: dict, key: str) -> list[str]:
    return list(data[key])  # keys and types are checked by rules_schema


def _int_table(data: dict, key: str) -> dict[str, int]:
    return dict(data[key])


def _load_scales(data: dict) -> dict[str, Scale]:
    scales = {}
    for word, entry in data["scales"].items():
        unknown = set(entry) - {"factor", *_SCALE_FLAGS}
        if unknown or not isinstance(entry.get("factor"), int) or entry["factor"] < 10:
            raise RulesError(
                f"scale {word!r} needs a factor; unknown {unknown}", file="numbers.json"
            )
        scales[word] = Scale(entry["factor"], *(bool(entry.get(f, False)) for f in _SCALE_FLAGS))
    return scales


def _load_vague(data: dict) -> dict[str, tuple[int, int]]:
    vague = {}
    for phrase, bounds in data["vague"].items():
        if not (isinstance(bounds, list) and len(bounds) == 2 and 0 < bounds[0] < bounds[1]):
            raise RulesError(f"vague {phrase!r} needs [low, high]", file="numbers.json")
        vague[phrase] = (bounds[0], bounds[1])
    return vague


_NUMBER_DATA = load_rules_object("numbers.json")
# Number words below twenty; a standalone one ("nil") is never part of a longer numeral.
UNITS: dict[str, int] = {
    **_int_table(_NUMBER_DATA, "units"),
    **_int_table(_NUMBER_DATA, "standalone_units"),
}
STANDALONE_UNITS = frozenset(_NUMBER_DATA["standalone_units"])
TENS: dict[str, int] = _int_table(_NUMBER_DATA, "tens")
# Words that multiply the number before them inside a numeral ("two dozen").
MULTIPLIERS: dict[str, int] = _int_table(_NUMBER_DATA, "multipliers")
SCALE_TABLE: dict[str, Scale] = _load_scales(_NUMBER_DATA)
# Multipliers written as words or abbreviations; "m"/"b"/"k" only count when they follow digits.
SCALES: dict[str, int] = {word: scale.factor for word, scale in SCALE_TABLE.items()}
FRACTIONS: dict[str, Decimal] = {w: Decimal(v) for w, v in _NUMBER_DATA["fractions"].items()}
# Vague plurals: (low, high) bounds, documented in docs/money_counts.md.
VAGUE: dict[str, tuple[int, int]] = _load_vague(_NUMBER_DATA)
VAGUE_STARTERS = frozenset(_word_list(_NUMBER_DATA, "vague_starters"))
LEADING_WORDS = frozenset(_word_list(_NUMBER_DATA, "leading_words"))
ARTICLES = frozenset(_word_list(_NUMBER_DATA, "articles"))
FRACTION_LEADS: tuple[str, ...] = tuple(_word_list(_NUMBER_DATA, "fraction_leads"))
AND_JOINS_AFTER = frozenset(_word_list(_NUMBER_DATA, "and_joins_after"))
RANGE_CONNECTORS: tuple[str, ...] = tuple(_word_list(_NUMBER_DATA, "range_connectors"))
RANGE_LEADS = frozenset(_word_list(_NUMBER_DATA, "range_leads"))
SEPARATE_LEADS = frozenset(_word_list(_NUMBER_DATA, "separate_leads"))
# Spelled-out scale words and abbreviations that may follow a number as a word of their own.
SCALE_WORDS = frozenset(w for w, s in SCALE_TABLE.items() if s.after_number)
NUMERAL_SCALES = frozenset(w for w, s in SCALE_TABLE.items() if s.numeral)
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(MULTIPLIERS) | NUMERAL_SCALES

_SPACE = "[" + "".join(_word_list(_NUMBER_DATA, "digit_group_spaces")) + "]"
_DIGITS = re.compile(
    rf"""^(?P<sign>[-\u2212+])?
    (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?           # 1,234,567.89
      |\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?:\.\d+)?           # 1,23,456 (Indian grouping)
      |\d{{1,3}}(?:\.\d{{3}}){{2,}}(?:,\d+)?           # 1.234.567 or 1.234.567,89
      |\d{{1,3}}\.\d{{3}},\d+                          # 1.234,5
      |\d{{1,3}}(?:{_SPACE}\d{{3}})+(?:[.,]\d+)?        # 1 234 567
      |\d+,\d{{1,2}}                                   # 1,5 (decimal comma)
      |\d*\.\d+|\d+)
    (?:{_SPACE}?(?P<frac>\d+/\d+))?                     # 2 1/2
    {_SPACE}*-?(?P<scale>[A-Za-z]+)?\.?$""",
    re.VERBOSE,
)
_SPLIT = re.compile(r"[\s\u00a0\u202f,]+|-(?=[a-z])")


# -- patterns that find numbers in running text (money scans text; counts reads tokens) -------


def words_alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, a space matching any run of spaces."""
    escaped = (
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w))
    )
    return "|".join(escaped)


# Digits with their grouping: "1,234,567.89", "1.234.567,89", "1.234,5", "1 234 567", "2 1/2".
DIGITS_PATTERN = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d,]\d)"  # 1,23,456 (Indian grouping)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.]\d)"
    r"|\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,.]\d)"
    rf"|\d{{1,3}}(?:{_SPACE}\d{{3}})+(?![\d.,]\d)"
    r"|\d*\.\d+|\d+)"
    r"(?:\s\d/\d)?"
)
_NUMBER_WORD = (
    "(?:"
    + words_alternation([*(set(UNITS) - STANDALONE_UNITS), *TENS, *NUMERAL_SCALES, *MULTIPLIERS])
    + ")(?![a-z])"
)
# Spelled-out numbers: "three hundred million", "a million", "two and a half", "half a billion".
NUMBER_WORDS_PATTERN = (
    r"(?i:(?<![a-z])(?:(?:"
    + words_alternation(ARTICLES)
    + r")\s+(?=(?:"
    + words_alternation([*NUMERAL_SCALES, *MULTIPLIERS])
    + r")\b)|(?:"
    + words_alternation(FRACTION_LEADS)
    + r")\s+)?"
    + rf"{_NUMBER_WORD}(?:(?:\s+and\s+a\s+half\s+|\s+and\s+|[\s-]+){_NUMBER_WORD})*)"
)
# The first letters a spelled-out or vague number can start with (cheap look-aheads).
NUMBER_WORD_INITIALS = frozenset(
    w[0] for w in (*UNITS, *TENS, *NUMERAL_SCALES, *MULTIPLIERS, *ARTICLES, *FRACTIONS, *VAGUE) if w
)
SCALE_WORDS_PATTERN = "(?i:" + words_alternation(SCALE_WORDS) + ")"
_GLUED = [
    form
    for word, scale in SCALE_TABLE.items()
    if scale.glued
    for form in ((word.upper(),) if scale.upper_case_only else (word, word.upper()))
]
# A scale after a number: a word of its own ("5.93 mln", "1.13bn") or a letter glued to digits.
SCALE_PATTERN = (
    rf"(?:\s?-?{SCALE_WORDS_PATTERN}(?![a-z])|(?<=\d)(?:"
    + words_alternation(_GLUED)
    + r")(?![A-Za-z]))"
)
RANGE_CONNECTOR_PATTERN = r"\s*(?:" + words_alternation(RANGE_CONNECTORS) + r")\s*"
# "between" or "from" before the first number of a pair.
RANGE_LEAD_PATTERN = "(?i:" + words_alternation(RANGE_LEADS | SEPARATE_LEADS) + ")"


def _digits_to_decimal(num: str) -> Decimal:
    num = re.sub(_SPACE, "", num)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}\.\d{3},\d+|\d+,\d{1,2}", num):
        num = num.replace(".", "").replace(",", ".")  # European style
    else:
        num = num.replace(",", "")
    return Decimal(num)


def _exact(value: Decimal) -> Number:
    return Number(value, value, value)


@lru_cache(maxsize=4096)
def parse_number(text: str) -> Number | None:
    """The value of a numeral written with digits and/or words, or None when ``text`` is not a
    number. ``parse_number("19.654 billion").value == Decimal("19654000000")``."""
    cleaned = text.strip().rstrip(".").replace("\u2212", "-")
    if not cleaned:
        return None
    lowered = cleaned.lower()
    if lowered in VAGUE:
        low, high = VAGUE[lowered]
        return Number(None, Decimal(low), Decimal(high))
    match = _DIGITS.match(cleaned)
    if match:
        return _parse_digits(match)
    return _parse_words(lowered)


def _parse_digits(match: re.Match[str]) -> Number | None:
    try:
        value = _digits_to_decimal(match.group("num"))
    except InvalidOperation:
        return None
    if match.group("frac"):
        numerator, denominator = match.group("frac").split("/")
        if int(denominator) == 0:
            return None
        value += Decimal(numerator) / Decimal(denominator)
    scale = match.group("scale")
    if scale:
        entry = SCALE_TABLE.get(scale.lower())
        if entry is None or (entry.upper_case_only and not scale.isupper()):
            return None  # "278,000 t" is tonnes; only "T" is trillion
        value *= entry.factor
    if match.group("sign") in ("-", "\u2212"):
        value = -value
    return _exact(normalize_decimal(value))


def _parse_words(lowered: str) -> Number | None:
    words = [w for w in _SPLIT.split(lowered) if w and w != "and"]
    if not words:
        return None
    # Vague scale: "tens of thousands of" handled above; "several hundred", "a few thousand".
    if " ".join(words[:2]) in FRACTIONS:  # "three quarters of a million"
        words = [" ".join(words[:2]), *words[2:]]
    if words[0] in ("a", "an", "one") and len(words) > 1 and words[1] in FRACTIONS:
        # "a half", "a quarter of a billion"
        words = words[1:]
    if words[0] in FRACTIONS:
        fraction = FRACTIONS[words[0]]
        rest = [w for w in words[1:] if w not in ("a", "an", "of")]
        if not rest:
            return _exact(normalize_decimal(fraction))
        scaled = _words_value(rest)
        if scaled is None:
            return None
        return _exact(normalize_decimal(fraction * scaled))
    if words[0] in ("a", "an"):
        # "a million" is one million; the article of "a three billion franc package" is not.
        words = ["one", *words[1:]] if len(words) > 1 and words[1] in SCALES else words[1:]
        if not words:
            return None
    # A digit numeral followed by scale words: "1.5 million", "two and a half million".
    if len(words) >= 2 and words[1] in SCALES and re.fullmatch(r"[\d.,]+", words[0]):
        try:
            base = _digits_to_decimal(words[0])
        except InvalidOperation:
            return None
        value = base
        for word in words[1:]:
            if word not in SCALES:
                return None
            value *= SCALES[word]
        return _exact(normalize_decimal(value))
    if "half" in words and words.index("half") > 0:
        # "one and a half million", "two and a half"
        i = words.index("half")
        head = _words_value([w for w in words[:i] if w not in ("a", "an")])
        tail = words[i + 1 :]
        if head is None:
            return None
        value = head + Decimal("0.5")
        for word in tail:
            if word not in SCALES:
                return None
            value *= SCALES[word]
        return _exact(normalize_decimal(value))
    total = _words_value(words)
    return None if total is None else _exact(normalize_decimal(total))


def _words_value(words: list[str]) -> Decimal | None:
    """Sum-of-products evaluation of English number words: "three hundred twenty million"."""
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    for word in words:
        if word in ("a", "an") and not seen:
            current, seen = Decimal(1), True
            continue
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += Decimal(word)
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in MULTIPLIERS:
            current = (current or Decimal(1)) * MULTIPLIERS[word]
        elif word in SCALES and SCALES[word] < 1000:  # "hundred" multiplies within a group
            current = (current or Decimal(1)) * SCALES[word]
        elif word in SCALES and not SCALE_TABLE[word].glued:
            total += (current or Decimal(1)) * SCALES[word]
            current = Decimal(0)
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


def normalize_decimal(value: Decimal) -> Decimal:
    """``value`` without exponent or trailing zeros: Decimal("1.9654E+10") → 19654000000."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def decimal_text(value: Decimal | None) -> str | None:
    """An exact decimal string without exponent ("19654000000", "0.34"), or None."""
    if value is None:
        return None
    return format(normalize_decimal(value), "f")


def apply_qualifier(
    number: Number, qualifier: str
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    """(value, low, high) of ``number`` read with ``qualifier`` (see docs/money_counts.md):
    exact → all equal; approx → bounds open; more_than/at_least → low; less_than/at_most → high.
    Vague numbers keep their own bounds."""
    if number.value is None:
        return None, number.low, number.high
    value = number.value
    if qualifier == "exact":
        return value, value, value
    if qualifier in ("more_than", "at_least"):
        return value, value, None
    if qualifier in ("less_than", "at_most"):
        return value, None, value
    return value, None, None
