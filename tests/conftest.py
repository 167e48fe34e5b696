"""The one conftest: shared fixtures. The trained model loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SEED_PATH = REPO / "corpora" / "samples" / "seed_article.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full pipeline: trained model plus our components."""
    from extract.pipeline import load_pipeline

    return load_pipeline()


def tiny_pipeline() -> Language:
    """Blank English with a sentencizer and our components except facts (which needs a parse):
    enough for properties of the runner that do not depend on the trained model."""
    from extract.pipeline import NEWS_COMPONENTS

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    for name in NEWS_COMPONENTS:
        if name != "news_facts":
            nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def tiny() -> Language:
    return tiny_pipeline()


@pytest.fixture(scope="session")
def blank_nlp() -> Language:
    import extract.extensions  # noqa: F401

    return spacy.blank("en")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def shared_file(relative: str) -> Path:
    """A file of ../shared/data, or a skip with the reason when it is not there."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared/data is optional)")
    return path
