"""news_persons: PERSON mentions → name span, title, canonical name and key.

A thin shell over ``extract.normalize.persons``. For each PERSON entity: titles inside the
entity ("President Clinton") and just before it ("General Secretary", "Singapore's ambassador to
China", "reporter") go to ``title``, or else an apposition right after it (", director of the
Center for Integrity Studies"); possessives and punctuation leave the span; false positives
(data file, places, strings that cannot be names, organisation cues) are dropped. Names the model
missed are added when they repeat a name already found ("Lebed" after "Alexander Lebed"), carry a
bracketed country ("Scott Draper ( Australia )"), follow a title ("Mr Cable"), stand in a list of
people or before a match minute ("Cosmin Contra ( 31st )"), or play in a cricket scorecard
("c Tillekeratne b Dharmasena 13"). Mentions of the same person in the article share the
canonical (longest) name and its ``person_key``. Every rule can be turned off by name
(``disabled_rules``, ``PERSON_RULES``) to measure what it adds.

The row's span is the name only; the title is in its own column.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.components._guard import run_guarded
from extract.components._lemma import register_lemmatizer
from extract.components._rules import enabled_rules
from extract.components._serialize import RuleFiles
from extract.components.persons.boundaries import name_span, person_entities
from extract.components.persons.evidence import without_unevidenced
from extract.components.persons.filters import (
    is_filtered,
    mostly_other_label,
    name_edge_words,
)
from extract.components.persons.layouts import team_names
from extract.components.persons.organisations import (
    organisation_texts,
    plain_name_words,
    without_organisations,
    words_of_persons,
)
from extract.components.persons.propagation import name_core, propagated
from extract.components.persons.recovery.affiliations import affiliated_names
from extract.components.persons.recovery.after_titles import names_after_titles
from extract.components.persons.recovery.lists import listed_attribute, listed_names
from extract.components.persons.recovery.scorecards import scorecard_names
from extract.components.persons.titles import modifiers_start, title_of
from extract.components.persons.words import names_a_place
from extract.extensions import doc_text, mention_id
from extract.normalize.persons import (
    cluster_names,
    fold,
    is_false_positive,
    person_key,
    strip_possessive,
)

Mention = tuple[Span, str | None]  # a name span and its title
# The rules a config can turn off (``disabled_rules``), one name per stage or pass.
PERSON_RULES = (
    "titles",
    "appositions",
    "false_positives",
    "clustering",
    "boundaries",
    "propagate",
    "affiliations",
    "org_cues",
    "title_recovery",
    "list_recovery",
    "scorecards",
)


class PersonNormalizer(RuleFiles):
    rule_prefixes = ("persons",)  # the rule files it writes beside the model

    def __init__(self, nlp: Language, name: str, *, disabled_rules: Iterable[str] = ()) -> None:
        self.name = name
        self.rules = enabled_rules(name, PERSON_RULES, disabled_rules)
        self.titles = "titles" in self.rules
        self.appositions = "appositions" in self.rules
        self.false_positives = "false_positives" in self.rules
        self.clustering = "clustering" in self.rules
        self.boundaries = "boundaries" in self.rules
        self.propagate = "propagate" in self.rules
        self.affiliations = "affiliations" in self.rules
        self.org_cues = "org_cues" in self.rules
        self.title_recovery = "title_recovery" in self.rules
        self.list_recovery = "list_recovery" in self.rules
        self.scorecards = "scorecards" in self.rules

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "persons", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        """The stages in order: model candidates and their boundaries, organisation cues,
        filters and titles, the recovery passes, propagation, then clustering into rows."""
        ents = tuple(doc.ents)  # doc.ents builds new Spans on every access: read it once
        text = doc_text(doc)  # doc.text is rebuilt on every access too
        candidates = self._candidates(doc, ents)
        person_words = words_of_persons(ents)
        protected_surnames = plain_name_words(ents)
        organisations = self._organisations(doc, ents, candidates, person_words, protected_surnames)
        mentions = self._model_mentions(doc, ents, text, candidates, organisations)
        found_by_model = len(mentions)
        self._recover(doc, text, mentions, organisations)
        recovered = frozenset(fold(strip_possessive(s.text)) for s, _ in mentions[found_by_model:])
        if self.propagate:
            self._propagate(doc, mentions, organisations)
        if self.org_cues:
            mentions = without_organisations(
                doc, mentions, organisations, person_words, protected_surnames
            )
            mentions = without_unevidenced(doc, ents, mentions, recovered)  # "Ericsson said it"
        return self._to_rows(doc, mentions)

    def _candidates(self, doc: Doc, ents: tuple[Span, ...]) -> list[tuple[Span, Span]]:
        """Each PERSON entity as (span from the title's start, name span)."""
        candidates: list[tuple[Span, Span]] = []
        for ent in person_entities(doc, ents, merge=self.boundaries):
            if not self.boundaries:
                candidates.append((ent, ent))
                continue
            found = name_span(ent)
            if found is not None:
                span, outer_start = found
                candidates.append((doc[outer_start : span.end], span))
        return candidates

    def _organisations(
        self,
        doc: Doc,
        ents: tuple[Span, ...],
        candidates: list[tuple[Span, Span]],
        person_words: frozenset[str],
        protected_surnames: frozenset[str],
    ) -> frozenset[str]:
        """Folded texts of the candidates that organisation cues show are not people, and of
        the teams in the article's standings rows and result lines."""
        if not self.org_cues:
            return frozenset()
        organisations = organisation_texts(
            doc, ents, [span for _, span in candidates], person_words, protected_surnames
        )
        # "Alex Zanardi ( Italy ) , Reynard Honda , 53.980": the car
        candidate_ends = {span.end for _, span in candidates}
        attributes = {
            fold(span.text)
            for _, span in candidates
            if listed_attribute(doc, span.start, span.end, candidate_ends)
        }
        teams = {fold(team.text) for team in team_names(doc)} - protected_surnames
        return organisations | attributes | teams

    def _model_mentions(
        self,
        doc: Doc,
        ents: tuple[Span, ...],
        text: str,
        candidates: list[tuple[Span, Span]],
        organisations: frozenset[str],
    ) -> list[Mention]:
        """The candidates that pass the filters, each with its title."""
        mostly_other = mostly_other_label(ents) if self.false_positives else frozenset()
        longer_name_words = name_edge_words(doc, ents)
        mentions: list[Mention] = []
        for ent, span in candidates:
            surface = strip_possessive(span.text)
            if fold(surface) in organisations:
                continue
            if self.false_positives and is_filtered(
                span, surface, text, mostly_other, longer_name_words
            ):
                continue
            mentions.append((span, self._title_of(doc, ent, span)))
        return mentions

    def _title_of(self, doc: Doc, ent: Span, name: Span) -> str | None:
        return title_of(doc, ent, name, appositions=self.appositions) if self.titles else None

    def _recover(
        self, doc: Doc, text: str, mentions: list[Mention], organisations: frozenset[str]
    ) -> None:
        """Appends the names the recovery passes find, pass by pass (each sees the last)."""
        if self.affiliations:
            for span in affiliated_names(doc, _taken(mentions)):
                if not (is_false_positive(span.text) or names_a_place(span.text)):
                    mentions.append((span, None))
        if self.title_recovery:
            for span, trigger in names_after_titles(doc, _taken(mentions)):
                surface = strip_possessive(span.text)
                if fold(surface) in organisations or is_false_positive(surface):
                    continue
                if names_a_place(surface):
                    continue
                title = self._title_of(doc, span, span)
                if self.titles and title is None:  # "American Dennis Mitchell"
                    title = doc[modifiers_start(doc, trigger, 0) : span.start].text
                mentions.append((span, title))
        if self.list_recovery:
            found = [span for span, _ in mentions]
            for span in listed_names(doc, found, _taken(mentions)):
                surface = strip_possessive(span.text)
                if fold(surface) in organisations or names_a_place(surface):
                    continue
                mentions.append((span, None))
        if self.scorecards:
            for span in scorecard_names(doc, text, _taken(mentions)):
                if fold(strip_possessive(span.text)) not in organisations:
                    mentions.append((span, None))

    def _propagate(self, doc: Doc, mentions: list[Mention], organisations: frozenset[str]) -> None:
        """Appends the other mentions of the names found so far."""
        seeds = [span for span, _ in mentions]
        cores = [name_core(span) for span in seeds]
        surnames = {core[-1].lower_ for core in cores if len(core) > 1}
        for span in propagated(doc, seeds, covered=_taken(mentions)):
            # a surname alone after the full name is the person ("MaliVai Washington" ...
            # "Washington"); a first name alone may be a place ("Paris")
            surname = len(span) == 1 and span[0].lower_ in surnames
            if self.false_positives and names_a_place(span.text) and not surname:
                continue
            if fold(strip_possessive(span.text)) in organisations:
                continue
            mentions.append((span, self._title_of(doc, span, span)))

    def _to_rows(self, doc: Doc, mentions: list[Mention]) -> list[dict]:
        mentions.sort(key=lambda mention: mention[0].start)
        surfaces = [strip_possessive(span.text) for span, _ in mentions]
        canonical = cluster_names(surfaces) if self.clustering else surfaces
        rows: list[dict] = []
        for (span, title), surface, name in zip(mentions, surfaces, canonical, strict=True):
            rows.append(
                {
                    "mention_id": mention_id(doc, "persons", len(rows)),
                    "start_char": span.start_char,
                    "end_char": span.end_char,
                    "text": span.text,
                    "name": name,
                    "surface_name": surface,
                    "title": title,
                    "person_key": person_key(name),
                }
            )
        return rows


def _taken(mentions: list[Mention]) -> set[int]:
    return {token.i for span, _ in mentions for token in span}


@Language.factory(
    "news_persons",
    assigns=["doc._.persons"],
    requires=["doc.ents", "token.dep", "token.pos", "token.tag"],
    default_config={"disabled_rules": []},
)
def make_person_normalizer(nlp: Language, name: str, disabled_rules: list[str]) -> PersonNormalizer:
    """``disabled_rules`` turns rules of ``PERSON_RULES`` off, to measure one:
    ``extract eval ... --config 'news_persons.disabled_rules=["titles"]'``."""
    register_lemmatizer(nlp)
    return PersonNormalizer(nlp, name, disabled_rules=disabled_rules)
