"""The run report: figures, plots over time, persons, the world map, money and counts, problem
rows and the sampled articles, from tables in memory and from a run folder."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.report.overview import (
    as_arrow,
    country_totals,
    counts_by_unit,
    money_by_currency,
    timeline,
)
from extract.report.report import render_report
from extract.report.worldmap import shade_limits
from extract.tables.schema import TABLES
from tests.test_report_article import (
    GOLD,
    HOSTILE,
    SEED,
    assert_nothing_injected,
    mention_spans,
    parsed_tags,
)

TEXT_A1 = "Xi Jinping said China paid 19.654 billion yuan to China and China."
TEXT_A2 = "France paid $20 and 0.5 yuan on Feb 10."
TEXT_A5 = "Singapore had 60 people."


def _mention(doc_id: str, text: str, surface: str, n: int, table: str, **values: object) -> dict:
    start = text.index(surface)
    return {"doc_id": doc_id, "mention_id": f"{doc_id}:{table}:{n}", "start_char": start,
            "end_char": start + len(surface), "sentence": 0, "text": surface, **values}  # fmt: skip


def small_run() -> dict[str, list[dict]]:
    """Five input records: two dated ok/warning articles, an error, a skipped one and an
    undated article whose only country has no outline at 1:110m."""
    documents = [
        {"doc_id": "a1", "title": "Fund", "published": "2020-01-05", "status": "ok", "source": "Xinhua"},
        {"doc_id": "a2", "title": "Paris", "published": "2020-02-10T08:00:00", "status": "warning",
         "error": "W002: text was decoded as cp1252, not UTF-8"},
        {"doc_id": "a3", "origin": "in.jsonl:3", "status": "error", "error": "E004: malformed JSON (x)"},
        {"doc_id": "a4", "origin": "in.jsonl:4", "status": "skipped", "error": "W009: language fr"},
        {"doc_id": "a5", "title": None, "published": None, "status": "ok"},
    ]  # fmt: skip
    china = [
        _mention("a1", TEXT_A1, "China", 0, "countries", iso3="CHN", country="China"),
        {**_mention("a1", TEXT_A1, "China", 1, "countries", iso3="CHN", country="China"),
         "start_char": 51, "end_char": 56},
        {**_mention("a1", TEXT_A1, "China", 2, "countries", iso3="CHN", country="China"),
         "start_char": 61, "end_char": 66},
    ]  # fmt: skip
    return {
        "documents": documents,
        "texts": [{"doc_id": "a1", "text": TEXT_A1}, {"doc_id": "a2", "text": TEXT_A2},
                  {"doc_id": "a5", "text": TEXT_A5}],
        "persons": [_mention("a1", TEXT_A1, "Xi Jinping", 0, "persons", name="Xi Jinping",
                             person_key="xi jinping")],
        "countries": [
            *china,
            _mention("a2", TEXT_A2, "France", 0, "countries", iso3="FRA", country="France"),
            _mention("a5", TEXT_A5, "Singapore", 0, "countries", iso3="SGP", country="Singapore"),
        ],
        "money": [
            _mention("a1", TEXT_A1, "19.654 billion yuan", 0, "money", amount="19654000000",
                     qualifier="exact", currency="CNY"),
            _mention("a2", TEXT_A2, "$20", 0, "money", amount="20", qualifier="exact", currency="USD"),
            _mention("a2", TEXT_A2, "0.5 yuan", 1, "money", amount="0.5", qualifier="exact",
                     currency="CNY"),
        ],
        "counts": [_mention("a5", TEXT_A5, "60 people", 0, "counts", value=60, qualifier="exact",
                            object="people", object_lemma="person")],
        "dates": [_mention("a2", TEXT_A2, "Feb 10", 0, "dates", timex="2020-02-10",
                           start=dt.date(2020, 2, 10), end=dt.date(2020, 2, 10))],
        "facts": [
            {"doc_id": "a1", "fact_id": "a1:facts:0", "fact_type": "money", "start_char": 27,
             "end_char": 46, "predicate": "pay", "subject": "Xi Jinping", "value": "19654000000",
             "unit": "CNY"},
            {"doc_id": "a1", "fact_id": "a1:facts:1", "fact_type": "person_event",
             "start_char": 0, "end_char": 10, "predicate": "say"},
            {"doc_id": "a2", "fact_id": "a2:facts:0", "fact_type": "money", "start_char": 11,
             "end_char": 14, "predicate": "pay", "subject": "France", "value": "20", "unit": "USD"},
        ],
        "people": [{"person_key": "xi jinping", "name": "Xi Jinping", "documents": 1, "mentions": 1}],
    }  # fmt: skip


def articles_in(page: str) -> list[str]:
    return [attrs["id"] or "" for tag, attrs in parsed_tags(page) if tag == "article"]


def test_report_timeline_per_day_with_facts() -> None:
    run = small_run()
    when = timeline(as_arrow("documents", run["documents"]), as_arrow("facts", run["facts"]))
    assert (when.grain, when.periods, when.articles, when.facts, when.undated_articles) == (
        "day",
        ["2020-01-05", "2020-02-10"],
        [1, 1],
        [2, 1],
        1,
    )


@pytest.mark.parametrize(
    "published,grain,periods",
    [
        (["2020-01-05", "2020-03-20"], "month", ["2020-01", "2020-03"]),
        (["1987-02-26T15:01:01", "2004-05-01"], "year", ["1987", "2004"]),
        (["2020-01-05", "not a date"], "day", ["2020-01-05"]),
    ],
)
def test_report_timeline_grain(published: list[str], grain: str, periods: list[str]) -> None:
    documents = [
        {"doc_id": f"d{i}", "published": p, "status": "ok"} for i, p in enumerate(published)
    ]
    when = timeline(as_arrow("documents", documents), as_arrow("facts", []))
    assert (when.grain, when.periods) == (grain, periods)


def test_report_money_and_counts_exact_totals() -> None:
    run = small_run()
    money = money_by_currency(as_arrow("money", run["money"]))
    assert money == {"CNY": (2, Decimal("19654000000.5"), 0), "USD": (1, Decimal("20"), 0)}
    counts = counts_by_unit(as_arrow("counts", run["counts"]))
    assert {k: (n, str(t), m) for k, (n, t, m) in counts.items()} == {"person": (1, "60", 0)}


def test_report_country_totals() -> None:
    totals, names = country_totals(as_arrow("countries", small_run()["countries"]))
    assert dict(totals) == {"CHN": 3, "FRA": 1, "SGP": 1}
    assert names == {"CHN": "China", "FRA": "France", "SGP": "Singapore"}


@pytest.mark.parametrize(
    "top,limits",
    [(1, [1]), (3, [1, 3]), (26, [1, 3, 6, 13, 26]), (1000, [62, 125, 250, 500, 1000])],
)
def test_report_map_shade_limits(top: int, limits: list[int]) -> None:
    assert shade_limits(top) == limits


def test_report_small_run_sections() -> None:
    page = render_report(small_run())
    assert_nothing_injected(page)
    assert articles_in(page) == ["a0", "a1", "a2"]  # a1, a2, a5: the processed articles
    assert "3 of 3 processed articles (the first in input order)" in page
    tags = parsed_tags(page)
    counted = {a["data-iso3"] for t, a in tags if t == "path" and "counted" in (a["class"] or "")}
    assert counted == {"CHN", "FRA"}
    assert "China (CHN): 3 mentions</title>" in page and "France (FRA): 1 mention</title>" in page
    assert "Not on the map (too small at this scale, or former): Singapore (SGP) 1" in page
    assert '<td>CNY</td><td class="num">2</td><td class="num">19,654,000,000.5</td>' in page
    assert "Errors, skipped and warnings (3)" in page
    for message in (
        "W002: text was decoded as cp1252",
        "E004: malformed JSON (x)",
        "W009: language fr",
    ):
        assert message in page
    columns = [a for t, a in tags if t == "rect" and a.get("class") == "bar"]
    assert len(columns) == 2 * 2 + 1 + 3 + 2 + 1  # timeline, persons, countries, currencies, counts
    assert len(mention_spans(page)) == 11


def test_report_max_articles_keeps_every_problem_row() -> None:
    page = render_report(small_run(), max_articles=1)
    assert articles_in(page) == ["a0"]
    assert "1 of 3 processed articles" in page
    assert "Errors, skipped and warnings (3)" in page


def test_report_same_page_from_rows_arrow_and_pandas() -> None:
    rows = small_run()
    arrow = {name: as_arrow(name, table) for name, table in rows.items()}
    frames = {name: table.to_pandas() for name, table in arrow.items()}
    assert render_report(rows) == render_report(arrow) == render_report(frames)


def test_report_texts_given_or_missing() -> None:
    run = small_run()
    del run["texts"]
    missing = render_report(run)
    assert missing.count("The text is not available") == 3
    given = render_report(run, texts={"a1": TEXT_A1})
    assert given.count("The text is not available") == 2


def test_report_hostile_run_renders_as_text() -> None:
    run = small_run()
    for row in run["documents"]:
        row.update(title=HOSTILE, source=HOSTILE, origin=HOSTILE)
    run["documents"][2]["error"] = HOSTILE
    run["documents"][0]["doc_id"] = run["texts"][0]["doc_id"] = HOSTILE
    for row in run["countries"]:
        row.update(country=HOSTILE, iso3=HOSTILE)
    for row in run["money"]:
        row.update(currency=HOSTILE, amount=HOSTILE)
    run["people"][0].update(name=HOSTILE, person_key=HOSTILE)
    page = render_report(
        run, manifest={"status": HOSTILE, "packages": {HOSTILE: HOSTILE}}, title=HOSTILE
    )
    assert_nothing_injected(page)
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 10


def test_report_500_articles_under_5_mb() -> None:
    """500 articles of 2,000 characters as dense as the seed's first 2,000 (mentions, facts)."""
    text = SEED.read_text("utf-8")[:2000]
    gold = {name: [json.loads(line) for line in (GOLD / f"{name}.jsonl").read_text("utf-8").splitlines()]
            for name in ("persons", "countries", "dates", "counts", "money", "facts")}  # fmt: skip
    run: dict[str, list[dict]] = {name: [] for name in (*gold, "documents", "texts")}
    for n in range(500):
        doc_id = f"article-{n:03d}"
        run["documents"].append({"doc_id": doc_id, "title": f"Article {n}", "status": "ok",
                                 "published": f"2020-{n % 12 + 1:02d}-01"})  # fmt: skip
        run["texts"].append({"doc_id": doc_id, "text": text})
        for name, rows in gold.items():
            run[name] += [{**row, "doc_id": doc_id} for row in rows if row["end_char"] <= 2000]
    page = render_report(run, max_articles=500)
    assert len(articles_in(page)) == 500
    assert len(mention_spans(page)) == sum(len(run[n]) for n in gold if n != "facts")
    assert len(page.encode("utf-8")) <= 5_000_000


def _write_inputs(folder: Path) -> Path:
    path = folder / "in.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "The fund paid 19.654 billion yuan to 18 envoys in China.",
                    "published": "2020-10-22", "title": HOSTILE}),
        "{not json",
        json.dumps({"id": "x2", "text": "Xi Jinping met officials in Beijing on Friday.",
                    "published": "2020-11-03"}),
    ]  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_report_cli_from_a_run_folder(tmp_path: Path) -> None:
    inputs = _write_inputs(tmp_path)
    runner = CliRunner()
    ran = runner.invoke(
        app, ["run", str(inputs), "--out", str(tmp_path / "out"), "--format", "csv"]
    )
    assert ran.exit_code == 0, ran.output
    target = tmp_path / "report.html"
    made = runner.invoke(app, ["report", str(tmp_path / "out"), "--html", str(target)])
    assert made.exit_code == 0, made.output
    page = target.read_text("utf-8")
    assert_nothing_injected(page)
    assert articles_in(page) == ["a0", "a1"]
    assert "money: 19,654,000,000 CNY exact" in [s["title"] for s in mention_spans(page)]
    assert re.search(r"Errors, skipped and warnings \(1\).*E004", page)
    assert "<td>status</td><td>complete</td>" in page
    assert "China (CHN): " in page


@pytest.mark.slow
def test_report_cli_no_texts_run_reads_inputs(tmp_path: Path) -> None:
    inputs = _write_inputs(tmp_path)
    runner = CliRunner()
    out = str(tmp_path / "out")
    assert runner.invoke(app, ["run", str(inputs), "--out", out, "--no-texts"]).exit_code == 0
    without = tmp_path / "without.html"
    assert runner.invoke(app, ["report", out, "--html", str(without)]).exit_code == 0
    assert without.read_text("utf-8").count("The text is not available") == 2
    with_inputs = tmp_path / "with.html"
    made = runner.invoke(app, ["report", out, "--html", str(with_inputs), "--inputs", str(inputs)])
    assert made.exit_code == 0, made.output
    assert "The text is not available" not in with_inputs.read_text("utf-8")


def test_report_cli_folder_without_a_run(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", str(tmp_path), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert "holds no tables of a run" in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_as_arrow_keeps_declared_types() -> None:
    table = as_arrow("dates", [{"doc_id": "a", "start": "2020-10-22", "sentence": 3}])
    assert table.schema == TABLES["dates"].arrow_schema()
    assert table.to_pylist()[0]["start"] == dt.date(2020, 10, 22)
    frame = as_arrow("documents", pd.DataFrame({"doc_id": ["a"]}))
    assert frame.column_names == TABLES["documents"].column_names
    assert frame.column("status").to_pylist() == [None]
