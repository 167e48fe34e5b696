"""news_blocks: a headline, a paragraph, a list item or an HTML block ends a sentence.

Runs before the parser and marks the first token of every block (``normalize.blocks``) as a
sentence start; the parser keeps marked starts and finds the other boundaries itself. Tokens
are left unmarked otherwise, so the parser (or the ``senter``) decides everywhere else.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from extract.extensions import doc_text
from extract.normalize.blocks import block_starts


class BlockBoundaries:
    def __init__(
        self, nlp: Language, name: str, *, headline: bool, list_items: bool, line_ends: bool
    ) -> None:
        self.name = name
        self.headline = headline
        self.list_items = list_items
        self.line_ends = line_ends

    def __call__(self, doc: Doc) -> Doc:
        starts = block_starts(
            doc_text(doc),
            headline=self.headline,
            list_items=self.list_items,
            line_ends=self.line_ends,
        )
        mark_sentence_starts(doc, starts)
        return doc


def mark_sentence_starts(doc: Doc, offsets: list[int]) -> None:
    """Mark the token that begins at each character offset as a sentence start (an offset
    inside a token marks nothing)."""
    if not offsets or len(doc) < 2:
        return
    token_starts = doc.to_array(IDX)
    wanted = set(offsets)
    for index in np.searchsorted(token_starts, offsets):
        if 0 < index < len(doc) and int(token_starts[index]) in wanted:
            doc[int(index)].is_sent_start = True


@Language.factory(
    "news_blocks",
    assigns=["token.is_sent_start"],
    default_config={"headline": True, "list_items": True, "line_ends": True},
)
def make_block_boundaries(
    nlp: Language, name: str, headline: bool, list_items: bool, line_ends: bool
) -> BlockBoundaries:
    return BlockBoundaries(nlp, name, headline=headline, list_items=list_items, line_ends=line_ends)
