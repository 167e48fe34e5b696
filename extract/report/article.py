"""One article as HTML: its text with every mention highlighted by type, the normalised value of
each mention as a tooltip, and the article's facts beside it.

``render_article`` gives a whole page (``extract show --html``), ``article_html`` the block the
run report repeats per article, and ``ArticleView`` shows one article in a notebook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from extract.report.html import esc, fragment, legend, page, table
from extract.report.values import FACT_HEADERS, fact_cells, mention_value
from extract.tables.schema import MENTION_TABLES
from extract.types import Row

if TYPE_CHECKING:
    from spacy.tokens import Doc

ArticleRows = Mapping[str, Sequence[Row]]


@dataclass(frozen=True)
class Highlight:
    """One mention to mark in the text: ``text[start:end]``, its table and its tooltip."""

    start: int
    end: int
    table: str
    tip: str


def highlights(rows: ArticleRows, text_length: int) -> list[Highlight]:
    """The mentions of every mention table that lie inside the text, outermost first where
    several start at the same character."""
    found = []
    for order, name in enumerate(MENTION_TABLES):
        for row in rows.get(name, ()):
            start, end = row.get("start_char"), row.get("end_char")
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= text_length:
                found.append(
                    (start, -end, order, Highlight(start, end, name, mention_value(name, row)))
                )
    return [item[-1] for item in sorted(found, key=lambda item: item[:3])]


def _open(mark: Highlight, continued: bool) -> str:
    extra = " cont" if continued else ""
    return f'<span class="m t-{mark.table}{extra}" title="{esc(mark.tip)}">'


def highlight_text(text: str, marks: Iterable[Highlight]) -> str:
    """``text`` escaped, with a ``<span class="m t-<table>">`` around each mark (from
    ``highlights``: sorted by start, outermost first). Nested marks nest; a mark that crosses
    the end of an enclosing one is closed there and continued in a span with class ``cont``,
    so each mark has exactly one span without ``cont``."""
    pending = list(marks)
    cuts = sorted({0, len(text), *(m.start for m in pending), *(m.end for m in pending)})
    out: list[str] = []
    stack: list[Highlight] = []
    next_mark = 0
    for position, following in zip(cuts, [*cuts[1:], len(text)], strict=True):
        if any(mark.end == position for mark in stack):
            reopen = []
            while any(mark.end == position for mark in stack):
                mark = stack.pop()
                out.append("</span>")
                if mark.end != position:
                    reopen.append(mark)
            for mark in reversed(reopen):
                stack.append(mark)
                out.append(_open(mark, continued=True))
        while next_mark < len(pending) and pending[next_mark].start == position:
            mark = pending[next_mark]
            stack.append(mark)
            out.append(_open(mark, continued=False))
            next_mark += 1
        out.append(esc(text[position:following]))
    out.extend("</span>" for _ in stack)
    return "".join(out)


def _status_line(document: Row | None) -> str:
    if not document:
        return ""
    bits = [
        f"status {document.get('status')}",
        f"published {document.get('published') or 'unknown'}",
        f"reference date {document.get('reference_date')} ({document.get('reference_date_source')})",
        f"home country {document.get('home_country') or 'none'}",
    ]
    if document.get("source"):
        bits.insert(0, f"source {document['source']}")
    line = f'<p class="meta">{esc(" · ".join(bits))}</p>'
    if document.get("error"):
        css = "err" if document.get("status") == "error" else "warn"
        line += f'<p class="{css}">{esc(document["error"])}</p>'
    return line


def article_html(
    text: str | None,
    rows: ArticleRows,
    *,
    document: Row | None = None,
    doc_id: str | None = None,
    anchor: str | None = None,
) -> str:
    """The ``<article>`` block of one article: heading, metadata, highlighted text and facts."""
    doc_id = doc_id or (document or {}).get("doc_id") or ""
    title = (document or {}).get("title")
    heading = f"<h3>{esc(title or doc_id)}</h3>"
    meta = f'<p class="meta">id {esc(doc_id)}</p>' if title else ""
    if text is None:
        body = '<p class="none">The text is not available: the run has no texts table and no inputs were given.</p>'
    else:
        body = highlight_text(text, highlights(rows, len(text)))
    facts = rows.get("facts", ())
    side = (
        f"<h3>facts ({len(facts)})</h3>"
        + table(FACT_HEADERS, (fact_cells(row, text) for row in facts))
        if facts
        else '<p class="none">no facts</p>'
    )
    counts = " · ".join(f"{name} {len(rows.get(name, ()))}" for name in MENTION_TABLES)
    id_attr = f' id="{esc(anchor)}"' if anchor else ""
    return (
        f"<article{id_attr}>{heading}{meta}{_status_line(document)}"
        f'<p class="meta">{esc(counts)}</p>'
        f'<div class="cols"><div class="tx">{body}</div><aside>{side}</aside></div></article>'
    )


def render_article(text: str | None, rows: ArticleRows, *, document: Row | None = None) -> str:
    """One article as a whole self-contained HTML page."""
    doc_id = (document or {}).get("doc_id") or ""
    title = (document or {}).get("title") or doc_id or "article"
    return page(f"{title} — news-extract", legend() + article_html(text, rows, document=document))


@dataclass
class ArticleView:
    """One processed article that displays itself in Jupyter (highlights, tooltips, facts)."""

    text: str | None
    rows: dict[str, list[Row]] = field(default_factory=dict)
    document: Row | None = None

    @classmethod
    def from_doc(cls, doc: Doc) -> ArticleView:
        """From a Doc that went through the pipeline (``nlp(text)``)."""
        from extract.tables.build import rows_from_doc

        rows = rows_from_doc(doc)
        return cls(doc.text, {name: list(table_rows) for name, table_rows in rows.items()})

    @classmethod
    def from_rows(
        cls, text: str | None, tables: Mapping[str, Iterable[Row]], doc_id: str
    ) -> ArticleView:
        """From a run's rows (any tables mapping name -> rows), keeping those of ``doc_id``."""
        rows = {
            name: [row for row in tables.get(name, ()) if row.get("doc_id") == doc_id]
            for name in (*MENTION_TABLES, "facts", "documents")
        }
        documents = rows.pop("documents")
        return cls(text, rows, documents[0] if documents else None)

    def html(self) -> str:
        return fragment(legend() + article_html(self.text, self.rows, document=self.document))

    def _repr_html_(self) -> str:
        return self.html()

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{name}={len(self.rows.get(name, ()))}" for name in (*MENTION_TABLES, "facts")
        )
        doc_id = (self.document or {}).get("doc_id", "")
        return f"ArticleView({doc_id!r}, {counts})"
