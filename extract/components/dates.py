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

Reference date: ``doc._.reference_date`` when set (metadata or option); otherwise inferred
from the article's own explicit dates in non-future sentences (``normalize.dates_reference``:
the latest year written in full, the next one when that year is only in past-tense sentences
of an article that says "last year"; anchored at that year's latest full date or month, else
its last day; moved later by year-less month-days placed in that year) and flagged
``reference_date_source = "inferred"``; ``"none"`` when the article has no explicit year (or
names it once and has no relative expression to resolve), and
relative dates then keep ``X`` placeholders (``XXXX-04-28``, null start/end).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from extract.components._guard import run_guarded
from extract.components._lemma import lemma_of, register_lemmatizer
from extract.extensions import mention_id
from extract.normalize.dates import (
    DateValue,
    is_period_anaphor,
    is_year_shift,
    normalize_date,
    one_before,
    same_period_in_year,
    year_before,
)
from extract.normalize.dates_lexicon import DatesLexicon, load_dates_lexicon
from extract.normalize.dates_reference import infer_reference_date
from extract.normalize.rules_data import read_rules_text

PATTERNS_FILE = "dates_patterns.jsonl"
_PATTERN_KEYS = (frozenset({"id", "pattern"}), frozenset({"id", "phrases"}))
_ENTITY_LABELS = ("DATE", "TIME")
# Entities a pattern match must not overlap: a month inside a name is not a date.
_BLOCKING_LABELS = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "FAC",
        "WORK_OF_ART",
        "LAW",
        "NORP",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "LANGUAGE",
    }
)
_LEADING_TRIM = frozenset(
    {
        "on",
        "in",
        "at",
        "during",
        "since",
        "until",
        "till",
        "by",
        "for",
        "within",
        "through",
        "throughout",
        "of",
        "from",
        "as",
        "starting",
        "effective",
        "ending",
        "ended",
        "beginning",
        ",",
        "(",
        '"',
        "'",
        "“",
        "‘",
        "-",
        "—",
        "–",
        "and",
        "or",
        "to",
        "between",
    }
)
_TRAILING_TRIM = frozenset({",", ".", ";", ":", ")", '"', "'", "'s", "’s", "”", "’", "-", "—"})
_RANGE_CONNECTORS = frozenset({"to", "through", "thru", "until", "till", "-", "–", "—", "and"})
_RANGE_OPENERS = frozenset({"from", "between"})
_DEADLINE_PREPOSITIONS = frozenset({"until", "till", "til"})
_YEAR_PERIODS = frozenset({"the year", "the fiscal year", "the financial year"})
_JOINERS = frozenset({",", "on", "at"})
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
_UNSAFE_MODIFIERS = frozenset({"some", "over", "under"})
_HYPHEN_MODIFIERS = frozenset({"end", "mid", "early", "late"})
# Reuters' "end-July", "end-1986": the end of the period ("quarter end December 31" is not)
_END_HYPHEN = re.compile(r"^end-(?=\S)", re.IGNORECASE)
# Words before "quarters of" that count periods, not parts: "several quarters of losses".
_NOT_FRACTION_WORDS = frozenset(
    {"several", "few", "many", "past", "last", "next", "recent", "consecutive", "straight", "first"}
)


class _Candidate(NamedTuple):
    start: int  # token indices, end exclusive
    end: int
    from_entity: bool


class PatternsError(ValueError):
    """The date patterns file is malformed."""


class DatePatterns(NamedTuple):
    tokens: list[tuple[str, list[dict[str, Any]]]]  # Matcher patterns
    phrases: list[tuple[str, list[str]]]  # PhraseMatcher phrases (matched on LOWER)


def load_date_patterns(lexicon: DatesLexicon) -> DatePatterns:
    """The packaged patterns: token patterns for the Matcher and phrase lists for the
    PhraseMatcher (much cheaper per token), with ``"$name"`` word lists expanded from
    ``rules/dates.json``; malformed rules or unknown lists raise ``PatternsError``."""
    text = read_rules_text(PATTERNS_FILE)
    word_lists = _word_lists(lexicon)
    patterns = DatePatterns([], [])
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rule = json.loads(line)
        except json.JSONDecodeError as error:
            raise PatternsError(f"{PATTERNS_FILE}:{number}: invalid JSON ({error})") from error
        if not isinstance(rule, dict) or set(rule) not in _PATTERN_KEYS:
            raise PatternsError(
                f"{PATTERNS_FILE}:{number}: a rule has the keys id and pattern, or id and phrases"
            )
        if not isinstance(rule["id"], str):
            raise PatternsError(f"{PATTERNS_FILE}:{number}: 'id' is text")
        if "phrases" in rule:
            phrases = rule["phrases"]
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise PatternsError(f"{PATTERNS_FILE}:{number}: 'phrases' is a list of text")
            expanded: list[str] = []
            for phrase in phrases:
                looked_up = _lookup(phrase, word_lists, number)
                expanded.extend(looked_up if isinstance(looked_up, list) else [looked_up])
            patterns.phrases.append((rule["id"], expanded))
            continue
        if not isinstance(rule["pattern"], list):
            raise PatternsError(f"{PATTERNS_FILE}:{number}: 'pattern' is a list")
        tokens = [_expand(token, word_lists, number) for token in rule["pattern"]]
        patterns.tokens.append((rule["id"], tokens))
    return patterns


def _word_lists(lexicon: DatesLexicon) -> dict[str, list[str]]:
    units = list(lexicon.duration_units)
    plural = [u + "s" for u in units] + [u[:-1] + "ies" for u in units if u.endswith("y")]
    weekday_names = sorted(w for w in lexicon.weekdays if w.endswith("day"))
    month_names = sorted(m for m in lexicon.months if len(m) > 3 or m == "may")
    every = sorted(
        {p for p in lexicon.set_words if p.split()[0] in lexicon.set_quantifiers}
        | {f"{q} {w}" for q in lexicon.set_quantifiers for w in (*weekday_names, *month_names)}
    )
    return {
        "$months": sorted(lexicon.months),
        "$month_names": month_names,
        "$weekday_names": weekday_names,
        "$parts_of_day": sorted(lexicon.parts_of_day),
        "$ordinals_and_q": sorted({*lexicon.ordinals, "q1", "q2", "q3", "q4"}),
        "$duration_units": sorted(set(units + plural) - {"min", "sec", "hr", "yr", "night"}),
        "$leads": sorted(lexicon.pattern_leads),
        "$deictic_days": sorted(lexicon.deictic_days),
        "$holidays": sorted(lexicon.holidays),
        "$day_words": sorted(w for w in lexicon.day_words if " " not in w),
        "$every_phrases": every,
    }


def _expand(token: Any, word_lists: dict[str, list[str]], number: int) -> Any:
    if not isinstance(token, dict):
        raise PatternsError(f"{PATTERNS_FILE}:{number}: a token pattern is an object")
    expanded = {}
    for key, value in token.items():
        if isinstance(value, dict):
            value = {
                op: _lookup(arg, word_lists, number) if isinstance(arg, str) else arg
                for op, arg in value.items()
            }
        expanded[key] = value
    return expanded


def _lookup(arg: str, word_lists: dict[str, list[str]], number: int) -> Any:
    if not arg.startswith("$"):
        return arg
    if arg not in word_lists:
        raise PatternsError(f"{PATTERNS_FILE}:{number}: unknown word list {arg}")
    return word_lists[arg]


class DateExtractor:
    def __init__(self, nlp: Language, name: str, *, entity_labels: list[str]) -> None:
        self.name = name
        self.entity_labels = frozenset(entity_labels)
        self.lexicon = load_dates_lexicon()
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
        doc = run_guarded(doc, "dates", self.name, self._rows)
        if doc._.reference_date_source is None:
            doc._.reference_date_source = "none"
        return doc

    # ------------------------------------------------------------------ rows

    def _rows(self, doc: Doc) -> list[dict]:
        mentions = list(self._mentions(doc))
        reference = _iso_date(doc._.reference_date)
        if reference is None:
            values = [
                (normalize_date(text, reference=None, tense=t), t, self._looks_ahead(span))
                for span, text, t in mentions
            ]
            reference = infer_reference_date((v, t, a) for v, t, a in values if v is not None)
            if reference is not None:
                doc._.reference_date = reference.isoformat()
                doc._.reference_date_source = "inferred"
        resolved: list[tuple[Span, str, DateValue]] = []
        for span, text, tense in mentions:
            value = self._value(span, text, tense, reference)
            if value is not None:
                resolved.append((span, text, value))
                continue
            # A range whose ends come out in the wrong order once resolved ("revision Friday
            # to December's figures") is two dates.
            resolved.extend(self._resolved_parts(span, reference))
        rows: list[dict] = []
        last_period: DateValue | None = None
        sentence_start = -1
        sentence_dates: dict[str, DateValue] = {}  # the sentence's latest date of each grain
        for index, (span, text, value) in enumerate(resolved):
            value = _in_year_of_end_date(span, value, resolved[index + 1 : index + 2])
            if last_period is not None and is_year_shift(text):
                value = year_before(last_period) or value
            elif last_period is not None and (same := same_period_in_year(text, last_period)):
                value = same  # "the 1988 quarter" after "the third quarter"
            elif last_period is not None and is_period_anaphor(text):
                # "the latest period"; "the quarter ended August 30, 1986" keeps its year
                value = _in_year_of_end_date(
                    span, last_period._replace(relative=True), resolved[index + 1 : index + 2]
                )
            elif value.grain in ("quarter", "half") and value.kind == "date" and value.start:
                last_period = value
            if span.sent.start != sentence_start:
                sentence_start, sentence_dates = span.sent.start, {}
            anchor = sentence_dates.get(value.grain or "")
            value = (one_before(text, anchor) if anchor else None) or value
            if value.kind == "date" and value.start is not None and value.grain is not None:
                sentence_dates[value.grain] = value
            value = self._as_set(span, value)
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

    def _resolved_parts(
        self, span: Span, reference: dt.date | None, depth: int = 0
    ) -> Iterator[tuple[Span, str, DateValue]]:
        """The pieces of a span that does not resolve as a whole, each split again when it
        does not resolve either ("from Friday to December's figures" → its range piece → two
        dates)."""
        for piece, piece_text, piece_tense in self._parts(span):
            piece_value = self._value(piece, piece_text, piece_tense, reference)
            if piece_value is not None:
                yield piece, piece_text, piece_value
            elif depth < 2:
                yield from self._resolved_parts(piece, reference, depth + 1)

    def _as_set(self, span: Span, value: DateValue) -> DateValue:
        """ "$33 million a year", "hundreds of interviews a day", "twice a week": one unit after
        an amount is a frequency (kind set), not a duration."""
        if value.kind != "duration" or value.mod is not None or span[0].lower_ not in ("a", "an"):
            return value
        if len(span) != 2 or not value.timex.startswith(("P1", "PT1")):
            return value
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if after in self.lexicon.ago_words:
            return value  # "80.0 mln dlrs a year before": a date, not a frequency
        if span.start == 0:
            return value
        return value._replace(kind="set") if self._is_amount(span.doc[span.start - 1]) else value

    def _is_amount(self, token: Token) -> bool:
        """A token that ends an amount or a count: "5", "million", "%", "twice", "CDs", "dlrs"
        (a noun counted by a number); not the year of a date ("June 1988 a year early")."""
        if token.ent_type_ == "DATE" and _looks_like_year(token):
            return False
        return (
            token.like_num
            or token.lower_ in self.lexicon.frequency_words
            or token.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT")
            or token.tag_ == "NNS"
            or any(child.dep_ == "nummod" for child in token.lefts)
        )

    def _looks_ahead(self, span: Span) -> bool:
        """A forecast target ("by 2025", "due 2017", "approval is expected in late 1987")."""
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        if before in self.lexicon.target_prepositions:
            return True
        return any(token.lower_ in self.lexicon.looking_ahead_words for token in span.sent)

    def _value(
        self, span: Span, text: str, tense: str, reference: dt.date | None
    ) -> DateValue | None:
        if _is_generic_today(span, self.lexicon):
            return DateValue("date", "PRESENT_REF", None, None, None, None, False)
        if _is_some_day(span):
            # "Islam will one day be ...": an unknown day, not a one-day duration
            verb = _governing_verb(span)
            hoped = verb is not None and verb.tag_ == "VB"  # "the hope he one day follow"
            ref = "PAST_REF" if tense == "past" and not hoped else "FUTURE_REF"
            return DateValue("date", ref, None, None, None, None, False)
        value = normalize_date(text, reference=reference, tense=tense)
        if (
            value is not None
            and value.relative
            and reference is not None
            and self._is_habitual(span)
        ):
            # "officials normally meet in the summer": any summer, not this one
            generic = normalize_date(text, reference=None, tense=tense)
            if generic is not None and _GENERIC_TIMEX.match(generic.timex):
                return generic
        return value

    def _is_habitual(self, span: Span) -> bool:
        """The verb governing the span (or the verb it depends on) says "normally", "usually"."""
        verb = _governing_verb(span)
        for _ in range(2):
            if verb is None:
                return False
            if any(c.lower_ in self.lexicon.habitual_words for c in verb.children):
                return True
            if verb.head.i == verb.i:
                return False
            verb = verb.head
        return False

    # ------------------------------------------------------------------ detection

    def _mentions(self, doc: Doc) -> Iterator[tuple[Span, str, str]]:
        """(span, text to normalise, tense) of every temporal expression, in text order."""
        spans = self._merge_neighbours(doc, self._spans(doc))
        for span in spans:
            tense = sentence_tense(span, self.lexicon)
            text = _date_text(span)
            if normalize_date(text, reference=None, tense=tense) is None:
                if span[-1].lower_ in self.lexicon.not_date_followers:
                    continue  # an age: "a 6-year-old boy"
                found = list(self._coordinated(doc, span, tense))
                yield from found or self._parts(span)
                continue
            if self._is_non_date(span):
                continue
            coordinated = list(self._coordinated(doc, span, tense, leading_only=True))
            if coordinated and coordinated[-1][0].end == span.end:
                yield from coordinated  # "five, ten, or twenty years": one range row
                continue
            yield from coordinated
            yield span, _stretch_text(span) or text, tense

    def _period_before_end_date(self, piece: Span) -> str | None:
        """ "the year ended March 31": the year is a one-year period (P1Y)."""
        doc = piece.doc
        before_end_date = piece.end < len(doc) and doc[piece.end].lower_ in ("ended", "ending")
        if before_end_date and piece.text.lower() in _YEAR_PERIODS:
            return "the fiscal year"
        return None

    def _parts(self, span: Span) -> Iterator[tuple[Span, str, str]]:
        """The longest pieces of a span that does not normalise as a whole ("the third
        quarter ended Sept. 30" → "the third quarter", "Sept. 30"), left to right."""
        doc = span.doc
        start = span.start
        while start < span.end:
            for end in range(span.end, start, -1):
                piece = self._trim(doc, start, end)
                if piece is None or piece.start != start or len(piece) == len(span):
                    continue
                period = self._period_before_end_date(piece)
                if period is not None:
                    yield piece, period, "past"
                    start = piece.end
                    break
                if piece.text.lower() in self.lexicon.ambiguous_alone:
                    continue
                tense = sentence_tense(piece, self.lexicon)
                piece_text = _date_text(piece)
                if normalize_date(piece_text, reference=None, tense=tense) is not None:
                    if not self._is_non_date(piece):
                        yield piece, piece_text, tense
                    start = piece.end
                    break
            else:
                start += 1

    def _spans(self, doc: Doc) -> list[Span]:
        candidates = []
        blocked = []
        for ent in doc.ents:
            if ent.label_ in self.entity_labels or (
                # "about 5 1/2 hours" is sometimes a QUANTITY: an amount of time is a duration
                ent.label_ == "QUANTITY" and _unit_word(ent[-1].lower_, self.lexicon) is not None
            ):
                candidates.append(_Candidate(ent.start, ent.end, True))
            elif ent.label_ in _BLOCKING_LABELS:
                blocked.append((ent.start, ent.end))
        for match_id, start, end in [*self.matcher(doc), *self.phrase_matcher(doc)]:
            if match_id == self.a_unit_after_amount:
                # "$33 million a year" (even inside a MONEY entity), "twice a week"
                if start > 0 and self._is_amount(doc[start - 1]):
                    candidates.append(_Candidate(start, end, False))
            elif match_id == self.per_unit:
                candidates.append(_Candidate(start, end, False))  # "16.6 mln barrels per day"
            elif not any(s < end and start < e for s, e in blocked):
                candidates.append(_Candidate(start, end, False))
        candidates.sort()
        united: list[list[int]] = []
        for start, end, _ in candidates:
            if united and start < united[-1][1]:
                united[-1][1] = max(united[-1][1], end)
            else:
                united.append([start, end])
        spans = []
        for start, end in united:
            span = self._trim(doc, start, end)
            if span is not None:
                span = self._without_counting_number(doc, self._with_trailing_number(doc, span))
                spans.append(self._with_modifier(doc, _without_topic_about(span)))
        return spans

    def _with_trailing_number(self, doc: Doc, span: Span) -> Span:
        """ "a year or two": spaCy may stop the entity at "or"."""
        if span[-1].lower_ in ("or", "to") and span.end < len(doc) and doc[span.end].like_num:
            return doc[span.start : span.end + 1]
        return span

    def _without_counting_number(self, doc: Doc, span: Span) -> Span:
        """ "In May one company said": "one" counts the company, it is not May 1 (but "payable
        May one to holders" is)."""
        last = span[-1]
        if (
            len(span) < 2
            or last.lower_ not in self.lexicon.day_words
            or span[-2].lower_ not in self.lexicon.months
        ):
            return span
        after = doc[span.end] if span.end < len(doc) else None
        counts = after is not None and (
            after.lower_ == "of" or (last.head.i >= span.end and last.dep_ in ("nummod", "det"))
        )
        return span[:-1] if counts else span

    def _trim(self, doc: Doc, start: int, end: int) -> Span | None:
        while end > start and (doc[end - 1].lower_ in _TRAILING_TRIM or doc[end - 1].is_space):
            end -= 1
        while end > start and doc[start].is_space:
            start += 1
        while end - start > 1 and doc[start].lower_ in _LEADING_TRIM:
            rest = doc[start + 1 : end].text.lower()
            if rest in self.lexicon.ambiguous_alone:
                break
            start += 1
        if end <= start or not any(c.isalnum() for c in doc[start:end].text):
            return None
        return doc[start:end]

    def _with_modifier(self, doc: Doc, span: Span) -> Span:
        """Take in a modifier written just before the span ("the beginning of", "late"), or
        the whole number of a fraction ("2 1/2 years")."""
        if span.start == 0:
            return span
        if "/" in span[0].text and doc[span.start - 1].is_digit:
            return doc[span.start - 1 : span.end]
        if (
            span.start >= 2
            and doc[span.start - 1].text == "-"
            and doc[span.start - 2].lower_ in _HYPHEN_MODIFIERS
            and not doc[span.start - 2].whitespace_
        ):
            # Reuters' "end-July", "mid-1986": the modifier is written with a hyphen
            extended = doc[span.start - 2 : span.end]
            value = normalize_date(_date_text(extended), reference=None)
            if value is not None and value.mod is not None and value.grain != "day":
                return extended
        phrases = self.modifier_phrases.get(doc[span.start - 1].lower_)
        if not phrases:
            return span
        value = normalize_date(span.text, reference=None)
        if value is None or value.mod is not None:
            return span
        for words in phrases:
            first = span.start - len(words)
            if first < 0:
                continue
            modifier = doc[first : span.start]
            if tuple(t.lower_ for t in modifier) == words and _governs(modifier, span):
                extended = doc[first : span.end]
                if len(_without_topic_about(extended)) < len(extended):
                    return span
                extended_value = normalize_date(extended.text, reference=None)
                if extended_value is not None and _mod_fits(extended_value):
                    return extended
        return span

    def _merge_neighbours(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Join two dates around a range connector into one range, and a clock time with its
        day ("10 p.m. Wednesday")."""
        merged: list[Span] = []
        index = 0
        while index < len(spans):
            span = spans[index]
            if index + 1 < len(spans):
                joined = self._join(doc, span, spans[index + 1])
                if joined is not None:
                    merged.append(joined)
                    index += 2
                    continue
            merged.append(self._range_opener(doc, span))
            index += 1
        return merged

    def _join(self, doc: Doc, left: Span, right: Span) -> Span | None:
        gap = [t.lower_ for t in doc[left.end : right.start]]
        if gap == ["or"]:
            # "weeks or months": one range of durations (dates joined by "or" stay apart)
            candidate = doc[left.start : right.end]
            value = normalize_date(candidate.text, reference=None)
            if value is not None and value.kind == "range" and value.timex.startswith("P"):
                return candidate
            return None
        if len(gap) == 1 and gap[0] in _RANGE_CONNECTORS:
            opener = left.start - 1
            has_opener = opener >= 0 and doc[opener].lower_ in _RANGE_OPENERS
            if gap[0] == "and" and not (has_opener and doc[opener].lower_ == "between"):
                return None
            start = opener if has_opener else left.start
            candidate = doc[start : right.end]
            value = normalize_date(candidate.text, reference=None)
            if value is not None and value.kind == "range":
                return candidate
            return None
        if len(gap) <= 2 and all(word in _JOINERS for word in gap):
            candidate = doc[left.start : right.end]
            value = normalize_date(candidate.text, reference=None)
            if value is not None and (value.grain == "time" or value.kind == "set"):
                return candidate  # "10 p.m. Wednesday", "Tuesday nights"
        return None

    def _range_opener(self, doc: Doc, span: Span) -> Span:
        """Take "from"/"between" into a range that spaCy found without it, or the left end
        of a range that was not detected on its own ("2014 to June 2020")."""
        connector = span.start - 1
        if connector > 0 and doc[connector].lower_ in _RANGE_CONNECTORS:
            for width in (1, 2, 3):
                first = connector - width
                if first < 0:
                    break
                if first > 0 and doc[first - 1].lower_ in _RANGE_OPENERS:
                    first -= 1
                candidate = doc[first : span.end]
                value = normalize_date(candidate.text, reference=None)
                if value is not None and value.kind == "range":
                    return candidate
        opener = span.start - 1
        if opener >= 0 and doc[opener].lower_ in _RANGE_OPENERS:
            value = normalize_date(doc[opener : span.end].text, reference=None)
            if value is not None and value.kind == "range":
                return doc[opener : span.end]
        return span

    def _coordinated(
        self, doc: Doc, span: Span, tense: str, *, leading_only: bool = False
    ) -> Iterator[tuple[Span, str, str]]:
        """ "five, ten, or twenty years": one range row (``P5Y/P20Y``) when the whole phrase
        reads as a range of durations, else one duration per number. With ``leading_only`` only
        the numbers before ``span`` are read; otherwise the numbers inside it too."""
        unit = doc[span.end - 1]
        if _unit_word(unit.lower_, self.lexicon) is None:
            return
        numbers: list[Token] = []
        last_number = span.end - 2
        if last_number < span.start or not doc[last_number].like_num:
            return
        if leading_only and (
            last_number != span.start
            or span.start == 0
            or doc[span.start - 1].lower_ not in (",", "or", "and")
        ):
            return
        position = (span.start if leading_only else last_number) - 1
        while position >= 0:
            token = doc[position]
            if token.like_num and (leading_only or position >= span.start - 8):
                numbers.append(token)
            elif token.lower_ not in (",", "or", "and"):
                break
            position -= 1
        if not numbers:
            return
        lowest = numbers[-1].i
        if leading_only and lowest >= span.start:
            return
        whole = doc[lowest : span.end]
        value = normalize_date(whole.text, reference=None, tense=tense)
        if value is not None and value.kind == "range":
            yield whole, whole.text, tense  # one row: P5Y/P20Y
            return
        for token in reversed(numbers):
            yield doc[token.i : token.i + 1], f"{token.text} {unit.lower_}", tense
        if not leading_only:
            tail = doc[last_number : span.end]
            yield tail, tail.text, tense

    def _is_non_date(self, span: Span) -> bool:
        doc = span.doc
        words = [t for t in span if not t.is_punct]
        named = [t for t in words if t.lower_ != "the"]
        if (
            named
            and named[0].is_lower
            and span.text.lower().removeprefix("the ") in (self.lexicon.holidays)
        ):
            return True  # a holiday is a name: "each new year of the agreement" is no New Year
        if words and words[-1].like_num and all(t.like_num or t.is_stop for t in words):
            token = words[-1]
            before = doc[span.start - 1].lower_ if span.start > 0 else ""
            after = doc[span.end].lower_ if span.end < len(doc) else ""
            if (
                before in self.lexicon.preceding_non_dates
                or after in self.lexicon.following_non_dates
                or after in self.lexicon.time_zones  # a clock time: "at 1900 GMT"
                or doc[span.end : span.end + 2].text.lower() in self.lexicon.time_zones
            ):
                return True
            if token.dep_ == "nummod" and token.head.tag_ == "NNS":
                if token.head.lower_ in self.lexicon.year_nouns and _looks_like_year(token):
                    return False  # "the company's 1989 operating results"
                return _unit_word(token.head.lower_, self.lexicon) is None
        if len(words) == 1 and words[0].lower_ in self.lexicon.set_words:
            token = words[0]
            following = doc[span.end] if span.end < len(doc) else None
            if token.pos_ in ("NOUN", "PROPN") or (
                following is not None
                and following.pos_ == "PROPN"
                and following.is_title
                and following.lower_ not in self.lexicon.weekdays
                and following.lower_ not in self.lexicon.months
            ):
                return True  # a newspaper: "the party daily Granma", "the weekly Der Spiegel"
        last = words[-1] if words else span[-1]
        if (
            last.is_title
            and not last.is_sent_start
            and _unit_word(last.lower_, self.lexicon) not in (None, last.lower_)
        ):
            return True  # a title: the TV show "60 Minutes" (but "Memorial Day" is a date)
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        if after == "of" and span[-1].lower_ in ("quarter", "quarters", "half", "halves"):
            # a fraction: "about three-quarters of its food" (not "several quarters of losses",
            # not "a loss for the third quarter of $226.3 million")
            counted = {t.lower_ for t in span[:-1]}
            ordinal = bool(counted & self.lexicon.ordinals.keys())
            plural = span[-1].lower_ in ("quarters", "halves")
            if not ordinal and not (plural and counted & _NOT_FRACTION_WORDS):
                return True
        return after in self.lexicon.not_date_followers


# Year-less months, seasons, weekdays and month-days left unresolved in habitual sentences.
_GENERIC_TIMEX = re.compile(r"^XXXX-(?:\d\d|SP|SU|FA|WI|WXX-\d|\d\d-\d\d)$")
_STRETCH_PREPOSITIONS = frozenset({"over", "during", "within", "throughout"})
_STRETCH_UNITS = frozenset({"week", "month", "quarter", "year", "decade"})


def _stretch_text(span: Span) -> str | None:
    """ "over the next month" is a stretch of one month (``P1M``, as "over the past month"),
    not next month; the text to normalise, or None."""
    words = span.text.lower().split()
    if (
        len(words) == 3
        and words[:2] in (["the", "next"], ["the", "coming"])
        and words[2] in _STRETCH_UNITS
        and span.start > 0
        and span.doc[span.start - 1].lower_ in _STRETCH_PREPOSITIONS
    ):
        return f"one {words[2]}"
    return None


def _in_year_of_end_date(
    span: Span, value: DateValue, following: list[tuple[Span, str, DateValue]]
) -> DateValue:
    """ "the quarter ended August 30, 1986": the quarter (or half) is in the year of the date
    that ends it."""
    doc = span.doc
    if (
        not following
        or value.kind != "date"
        or value.grain not in ("quarter", "half")
        or value.start is None
        or span.end >= len(doc)
        or doc[span.end].lower_ not in ("ended", "ending")
    ):
        return value
    end_span, _, end_value = following[0]
    if end_span.start != span.end + 1 or end_value.end is None or end_value.grain != "day":
        return value
    year = end_value.end.year
    if year == value.start.year:
        return value
    moved = same_period_in_year(f"the {year} {value.grain}", value)
    if moved is None or moved.start is None or moved.start > end_value.end:
        return value  # a fiscal "second quarter ended January 31" cannot start after it ends
    return moved


def _date_text(span: Span) -> str:
    """The text to normalise: Reuters' "end-July" is "the end of July"."""
    return _END_HYPHEN.sub("the end of ", span.text)


def _without_topic_about(span: Span) -> Span:
    """ "uncertainties about next year's crops": "about" is the noun's preposition there, not
    the APPROX modifier of "about two years"."""
    first = span[0]
    if (
        len(span) > 1
        and first.lower_ == "about"
        and first.dep_ == "prep"
        and first.head.pos_ in ("NOUN", "PROPN", "ADJ")
        and not span.start <= first.head.i < span.end
    ):
        return span[1:]
    return span


def _looks_like_year(token: Token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and 1900 <= int(token.text) <= 2100


def _mod_fits(value: DateValue) -> bool:
    """BEFORE/AFTER qualify dates ("before 2015"); comparisons qualify durations ("more than
    three months"); "after eight hours" is a signal, not a modifier."""
    if value.mod in ("BEFORE", "AFTER"):
        return value.kind == "date"
    if value.mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"):
        return value.kind == "duration"
    return True


def _governs(modifier: Span, span: Span) -> bool:
    """The modifier belongs to the date: it heads the date ("around 1990") or hangs on it
    ("about two years ago"), not on a neighbouring verb ("get around Wednesday's ruling")."""
    if span.root.head.i in range(modifier.start, modifier.end):
        return True
    return any(span.start <= token.head.i < span.end for token in modifier)


def _unit_word(word: str, lexicon: DatesLexicon) -> str | None:
    for candidate in (word, word.removesuffix("s"), word.removesuffix("ies") + "y"):
        if candidate in lexicon.duration_units:
            return candidate
    return None


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _governing_verb(span: Span) -> Token | None:
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def sentence_tense(span: Span, lexicon: DatesLexicon | None = None) -> str:
    """past, present or future: the tense of the verb that governs ``span``."""
    lexicon = lexicon or load_dates_lexicon()
    verb = _governing_verb(span)
    if verb is None:
        return "present"  # no verb (listings, "Pay April 24"): the nearest one
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for _ in range(3):
        # A participle has no tense of its own: "Its stock has slumped, closing unchanged
        # Friday" takes the tense of "has slumped".
        if auxiliaries or verb.tag_ != "VBG" or verb.dep_ not in _PARTICIPLE_DEPS:
            break
        head = verb.head
        for _ in range(8):  # Tokens are new objects on each access: compare indices
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX") or head.i == verb.i:
            break
        verb = head
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.lower_ in lexicon.future_auxiliaries or any(
        a.lower_ in lexicon.future_auxiliaries for a in auxiliaries
    ):
        return "future"
    if any(a.lower_ == "going" for a in auxiliaries):
        return "future"
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxiliaries):
        # "must be returned by Jan. 14", "plans to meet on Tuesday", "expected to be
        # completed by Dec. 15": the nearest one; but a plan told in the pluperfect is over
        # ("had been due to expire Friday")
        return "past" if _in_pluperfect(verb) else "present"
    tenses = {t for token in (verb, *auxiliaries) for t in token.morph.get("Tense", [])}
    perfect = any(lemma_of(a) == "have" for a in auxiliaries)
    passive_present = any(
        a.dep_ == "auxpass" and "Pres" in a.morph.get("Tense", []) for a in auxiliaries
    )
    if passive_present and not perfect:
        return "present"  # "is expected in December", "is scheduled for Monday"
    if "Past" in tenses or verb.tag_ in ("VBD", "VBN"):
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        # "extended its deadline until Tuesday": a deadline may lie ahead; the nearest one
        return "present" if before in _DEADLINE_PREPOSITIONS else "past"
    if "Pres" in tenses:
        return "present"
    return "past"


_PARTICIPLE_DEPS = frozenset({"advcl", "acl", "xcomp", "conj", "relcl"})


def _in_pluperfect(verb: Token) -> bool:
    """The infinitive hangs on a verb in the past perfect: "had been scheduled to expire"."""
    head = verb.head
    if head.i == verb.i:
        return False
    if head.pos_ not in ("VERB", "AUX"):
        head = head.head  # "had been due to expire": "due" hangs on "been"
    helpers = [head, *(c for c in head.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.lower_ == "had" for t in helpers)


def _is_some_day(span: Span) -> bool:
    """ "one day" used as an adverb ("he hopes to one day fly", "One day, he left"), not as an
    amount ("for one day", "just one day", "one day later")."""
    if span.text.lower() != "one day":
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    if after in ("later", "earlier", "ago", "before", "after", "of", "long"):
        return False
    return (
        before is None
        or before.is_sent_start
        and before.is_punct
        or before.pos_
        in (
            "PRON",
            "AUX",
            "PART",
            "PUNCT",
            "CCONJ",
            "SCONJ",
        )
    )


def _is_generic_today(span: Span, lexicon: DatesLexicon) -> bool:
    """ "Today, these initiatives have become ..." means nowadays, not the article's day."""
    if span.text.lower() not in lexicon.generic_today or span.text.lower() == "now":
        return False
    sentence = span.sent
    before = [t for t in sentence if t.i < span.start and not (t.is_punct or t.is_space)]
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if before or after is None or after.text != ",":
        return False
    verb = _governing_verb(span)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in lexicon.future_auxiliaries for a in auxiliaries):
        return False
    tenses = {t for token in (verb, *auxiliaries) for t in token.morph.get("Tense", [])}
    return "Pres" in tenses and "Past" not in {
        t for a in auxiliaries for t in a.morph.get("Tense", [])
    }


@Language.factory(
    "news_dates",
    assigns=["doc._.dates", "doc._.reference_date", "doc._.reference_date_source"],
    requires=["doc.ents", "token.dep", "token.morph"],
    default_config={"entity_labels": list(_ENTITY_LABELS)},
)
def make_date_normalizer(nlp: Language, name: str, entity_labels: list[str]) -> DateExtractor:
    register_lemmatizer(nlp)
    return DateExtractor(nlp, name, entity_labels=entity_labels)
