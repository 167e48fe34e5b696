"""news_money: money mentions → exact amount and ISO 4217 currency (shell over normalize.money).

Detection is the rules-driven grammar of ``normalize.money.find_money`` run once over the text:
it covers symbols, codes, currency names, scale words, ranges and qualifiers, which the small
model's MONEY entities often cut short ("19.654 billion" without "yuan"). A bare "$" or "dollars"
is resolved with the article's own explicit currencies, then ``doc._.home_country``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded
from extract.extensions import mention_id
from extract.normalize.money import find_money


class MoneyExtractor:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "money", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        rows: list[dict] = []
        for mention in find_money(doc.text, home_country=doc._.home_country):
            rows.append(
                {
                    "mention_id": mention_id(doc, "money", len(rows)),
                    "start_char": mention.start,
                    "end_char": mention.end,
                    "text": mention.text,
                    **mention.money._asdict(),
                }
            )
        return rows


@Language.factory("news_money", assigns=["doc._.money"])
def make_money_extractor(nlp: Language, name: str) -> MoneyExtractor:
    return MoneyExtractor(nlp, name)
