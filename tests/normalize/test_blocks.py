"""normalize.blocks: where a new block (and so a sentence) starts in an article's text."""

from __future__ import annotations

import pytest

from extract.normalize.blocks import block_starts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # headline, blank line, first paragraph
        ("Ad sales boost Time Warner profit\n\nQuarterly profits rose.", ["Quarterly"]),
        # a headline line followed directly by the story
        ("Bahia cocoa review\nShowers continued.", ["Showers"]),
        # a first line that ends a sentence is not a headline (line end rule off below)
        ("It rained.\nIt stopped.", ["It stopped"]),
        # a wrapped first line continued in lowercase is no headline
        ("The minister said on\nmonday that he would go.", []),
        ("Shares fell:\nNet 1.1 mln", []),
        # list items, and the line after the last one
        (
            "Results:\n- Sales rose 5%\n- Costs fell\nThe firm said so.",
            ["- Sales", "- Costs", "The firm"],
        ),
        ("Steps:\n1. Go\n2) Stop\nand wait", ["1. Go", "2) Stop"]),
        # a line that ends a sentence: a paragraph or an HTML block
        ("One thing happened.\n“Quote,” he said.\n(Aside.)", ["“Quote,”", "(Aside.)"]),
        ('He said "yes."\n12 people came.', ["12 people"]),
        # blank lines with spaces, several blank lines, trailing blank lines
        ("A.\n \n\n  B starts", ["B starts"]),
        ("Only text.\n\n", []),
        ("", []),
        ("Lows:\n-5 degrees\n-3 tomorrow", []),  # signed numbers are no list items
    ],
)
def test_blocks_block_starts(text: str, expected: list[str]) -> None:
    starts = block_starts(text)
    assert len(starts) == len(expected)
    words = zip(starts, expected, strict=True)
    assert [text[start : start + len(word)] for start, word in words] == expected


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, [9, 18, 24, 30, 35]),
        ({"headline": False}, [18, 24, 30, 35]),
        ({"list_items": False}, [9, 35]),
        ({"line_ends": False}, [9, 18, 24, 30]),
    ],
)
def test_blocks_block_starts_options(options: dict[str, bool], expected: list[int]) -> None:
    text = "Headline\nIt said:\n- one\n- two\nEnd.\nNext one."
    assert block_starts(text, **options) == expected
