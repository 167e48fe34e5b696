"""A whole run as one self-contained HTML report: run figures, overview plots, the problem rows
and the first articles with their highlights and facts.

``render_report(tables, ...)`` takes the tables of a run in memory (Arrow tables, DataFrames or
row lists); ``read_run(out_dir)`` reads them from a run folder. A report shows at most
``max_articles`` articles (the first in input order) so it stays small enough to mail; every
error, skipped and warning row is listed whatever that limit (docs/report.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from extract.errors import plural
from extract.ingest import read_articles
from extract.report.article import article_html
from extract.report.html import esc, legend, page, table
from extract.report.overview import (
    as_arrow,
    column,
    country_totals,
    counts_by_unit,
    money_by_currency,
    ranked_sums,
    status_counts,
    timeline,
    top_people,
)
from extract.report.plots import Bar, bar_chart, column_chart, figure
from extract.report.values import exact_amount
from extract.run import RunError, read_manifest
from extract.settings import SettingsError
from extract.storage import AnyPath, StorageError, as_path
from extract.tables.schema import MENTION_TABLES

DEFAULT_MAX_ARTICLES = 200  # 1.3 MB of HTML for 200 BBC News articles (docs/report.md)
SHOWN_STATUSES = ("ok", "warning")
ARTICLE_TABLES = (*MENTION_TABLES, "facts")


@dataclass(frozen=True)
class RunTables:
    """The tables of a run as Arrow, and its manifest when there is one."""

    tables: dict[str, pa.Table]
    manifest: dict[str, Any] | None = None

    def get(self, name: str) -> pa.Table:
        return self.tables[name] if name in self.tables else as_arrow(name, None)


def _arrow_tables(tables: Mapping[str, Any] | Any) -> dict[str, pa.Table]:
    if hasattr(tables, "to_arrow"):  # extract.Tables: its DataFrames with the declared schemas
        return {name: as_arrow(name, table) for name, table in tables.to_arrow().items()}
    names = list(tables.keys()) if hasattr(tables, "keys") else list(tables)
    return {name: as_arrow(name, tables[name]) for name in names}


def sample_doc_ids(documents: pa.Table, max_articles: int) -> list[str]:
    """The first ``max_articles`` processed articles (status ok or warning), in input order."""
    ids = []
    for doc_id, status in zip(
        column(documents, "doc_id"), column(documents, "status"), strict=True
    ):
        if status in SHOWN_STATUSES:
            ids.append(str(doc_id))
            if len(ids) >= max_articles:
                break
    return ids


def rows_for(data: RunTables, doc_ids: list[str]) -> dict[str, dict[str, list[dict]]]:
    """doc_id -> table -> rows, for the articles shown (only these rows leave Arrow)."""
    wanted = pa.array(doc_ids, pa.string())
    grouped: dict[str, dict[str, list[dict]]] = {doc_id: {} for doc_id in doc_ids}
    for name in ARTICLE_TABLES:
        part = data.get(name)
        if part.num_rows == 0 or "doc_id" not in part.column_names:
            continue
        for row in part.filter(pc.is_in(part["doc_id"], wanted)).to_pylist():
            grouped[str(row["doc_id"])].setdefault(name, []).append(row)
    return grouped


def texts_for(
    data: RunTables, doc_ids: list[str], texts: Mapping[str, str] | None
) -> dict[str, str]:
    """Article texts: the given mapping, else the run's ``texts`` table."""
    if texts is not None:
        return {doc_id: texts[doc_id] for doc_id in doc_ids if doc_id in texts}
    part = data.get("texts")
    if part.num_rows == 0:
        return {}
    kept = part.filter(pc.is_in(part["doc_id"], pa.array(doc_ids, pa.string())))
    return dict(zip(column(kept, "doc_id"), column(kept, "text"), strict=True))


def render_report(
    tables: Mapping[str, Any] | Any,
    *,
    manifest: Mapping[str, Any] | None = None,
    texts: Mapping[str, str] | None = None,
    max_articles: int = DEFAULT_MAX_ARTICLES,
    title: str = "news-extract run report",
) -> str:
    """The report of a run as one self-contained HTML page (no script, nothing fetched).

    ``tables`` maps table names to Arrow tables, DataFrames or row lists (a missing table is
    empty). Texts come from ``texts`` (doc_id -> text) or else the run's ``texts`` table."""
    data = RunTables(_arrow_tables(tables), dict(manifest) if manifest else None)
    documents = data.get("documents")
    shown = sample_doc_ids(documents, max_articles)
    body = [
        f"<h1>{esc(title)}</h1>",
        run_figures(data),
        overview_plots(data),
        problems_section(documents),
        articles_section(data, shown, texts),
    ]
    return page(title, "".join(body))


def _figure_box(label: str, value: Any) -> str:
    return f"<div><b>{esc(value)}</b>{esc(label)}</div>"


def run_figures(data: RunTables) -> str:
    """Articles, statuses, rows and (from the manifest) time and versions."""
    documents = data.get("documents")
    statuses = status_counts(documents)
    manifest = data.manifest or {}
    boxes = [_figure_box("articles", documents.num_rows)]
    boxes += [_figure_box(status, n) for status, n in sorted(statuses.items())]
    if "seconds" in manifest:
        boxes.append(_figure_box("seconds", manifest["seconds"]))
    if "words" in manifest:
        boxes.append(_figure_box("words", manifest["words"]))
    rows = {name: table.num_rows for name, table in data.tables.items() if name != "texts"}
    html = f'<h2>Run</h2><div class="figures">{"".join(boxes)}</div>'
    html += f'<p class="meta">rows: {esc(", ".join(f"{k} {v}" for k, v in rows.items()))}</p>'
    return html + _versions(manifest)


def _versions(manifest: Mapping[str, Any]) -> str:
    if not manifest:
        return '<p class="none">no manifest</p>'
    pipeline = manifest.get("pipeline") or {}
    facts = [
        ("status", manifest.get("status")),
        ("news-extract", manifest.get("extract_version")),
        ("model", f"{pipeline.get('model', '')} {pipeline.get('model_version', '')}".strip()),
        ("engine", (manifest.get("engine") or {}).get("engine")),
        ("inputs", len(manifest.get("inputs") or [])),
        (
            "problem codes",
            ", ".join(f"{k} {v}" for k, v in (manifest.get("problem_codes") or {}).items()),
        ),
    ]
    facts += [
        (name, version)
        for name, version in (manifest.get("packages") or {}).items()
        if name != "news-extract"  # already the second row
    ]
    return table(("", "value"), [(k, v) for k, v in facts if v not in (None, "")])


def overview_plots(data: RunTables) -> str:
    when = timeline(data.get("documents"), data.get("facts"))
    note = (
        f"{plural(when.undated_articles, 'processed article')} without a publication date"
        if when.undated_articles
        else ""
    )
    plots = [
        figure(
            f"Articles and facts per {when.grain} of publication",
            column_chart(when.periods, [("articles", when.articles), ("facts", when.facts)]),
            note,
        ),
        figure(
            "Top persons (mentions)",
            bar_chart(
                [
                    Bar(
                        p.label,
                        p.mentions,
                        f"{p.label} ({p.key}): {p.mentions} mentions in {p.detail}",
                    )
                    for p in top_people(data.get("people"))
                ]
            ),
        ),
    ]
    return (
        "<h2>Overview</h2>"
        + f'<div class="plots">{"".join(plots)}</div>'
        + countries_section(data)
        + quantities_section(data)
    )


def countries_section(data: RunTables) -> str:
    from extract.report.worldmap import render_world_map

    totals, names = country_totals(data.get("countries"))
    ranked = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:15]
    bars = [
        Bar(
            f"{names.get(iso3, iso3)} ({iso3})",
            n,
            f"{names.get(iso3, iso3)} ({iso3}): {n} mentions",
        )
        for iso3, n in ranked
    ]
    return (
        "<h2>Countries</h2>"
        + figure("Country mentions", render_world_map(totals, names))
        + figure("Top countries (mentions)", bar_chart(bars))
    )


def quantities_section(data: RunTables) -> str:
    money = ranked_sums(money_by_currency(data.get("money")))
    counts = ranked_sums(counts_by_unit(data.get("counts")))
    money_rows = [(cur, n, exact_amount(total), missing) for cur, n, total, missing in money]
    count_rows = [(unit, n, exact_amount(total), missing) for unit, n, total, missing in counts]
    return (
        '<h2>Money and counts</h2><div class="plots">'
        + figure("Money mentions by currency", bar_chart([Bar(c, n) for c, n, _, _ in money]))
        + figure(
            "Exact totals by currency",
            table(
                ("currency", "mentions", "total amount", "without amount"),
                money_rows,
                numeric=(1, 2, 3),
            ),
        )
        + figure("Counts by counted object", bar_chart([Bar(u, n) for u, n, _, _ in counts]))
        + figure(
            "Totals by counted object",
            table(
                ("object", "mentions", "sum of values", "without value"),
                count_rows,
                numeric=(1, 2, 3),
            ),
        )
        + "</div>"
    )


def problems_section(documents: pa.Table) -> str:
    """Every document row that is not ok: errors, skipped articles and warnings, coded."""
    keep = pc.invert(pc.equal(documents["status"], "ok")) if documents.num_rows else None
    rows = documents.filter(keep).to_pylist() if keep is not None else []
    if not rows:
        return '<h2>Errors, skipped and warnings</h2><p class="none">none: every article was processed cleanly</p>'
    cells = [(r.get("doc_id"), r.get("status"), r.get("error"), r.get("origin")) for r in rows]
    return f"<h2>Errors, skipped and warnings ({len(rows)})</h2>" + table(
        ("doc_id", "status", "message", "origin"), cells
    )


def articles_section(data: RunTables, shown: list[str], texts: Mapping[str, str] | None) -> str:
    documents = data.get("documents")
    processed = sum(1 for s in column(documents, "status") if s in SHOWN_STATUSES)
    rows = rows_for(data, shown)
    found_texts = texts_for(data, shown, texts)
    document_rows: dict[str, dict] = {}
    for row in documents.filter(
        pc.is_in(documents["doc_id"], pa.array(shown, pa.string()))
    ).to_pylist():
        if row.get("status") in SHOWN_STATUSES:
            document_rows.setdefault(str(row["doc_id"]), row)
    toc = "".join(
        f'<li><a href="#a{index}">{esc(document_rows.get(doc_id, {}).get("title") or doc_id)}</a></li>'
        for index, doc_id in enumerate(shown)
    )
    note = f"{len(shown)} of {processed} processed articles (the first in input order)"
    blocks = [
        article_html(
            found_texts.get(doc_id),
            rows[doc_id],
            document=document_rows.get(doc_id),
            doc_id=doc_id,
            anchor=f"a{index}",
        )
        for index, doc_id in enumerate(shown)
    ]
    return f'<h2>Articles</h2><p class="meta">{esc(note)}</p>{legend()}<ol class="toc">{toc}</ol>{"".join(blocks)}'


class ReportError(ValueError):
    """The report cannot be made (no run in the folder, unreadable tables)."""


def read_run(out_dir: str | AnyPath) -> RunTables:
    """The tables and manifest of the run in ``out_dir`` (a folder or an fsspec URL; any output
    format), read with ``extract.read_arrow_tables``."""
    from extract.api import read_arrow_tables

    try:
        tables = read_arrow_tables(str(out_dir))
        manifest = read_manifest(as_path(str(out_dir)))
    except (OSError, StorageError, RunError, SettingsError, pa.ArrowException) as error:
        raise ReportError(str(error)) from error
    return RunTables(tables, manifest)


def texts_from_inputs(
    inputs: list[str | AnyPath], doc_ids: set[str] | None = None
) -> dict[str, str]:
    """doc_id -> text read again from a run's inputs, for runs without a ``texts`` table. A
    duplicated id keeps its first text, as the run did."""
    texts: dict[str, str] = {}
    for article in read_articles(inputs):
        if article.error is None and (doc_ids is None or article.doc_id in doc_ids):
            texts.setdefault(article.doc_id, article.text)
    return texts
