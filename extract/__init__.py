"""news-extract: typed fact tables from batches of news articles."""

from __future__ import annotations

from typing import Any

from extract.types import Article

__version__ = "0.1.0"

__all__ = ["Article", "__version__", "load_pipeline"]


def __getattr__(name: str) -> Any:
    # spaCy loads only when the pipeline is asked for, so the pure normalisers import fast.
    if name in ("load_pipeline", "DEFAULT_MODEL"):
        from extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(name)
