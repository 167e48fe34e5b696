"""The output folder of a run: what a run of ours wrote there, and how it is replaced or resumed.

A run writes only inside ``--out``: the table folders ``<table>/`` holding ``part-NNNNNN.<fmt>``
files, ``_shards/part-NNNNNN.json`` markers, ``manifest.json``, ``tables.duckdb`` and hidden
``.….partial`` temporary files. These names (the declared tables and our own file names) are
what ``--overwrite`` and ``--resume`` may delete; everything else in ``--out`` is left alone.
Before anything is deleted, every one of those entries is checked: a symbolic link (E044) or a
file inside a table folder that is not one of our parts (E045) stops the run with nothing
touched. A local run is then moved aside into a hidden folder by renames (undone if one fails)
and only then deleted, so a failure never leaves a half-deleted run. Object stores have no
rename: their checked entries are deleted one by one. See docs/security.md.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from extract.errors import Errors
from extract.storage import AnyPath, RemotePath
from extract.tables.schema import SUMMARY_TABLES, TABLES
from extract.tables.writers import (
    DUCKDB_FILE,
    MANIFEST,
    PARTIAL,
    SHARDS_DIR,
    OutputFormat,
    shard_index,
    table_dir,
)

RUN_FILES = (MANIFEST, DUCKDB_FILE, DUCKDB_FILE + ".wal")
REPLACED = ".replaced-run" + PARTIAL  # where an overwritten run waits to be deleted
PART_SUFFIXES = frozenset(fmt.shard_suffix for fmt in OutputFormat) | {"json"}


class RunError(RuntimeError):
    """A run cannot start or go on; the message says why and what to do."""


class OutputExistsError(RunError):
    pass


def _is_ours(path: AnyPath) -> bool:
    """Whether the name of an entry of ``--out`` is one a run of ours writes (a user's own
    ``documents.csv`` next to the tables is not: runs write only table folders)."""
    name = path.name
    return (
        name in TABLES
        or name in RUN_FILES
        or name == SHARDS_DIR
        or name.startswith(".")
        and name.endswith(PARTIAL)
    )


def _is_link(path: AnyPath) -> bool:
    return isinstance(path, Path) and path.is_symlink()


def _is_our_part(path: AnyPath) -> bool:
    """A shard file or marker (``part-000012.parquet``, ``.part-000012.csv.partial``)."""
    name = path.name
    if name.startswith(".") and name.endswith(PARTIAL):
        name = name[1 : -len(PARTIAL)]
    index = shard_index(path.with_name(name)) if name else None
    return index is not None and name.split(".", 1)[-1] in PART_SUFFIXES and path.is_file()


def _checked(path: AnyPath) -> AnyPath:
    """``path`` (an entry with one of our names) if it is safe to delete, else OutputExistsError
    naming the link (E044) or the foreign file (E045)."""
    if _is_link(path):
        raise OutputExistsError(Errors.E044.format(path=path))
    if path.name in TABLES or path.name == SHARDS_DIR:
        if not path.is_dir():
            raise OutputExistsError(Errors.E045.format(path=path))
        for child in path.iterdir():
            if _is_link(child):
                raise OutputExistsError(Errors.E044.format(path=child))
            if not _is_our_part(child):
                raise OutputExistsError(Errors.E045.format(path=child))
    elif path.name == REPLACED:
        if not path.is_dir():
            raise OutputExistsError(Errors.E045.format(path=path))
    elif not path.is_file():
        raise OutputExistsError(Errors.E045.format(path=path))
    return path


def _remove(path: AnyPath) -> None:
    """Delete one checked entry (a folder with its files). Links are never followed:
    ``shutil.rmtree`` refuses a link and unlinks the links inside without following them."""
    if isinstance(path, RemotePath):
        if path.is_dir():
            path.rmtree()
        else:
            path.unlink(missing_ok=True)
    elif path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def completed_shards(out_dir: AnyPath) -> dict[int, dict[str, Any]]:
    """Markers of the shards whose tables were all written, by shard index."""
    folder = out_dir / SHARDS_DIR
    done: dict[int, dict[str, Any]] = {}
    if folder.is_dir():
        for path in folder.iterdir():
            index = shard_index(path)
            if index is not None and path.suffix == ".json":
                done[index] = json.loads(path.read_text(encoding="utf-8"))
    return done


def prepare_output(
    out_dir: AnyPath, *, overwrite: bool, resume: bool = False
) -> dict[int, dict[str, Any]]:
    """Make ``out_dir`` ready; returns the completed shards to keep (empty unless resuming).

    A folder holding another run is an error unless ``overwrite`` (delete that run's files) or
    ``resume`` (keep its completed shards, discard the rest). Files that are not ours are never
    deleted; a non-empty folder without a run needs ``overwrite`` to be written into."""
    if overwrite and resume:
        raise RunError("--overwrite and --resume exclude each other")
    entries = _entries(out_dir)
    ours = [path for path in entries if _is_ours(path)]
    if ours and resume:
        for path in ours:
            _checked(path)
        done = completed_shards(out_dir)
        _discard_incomplete(out_dir, set(done))
        return done
    if ours and not overwrite:
        raise OutputExistsError(Errors.E022.format(path=out_dir))
    if entries and not ours and not overwrite:
        raise OutputExistsError(
            f"output folder {out_dir} holds other files; choose an empty folder or pass --overwrite "
            "to write the tables next to them"
        )
    _remove_run(out_dir, [_checked(path) for path in ours])
    return {}


def _entries(out_dir: AnyPath) -> list[AnyPath]:
    if out_dir.exists() and not out_dir.is_dir():
        raise RunError(f"--out {out_dir} is a file, not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        return list(out_dir.iterdir())
    except PermissionError as error:
        raise RunError(f"permission denied: cannot use {out_dir} as output folder") from error
    except OSError as error:
        raise RunError(
            f"cannot use {out_dir} as output folder: {error.strerror or error}"
        ) from error


def _remove_run(out_dir: AnyPath, ours: list[AnyPath]) -> None:
    """Delete the checked entries ``ours``: locally, all moved aside first (or none)."""
    if isinstance(out_dir, RemotePath) or not ours:
        for path in ours:
            _remove(path)
        return
    _move_aside_then_delete(Path(str(out_dir)), [Path(str(path)) for path in ours])


def _move_aside_then_delete(out_dir: Path, ours: list[Path]) -> None:
    aside = out_dir / REPLACED
    for path in ours:
        if path.name == REPLACED:  # left by a crashed overwrite: its run was checked then
            _remove(path)
    ours = [path for path in ours if path.name != REPLACED]
    aside.mkdir()
    moved: list[Path] = []
    try:
        for path in ours:
            path.rename(aside / path.name)
            moved.append(path)
    except OSError as error:
        for path in reversed(moved):
            (aside / path.name).rename(path)
        aside.rmdir()
        raise RunError(
            f"cannot replace the run in {out_dir}: {error.strerror or error}; nothing was deleted"
        ) from error
    try:
        shutil.rmtree(aside)
    except OSError as error:
        raise RunError(
            f"the earlier run was moved to {aside} but could not be deleted "
            f"({error.strerror or error}); delete it and run again"
        ) from error


def _discard_incomplete(out_dir: AnyPath, keep: set[int]) -> None:
    """Remove temporary files, parts of shards without a marker, and end-of-run products."""
    for table in TABLES:
        folder = table_dir(out_dir, table)
        if table in SUMMARY_TABLES:
            _remove(folder)
            continue
        if folder.is_dir():
            for path in folder.iterdir():
                if shard_index(path) not in keep:
                    path.unlink()
    for path in out_dir.iterdir():
        if path.name.startswith(".") and path.name.endswith(PARTIAL):
            _remove(path)
    shards = out_dir / SHARDS_DIR
    if shards.is_dir():
        for path in shards.iterdir():
            if shard_index(path) not in keep:
                path.unlink()
    for name in (DUCKDB_FILE, DUCKDB_FILE + ".wal"):
        (out_dir / name).unlink(missing_ok=True)
