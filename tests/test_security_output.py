"""--overwrite and --resume delete only what an earlier run of ours wrote: links and foreign
files stop the run before anything is touched, and a failed replacement deletes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extract.run import OutputExistsError, RunError, run
from extract.settings import RunSettings

SETTINGS = RunSettings(model="blank")
RECORDS = [{"id": f"d{n}", "text": f"Article {n} about Vietnam."} for n in range(5)]


@pytest.fixture(scope="module")
def blank() -> Language:
    import extract.extensions  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def listing(root: Path) -> list[tuple[str, str]]:
    """Every entry under ``root`` (links not followed): relative path and what it is — a
    folder, a link with its target, or a file with its SHA-256."""
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            relative = str(path.relative_to(root))
            if path.is_symlink():
                found.append((relative, "link -> " + os.readlink(path)))
            elif path.is_dir():
                found.append((relative, "folder"))
            else:
                found.append((relative, hashlib.sha256(path.read_bytes()).hexdigest()))
    return sorted(found)


@pytest.fixture()
def earlier(blank: Language, tmp_path: Path) -> tuple[Path, Path]:
    """An input file and a complete earlier run in tmp_path/out (2 shards)."""
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    out = tmp_path / "out"
    run([source], out, blank, SETTINGS, shard_size=3)
    return source, out


def _link_table_folder(out: Path, tmp_path: Path) -> None:
    """out/persons becomes a link to a folder outside --out holding the user's files."""
    elsewhere = tmp_path / "precious"
    elsewhere.mkdir()
    (elsewhere / "thesis.txt").write_text("years of work")
    (out / "persons").rename(tmp_path / "persons-moved")
    (out / "persons").symlink_to(elsewhere, target_is_directory=True)


def _link_manifest(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "manifest-elsewhere.json"
    (out / "manifest.json").rename(target)
    (out / "manifest.json").symlink_to(target)


def _link_part(out: Path, tmp_path: Path) -> None:
    target = tmp_path / "mine.parquet"
    target.write_text("not a part")
    (out / "dates" / "part-000001.parquet").unlink()
    (out / "dates" / "part-000001.parquet").symlink_to(target)


def _foreign_file(out: Path, tmp_path: Path) -> None:
    (out / "countries" / "notes.txt").write_text("my notes")


def _foreign_folder(out: Path, tmp_path: Path) -> None:
    (out / "_shards" / "backup").mkdir()
    (out / "_shards" / "backup" / "part-000000.json").write_text("{}")


def _table_name_as_file(out: Path, tmp_path: Path) -> None:
    (out / "texts").rename(tmp_path / "texts-moved")
    (out / "texts").write_text("a file of the user's named like a table")


@pytest.mark.parametrize(
    "damage,code,named",
    [
        (_link_table_folder, "E044", "out/persons"),
        (_link_manifest, "E044", "out/manifest.json"),
        (_link_part, "E044", "out/dates/part-000001.parquet"),
        (_foreign_file, "E045", "out/countries/notes.txt"),
        (_foreign_folder, "E045", "out/_shards/backup"),
        (_table_name_as_file, "E045", "out/texts"),
    ],
)
@pytest.mark.parametrize("mode", ["overwrite", "resume"])
def test_output_links_and_foreign_files_stop_before_deleting(
    blank: Language,
    earlier: tuple[Path, Path],
    tmp_path: Path,
    damage: object,
    code: str,
    named: str,
    mode: str,
) -> None:
    source, out = earlier
    damage(out, tmp_path)  # type: ignore[operator]
    before = listing(tmp_path)
    with pytest.raises(OutputExistsError, match=f"^{code}: {re.escape(str(tmp_path / named))} "):
        run([source], out, blank, SETTINGS, shard_size=3, **{mode: True})
    assert listing(tmp_path) == before


def test_output_overwrite_replaces_only_our_files(
    blank: Language, earlier: tuple[Path, Path], tmp_path: Path
) -> None:
    source, out = earlier
    (out / "README.txt").write_text("the user's file next to the tables")
    (out / "documents.csv").write_text("id,text\nmine,named like a table\n")
    (out / "sub").mkdir()
    (out / "sub" / "part-000000.parquet").write_text("not in a table folder: not ours")
    user_files = [
        entry for entry in listing(out) if entry[0].startswith(("README", "sub", "documents.csv"))
    ]
    first = listing(out)
    run([source], out, blank, SETTINGS, shard_size=3, overwrite=True)
    again = listing(out)
    assert [
        entry for entry in again if entry[0].startswith(("README", "sub", "documents.csv"))
    ] == user_files
    assert not (out / ".replaced-run.partial").exists()
    # same input, same files; same tables (the manifest and shard markers hold timings)
    assert [name for name, _ in again] == [name for name, _ in first]
    timed = ("manifest.json", "_shards/")
    assert [e for e in again if not e[0].startswith(timed)] == [
        e for e in first if not e[0].startswith(timed)
    ]


def test_output_failed_move_aside_deletes_nothing(
    blank: Language, earlier: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, out = earlier
    before = listing(tmp_path)
    rename = Path.rename
    calls = []

    def fail_third(self: Path, target: Path) -> Path:  # type: ignore[override]
        calls.append(self.name)
        if len(calls) == 3:
            raise PermissionError(13, "Permission denied")
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", fail_third)
    with pytest.raises(RunError, match="cannot replace the run in .*nothing was deleted"):
        run([source], out, blank, SETTINGS, shard_size=3, overwrite=True)
    monkeypatch.undo()
    assert len(calls) > 3  # two moved aside, the third failed, two moved back
    assert listing(tmp_path) == before


def test_output_leftover_of_a_crashed_overwrite_is_removed(
    blank: Language, earlier: tuple[Path, Path]
) -> None:
    source, out = earlier
    (out / ".replaced-run.partial" / "persons").mkdir(parents=True)
    (out / ".replaced-run.partial" / "persons" / "part-000000.parquet").write_text("old")
    run([source], out, blank, SETTINGS, shard_size=3, overwrite=True)
    assert not (out / ".replaced-run.partial").exists()


def test_output_remote_foreign_file_stops_overwrite(blank: Language, tmp_path: Path) -> None:
    import uuid

    import fsspec

    memory = fsspec.filesystem("memory")
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    name = f"overwrite-{uuid.uuid4().hex[:12]}"
    out = f"memory://{name}/out"
    try:
        run([source], out, blank, SETTINGS, shard_size=3)
        memory.pipe_file(f"/{name}/out/persons/notes.txt", b"mine")
        before = sorted(memory.find(f"/{name}"))
        with pytest.raises(OutputExistsError, match=f"^E045: {re.escape(out)}/persons/notes.txt "):
            run([source], out, blank, SETTINGS, shard_size=3, overwrite=True)
        assert sorted(memory.find(f"/{name}")) == before
        memory.rm(f"/{name}/out/persons/notes.txt")
        run([source], out, blank, SETTINGS, shard_size=3, overwrite=True)
        assert sorted(memory.find(f"/{name}/out/persons")) == [
            f"/{name}/out/persons/part-000000.parquet",
            f"/{name}/out/persons/part-000001.parquet",
        ]
    finally:
        memory.rm(f"/{name}", recursive=True)
