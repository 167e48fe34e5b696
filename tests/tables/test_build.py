"""Rows are built through one helper that holds them to their table's declared columns."""

from __future__ import annotations

import pytest

from extract.tables.build import RowError, table_row
from extract.tables.schema import TABLES

TEXT_ROW = {"doc_id": "d", "text": "Text."}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_build_table_row_accepts_exactly_the_declared_columns(table: str) -> None:
    row = dict.fromkeys(TABLES[table].column_names)
    assert table_row(table, row) is row


@pytest.mark.parametrize(
    "row,message",
    [
        (
            {**TEXT_ROW, "txet": "x"},
            "E076: a texts row with unknown columns (txet) or missing ones (none)",
        ),
        ({"doc_id": "d"}, "E076: a texts row with unknown columns (none) or missing ones (text)"),
        (
            {"doc_id": "d", "body": "x"},
            "E076: a texts row with unknown columns (body) or missing ones (text)",
        ),
    ],
)
def test_build_table_row_rejects_unknown_or_missing_columns(row: dict, message: str) -> None:
    with pytest.raises(RowError) as raised:
        table_row("texts", row)
    assert str(raised.value) == message
