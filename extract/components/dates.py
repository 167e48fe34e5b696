"""news_dates: DATE mentions → TIMEX3 values (shell over normalize.dates)."""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded
from extract.extensions import mention_id
from extract.normalize.dates import normalize_date


class DateNormalizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if doc._.reference_date_source is None:
            doc._.reference_date_source = "none"
        return run_guarded(doc, "dates", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        reference = dt.date.fromisoformat(doc._.reference_date) if doc._.reference_date else None
        rows: list[dict] = []
        for ent in doc.ents:
            if ent.label_ != "DATE":
                continue
            value = normalize_date(ent.text, reference=reference)
            if value is None:
                continue
            rows.append(
                {
                    "mention_id": mention_id(doc, "dates", len(rows)),
                    "start_char": ent.start_char,
                    "end_char": ent.end_char,
                    "text": ent.text,
                    **value._asdict(),
                }
            )
        return rows


@Language.factory("news_dates", assigns=["doc._.dates"], requires=["doc.ents"])
def make_date_normalizer(nlp: Language, name: str) -> DateNormalizer:
    return DateNormalizer(nlp, name)
