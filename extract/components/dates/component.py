"""news_dates: every temporal expression of an article → one TIMEX3 row (shell over
``normalize.dates``).

Detection: spaCy's DATE and TIME entities plus our own token patterns
(``rules/dates_patterns.jsonl``, word lists from ``rules/dates.json``), overlapping spans
united, leading prepositions trimmed, modifiers on the left taken in ("the beginning of",
"late", "around", "before"). Two dates joined by a connector become one range row ("from 2014
to June 2020"); a clock time next to a day becomes one row ("10 p.m. Wednesday"); a range or a
list of amounts of one unit is one row ("two to three weeks", "five, ten, or twenty years" →
``P5Y/P20Y``, "weeks or months"); "a year" after an amount is a set ("$5 million a year").

Not dates: spans that do not normalise (bare ordinals "18th", counts "7831", "12 kilos"),
numbers that count a plural noun ("1990 people"), numbers next to currency or percent signs,
pattern matches inside names or amounts, ages ("65 years old") and clock times without a day.

Tense: the verb governing the date (its head chain) decides the direction of year-less
expressions: "will"/"would"/"shall" auxiliaries → future; other modals, to-infinitives,
present passives, Tense=Pres and verbless listings → present (the nearest one); past and
perfect → past. A sentence-initial "Today," in a present-tense sentence is generic
("nowadays") → PRESENT_REF.

Reference date: ``doc._.reference_date``, assigned by news_reference_date
(components/reference_date.py), which runs just before: the metadata's or the option's; otherwise
inferred from the article's own explicit dates in non-future sentences (``normalize.dates_reference``:
the latest year written in full, the next one when that year is only in past-tense sentences
of an article that says "last year"; anchored at that year's latest full date or month, else
its last day; moved later by year-less month-days placed in that year; kept only when the
article's dates support that year, or dated by a wire dateline) and flagged
``reference_date_source = "inferred"``; ``"none"`` when the article has no explicit year (or
names it once and has no relative expression to resolve), and
relative dates then keep ``X`` placeholders (``XXXX-04-28``, null start/end).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from extract.components._guard import run_guarded
from extract.components._lemma import register_lemmatizer
from extract.components._serialize import RuleFiles
from extract.components.dates.patterns import load_date_patterns
from extract.components.dates.shared import date_mentions_once
from extract.components.dates.values import (
    as_set,
    date_value,
    in_year_of_end_date,
    resolved_parts,
)
from extract.extensions import mention_id, reference_date_of
from extract.normalize.dates import (
    DateValue,
    is_period_anaphor,
    is_year_shift,
    one_before,
    same_period_in_year,
    year_before,
)
from extract.normalize.dates_anaphora import anchored_anaphor, is_anaphor
from extract.normalize.dates_lexicon import load_dates_lexicon

DEFAULT_ENTITY_LABELS = ("DATE", "TIME")
_SAFE_MODIFIER_MODS = frozenset(
    {
        "START",
        "MID",
        "END",
        "APPROX",
        "LESS_THAN",
        "MORE_THAN",
        "EQUAL_OR_MORE",
        "EQUAL_OR_LESS",
        "BEFORE",
        "AFTER",
    }
)
_UNSAFE_MODIFIERS = load_dates_lexicon().unsafe_modifier_words


class DateExtractor(RuleFiles):
    rule_prefixes = ("dates",)  # the rule files it writes beside the model

    def __init__(self, nlp: Language, name: str, *, entity_labels: list[str]) -> None:
        self.name = name
        self.entity_labels = frozenset(entity_labels)
        self.lexicon = load_dates_lexicon()
        # Two extractors with equal keys detect the same mentions (dates/shared.py).
        self.detection_key = (tuple(sorted(self.entity_labels)), id(self.lexicon))
        patterns = load_date_patterns(self.lexicon)
        self.matcher = Matcher(nlp.vocab)
        for rule_id, pattern in patterns.tokens:
            self.matcher.add(rule_id, [pattern])
        self.a_unit_after_amount = nlp.vocab.strings.add("a_unit_after_amount")
        self.per_unit = nlp.vocab.strings.add("per_unit")
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule_id, phrases in patterns.phrases:
            self.phrase_matcher.add(rule_id, [nlp.make_doc(phrase) for phrase in phrases])
        # Modifier phrases indexed by their last word, longest first.
        self.modifier_phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase, mod in sorted(self.lexicon.modifiers.items(), key=lambda i: -len(i[0])):
            if mod in _SAFE_MODIFIER_MODS and phrase not in _UNSAFE_MODIFIERS:
                words = tuple(phrase.split())
                self.modifier_phrases.setdefault(words[-1], []).append(words)

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "dates", self.name, self._rows)

    # ------------------------------------------------------------------ rows

    def _rows(self, doc: Doc) -> list[dict]:
        mentions = date_mentions_once(self, doc, keep=False)
        reference = _iso_date(reference_date_of(doc)[0])  # news_reference_date's
        resolved: list[tuple[Span, str, DateValue]] = []
        for span, text, tense in mentions:
            value = date_value(self, span, text, tense, reference)
            if value is not None:
                resolved.append((span, text, value))
                continue
            # A range whose ends come out in the wrong order once resolved ("revision Friday
            # to December's figures") is two dates.
            resolved.extend(resolved_parts(self, span, reference))
        rows: list[dict] = []
        for span, value in _in_context(self, resolved):
            rows.append(
                {
                    "mention_id": mention_id(doc, "dates", len(rows)),
                    "start_char": span.start_char,
                    "end_char": span.end_char,
                    "text": span.text,
                    **value._asdict(),
                }
            )
        return rows


def _in_context(
    extractor: DateExtractor, resolved: list[tuple[Span, str, DateValue]]
) -> Iterator[tuple[Span, DateValue]]:
    """Each mention's value read with the dates before it: a period named again ("the 1988
    quarter", "the latest period"), "the previous year" after a year of its sentence, a day
    phrase that points back at the sentence's event ("the following day"; at the start of a
    sentence, the event of the sentence before: "The following month, ...")."""
    last_period: DateValue | None = None
    sentence_start = -1
    sentence_dates: dict[str, DateValue] = {}  # the sentence's latest date of each grain
    sentence_last: DateValue | None = None  # the sentence's latest dated mention
    previous_last: DateValue | None = None  # the same in the sentence just before
    for index, (span, text, value) in enumerate(resolved):
        value = in_year_of_end_date(span, value, resolved[index + 1 : index + 2])
        if last_period is not None and is_year_shift(text):
            value = year_before(last_period) or value
        elif last_period is not None and (same := same_period_in_year(text, last_period)):
            value = same  # "the 1988 quarter" after "the third quarter"
        elif last_period is not None and is_period_anaphor(text):
            # "the latest period"; "the quarter ended August 30, 1986" keeps its year
            value = in_year_of_end_date(
                span, last_period._replace(relative=True), resolved[index + 1 : index + 2]
            )
        elif value.grain in ("quarter", "half") and value.kind == "date" and value.start:
            last_period = value
        if span.sent.start != sentence_start:
            adjacent = (
                sentence_start >= 0 and span.doc[span.sent.start - 1].sent.start == sentence_start
            )
            previous_last = sentence_last if adjacent else None
            sentence_start, sentence_dates, sentence_last = span.sent.start, {}, None
        anchor = sentence_dates.get(value.grain or "")
        value = (one_before(text, anchor) if anchor else None) or value
        if is_anaphor(text):
            opens = not any(t.is_alpha for t in span.doc[span.sent.start : span.start])
            value = (
                anchored_anaphor(text, sentence_last or (previous_last if opens else None)) or value
            )
        if value.kind == "date" and value.start is not None and value.grain is not None:
            sentence_dates[value.grain] = value
            sentence_last = value
        yield span, as_set(extractor, span, value)


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@Language.factory(
    "news_dates",
    assigns=["doc._.dates"],
    requires=[
        "doc.ents",
        "token.dep",
        "token.pos",
        "token.tag",
        "token.morph",
        "doc.sents",
        "doc._.reference_date",
    ],
    default_config={"entity_labels": list(DEFAULT_ENTITY_LABELS)},
)
def make_date_normalizer(nlp: Language, name: str, entity_labels: list[str]) -> DateExtractor:
    register_lemmatizer(nlp)
    return DateExtractor(nlp, name, entity_labels=entity_labels)
