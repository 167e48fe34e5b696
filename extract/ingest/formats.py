"""Input formats and their detection from file names."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from extract.storage import AnyPath


class Format(StrEnum):
    TEXT = "txt"
    JSONL = "jsonl"
    CSV = "csv"
    HTML = "html"


_SUFFIXES = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSONL,
    ".csv": Format.CSV,
    ".html": Format.HTML,
    ".htm": Format.HTML,
}


def detect_format(path: AnyPath) -> Format | None:
    """The format of ``path`` from its suffix, looking through a trailing ``.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return _SUFFIXES.get(suffixes[-1]) if suffixes else None


def is_gzip(path: AnyPath) -> bool:
    return path.suffix.lower() == ".gz"


def stem(path: AnyPath) -> str:
    """File name without its format suffix and without ``.gz``."""
    name = path.name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem
