"""HTML building blocks: escaping, the page shell and the one stylesheet.

Every value from a run (article text, titles, ids, sources, values) is untrusted: it reaches the
page only through ``esc`` (element content and quoted attributes alike). The page carries a
Content-Security-Policy that allows no script and no network fetch at all, so even a value that
slipped through could neither run nor call out. Styles are scoped under ``.xr`` so that the same
stylesheet works in a notebook cell (``_repr_html_``) without touching the notebook's own look.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import Any

# Nothing but inline styles and data: URIs; no script, no fetch, no form, no frame.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

# Per mention table: label shown in the legend and tooltips, and the highlight colour.
MENTION_STYLES: dict[str, tuple[str, str]] = {
    "persons": ("person", "#f7c6cf"),
    "countries": ("country", "#bfdcff"),
    "dates": ("date", "#c9efc0"),
    "counts": ("count", "#ffe39a"),
    "money": ("money", "#dcc8ff"),
}

STYLE = """
.xr{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330}
.xr h1{font-size:22px;margin:0 0 4px}.xr h2{font-size:18px;margin:22px 0 8px;border-bottom:1px solid #d8dde6}
.xr h3{font-size:15px;margin:0 0 2px}.xr .meta{color:#5b6475;font-size:12px;margin:0 0 8px}
.xr table{border-collapse:collapse;font-size:12px}.xr td,.xr th{border:1px solid #dfe3ea;padding:2px 5px;text-align:left;vertical-align:top}
.xr th{background:#f2f4f8}.xr .num{text-align:right;font-variant-numeric:tabular-nums}
.xr .cols{display:flex;gap:16px;align-items:flex-start}.xr .tx{flex:3;min-width:0;white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9}
.xr aside{flex:2;min-width:0;overflow-x:auto}.xr article{border:1px solid #dfe3ea;border-radius:6px;padding:10px 12px;margin:12px 0}
.xr .m{border-radius:3px;padding:1px 0;cursor:help}.xr .m .m{padding:0;border-bottom:2px solid #7a8399}
.xr .legend span{display:inline-block;margin:0 8px 4px 0;padding:0 6px;border-radius:3px}
.xr .figures{display:flex;flex-wrap:wrap;gap:8px}.xr .figures div{background:#f2f4f8;border-radius:6px;padding:6px 10px}
.xr .figures b{display:block;font-size:18px}.xr .plots{display:flex;flex-wrap:wrap;gap:18px}.xr figure{margin:0}
.xr figcaption{font-weight:600;margin-bottom:4px}.xr svg text{font-size:11px;fill:#1d2330}
.xr .warn{color:#8a5a00}.xr .err{color:#b00020}.xr .none{color:#8a93a6;font-style:italic}
.xr .toc{columns:3 18em;font-size:12px;padding-left:18px}
""" + "".join(
    f".xr .t-{table}{{background:{colour}}}" for table, (_, colour) in MENTION_STYLES.items()
)


def esc(value: Any) -> str:
    """``value`` as text that is safe in element content and in double- or single-quoted
    attributes; None becomes the empty string."""
    return "" if value is None else html.escape(str(value), quote=True)


def table(
    headers: Sequence[str], rows: Iterable[Sequence[Any]], *, numeric: Sequence[int] = ()
) -> str:
    """An HTML table of escaped cells; columns listed in ``numeric`` are right-aligned."""
    head = "".join(f"<th>{esc(header)}</th>" for header in headers)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{esc(cell)}</td>' if index in numeric else f"<td>{esc(cell)}</td>"
            for index, cell in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def legend() -> str:
    items = "".join(
        f'<span class="t-{name}">{esc(label)}</span>' for name, (label, _) in MENTION_STYLES.items()
    )
    return f'<p class="legend">{items}</p>'


def fragment(body: str) -> str:
    """``body`` wrapped with the stylesheet, for a notebook cell or a page."""
    return f'<div class="xr"><style>{STYLE}</style>{body}</div>'


def page(title: str, body: str) -> str:
    """A whole self-contained HTML document: no script, no external resource."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title></head>"
        f'<body style="margin:16px 22px;background:#fff">{fragment(body)}</body></html>\n'
    )
