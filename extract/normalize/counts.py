"""Count expressions → value, bounds and qualifier (the ``counts`` table minus the object).

``parse_count("7,831")`` → Count(7831, 7831, 7831, "exact");
``parse_count("120", qualifier="more_than")`` → Count(120, 120, None, "more_than");
``parse_count("tens of thousands")`` → Count(None, 20000, 99999, "approx");
``parse_count("50", high_text="60")`` → Count(None, 50, 60, "range").
Bounds follow docs/money_counts.md. Pure functions: no spaCy import.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from extract.normalize.numbers import QUALIFIERS, apply_qualifier, parse_number


class Count(NamedTuple):
    value: int | None
    low: int | None
    high: int | None
    qualifier: str


def _int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


@lru_cache(maxsize=4096)
def parse_count(
    text: str, *, qualifier: str = "exact", high_text: str | None = None
) -> Count | None:
    """The count written as ``text`` read with ``qualifier``; with ``high_text`` a range from
    ``text`` to ``high_text``. None when the text is not a whole, non-negative number."""
    if qualifier not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}; expected one of {QUALIFIERS}")
    number = parse_number(text)
    if number is None or not _whole(number.value) or not _whole(number.low):
        return None
    if high_text is not None:
        top = parse_number(high_text)
        if top is None or top.value is None or not _whole(top.value):
            return None
        bottom = number.value if number.value is not None else number.low
        if bottom is None or bottom >= top.value:
            return None
        return Count(None, int(bottom), int(top.value), "range")
    if number.value is None:
        return Count(None, _int(number.low), _int(number.high), "approx")
    value, low, high = apply_qualifier(number, qualifier)
    return Count(_int(value), _int(low), _int(high), qualifier)


def _whole(value: object) -> bool:
    if value is None:
        return True
    return isinstance(value, Decimal) and value >= 0 and value == value.to_integral_value()
