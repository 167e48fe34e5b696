"""The CLI shell: help for every command, clear errors for unusable arguments, run and show."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import typer.main
from typer.testing import CliRunner

from extract.cli import app

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_cli_has_core_commands() -> None:
    assert {"run", "show", "tables"} <= set(_commands())


@pytest.mark.parametrize("command", _commands())
def test_cli_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    group = typer.main.get_command(app)
    assert group.commands[command].help  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "args,message",
    [
        (["run", "does-not-exist.txt"], "E021: input not found: does-not-exist.txt"),
        (
            ["run", "corpora/samples", "--reference-date", "someday"],
            "E023: cannot parse --reference-date 'someday'",
        ),
        (
            ["run", "corpora/samples", "--home-country", "Atlantis"],
            "E025: unknown --home-country 'Atlantis': use a country name or an ISO 3166 code",
        ),
    ],
)
def test_cli_unusable_arguments_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert f"error: {message}\n" in result.output


def test_cli_bad_format_is_rejected() -> None:
    result = runner.invoke(app, ["run", "corpora/samples", "--format", "xlsx"])
    assert result.exit_code == 2


def test_cli_tables_prints_dictionary() -> None:
    result = runner.invoke(app, ["tables"])
    assert result.exit_code == 0
    assert "## `documents`" in result.output and "## `money`" in result.output


def _read_table(out: Path, name: str) -> pd.DataFrame:
    single = out / f"{name}.parquet"
    return pd.read_parquet(single if single.exists() else out / name)


@pytest.mark.slow
def test_cli_run_keeps_every_record_and_reports_errors(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    records = [
        json.dumps(
            {
                "id": "good",
                "text": "Hu Yipin was arrested in Vietnam on April 28, 2020.",
                "published": "2020-11-02",
            }
        ),
        "{broken json",
        json.dumps({"id": "notext"}),
        json.dumps(
            {"id": "baddate", "text": "Talks resumed on Tuesday.", "published": "the day after"}
        ),
    ]
    source.write_text("\n".join(records) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(source), "--out", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    documents = _read_table(out, "documents").sort_values("origin")
    assert list(documents["doc_id"]) == ["good", "in.jsonl#L2", "notext", "baddate"]
    assert list(documents["status"]) == ["ok", "error", "error", "warning"]
    assert documents["error"].iloc[1].startswith("E004")
    assert documents["error"].iloc[3].startswith("W001")
    assert "E004" in result.output and "4 articles" in result.output


@pytest.mark.slow
def test_cli_show_prints_facts_of_one_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extract.cli._app import stdout

    monkeypatch.setattr(stdout, "width", 200)  # wide enough that no value is folded
    article = tmp_path / "one.txt"
    article.write_text("Hu Yipin was arrested in Vietnam on April 28, 2020.", encoding="utf-8")
    result = runner.invoke(app, ["show", str(article)])
    assert result.exit_code == 0, result.output
    assert "persons (1)" in result.output and "Hu Yipin" in result.output
    assert "2020-04-28" in result.output
