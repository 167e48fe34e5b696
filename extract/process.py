"""Articles → table rows: the streaming core that the CLI and the engines call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa
from spacy.language import Language
from spacy.tokens import Doc

from extract.errors import Errors, Warnings
from extract.extensions import add_issue, remember_text
from extract.ingest.language import ArticleLanguage, article_language
from extract.metadata import article_metadata
from extract.settings import RunSettings
from extract.tables.build import (
    RowError,
    TableRows,
    documents_row,
    rows_from_doc,
    table_row,
    to_arrow,
)
from extract.tables.schema import PER_DOCUMENT_TABLES, run_tables
from extract.types import Article


@dataclass(frozen=True)
class ArticleResult:
    """Everything one input record contributes to the tables."""

    article: Article
    tables: TableRows

    @property
    def document(self) -> dict:
        return self.tables["documents"][0]


def prepare_doc(
    nlp: Language, article: Article, settings: RunSettings
) -> tuple[Doc, str | None, str | None]:
    """A tokenised Doc with the article's metadata set (``doc._.metadata``), its normalised
    published value and a warning when the published value could not be used."""
    doc = nlp.make_doc(article.text)
    remember_text(doc, article.text)
    doc._.doc_id = article.doc_id
    metadata, warning = article_metadata(
        article, reference_date=settings.reference_date, home_country=settings.home_country
    )
    doc._.metadata = metadata
    return doc, metadata.published, warning


def error_result(
    article: Article, message: str, language: ArticleLanguage | None = None
) -> ArticleResult:
    return _documents_only(article, "error", message, language)


def _documents_only(
    article: Article, status: str, message: str, language: ArticleLanguage | None
) -> ArticleResult:
    row = documents_row(article, status=status, error=message, **_language_columns(language))
    return ArticleResult(article, {"documents": [row]})


def _language_columns(language: ArticleLanguage | None) -> dict[str, Any]:
    if language is None:
        return {}
    return {"language": language.code, "language_source": language.source}


def screen(article: Article, settings: RunSettings) -> ArticleResult | ArticleLanguage:
    """The result of an article that is not processed (an error or skipped row), or the
    language of one that is."""
    if article.error:
        return error_result(article, article.error)
    if len(article.text) > settings.max_chars:
        return error_result(
            article, Errors.E007.format(n_chars=len(article.text), limit=settings.max_chars)
        )
    language = article_language(article.text, article.language)
    allowed = settings.languages
    if allowed is not None and language.code is not None and language.code not in allowed:
        reason = Warnings.W006.format(language=language.code, allowed=",".join(allowed))
        reasons = "; ".join(r for r in (reason, language.warning) if r)
        return _documents_only(article, "skipped", reasons, language)
    if article.duplicate_of is not None and settings.skip_duplicates:
        if article.duplicate_kind == "near":
            threshold = settings.near_duplicates
            reason = Warnings.W021.format(first=article.duplicate_of, threshold=threshold)
        else:
            reason = Warnings.W020.format(first=article.duplicate_of)
        return _documents_only(article, "skipped", reason, language)
    return language


# A batch also ends at this many characters: the model's working memory grows with the tokens of
# a batch, so a run of long articles must not make a batch (and the peak memory) larger.
BATCH_CHARS = 50_000


def process_articles(
    articles: Iterable[Article],
    nlp: Language,
    settings: RunSettings,
    on_batch: Callable[[int], None] | None = None,
) -> Iterator[ArticleResult]:
    """One result per article, in input order, streaming in ``batches``; ``on_batch`` receives
    the number of articles of each batch once its results are all yielded."""
    for batch in batches(articles, settings.batch_size):
        yield from _process_batch(batch, nlp, settings)
        if on_batch is not None:
            on_batch(len(batch))


def batches(articles: Iterable[Article], batch_size: int) -> Iterator[list[Article]]:
    """Consecutive articles, ``batch_size`` at a time or fewer when they reach ``BATCH_CHARS``
    characters."""
    batch: list[Article] = []
    chars = 0
    for article in articles:
        batch.append(article)
        chars += len(article.text)
        if len(batch) >= batch_size or chars >= BATCH_CHARS:
            yield batch
            batch = []
            chars = 0
    if batch:
        yield batch


def _process_batch(
    batch: list[Article], nlp: Language, settings: RunSettings
) -> Iterator[ArticleResult]:
    prepared: dict[int, tuple[Doc, str | None, str | None]] = {}
    failures: dict[int, ArticleResult] = {}
    languages: dict[int, ArticleLanguage] = {}
    for index, article in enumerate(batch):
        screened = screen(article, settings)
        if isinstance(screened, ArticleResult):
            failures[index] = screened
            continue
        languages[index] = screened
        try:
            prepared[index] = prepare_doc(nlp, article, settings)
        except Exception as error:  # noqa: BLE001 - a tokenizer failure is this article's only
            message = Errors.E009.format(where="tokenizer", detail=error)
            failures[index] = error_result(article, message, screened)
    docs = iter(nlp.pipe(doc for doc, _, _ in prepared.values()))
    processed = {index: next(docs) for index in prepared}
    for index, article in enumerate(batch):
        if index in failures:
            yield failures[index]
            continue
        doc = processed[index]
        try:  # first: it may add an issue (a number beyond its column)
            tables = rows_from_doc(doc)
        except RowError as error:  # a component's bug: this article's error row
            tables = {}
            add_issue(doc, Errors.E009.format(where="tables", detail=error))
        _, published_iso, warning = prepared[index]
        language = languages[index]
        issues = [*(doc._.issues or []), *(w for w in (warning, language.warning) if w)]
        columns: dict[str, Any] = {
            "published": published_iso,
            "doc": doc,
            **_language_columns(language),
        }
        if any(issue.startswith("E") for issue in issues):
            row = documents_row(article, status="error", error="; ".join(issues), **columns)
            yield ArticleResult(article, {"documents": [row]})
            continue
        status = "warning" if issues else "ok"
        if settings.texts:
            tables["texts"] = [table_row("texts", {"doc_id": article.doc_id, "text": article.text})]
        tables["documents"] = [
            documents_row(article, status=status, error="; ".join(issues) or None, **columns)
        ]
        yield ArticleResult(article, tables)


@dataclass(frozen=True)
class Problem:
    """A record that became an error, warning or skipped row, for the run's stderr (skipped
    rows are only counted) and manifest."""

    status: str
    doc_id: str
    origin: str
    message: str


@dataclass
class ShardOutput:
    """The tables of one shard of articles: plain Arrow, cheap to pickle between processes."""

    tables: dict[str, pa.Table]
    articles: int = 0
    words: int = 0
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    pipeline: dict[str, object] = field(default_factory=dict)

    @property
    def rows(self) -> dict[str, int]:
        return {name: table.num_rows for name, table in self.tables.items()}


def pipeline_info(nlp: Language) -> dict[str, object]:
    return {
        "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
        "model_version": nlp.meta.get("version"),
        "spacy_version": nlp.meta.get("spacy_version"),
        "components": list(nlp.pipe_names),
    }


def process_shard(
    articles: list[Article],
    nlp: Language,
    settings: RunSettings,
    on_batch: Callable[[int], None] | None = None,
) -> ShardOutput:
    """Every per-document table for ``articles``, in input order (``on_batch``: see
    ``process_articles``).

    Strings the pipeline adds to the vocabulary live in a memory zone that ends with the shard,
    so a long run does not grow the StringStore (see ``_memory_zone``)."""
    started = time.perf_counter()
    # --max-chars is the user's limit; spaCy's own (1,000,000) must not silently override it.
    nlp.max_length = max(nlp.max_length, settings.max_chars)
    names = [name for name in PER_DOCUMENT_TABLES if name in run_tables(texts=settings.texts)]
    rows: dict[str, list[dict]] = {name: [] for name in names}
    output = ShardOutput(tables={}, pipeline=pipeline_info(nlp))
    with _memory_zone(nlp):
        for result in process_articles(articles, nlp, settings, on_batch):
            for name, table_rows in result.tables.items():
                rows[name].extend(table_rows)
            document = result.document
            output.articles += 1
            output.words += len(result.article.text.split())
            if document["status"] != "ok":
                where = result.article.origin or document["doc_id"]
                output.problems.append(
                    Problem(document["status"], document["doc_id"], where, document["error"])
                )
    output.tables = {name: to_arrow(name, table_rows) for name, table_rows in rows.items()}
    output.seconds = time.perf_counter() - started
    return output


_WARMED: set[int] = set()


@contextmanager
def _memory_zone(nlp: Language) -> Iterator[None]:
    """spaCy's memory zone, except for a pipeline's first shard: the tokenizer caches only what
    it sees outside zones, so the first shard fills the cache with the common vocabulary once
    (later shards would otherwise tokenise every word from scratch)."""
    if id(nlp) not in _WARMED:
        _WARMED.add(id(nlp))
        yield
        return
    with nlp.memory_zone():
        yield
