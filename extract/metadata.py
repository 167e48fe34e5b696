"""An article's metadata, parsed once into ``ArticleMetadata`` before the pipeline runs."""

from __future__ import annotations

import datetime as dt

from extract.errors import Warnings
from extract.normalize.countries import lookup_country
from extract.normalize.published import parse_published
from extract.types import Article, ArticleMetadata


def article_metadata(
    article: Article,
    *,
    reference_date: dt.date | None = None,
    home_country: str | None = None,
) -> tuple[ArticleMetadata, str | None]:
    """The article's metadata and a warning when its published value could not be used.
    ``reference_date`` and ``home_country`` (ISO alpha-3) are the run's options: they apply
    when the article gives none. Pure."""
    published = parse_published(article.published) if article.published else None
    reference, reference_source = None, "none"
    if published is not None:
        reference = published.date.isoformat()
        reference_source = article.published_source or "metadata"
    elif reference_date is not None:
        reference, reference_source = reference_date.isoformat(), "option"
    warning = None
    if article.published and published is None:
        fallback = "--reference-date" if reference_date else "the text"
        warning = Warnings.W001.format(value=article.published, fallback=fallback)
    home = lookup_country(article.country) if article.country else None
    country, country_source = None, "none"
    if home is not None:
        country, country_source = home.iso3, "metadata"
    elif home_country:
        country, country_source = home_country, "option"
    metadata = ArticleMetadata(
        published=published.iso if published is not None else None,
        reference_date=reference,
        reference_date_source=reference_source,
        home_country=country,
        home_country_source=country_source,
    )
    return metadata, warning
