"""Input formats and compressions, detected from file names."""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePosixPath

from extract.storage import AnyPath


class Format(StrEnum):
    TEXT = "txt"
    JSONL = "jsonl"
    CSV = "csv"
    HTML = "html"
    PARQUET = "parquet"
    WARC = "warc"  # also ARC: extract/ingest/warc.py


_SUFFIXES = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".json": Format.JSONL,
    ".csv": Format.CSV,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".parquet": Format.PARQUET,
    ".warc": Format.WARC,
    ".arc": Format.WARC,
}
# Compressions read for every format, as a stream: suffix -> fsspec compression name.
COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
# Archives hold several files; they are listed as skipped, never unpacked.
ARCHIVES = (".zip", ".tar", ".tgz", ".tbz2", ".txz", ".7z", ".rar", ".lz4", ".lzma", ".z", ".br")
UNKNOWN_FORMAT = "unknown format"
UNSUPPORTED_ARCHIVE = "unsupported archive or compression ({suffix})"


def _suffixes(path: AnyPath) -> list[str]:
    return [s.lower() for s in PurePosixPath(path.name).suffixes]


def compression(path: AnyPath) -> str | None:
    """The compression of ``path`` from its last suffix (gzip, bz2, xz, zstd), or None."""
    suffixes = _suffixes(path)
    return COMPRESSIONS.get(suffixes[-1]) if suffixes else None


def detect_format(path: AnyPath) -> Format | None:
    """The format of ``path`` from its suffix, looking through a compression suffix."""
    suffixes = _suffixes(path)
    if suffixes and suffixes[-1] in COMPRESSIONS:
        suffixes = suffixes[:-1]
    return _SUFFIXES.get(suffixes[-1]) if suffixes else None


def skip_reason(path: AnyPath) -> str | None:
    """Why a folder walk does not read ``path`` (None: it is read)."""
    if detect_format(path) is not None:
        return None
    suffixes = _suffixes(path)
    archive = next((s for s in reversed(suffixes) if s in ARCHIVES), None)
    if archive is not None:
        return UNSUPPORTED_ARCHIVE.format(suffix=archive)
    return UNKNOWN_FORMAT


def stem(path: AnyPath) -> str:
    """File name without its compression suffix and its format suffix."""
    name = path.name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in COMPRESSIONS:
        name = name[: -len(suffix)]
    return PurePosixPath(name).stem
