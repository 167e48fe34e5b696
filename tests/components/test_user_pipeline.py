"""Our factories in a user's own spaCy pipeline, as docs/components.md shows them (trained
model: slow)."""

from __future__ import annotations

import re

import pytest
import spacy
from spacy.language import Language

from extract.pipeline import DEFAULT_MODEL, NEWS_COMPONENTS
from tests.conftest import REPO

pytestmark = pytest.mark.slow

COMPONENTS_DOC = REPO / "docs" / "components.md"
PYTHON_BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
TABLE_ROW = re.compile(r"^\| `(news_[a-z_]+)` \|(.*)\|(.*)\|(.*)\|$", re.M)


def _doc_text() -> str:
    return COMPONENTS_DOC.read_text(encoding="utf-8")


@pytest.mark.parametrize("block", PYTHON_BLOCK.findall(_doc_text()))
def test_user_pipeline_doc_example_runs(block: str) -> None:
    exec(compile(block, str(COMPONENTS_DOC), "exec"), {"__name__": "components_example"})


def test_user_pipeline_doc_lists_every_factory_as_declared() -> None:
    rows = {name: (sets, needs) for name, _, sets, needs in TABLE_ROW.findall(_doc_text())}
    assert list(rows) == list(NEWS_COMPONENTS)
    for name, (sets, needs) in rows.items():
        meta = Language.get_factory_meta(name)
        assert re.findall(r"`([^`]+)`", sets) == meta.assigns, name
        assert re.findall(r"`([^`]+)`", needs.split("; reads")[0]) == meta.requires, name


@pytest.fixture(scope="module")
def own_pipeline() -> Language:
    nlp = spacy.load(DEFAULT_MODEL)
    for name in NEWS_COMPONENTS:
        nlp.add_pipe(name)
    return nlp


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Police arrested Hu Yipin in Hanoi on April 28, 2020, and 12 people fled to China.",
            {
                "persons": [("Hu Yipin", "hu-yipin")],
                "countries": [("Hanoi", "VNM", "place"), ("China", "CHN", "name")],
                "dates": [("April 28, 2020", "2020-04-28")],
                "counts": [("12 people", 12, "people")],
                "money": [],
                "facts": [("person_event", "arrest"), ("count", "flee")],
                "inferred": (None, "none", "VNM", "dominant"),
            },
        )
    ],
)
def test_user_pipeline_every_factory_by_hand(
    own_pipeline: Language, text: str, expected: dict
) -> None:
    doc = own_pipeline(text)
    assert doc._.metadata is None and doc._.issues is None
    got = {
        "persons": [(r["text"], r["person_key"]) for r in doc._.persons],
        "countries": [(r["text"], r["iso3"], r["mention_type"]) for r in doc._.countries],
        "dates": [(r["text"], r["timex"]) for r in doc._.dates],
        "counts": [(r["text"], r["value"], r["object"]) for r in doc._.counts],
        "money": [(r["text"], r["amount"]) for r in doc._.money],
        "facts": [(r["fact_type"], r["predicate"]) for r in doc._.facts],
        "inferred": (
            doc._.reference_date,
            doc._.reference_date_source,
            doc._.home_country,
            doc._.home_country_source,
        ),
    }
    assert got == expected
