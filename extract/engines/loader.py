"""Load the pipeline once per process (pool worker, Dask worker) and reuse it for every shard."""

from __future__ import annotations

import threading
from dataclasses import dataclass

from spacy.language import Language

from extract.pipeline import DEFAULT_MODEL, NEWS_COMPONENTS, load_pipeline


@dataclass(frozen=True)
class PipelineSpec:
    """What to load: picklable and hashable, so it travels to workers and keys the cache."""

    model: str = DEFAULT_MODEL
    components: tuple[str, ...] = NEWS_COMPONENTS


_PIPELINES: dict[PipelineSpec, Language] = {}
_LOCK = threading.Lock()


def get_pipeline(spec: PipelineSpec) -> Language:
    """The pipeline for ``spec``, loaded on first use in this process."""
    with _LOCK:
        nlp = _PIPELINES.get(spec)
        if nlp is None:
            nlp = load_pipeline(spec.model, components=spec.components)
            _PIPELINES[spec] = nlp
        return nlp


def model_is_available(model: str) -> bool:
    """True when ``model`` names an installed package or a pipeline folder (cheap check)."""
    from pathlib import Path

    import spacy.util

    from extract.pipeline import MODEL_PROFILES

    model = MODEL_PROFILES.get(model, model)
    return spacy.util.is_package(model) or (Path(model) / "config.cfg").exists()
