"""Hand-built parsed Docs carrying mention lists, for the facts stages."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc


def parsed(
    nlp: Language,
    rows: Sequence[tuple[str, str, str, int, str]],
    *,
    spaces: Sequence[bool] | None = None,
    tags: Sequence[str] | None = None,
) -> Doc:
    """A Doc from (word, pos, dep, head index, lemma) rows; sentence starts follow the parse."""
    words, pos, deps, heads, lemmas = (list(column) for column in zip(*rows, strict=True))
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        pos=pos,
        deps=deps,
        heads=heads,
        lemmas=lemmas,
        tags=list(tags) if tags is not None else None,
    )
    doc._.doc_id = "d"
    for table in ("persons", "countries", "dates", "counts", "money"):
        setattr(doc._, table, [])
    return doc


def mention(doc: Doc, table: str, first: int, last: int, **values: object) -> dict:
    """A mention row over tokens ``first``..``last`` (exclusive), appended to ``doc._.<table>``."""
    rows = getattr(doc._, table)
    piece = doc[first:last]
    row = {
        "mention_id": f"d:{table}:{len(rows)}",
        "start_char": piece.start_char,
        "end_char": piece.end_char,
        "text": piece.text,
        **values,
    }
    rows.append(row)
    return row
