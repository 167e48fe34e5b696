"""Adapters: dev JSONL files in other projects' formats → gold sets of our own tables.

- ``tempeval3``: TempEval-3 TIMEX3 annotations → ``dates`` (timex = TIMEX3 value; the TIMEX3
  type in ``type`` for the per-type breakdown); published = the document creation time.
- ``conll2003``: CoNLL-2003 NER → ``persons`` (PER spans; surface_name = the span) and
  ``countries`` (LOC spans that name a country, and MISC spans that are a country's demonym,
  both resolved with ``lookup_country``); published = the dateline date. CoNLL does not annotate
  places or self-references as countries, so predictions of those mention types are ignored.
- ``quantulum3``: quantulum3's test cases → ``money`` (results whose unit is a currency, via
  ``rules/currency_units.json``); every case is a document, so non-money numbers count against
  precision.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

from extract.evaluate.gold import GoldError, GoldSet
from extract.evaluate.units import currency_unit

Record = dict[str, Any]


def _records(path: Path) -> Iterator[Record]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line, parse_float=Decimal)  # exact decimals, never floats
            except json.JSONDecodeError as error:
                raise GoldError(f"{path}:{number}: malformed JSON ({error.msg})") from None
            if not isinstance(record, dict):
                raise GoldError(f"{path}:{number}: expected a JSON object")
            yield record


def _span_row(doc_id: str, item: Record, **values: Any) -> Record:
    return {
        "doc_id": doc_id,
        "start_char": int(item["start"]),
        "end_char": int(item["end"]),
        "text": item["text"],
        **values,
    }


_RANGE_LEAD = re.compile(r"^(?:from|between)\s+", re.IGNORECASE)
# Words first: a dash may sit inside one end ("2020-04-28 to 2020-05-01").
_RANGE_SEPARATORS = (
    re.compile(r"\s+(?:to|and|until|till|through|thru)\s+", re.IGNORECASE),
    re.compile(r"\s*[-–—]\s*"),
)


def split_range(row: Record) -> list[Record]:
    """A predicted range ("from 2014 to June 2020", timex 2014/2020-06) as TimeML annotates it:
    two dates, one per end, each with its own span and value. Other rows unchanged, duration
    ranges included ("two to three weeks", P2W/P3W: TimeML marks it as one DURATION)."""
    timex = str(row.get("timex") or "")
    text = str(row.get("text") or "")
    if row.get("kind") != "range" or timex.count("/") != 1 or timex.startswith("P"):
        return [row]
    lead = _RANGE_LEAD.match(text)
    offset = lead.end() if lead else 0
    separator = None
    for pattern in _RANGE_SEPARATORS:
        separator = pattern.search(text, offset + 1)
        if separator is not None:
            break
    if separator is None or separator.end() >= len(text):
        return [row]
    first, second = timex.split("/")
    start = int(row["start_char"])
    return [
        {
            **row,
            "kind": "date",
            "timex": first,
            "text": text[offset : separator.start()],
            "start_char": start + offset,
            "end_char": start + separator.start(),
        },
        {
            **row,
            "kind": "date",
            "timex": second,
            "text": text[separator.end() :],
            "start_char": start + separator.end(),
        },
    ]


def tempeval3(records: list[Record], name: str) -> GoldSet:
    dates = []
    articles = []
    for record in records:
        doc_id = str(record["doc_id"])
        articles.append({"id": doc_id, "text": record["text"], "published": record.get("dct")})
        for timex in record.get("timexes", []):
            dates.append(_span_row(doc_id, timex, timex=timex["value"], type=timex["type"]))
    return GoldSet(
        name=name,
        kind="tempeval3",
        tables={"dates": dates},
        doc_ids=[a["id"] for a in articles],
        records=articles,
        prediction_transforms={"dates": split_range},
        notes=["dates: predicted ranges are scored as their two ends (TimeML annotates each end)"],
    )


def conll2003(records: list[Record], name: str) -> GoldSet:
    from extract.normalize.countries import lookup_country

    persons = []
    countries = []
    articles = []
    for record in records:
        doc_id = str(record["doc_id"])
        articles.append(
            {"id": doc_id, "text": record["text"], "published": record.get("dateline_date")}
        )
        for entity in record.get("entities", []):
            label = entity["label"]
            if label == "PER":
                persons.append(_span_row(doc_id, entity, surface_name=entity["text"]))
            elif label in ("LOC", "MISC"):
                country = lookup_country(entity["text"])
                wanted = "name" if label == "LOC" else "demonym"
                if country is not None and getattr(country, "mention_type", "name") == wanted:
                    countries.append(_span_row(doc_id, entity, iso3=country.iso3, type=wanted))
    return GoldSet(
        name=name,
        kind="conll2003",
        tables={"persons": persons, "countries": countries},
        doc_ids=[a["id"] for a in articles],
        records=articles,
        prediction_filters={"countries": {"mention_type": frozenset({"name", "demonym"})}},
        notes=[
            "countries: LOC names and MISC demonyms resolved with lookup_country; predicted "
            "places and self-references are not scored (CoNLL does not annotate them)"
        ],
    )


def _decimal_text(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def quantulum3(records: list[Record], name: str) -> GoldSet:
    money = []
    articles = []
    for number, record in enumerate(records):
        doc_id = f"quantulum3-{record.get('set', 'case')}-{record.get('case_index', number)}"
        articles.append({"id": doc_id, "text": record["input"]})
        for result in record.get("results", []):
            unit = currency_unit(str(result.get("unit") or ""))
            if unit is None:
                continue
            value = Decimal(str(result["value"])) * unit.factor
            values: Record = {}
            if result.get("uncertainty") is not None:  # a range: mean ± half its width
                spread = Decimal(str(result["uncertainty"])) * unit.factor
                values["low"] = _decimal_text(value - spread)
                values["high"] = _decimal_text(value + spread)
            else:
                values["amount"] = _decimal_text(value)
            if unit.currency is not None:
                values["currency"] = unit.currency
            money.append(_span_row(doc_id, result, **values))
    return GoldSet(
        name=name,
        kind="quantulum3",
        tables={"money": money},
        doc_ids=[a["id"] for a in articles],
        records=articles,
    )


ADAPTERS: dict[str, Callable[[list[Record], str], GoldSet]] = {
    "tempeval3": tempeval3,
    "conll2003": conll2003,
    "quantulum3": quantulum3,
}


def detect_adapter(path: Path, first: Record) -> str:
    """The adapter for a file: from its records' fields, else from its name."""
    if "timexes" in first:
        return "tempeval3"
    if "entities" in first and "text" in first:
        return "conll2003"
    if "input" in first and "results" in first:
        return "quantulum3"
    lowered = path.name.lower()
    for adapter in ADAPTERS:
        if adapter.rstrip("0123456789") in lowered:
            return adapter
    raise GoldError(
        f"{path}: not a gold folder and no adapter recognises its records "
        f"(known: {', '.join(ADAPTERS)})"
    )


def load_adapted(path: Path, *, adapter: str | None = None) -> GoldSet:
    records = list(_records(path))
    if adapter is None:
        adapter = detect_adapter(path, records[0] if records else {})
    if adapter not in ADAPTERS:
        raise GoldError(f"unknown adapter '{adapter}' (known: {', '.join(ADAPTERS)})")
    try:
        return ADAPTERS[adapter](records, path.name.split(".")[0])
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, GoldError):
            raise
        raise GoldError(f"{path}: not a {adapter} file ({error!r})") from None
