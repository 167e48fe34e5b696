"""news_blocks: block starts become sentence starts before the parser runs."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from extract.components.blocks import BlockBoundaries, mark_sentence_starts


@pytest.mark.parametrize(
    ("offsets", "expected"),
    [
        ([11], [True, None, None, True, None, None]),  # "Quarterly"
        ([4, 11], [True, None, None, True, None, None]),  # 4 is inside "profit": nothing
        ([], [True, None, None, None, None, None]),
    ],
)
def test_blocks_mark_sentence_starts(
    blank_nlp: Language, offsets: list[int], expected: list[bool | None]
) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["Ad", "profit", "\n\n", "Quarterly", "profits", "rose"],
        spaces=[True, False, False, True, True, False],
    )
    mark_sentence_starts(doc, offsets)
    assert [token.is_sent_start for token in doc] == expected


@pytest.mark.parametrize(
    ("text", "settings", "starts"),
    [
        ("Ad profit\n\nQuarterly profits rose", {}, ["Ad", "Quarterly"]),
        ("Ad profit\nQuarterly profits rose", {}, ["Ad", "Quarterly"]),
        ("Ad profit\nQuarterly profits rose", {"headline": False}, ["Ad"]),
    ],
)
def test_blocks_component_marks_block_starts(
    blank_nlp: Language, text: str, settings: dict[str, bool], starts: list[str]
) -> None:
    options = {"headline": True, "list_items": True, "line_ends": True, **settings}
    doc = BlockBoundaries(blank_nlp, "news_blocks", **options)(blank_nlp.make_doc(text))
    assert [token.text for token in doc if token.is_sent_start] == starts


@pytest.mark.slow
def test_blocks_the_parser_keeps_a_headline_out_of_the_first_sentence(nlp: Language) -> None:
    assert nlp.pipe_names.index("news_blocks") == nlp.pipe_names.index("parser") - 1
    doc = nlp(
        "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner "
        "jumped 76% to $1.13bn.\n\nThe firm, which is now one of the biggest investors in "
        "Google, benefited from sales."
    )
    assert [sent.text.strip() for sent in doc.sents] == [
        "Ad sales boost Time Warner profit",
        "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.",
        "The firm, which is now one of the biggest investors in Google, benefited from sales.",
    ]
