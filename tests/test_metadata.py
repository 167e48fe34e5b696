"""An article's metadata, parsed once (extract.metadata.article_metadata): exact values."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from extract.metadata import article_metadata
from extract.types import Article, ArticleMetadata

OPTION_DATE = dt.date(2021, 5, 3)


@pytest.mark.parametrize(
    "fields,options,expected,warning",
    [
        (
            {"published": "2020-10-22T08:00:00+08:00", "country": "Singapore"},
            {},
            ArticleMetadata(
                "2020-10-22T08:00:00+08:00", "2020-10-22", "metadata", "SGP", "metadata"
            ),
            None,
        ),
        (
            {"published": "Thu, 22 Oct 2020 08:00:00 GMT", "published_source": "page"},
            {"reference_date": OPTION_DATE, "home_country": "FRA"},
            ArticleMetadata("2020-10-22T08:00:00", "2020-10-22", "page", "FRA", "option"),
            None,
        ),
        (
            {"published": "sometime", "country": "Atlantis"},
            {"reference_date": OPTION_DATE},
            ArticleMetadata(None, "2021-05-03", "option", None, "none"),
            "W001: unparseable published date 'sometime'; reference date taken from "
            "--reference-date",
        ),
        (
            {"published": "sometime"},
            {},
            ArticleMetadata(),
            "W001: unparseable published date 'sometime'; reference date taken from the text",
        ),
        ({}, {}, ArticleMetadata(None, None, "none", None, "none"), None),
    ],
)
def test_metadata_article_metadata(
    fields: dict, options: dict, expected: ArticleMetadata, warning: str | None
) -> None:
    assert article_metadata(Article("d", "Text.", **fields), **options) == (expected, warning)


@pytest.mark.parametrize("field", ["reference_date", "home_country"])
def test_metadata_is_read_only(field: str) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(ArticleMetadata(), field, "x")
