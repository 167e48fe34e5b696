"""Offline HTML views of extracted facts: one article (``render_article``, ``ArticleView`` for
notebooks) and a whole run (``render_report``). Pages are self-contained: no script, no network.
See docs/report.md."""

from __future__ import annotations

from extract.report.article import (
    ArticleView,
    article_html,
    highlight_text,
    highlights,
    render_article,
)

__all__ = ["ArticleView", "article_html", "highlight_text", "highlights", "render_article"]
