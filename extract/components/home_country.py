"""news_home_country: the article's home country, from its metadata or else the country its
named mentions (``doc._.countries``, self-references left out) name most, a tie going to the
one named first. Assigns ``doc._.home_country`` and ``doc._.home_country_source``; money reads
them to resolve a bare "$" or "dollars"."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._rules import enabled_rules
from extract.extensions import doc_metadata, mentions
from extract.normalize.countries import dominant_country
from extract.types import ArticleMetadata

# "dominant": infer the home country from the mentions when the metadata gives none.
HOME_COUNTRY_RULES = ("dominant",)


def home_country(
    metadata: ArticleMetadata, named: Iterable[tuple[str, int]], *, dominant: bool = True
) -> tuple[str | None, str]:
    """The home country (alpha-3 or None) and its source: the metadata's when it gives one,
    else (with ``dominant``) the one most ``(iso3, start_char)`` mentions name, else none."""
    if metadata.home_country:
        return metadata.home_country, metadata.home_country_source
    iso3 = dominant_country(named) if dominant else None
    return (iso3, "dominant") if iso3 is not None else (None, "none")


def named_countries(rows: Iterable[dict]) -> list[tuple[str, int]]:
    """``(iso3, start_char)`` of the country rows that name a country (not "the country")."""
    return [
        (row["iso3"], row["start_char"]) for row in rows if row["mention_type"] != "self_reference"
    ]


class HomeCountry:
    def __init__(self, nlp: Language, name: str, *, disabled_rules: Iterable[str] = ()) -> None:
        self.name = name
        self.rules = enabled_rules(name, HOME_COUNTRY_RULES, disabled_rules)

    def __call__(self, doc: Doc) -> Doc:
        named = named_countries(mentions(doc, "countries"))
        found = home_country(doc_metadata(doc), named, dominant="dominant" in self.rules)
        doc._.home_country, doc._.home_country_source = found
        return doc


@Language.factory(
    "news_home_country",
    assigns=["doc._.home_country", "doc._.home_country_source"],
    requires=["doc._.countries"],
    default_config={"disabled_rules": []},
)
def make_home_country(nlp: Language, name: str, disabled_rules: list[str]) -> HomeCountry:
    return HomeCountry(nlp, name, disabled_rules=disabled_rules)
