"""Docs → rows of the declared tables. Builders enforce the schema; writers only write."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import pyarrow as pa
from spacy.tokens import Doc

from extract.errors import Errors, Warnings
from extract.extensions import add_issue, home_country_of, mentions, reference_date_of
from extract.tables.schema import MENTION_TABLES, MONEY_PRECISION, MONEY_SCALE, TABLES
from extract.types import Article, Row

TableRows = dict[str, list[Row]]
_COLUMNS = {name: frozenset(schema.column_names) for name, schema in TABLES.items()}


class RowError(ValueError):
    """A row whose columns are not its table's: a bug in the code that built it."""


def table_row(table: str, row: Row) -> Row:
    """``row``, checked to hold exactly the declared columns of ``table`` (else E076). Every
    row of a table is built through here."""
    columns = _COLUMNS[table]
    if row.keys() != columns:
        unknown = ", ".join(sorted(row.keys() - columns)) or "none"
        missing = ", ".join(sorted(columns - row.keys())) or "none"
        raise RowError(Errors.E076.format(table=table, unknown=unknown, missing=missing))
    return row


def documents_row(
    article: Article,
    *,
    status: str,
    error: str | None = None,
    published: str | None = None,
    doc: Doc | None = None,
    language: str | None = None,
    language_source: str | None = None,
) -> Row:
    reference = reference_date_of(doc) if doc is not None else (None, None)
    home = home_country_of(doc) if doc is not None else (None, None)
    return table_row(
        "documents",
        {
            "doc_id": article.doc_id,
            "origin": article.origin,
            "extractor": article.extractor,
            "source": article.source,
            "title": article.title,
            "author": article.author,
            "url": article.url,
            "published": published if published is not None else article.published,
            "crawled": article.crawled,
            "encoding": article.encoding,
            "reference_date": reference[0],
            "reference_date_source": reference[1],
            "home_country": home[0],
            "home_country_source": home[1],
            "language": language,
            "language_source": language_source,
            "duplicate_of": article.duplicate_of,
            "duplicate_kind": article.duplicate_kind,
            "status": status,
            "error": error,
            "n_chars": len(article.text),
        },
    )


def sentence_starts(doc: Doc) -> list[int]:
    """Start character offset of every sentence, for bisecting."""
    return [sent.start_char for sent in doc.sents]


def sentence_of(starts: list[int], offset: int) -> int:
    return max(bisect.bisect_right(starts, offset) - 1, 0)


def rows_from_doc(doc: Doc) -> TableRows:
    """Mention, fact and per-document summary rows of one processed Doc (no documents row)."""
    doc_id = doc._.doc_id
    starts: list[int] = []  # read when the first mention needs it
    tables: TableRows = {}
    reference_date, reference_date_source = reference_date_of(doc)
    reference = {"reference_date": reference_date, "reference_date_source": reference_date_source}
    for table in MENTION_TABLES:
        rows = mentions(doc, table)
        if rows and not starts:
            starts = sentence_starts(doc)
        extra = reference if table == "dates" else {}
        tables[table] = [
            table_row(
                table,
                {
                    **row,
                    "doc_id": doc_id,
                    "sentence": sentence_of(starts, row["start_char"]),
                    **extra,
                },
            )
            for row in rows
        ]
    _check_numbers(doc, tables)
    tables["facts"] = [
        table_row("facts", {**row, "doc_id": doc_id}) for row in mentions(doc, "facts")
    ]
    tables["country_mentions"] = country_mentions(doc_id, tables["countries"])
    return tables


INT64_MAX = 2**63 - 1
NUMBER_COLUMNS = {"money": ("amount", "low", "high"), "counts": ("value", "low", "high")}


def decimal_fits(value: Decimal) -> bool:
    """True when ``value`` is exact in the money columns' DECIMAL(38, 8)."""
    if not value.is_finite():
        return False
    if not value:
        return True
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    padding = len(digits) - len("".join(map(str, digits)).rstrip("0"))  # no context rounding
    places = max(-exponent - padding, 0)
    integer_digits = len(digits) + exponent  # digits before the point (may be <= 0)
    return places <= MONEY_SCALE and integer_digits <= MONEY_PRECISION - MONEY_SCALE


def _fits(table: str, value: Any) -> bool:
    if table == "counts":
        return isinstance(value, int) and -INT64_MAX <= value <= INT64_MAX
    try:
        return decimal_fits(Decimal(str(value)))
    except InvalidOperation:
        return False


def _check_numbers(doc: Doc, tables: TableRows) -> None:
    """Numbers the typed columns cannot hold exactly become null, with warning W004 on the
    document: never rounded, never a failed shard (the mention's text keeps what was written)."""
    for table, columns in NUMBER_COLUMNS.items():
        for index, row in enumerate(tables.get(table, [])):
            wrong = [c for c in columns if row.get(c) is not None and not _fits(table, row[c])]
            if wrong:
                tables[table][index] = {**row, **dict.fromkeys(wrong)}
                add_issue(doc, Warnings.W004.format(text=row.get("text"), table=table))


def country_mentions(doc_id: str, countries: list[Row]) -> list[Row]:
    counts: Counter[str] = Counter()
    first: dict[str, Row] = {}
    for row in countries:
        counts[row["iso3"]] += 1
        first.setdefault(row["iso3"], row)
    return [
        table_row(
            "country_mentions",
            {
                "doc_id": doc_id,
                "iso3": iso3,
                "country": first[iso3]["country"],
                "mentions": counts[iso3],
                "first_offset": first[iso3]["start_char"],
            },
        )
        for iso3 in sorted(first, key=lambda k: first[k]["start_char"])
    ]


class PeopleSummary:
    """Accumulates the ``people`` table over a run; memory grows with distinct people only."""

    def __init__(self) -> None:
        self._names: dict[str, Counter[str]] = defaultdict(Counter)
        self._variants: dict[str, set[str]] = defaultdict(set)
        self._titles: dict[str, set[str]] = defaultdict(set)
        self._documents: dict[str, set[str]] = defaultdict(set)
        self._mentions: Counter[str] = Counter()

    def add(self, persons: Iterable[Row]) -> None:
        for row in persons:
            key = row["person_key"]
            self._names[key][row["name"]] += 1
            self._variants[key].add(row["surface_name"] or row["name"])
            if row.get("title"):
                self._titles[key].add(row["title"])
            self._documents[key].add(row["doc_id"])
            self._mentions[key] += 1

    def rows(self) -> list[Row]:
        return [
            table_row(
                "people",
                {
                    "person_key": key,
                    "name": min(self._names[key].items(), key=lambda kv: (-kv[1], kv[0]))[0],
                    "variants": sorted(self._variants[key]),
                    "titles": sorted(self._titles[key]),
                    "documents": len(self._documents[key]),
                    "mentions": self._mentions[key],
                },
            )
            for key in sorted(self._mentions)
        ]


def _column(rows: list[Mapping[str, Any]], name: str, type_: pa.DataType) -> list[Any]:
    """One column's values: ISO strings become dates in a date column, other values strings in
    a string column (the type is looked at once per column, not per value)."""
    values = [row.get(name) for row in rows]
    if pa.types.is_date32(type_):
        return [dt.date.fromisoformat(v) if isinstance(v, str) else v for v in values]
    if pa.types.is_decimal(type_):
        return [Decimal(v) if isinstance(v, str) else v for v in values]
    if pa.types.is_string(type_):
        return [v if v is None or isinstance(v, str) else str(v) for v in values]
    return values


def to_arrow(table: str, rows: Iterable[Mapping[str, Any]]) -> pa.Table:
    """``rows`` as an Arrow table with exactly the declared columns, in order."""
    schema = TABLES[table]
    rows = list(rows)
    columns = {column.name: _column(rows, column.name, column.type) for column in schema.columns}
    return pa.Table.from_pydict(columns, schema=schema.arrow_schema())
