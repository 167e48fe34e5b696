"""The report's SVG charts: period labels never overlap and the legend fits the chart."""

from __future__ import annotations

import re

import pytest

from extract.report.plots import column_chart


def _axis_labels(svg: str) -> list[tuple[int, str]]:
    return [
        (int(x), label) for x, label in re.findall(r'<text x="(\d+)" y="150">([^<]+)</text>', svg)
    ]


def _width(svg: str) -> int:
    return int(re.search(r'<svg [^>]*width="(\d+)"', svg).group(1))  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "labels,shown",
    [
        (["2021-03-02", "2021-03-03"], [(37, "2021-03-02"), (110, "2021-03-03")]),
        (["2021-03"], [(37, "2021-03")]),
        (
            [f"2021-{m:02d}" for m in range(1, 13)],
            [(37 + 53 * i, f"2021-{i + 1:02d}") for i in range(12)],
        ),
        ([f"d{n:03d}" for n in range(100)], [(37 + 8 * n, f"d{n:03d}") for n in range(0, 100, 5)]),
    ],
)
def test_column_chart_period_labels(labels: list[str], shown: list[tuple[int, str]]) -> None:
    svg = column_chart(labels, [("articles", [1] * len(labels)), ("facts", [2] * len(labels))])
    assert _axis_labels(svg) == shown


def test_column_chart_legend_fits_with_one_period() -> None:
    svg = column_chart(["2021-03-02"], [("articles", [1]), ("facts", [5])])
    legend_x = [int(x) for x in re.findall(r'<text x="(\d+)" y="11">', svg)]
    assert legend_x == [50, 140]
    assert _width(svg) == 36 + 190
