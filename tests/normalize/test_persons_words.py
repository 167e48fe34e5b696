"""extract.normalize.persons_words: the person rules' small word lists, checked on load."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extract.normalize.persons_words import parse_word_lists, word_lists
from extract.normalize.rules_data import RulesError, read_rules_text

PARTICLES = frozenset({"de", "van", "al"})


def _file_data() -> dict[str, Any]:
    """The shipped file, its particle lists cut down to ``PARTICLES``."""
    data = json.loads(read_rules_text("persons_words.json"))
    data.update(
        surname_particles=["de"], initial_glued_particles=["de"], affiliation_particles=["van"]
    )
    return data


@pytest.mark.parametrize(
    "field,expected",
    [
        ("period_kept", frozenset({"jr.", "sr.", "st."})),
        ("name_suffixes", frozenset({"jr", "sr", "ii", "iii", "iv"})),
        ("rank_leads", frozenset({"number", "no"})),
        ("fixture_words", frozenset({"v", "v.", "vs", "vs."})),
        ("dismissals", frozenset({"c", "b", "st", "lbw"})),
        ("did_not_bat", ("did", "not", "bat")),
        ("ordinal_suffixes", ("st", "nd", "rd", "th")),
        ("word_coordinators", frozenset({"and", "&", "or", "nor", "with"})),
    ],
)
def test_persons_words_values(field: str, expected: object) -> None:
    assert getattr(word_lists(), field) == expected


def test_persons_words_regnal_numbers_keep_their_case() -> None:
    numbers = word_lists().regnal_numbers
    assert "VIII" in numbers and "viii" not in numbers and len(numbers) == 15


@pytest.mark.parametrize(
    "changes,message",
    [
        ({"fixture_words": None}, "missing keys ['fixture_words']"),
        ({"rank_leads": []}, "'rank_leads' must not be empty"),
        ({"rank_leads": "number"}, "'rank_leads' must be a list of text"),
        ({"rank_leads": ["number "]}, "'rank_leads' has a bad entry"),
        ({"rank_leads": [3]}, "'rank_leads' must be a list of text"),
        ({"surname_particles": ["de", "mc"]}, "'surname_particles' holds non-particles ['mc']"),
        ({"scorecard_signs": ["(unclosed"]}, "bad pattern '(unclosed'"),
    ],
)
def test_persons_words_rejects_bad_files(changes: dict[str, Any], message: str) -> None:
    data = _file_data()
    for key, value in changes.items():
        if value is None:
            del data[key]
        else:
            data[key] = value
    with pytest.raises(RulesError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse_word_lists(data, PARTICLES)


def test_persons_words_particle_subsets_are_name_particles() -> None:
    from extract.normalize.persons import name_particles

    lists = word_lists()
    for subset in (
        lists.surname_particles,
        lists.initial_glued_particles,
        lists.affiliation_particles,
    ):
        assert subset <= name_particles()
