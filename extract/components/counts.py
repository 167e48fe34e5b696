"""news_counts: numbers with the thing they count (shell over normalize.counts).

A count is a number run ("7,831", "1.5 million", "tens of thousands", "two dozen") attached by
the dependency parse to the noun it counts: as its ``nummod`` ("7,831 escaped persons"), through
an of-phrase ("tens of thousands of people", "three of the victims"), or, when the parse breaks,
directly before a plural noun phrase ("a total of 7,831 escaped persons"). The object is the noun
with its left modifiers and a bare conjunct ("countries and regions"). Spans that dates or money
took, units, identifiers, ordinals and idioms (``rules/counts.json``) are not counts. Span
convention: number (or range) through the object; qualifier words are left out.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import LOWER, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from extract.components._guard import run_guarded
from extract.components._lemma import lemma_of, register_lemmatizer
from extract.components._serialize import RuleFiles
from extract.extensions import doc_text, mention_id, mentions
from extract.normalize.count_rules import load_count_rules
from extract.normalize.counts import Count, parse_count
from extract.normalize.numbers import (
    AND_JOINS_AFTER,
    RANGE_LEADS,
    SEPARATE_LEADS,
    qualifier_after,
    qualifier_before,
)

_NOUNS = ("NOUN", "PROPN")
_QUOTES = "\"'“”‘’«»"
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_ORDINAL = re.compile(r"(?i)^\d+(?:st|nd|rd|th)$")
_PHONE = re.compile(r"\d{2,4}[-.\s]\d{3,4}(?:[-.\s]\d{3,4})?$")
_DIGIT_RANGE = re.compile(r"^(\d[\d,]*)[-\u2013](\d[\d,]*)$")
_MAX_GAP = 3  # tokens allowed between a number and its noun in the fallback


class CountExtractor(RuleFiles):
    rule_prefixes = ("counts", "numbers")  # the rule files it writes beside the model

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules = load_count_rules()
        # Only a token with one of these lowercase forms or the CD tag can start a number run
        # (see _is_number and _runs): the others are skipped in one array operation.
        starters = self.rules.vague_words | self.rules.scale_words | self.rules.word_starters
        self._starter_ids = np.array(sorted(get_string_id(w) for w in starters), dtype=np.uint64)
        self._cd_id = get_string_id("CD")

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "counts", self.name, self._rows)

    # -- number runs -------------------------------------------------------------------------
    def _is_number(self, token: Token) -> bool:
        lower = token.lower_
        if lower in self.rules.vague_words or lower in self.rules.scale_words:
            if len(lower) == 1:  # "m"/"k" only glued to digits: "1.5m"
                return (
                    token.i > 0
                    and token.doc[token.i - 1].whitespace_ == ""
                    and (token.doc[token.i - 1].text[-1:].isdigit())
                )
            return True
        return token.tag_ == "CD" and token.like_num and not _ORDINAL.match(token.text)

    def _runs(self, doc: Doc) -> list[tuple[int, int]]:
        runs: list[tuple[int, int]] = []
        i, n = 0, len(doc)
        if n == 0:
            return runs
        columns = doc.to_array([LOWER, TAG])
        lowers = columns[:, 0]
        # Membership in the sorted starter ids (np.isin costs more on arrays this small).
        found = self._starter_ids[
            np.minimum(np.searchsorted(self._starter_ids, lowers), len(self._starter_ids) - 1)
        ]
        could_start = (found == lowers) | (columns[:, 1] == self._cd_id)
        for candidate in np.flatnonzero(could_start).tolist():
            if candidate < i:
                continue  # inside the previous run
            i = candidate
            token = doc[i]
            starts = self._is_number(token)
            if not starts and token.lower_ in self.rules.word_starters and i + 1 < n:
                starts = doc[i + 1].lower_ in self.rules.scale_words or (
                    token.lower_ == "half" and doc[i + 1].lower_ == "a"
                )
            if not starts:
                continue
            j = i + 1
            while j < n:
                nxt = doc[j]
                if self._is_number(nxt) and not nxt.text[:1].isdigit():
                    j += 1
                    continue
                if j + 1 < n and self._joins(doc[j - 1], nxt, doc[j + 1]):
                    j += 2
                    continue
                if nxt.lower_ == "a" and j + 1 < n and doc[j + 1].lower_ in self.rules.scale_words:
                    j += 1  # "half a million"
                    continue
                break
            runs.append((i, j))
            i = j
        return runs

    def _joins(self, left: Token, middle: Token, right: Token) -> bool:
        """Tokens that continue a number: "twenty-five", "one hundred and five", "tens of
        thousands"."""
        if not self._is_number(right):
            return False
        if middle.text == "-" and left.whitespace_ == "" and middle.whitespace_ == "":
            return left.is_alpha and right.is_alpha
        if middle.lower_ == "and":
            return left.lower_ in AND_JOINS_AFTER and right.is_alpha
        if middle.lower_ == "of":
            return left.lower_ in self.rules.vague_words and right.lower_ in self.rules.vague_words
        return False

    # -- rows --------------------------------------------------------------------------------
    def _rows(self, doc: Doc) -> list[dict]:
        taken = [
            (row["start_char"], row["end_char"])
            for table in ("dates", "money")
            for row in mentions(doc, table)
        ]
        runs = self._runs(doc)
        if not runs:
            return []
        text = doc_text(doc)
        idiom_spans = [m.span() for m in self.rules.idioms.finditer(text)]
        rows: list[dict] = []
        skip_until = -1
        for index, (start, end) in enumerate(runs):
            if start < skip_until:
                continue
            run = doc[start:end]
            if _overlaps(run.start_char, run.end_char, taken):
                continue
            if _overlaps(run.start_char, run.end_char, idiom_spans):
                continue
            if self._is_identifier(run):
                continue
            high_run = self._range_partner(doc, runs, index)
            head_run = high_run or run
            found = self._object(head_run)
            if found is None:
                continue
            head, obj_start, obj_end = found
            if head.i < run.start:
                continue
            count = self._count(text, run, high_run, obj_end)
            if count is None or not self._countable(count, head):
                continue
            if high_run is not None:
                skip_until = high_run.end
            end_char = doc[obj_end - 1].idx + len(doc[obj_end - 1])
            obj = text[doc[obj_start].idx : end_char].strip(_QUOTES + " ")
            rows.append(
                {
                    "mention_id": mention_id(doc, "counts", len(rows)),
                    "start_char": run.start_char,
                    "end_char": end_char,
                    "text": text[run.start_char : end_char],
                    **count._asdict(),
                    "object": obj,
                    "object_lemma": _lemma(head),
                }
            )
        return rows

    def _is_identifier(self, run: Span) -> bool:
        doc = run.doc
        first = run[0]
        if _PHONE.match(run.text) or any("/" in t.text or ":" in t.text for t in run):
            return True
        if run.end + 1 < len(doc) and doc[run.end].lower_ in self.rules.ratio_links:
            after = doc[run.end + 1 : run.end + 3]
            if any(t.like_num for t in after):
                return True  # a ratio: "one in ten customers", "nine out of ten"
        if (
            first.is_alpha
            and first.text[:1].isupper()
            and not first.is_sent_start
            and (
                (run.end < len(doc) and doc[run.end].text[:1].isupper())
                or (run.start > 0 and doc[run.start - 1].tag_ in ("NNP", "NNPS"))
            )
        ):
            return True  # a name: "Six Nations", "Logic One", "Formula One"
        if len(run) == 1 and _YEAR.match(first.text):
            return True  # an unformatted year the dates component left: "2005 Academy Awards"
        if run.end < len(doc) and doc[run.end].lower_ in self.rules.units:
            return True  # a measure or multiplier first: "a hundred times more", "6,000 tonne"
        if run.start == 0:
            return False
        before = doc[run.start - 1]
        if (
            before.text in ("-", "\u2013")
            and before.whitespace_ == ""
            and run.start > 1
            and doc[run.start - 2].text[-1:].isdigit()
            and doc[run.start - 2].whitespace_ == ""
        ):
            return True  # a score or the end of "50-60": "a 2-1 lead"
        if before.lower_ in self.rules.only_one_determiners and run.text.lower() == "one":
            return True  # "the one team that" means the only one
        if before.lower_ in self.rules.identifier_markers:
            return True
        if before.lower_ in self.rules.rank_words:
            return True  # a ranking: "the top 100 companies", "UK top 30 singles"
        if _after_ratio_link(doc, run.start, self.rules.ratio_links):
            return True  # a ratio: "one in ten", "nine out of ten", "one out of five banks"
        last = run[-1]
        if (
            last.whitespace_ == ""
            and run.end + 1 < len(doc)
            and doc[run.end].text in ("-", "\u2013")
            and doc[run.end + 1].is_alpha
        ):
            return True  # a compound adjective: "one-off", "five-year", "500,000-strong"
        # "Boeing 737", "Apollo 11": a name glued before a digit number.
        return first.text[:1].isdigit() and before.tag_ in ("NNP", "NNPS")

    def _range_partner(self, doc: Doc, runs: list[tuple[int, int]], index: int) -> Span | None:
        """The second number of "50 to 60 people", "between 50 and 60", "two or three"."""
        start, end = runs[index]
        if index + 1 >= len(runs):
            return None
        next_start, next_end = runs[index + 1]
        if next_start != end + 1 or doc[end].lower_ not in self.rules.range_connectors:
            return None
        connector = doc[end].lower_
        lead = doc[start - 1].lower_ if start > 0 else ""
        if lead in SEPARATE_LEADS:
            return None  # "from 50 to 60": a change between two numbers
        if connector == "and" and lead not in RANGE_LEADS:
            return None
        return doc[next_start:next_end]

    def _count(self, text: str, run: Span, high_run: Span | None, obj_end: int) -> Count | None:
        doc = run.doc
        if high_run is not None:
            return parse_count(run.text, high_text=high_run.text)
        digit_range = _DIGIT_RANGE.match(run.text)
        if digit_range:
            return parse_count(digit_range.group(1), high_text=digit_range.group(2))
        qualifier = qualifier_before(text, run.start_char)
        if qualifier is None:
            qualifier = qualifier_after(text, run.end_char)
        if qualifier is None:
            qualifier = qualifier_after(text, doc[obj_end - 1].idx + len(doc[obj_end - 1]))
        return parse_count(run.text, qualifier=qualifier or "exact")

    def _object(self, run: Span) -> tuple[Token, int, int] | None:
        """(head noun, first object token, end of object) for the number ``run``."""
        doc = run.doc
        root = run.root
        head = root.head
        # 1. nummod: "7,831 escaped persons".
        if (
            root.dep_ in ("nummod", "compound", "amod", "quantmod")
            and head.pos_ in _NOUNS
            and head.i >= run.end
            and head.lower_ not in self.rules.scale_words
            and not any(t.is_space for t in doc[run.end : head.i])
        ):
            return self._phrase(run, head)
        # 2. of-phrase: "tens of thousands of people", "three of the victims".
        if run.end + 1 < len(doc) and doc[run.end].lower_ == "of":
            of = doc[run.end]
            objects = [t for t in of.children if t.dep_ == "pobj" and t.pos_ in (*_NOUNS, "VERB")]
            if objects:
                return self._phrase(run, objects[0], skip_determiners=True)
        # 3. fallback: a plural noun right after the number ("7,831 escaped persons").
        for offset in range(_MAX_GAP + 1):
            i = run.end + offset
            if i >= len(doc):
                return None
            token = doc[i]
            if token.tag_ in ("NNS", "NNPS") or (
                token.pos_ in _NOUNS and token.lower_ in self.rules.uninflected_plurals
            ):
                if i + 1 < len(doc) and doc[i + 1].pos_ in _NOUNS and doc[i + 1].tag_ != "NNP":
                    continue  # the phrase goes on: "escaped persons' families"
                return self._phrase(run, token)
            if not (
                token.pos_ in ("ADJ", "NOUN", "PROPN")
                or token.tag_ in ("VBN", "VBD", "VBG", "HYPH")
                or token.text in _QUOTES
            ):
                return None
        return None

    def _phrase(
        self, run: Span, head: Token, *, skip_determiners: bool = False
    ) -> tuple[Token, int, int] | None:
        doc = run.doc
        if skip_determiners:
            first = head.left_edge.i
            while first < head.i and (
                doc[first].dep_ in ("det", "poss", "case", "nummod", "quantmod", "predet")
                or doc[first].text in _QUOTES
                or doc[first].like_num
            ):
                first += 1
        else:
            first = run.end
            while first < head.i and (doc[first].is_punct or doc[first].text in _QUOTES):
                first += 1
        end = head.i + 1
        # A bare conjunct: "countries and regions", "party members and state officials".
        for child in head.children:
            if child.dep_ != "conj" or child.pos_ not in _NOUNS or child.i <= head.i:
                continue
            if any(g.dep_ in ("nummod", "det", "poss") for g in child.children):
                break
            between = doc[head.i + 1 : child.left_edge.i]
            if all(t.lower_ in ("and", "or", "&") for t in between) and len(between) == 1:
                end = child.i + 1
            break
        # Closing quote right after the head stays out; an opening one inside is stripped.
        return head, first, end

    def _countable(self, count: Count, head: Token) -> bool:
        lemma = lemma_of(head).lower()
        text = head.lower_
        if lemma in self.rules.units or text in self.rules.units or not head.is_alpha:
            return False
        plural = (
            head.tag_ in ("NNS", "NNPS")
            or lemma in self.rules.uninflected_plurals
            or (lemma != text and text.endswith("s"))
        )
        value = count.value if count.value is not None else count.low
        if value is None:
            return False
        if value == 0 or value > 1 or count.value is None:
            return plural
        return lemma not in self.rules.idiom_heads_for_one


def _after_ratio_link(doc: Doc, start: int, links: frozenset[str]) -> bool:
    """The number at ``start`` is the second term of a ratio: a number, then "in", "out" or
    "out of" just before it."""
    link = 1
    if start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ == "out":
        link = 2
    elif start < 1 or doc[start - 1].lower_ not in links:
        return False
    return start > link and doc[start - link - 1].like_num


def _lemma(head: Token) -> str:
    """The head's lemma, keeping the case a name or acronym is written in ("PSPs" → "PSP",
    "Oscars" → "Oscar", "persons" → "person")."""
    lemma = lemma_of(head).lower() or head.lower_
    text = head.text
    if head.tag_ == "NNPS" and lemma == head.lower_ and len(lemma) > 3:
        # The tagger leaves plural names unlemmatised: "Corporations" → "corporation".
        lemma = lemma[:-3] + "y" if lemma.endswith("ies") else lemma.rstrip("s")
    stem = text[:-1] if text.endswith("s") else text
    if len(stem) > 1 and stem.isupper():
        return lemma.upper()
    if text[:1].isupper() and not head.is_sent_start:
        # A capitalised head inside a sentence is a name even when tagged NNS ("11 Oscars").
        return lemma[:1].upper() + lemma[1:]
    return lemma


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


@Language.factory(
    "news_counts",
    assigns=["doc._.counts"],
    # spans that dates and money took are not counts
    requires=["token.dep", "token.tag", "token.pos", "doc._.dates", "doc._.money"],
)
def make_count_extractor(nlp: Language, name: str) -> CountExtractor:
    register_lemmatizer(nlp)
    return CountExtractor(nlp, name)
