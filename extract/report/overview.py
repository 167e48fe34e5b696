"""The figures of a run's overview, computed from its tables (pure functions over Arrow tables).

Aggregates run in Arrow (group by), so the overview of a large run does not turn every mention
into a Python object; only the rows of the articles shown in the report are converted.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from extract.tables.schema import TABLES

TOP = 15  # bars per ranking plot


def as_arrow(name: str, data: Any) -> pa.Table:
    """A table of a run as Arrow, whatever it came as: an Arrow table, a pandas DataFrame or an
    iterable of row dicts. Declared columns that are missing become null columns; None gives an
    empty table."""
    schema = TABLES[name].arrow_schema() if name in TABLES else pa.schema([])
    if isinstance(data, pa.Table):
        table = data
    elif data is None:
        table = schema.empty_table()
    elif hasattr(data, "to_dict") and hasattr(data, "columns"):  # a pandas DataFrame
        table = pa.Table.from_pandas(data, preserve_index=False)
    else:
        rows = list(data)
        parse = {
            f.name: _as_date if pa.types.is_date(f.type) else _exact
            for f in schema
            if pa.types.is_date(f.type) or pa.types.is_decimal(f.type)
        }
        table = pa.Table.from_pylist(
            [{f.name: _plain(parse.get(f.name), row.get(f.name)) for f in schema} for row in rows],
            schema=schema,
        )
    for field in schema:
        if field.name not in table.column_names:
            table = table.append_column(field, pa.nulls(table.num_rows, field.type))
    return table


def _plain(parse: Any, value: Any) -> Any:
    """JSON-like values made fit for a declared column: ISO date strings as dates, decimal
    strings as Decimals."""
    return parse(value) if parse is not None and isinstance(value, str) else value


def _as_date(value: Any) -> Any:
    """An ISO date string (as JSON rows carry dates) as a date; anything else unchanged."""
    if isinstance(value, str):
        return _iso_day(value)
    return value


def column(table: pa.Table, name: str) -> list[Any]:
    return table.column(name).to_pylist() if name in table.column_names else [None] * table.num_rows


def value_counts(table: pa.Table, key: str) -> Counter[str]:
    """How many rows have each non-null value of ``key``."""
    if key not in table.column_names or table.num_rows == 0:
        return Counter()
    grouped = table.select([key]).group_by(key).aggregate([([], "count_all")])
    return Counter(
        {
            str(k): int(n)
            for k, n in zip(grouped[key].to_pylist(), grouped["count_all"].to_pylist(), strict=True)
            if k is not None
        }
    )


def _period_grain(days: list[dt.date]) -> tuple[int, str]:
    """How many characters of an ISO date make a period: days for a span under two months,
    months under eight years, else years."""
    span = (max(days) - min(days)).days if days else 0
    if span <= 62:
        return 10, "day"
    if span <= 8 * 366:
        return 7, "month"
    return 4, "year"


def _iso_day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Timeline:
    grain: str
    periods: list[str]
    articles: list[int]
    facts: list[int]
    undated_articles: int


def timeline(documents: pa.Table, facts: pa.Table) -> Timeline:
    """Articles (status ok or warning) and their facts per period of publication."""
    processed = documents.filter(pc.is_in(documents["status"], pa.array(["ok", "warning"])))
    days = {
        doc_id: _iso_day(p)
        for doc_id, p in zip(
            column(processed, "doc_id"), column(processed, "published"), strict=True
        )
        if p
    }
    dated = [day for day in days.values() if day is not None]
    width, grain = _period_grain(dated)
    period_of = {doc_id: day.isoformat()[:width] for doc_id, day in days.items() if day}
    articles = Counter(period_of.values())
    fact_counts = value_counts(facts, "doc_id")
    per_period: Counter[str] = Counter()
    for doc_id, n in fact_counts.items():
        if doc_id in period_of:
            per_period[period_of[doc_id]] += n
    periods = sorted(articles)
    return Timeline(
        grain,
        periods,
        [articles[p] for p in periods],
        [per_period[p] for p in periods],
        processed.num_rows - len(period_of),
    )


@dataclass(frozen=True)
class Ranked:
    key: str
    label: str
    mentions: int
    detail: str = ""


def top_people(people: pa.Table, n: int = TOP) -> list[Ranked]:
    """Persons by mentions (then articles, then name), from the ``people`` summary table."""
    rows = people.select(
        [c for c in ("person_key", "name", "documents", "mentions") if c in people.column_names]
    ).to_pylist()
    rows.sort(
        key=lambda r: (-(r.get("mentions") or 0), -(r.get("documents") or 0), str(r.get("name")))
    )
    return [
        Ranked(
            str(r.get("person_key")),
            str(r.get("name")),
            int(r.get("mentions") or 0),
            f"{r.get('documents') or 0} articles",
        )
        for r in rows[:n]
    ]


def country_totals(countries: pa.Table) -> tuple[Counter[str], dict[str, str]]:
    """Mentions per ISO alpha-3 and the ISO name of each."""
    totals = value_counts(countries, "iso3")
    names: dict[str, str] = {}
    if totals:
        pairs = countries.select(["iso3", "country"]).group_by(["iso3", "country"]).aggregate([])
        for iso3, name in zip(pairs["iso3"].to_pylist(), pairs["country"].to_pylist(), strict=True):
            if iso3 is not None and name:
                names.setdefault(str(iso3), str(name))
    return totals, names


def _exact(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def sums_by(keys: Iterable[Any], values: Iterable[Any]) -> dict[str, tuple[int, Decimal, int]]:
    """Per key: mentions, the exact sum of the values that have one, and how many had none."""
    result: dict[str, list[Any]] = {}
    for key, value in zip(keys, values, strict=True):
        entry = result.setdefault("(none)" if key is None else str(key), [0, Decimal(0), 0])
        entry[0] += 1
        number = _exact(value)
        if number is None:
            entry[2] += 1
        else:
            entry[1] += number
    return {key: (n, total, missing) for key, (n, total, missing) in result.items()}


def money_by_currency(money: pa.Table) -> dict[str, tuple[int, Decimal, int]]:
    """Per ISO 4217 currency: mentions and the exact sum of the amounts."""
    return sums_by(column(money, "currency"), column(money, "amount"))


def counts_by_unit(counts: pa.Table) -> dict[str, tuple[int, Decimal, int]]:
    """Per counted object (its lemma): mentions and the sum of the stated values."""
    return sums_by(column(counts, "object_lemma"), column(counts, "value"))


def ranked_sums(
    sums: Mapping[str, tuple[int, Decimal, int]], n: int = TOP
) -> list[tuple[str, int, Decimal, int]]:
    ordered = sorted(sums.items(), key=lambda item: (-item[1][0], item[0]))
    return [(key, *entry) for key, entry in ordered[:n]]


def status_counts(documents: pa.Table) -> Counter[str]:
    return value_counts(documents, "status")
