"""Money expressions → exact decimal amounts with ISO 4217 currencies."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple


class Money(NamedTuple):
    amount: str | None
    low: str | None
    high: str | None
    qualifier: str
    currency: str | None
    currency_text: str | None
    currency_ambiguous: bool
    per_unit: str | None


_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_CURRENCIES = {"yuan": "CNY", "dollars": "USD", "euros": "EUR"}
_PATTERN = re.compile(r"([\d,]+(?:\.\d+)?)\s*(thousand|million|billion|trillion)?\s*(\w+)")


def parse_money(text: str) -> Money | None:
    match = _PATTERN.search(text)
    if not match:
        return None
    amount = Decimal(match.group(1).replace(",", "")) * _SCALES.get(match.group(2) or "", 1)
    word = match.group(3)
    currency = _CURRENCIES.get(word.lower())
    value = format(amount.normalize(), "f")
    return Money(value, value, value, "exact", currency, word, False, None)
