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


UNITS: dict[str, int] = {
    "zero": 0,
    "nil": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Multipliers written as words or abbreviations; "m"/"b"/"k" only count when they follow digits.
SCALES: dict[str, int] = {
    "hundred": 10**2,
    "thousand": 10**3,
    "k": 10**3,
    "lakh": 10**5,
    "lakhs": 10**5,
    "lac": 10**5,
    "lacs": 10**5,
    "million": 10**6,
    "millions": 10**6,
    "mln": 10**6,
    "mlns": 10**6,
    "mn": 10**6,
    "mil": 10**6,
    "mill": 10**6,
    "m": 10**6,
    "crore": 10**7,
    "crores": 10**7,
    "cr": 10**7,
    "billion": 10**9,
    "billions": 10**9,
    "bln": 10**9,
    "blns": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "trillions": 10**12,
    "trn": 10**12,
    "tn": 10**12,
    "t": 10**12,
}
# Scale words that may stand after a number as a separate word ("5.93 mln", "5 lakh").
SCALE_WORDS = frozenset(
    s for s in SCALES if len(s) > 1 and s not in ("hundred", "mill", "cr", "t", "tn", "trn")
) | {"tn", "trn"}
FRACTIONS: dict[str, Decimal] = {
    "half": Decimal("0.5"),
    "quarter": Decimal("0.25"),
    "three quarters": Decimal("0.75"),
    "three-quarters": Decimal("0.75"),
}
# Vague plurals: (low, high) bounds, documented in docs/money_counts.md.
VAGUE: dict[str, tuple[int, int]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "tens": (20, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 999_999_999),
    "several million": (2_000_000, 9_999_999),
    "several hundred": (200, 999),
    "several thousand": (2_000, 9_999),
    "a few hundred": (200, 999),
    "a few thousand": (2_000, 9_999),
    "tens of billions": (20_000_000_000, 99_999_999_999),
    "hundreds of billions": (200_000_000_000, 999_999_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 999_999_999_999),
}
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | {"dozen", "hundred", "thousand"}

_SPACE = "[ \u00a0\u202f\u2009]"
_DIGITS = re.compile(
    rf"""^(?P<sign>[-\u2212+])?
    (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?           # 1,234,567.89
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
        factor = SCALES.get(scale.lower())
        if factor is None or scale == "t":  # "278,000 t" is tonnes; only "T" is trillion
            return None
        value *= factor
    if match.group("sign") in ("-", "\u2212"):
        value = -value
    return _exact(normalize_decimal(value))


def _parse_words(lowered: str) -> Number | None:
    words = [w for w in _SPLIT.split(lowered) if w and w != "and"]
    if not words:
        return None
    # Vague scale: "tens of thousands of" handled above; "several hundred", "a few thousand".
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
        elif word == "dozen":
            current = (current or Decimal(1)) * 12
        elif word == "hundred":
            current = (current or Decimal(1)) * 100
        elif word in SCALES and len(word) > 1:
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
