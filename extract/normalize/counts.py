"""Count expressions → value and bounds."""

from __future__ import annotations

from typing import NamedTuple


class Count(NamedTuple):
    value: int | None
    low: int | None
    high: int | None
    qualifier: str


def parse_count(text: str) -> Count | None:
    digits = text.replace(",", "").strip()
    if not digits.isdigit():
        return None
    value = int(digits)
    return Count(value, value, value, "exact")
