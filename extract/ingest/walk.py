"""Which files the inputs name: folders walked in sorted order, with what is not read and why.

A file found in a folder walk is named by its path relative to the input folder, in POSIX form
(``/`` on every OS), without its format and compression suffixes: ``business/001`` for
``bbc/business/001.txt``. That name is the id of a one-article file (.txt, .html), so the same
file name in two subfolders gives two ids. A file named directly keeps its stem. See
docs/ingest.md ("Ids").
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from extract.ingest.formats import skip_reason, stem
from extract.storage import AnyPath, RemotePath, as_path

STDIN = "-"
HIDDEN = "hidden (name starts with a dot)"
SYMLINKED_FOLDER = "symbolic link to a folder (not followed)"


@dataclass(frozen=True)
class InputFile:
    """A file to read. ``name`` is its id stem (see the module docstring); ``label`` is its
    relative path with suffixes, which prefixes the fallback ids of its records."""

    path: AnyPath | str
    name: str
    label: str


@dataclass(frozen=True)
class SkippedFile:
    path: str
    reason: str


@dataclass
class InputListing:
    """What one input (file, folder, glob URL or stdin) names."""

    item: str
    is_listing: bool  # a folder or a glob: several files
    files: list[InputFile] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)


def _named(path: AnyPath, relative: tuple[str, ...]) -> InputFile:
    label = "/".join(relative)
    name = "/".join((*relative[:-1], stem(path)))
    return InputFile(path, name, label)


def _hidden_prefix(relative: tuple[str, ...]) -> tuple[str, ...] | None:
    for depth, part in enumerate(relative, start=1):
        if part.startswith("."):
            return relative[:depth]
    return None


def _sort_entries(
    listing: InputListing, found: list[tuple[tuple[str, ...], AnyPath]], root: str
) -> None:
    """Files of a walk, as (relative parts, path) in sorted order, into ``listing``."""
    hidden_seen: set[tuple[str, ...]] = set()
    for relative, path in sorted(found, key=lambda entry: entry[0]):
        hidden = _hidden_prefix(relative)
        if hidden is not None:
            if hidden not in hidden_seen:
                hidden_seen.add(hidden)
                suffix = "/" if len(hidden) < len(relative) else ""
                listing.skipped.append(SkippedFile(f"{root}/{'/'.join(hidden)}{suffix}", HIDDEN))
            continue
        reason = skip_reason(path)
        if reason is not None:
            listing.skipped.append(SkippedFile(str(path), reason))
        else:
            listing.files.append(_named(path, relative))


def _walk_local(folder: Path, listing: InputListing) -> None:
    found: list[tuple[tuple[str, ...], AnyPath]] = []
    for current, dirs, files in os.walk(folder):
        base = Path(current)
        relative_base = base.relative_to(folder).parts
        for name in sorted(dirs):
            reason = SYMLINKED_FOLDER if (base / name).is_symlink() else None
            if name.startswith("."):
                reason = HIDDEN  # not walked: one entry stands for the whole folder
            if reason is not None:
                dirs.remove(name)
                listing.skipped.append(SkippedFile(f"{base / name}/", reason))
        found.extend(((*relative_base, name), base / name) for name in files)
    _sort_entries(listing, found, str(folder))
    listing.skipped.sort(key=lambda skipped: skipped.path)


def list_input(item: str | AnyPath) -> InputListing:
    """The files ``item`` names, read or skipped (hidden, unknown format, unsupported
    archive). A file named directly is always read (an unknown format is then an error row)."""
    if str(item) == STDIN:
        return InputListing(STDIN, False, [InputFile(STDIN, "<stdin>", "<stdin>")])
    path = as_path(item)
    listing = InputListing(str(item), False)
    if isinstance(path, RemotePath) and path.is_listing():
        listing.is_listing = True
        root = str(path.fixed_root())
        _sort_entries(listing, list(path.walk_files()), root)
    elif isinstance(path, Path) and path.is_dir():
        listing.is_listing = True
        _walk_local(path, listing)
    else:
        listing.files.append(InputFile(path, stem(path), path.name))
    return listing


def list_inputs(inputs: Iterable[str | AnyPath]) -> Iterator[InputListing]:
    for item in inputs:
        yield list_input(item)


def iter_input_files(inputs: Iterable[str | AnyPath]) -> Iterator[AnyPath | str]:
    """The files to read, in input order; folders walked recursively in sorted order. fsspec
    URLs (extract/storage.py) name a file, a folder (key prefix) or a glob, listed the same way."""
    for listing in list_inputs(inputs):
        for input_file in listing.files:
            yield input_file.path
