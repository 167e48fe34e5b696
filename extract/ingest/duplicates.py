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
from typing import Any

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


class DuplicateKind:
    """Values of ``documents.duplicate_kind``."""

    EXACT = "exact"  # the same normalised body
    NEAR = "near"  # --near-duplicates: most 5-word shingles shared (MinHash estimate)


SHINGLE_WORDS = 5
NUM_PERM = 128  # MinHash permutations: a Jaccard estimate within about +-0.04 (1/sqrt(128)/2)
MINHASH_SEED = 1


class NearDuplicateIndex:
    """Earlier articles by MinHash signature of their 5-word shingles (datasketch), with an LSH
    index to find candidates; a candidate counts when its estimated Jaccard similarity is at
    least ``threshold``, and the earliest such article is the answer. Memory: a signature
    (512 bytes) and the LSH keys of every distinct article."""

    def __init__(self, threshold: float) -> None:
        from datasketch import MinHash, MinHashLSH

        self.threshold = threshold
        self._template = MinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: list[Any] = []
        self._ids: list[str] = []

    def first_similar(self, doc_id: str, text: str) -> str | None:
        """The id of the earliest indexed article like ``text``, or None; ``text`` is then
        indexed as ``doc_id``."""
        signature = self._template.copy()
        signature.clear()
        words = normalised_body(text).split(" ")
        count = max(len(words) - SHINGLE_WORDS + 1, 1)
        shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(count)}
        signature.update_batch([s.encode("utf-8", "surrogatepass") for s in sorted(shingles)])
        found = None
        for key in sorted(int(key) for key in self._lsh.query(signature)):
            if signature.jaccard(self._signatures[key]) >= self.threshold:
                found = self._ids[key]
                break
        self._lsh.insert(str(len(self._ids)), signature)
        self._signatures.append(signature)
        self._ids.append(doc_id)
        return found


def mark_duplicates(
    articles: Iterable[Article], *, near_threshold: float | None = None
) -> Iterator[Article]:
    """The articles in order, each readable one whose normalised body was seen before with
    ``duplicate_of`` set to the id of the first article that had it (kind ``exact``); with
    ``near_threshold``, one that is not an exact repeat but shares that much of its 5-word
    shingles with an earlier article names the earliest such one (kind ``near``). Records with
    an error (or no text) neither are nor have duplicates. Memory: one key and one id per
    distinct body (and a signature with ``near_threshold``)."""
    first_with: dict[bytes, str] = {}
    near = NearDuplicateIndex(near_threshold) if near_threshold is not None else None
    for article in articles:
        if article.error is None and article.text:
            first = first_with.setdefault(body_key(article.text), article.doc_id)
            if first != article.doc_id:
                article = replace(article, duplicate_of=first, duplicate_kind=DuplicateKind.EXACT)
            elif near is not None and (similar := near.first_similar(article.doc_id, article.text)):
                article = replace(article, duplicate_of=similar, duplicate_kind=DuplicateKind.NEAR)
        yield article
