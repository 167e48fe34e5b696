"""HTML pages to Articles: main text plus title and publication date from the usual meta tags."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from extract.errors import Errors
from extract.types import Article

_PUBLISHED_META = (
    'meta[property="article:published_time"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="date"]',
    'meta[itemprop="datePublished"]',
    'meta[name="dc.date"]',
)
_TITLE_META = ('meta[property="og:title"]', 'meta[name="title"]')
_BLOCKS = "h1, h2, h3, p, li, blockquote"


def _meta(tree: HTMLParser, selectors: tuple[str, ...]) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None and node.attributes.get("content"):
            return (node.attributes.get("content") or "").strip() or None
    return None


def article_from_html(markup: str, *, doc_id: str, origin: str) -> Article:
    tree = HTMLParser(markup)
    for node in tree.css("script, style, noscript, nav, header, footer, aside"):
        node.decompose()
    title = _meta(tree, _TITLE_META)
    title_node = tree.css_first("title")
    if title is None and title_node is not None:
        title = title_node.text(strip=True) or None
    published = _meta(tree, _PUBLISHED_META)
    time_node = tree.css_first("time[datetime]")
    if published is None and time_node is not None:
        published = time_node.attributes.get("datetime")
    root = tree.css_first("article") or tree.body
    blocks = [] if root is None else [n.text(separator=" ", strip=True) for n in root.css(_BLOCKS)]
    text = "\n\n".join(b for b in blocks if b)
    if not text and root is not None:
        text = root.text(separator=" ", strip=True)
    if not text.strip():
        return Article(doc_id, "", origin=origin, error=Errors.E001)
    return Article(doc_id, text, title=title, published=published, origin=origin)
