"""Name boundaries on hand-built Docs: no model needed."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.components.persons.boundaries import best_segment, name_span, person_entities


def _person_doc(blank_nlp: Language, words: list[str], spaces: list[bool], ents: list[str]) -> Doc:
    return Doc(blank_nlp.vocab, words=words, spaces=spaces, ents=ents)


@pytest.mark.parametrize(
    "words,spaces,expected",
    [
        # a tennis score glued to a name by the model ("Elena Bovina 1-6")
        (["Elena", "Bovina", "1", "-", "6"], [True, True, False, False, False], "Elena Bovina"),
        (["Jie", "Zheng", "6", "-", "2"], [True, True, False, False, True], "Jie Zheng"),
        (["Moon", "Jae", "-", "in"], [True, False, False, False], "Moon Jae-in"),
    ],
)
def test_boundaries_name_span_drops_scores(
    blank_nlp: Language, words: list[str], spaces: list[bool], expected: str
) -> None:
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces)
    doc.ents = [Span(doc, 0, len(doc), label="PERSON")]
    found = name_span(doc.ents[0])
    assert found is not None and found[0].text == expected


def test_boundaries_name_span_cuts_a_leading_title(blank_nlp: Language) -> None:
    doc = _person_doc(
        blank_nlp,
        ["President", "Bill", "Clinton", "said"],
        [True, True, True, False],
        ["B-PERSON", "I-PERSON", "I-PERSON", "O"],
    )
    found = name_span(doc.ents[0])
    assert found is not None
    span, outer_start = found
    assert (span.text, outer_start) == ("Bill Clinton", 0)


def test_boundaries_name_span_rejects_a_fixture(blank_nlp: Language) -> None:
    doc = _person_doc(
        blank_nlp,
        ["Luton", "v", "Hinckley"],
        [True, True, False],
        ["B-PERSON", "I-PERSON", "I-PERSON"],
    )
    assert name_span(doc.ents[0]) is None


def test_boundaries_name_span_takes_a_regnal_number(blank_nlp: Language) -> None:
    doc = _person_doc(
        blank_nlp, ["Henry", "VIII", "ruled"], [True, True, False], ["B-PERSON", "O", "O"]
    )
    found = name_span(doc.ents[0])
    assert found is not None and found[0].text == "Henry VIII"


def test_boundaries_best_segment_cuts_a_run_on_dateline(blank_nlp: Language) -> None:
    doc = Doc(blank_nlp.vocab, words=["Jim", "Adams", "\n", "WASHINGTON"], spaces=[True] * 4)
    assert best_segment(doc, 0, 4) == (0, 2)


def test_boundaries_person_entities_merges_touching_entities(blank_nlp: Language) -> None:
    doc = _person_doc(
        blank_nlp,
        ["Susilo", "Bambang", "Yudhoyono", "won"],
        [True, True, True, False],
        ["B-PERSON", "I-PERSON", "B-PERSON", "O"],
    )
    ents = tuple(doc.ents)
    assert [e.text for e in person_entities(doc, ents, merge=False)] == [
        "Susilo Bambang",
        "Yudhoyono",
    ]
    assert [e.text for e in person_entities(doc, ents, merge=True)] == ["Susilo Bambang Yudhoyono"]


@pytest.mark.parametrize(
    "words,spaces,ents,expected",
    [
        # the model cut "O' Brien" (tokenised text) or "O'" + "Brien"
        (
            ["striker", "Sean", "O", "'", "Brien", "scored"],
            [True, True, False, True, True, False],
            ["O", "B-PERSON", "I-PERSON", "O", "O", "O"],
            ["Sean O' Brien"],
        ),
        (
            ["striker", "Sean", "O'", "Brien", "scored"],
            [True, True, True, True, False],
            ["O", "B-PERSON", "I-PERSON", "O", "O"],
            ["Sean O' Brien"],
        ),
        (
            ["said", "O", "'", "Neill", "."],
            [True, False, True, False, False],
            ["O", "O", "O", "B-PERSON", "O"],
            ["O' Neill"],
        ),
        (
            ["Tarango", ",", "O'BRIEN", "SPRING"],
            [True, True, True, False],
            ["B-PERSON", "O", "B-PERSON", "O"],
            ["Tarango", "O'BRIEN"],
        ),
        (  # a lone "O" that no apostrophe follows stays out
            ["Sean", "O", "Brien", "scored"],
            [True, True, True, False],
            ["O", "O", "B-PERSON", "O"],
            ["Brien"],
        ),
    ],
)
def test_boundaries_apostrophe_names_stay_whole(
    blank_nlp: Language,
    words: list[str],
    spaces: list[bool],
    ents: list[str],
    expected: list[str],
) -> None:
    doc = _person_doc(blank_nlp, words, spaces, ents)
    names = [name_span(ent) for ent in doc.ents]
    assert [found[0].text for found in names if found is not None] == expected
