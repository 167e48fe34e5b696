"""Where the blocks of an article's text start: a sentence never runs across a block boundary.

The trained parser reads "Time Warner profit\\n\\nQuarterly profits at ..." as one sentence, so a
headline became the subject of the first paragraph's verb. The layout says otherwise: these
character offsets start a new sentence whatever the parser thinks (``components/blocks.py``
marks them before the parser runs, and the parser respects marked boundaries).

- after a blank line (a paragraph break);
- after the first line, a headline: it has no sentence-final punctuation and the next line does
  not continue it in lowercase;
- at a list item: a line that starts with a bullet ("-", "*", "•", ...) or "1." / "1)";
- after a line that ends a sentence ("." "!" "?", maybe with a closing quote or bracket) when
  the next line starts in uppercase, a digit or a quote: a paragraph or an HTML block, whose
  text trafilatura gives one line each.
"""

from __future__ import annotations

import re

_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*(?=\S)")
_FIRST_LINE = re.compile(r"\A\s*(?P<line>[^\n]*\S)[^\S\n]*\n[^\S\n]*(?=\S)")
_LIST_ITEM = re.compile(
    r"(?<=\n)[^\S\n]*(?P<item>(?:[-*•·▪–—]|\d{1,2}[.)])[^\S\n][^\n]*)"
    r"(?:(?=\n[^\S\n]*(?P<next>\S))|)"
)
_SENTENCE_LINE_END = re.compile(r"[.!?][\"'”’)\]]*[^\S\n]*\n[^\S\n]*(?=[A-Z0-9\"'“‘(\[])")
_SENTENCE_FINAL = re.compile(r"[.!?:;][\"'”’)\]]*\Z")


def block_starts(
    text: str, *, headline: bool = True, list_items: bool = True, line_ends: bool = True
) -> list[int]:
    """Sorted offsets of the first character of every block of ``text`` after the first."""
    starts = {match.end() for match in _BLANK_LINE.finditer(text)}
    if headline:
        first = _FIRST_LINE.match(text)
        if first and not _SENTENCE_FINAL.search(first["line"]) and not text[first.end()].islower():
            starts.add(first.end())
    if list_items:
        for item in _LIST_ITEM.finditer(text):
            starts.add(item.start("item"))
            if item["next"] and not item["next"].islower():  # the line after the item
                starts.add(item.start("next"))
    if line_ends:
        starts.update(match.end() for match in _SENTENCE_LINE_END.finditer(text))
    starts.discard(0)
    return sorted(start for start in starts if start < len(text))
