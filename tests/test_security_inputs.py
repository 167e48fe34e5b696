"""Reading inputs never touches the network, expands no entity, loads no DTD and runs nothing
from the inputs: pages and records that link external resources are read with every socket
call failing the test."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from extract.run import run
from extract.settings import RunSettings
from tests.conftest import tiny_pipeline

PAGE = """<!DOCTYPE html SYSTEM "http://evil.example/dtd/page.dtd" [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://evil.example/entity.txt">
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<html><head><title>Talks in Vietnam</title>
<link rel="stylesheet" href="http://evil.example/style.css">
<script src="http://evil.example/app.js"></script>
<meta http-equiv="refresh" content="0; url=http://evil.example/">
<base href="http://evil.example/">
</head><body><article><h1>Talks in Vietnam</h1>
<p>Vietnam and Singapore signed a trade deal on Monday after long talks in Hanoi.
[&xxe;] [&remote;] [&lol3;]</p>
<img src="http://evil.example/pixel.gif"><iframe src="http://evil.example/frame"></iframe>
<p>More text about trade between the two countries was published by the ministry.</p>
</article></body></html>
"""
PAGE_TEXT = (
    "Vietnam and Singapore signed a trade deal on Monday after long talks in Hanoi."
    " [&xxe;] [&remote;] [&lol3;]\n"
    "More text about trade between the two countries was published by the ministry."
)
RECORD = {
    "id": "u1",
    "url": "http://evil.example/article",
    "source": "https://169.254.169.254/latest/meta-data/",
    "text": "See http://evil.example/x and file:///etc/passwd about Vietnam.",
}
CSV = "id,url,text\nc1,http://evil.example/c1,Read http://evil.example/more on Vietnam.\n"
# Would leave a trace if anything imported or ran it.
CODE = "import pathlib; pathlib.Path(__file__).with_name('RAN').write_text('ran')\n"


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Every way out to the network records the call and fails it."""
    calls: list[tuple[str, Any]] = []

    def refuse(name: str) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            calls.append((name, args[1:] if name.startswith("socket.") else args))
            raise OSError(f"network access in a test: {name}")

        return call

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
        monkeypatch.setattr(socket, name, refuse(name))
    return calls


def test_inputs_linking_external_resources_make_no_request(
    tmp_path: Path, no_network: list[tuple[str, Any]]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "records.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    (folder / "table.csv").write_text(CSV, encoding="utf-8")
    (folder / "sitecustomize.py").write_text(CODE, encoding="utf-8")
    (folder / "config.cfg").write_text("[nlp]\nlang = xx\n", encoding="utf-8")
    out = tmp_path / "out"
    run([folder], out, tiny_pipeline(), RunSettings(model="tiny"))
    assert no_network == []
    assert not (folder / "RAN").exists()
    documents = pq.read_table(out / "documents").to_pylist()
    assert [(d["doc_id"], d["status"], d["url"]) for d in documents] == [
        ("page", "ok", None),
        ("u1", "ok", "http://evil.example/article"),
        ("c1", "ok", "http://evil.example/c1"),
    ]
    texts = {row["doc_id"]: row["text"] for row in pq.read_table(out / "texts").to_pylist()}
    assert texts["page"] == PAGE_TEXT  # entities kept as written: none expanded or fetched
    assert "root:" not in "".join(texts.values())
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["skipped_files"] == [
        {"path": str(folder / "config.cfg"), "reason": "unknown format"},
        {"path": str(folder / "sitecustomize.py"), "reason": "unknown format"},
    ]


def _warc_with_page(path: Path, page: str) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "http://evil.example/talks",
            "response",
            payload=BytesIO(page.encode("utf-8")),
            http_headers=headers,
            warc_headers_dict={
                "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000001>",
                "WARC-Date": "2020-05-04T10:00:00Z",
            },
        )
        writer.write_record(record)


def test_inputs_warc_record_linking_external_resources_makes_no_request(
    tmp_path: Path, no_network: list[tuple[str, Any]]
) -> None:
    archive = tmp_path / "crawl.warc.gz"
    _warc_with_page(archive, PAGE)
    out = tmp_path / "out"
    run([archive], out, tiny_pipeline(), RunSettings(model="tiny"))
    assert no_network == []
    documents = pq.read_table(out / "documents").to_pylist()
    assert [(d["doc_id"], d["status"], d["url"]) for d in documents] == [
        ("00000000-0000-4000-8000-000000000001", "ok", "http://evil.example/talks"),
    ]
    texts = pq.read_table(out / "texts").to_pylist()
    assert [row["text"] for row in texts] == [PAGE_TEXT]
