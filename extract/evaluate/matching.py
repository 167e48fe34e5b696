"""Pairing gold rows with predicted rows: span overlap, value agreement, greedy and deterministic.

Pure functions over plain dict rows (``doc_id``, ``start_char``, ``end_char`` and typed columns).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

Row = Mapping[str, Any]
# String columns holding exact decimals: compared as numbers ("2000.00" == "2000").
DECIMAL_COLUMNS = frozenset({"amount", "low", "high", "value"})
# Free-text columns of facts: compared case-insensitively, without a leading article.
TEXT_COLUMNS = frozenset({"subject", "object", "unit"})
_ARTICLES = ("the ", "a ", "an ")


def _decimal_text(value: Any) -> str | None:
    try:
        number = Decimal(str(value).replace(",", "").strip())
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def normalize_value(column: str, value: Any) -> Any:
    """A comparable form of one cell: dates as ISO strings, numbers and decimal strings as exact
    decimal strings, lists as sorted tuples, text of free-text columns case-folded; missing
    values (None, NaN) as None."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()  # numpy scalars and arrays from pandas/pyarrow
    if isinstance(value, (list, tuple)):
        return tuple(sorted(str(normalize_value(column, item)) for item in value))
    if isinstance(value, bool):
        return value
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float, Decimal)):
        return _decimal_text(value)
    text = " ".join(str(value).split())
    if column in DECIMAL_COLUMNS:
        number = _decimal_text(text)
        if number is not None:
            return number
    if column in TEXT_COLUMNS:
        text = text.casefold()
        for article in _ARTICLES:
            if text.startswith(article):
                text = text[len(article) :]
                break
    return text


def values_agree(gold: Row, predicted: Row, columns: Iterable[str]) -> bool:
    """True when every one of ``columns`` present in ``gold`` has the same normalised value in
    ``predicted`` (a gold null expects a null)."""
    return all(
        normalize_value(column, gold[column]) == normalize_value(column, predicted.get(column))
        for column in columns
        if column in gold
    )


def overlap(a: Row, b: Row) -> int:
    """Characters shared by the spans of ``a`` and ``b`` (0 when disjoint)."""
    return min(a["end_char"], b["end_char"]) - max(a["start_char"], b["start_char"])


def same_span(a: Row, b: Row) -> bool:
    return a["start_char"] == b["start_char"] and a["end_char"] == b["end_char"]


def match_rows(
    gold: Sequence[Row],
    predicted: Sequence[Row],
    *,
    exact: bool = False,
    prefer: Callable[[Row, Row], float] | None = None,
) -> list[tuple[int, int]]:
    """Pairs ``(gold index, predicted index)``: same document and overlapping spans (equal spans
    when ``exact``), each row in at most one pair. Greedy: the pairs with the largest overlap
    (intersection over union) go first, then those ``prefer`` scores higher (e.g. values that
    agree), then gold order, then predicted order."""
    by_doc: dict[Any, list[int]] = defaultdict(list)
    for index, row in enumerate(predicted):
        by_doc[row["doc_id"]].append(index)
    candidates: list[tuple[float, float, int, int]] = []
    for gi, gold_row in enumerate(gold):
        for pi in by_doc.get(gold_row["doc_id"], ()):
            predicted_row = predicted[pi]
            if exact:
                if not same_span(gold_row, predicted_row):
                    continue
                shared = 1.0
            else:
                common = overlap(gold_row, predicted_row)
                if common <= 0:
                    continue
                union = max(gold_row["end_char"], predicted_row["end_char"]) - min(
                    gold_row["start_char"], predicted_row["start_char"]
                )
                shared = common / union
            preference = prefer(gold_row, predicted_row) if prefer else 0.0
            candidates.append((-shared, -preference, gi, pi))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in candidates:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    return pairs
