"""The declared contracts of the pipeline: every factory's requires/assigns are met in order."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.slow


def test_contracts_analyze_pipes_reports_no_problems(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert {name: problems for name, problems in analysis["problems"].items() if problems} == {}


def test_contracts_what_our_components_read(nlp: Language) -> None:
    summary = nlp.analyze_pipes()["summary"]
    assert "doc._.home_country" in summary["news_money"]["requires"]
    assert {"doc._.dates", "doc._.money"} <= set(summary["news_counts"]["requires"])
    assert summary["news_facts"]["requires"][:5] == [
        "doc._.persons",
        "doc._.countries",
        "doc._.dates",
        "doc._.counts",
        "doc._.money",
    ]


def test_contracts_inferred_metadata_has_one_component_each(nlp: Language) -> None:
    """The reference date and the home country are each assigned by their own component, and
    no component assigns the runner's metadata."""
    summary = nlp.analyze_pipes()["summary"]
    assigners = {
        attribute: [name for name, pipe in summary.items() if attribute in pipe["assigns"]]
        for attribute in (
            "doc._.metadata",
            "doc._.reference_date",
            "doc._.reference_date_source",
            "doc._.home_country",
            "doc._.home_country_source",
        )
    }
    assert assigners == {
        "doc._.metadata": [],
        "doc._.reference_date": ["news_reference_date"],
        "doc._.reference_date_source": ["news_reference_date"],
        "doc._.home_country": ["news_home_country"],
        "doc._.home_country_source": ["news_home_country"],
    }
    assert "doc._.reference_date" in summary["news_dates"]["requires"]
    assert "doc._.countries" in summary["news_home_country"]["requires"]
