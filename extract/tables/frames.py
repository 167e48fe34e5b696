"""``Tables``: the tables of one extraction as pandas DataFrames, typed as the schema declares.

Every column's dtype is ``pd.ArrowDtype`` of its declared Arrow type (``string[pyarrow]``,
``int64[pyarrow]``, ``date32[day][pyarrow]``, ``decimal128(...)[pyarrow]``,
``list<item: string>[pyarrow]``...): nullable integers stay integers, dates stay dates, decimals
stay exact, and ``pa.Table.from_pandas(frame)`` gives back the declared schema.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from typing import Any

import pandas as pd
import pyarrow as pa

from extract.errors import plural
from extract.tables.schema import TABLES

HTML_HEAD_ROWS = 5
HTML_CELL_CHARS = 80  # longer cell text is cut in the notebook view (the frame keeps it whole)


def to_frame(table: pa.Table) -> pd.DataFrame:
    """An Arrow table as a DataFrame with one ``pd.ArrowDtype`` per declared column type."""
    return table.to_pandas(types_mapper=pd.ArrowDtype)


class Tables(Mapping[str, pd.DataFrame]):
    """One DataFrame per table, in schema order: ``tables.persons``, ``tables["dates"]``,
    ``for name in tables``, ``tables.rows`` (row count per table). Tables a run left out
    (``texts`` with --no-texts) are absent."""

    def __init__(self, frames: Mapping[str, pd.DataFrame]) -> None:
        unknown = set(frames) - set(TABLES)
        if unknown:
            raise KeyError(f"not tables of the schema: {', '.join(sorted(unknown))}")
        self._frames = {name: frames[name] for name in TABLES if name in frames}

    @classmethod
    def from_arrow(cls, tables: Mapping[str, pa.Table]) -> Tables:
        return cls({name: to_frame(table) for name, table in tables.items()})

    def __getitem__(self, name: str) -> pd.DataFrame:
        try:
            return self._frames[name]
        except KeyError:
            known = ", ".join(self._frames)
            raise KeyError(f"no table {name!r} here; the tables are: {known}") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._frames)

    def __len__(self) -> int:
        return len(self._frames)

    @property
    def rows(self) -> dict[str, int]:
        return {name: len(frame) for name, frame in self._frames.items()}

    def to_arrow(self) -> dict[str, pa.Table]:
        """The tables as Arrow tables with the declared schemas."""
        return {
            name: pa.Table.from_pandas(
                frame, schema=TABLES[name].arrow_schema(), preserve_index=False
            )
            for name, frame in self._frames.items()
        }

    @property
    def documents(self) -> pd.DataFrame:
        return self["documents"]

    @property
    def persons(self) -> pd.DataFrame:
        return self["persons"]

    @property
    def countries(self) -> pd.DataFrame:
        return self["countries"]

    @property
    def dates(self) -> pd.DataFrame:
        return self["dates"]

    @property
    def counts(self) -> pd.DataFrame:
        return self["counts"]

    @property
    def money(self) -> pd.DataFrame:
        return self["money"]

    @property
    def facts(self) -> pd.DataFrame:
        return self["facts"]

    @property
    def country_mentions(self) -> pd.DataFrame:
        return self["country_mentions"]

    @property
    def people(self) -> pd.DataFrame:
        return self["people"]

    @property
    def texts(self) -> pd.DataFrame:
        return self["texts"]

    def article(self, doc_id: str) -> Any:
        """One article as an ``extract.report.ArticleView`` (its text with highlighted mentions
        and facts; it displays itself in Jupyter). The text comes from the ``texts`` table."""
        from extract.report import ArticleView

        tables = self.to_arrow()
        rows = {name: table.to_pylist() for name, table in tables.items() if name != "texts"}
        texts = (
            [r["text"] for r in tables["texts"].to_pylist() if r["doc_id"] == doc_id]
            if "texts" in tables
            else []
        )
        return ArticleView.from_rows(texts[0] if texts else None, rows, doc_id)

    def __repr__(self) -> str:
        counts = ", ".join(f"{name} {plural(n, 'row')}" for name, n in self.rows.items())
        return f"<Tables: {counts}>"

    def _repr_html_(self) -> str:
        """Each table's first rows and its row count; every cell is escaped text."""
        parts = ['<div class="extract-tables">']
        for name, frame in self._frames.items():
            title = f"{name} ({plural(len(frame), 'row')})"
            parts.append(f"<details open><summary><b>{html.escape(title)}</b></summary>")
            parts.append(_html_table(frame.head(HTML_HEAD_ROWS)))
            parts.append("</details>")
        parts.append("</div>")
        return "\n".join(parts)


def _cell(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    if len(text) > HTML_CELL_CHARS:
        text = text[: HTML_CELL_CHARS - 1] + "…"
    return html.escape(text, quote=True)


def _html_table(frame: pd.DataFrame) -> str:
    header = "".join(f"<th>{html.escape(str(column))}</th>" for column in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(value)}</td>" for value in row) + "</tr>"
        for row in frame.astype(object).itertuples(index=False, name=None)
    )
    return f'<table class="dataframe"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'
