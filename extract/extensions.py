"""Every custom ``Doc._`` attribute, registered once.

Values are plain data (strings, numbers, lists of dicts), never Spans, so Docs pickle and
serialise for ``nlp.pipe(n_process>1)``. Mention lists hold one dict per mention whose keys are
the mention table's columns (see ``extract.tables.schema``) minus ``doc_id`` and ``sentence``,
which the table builder adds.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.types import ArticleMetadata

# Set by the runner before the pipeline sees the Doc: the article's id and its metadata, an
# ``extract.types.ArticleMetadata`` that no component changes.
DOC_METADATA = ("doc_id", "metadata")
# What the pipeline infers about the article, each pair assigned by its own component:
# news_reference_date and news_home_country.
DOC_INFERRED = (
    "reference_date",  # ISO date str the relative dates resolve against, or None
    "reference_date_source",  # metadata | page | option | inferred | none
    "home_country",  # ISO 3166 alpha-3 of the article's home country, or None
    "home_country_source",  # metadata | option | dominant | none
)
# Filled by our components: one list of row dicts per mention table.
MENTION_LISTS = ("persons", "countries", "dates", "counts", "money", "facts")
NO_METADATA = ArticleMetadata()


def register_extensions() -> None:
    for name in (*DOC_METADATA, *DOC_INFERRED, *MENTION_LISTS, "issues"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_metadata(doc: Doc) -> ArticleMetadata:
    """The article's metadata (empty when the runner set none: a Doc of a user's own)."""
    return doc._.metadata or NO_METADATA


def reference_date_of(doc: Doc) -> tuple[str | None, str]:
    """The reference date and its source: news_reference_date's, or the metadata's in a
    pipeline without that component."""
    if doc._.reference_date_source is not None:
        return doc._.reference_date, doc._.reference_date_source
    metadata = doc_metadata(doc)
    return metadata.reference_date, metadata.reference_date_source


def home_country_of(doc: Doc) -> tuple[str | None, str]:
    """The home country and its source: news_home_country's, or the metadata's in a pipeline
    without that component."""
    if doc._.home_country_source is not None:
        return doc._.home_country, doc._.home_country_source
    metadata = doc_metadata(doc)
    return metadata.home_country, metadata.home_country_source


def mentions(doc: Doc, table: str) -> list[dict]:
    """The mention rows a component stored on ``doc`` for ``table`` (empty when none)."""
    return getattr(doc._, table) or []


def mention_id(doc: Doc, table: str, index: int) -> str:
    """Stable id of the ``index``-th mention of ``table`` in ``doc``: unique across a run."""
    return f"{doc._.doc_id or ''}:{table}:{index}"


_TEXT_KEY = "extract:doc_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each access. The
    cached copy is checked against the Doc's length, so a Doc made from others never reuses a
    stale one."""
    cached = doc.user_data.get(_TEXT_KEY)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if cached is None or len(cached) != length:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def remember_text(doc: Doc, text: str) -> None:
    """Give ``doc_text`` the text ``doc`` was tokenised from (spaCy keeps it exactly)."""
    doc.user_data[_TEXT_KEY] = text


def add_issue(doc: Doc, message: str) -> None:
    doc._.issues = [*(doc._.issues or []), message]


register_extensions()


def entity_bounds(doc: Doc, index: int) -> tuple[int, int]:
    """Token bounds of the entity holding token ``index``, read from IOB tags (``doc.ents``
    builds new Spans on every access)."""
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end
