"""Which ISO 4217 code a currency had on a given day (``rules/currency_validity.jsonl``).

A currency that was redenominated or renamed keeps its name in the news ("Turkish lira" is TRL
until 2004 and TRY from 2005); one that was replaced by another currency (the French franc by the
euro) does not. ``code_on`` moves a code along the same-name links to the code valid on the day;
``still_in_use`` tells whether a country's currency was still current then (the Irish pound was
not in 2005). Pure: no spaCy import.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from extract.normalize.rules_data import RulesError, load_rules_numbered_rows


class Validity(NamedTuple):
    valid_from: dt.date | None
    valid_until: dt.date | None
    successor: str | None
    same_name: bool  # the successor kept the name (a redenomination or a new code)


def _day(value: str | None, line: int) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RulesError(f"bad date {value!r}", file="currency_validity.jsonl", line=line) from None


def _load() -> dict[str, Validity]:
    table: dict[str, Validity] = {}
    for line, row in load_rules_numbered_rows("currency_validity.jsonl"):
        if row["code"] in table:
            raise RulesError(f"{row['code']} twice", file="currency_validity.jsonl", line=line)
        table[row["code"]] = Validity(
            _day(row["valid_from"], line),
            _day(row["valid_until"], line),
            row["successor"],
            row["same_name"],
        )
    for code, validity in table.items():
        if validity.successor is not None and validity.successor not in table:
            raise RulesError(
                f"{code}: successor {validity.successor} has no row", file="currency_validity.jsonl"
            )
    return table


VALIDITY = _load()
# The code each same-name successor replaced: TRY → TRL.
_PREDECESSOR = {v.successor: code for code, v in VALIDITY.items() if v.successor and v.same_name}


def as_day(value: str | dt.date | None) -> dt.date | None:
    """An ISO date string or date as a date (None when absent or unreadable)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def code_on(code: str, day: dt.date | None) -> str:
    """The code of currency ``code`` on ``day``, following renames and redenominations:
    ``code_on("TRY", date(1987, 5, 1)) == "TRL"``; unchanged without a day."""
    if day is None:
        return code
    for _ in range(len(VALIDITY)):
        validity = VALIDITY.get(code)
        if validity is None:
            return code
        if validity.valid_from is not None and day < validity.valid_from and code in _PREDECESSOR:
            code = _PREDECESSOR[code]
        elif (
            validity.valid_until is not None
            and day > validity.valid_until
            and validity.successor is not None
            and validity.same_name
        ):
            code = validity.successor
        else:
            return code
    return code


def still_in_use(code: str, day: dt.date | None) -> bool:
    """False when ``code`` had been replaced by another currency before ``day`` (IEP in 2005)."""
    validity = VALIDITY.get(code)
    if day is None or validity is None or validity.valid_until is None:
        return True
    return day <= validity.valid_until or validity.same_name
