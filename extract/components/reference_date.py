"""news_reference_date: the date an article's relative dates resolve against.

The metadata's (or the run option's) when it gives one; otherwise inferred from the article's
own explicit dates by ``normalize.dates_reference.infer_reference_date`` (source "inferred"),
else none. Assigns ``doc._.reference_date`` (ISO date or None) and
``doc._.reference_date_source``; news_dates, which runs next, reads them and reuses the date
mentions detected here (components/dates/shared.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from extract.components._guard import run_guarded_step
from extract.components._lemma import register_lemmatizer
from extract.components._rules import enabled_rules
from extract.components._serialize import RuleFiles
from extract.components.dates.component import DEFAULT_ENTITY_LABELS, DateExtractor
from extract.components.dates.shared import date_mentions_once
from extract.components.dates.values import looks_ahead
from extract.extensions import doc_metadata, doc_text
from extract.normalize.dates import normalize_date
from extract.normalize.dates_reference import dateline_day, infer_reference_date

# "inferred": infer the reference date from the text when the metadata gives none.
REFERENCE_DATE_RULES = ("inferred",)


class ReferenceDate(RuleFiles):
    rule_prefixes = ("dates",)  # the rule files it writes beside the model

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        entity_labels: Iterable[str] = DEFAULT_ENTITY_LABELS,
        disabled_rules: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.rules = enabled_rules(name, REFERENCE_DATE_RULES, disabled_rules)
        # The date detector, with the settings news_dates has, so that it reuses the mentions.
        self.detector = DateExtractor(nlp, name, entity_labels=list(entity_labels))

    def __call__(self, doc: Doc) -> Doc:
        metadata = doc_metadata(doc)
        doc._.reference_date, doc._.reference_date_source = None, "none"
        if metadata.reference_date:
            doc._.reference_date = metadata.reference_date
            doc._.reference_date_source = metadata.reference_date_source
        elif "inferred" in self.rules:
            run_guarded_step(doc, self.name, self._infer)
        return doc

    def _infer(self, doc: Doc) -> None:
        reference = inferred_reference_date(self.detector, doc)
        if reference is not None:
            doc._.reference_date, doc._.reference_date_source = reference.isoformat(), "inferred"


def inferred_reference_date(detector: DateExtractor, doc: Doc) -> dt.date | None:
    """The reference date the article's own date mentions imply (None without one)."""
    values = (
        (normalize_date(text, reference=None, tense=tense), tense, looks_ahead(detector, span))
        for span, text, tense in date_mentions_once(detector, doc, keep=True)
    )
    return infer_reference_date(
        ((v, t, a) for v, t, a in values if v is not None), dateline=dateline_day(doc_text(doc))
    )


@Language.factory(
    "news_reference_date",
    assigns=["doc._.reference_date", "doc._.reference_date_source"],
    requires=["doc.ents", "token.dep", "token.pos", "token.tag", "token.morph"],
    default_config={"entity_labels": list(DEFAULT_ENTITY_LABELS), "disabled_rules": []},
)
def make_reference_date(
    nlp: Language, name: str, entity_labels: list[str], disabled_rules: list[str]
) -> ReferenceDate:
    register_lemmatizer(nlp)
    return ReferenceDate(nlp, name, entity_labels=entity_labels, disabled_rules=disabled_rules)
