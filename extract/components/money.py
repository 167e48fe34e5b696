"""news_money: money mentions → exact amount and ISO 4217 currency (shell over normalize.money).

Detection is the rules-driven grammar of ``normalize.money.find_money`` run once over the text:
it covers symbols, codes, currency names, scale words, ranges, qualifiers and elided currencies,
which the small model's MONEY entities often cut short ("19.654 billion" without "yuan"). The
model's MONEY entities add what the grammar cannot see: an amount whose currency was given
earlier in the sentence ("11.9 billion dlrs, down from a record 14 billion in 1985"). A bare "$"
or "dollars" is resolved with the article's own explicit currencies, then
``doc._.home_country``; a currency named by a word or symbol gets the ISO code valid on
``doc._.reference_date`` ("Turkish lira" is TRL in 1987).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded
from extract.components._serialize import RuleFiles
from extract.extensions import doc_text, home_country_of, mention_id, reference_date_of
from extract.normalize.money import find_money, money_from_entity


class MoneyExtractor(RuleFiles):
    rule_prefixes = ("money", "currenc", "numbers")  # the rule files it writes beside the model

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "money", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        text = doc_text(doc)
        mentions = find_money(
            text, home_country=home_country_of(doc)[0], reference_date=_known_date(doc)
        )
        found = list(mentions)
        for ent in doc.ents:
            if ent.label_ != "MONEY":
                continue
            if any(m.start < ent.end_char and ent.start_char < m.end for m in found):
                continue
            mention = money_from_entity(
                text,
                ent.start_char,
                ent.end_char,
                sentence_start=ent.sent.start_char,
                mentions=mentions,
            )
            if mention is not None:
                found.append(mention)
        found.sort(key=lambda m: m.start)
        return [
            {
                "mention_id": mention_id(doc, "money", index),
                "start_char": mention.start,
                "end_char": mention.end,
                "text": mention.text,
                **mention.money._asdict(),
            }
            for index, mention in enumerate(found)
        ]


def _known_date(doc: Doc) -> str | None:
    """The article's date when metadata or an option gives it; an inferred year is a guess,
    and a wrong year would give a wrong historical code."""
    reference, source = reference_date_of(doc)
    return reference if source in _KNOWN_SOURCES else None


_KNOWN_SOURCES = ("metadata", "page", "option")


@Language.factory(
    "news_money",
    assigns=["doc._.money"],
    # the home country resolves "$"; the reference date picks the code valid then (TRL, TRY)
    requires=[
        "doc.ents",
        "doc.sents",
        "doc._.home_country",
        "doc._.reference_date",
        "doc._.reference_date_source",
    ],
)
def make_money_extractor(nlp: Language, name: str) -> MoneyExtractor:
    return MoneyExtractor(nlp, name)
