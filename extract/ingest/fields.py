"""Mapping input records (JSON objects, CSV rows) to Articles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extract.errors import Errors
from extract.types import Article


@dataclass(frozen=True)
class FieldMap:
    """Which record field holds each article attribute. The first name present wins."""

    id: tuple[str, ...] = ("id", "doc_id", "article_id", "guid", "uid")
    text: tuple[str, ...] = ("text", "body", "content", "article", "story")
    published: tuple[str, ...] = (
        "published",
        "published_at",
        "publication_date",
        "pub_date",
        "date",
        "datetime",
        "dct",
        "dateline_date",
    )
    title: tuple[str, ...] = ("title", "headline")
    source: tuple[str, ...] = ("source", "publisher", "outlet")
    url: tuple[str, ...] = ("url", "link")
    country: tuple[str, ...] = ("country", "home_country")
    language: tuple[str, ...] = ("language", "lang")

    @classmethod
    def with_overrides(
        cls,
        *,
        id_field: str | None = None,
        text_field: str | None = None,
        date_field: str | None = None,
    ) -> FieldMap:
        base = cls()
        return cls(
            id=(id_field,) if id_field else base.id,
            text=(text_field,) if text_field else base.text,
            published=(date_field,) if date_field else base.published,
        )


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> tuple[str | None, Any]:
    for name in names:
        if name in record and record[name] is not None and record[name] != "":
            return name, record[name]
    return None, None


def _optional_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float, bool)):
        return str(value)
    return None


def _exact_text(value: Any) -> str | None:
    """Metadata text kept as written (a title "\t=1+1" keeps its tab); blank is none."""
    if isinstance(value, str):
        return value if value.strip() else None
    return _optional_text(value)


def article_from_record(
    record: Mapping[str, Any], fields: FieldMap, *, origin: str, fallback_id: str
) -> Article:
    """An Article, or an error Article naming what is wrong with ``record``."""
    id_name, raw_id = _first(record, fields.id)
    doc_id = _optional_text(raw_id) if raw_id is not None else None
    text_name, text = _first(record, fields.text)

    def error(message: str) -> Article:
        return Article(doc_id=doc_id or fallback_id, text="", origin=origin, error=message)

    if doc_id is None:
        if raw_id is not None:
            return error(Errors.E008.format(field=id_name, type_name=type(raw_id).__name__))
        return error(Errors.E005.format(field=fields.id[0]))
    if text is None:
        return error(Errors.E005.format(field=fields.text[0]))
    if not isinstance(text, str):
        return error(Errors.E008.format(field=text_name, type_name=type(text).__name__))
    if not text.strip():
        return error(Errors.E001)
    _, published = _first(record, fields.published)
    _, title = _first(record, fields.title)
    _, source = _first(record, fields.source)
    _, url = _first(record, fields.url)
    _, country = _first(record, fields.country)
    _, language = _first(record, fields.language)
    return Article(
        doc_id=doc_id,
        text=text,
        title=_exact_text(title),
        published=_optional_text(published),
        source=_exact_text(source),
        url=_optional_text(url),
        country=_optional_text(country),
        language=_optional_text(language),
        origin=origin,
    )
