"""Small inline SVG charts, drawn on the server: no script, no library, nothing fetched.

Every label and tooltip goes through ``esc``; each bar carries a ``<title>`` with its exact value.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.report.html import esc

BAR_COLOUR = "#4a78c2"
SECOND_COLOUR = "#e0893b"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    tip: str = ""  # the bar's tooltip; its label and value when empty


def _tip(bar: Bar) -> str:
    return bar.tip or f"{bar.label}: {bar.value:g}"


def _short(label: str, limit: int = 26) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(bars: Sequence[Bar], *, css_class: str = "bars", width: int = 420) -> str:
    """Horizontal bars, one row per item, longest bar = ``value`` maximum."""
    if not bars:
        return '<p class="none">nothing to plot</p>'
    row, label_width, value_width = 18, 170, 60
    top = max(bar.value for bar in bars) or 1
    plot = width - label_width - value_width
    height = row * len(bars) + 4
    parts = [
        f'<svg class="{css_class}" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, bar in enumerate(bars):
        y = index * row + 2
        length = max(bar.value / top * plot, 1.0)
        parts.append(
            f"<g><title>{esc(_tip(bar))}</title>"
            f'<text x="{label_width - 6}" y="{y + 12}" text-anchor="end">{esc(_short(bar.label))}</text>'
            f'<rect class="bar" x="{label_width}" y="{y + 2}" width="{length:.1f}" height="{row - 5}" fill="{BAR_COLOUR}"/>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 12}">{esc(f"{bar.value:g}")}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def column_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    *,
    css_class: str = "columns",
    height: int = 170,
) -> str:
    """Vertical bars per label, one colour per series (at most two), with the series names as a
    legend: articles and facts per period."""
    if not labels:
        return '<p class="none">nothing to plot</p>'
    colours = (BAR_COLOUR, SECOND_COLOUR)
    # A label is about 6.5 px a character at the chart's font size; few periods get groups
    # wide enough for their labels, many get labels skipped so that none overlap.
    label_width = int(max(len(label) for label in labels) * 6.5 + 8)
    group = max(8, min(max(40, label_width), 640 // len(labels)))
    bar = max(2, (group - 2) // len(series))
    left, bottom, top_pad = 36, 34, 18
    legend_width = 90 * len(series) + 10
    width = max(left + group * len(labels) + 10, left + legend_width)
    plot = height - bottom - top_pad
    top = max((max(values) if values else 0) for _, values in series) or 1
    parts = [
        f'<svg class="{css_class}" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f'<text x="{left - 4}" y="{top_pad + 4}" text-anchor="end">{esc(f"{top:g}")}</text>',
        f'<text x="{left - 4}" y="{top_pad + plot}" text-anchor="end">0</text>',
        f'<line x1="{left}" y1="{top_pad + plot}" x2="{width - 6}" y2="{top_pad + plot}" stroke="#8a93a6"/>',
    ]
    for number, (name, colour) in enumerate(zip([n for n, _ in series], colours, strict=False)):
        x = left + number * 90
        parts.append(
            f'<rect x="{x}" y="2" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="11">{esc(name)}</text>'
        )
    step = max(1, -(-label_width // group))
    for index, label in enumerate(labels):
        x0 = left + index * group + 1
        for number, ((name, values), colour) in enumerate(zip(series, colours, strict=False)):
            value = values[index]
            h = value / top * plot
            parts.append(
                f'<rect class="bar" x="{x0 + number * bar}" y="{top_pad + plot - h:.1f}" width="{bar - 1}" '
                f'height="{h:.1f}" fill="{colour}"><title>{esc(f"{label}: {value:g} {name}")}</title></rect>'
            )
        if index % step == 0:
            parts.append(f'<text x="{x0}" y="{top_pad + plot + 14}">{esc(label)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def figure(caption: str, chart: str, note: str = "") -> str:
    note_html = f'<p class="meta">{esc(note)}</p>' if note else ""
    return f"<figure><figcaption>{esc(caption)}</figcaption>{chart}{note_html}</figure>"
