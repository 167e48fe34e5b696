"""The command line, polished: exit statuses by policy, -h, --version, examples, readable option
types, whole messages on a non-terminal, counts that read right, a progress total."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from spacy.language import Language
from typer.testing import CliRunner

from extract.cli import app
from extract.errors import plural
from extract.ingest.count import count_records

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@pytest.fixture()
def use_tiny(tiny: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    from extract.engines import loader

    monkeypatch.setattr(loader, "get_pipeline", lambda spec: tiny)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_cli_polish_help_flags_examples_and_types(command: str, flag: str) -> None:
    result = runner.invoke(app, [command, flag])
    assert result.exit_code == 0, result.output
    assert re.search(rf"Examples?: extract {command} ", " ".join(result.output.split()))
    for python_type in ("<bool>", "<int", "<str>", "<list[", "<float"):
        assert python_type not in result.output


def _param(command: str, name: str) -> object:
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    return next(p for p in click_command.params if p.name == name)


@pytest.mark.parametrize(
    "command,name,opts",
    [
        ("run", "out", ["--out", "-o"]),
        ("eval", "tables_dir", ["--out", "-o", "--tables"]),
        ("query", "out_dir", ["out_dir"]),
        ("report", "out_dir", ["out_dir"]),
    ],
)
def test_cli_polish_run_folder_has_one_name(command: str, name: str, opts: list[str]) -> None:
    param = _param(command, name)
    assert (param.metavar, param.opts) == ("OUT_DIR", opts)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", ["run", "show", "eval", "build-model"])
def test_cli_polish_model_option_reads_the_same(command: str) -> None:
    param = _param(command, "model")
    assert (param.metavar, param.opts) == ("NAME|PATH", ["--model"])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "command,usage",
    [
        ("run", "Usage: extract run [OPTIONS] INPUT..."),
        ("query", "Usage: extract query [OPTIONS] OUT_DIR SQL"),
        ("report", "Usage: extract report [OPTIONS] OUT_DIR"),
        ("show", "Usage: extract show [OPTIONS] FILE"),
        ("eval", "Usage: extract eval [OPTIONS] GOLD"),
        ("build-model", "Usage: extract build-model [OPTIONS] MODEL_DIR"),
    ],
)
def test_cli_polish_usage_line(command: str, usage: str) -> None:
    result = runner.invoke(app, [command, "-h"])
    assert result.output.splitlines()[1].strip() == usage


def test_cli_polish_eval_still_takes_the_old_tables_name(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "corpora/gold/seed", "--tables", str(tmp_path / "none")])
    assert result.exit_code != 0
    assert "--out folder not found" in " ".join(result.output.split())


def test_cli_polish_version() -> None:
    from extract import __version__

    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.output) == (0, f"extract {__version__}\n")


@pytest.mark.parametrize(
    "count,noun,expected",
    [(0, "row", "0 rows"), (1, "row", "1 row"), (2, "row", "2 rows"), (1, "article", "1 article")],
)
def test_cli_polish_plural(count: int, noun: str, expected: str) -> None:
    assert plural(count, noun) == expected


def _folder(tmp_path: Path, files: dict[str, bytes]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


GOOD = b"Talks began in Vietnam on April 28, 2020."


@pytest.mark.parametrize(
    "files,status,message",
    [
        ({"good.txt": GOOD}, 0, "1 article (0 errors, 0 warnings)"),
        ({"good.txt": GOOD, "binary.txt": b"\x00\x01\x02 not text"}, 3, "1 input file could"),
        ({"good.txt": GOOD, "broken.txt.gz": b"not gzip at all"}, 3, "1 input file could"),
        (
            {"lines.jsonl": b'{"id": "a", "text": "Talks began."}\n{broken json\n'},
            0,
            "2 articles (1 error, 0 warnings)",
        ),
        ({"empty.txt": b"   "}, 0, "1 article (1 error, 0 warnings)"),
    ],
)
def test_cli_polish_exit_status_policy(
    use_tiny: None, tmp_path: Path, files: dict[str, bytes], status: int, message: str
) -> None:
    folder = _folder(tmp_path, files)
    result = runner.invoke(app, ["run", str(folder), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert result.exit_code == status, result.output
    assert message in " ".join(result.output.split())


def test_cli_polish_exit_status_usage_and_failure(use_tiny: None, tmp_path: Path) -> None:
    source = _folder(tmp_path, {"good.txt": GOOD})
    out = str(tmp_path / "out")
    assert runner.invoke(app, ["run", str(source), "-o", out, "--workers", "1"]).exit_code == 0
    again = runner.invoke(app, ["run", str(source), "-o", out, "--workers", "1"])
    assert again.exit_code == 1 and "E022" in again.output  # the run cannot start
    assert runner.invoke(app, ["run", str(source), "--no-such-option"]).exit_code == 2
    assert runner.invoke(app, ["run", str(tmp_path / "missing.txt")]).exit_code == 2
    assert runner.invoke(app, ["run"]).exit_code == 2


def test_cli_polish_progress_bar_knows_the_total(
    use_tiny: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rich.progress import Progress

    totals: list[float | None] = []
    add_task = Progress.add_task

    def recording_add_task(self: Progress, *args: object, **kwargs: object) -> object:
        totals.append(kwargs.get("total"))  # type: ignore[arg-type]
        return add_task(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Progress, "add_task", recording_add_task)
    records = [{"id": f"a{i}", "text": "Talks began in Vietnam."} for i in range(3)]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    args = ["run", str(source), "-o", str(tmp_path / "out"), "--workers", "1", "--progress"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    stdin = runner.invoke(
        app, ["run", "-", "-o", str(tmp_path / "out2"), "--progress", "--workers", "1"], input=""
    )
    assert stdin.exit_code == 0, stdin.output
    assert totals == [3, None]  # stdin cannot be counted


def test_cli_polish_count_records(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "a.txt": b"one",
            "b.html": b"<p>one</p>",
            "c.jsonl": b'{"id": 1}\n\n{"id": 2}\n{"id": 3}',
            "d.csv": b'id,text\n1,"two\nlines"\n2,plain\n',
        },
    )
    assert count_records([folder]) == 1 + 1 + 3 + 2
    (tmp_path / "e.jsonl.gz").write_bytes(gzip.compress(b'{"id": 1}\n'))
    assert count_records([folder, tmp_path / "e.jsonl.gz"]) is None
    assert count_records(["-"]) is None


def test_cli_polish_count_records_of_parquet_from_its_footer(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": [str(n) for n in range(5)], "text": ["x"] * 5})
    pq.write_table(table, tmp_path / "news.parquet", row_group_size=2)
    assert count_records([tmp_path / "news.parquet"]) == 5
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    assert count_records([tmp_path / "broken.parquet"]) is None


def _subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "80", "TERM": "dumb"}
    return subprocess.run(
        [sys.executable, "-m", "extract", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_cli_polish_subprocess_statuses_and_whole_messages(tmp_path: Path) -> None:
    long_name = tmp_path / ("a-rather-long-folder-name-" * 5) / "missing-article.txt"
    missing = _subprocess("run", str(long_name))
    assert missing.returncode == 2
    assert missing.stderr == f"error: E021: input not found: {long_name}\n"  # one line, whole
    assert _subprocess("run", "corpora/samples", "--format", "xlsx").returncode == 2
    version = _subprocess("--version")
    assert (version.returncode, version.stdout.startswith("extract ")) == (0, True)


@pytest.mark.slow
def test_cli_polish_subprocess_unreadable_input_exits_3(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"good.txt": GOOD, "binary.txt": b"\x00\x01 binary"})
    result = _subprocess("run", str(folder), "--out", str(tmp_path / "out"), "--workers", "1")
    assert result.returncode == 3, result.stderr
    assert "error: 1 input file could not be read (see the error rows in documents)\n" in (
        result.stderr
    )
