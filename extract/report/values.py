"""The normalised value of a mention or fact, as one short readable line (pure functions).

These lines are the tooltips of the highlighted mentions and the cells of the facts tables, in
the HTML report and in ``extract show``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from extract.types import Row


def exact_amount(value: Any) -> str:
    """An exact decimal (Decimal, int or decimal string) with thousands separators and no
    exponent or trailing zeros: '19654000000' -> '19,654,000,000'. Other values as they are."""
    if value is None:
        return ""
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not number.is_finite():
        return str(value)
    text = f"{number:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _bounds(low: Any, high: Any, value: Any) -> str:
    """' (low–high)' when the bounds say more than the value itself."""
    if low is None and high is None:
        return ""
    if low is not None and high is not None and str(low) == str(high) == str(value):
        return ""
    return f" ({exact_amount(low) or '…'}–{exact_amount(high) or '…'})"


def _person(row: Row) -> str:
    parts = [f"person: {row.get('name') or row.get('text')}"]
    if row.get("title"):
        parts.append(f"title: {row['title']}")
    if row.get("person_key"):
        parts.append(f"key: {row['person_key']}")
    return " · ".join(parts)


def _country(row: Row) -> str:
    line = f"country: {row.get('iso3')} {row.get('country') or ''}".rstrip()
    if row.get("former"):
        line += " (former)"
    if row.get("mention_type"):
        line += f" · {row['mention_type']}"
    return line


def _date(row: Row) -> str:
    parts = [f"date: {row.get('timex')}"]
    start, end = row.get("start"), row.get("end")
    if start is not None or end is not None:
        parts.append(str(start) if start == end else f"{start or '…'}..{end or '…'}")
    if row.get("mod"):
        parts.append(f"mod {row['mod']}")
    if row.get("relative"):
        parts.append("relative")
    return " · ".join(parts)


def _count(row: Row) -> str:
    value = exact_amount(row.get("value")) or "?"
    line = f"count: {value}{_bounds(row.get('low'), row.get('high'), row.get('value'))}"
    line += f" {row.get('qualifier') or ''}".rstrip()
    if row.get("object"):
        line += f" · object: {row['object']}"
        if row.get("object_lemma"):
            line += f" ({row['object_lemma']})"
    return line


def _money(row: Row) -> str:
    amount = exact_amount(row.get("amount")) or "?"
    line = f"money: {amount} {row.get('currency') or '(currency unknown)'}"
    line += _bounds(row.get("low"), row.get("high"), row.get("amount"))
    line += f" {row.get('qualifier') or ''}".rstrip()
    if row.get("per_unit"):
        line += f" · per {row['per_unit']}"
    if row.get("currency_ambiguous"):
        line += " · currency guessed"
    return line


_DESCRIBE = {
    "persons": _person,
    "countries": _country,
    "dates": _date,
    "counts": _count,
    "money": _money,
}


def mention_value(table: str, row: Row) -> str:
    """The tooltip line of one mention row of ``table`` (a mention table)."""
    return _DESCRIBE[table](row)


FACT_HEADERS = (
    "id",
    "type",
    "anchor",
    "predicate",
    "role",
    "subject",
    "object",
    "value",
    "date",
    "countries",
    "places",
    "rule",
    "conf",
)


def fact_cells(row: Row, text: str | None) -> tuple[str, ...]:
    """One fact as short display strings (``FACT_HEADERS``): anchor from the text, date as a
    span, countries and places with their prepositions."""

    def pairs(values: list | None, preps: list | None) -> str:
        return ", ".join(f"{p} {v}" for v, p in zip(values or [], preps or [], strict=False))

    start, end = row.get("date_start"), row.get("date_end")
    date = "" if start is None and end is None else f"{start or '…'}..{end or '…'}"
    if date and start == end:
        date = str(start)
    if date and row.get("date_link"):
        date += f" ({row['date_link']})"
    value = " ".join(str(v) for v in (row.get("value"), row.get("unit")) if v is not None)
    anchor = text[row["start_char"] : row["end_char"]] if text is not None else ""
    return tuple(
        "" if cell is None else str(cell)
        for cell in (
            str(row.get("fact_id", "")).rsplit(":", 1)[-1],
            row.get("fact_type"),
            anchor,
            ("not " if row.get("negated") else "") + (row.get("predicate") or ""),
            row.get("role"),
            row.get("subject"),
            row.get("object"),
            value,
            date,
            pairs(row.get("country_iso3"), row.get("country_prepositions")),
            pairs(row.get("places"), row.get("place_prepositions")),
            row.get("link_rule"),
            row.get("confidence"),
        )
    )
