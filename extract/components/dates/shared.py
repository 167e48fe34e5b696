"""Date mentions detected once per Doc for the two components that read them.

news_reference_date infers the reference date from the article's date mentions and news_dates
then resolves the same mentions against it: detection (7% of a run) is done by the first and
reused by the second. The reuse is only a saving: a Doc whose entities changed in between, or a
detector with other rules, detects again. Plain offsets are kept (never Spans), and the second
reader removes them from the Doc.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from extract.components.dates.detection import date_mentions

if TYPE_CHECKING:
    from extract.components.dates.component import DateExtractor

_KEY = "extract:date_mentions"
Mention = tuple[Span, str, str]  # span, text to normalise, tense


def _stamp(extractor: DateExtractor, doc: Doc) -> tuple:
    return (extractor.detection_key, len(doc), tuple((e.start, e.end, e.label) for e in doc.ents))


def date_mentions_once(extractor: DateExtractor, doc: Doc, *, keep: bool) -> list[Mention]:
    """``date_mentions(extractor, doc)``, reusing the ones an earlier call kept on this Doc;
    ``keep`` leaves them for a later reader."""
    stamp = _stamp(extractor, doc)
    cached = doc.user_data.pop(_KEY, None) if not keep else doc.user_data.get(_KEY)
    if cached is not None and cached[0] == stamp:
        return [(Span(doc, start, end), text, tense) for start, end, text, tense in cached[1]]
    found = list(date_mentions(extractor, doc))
    if keep:
        plain = [(span.start, span.end, text, tense) for span, text, tense in found]
        doc.user_data[_KEY] = (stamp, plain)
    return found
