"""Repeated articles: syndicated stories and re-crawled pages carry the same body again.

``mark_duplicates`` runs over the input stream in input order, in the one process that reads
the inputs (never in the workers), so ``duplicate_of`` is the same whatever the number of
workers or shards, and a resumed run, which reads the kept shards' records again without
processing them, rebuilds the same index. See docs/ingest.md, "Duplicates".
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import replace

from extract.types import Article

KEY_BYTES = 16  # blake2b digest size: no collision expected below ~10^15 articles


def normalised_body(text: str) -> str:
    """The text compared for exact duplicates: Unicode NFKC, case-folded, every run of
    whitespace (line breaks included) one space, no leading or trailing space."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def body_key(text: str) -> bytes:
    """A fixed-size hash of ``normalised_body(text)``: what the duplicate index keeps."""
    data = normalised_body(text).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=KEY_BYTES).digest()


def mark_duplicates(articles: Iterable[Article]) -> Iterator[Article]:
    """The articles in order, each readable one whose normalised body was seen before with
    ``duplicate_of`` set to the id of the first article that had it. Records with an error
    (or no text) neither are nor have duplicates. Memory: one key and one id per distinct
    body."""
    first_with: dict[bytes, str] = {}
    for article in articles:
        if article.error is None and article.text:
            first = first_with.setdefault(body_key(article.text), article.doc_id)
            if first != article.doc_id:
                article = replace(article, duplicate_of=first)
        yield article
