"""Teams read from the shape of a table's line (standings rows, result lines), on hand-built
Docs."""

from __future__ import annotations

import pytest
from spacy.language import Language

from extract.components.persons.layouts import lines, standings_numbers, team_names


@pytest.mark.parametrize(
    "numbers,expected",
    [
        ("3 2 0 1 5 2 6", True),  # played = won + drawn + lost
        ("3 1 0 6 1 10", True),  # won drawn lost for against points: 3 x 3 + 1
        ("4 4 0 0 9 3 12", True),
        ("52 41 .559 -", True),  # won, lost, percentage
        ("64 2 43 .596 -", True),  # won, drawn, lost, percentage (a draw counts half)
        ("451 160 .355", False),  # a batting line: at-bats, hits, average
        ("69 70 71 68 278", False),  # golf rounds and total
        ("70 68 72", False),
        ("2 0", False),
    ],
)
def test_layouts_standings_numbers(numbers: str, expected: bool) -> None:
    assert standings_numbers(numbers.split()) is expected


def test_layouts_lines_split_at_line_breaks(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("Division one\nDundee 3 1 2 0 3 2 5\n\nAyr 3")
    assert [doc[a:b].text for a, b in lines(doc)] == [
        "Division one",
        "Dundee 3 1 2 0 3 2 5",
        "Ayr 3",
    ]


def test_layouts_standings_rows_hold_teams(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc(
        "Division one\nGreenock Morton 3 2 0 1 5 2 6\nRad ( B ) 4 1 1 2 2 3 4\n"
        "Nick Faldo 69 70 71 68 278\n"
    )
    assert [span.text for span in team_names(doc)] == ["Greenock Morton", "Rad"]


def test_layouts_result_lines_hold_teams_when_there_are_two(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("Orrell 13 Bath 56\nHajduk 2 Proleter ( Z ) 0\n")
    assert [span.text for span in team_names(doc)] == ["Orrell", "Bath", "Hajduk", "Proleter"]


def test_layouts_one_result_line_alone_is_no_table(blank_nlp: Language) -> None:
    doc = blank_nlp.make_doc("Stephen Hendry 5 Ken Doherty 3\nHendry won the final .")
    assert team_names(doc) == []
