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
