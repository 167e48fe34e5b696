"""Recovery pass: players in cricket scorecards ("c Tillekeratne b Dharmasena 13")."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.components.persons.words import INITIALS, capitalised, glued_hyphen, list_boundary
from extract.normalize.countries import (
    lookup_form,
)
from extract.normalize.persons import (
    has_org_word,
    is_title_word,
)
from extract.normalize.persons_words import word_lists


@lru_cache(maxsize=1)
def _scorecard_signs() -> re.Pattern[str]:
    """Text that only a scorecard holds: a dismissal ("c Healy b Fleming", "lbw b"), bowling
    figures ("7-0-29-0"), "not out", "did not bat", or an initialled name and a score
    ("( A. Dale 69")."""
    return re.compile("|".join(word_lists().scorecard_signs))


@lru_cache(maxsize=1)
def _did_not_bat_pattern() -> re.Pattern[str]:
    """ "did not bat", each word with a capital or not ("Did not bat")."""
    words = [f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in word_lists().did_not_bat]
    return re.compile(rf"\b{' '.join(words)}\b")


_BOWLING_FIGURES = re.compile(r"^\d+(?:\.\d)?-\d+-\d+-\d+$")  # overs-maidens-runs-wickets
_GLUED_INITIAL_NAME = re.compile(r"^(?:[A-Z]\.)+[A-Z][A-Za-z'\u2019]*[a-z]$")  # "T.O'Gorman"


def scorecard_names(doc: Doc, text: str, taken: set[int]) -> list[Span]:
    """Players in cricket scorecards, which the model rarely tags: the fielder and bowler of
    a dismissal ("c Tillekeratne b Dharmasena 13", "lbw b Fleming 0", "st Kaluwitharana b
    Chandana"), the batsman before one ("S. Law c ...", "R. Ponting not out 46", "M. Slater run
    out 9") and the bowler before his figures ("Vaas 7-0-29-0"). A name is one to three
    capitalised words, an initial or two allowed in front."""
    spans: list[Span] = []
    if _scorecard_signs().search(text) is None:  # most articles: one regex search
        return spans
    rules = word_lists()
    for index, token in enumerate(doc):
        word = token.text
        if word in rules.dismissals and word != "lbw":
            end = _scorecard_name_end(doc, index + 1)
            if end is None:
                continue
            follower = doc[end] if end < len(doc) else None
            if word == "b":
                ok = follower is None or follower.like_num or _is_line_end(doc, end - 1)
            else:
                ok = follower is not None and follower.text == "b"
            if ok:
                _add_player(doc, index + 1, end, taken, spans)
        elif word[:1].isupper() and list_boundary(doc, index - 1):
            end = _scorecard_name_end(doc, index)
            if end is None or end >= len(doc):
                continue
            follower = doc[end]
            if (
                _bowling_figures_at(doc, end)
                or (INITIALS.match(token.text) and follower.like_num)  # "( A. Dale 69 ,"
                or (follower.text in rules.dismissals and _dismissal_follows(doc, end))
                or (
                    follower.lower_ in rules.out_leads
                    and end + 1 < len(doc)
                    and doc[end + 1].lower_ == "out"
                )
            ):
                _add_player(doc, index, end, taken, spans)
    if _did_not_bat_pattern().search(text) is not None:
        _did_not_bat(doc, taken, spans)
    return spans


def _bowling_figures_at(doc: Doc, index: int) -> bool:
    """Bowling figures start at ``index`` (a line break may come first): "7-0-29-0",
    "9.5-0-44-1" (overs, maidens, runs, wickets), tokenised as seven glued tokens."""
    while index < len(doc) and doc[index].is_space:
        index += 1
    tokens = doc[index : index + 7]
    if len(tokens) < 7 or any(token.whitespace_ for token in tokens[:6]):
        return False
    return _BOWLING_FIGURES.match("".join(token.text for token in tokens)) is not None


def _did_not_bat(doc: Doc, taken: set[int], spans: list[Span]) -> None:
    """The batsmen listed after "Did not bat :", up to the full stop."""
    phrase = word_lists().did_not_bat
    size = len(phrase)
    for index in range(size - 1, len(doc) - 1):
        if not (
            tuple(token.lower_ for token in doc[index - size + 1 : index + 1]) == phrase
            and doc[index + 1].text == ":"
        ):
            continue
        position = index + 2
        while position < len(doc):
            end = _scorecard_name_end(doc, position)
            if end is None:
                break
            _add_player(doc, position, end, taken, spans)
            if end >= len(doc) or doc[end].text not in (",", "and"):
                break
            position = end + 1


def _scorecard_name_end(doc: Doc, start: int) -> int | None:
    """End of a player's name starting at ``start`` (initials, then up to three capitalised
    words or hyphenated parts), or None."""
    end = start
    if end < len(doc) and _GLUED_INITIAL_NAME.match(doc[end].text):
        return end + 1
    while end < len(doc) and end - start < 2 and INITIALS.match(doc[end].text):
        if lookup_form(doc[end].text) is not None:  # "U.S."
            return None
        end += 1
    words = 0
    while end < len(doc) and words < 3:
        if glued_hyphen(doc, end) and words:
            end += 2
        elif capitalised(doc[end]) and not is_title_word(doc[end].text):
            end += 1
            words += 1
        else:
            break
    if not words or lookup_form(doc[start:end].text) is not None:
        return None
    return min(end, len(doc))


def _dismissal_follows(doc: Doc, index: int) -> bool:
    """``doc[index]`` starts a dismissal: "b Name", "lbw b Name", "c Name b", "st Name b"."""
    marker = doc[index].text
    if marker == "lbw":
        return index + 1 < len(doc) and doc[index + 1].text == "b"
    end = _scorecard_name_end(doc, index + 1)
    if end is None:
        return False
    if marker == "b":
        return end >= len(doc) or doc[end].like_num or _is_line_end(doc, end - 1)
    return end < len(doc) and doc[end].text == "b"


def _is_line_end(doc: Doc, index: int) -> bool:
    return "\n" in doc[index].whitespace_ or (index + 1 < len(doc) and doc[index + 1].is_space)


def _add_player(doc: Doc, start: int, end: int, taken: set[int], spans: list[Span]) -> None:
    if any(i in taken for i in range(start, end)) or has_org_word([t.text for t in doc[start:end]]):
        return
    spans.append(doc[start:end])
    taken.update(range(start, end))
