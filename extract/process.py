"""Articles → table rows: the streaming core that the CLI and the engines call."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extract.errors import Errors, Warnings
from extract.normalize.countries import lookup_country
from extract.normalize.published import parse_published
from extract.settings import RunSettings
from extract.tables.build import TableRows, documents_row, rows_from_doc
from extract.types import Article


@dataclass(frozen=True)
class ArticleResult:
    """Everything one input record contributes to the tables."""

    article: Article
    tables: TableRows

    @property
    def document(self) -> dict:
        return self.tables["documents"][0]


def prepare_doc(nlp: Language, article: Article, settings: RunSettings) -> tuple[Doc, str | None, str | None]:
    """A tokenised Doc with the article's metadata set, its normalised published value and a
    warning when the published value could not be used."""
    doc = nlp.make_doc(article.text)
    doc._.doc_id = article.doc_id
    warning = None
    published_iso = None
    published = parse_published(article.published) if article.published else None
    if published is not None:
        published_iso = published.iso
        doc._.reference_date = published.date.isoformat()
        doc._.reference_date_source = "metadata"
    elif settings.reference_date is not None:
        doc._.reference_date = settings.reference_date.isoformat()
        doc._.reference_date_source = "option"
    if article.published and published is None:
        fallback = "--reference-date" if settings.reference_date else "the text"
        warning = Warnings.W001.format(value=article.published, fallback=fallback)
    home = lookup_country(article.country) if article.country else None
    if home is not None:
        doc._.home_country, doc._.home_country_source = home.iso3, "metadata"
    elif settings.home_country:
        doc._.home_country, doc._.home_country_source = settings.home_country, "option"
    return doc, published_iso, warning


def error_result(article: Article, message: str) -> ArticleResult:
    return ArticleResult(article, {"documents": [documents_row(article, status="error", error=message)]})


def process_articles(
    articles: Iterable[Article], nlp: Language, settings: RunSettings
) -> Iterator[ArticleResult]:
    """One result per article, in input order, streaming in batches of ``settings.batch_size``."""
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= settings.batch_size:
            yield from _process_batch(batch, nlp, settings)
            batch = []
    if batch:
        yield from _process_batch(batch, nlp, settings)


def _process_batch(
    batch: list[Article], nlp: Language, settings: RunSettings
) -> Iterator[ArticleResult]:
    prepared: dict[int, tuple[Doc, str | None, str | None]] = {}
    failures: dict[int, str] = {}
    for index, article in enumerate(batch):
        if article.error:
            failures[index] = article.error
        elif len(article.text) > settings.max_chars:
            failures[index] = Errors.E007.format(n_chars=len(article.text), limit=settings.max_chars)
        else:
            try:
                prepared[index] = prepare_doc(nlp, article, settings)
            except Exception as error:  # noqa: BLE001 - a tokenizer failure is this article's only
                failures[index] = Errors.E009.format(where="tokenizer", detail=error)
    docs = iter(nlp.pipe(doc for doc, _, _ in prepared.values()))
    processed = {index: next(docs) for index in prepared}
    for index, article in enumerate(batch):
        if index in failures:
            yield error_result(article, failures[index])
            continue
        doc = processed[index]
        _, published_iso, warning = prepared[index]
        issues = [*(doc._.issues or []), *([warning] if warning else [])]
        if any(issue.startswith("E") for issue in issues):
            row = documents_row(article, status="error", error="; ".join(issues), published=published_iso, doc=doc)
            yield ArticleResult(article, {"documents": [row]})
            continue
        status = "warning" if issues else "ok"
        tables = rows_from_doc(doc)
        tables["documents"] = [
            documents_row(article, status=status, error="; ".join(issues) or None, published=published_iso, doc=doc)
        ]
        yield ArticleResult(article, tables)
