"""news_money: MONEY mentions → exact amount and ISO 4217 currency (shell over normalize.money)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded
from extract.extensions import mention_id
from extract.normalize.money import parse_money


class MoneyExtractor:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "money", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        rows: list[dict] = []
        for ent in doc.ents:
            if ent.label_ != "MONEY":
                continue
            money = parse_money(ent.text)
            if money is None:
                continue
            rows.append(
                {
                    "mention_id": mention_id(doc, "money", len(rows)),
                    "start_char": ent.start_char,
                    "end_char": ent.end_char,
                    "text": ent.text,
                    **money._asdict(),
                }
            )
        return rows


@Language.factory("news_money", assigns=["doc._.money"], requires=["doc.ents"])
def make_money_extractor(nlp: Language, name: str) -> MoneyExtractor:
    return MoneyExtractor(nlp, name)
