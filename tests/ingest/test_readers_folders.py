"""Folder walks: ids from relative paths, files not read listed with a reason, compressions."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
from collections.abc import Callable
from pathlib import Path

import pytest
import spacy
import zstandard
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.ingest import read_articles
from extract.ingest.formats import Format, compression, detect_format, skip_reason, stem
from extract.ingest.walk import list_input
from extract.run import MANIFEST, RunError, read_manifest, run
from extract.settings import RunSettings

runner = CliRunner()
COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": zstandard.ZstdCompressor().compress,
}


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _summary(articles) -> list[tuple[str, str, str | None]]:
    return [(a.doc_id, a.text, a.error.split(":")[0] if a.error else None) for a in articles]


@pytest.fixture(scope="module")
def blank() -> Language:
    import extract.extensions  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _bbc(root: Path) -> Path:
    """The BBC dataset's layout: <category>/NNN.txt, the same numbers in every category."""
    for category in ("business", "sport", "tech"):
        for number in ("001", "002"):
            _write(root / "bbc" / category / f"{number}.txt", f"{category} story {number}.")
    return root / "bbc"


def test_readers_folder_ids_are_relative_paths_bbc_layout(tmp_path: Path) -> None:
    assert _summary(read_articles([_bbc(tmp_path)])) == [
        ("business/001", "business story 001.", None),
        ("business/002", "business story 002.", None),
        ("sport/001", "sport story 001.", None),
        ("sport/002", "sport story 002.", None),
        ("tech/001", "tech story 001.", None),
        ("tech/002", "tech story 002.", None),
    ]


def test_readers_folder_ids_nested_compressed_and_html(tmp_path: Path) -> None:
    _write(tmp_path / "a" / "b" / "c.txt.bz2", bz2.compress(b"Deep."))
    _write(tmp_path / "a" / "page.htm", "<html><body><p>Page.</p></body></html>")
    _write(tmp_path / "x.y.txt", "Dotted name.")
    assert _summary(read_articles([tmp_path])) == [
        ("a/b/c", "Deep.", None),
        ("a/page", "Page.", None),
        ("x.y", "Dotted name.", None),
    ]


def test_readers_file_named_directly_keeps_its_stem(tmp_path: Path) -> None:
    path = _write(tmp_path / "business" / "001.txt.gz", gzip.compress(b"Direct."))
    [article] = read_articles([path])
    assert (article.doc_id, article.text, article.origin) == ("001", "Direct.", str(path))


def test_readers_folder_records_without_id_are_named_by_relative_path(tmp_path: Path) -> None:
    _write(tmp_path / "feeds" / "a.jsonl", json.dumps({"text": "No id."}) + "\n")
    _write(tmp_path / "feeds" / "b.csv", "text\nNo id either.\n")
    assert _summary(read_articles([tmp_path])) == [
        ("feeds/a.jsonl#L1", "", "E005"),
        ("feeds/b.csv#R1", "", "E005"),
    ]


def test_readers_folder_skipped_files_listed_with_reasons(tmp_path: Path) -> None:
    _write(tmp_path / "ok.txt", "Read.")
    _write(tmp_path / ".DS_Store", b"\x00")
    _write(tmp_path / ".git" / "config", "[core]")
    _write(tmp_path / ".git" / "objects" / "ab", b"x")
    _write(tmp_path / "notes.pdf", b"%PDF")
    _write(tmp_path / "sub" / "README", "about")
    _write(tmp_path / "sub" / "dump.zip", b"PK")
    _write(tmp_path / "sub" / "logs.tar.gz", b"\x1f\x8b")
    _write(tmp_path / "sub" / ".cache.txt", "hidden file")
    listing = list_input(tmp_path)
    assert [f.name for f in listing.files] == ["ok"]
    assert [(s.path, s.reason) for s in listing.skipped] == [
        (f"{tmp_path}/.DS_Store", "hidden (name starts with a dot)"),
        (f"{tmp_path}/.git/", "hidden (name starts with a dot)"),
        (f"{tmp_path}/notes.pdf", "unknown format"),
        (f"{tmp_path}/sub/.cache.txt", "hidden (name starts with a dot)"),
        (f"{tmp_path}/sub/README", "unknown format"),
        (f"{tmp_path}/sub/dump.zip", "unsupported archive or compression (.zip)"),
        (f"{tmp_path}/sub/logs.tar.gz", "unsupported archive or compression (.tar)"),
    ]
    assert listing.is_listing


@pytest.mark.parametrize(
    "name,fmt,kind,reason,name_stem",
    [
        ("a.txt", Format.TEXT, None, None, "a"),
        ("a.TXT.GZ", Format.TEXT, "gzip", None, "a"),
        ("a.jsonl.bz2", Format.JSONL, "bz2", None, "a"),
        ("a.csv.xz", Format.CSV, "xz", None, "a"),
        ("a.html.zst", Format.HTML, "zstd", None, "a"),
        ("a.b.txt", Format.TEXT, None, None, "a.b"),
        ("a.zip", None, None, "unsupported archive or compression (.zip)", "a"),
        ("a.txt.zip", None, None, "unsupported archive or compression (.zip)", "a.txt"),
        ("a.tgz", None, None, "unsupported archive or compression (.tgz)", "a"),
        ("a.txt.lz4", None, None, "unsupported archive or compression (.lz4)", "a.txt"),
        ("a.gz", None, "gzip", "unknown format", "a"),
        ("README", None, None, "unknown format", "README"),
    ],
)
def test_formats_compression_format_and_skip_reason(
    name: str, fmt: Format | None, kind: str | None, reason: str | None, name_stem: str
) -> None:
    path = Path(name)
    assert (detect_format(path), compression(path), skip_reason(path), stem(path)) == (
        fmt,
        kind,
        reason,
        name_stem,
    )


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_readers_every_format_reads_every_compression(tmp_path: Path, suffix: str) -> None:
    compress = COMPRESSORS[suffix]
    record = json.dumps({"id": "j1", "text": "From JSONL."}) + "\n"
    _write(tmp_path / f"n.jsonl{suffix}", compress(record.encode()))
    _write(tmp_path / f"n.csv{suffix}", compress(b"id,text\nc1,From CSV.\n"))
    _write(tmp_path / f"n.txt{suffix}", compress(b"From text."))
    _write(tmp_path / f"p.html{suffix}", compress(b"<html><body><p>From HTML.</p></body></html>"))
    assert _summary(read_articles([tmp_path])) == [
        ("c1", "From CSV.", None),
        ("j1", "From JSONL.", None),
        ("n", "From text.", None),
        ("p", "From HTML.", None),
    ]


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_readers_truncated_compressed_file_is_error_row(tmp_path: Path, suffix: str) -> None:
    data = COMPRESSORS[suffix](("Long enough text. " * 200).encode())
    path = _write(tmp_path / f"cut.txt{suffix}", data[: len(data) // 2])
    [article] = read_articles([path])
    assert (article.doc_id, article.text, (article.error or "")[:4]) == ("cut", "", "E010")


def test_readers_multi_frame_zstd_is_read_whole(tmp_path: Path) -> None:
    compress = COMPRESSORS[".zst"]
    lines = [json.dumps({"id": f"z{n}", "text": f"Frame {n}."}) + "\n" for n in range(3)]
    path = _write(tmp_path / "f.jsonl.zst", b"".join(compress(line.encode()) for line in lines))
    assert _summary(read_articles([path])) == [
        ("z0", "Frame 0.", None),
        ("z1", "Frame 1.", None),
        ("z2", "Frame 2.", None),
    ]


def test_run_manifest_lists_skipped_files_and_summary_counts_them(
    tmp_path: Path, blank: Language
) -> None:
    bbc = _bbc(tmp_path)
    _write(bbc / ".DS_Store", b"\x00")
    _write(bbc / "README.md", "about the dataset")
    out = tmp_path / "out"
    summary = run([bbc], out, blank, RunSettings(model="blank"))
    manifest = read_manifest(out)
    assert manifest is not None
    assert (manifest["skipped_files"], manifest["skipped_files_count"]) == (
        [
            {"path": f"{bbc}/.DS_Store", "reason": "hidden (name starts with a dot)"},
            {"path": f"{bbc}/README.md", "reason": "unknown format"},
        ],
        2,
    )
    assert [Path(item["path"]).relative_to(bbc).as_posix() for item in manifest["inputs"]] == [
        "business/001.txt",
        "business/002.txt",
        "sport/001.txt",
        "sport/002.txt",
        "tech/001.txt",
        "tech/002.txt",
    ]
    assert (summary.articles, summary.errors, summary.skipped_files) == (6, 0, 2)
    assert summary.line().endswith(f"; 2 files not read (listed in {MANIFEST} skipped_files)")


def test_run_input_folder_with_nothing_readable_is_an_error(
    tmp_path: Path, blank: Language
) -> None:
    folder = tmp_path / "in"
    _write(folder / "a.pdf", b"%PDF")
    _write(folder / ".hidden.txt", "x")
    out = tmp_path / "out"
    with pytest.raises(RunError) as raised:
        run([folder], out, blank, RunSettings(model="blank"))
    assert str(raised.value) == (
        f"E036: input folder {folder} holds nothing to read (2 files not read: hidden, unknown "
        "format or unsupported archive; see docs/ingest.md)"
    )
    assert not out.exists()


def test_run_cli_empty_input_folder_exits_non_zero(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    # two workers: the model is not loaded in this process, so the check comes first and fast
    args = ["run", str(folder), "--out", str(tmp_path / "out"), "--workers", "2"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "E036: input folder" in result.output
    assert "holds nothing to read (0 files not read" in " ".join(result.output.split())
