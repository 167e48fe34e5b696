"""Encodings: declared (--encoding), byte-order marks, UTF-8, cautious detection, error rows."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import spacy
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.ingest import read_articles
from extract.ingest.charsets import Decoded, decode_text, stream_encoding
from extract.run import read_manifest, run
from extract.settings import RunSettings, SettingsError

runner = CliRunner()
RUSSIAN = "Президент России заявил, что экономика страны растёт."
POLISH = "Prezydent Polski powiedział, że gospodarka rośnie. Zażółć gęślą jaźń. Rząd ogłosił. " * 2
QUOTES = "“Hello” – he said — €5"
E048 = (
    "E048: text is neither UTF-8 nor windows-1252 and no other encoding was detected "
    "({detail}); pass --encoding"
)


@pytest.mark.parametrize(
    "data,declared,expected",
    [
        (b"plain ascii", None, Decoded("plain ascii", "utf-8")),
        ("café".encode(), None, Decoded("café", "utf-8")),
        (b"\xef\xbb\xbfBOM", None, Decoded("BOM", "utf-8")),
        ("Hello".encode("utf-16"), None, Decoded("Hello", "utf-16")),
        ("Hello".encode("utf-32"), None, Decoded("Hello", "utf-32")),
        # short Latin-1 text: cp1252 (charset-normalizer alone says cp1006, Urdu)
        (b"caf\xe9 au lait", None, Decoded("café au lait", "cp1252")),
        # 0x80-0x9F: printable in cp1252, C1 controls in Latin-1
        (QUOTES.encode("cp1252"), None, Decoded(QUOTES, "cp1252")),
        # a detector's cp1250 that decodes exactly as cp1252 is reported as cp1252
        (((QUOTES + " ") * 5).encode("cp1252"), None, Decoded((QUOTES + " ") * 5, "cp1252")),
        (RUSSIAN.encode("cp1251"), None, Decoded(RUSSIAN, "cp1251")),
        (POLISH.encode("cp1250"), None, Decoded(POLISH, "cp1250")),
        # too little evidence for a non-Western guess: cp1252
        ("Zażółć".encode("cp1250"), None, Decoded("Za¿ó³æ", "cp1252")),
        (
            b"\x81\x8d\x90\x9d",
            None,
            Decoded(None, None, E048.format(detail="byte 0: invalid start byte")),
        ),
        (b"a\x00b", None, Decoded(None, None, "E003: looks like a binary file, not text")),
        (b"caf\xe9", "latin-1", Decoded("café", "iso8859-1")),
        (b"caf\xe9", "cp1252", Decoded("café", "cp1252")),
        (b"\xef\xbb\xbfx", "UTF8", Decoded("x", "utf-8")),
        (
            b"caf\xe9",
            "utf-8",
            Decoded(
                None, None, "E047: text does not decode as utf-8 (byte 3: unexpected end of data)"
            ),
        ),
        (
            b"\x81",
            "cp1252",
            Decoded(
                None,
                None,
                "E047: text does not decode as cp1252 (byte 0: character maps to <undefined>)",
            ),
        ),
        ("Hi".encode("utf-16-le"), "utf-16-le", Decoded("Hi", "utf-16-le")),
    ],
)
def test_charsets_decode_text(data: bytes, declared: str | None, expected: Decoded) -> None:
    assert decode_text(data, declared) == expected


def test_charsets_detection_is_deterministic() -> None:
    data = RUSSIAN.encode("cp1251") * 3
    assert {decode_text(data) for _ in range(5)} == {Decoded(RUSSIAN * 3, "cp1251")}


@pytest.mark.parametrize(
    "sample,declared,expected",
    [
        (b"id,text\n1,caf\xc3", None, "utf-8-sig"),  # a UTF-8 character cut by the sample's end
        (b"id,text\n1,caf\xe9\n", None, "cp1252"),
        (RUSSIAN.encode("cp1251"), None, "cp1251"),
        (b"\xff\xfei\x00d\x00", None, "utf-16"),
        (b"anything", "latin1", "iso8859-1"),
        (b"anything", "utf_8", "utf-8-sig"),
    ],
)
def test_charsets_stream_encoding(sample: bytes, declared: str | None, expected: str) -> None:
    assert stream_encoding(sample, declared) == expected


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _rows(articles) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (a.doc_id, a.text, a.encoding, a.error.split(":")[0] if a.error else None) for a in articles
    ]


def test_readers_encodings_of_text_csv_and_jsonl(tmp_path: Path) -> None:
    _write(tmp_path / "a_latin.txt", "Élysée talks in Paris.".encode("latin-1"))
    _write(tmp_path / "b_ru.txt", RUSSIAN.encode("cp1251"))
    _write(tmp_path / "c_utf8.txt", "Zürich".encode())
    _write(tmp_path / "d_bad.txt", b"\x81\x8d\x90\x9d")
    _write(tmp_path / "e.csv", "id,text\ne1,“Quoted” café\n".encode("cp1252"))
    records = [{"id": "j1", "text": "São Paulo"}, {"text": "no id"}]
    lines = b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)
    _write(tmp_path / "f.jsonl", lines + b'{"id": "j3", "text": "caf\xe9"}\n')
    assert _rows(read_articles([tmp_path])) == [
        ("a_latin", "Élysée talks in Paris.", "cp1252", None),
        ("b_ru", RUSSIAN, "cp1251", None),
        ("c_utf8", "Zürich", "utf-8", None),
        ("d_bad", "", None, "E048"),
        ("e1", "“Quoted” café", "cp1252", None),
        ("j1", "São Paulo", "utf-8", None),
        ("f.jsonl#L2", "", "utf-8", "E005"),
        ("f.jsonl#L3", "", None, "E002"),  # JSON Lines are UTF-8 by spec: no detection
    ]


def test_readers_declared_encoding_applies_to_text_and_csv_not_jsonl(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", "Ærø".encode("iso8859-15"))
    _write(tmp_path / "b.txt", "€".encode())  # UTF-8 bytes, read as declared: cp1252
    _write(tmp_path / "c.csv", b"id,text\nc1,\xa4uro\nc2,\x81\n")
    _write(tmp_path / "d.jsonl", json.dumps({"id": "j", "text": "Ærø"}).encode() + b"\n")
    assert _rows(read_articles([tmp_path], encoding="cp1252")) == [
        ("a", "Ærø", "cp1252", None),
        ("b", "â‚¬", "cp1252", None),
        ("c1", "¤uro", "cp1252", None),
        ("c.csv#R2", "", None, "E047"),
        ("j", "Ærø", "utf-8", None),
    ]


@pytest.mark.parametrize(
    "value,expected",
    [("latin1", "iso8859-1"), ("Windows-1252", "cp1252"), ("UTF8", "utf-8"), (None, None)],
)
def test_settings_encoding_is_canonical(value: str | None, expected: str | None) -> None:
    assert RunSettings(model="blank", encoding=value).encoding == expected


def test_settings_unknown_encoding_is_a_coded_error() -> None:
    with pytest.raises(SettingsError) as raised:
        RunSettings(model="blank", encoding="klingon")
    assert str(raised.value) == (
        "E049: unknown --encoding 'klingon': use a Python codec name (utf-8, cp1252, latin-1...)"
    )


def test_run_cli_unknown_encoding_exits_with_usage_status(tmp_path: Path) -> None:
    source = _write(tmp_path / "a.txt", b"Text.")
    args = ["run", str(source), "--out", str(tmp_path / "out"), "--encoding", "klingon"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "E049: unknown --encoding 'klingon'" in result.output


@pytest.fixture(scope="module")
def blank() -> Language:
    import extract.extensions  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_run_documents_encoding_column_and_manifest_option(tmp_path: Path, blank: Language) -> None:
    folder = tmp_path / "in"
    _write(folder / "a.txt", "Zürich".encode())
    _write(folder / "b.txt", b"Z\xfcrich")
    _write(folder / "c.txt", b"\x81\x8d")
    out = tmp_path / "out"
    run([folder], out, blank, RunSettings(model="blank"))
    rows = pq.read_table(out / "documents").select(["doc_id", "encoding", "status"]).to_pylist()
    assert rows == [
        {"doc_id": "a", "encoding": "utf-8", "status": "ok"},
        {"doc_id": "b", "encoding": "cp1252", "status": "ok"},
        {"doc_id": "c", "encoding": None, "status": "error"},
    ]
    run([folder], out, blank, RunSettings(model="blank", encoding="latin-1"), overwrite=True)
    manifest = read_manifest(out)
    assert manifest is not None and manifest["options"]["encoding"] == "iso8859-1"
    rows = pq.read_table(out / "documents").select(["doc_id", "encoding"]).to_pylist()
    assert [row["encoding"] for row in rows] == ["iso8859-1", "iso8859-1", "iso8859-1"]
