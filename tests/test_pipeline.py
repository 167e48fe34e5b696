"""Pipeline composition: our components after the base model, configurable model, round trip."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from extract.components._lemma import lemma_of
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


@pytest.mark.slow
def test_pipeline_lemmatizer_runs_only_on_demand(nlp) -> None:
    assert "lemmatizer" not in nlp.pipe_names
    assert "lemmatizer" in nlp.disabled


@pytest.mark.slow
def test_pipeline_lemma_on_demand_matches_the_lemmatizer(nlp) -> None:
    text = (
        "Police arrested 7,831 people who had fled abroad; I'd say they were hiding. "
        "The companies' shares rose and the ministers said prices are falling."
    )
    lazy = nlp(text)
    nlp.enable_pipe("lemmatizer")
    try:
        eager = nlp(text)
    finally:
        nlp.disable_pipe("lemmatizer")
    assert [lemma_of(token) for token in lazy] == [token.lemma_ for token in eager]
    assert [lemma_of(token) for token in lazy][:4] == ["Police", "arrest", "7,831", "people"]


def test_pipeline_lemma_without_lemmatizer_is_the_lowercase_form(blank_nlp) -> None:
    doc = blank_nlp("Arrested Ministers")
    assert [lemma_of(token) for token in doc] == ["arrested", "ministers"]
