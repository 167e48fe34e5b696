"""Doc extension helpers (extract.extensions)."""

from __future__ import annotations

import pytest

from extract.extensions import doc_text, mention_id


@pytest.mark.parametrize(
    "text", ["Floods killed 110 people.", "  Leading and trailing spaces \n\n", "", "x"]
)
def test_extensions_doc_text_is_doc_text(blank_nlp, text: str) -> None:
    doc = blank_nlp(text)
    assert doc_text(doc) == doc.text == text
    assert doc_text(doc) is doc_text(doc)  # built once


def test_extensions_doc_text_ignores_another_docs_copied_user_data(blank_nlp) -> None:
    first = blank_nlp("A short text.")
    doc_text(first)
    other = blank_nlp("Another, longer text.")
    other.user_data.update(first.user_data)  # as Doc.copy or a careless merge would
    assert doc_text(other) == "Another, longer text."


@pytest.mark.parametrize(
    ("doc_id", "table", "index", "expected"),
    [("seed", "money", 0, "seed:money:0"), (None, "facts", 3, ":facts:3")],
)
def test_extensions_mention_id(blank_nlp, doc_id, table, index, expected) -> None:
    doc = blank_nlp("text")
    doc._.doc_id = doc_id
    assert mention_id(doc, table, index) == expected


@pytest.mark.parametrize("text", ["A headline\n\nThe story  starts here.", ""])
def test_extensions_remember_text_gives_doc_text_the_source_text(blank_nlp, text: str) -> None:
    from extract.extensions import remember_text

    doc = blank_nlp.make_doc(text)
    remember_text(doc, text)
    assert doc_text(doc) is text
    assert doc_text(doc) == doc.text
