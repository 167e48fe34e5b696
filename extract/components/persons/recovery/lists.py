"""Recovery pass: names the model missed in lists of people and before a match minute, and
the list attributes (team, car, film) that are not people."""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from functools import lru_cache

from spacy.tokens import Doc, Span

from extract.components.persons.words import (
    glued_hyphen,
    inner_particle,
    list_boundary,
    recoverable_name_word,
)
from extract.normalize.persons import (
    has_org_word,
    is_false_positive,
    name_particles,
)
from extract.normalize.persons_words import word_lists

_BARE_INITIAL = re.compile(r"^(?:(?:[A-Z]\.){1,3}|[A-Z])$")  # "M.", "J.R.", "C" in "C Murphy"
_LIST_WINDOW = 12  # tokens on each side of a listed name searched for other people


def listed_names(doc: Doc, found: list[Span], taken: set[int]) -> list[Span]:
    """Names the model missed in lists of people (line-ups, result lists, "attended by A, B
    and C"): a run of two to four capitalised words (initials, particles and hyphenated parts
    allowed) standing alone between list separators, with at least two people within a few
    words on either side (found by the model or already recovered in the list, so a line-up
    is read in full), or one to four words followed by a match minute ("Cosmin Contra
    ( 31st )", "Becerril 46th )"). Titles, places, organisation words, dates and numbers are
    not names."""
    candidates = _list_candidates(doc, {span.end for span in found}, taken)
    if not candidates:
        return []
    accepted = _accepted(candidates, sorted(span.start for span in found))
    spans = []
    for (start, end, _), ok in zip(candidates, accepted, strict=True):
        if ok:
            spans.append(doc[start:end])
            taken.update(range(start, end))
    return spans


def _list_candidates(doc: Doc, ends: set[int], taken: set[int]) -> list[tuple[int, int, bool]]:
    """Runs of name words standing alone between list separators, as (start, end, followed
    by a match minute); ``ends`` are where the people found so far end."""
    candidates: list[tuple[int, int, bool]] = []
    particles = name_particles()
    index = 0
    while index < len(doc):
        first = doc[index]
        if (
            not first.text[:1].isupper()
            or not list_boundary(doc, index - 1)
            or not (recoverable_name_word(first) or _BARE_INITIAL.match(first.text))
        ):
            index += 1
            continue
        start = end = index
        while end < len(doc) and end - start < 4:
            word = doc[end]
            if glued_hyphen(doc, end) and end > start:
                end += 2
            elif (
                recoverable_name_word(word)
                or (end == start and _BARE_INITIAL.match(word.text))
                or inner_particle(doc, start, end)
            ):
                end += 1
            else:
                break
        end = min(end, len(doc))
        words = doc[start:end]
        minute = end > start and _match_minute_after(doc, end)
        if (
            end - start < (1 if minute else 2)
            or not list_boundary(doc, end)
            or any(i in taken for i in range(start, end))
            or words[-1].lower_ in particles
            or (end - start == 1 and _BARE_INITIAL.match(words[0].text))
            or has_org_word([t.text for t in words])
            or is_false_positive(words.text)
        ):
            index = max(end, index + 1)
            continue
        if not (
            _affiliation_in_brackets(doc, start, end, ends)
            or listed_attribute(doc, start, end, ends)
        ):
            candidates.append((start, end, minute))
        index = end
    return candidates


def _accepted(candidates: list[tuple[int, int, bool]], starts: list[int]) -> list[bool]:
    """Which candidates have two people (``starts``: the found ones, sorted) within a few words;
    one before a match minute always counts."""
    accepted = [minute for _, _, minute in candidates]
    starts = sorted([*starts, *(c[0] for c, ok in zip(candidates, accepted, strict=True) if ok)])
    order = list(range(len(candidates)))
    for sweep in range(4):  # a recovered name counts as a neighbour of the next one
        changed = False
        for position in order if sweep % 2 == 0 else reversed(order):
            start, end, _ = candidates[position]
            if accepted[position]:
                continue
            low = bisect_left(starts, start - _LIST_WINDOW)
            high = bisect_left(starts, end + _LIST_WINDOW)
            if high - low >= 2:
                accepted[position] = changed = True
                insort(starts, start)
        if not changed:
            break
    return accepted


@lru_cache(maxsize=1)
def _minute() -> re.Pattern[str]:
    """A match minute: "31st", "60th"."""
    return re.compile(rf"^\d{{1,3}}(?:{'|'.join(word_lists().ordinal_suffixes)})$")


def _match_minute_after(doc: Doc, end: int) -> bool:
    """A goal or substitution minute right after a name: "( 31st )", "( 60th minute )",
    "( 41st min , pen )", or "46th )" inside a substitution bracket."""
    minute = _minute()
    if end + 1 < len(doc) and doc[end].text == "(" and minute.match(doc[end + 1].text):
        return True
    return (
        end + 1 < len(doc) and minute.match(doc[end].text) is not None and doc[end + 1].text == ")"
    )


def listed_attribute(doc: Doc, start: int, end: int, person_ends: set[int]) -> bool:
    """The words after a listed person and a bracket, then a number, are the person's team,
    car or horse: "Alex Zanardi ( Italy ) , Reynard Honda , 53.980"."""
    if start < 4 or end + 1 >= len(doc) or doc[start - 1].text != "," or doc[start - 2].text != ")":
        return False
    if doc[end].text != "," or not doc[end + 1].like_num:
        return False
    opening = next((i for i in range(start - 3, max(start - 8, 0), -1) if doc[i].text == "("), None)
    return opening is not None and opening in person_ends


def _affiliation_in_brackets(doc: Doc, start: int, end: int, person_ends: set[int]) -> bool:
    """Words alone in brackets right after a person are the person's film, club or party,
    not another person: "Phil Davis (Vera Drake)"."""
    return (
        start >= 2
        and doc[start - 1].text == "("
        and start - 1 in person_ends
        and end < len(doc)
        and doc[end].text == ")"
    )
