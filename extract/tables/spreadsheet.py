"""CSV cells that a spreadsheet would run as formulas, neutralised (OWASP "CSV Injection").

A text cell is neutralised by one leading apostrophe ``'`` when it starts with

- a formula trigger: ``=`` ``+`` ``-`` ``@``, tab (0x09), carriage return (0x0D) (OWASP's list),
  NUL (0x00, from OWASP ASVS 1.2.10) and the full-width ``＝`` ``＋`` ``－`` ``＠`` (some
  spreadsheets read them as their ASCII twins);
- whitespace followed by a trigger (spreadsheets may trim leading spaces before evaluating);
- an apostrophe, so that the rule can be undone exactly.

A cell that is a plain decimal number (``-10``, ``-0.5``: an optional minus, ASCII digits, an
optional fraction) is left as is: a spreadsheet reads it as that number, not as a formula
(``-10+20`` is a formula and is neutralised). Only text columns are touched; numbers, dates and
booleans are never prefixed. Reading back: drop one leading ``'`` from every text cell that
starts with one (``restore``); that gives the original text exactly. See docs/security.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

PREFIX = "'"
TRIGGERS = frozenset("=+-@\t\r\0＝＋－＠")
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def needs_neutralising(cell: str) -> bool:
    if not cell:
        return False
    first = cell[0]
    if first == PREFIX:
        return True
    if first in TRIGGERS:
        return _PLAIN_NUMBER.fullmatch(cell) is None
    return first.isspace() and cell.lstrip()[:1] in TRIGGERS


def neutralise(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text (see the module docstring)."""
    return PREFIX + cell if needs_neutralising(cell) else cell


def restore(cell: str) -> str:
    """The original text of a neutralised cell: ``restore(neutralise(x)) == x``."""
    return cell[1:] if cell.startswith(PREFIX) else cell


def is_text(type_: pa.DataType) -> bool:
    return pa.types.is_string(type_) or pa.types.is_large_string(type_)


def _map_text_columns(table: pa.Table, change: Any, names: Iterable[str] | None) -> pa.Table:
    wanted = set(table.column_names if names is None else names)
    for index, column in enumerate(table.schema):
        if column.name not in wanted or not is_text(column.type):
            continue
        values = [None if v is None else change(v) for v in table.column(index).to_pylist()]
        table = table.set_column(index, column, pa.array(values, column.type))
    return table


def neutralise_table(table: pa.Table) -> pa.Table:
    """``table`` with every cell of its text columns neutralised."""
    return _map_text_columns(table, neutralise, None)


def restore_table(table: pa.Table, names: Iterable[str] | None = None) -> pa.Table:
    """``table`` with the text columns ``names`` (default: all) read back to their original."""
    return _map_text_columns(table, restore, names)


def neutralise_value(value: Any) -> Any:
    """A query result value for CSV: text neutralised, anything else (numbers...) unchanged."""
    return neutralise(value) if isinstance(value, str) else value
