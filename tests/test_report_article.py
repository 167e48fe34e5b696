"""One article as HTML: highlights by type, tooltips with the normalised values, facts beside
the text, and escaping of every untrusted value."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli import app
from extract.report import ArticleView, highlight_text, render_article
from extract.report.article import Highlight, highlights
from extract.report.html import CSP
from extract.report.values import exact_amount, mention_value
from extract.tables.schema import MENTION_TABLES

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpora" / "samples" / "seed_article.txt"
GOLD = REPO / "corpora" / "gold" / "seed"
HOSTILE = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'><svg onload=alert(3)>"
# Tags the renderer itself writes; anything else in a page is an injection.
OUR_TAGS = {
    "html", "head", "meta", "title", "body", "div", "style", "p", "span", "article", "h1", "h2",
    "h3", "aside", "table", "thead", "tbody", "tr", "th", "td", "svg", "g", "rect", "text",
    "line", "path", "figure", "figcaption", "a", "ul", "ol", "li", "section", "nav", "details",
    "summary", "b",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parsed_tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def assert_nothing_injected(page: str) -> None:
    tags = parsed_tags(page)
    assert {tag for tag, _ in tags} <= OUR_TAGS
    assert not [name for _, attrs in tags for name in attrs if name.startswith("on")]
    assert page.count("<script") == 0


def gold_rows() -> dict[str, list[dict]]:
    return {
        name: [
            json.loads(line) for line in (GOLD / f"{name}.jsonl").read_text("utf-8").splitlines()
        ]
        for name in (*MENTION_TABLES, "facts")
    }


def mention_spans(page: str) -> list[dict[str, str | None]]:
    """Attributes of every first (non-continued) highlight span."""
    return [
        attrs
        for tag, attrs in parsed_tags(page)
        if tag == "span"
        and (attrs.get("class") or "").split()[:1] == ["m"]
        and "cont" not in (attrs.get("class") or "").split()
    ]


@pytest.mark.parametrize(
    "value,expected",
    [
        ("19654000000", "19,654,000,000"),
        (Decimal("19654000000.00"), "19,654,000,000"),
        (Decimal("2.50"), "2.5"),
        ("0.75", "0.75"),
        (7831, "7,831"),
        (None, ""),
        ("n/a", "n/a"),
    ],
)
def test_report_exact_amount(value: object, expected: str) -> None:
    assert exact_amount(value) == expected


@pytest.mark.parametrize(
    "table,row,expected",
    [
        (
            "money",
            {"amount": "19654000000", "low": "19654000000", "high": "19654000000",
             "qualifier": "exact", "currency": "CNY", "per_unit": None, "currency_ambiguous": False},
            "money: 19,654,000,000 CNY exact",
        ),
        (
            "money",
            {"amount": "20", "low": "20", "high": None, "qualifier": "more_than", "currency": "USD",
             "per_unit": "barrel", "currency_ambiguous": True},
            "money: 20 USD (20–…) more_than · per barrel · currency guessed",
        ),
        ("money", {"amount": "5", "currency": None}, "money: 5 (currency unknown)"),
        (
            "counts",
            {"value": 7831, "low": 7831, "high": 7831, "qualifier": "exact",
             "object": "escaped persons", "object_lemma": "person"},
            "count: 7,831 exact · object: escaped persons (person)",
        ),
        (
            "counts",
            {"value": None, "low": 24, "high": None, "qualifier": "approx", "object": "people"},
            "count: ? (24–…) approx · object: people",
        ),
        (
            "dates",
            {"timex": "2020-10-22", "start": dt.date(2020, 10, 22), "end": dt.date(2020, 10, 22),
             "mod": None, "relative": True},
            "date: 2020-10-22 · 2020-10-22 · relative",
        ),
        (
            "dates",
            {"timex": "2019-Q3", "start": "2019-07-01", "end": "2019-09-30", "mod": "END"},
            "date: 2019-Q3 · 2019-07-01..2019-09-30 · mod END",
        ),
        (
            "countries",
            {"iso3": "CHN", "country": "China", "mention_type": "demonym", "former": False},
            "country: CHN China · demonym",
        ),
        (
            "countries",
            {"iso3": "SUN", "country": "USSR", "mention_type": "name", "former": True},
            "country: SUN USSR (former) · name",
        ),
        (
            "persons",
            {"text": "Comrade Xi Jinping", "name": "Xi Jinping", "title": "Comrade",
             "person_key": "xi jinping"},
            "person: Xi Jinping · title: Comrade · key: xi jinping",
        ),
    ],
)  # fmt: skip
def test_report_mention_value(table: str, row: dict, expected: str) -> None:
    assert mention_value(table, row) == expected


@pytest.mark.parametrize(
    "text,marks,expected",
    [
        ("a b", [], "a b"),
        (
            "pay 5 yuan now",
            [Highlight(4, 10, "money", "m"), Highlight(4, 5, "counts", "c")],
            'pay <span class="m t-money" title="m"><span class="m t-counts" title="c">5</span>'
            " yuan</span> now",
        ),
        (
            "abcdef",
            [Highlight(0, 4, "persons", "p"), Highlight(2, 6, "dates", "d")],
            '<span class="m t-persons" title="p">ab<span class="m t-dates" title="d">cd</span>'
            '</span><span class="m t-dates cont" title="d">ef</span>',
        ),
        ("<b>&", [Highlight(0, 3, "persons", '"x"')], '<span class="m t-persons" '
         'title="&quot;x&quot;">&lt;b&gt;</span>&amp;'),
    ],
)  # fmt: skip
def test_report_highlight_text_nests_and_splits(text: str, marks: list, expected: str) -> None:
    assert highlight_text(text, marks) == expected


@pytest.mark.parametrize(
    "row",
    [
        {"start_char": -1, "end_char": 3},
        {"start_char": 2, "end_char": 2},
        {"start_char": 0, "end_char": 99},
        {"start_char": None, "end_char": 1},
        {"start_char": "0", "end_char": "1"},
    ],
)
def test_report_highlights_skip_offsets_outside_the_text(row: dict) -> None:
    assert highlights({"persons": [{**row, "name": "x"}]}, 5) == []


def test_report_seed_every_mention_highlighted_once() -> None:
    rows = gold_rows()
    page = render_article(SEED.read_text("utf-8"), rows, document={"doc_id": "seed_article"})
    spans = mention_spans(page)
    assert len(spans) == sum(len(rows[name]) for name in MENTION_TABLES) == 74
    by_type = {
        name: sum(f"t-{name}" in (s["class"] or "") for s in spans) for name in MENTION_TABLES
    }
    assert by_type == {"persons": 14, "countries": 31, "dates": 16, "counts": 12, "money": 1}
    assert [s["title"] for s in spans if "t-money" in (s["class"] or "")] == [
        "money: 19,654,000,000 CNY exact"
    ]
    assert page.count("<tr>") == len(rows["facts"]) + 1  # the facts table: header + one per fact
    assert_nothing_injected(page)


def test_report_hostile_article_renders_as_text() -> None:
    text = f"{HOSTILE} met {HOSTILE} in China."
    start = text.index("China")
    rows = {
        "persons": [{"start_char": 0, "end_char": len(HOSTILE), "text": HOSTILE, "name": HOSTILE,
                     "title": HOSTILE, "person_key": HOSTILE}],
        "countries": [{"start_char": start, "end_char": start + 5, "iso3": HOSTILE,
                       "country": HOSTILE, "mention_type": HOSTILE}],
        "facts": [{"fact_id": HOSTILE, "fact_type": HOSTILE, "start_char": 0, "end_char": 5,
                   "predicate": HOSTILE, "subject": HOSTILE, "places": [HOSTILE],
                   "place_prepositions": [HOSTILE], "link_rule": HOSTILE}],
    }  # fmt: skip
    document = {"doc_id": HOSTILE, "title": HOSTILE, "source": HOSTILE, "published": HOSTILE,
                "status": "warning", "error": HOSTILE}  # fmt: skip
    page = render_article(text, rows, document=document)
    assert_nothing_injected(page)
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in page
    )
    assert len(mention_spans(page)) == 2


def test_report_page_is_self_contained() -> None:
    page = render_article("Hello.", {}, document={"doc_id": "a"})
    [policy] = [a["content"] for t, a in parsed_tags(page) if a.get("http-equiv")]
    assert policy == CSP
    assert "default-src 'none'" in CSP and "script-src" not in CSP
    assert not re.search(r"\b(src|href)=", page)
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_report_article_view_from_rows_keeps_one_article() -> None:
    tables = {
        "documents": [{"doc_id": "a", "status": "ok"}, {"doc_id": "b", "status": "ok"}],
        "persons": [
            {"doc_id": "a", "start_char": 0, "end_char": 3, "name": "Ann"},
            {"doc_id": "b", "start_char": 0, "end_char": 3, "name": "Bob"},
        ],
    }
    view = ArticleView.from_rows("Ann ran.", tables, "a")
    assert (
        repr(view)
        == "ArticleView('a', persons=1, countries=0, dates=0, counts=0, money=0, facts=0)"
    )
    html = view._repr_html_()
    assert html.startswith('<div class="xr"><style>')
    assert [s["title"] for s in mention_spans(html)] == ["person: Ann"]


@pytest.mark.slow
def test_report_article_view_from_doc(nlp) -> None:
    doc = nlp("The fund paid 19.654 billion yuan to 18 envoys in China.")
    spans = mention_spans(ArticleView.from_doc(doc)._repr_html_())
    assert [s["title"] for s in spans] == [
        "money: 19,654,000,000 CNY exact",
        "count: 18 exact · object: envoys (envoy)",
        "country: CHN China · name",
    ]


@pytest.mark.slow
def test_report_cli_show_html_seed(nlp, tmp_path: Path) -> None:
    from extract.ingest import read_articles
    from extract.pipeline import DEFAULT_MODEL
    from extract.process import process_articles
    from extract.settings import RunSettings

    [result] = process_articles(read_articles([SEED]), nlp, RunSettings(model=DEFAULT_MODEL))
    target = tmp_path / "seed.html"
    cli = CliRunner().invoke(app, ["show", str(SEED), "--html", str(target)])
    assert cli.exit_code == 0, cli.output
    page = target.read_text("utf-8")
    spans = mention_spans(page)
    assert len(spans) == sum(len(result.tables[name]) for name in MENTION_TABLES)
    assert "money: 19,654,000,000 CNY exact" in [s["title"] for s in spans]
    assert_nothing_injected(page)


def test_report_tables_article_view() -> None:
    from extract.report.overview import as_arrow
    from extract.tables.frames import Tables

    rows = {
        "documents": [{"doc_id": "a", "status": "ok"}, {"doc_id": "b", "status": "ok"}],
        "texts": [{"doc_id": "a", "text": "Ann ran."}, {"doc_id": "b", "text": "Bob ran."}],
        "persons": [
            {"doc_id": "a", "start_char": 0, "end_char": 3, "name": "Ann"},
            {"doc_id": "b", "start_char": 0, "end_char": 3, "name": "Bob"},
        ],
    }
    tables = Tables.from_arrow({name: as_arrow(name, table) for name, table in rows.items()})
    view = tables.article("b")
    assert view.text == "Bob ran."
    assert [s["title"] for s in mention_spans(view._repr_html_())] == ["person: Bob"]
