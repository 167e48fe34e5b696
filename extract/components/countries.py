"""news_countries: country names, demonyms, places and self-references → ISO 3166.

A thin shell over ``extract.normalize.countries``. Candidates come from one PhraseMatcher built
from the gazetteer (so "Saint Vincent and the Grenadines" is one mention even when the model
splits it); the model's entities veto what sits inside organisation, person and work names and
confirm places. A self-reference ("the country") stands for the article's home country, found
as news_home_country finds it (metadata, else the dominant country); this component only reads
the metadata and never sets the home country.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.components._guard import run_guarded
from extract.components._rules import enabled_rules
from extract.components._serialize import RuleFiles
from extract.components.country_evidence import (
    city_is_named,
    dateline_mention,
    is_plain_modifier,
    names_government_body,
    resolve_state,
)
from extract.components.home_country import home_country
from extract.extensions import doc_metadata, entity_bounds, mention_id
from extract.normalize.countries import (
    Country,
    city_forms,
    clean_mention,
    context_vetoes,
    country_by_code,
    country_forms,
    country_on,
    exclusion_phrases,
    is_org_word,
    lookup_city,
    lookup_form,
    self_reference_phrases,
    us_state_forms,
    vetoed_by_context,
)
from extract.normalize.persons import is_honorific, name_particles

COUNTRY, EXCLUDED, SELF, STATE, CITY = "COUNTRY", "EXCLUDED", "SELF", "STATE", "CITY"
# Mention types of a place, read as of the article's date ("Moscow" in 1987: Soviet Union).
DATED_TYPES = frozenset({"place", "city", "dateline"})
# Entities whose inside is not a country mention ("Bank of China", "Michael Jordan").
BLOCKING_LABELS = frozenset(
    {"ORG", "PERSON", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"}
)
# A place (city) is kept only where the model also sees a location.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ARTICLES = frozenset({"the", "The"})
_KNOWN_DATES = ("metadata", "page", "option")
# The rules a config can turn off (``disabled_rules``). infer_home_country: a self-reference
# stands for the dominant country when the metadata gives none (news_home_country's "dominant"
# rule decides doc._.home_country).
COUNTRY_RULES = (
    "places",
    "demonyms",
    "self_references",
    "use_entities",
    "org_context",
    "exclusions",
    "infer_home_country",
    "places_as_of_date",
)


class CountryLinker(RuleFiles):
    rule_prefixes = ("countries",)  # the rule files it writes beside the model

    def __init__(self, nlp: Language, name: str, *, disabled_rules: Iterable[str] = ()) -> None:
        self.name = name
        self.rules = enabled_rules(name, COUNTRY_RULES, disabled_rules)
        self.places = "places" in self.rules
        self.places_as_of_date = "places_as_of_date" in self.rules
        self.demonyms = "demonyms" in self.rules
        self.self_references = self_references = "self_references" in self.rules
        self.use_entities = "use_entities" in self.rules
        self.org_context = "org_context" in self.rules
        self.exclusions = exclusions = "exclusions" in self.rules
        self.infer_home_country = "infer_home_country" in self.rules
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        make = nlp.make_doc
        self.matcher.add(COUNTRY, [make(form) for form in country_forms()])
        if exclusions:
            self.matcher.add(EXCLUDED, [make(phrase) for phrase in exclusion_phrases()])
        if self_references:
            self.matcher.add(SELF, [make(phrase) for phrase in self_reference_phrases()])
        if self.places:
            self.matcher.add(STATE, [make(form) for form in us_state_forms()])
            self.matcher.add(CITY, [make(form) for form in city_forms()])

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "countries", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        found: list[tuple[Span, Country | None]] = []
        person_words = _person_name_words(doc)
        published = self._known_date(doc)
        dateline = dateline_mention(doc) if self.places else None
        if dateline is not None:
            found.append(dateline)
        for span in self._candidates(doc):
            if dateline is not None and dateline[0].start <= span.start < dateline[0].end:
                continue  # the dateline's own place
            if span.label_ == SELF:
                found.append((span, None))
                continue
            country = self._resolve(doc, span, person_words)
            if country is not None:
                found.append((span, country))
        if published is not None:
            found = [
                (span, country_on(c, published) if c and c.mention_type in DATED_TYPES else c)
                for span, c in found
            ]
        home = self._home_country(doc, [(c.iso3, s.start_char) for s, c in found if c])
        rows: list[dict] = []
        for span, country in found:
            if country is None:
                if home is None:
                    continue
                country = home._replace(mention_type="self_reference")
            rows.append(
                {
                    "mention_id": mention_id(doc, "countries", len(rows)),
                    "start_char": span.start_char,
                    "end_char": span.end_char,
                    "text": span.text,
                    "iso2": country.iso2,
                    "iso3": country.iso3,
                    "country": country.name,
                    "mention_type": country.mention_type,
                    "former": country.former,
                }
            )
        return rows

    def _known_date(self, doc: Doc) -> dt.date | None:
        """The article's date when metadata or an option gives it (never a guess)."""
        metadata = doc_metadata(doc)
        if not self.places_as_of_date or metadata.reference_date_source not in _KNOWN_DATES:
            return None
        try:
            return dt.date.fromisoformat(metadata.reference_date or "")
        except (TypeError, ValueError):
            return None

    def _candidates(self, doc: Doc) -> list[Span]:
        """Gazetteer matches, longest first without overlaps; "the" left out of names."""
        spans = []
        phrases = exclusion_phrases()
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            if label == EXCLUDED:
                text = doc[start:end].text
                if text not in phrases and not text.isupper():
                    continue  # "the new England captain" is not "New England"
            if label == COUNTRY and doc[start].text in _ARTICLES and end - start > 1:
                start += 1
            spans.append(Span(doc, start, end, label=label))
        # A region that ends inside a country form running past it is no region: "the West"
        # in "the West German economy".
        country_spans = [span for span in spans if span.label_ == COUNTRY]
        spans = [
            span
            for span in spans
            if span.label_ != EXCLUDED or not any(c.start < span.end < c.end for c in country_spans)
        ]
        return sorted(
            (span for span in filter_spans(spans) if span.label_ != EXCLUDED),
            key=lambda span: span.start,
        )

    def _resolve(self, doc: Doc, span: Span, person_words: frozenset[str]) -> Country | None:
        if span.label_ == STATE:
            return resolve_state(doc, span, person_words) if self.use_entities else None
        if span.label_ == CITY:
            city = lookup_city(span.text)
            if city is None or not self.use_entities or not city_is_named(doc, span, person_words):
                return None
            return None if self.org_context and self._inside_org_name(doc, span) else city
        country = lookup_form(span.text)
        if country is None:
            return None
        if country.mention_type == "demonym" and not self.demonyms:
            return None
        organisation = False
        if self._vetoed_as_name(doc, span):
            # "Bank of Japan", "the U.S. Agriculture Department": a mention of its own type
            organisation = (
                self.org_context
                and country.mention_type in ("name", "demonym")
                and names_government_body(doc, span)
            )
            if not organisation:
                return None
        if self.use_entities:
            if len(span) == 1 and span[0].lower_ in person_words:
                return None
            if (
                country.mention_type == "place"
                and not self._model_sees_place(doc, span)
                and not _is_dateline(doc, span)
            ):
                return None
        elif country.mention_type == "place":
            return None
        if country.mention_type == "place" and not self.places:
            return None
        if clean_mention(span.text) in context_vetoes():
            sentence = span.sent.text if doc.has_annotation("SENT_START") else doc.text
            if vetoed_by_context(span.text, sentence):
                return None
        return country._replace(mention_type="organisation") if organisation else country

    def _vetoed_as_name(self, doc: Doc, span: Span) -> bool:
        """Part of an organisation, person or work name: by the model's entities or by an
        organisation word next to it."""
        blocked = self.use_entities and self._blocked_by_entity(doc, span)
        return blocked or (self.org_context and self._inside_org_name(doc, span))

    @staticmethod
    def _blocked_by_entity(doc: Doc, span: Span) -> bool:
        """Inside a longer organisation, person or work name (a demonym opening a person's
        entity is kept); or exactly a person's name when the form is also a given name or
        surname ("Jordan")."""
        ambiguous = clean_mention(span.text) in context_vetoes()
        demonym = lookup_form(span.text)
        is_demonym = demonym is not None and demonym.mention_type == "demonym"
        for token in span:
            if token.ent_iob_ == "O" or token.ent_type_ not in BLOCKING_LABELS:
                continue
            ent = _entity_of(doc, token.i)
            if _is_run_on_entity(ent) or _only_numbers_or_honorific_beside(ent, span):
                continue
            if is_plain_modifier(ent, span):
                continue  # "its UK retail arm"
            if is_demonym and ent.label_ == "PERSON" and span.end < ent.end:
                continue  # "Australian Anthony Hill", "Belgian King Baudouin"
            contains = ent.start <= span.start and ent.end >= span.end
            if contains and (len(ent) > len(span) or (ambiguous and ent.label_ == "PERSON")):
                return True
            if contains and ent.label_ == "LANGUAGE":
                return True
        return False

    @staticmethod
    def _model_sees_place(doc: Doc, span: Span) -> bool:
        return all(token.ent_type_ in PLACE_LABELS for token in span)

    @staticmethod
    def _inside_org_name(doc: Doc, span: Span) -> bool:
        """ "China Railway", "Bank of China", "Communist Party of the China ..."."""
        if span.end < len(doc) and is_org_word(doc[span.end].text):
            return True
        if (
            span.end + 2 < len(doc)
            and doc[span.end].lower_ in ("and", "&")
            and doc[span.end + 1].text not in _ARTICLES  # "Tunisia and the Palestinian Authority"
        ):
            # the first of two country words sharing one name: "the French and US Opens"
            for end in range(span.end + 2, min(span.end + 5, len(doc))):
                if lookup_form(doc[span.end + 1 : end].text) is not None and is_org_word(
                    doc[end].text
                ):
                    return True
        index = span.start - 1
        if index >= 0 and doc[index].lower_ == "the":
            index -= 1
        return index >= 1 and doc[index].lower_ == "of" and is_org_word(doc[index - 1].text)

    def _home_country(self, doc: Doc, mentions: list[tuple[str, int]]) -> Country | None:
        """The country a self-reference ("the country") stands for: the article's home country
        as news_home_country finds it (components/home_country.py)."""
        iso3, _ = home_country(doc_metadata(doc), mentions, dominant=self.infer_home_country)
        return country_by_code(iso3) if iso3 else None


def _person_name_words(doc: Doc) -> frozenset[str]:
    """First and last words of the article's multi-word PERSON entities that read as names
    (capitalised words, particles, hyphens): a one-word country form equal to one of them is
    that person ("Holland" after "John Holland"). A nationality word opening the entity is not
    a name ("Rwandan Hutu", "Australian Anthony Hill"), nor is "ex-England"."""
    particles = name_particles()
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        if not all(t.text[:1].isupper() or t.lower_ in particles or t.text == "-" for t in ent):
            continue
        first = lookup_form(ent[0].text)
        if first is None or first.mention_type != "demonym":
            words.add(ent[0].lower_)
        words.add(ent[-1].lower_)
    return frozenset(words)


def _only_numbers_or_honorific_beside(ent: Span, span: Span) -> bool:
    """An entity that is the country form plus numbers ("China 2.1 billion" in a list of
    deficits), or the form before an honorific and a name ("deal with Tanzania Mr Brown"):
    the model ran the country into its neighbours."""
    if ent.start != span.start or ent.end <= span.end:
        return False
    rest = ent.doc[span.end : ent.end]
    if all(token.like_num or token.is_punct for token in rest):
        return True
    return is_honorific(rest[0].text)


def _is_dateline(doc: Doc, span: Span) -> bool:
    """A place in capitals opening a story or a line, before a dash ("ROME - ..."): a dateline,
    which the model rarely labels."""
    if not span.text.isupper() or span.end >= len(doc) or doc[span.end].text not in ("-", "--"):
        return False
    if span.start == 0:
        return True
    before = doc[span.start - 1]
    return before.is_space or "\n" in before.whitespace_


def _is_run_on_entity(ent: Span) -> bool:
    """A model entity that runs across a line break, a bracket or a spaced dash ("Romania -
    Cosmin Contra", "Scott Draper ( Australia"): not a name, so it blocks nothing."""
    for token in ent:
        if token.is_space or "\n" in token.text_with_ws or token.text in ("(", ")"):
            return True
        if token.text in ("-", "--") and token.whitespace_ and token.i > ent.start:
            return True
    return False


def _entity_of(doc: Doc, index: int) -> Span:
    start, end = entity_bounds(doc, index)
    return Span(doc, start, end, label=doc[index].ent_type_)


@Language.factory(
    "news_countries",
    assigns=["doc._.countries"],
    requires=["doc.ents"],  # and doc._.metadata, which the runner sets
    default_config={"disabled_rules": []},
)
def make_country_linker(nlp: Language, name: str, disabled_rules: list[str]) -> CountryLinker:
    """``disabled_rules`` turns rules of ``COUNTRY_RULES`` off, to measure one:
    ``extract eval ... --config 'news_countries.disabled_rules=["org_context"]'``."""
    return CountryLinker(nlp, name, disabled_rules=disabled_rules)
