"""news-extract: typed fact tables from batches of news articles.

The public API (docs/python.md)::

    import extract
    tables = extract.extract_frames(["Hu Yipin was arrested in Vietnam on April 28, 2020."])
    tables.persons                       # a pandas DataFrame, typed as the schema declares
    run = extract.read_tables("out/")    # the tables of any `extract run`
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extract.types import Article

if TYPE_CHECKING:
    from extract.api import extract_frames, extract_tables, read_arrow_tables, read_tables
    from extract.pipeline import DEFAULT_MODEL, load_pipeline
    from extract.settings import InputError, ModelError, SettingsError
    from extract.tables.frames import Tables

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MODEL",
    "Article",
    "InputError",
    "ModelError",
    "SettingsError",
    "Tables",
    "__version__",
    "extract_frames",
    "extract_tables",
    "load_pipeline",
    "read_arrow_tables",
    "read_tables",
]

# spaCy and pyarrow load only when something that needs them is asked for, so the pure
# normalisers import fast.
_LAZY = {
    "load_pipeline": "extract.pipeline",
    "DEFAULT_MODEL": "extract.pipeline",
    "extract_frames": "extract.api",
    "extract_tables": "extract.api",
    "read_tables": "extract.api",
    "read_arrow_tables": "extract.api",
    "Tables": "extract.tables.frames",
    "SettingsError": "extract.settings",
    "InputError": "extract.settings",
    "ModelError": "extract.settings",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
