"""Shared value types: articles in, mention rows out."""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike
from typing import Any

StrPath = str | PathLike[str]
Row = dict[str, Any]


@dataclass(frozen=True)
class Article:
    """One input record. ``error`` is set when the record could not be read; it still becomes a
    row in ``documents`` so that nothing is lost."""

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    country: str | None = None
    author: str | None = None
    # "page" when ``published`` was read from the page itself (HTML), else from metadata.
    published_source: str | None = None
    # Where the text came from in a page (extract.ingest.html.Extractor); None for plain text.
    extractor: str | None = None
    crawled: str | None = None  # when a web archive fetched the page (ISO 8601)
    encoding: str | None = None  # what the text's bytes were decoded with (utf-8, cp1252...)
    origin: str = ""
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    language: str | None = (
        None  # declared by the input record (JSONL/CSV field); wins over detection
    )
    # The first article with the same normalised body (extract/ingest/duplicates.py), or None.
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # exact or near (extract.ingest.duplicates.DuplicateKind)


@dataclass(frozen=True)
class ArticleMetadata:
    """What the input and the run's options say about one article, parsed once before the
    pipeline runs (``extract.metadata.article_metadata``) and stored as ``doc._.metadata``.
    Components read it and never change it (it is frozen): a value the pipeline infers is the
    declared output of its own component (``doc._.reference_date``, ``doc._.home_country``).
    """

    published: str | None = None  # the normalised published value (ISO 8601), or None
    reference_date: str | None = None  # ISO date relative dates resolve against, or None
    reference_date_source: str = "none"  # metadata | page | option | none
    home_country: str | None = None  # ISO 3166 alpha-3, or None
    home_country_source: str = "none"  # metadata | option | none
