"""Names in tables, read from the shape of their line rather than from the sport: a standings
row (a club, then played/won/drawn/lost/goals/points numbers that add up) and a result line
(two names, each followed by its score) hold teams, not people."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

_PERCENTAGE = re.compile(r"^0?\.\d{3}$")  # a winning percentage: ".559", "0.559"
_QUALIFIER = re.compile(r"^[A-Z]{1,3}$")  # "Rad ( B )", "Mladost ( BJ )": a club's town
_MIN_STANDINGS_NUMBERS = 5
_MIN_RESULT_LINES = 2  # one "A 2 B 0" line alone may be a snooker score between people


def lines(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token ranges of the text's lines (line-break tokens left out)."""
    start = 0
    for token in doc:
        if token.is_space:
            if token.i > start:
                yield start, token.i
            start = token.i + 1
        elif "\n" in token.whitespace_:
            yield start, token.i + 1
            start = token.i + 1
    if start < len(doc):
        yield start, len(doc)


def _is_number(text: str) -> bool:
    return text.isdigit() or _PERCENTAGE.match(text) is not None or text in ("-", "1/2")


def _percentage_fits(values: list[str], at: int) -> bool:
    """Won, (drawn,) lost and their winning percentage at ``at``: "52 41 .559", "64 2 43 .596"
    (a draw counts half)."""
    if not all(value.isdigit() for value in values[:at]):
        return False
    won, lost = int(values[0]), int(values[at - 1])
    drawn = int(values[1]) if at == 3 else 0
    games = won + drawn + lost
    return games > 0 and abs((won + drawn / 2) / games - float(values[at])) < 0.0015


def standings_numbers(values: list[str]) -> bool:
    """True when the numbers after a name read as a standings row: played = won + drawn +
    lost, points = 3 (or 2) x won + drawn, or won, lost and their percentage (a batting line
    "451 160 .355" is none of these)."""
    for at in (2, 3):
        if len(values) > at and _PERCENTAGE.match(values[at]) and _percentage_fits(values, at):
            return True
    if len(values) < _MIN_STANDINGS_NUMBERS or not all(value.isdigit() for value in values):
        return False
    numbers = [int(value) for value in values]
    if numbers[0] > 0 and numbers[0] == sum(numbers[1:4]):
        return True
    return any(
        (won or drawn) and numbers[-1] in (3 * won + drawn, 2 * won + drawn)
        for won, drawn in ((numbers[0], numbers[1]), (numbers[1], numbers[2]))
    )


def _name_end(doc: Doc, start: int, end: int) -> int:
    """Where the name opening ``doc[start:end]`` ends: before the first number, with a
    bracketed qualifier of one to three capitals left out ("Rad ( B )")."""
    index = start
    while index < end and not (doc[index].text.isdigit() or _PERCENTAGE.match(doc[index].text)):
        index += 1
    name_end = index
    if (
        name_end - start > 3
        and doc[name_end - 3].text == "("
        and _QUALIFIER.match(doc[name_end - 2].text)
        and doc[name_end - 1].text == ")"
    ):
        name_end -= 3
    return name_end


def _standings_team(doc: Doc, start: int, end: int) -> Span | None:
    name_end = _name_end(doc, start, end)
    index = name_end
    while index < end and not _is_number(doc[index].text):
        index += 1  # the qualifier
    values = [token.text for token in doc[index:end]]
    if name_end == start or not doc[start].text[:1].isupper():
        return None
    if not all(_is_number(value) for value in values) or not standings_numbers(values):
        return None
    return doc[start:name_end]


def _result_teams(doc: Doc, start: int, end: int) -> tuple[Span, Span] | None:
    """The two names of a result line: "Orrell 13 Bath 56", "Hajduk 2 Proleter ( Z ) 0"."""
    scores = [i for i in range(start, end) if doc[i].text.isdigit()]
    if len(scores) != 2 or scores[1] != end - 1 or scores[0] in (start, end - 2):
        return None
    first = doc[start : _name_end(doc, start, scores[0] + 1)]
    second = doc[scores[0] + 1 : _name_end(doc, scores[0] + 1, end)]
    if not all(len(name) and name[0].text[:1].isupper() for name in (first, second)):
        return None
    if any(token.is_punct and token.text not in ("(", ")", "'s", ".") for token in first):
        return None
    return first, second


def team_names(doc: Doc) -> list[Span]:
    """The names that open standings rows or stand in result lines (two or more of them in
    the article): teams, wherever else the article names them."""
    teams: list[Span] = []
    results: list[Span] = []
    for start, end in lines(doc):
        team = _standings_team(doc, start, end)
        if team is not None:
            teams.append(team)
            continue
        pair = _result_teams(doc, start, end)
        if pair is not None:
            results.extend(pair)
    if len(results) >= 2 * _MIN_RESULT_LINES:
        teams.extend(results)
    return teams
