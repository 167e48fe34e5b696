"""news_facts: links quantities and person events to predicates, places and dates.

Reads the five mention lists (``doc._.persons``, ``countries``, ``dates``, ``counts``,
``money``) and the dependency parse; writes ``doc._.facts``, one row per count or money mention
and one per person event. Links follow the parse (subject, object, prepositional attachment,
conjoined verbs), never token distance. The lexical rules are ``extract/rules/facts.json``; the
pure parts (predicate names, roles, date choice, confidences) are ``extract.normalize.facts``.
See docs/facts.md.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.components._guard import run_guarded
from extract.components._lemma import lemma_of, register_lemmatizer
from extract.components._rules import enabled_rules
from extract.components._serialize import RuleFiles
from extract.components.facts.change_level import (
    change_direction,
    pair_changes,
    percent_change,
    split_range,
)
from extract.components.facts.clauses import inside, logical_arguments, verb_particles
from extract.components.facts.climb import Link, link_anchor
from extract.components.facts.date_scope import fact_date
from extract.components.facts.events import person_links
from extract.components.facts.index import DocIndex
from extract.components.facts.places import fact_places
from extract.components.facts.references import list_links, pronoun_links
from extract.extensions import mentions
from extract.normalize.facts import (
    DATE_LINKS,
    DEFAULT_DISABLED_DATE_LINKS,
    PLACE_RULES,
    FactRules,
    fact_confidence,
    fact_id,
    load_fact_rules,
    normalize_predicate,
    quantity_values,
)

_ARGUMENT_COLUMNS = tuple(
    f"{prefix}{suffix}"
    for prefix in ("subject", "object")
    for suffix in ("", "_person_key", "_iso3")
)


class FactBuilder:
    def __init__(
        self, index: DocIndex, date_links: frozenset[str], place_rules: frozenset[str]
    ) -> None:
        self.index = index
        self.rules = index.rules
        self.date_links = date_links
        self.place_rules = place_rules

    def build(self) -> list[dict]:
        facts: list[dict] = []
        index = self.index
        for table in ("counts", "money"):
            for position, row in enumerate(index.rows[table]):
                span = index.spans[table][position]
                if span is None:
                    continue
                link = link_anchor(index, span, persons=False)
                facts.extend(self._quantity_rows(table, row, span, link, len(facts)))
        for position, row in enumerate(index.rows["persons"]):
            span = index.spans["persons"][position]
            if span is None:
                continue
            for link in self._person_event_links(span):
                facts.append(self._row("persons", row, span, link))
        pair_changes(facts)
        for fact in facts:
            fact.pop("_verb", None)
            fact.pop("_direction", None)
        facts.sort(key=lambda fact: (fact["start_char"], fact.pop("_order")))
        doc_id = index.doc._.doc_id or ""
        first_of_event: dict[Any, str] = {}
        for number, fact in enumerate(facts):
            fact["fact_id"] = fact_id(doc_id, number)
            event = fact.pop("_event", None)
            if event is not None:
                fact["event_id"] = first_of_event.setdefault(event, fact["fact_id"])
        return facts

    def _quantity_rows(
        self, table: str, row: dict, span: Span, link: Link, event: int
    ) -> list[dict[str, Any]]:
        """A quantity's fact, or the two facts of a change and its level (one event)."""
        fact = self._row(table, row, span, link)
        if link.verb is not None:
            fact["_verb"], fact["_direction"] = link.verb.i, change_direction(self, link.verb)
        parts = split_range(self, fact, span, link)
        if len(parts) == 1:
            change = percent_change(self, fact, link)
            if change is None:
                return parts
            fact["measure"] = "level"
            parts = [change, fact]
        for part in parts:
            part["_event"] = event
        return parts

    def _person_event_links(self, span: Span) -> list[Link]:
        """The person's own events, then those reached through "X, along with Y," and through
        a pronoun of the same sentence (one per verb and role)."""
        links: list[Link] = []
        seen: set[tuple[int, str | None]] = set()
        for link in (
            *person_links(self, span),
            *list_links(self, span),
            *pronoun_links(self, span),
        ):
            key = (link.verb.i if link.verb is not None else -1, link.role)
            if key not in seen:
                seen.add(key)
                links.append(link)
        return links

    def predicate(self, verb: Token) -> str:
        particles = tuple(p.lower_ for p in verb_particles(verb, self.rules))
        lemma = lemma_of(verb).lower()
        lemma = self.rules.lemma_fixes.get(lemma, lemma)
        doc = verb.doc
        if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "re":
            lemma = "re" + lemma  # 're-elected' is split by the tokenizer
        return normalize_predicate(lemma, particles)

    def event_category(self, verb: Token) -> str | None:
        """The lexicon's category of ``verb`` (a verb + object phrase first: 'filed charges')."""
        objects = [lemma_of(c) for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        events = self.rules.events
        return events.category(self.predicate(verb), objects) or events.category(
            lemma_of(verb).lower(), objects
        )

    def _row(self, table: str, row: dict, span: Span, link: Link) -> dict[str, Any]:
        index = self.index
        verb = link.verb
        fact: dict[str, Any] = {
            "fact_type": {"counts": "count", "money": "money", "persons": "person_event"}[table],
            "sentence": index.sentence[span.start],
            "start_char": row["start_char"],
            "end_char": row["end_char"],
            "predicate": None,
            "event_category": None,
            "role": link.role,
            "negated": None,
            **dict.fromkeys(_ARGUMENT_COLUMNS),
            "mention_id": row["mention_id"],
            "value": None,
            "low": None,
            "high": None,
            "qualifier": None,
            "unit": None,
            "measure": None,
            "event_id": None,
        }
        if table != "persons":
            fact.update(quantity_values(table, row))
        anchor: tuple[str, str | None, str | None] = (row["text"], row.get("person_key"), None)
        if verb is not None:
            fact["predicate"] = link.predicate or self.predicate(verb)
            fact["event_category"] = link.category or self.event_category(verb)
            fact["negated"] = any(child.dep_ == "neg" for child in verb.children)
            subject, obj = logical_arguments(verb)
            subject_value: tuple[str, str | None, str | None] | None = (
                anchor if link.role == "subject" else None
            )
            object_value: tuple[str, str | None, str | None] | None = (
                anchor if link.role == "object" else None
            )
            # An argument past a line break is a parse across a headline ('... personnel |
            # Fight against corruption').
            piece = index.piece[verb.i]
            if subject is not None and index.piece[subject.i] != piece:
                subject = None
            if obj is not None and index.piece[obj.i] != piece:
                obj = None
            if subject_value is None and subject is not None and not inside(subject, span):
                subject_value = index.phrase(subject)
            if object_value is None and obj is not None and not inside(obj, span):
                object_value = index.phrase(obj)
            for prefix, value in (("subject", subject_value), ("object", object_value)):
                if value is not None:
                    fact[prefix], fact[f"{prefix}_person_key"], fact[f"{prefix}_iso3"] = value
        date = fact_date(self, span, link, quantity=table != "persons")
        fact.update(date)
        fact.update(fact_places(self, span, link, person=table == "persons"))
        fact["link_rule"] = link.rule
        fact["confidence"] = fact_confidence(
            self.rules, link.rule, fact["date_rule"], has_predicate=verb is not None
        )
        fact["_order"] = verb.i if verb is not None else -1
        return fact


def link_facts(
    doc: Doc,
    rules: FactRules | None = None,
    date_links: Iterable[str] | None = None,
    place_rules: Iterable[str] = PLACE_RULES,
) -> list[dict]:
    """The fact rows of ``doc`` from its mention lists and parse. Does not change ``doc``.
    ``date_links`` and ``place_rules`` are the rules in use (by default all but
    ``DEFAULT_DISABLED_DATE_LINKS``; fewer to measure one). Links come from the dependency
    parse, so a Doc without one has no facts."""
    if not doc.has_annotation("DEP"):
        return []
    if not any(mentions(doc, table) for table in ("counts", "money", "persons")):
        return []
    index = DocIndex(doc, rules or load_fact_rules())
    if date_links is None:
        date_links = (d for d in DATE_LINKS if d not in DEFAULT_DISABLED_DATE_LINKS)
    return FactBuilder(index, frozenset(date_links), frozenset(place_rules)).build()


class FactLinker(RuleFiles):
    rule_prefixes = ("facts", "events")  # the rule files it writes beside the model

    def __init__(
        self,
        nlp: Language,
        name: str,
        disabled_date_links: Iterable[str] = (),
        disabled_place_rules: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.rules = load_fact_rules()
        self.date_links = enabled_rules(
            name, DATE_LINKS, disabled_date_links, setting="disabled_date_links"
        )
        self.place_rules = enabled_rules(
            name, PLACE_RULES, disabled_place_rules, setting="disabled_place_rules"
        )

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(
            doc,
            "facts",
            self.name,
            lambda d: link_facts(d, self.rules, self.date_links, self.place_rules),
        )


@Language.factory(
    "news_facts",
    assigns=["doc._.facts"],
    requires=[
        "doc._.persons",
        "doc._.countries",
        "doc._.dates",
        "doc._.counts",
        "doc._.money",
        "doc.ents",
        "token.dep",
        "token.pos",
        "token.tag",
    ],
    default_config={
        "disabled_date_links": list(DEFAULT_DISABLED_DATE_LINKS),
        "disabled_place_rules": [],
    },
)
def make_fact_linker(
    nlp: Language, name: str, disabled_date_links: list[str], disabled_place_rules: list[str]
) -> FactLinker:
    """``disabled_date_links`` / ``disabled_place_rules`` turn rules off (``DATE_LINKS`` and
    ``PLACE_RULES`` names), to measure one:
    ``extract eval ... --config news_facts.disabled_place_rules='["possessive"]'``."""
    register_lemmatizer(nlp)
    return FactLinker(nlp, name, disabled_date_links, disabled_place_rules)
