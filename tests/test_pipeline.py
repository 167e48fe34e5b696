"""Pipeline composition: our components after the base model, configurable model, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extract.pipeline import NEWS_COMPONENTS, load_pipeline
from extract.process import process_articles
from extract.settings import RunSettings
from extract.types import Article


def test_pipeline_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="E024: unknown model 'no_such_model'"):
        load_pipeline("no_such_model")


@pytest.mark.slow
def test_pipeline_components_follow_base_model(nlp) -> None:
    assert nlp.pipe_names[-len(NEWS_COMPONENTS) :] == list(NEWS_COMPONENTS)
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names


@pytest.mark.slow
def test_pipeline_built_model_round_trips(nlp, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "news-en")
    reloaded = spacy.load(tmp_path / "news-en")
    assert reloaded.pipe_names == nlp.pipe_names
    article = Article(
        "d", "Hu Yipin was arrested in Vietnam on April 28, 2020.", published="2020-11-02"
    )
    settings = RunSettings(model="test")
    [first] = process_articles([article], nlp, settings)
    [second] = process_articles([article], reloaded, settings)
    assert first.tables == second.tables
