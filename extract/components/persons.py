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
canonical (longest) name and its ``person_key``. Every rule has a config switch (ablation).

The row's span is the name only; the title is in its own column.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.components._guard import run_guarded
from extract.components._lemma import lemma_of, register_lemmatizer
from extract.extensions import doc_text, entity_bounds, mention_id
from extract.normalize.countries import (
    clean_mention,
    context_vetoes,
    exclusion_phrases,
    is_city_name,
    is_org_word,
    lookup_form,
)
from extract.normalize.persons import (
    ADJ,
    BREAK,
    COMPOUND,
    ENT,
    OTHER,
    PERSON,
    POSS,
    PUNCT,
    british_subdivision_names,
    cluster_names,
    demonym_names,
    fold,
    has_org_word,
    is_false_positive,
    is_honorific,
    is_title_head,
    is_title_word,
    leading_title_length,
    name_particles,
    org_cue_after,
    org_cue_before,
    person_key,
    place_before_of,
    plural_verb_after,
    seat_before_for,
    strip_possessive,
    title_after,
    title_before,
    title_before_comma,
    title_lexicon,
)

# Entities that may sit inside a title ("Singapore's ambassador to China", "U.S. President").
TITLE_ENTITY_LABELS = frozenset({"GPE", "ORG", "NORP", "LOC", "FAC"})
_WINDOW = 14  # tokens looked at on each side of a name for a title
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
_GLUED_INITIAL_PARTICLE = re.compile(r"^(?:[A-Z]\.)+(?:de|da|van|von|di|du|le|la)$")  # "A.de"
_BARE_INITIAL = re.compile(r"^(?:(?:[A-Z]\.){1,3}|[A-Z])$")  # "M.", "J.R.", "C" in "C Murphy"
_FIXTURE_WORDS = frozenset({"v", "v.", "vs", "vs."})  # "Luton v Hinckley": two teams
# A verb after "the company Smith ..." makes a relative clause (Smith is a person), except
# reporting verbs ("the newspaper Nhan Dan said").
_REPORTING_LEMMAS = frozenset(
    {"say", "report", "tell", "add", "quote", "write", "announce", "state"}
)
_CUE_AFTER_WINDOW = 6
_FUNCTION_POS = frozenset({"DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART"})
# Particles that begin a surname written alone ("de Silva", "van der Westhuizen").
_LEADING_PARTICLES = frozenset(
    {"de", "da", "di", "del", "della", "van", "von", "der", "den", "du", "le", "la", "dos", "das"}
)
_REGNAL_NUMBERS = frozenset(
    {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"}
)
_LIST_WINDOW = 12  # tokens on each side of a listed name searched for other people
_LIST_SEPARATORS = frozenset({",", ";", "(", ")", "-", "--", ":", ".", "and", "&"})
# Entity labels of words that are never recovered as names after a title.
_NOT_NAME_ENTITY_LABELS = frozenset(
    {
        "DATE",
        "TIME",
        "CARDINAL",
        "ORDINAL",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "LOC",
        "FAC",
        "EVENT",
        "LAW",
        "LANGUAGE",
        "NORP",
    }
)
_COORDINATORS = frozenset({"and", "&", ",", "or", "nor", "with"})
_MODIFIER_DEPS = frozenset({"compound", "amod"})  # a word modifying the title word after it
_COMPARATIVE_TAGS = frozenset({"JJR", "JJS", "RBR", "RBS"})
_NUMERIC_ENTITY_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
)
_WORD_COORDINATORS = _COORDINATORS - {","}


class PersonNormalizer:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        titles: bool = True,
        appositions: bool = True,
        false_positives: bool = True,
        clustering: bool = True,
        boundaries: bool = True,
        propagate: bool = True,
        affiliations: bool = True,
        org_cues: bool = True,
        title_recovery: bool = True,
        list_recovery: bool = True,
        scorecards: bool = True,
    ) -> None:
        self.name = name
        self.titles = titles
        self.appositions = appositions
        self.false_positives = false_positives
        self.clustering = clustering
        self.boundaries = boundaries
        self.propagate = propagate
        self.affiliations = affiliations
        self.org_cues = org_cues
        self.title_recovery = title_recovery
        self.list_recovery = list_recovery
        self.scorecards = scorecards

    def __call__(self, doc: Doc) -> Doc:
        return run_guarded(doc, "persons", self.name, self._rows)

    def _rows(self, doc: Doc) -> list[dict]:
        mentions: list[tuple[Span, str | None]] = []
        ents = tuple(doc.ents)  # doc.ents builds new Spans on every access: read it once
        text = doc_text(doc)  # doc.text is rebuilt on every access too
        mostly_other = _mostly_other_label(ents) if self.false_positives else frozenset()
        longer_name_words = _longer_name_words(doc, ents)
        candidates: list[tuple[Span, Span]] = []
        for ent in _person_entities(doc, ents, merge=self.boundaries):
            if not self.boundaries:
                candidates.append((ent, ent))
                continue
            found = self._name_span(ent)
            if found is not None:
                span, outer_start = found
                candidates.append((doc[outer_start : span.end], span))
        person_words = _person_words(ents)
        protected_surnames = _plain_name_words(ents)
        organisations = (
            _organisation_texts(
                doc, ents, [span for _, span in candidates], person_words, protected_surnames
            )
            if self.org_cues
            else frozenset()
        )
        if self.org_cues:  # "Alex Zanardi ( Italy ) , Reynard Honda , 53.980": the car
            candidate_ends = {span.end for _, span in candidates}
            attributes = {
                fold(span.text)
                for _, span in candidates
                if _listed_attribute(doc, span.start, span.end, candidate_ends)
            }
            organisations = organisations | attributes
        for ent, span in candidates:
            surface = strip_possessive(span.text)
            if fold(surface) in organisations:
                continue
            if self.false_positives and (
                is_false_positive(surface)
                or surface.lower() in mostly_other
                or (
                    (
                        _names_a_place(surface)
                        or (
                            len(span) == 1
                            and (
                                is_city_name(surface)
                                or surface.lower() in british_subdivision_names()
                            )
                        )
                    )
                    and not (len(span) == 1 and span[0].lower_ in longer_name_words)
                )
                or _common_word_at_start(span, text)
            ):
                continue
            mentions.append((span, self._title(doc, ent, span) if self.titles else None))
        if self.affiliations:
            taken = {token.i for span, _ in mentions for token in span}
            for span in _affiliated_names(doc, taken):
                if not (is_false_positive(span.text) or _names_a_place(span.text)):
                    mentions.append((span, None))
        if self.title_recovery:
            taken = {token.i for span, _ in mentions for token in span}
            for span, trigger in _names_after_titles(doc, taken):
                surface = strip_possessive(span.text)
                if fold(surface) in organisations or is_false_positive(surface):
                    continue
                if _names_a_place(surface):
                    continue
                title = self._title(doc, span, span) if self.titles else None
                if self.titles and title is None:  # "American Dennis Mitchell"
                    title = doc[_modifiers_start(doc, trigger, 0) : span.start].text
                mentions.append((span, title))
        if self.list_recovery:
            taken = {token.i for span, _ in mentions for token in span}
            for span in _listed_names(doc, [span for span, _ in mentions], taken):
                surface = strip_possessive(span.text)
                if fold(surface) in organisations or _names_a_place(surface):
                    continue
                mentions.append((span, None))
        if self.scorecards:
            taken = {token.i for span, _ in mentions for token in span}
            for span in _scorecard_names(doc, text, taken):
                if fold(strip_possessive(span.text)) not in organisations:
                    mentions.append((span, None))
        if self.propagate:
            seeds = [span for span, _ in mentions]
            surnames = {span[-1].lower_ for span in seeds if len(span) > 1}
            for span in _propagated(doc, seeds):
                # a surname alone after the full name is the person ("MaliVai Washington" ...
                # "Washington"); a first name alone may be a place ("Paris")
                surname = len(span) == 1 and span[0].lower_ in surnames
                if self.false_positives and _names_a_place(span.text) and not surname:
                    continue
                if fold(strip_possessive(span.text)) in organisations:
                    continue
                mentions.append((span, self._title(doc, span, span) if self.titles else None))
        if self.org_cues:
            mentions = _without_organisations(
                doc, mentions, organisations, person_words, protected_surnames
            )
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

    @staticmethod
    def _name_span(ent: Span) -> tuple[Span, int] | None:
        """The entity without leading titles, nationality words and punctuation or a trailing
        possessive, and with the name parts the model left out ("Lee Hsien [Loong]",
        "Moon Jae[-in]"); a lower-case word that is not a particle ends the name ("Wendy Ide of
        The Times", "J. Gillespie st Kaluwitharana"), and a fixture ("Luton v Hinckley") is no
        name. Also returns where the words cut off the front begin (the title's start)."""
        doc = ent.doc
        start, end = _extend_name(doc, ent.start, ent.end)
        while end > start and (
            doc[end - 1].tag_ == "POS"
            or _is_edge_punct(doc[end - 1])
            or (
                doc[end - 1].text == "-"
                and start < end - 1
                and end < len(doc)
                and _is_edge_punct(doc[end])
            )
        ):
            end -= 1  # a score glued to a name: "Elena Bovina 1-6"
        while start < end and _is_edge_punct(doc[start]):
            start += 1
        if start >= end:
            return None
        start, end = _best_segment(doc, start, end)
        if start >= end:
            return None
        while end - start > 1 and doc[start].is_lower and doc[start].is_alpha:
            start += 1  # "rang Lucy": a verb the model swallowed (particles come mid-name)
        outer_start = start
        quoted = False
        for index in range(start + 1, end):
            word = doc[index].lower_
            if word in _FIXTURE_WORDS:
                return None
            quoted ^= doc[index].text in _QUOTES
            if (
                not quoted
                and doc[index].is_alpha
                and doc[index].is_lower
                and word not in name_particles()
                and not _in_compound(doc[index])
            ):
                end = index
                break
        while end > start and (doc[end - 1].tag_ == "POS" or _is_edge_punct(doc[end - 1])):
            end -= 1
        if start >= end:
            return None
        words = [token.text for token in doc[start:end]]
        lead = _demonym_length(doc, start, end)
        if lead:  # "New Zealander Peter Jackson", "Belgian King Baudouin"
            cut = leading_title_length(words[lead:])
            start += lead + cut
        elif len(words) > 2 and lookup_form(words[0]) is not None:  # "U.S. President Clinton"
            cut = leading_title_length(words[1:])
            start += cut + 1 if cut else 0
        else:
            start += leading_title_length(words)
        return doc[start:end], outer_start

    def _title(self, doc: Doc, ent: Span, name: Span) -> str | None:
        """Title text: inside the entity, before it, or (failing both) an apposition after.
        ``ent`` starts where the words cut off the front of the name begin."""
        title_start = ent.start if name.start > ent.start else None
        sent_start = ent.sent.start if doc.has_annotation("SENT_START") else 0
        left = doc[max(sent_start, ent.start - _WINDOW) : ent.start]
        before = title_before([t.text for t in left], [_kind(t) for t in left])
        if before:
            title_start = ent.start - before
        if title_start is None:
            title_start = _nationality_start(doc, ent.start, sent_start)
        if title_start is not None:
            return _role_without_honorific(doc[title_start : name.start])
        if self.appositions:
            left = doc[max(sent_start, ent.start - _WINDOW * 2) : ent.start]
            comma = title_before_comma([t.text for t in left], [_kind(t) for t in left])
            if comma:
                return doc[ent.start - comma : ent.start - 1].text
        if not self.appositions:
            return None
        sent_end = ent.sent.end if doc.has_annotation("SENT_START") else len(doc)
        right = doc[name.end : min(sent_end, name.end + _WINDOW * 2)]
        found = title_after([t.text for t in right], [_kind(t) for t in right])
        if found is None:
            return None
        first, last = found
        return doc[name.end + first : name.end + last].text


def _nationality_start(doc: Doc, end: int, sent_start: int) -> int | None:
    """Start of a nationality right before a name the model found, with the modifiers before
    it ("American Serena Williams", "fellow Russian Svetlana Kuznetsova"); the model often
    labels the adjective ORG or NORP, which ``title_before`` reads as a complement only."""
    for size in (2, 1):
        start = end - size
        if start < sent_start or not all(token.is_title for token in doc[start:end]):
            continue
        found = lookup_form(doc[start:end].text)
        if found is not None and found.mention_type == "demonym":
            return _modifiers_start(doc, start, sent_start)
    return None


def _modifiers_start(doc: Doc, start: int, sent_start: int) -> int:
    """``start`` moved back over title modifiers ("fellow", "former") before a title word."""
    modifiers = title_lexicon().modifiers
    while start > sent_start and doc[start - 1].lower_ in modifiers:
        start -= 1
    return start


def _common_word_at_start(span: Span, text: str) -> bool:
    """A one-word "name" at a sentence start or after an opening quote, where any word is
    capitalised, that the article also writes in lower case: "Death is not a punishment --
    death is the end". ``text`` is the article's text (``doc.text`` is rebuilt
    on every access)."""
    if len(span) != 1 or not span[0].is_title:
        return False
    token = span[0]
    doc = span.doc
    before = doc[token.i - 1] if token.i > 0 else None
    at_start = (
        before is None
        or token.is_sent_start
        or before.is_space
        or before.text in _QUOTES
        or "\n" in before.whitespace_
    )
    if not at_start or token.lower_ not in text:  # a substring test first: cheap
        return False
    lower = re.compile(rf"(?<![\w-]){re.escape(token.lower_)}(?![\w-])")
    return lower.search(text) is not None


def _role_without_honorific(title: Span) -> str:
    """The title text; an honorific between a role and the name is left out, so the column
    holds the role ("Federal Reserve chairman Mr Greenspan" → "Federal Reserve chairman",
    "Prime Minister Dr. Mahathir" → "Prime Minister"); an honorific alone stays ("Mr"), and so
    does one after a role joined by a link word ("a spokesman for Mr Prescott" → "Mr")."""
    end = len(title)
    while end > 1 and is_honorific(title[end - 1].text):
        end -= 1
    if end < len(title) and title[end - 1].lower_ in title_lexicon().links:
        return title[end:].text  # "a spokesman for Mr Prescott": the role is someone else's
    if end < len(title) and any(
        is_title_word(token.text) and not is_honorific(token.text) for token in title[:end]
    ):
        return title[:end].text
    if end < len(title):
        return title[end:].text  # no role before the honorific: "deal with Tanzania Mr Brown"
    return title.text


def _affiliated_names(doc: Doc, taken: set[int]) -> list[Span]:
    """Names the model missed that a bracketed country follows, as in result lists and
    political news: "Scott Draper ( Australia )", "Tim Henman (Britain)". The name is the run
    of up to four capitalised words (initials and particles allowed) right before the bracket,
    starting after a line break, punctuation, a number or a lower-case word."""
    spans = []
    for open_index, token in enumerate(doc):
        if token.text != "(" or open_index == 0:
            continue
        close = next(
            (i for i in range(open_index + 1, min(open_index + 6, len(doc))) if doc[i].text == ")"),
            None,
        )
        if close is None or lookup_form(doc[open_index + 1 : close].text) is None:
            continue
        end = open_index
        if "\n" in doc[end - 1].whitespace_:
            continue
        start = end
        while start > 0 and end - start < 4:
            word = doc[start - 1]
            if "\n" in word.whitespace_ or word.is_space:
                break
            if start > 1 and _glued_hyphen(doc, start - 1) and doc[start - 2].is_alpha:
                start -= 2  # "Anne-Gaelle Sidot"
                continue
            if not (
                (word.is_alpha and (word.is_title or word.is_upper))
                or _INITIALS.match(word.text)
                or (word.lower_ in ("van", "de", "der", "den", "da", "di", "von", "bin", "al"))
            ):
                break
            start -= 1
        if end - start < 2 or not doc[start].text[:1].isupper():
            continue
        if any(i in taken for i in range(start, end)) or any(
            is_title_word(t.text) or is_org_word(t.text) for t in doc[start:end]
        ):
            continue
        spans.append(doc[start:end])
        taken.update(range(start, end))
    return spans


def _organisation_texts(
    doc: Doc,
    ents: tuple[Span, ...],
    spans: list[Span],
    person_words: frozenset[str],
    protected: frozenset[str],
) -> frozenset[str]:
    """Folded texts of the article's would-be persons that are companies, publications or
    clubs: a legal form or organisation word in the name ("St Gallen Kantonalbank"), a noun
    before it ("the newspaper Nhan Dan") or words after it ("Yukos shares", "Conagra 's
    chairman") at any of its mentions, or, for a one-word name, an organisation entity that
    starts with it and carries an organisation word ("Pirelli SpA"). One-word texts that are
    words of a longer person name in the article are kept."""
    found: set[str] = set()
    for span in spans:
        if _org_context(doc, span, person_words):
            found.add(fold(strip_possessive(span.text)))
    org_spans = [ent for ent in ents if ent.label_ in ("ORG", "PERSON")]
    for span in [*spans, *org_spans]:
        words = [token.text for token in span]
        if has_org_word(words):
            found.add(fold(strip_possessive(span.text)))
            # the company's short name: "Pirelli SpA" -> "Pirelli"
            short = next(i for i in range(len(words)) if has_org_word(words[: i + 1]))
            if short:
                found.add(fold(span[:short].text))
            if span.label_ == "ORG" and short > 1:  # "Magna International Inc" -> "Magna"
                found.add(fold(span[0].text))
    return frozenset(text for text in found if text not in protected)


def _without_organisations(
    doc: Doc,
    mentions: list[tuple[Span, str | None]],
    organisations: frozenset[str],
    person_words: frozenset[str],
    protected: frozenset[str],
) -> list[tuple[Span, str | None]]:
    """Mentions left once organisation cues at the recovered mentions are read too ("Despite
    the defeat , Rotor are ..." after "Rotor Volgograd")."""
    found = set(organisations)
    for span, _ in mentions:
        if (
            len(span) == 1
            and span[0].ent_type_ != "PERSON"
            and _org_context(doc, span, person_words)
        ):
            found.add(fold(strip_possessive(span.text)))
    found -= protected
    if not found:
        return mentions
    return [
        (span, title) for span, title in mentions if fold(strip_possessive(span.text)) not in found
    ]


def _person_words(ents: tuple[Span, ...]) -> frozenset[str]:
    return frozenset(t.lower_ for ent in ents if ent.label_ == "PERSON" for t in ent)


def _plain_name_words(ents: tuple[Span, ...]) -> frozenset[str]:
    """Last words (surnames) of the article's multi-word PERSON entities that read as names:
    capitalised alphabetic words and particles only, no organisation word ("Henry Ford", not
    "Pirelli cables", "Pirelli SpA" or "Leicestershire 296"). A first word alone is not kept:
    "Pirelli" of "Pirelli Cables" is the company."""
    words: set[str] = set()
    for ent in ents:
        if ent.label_ != "PERSON" or len(ent) < 2 or has_org_word([t.text for t in ent]):
            continue
        if _reads_as_name(ent):
            words.add(ent[-1].lower_)
    return frozenset(words)


def _reads_as_name(span: Span) -> bool:
    """Capitalised words without digits, particles and hyphens only ("Henry Ford", "Ludwig van
    Beethoven"; not "Pirelli cables", "Yorkshire at Headingley" or "Somerset 4")."""
    particles = name_particles()
    return all(
        (t.text[:1].isupper() and not any(c.isdigit() for c in t.text))
        or t.lower_ in particles
        or t.text == "-"
        for t in span
    )


def _org_context(doc: Doc, span: Span, person_words: frozenset[str]) -> bool:
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and len(span) == 1
        and before.lower_ == "the"
        and span[0].is_title
        and (span.end >= len(doc) or doc[span.end].pos_ not in ("NOUN", "PROPN", "ADJ"))
        and span[0].lower_[:-1] not in person_words
    ):
        return True  # "the Brewers", "the Ashes"; not "the Dole campaign", "the Clintons"
    if (
        before is not None
        and before.lower_ == "of"
        and span.start > 1
        and place_before_of(doc[span.start - 2].text)
    ):
        return True  # "the town of Staouelli", "east of Tavildara"
    if _constituency(doc, span.start):
        return True  # "The MP for Sittingbourne and Sheppey"
    if before is not None and before.pos_ != "VERB" and org_cue_before(before.text):
        after = doc[span.end] if span.end < len(doc) else None
        relative_clause = (  # "the company Smith founded in 1990": a verb with a gap
            before.pos_ != "ADP"
            and after is not None
            and after.pos_ == "VERB"
            and after.tag_ in ("VBD", "VBZ", "VBP")
            and lemma_of(after) not in _REPORTING_LEMMAS
            and not any(child.dep_ in ("dobj", "obj", "ccomp") for child in after.children)
        )
        possessive = after is not None and after.tag_ == "POS"  # "in Smith 's house"
        if not relative_clause and not possessive:
            return True
    following = doc[span.end : span.end + _CUE_AFTER_WINDOW]
    if not len(following):
        return False
    coordinated = (
        any(  # "she and sister Venus are", "Smith and Jones are"
            token.lower_ in _WORD_COORDINATORS for token in doc[max(0, span.start - 6) : span.start]
        )
        or (  # "Smith , Jones and Brown are": a comma after another name
            span.start > 1
            and doc[span.start - 1].text == ","
            and doc[span.start - 2].text[:1].isupper()
        )
    )
    if coordinated:
        return False
    if (
        len(span) == 1
        and not (span.start > 0 and is_title_word(doc[span.start - 1].text))  # "Lord Haskins"
        and plural_verb_after([token.text for token in following])
    ):
        return True  # "Rotor are well placed"
    if following[0].pos_ in ("VERB", "AUX") and not (
        len(following) > 1 and (following[1].pos_ in ("VERB", "AUX") or following[1].is_punct)
    ):
        return False  # "Smith shares the view" (but "Pirelli shares reacted")
    return org_cue_after([token.text for token in following], one_word_name=len(span) == 1)


def _constituency(doc: Doc, start: int) -> bool:
    """A name after "MP for", alone or joined to other capitalised words by "and": a seat in
    parliament ("the MP for Sittingbourne and Sheppey"); a comma ends the seat ("the MP for
    Bolton West, Ruth Kelly")."""
    index = start - 1
    while (
        index > 0
        and start - index <= 6
        and (doc[index].text in ("and", "&") or doc[index].is_title)
    ):
        index -= 1
    return index > 0 and doc[index].lower_ == "for" and seat_before_for(doc[index - 1].text)


def _demonym_length(doc: Doc, start: int, end: int) -> int:
    """How many leading words of a name are a nationality ("New Zealander", "Briton",
    "Belgian"): a demonym followed by a capitalised word, unless it is also a given name."""
    for size in (2, 1):
        if end - start <= size or not doc[start + size].text[:1].isupper():
            continue
        words = doc[start : start + size]
        if size == 1 and words[0].lower_ in demonym_names():
            continue
        found = lookup_form(words.text)
        if found is not None and found.mention_type == "demonym":
            return size
    return 0


def _names_after_titles(doc: Doc, taken: set[int]) -> list[tuple[Span, int]]:
    """Names the model missed or mislabelled right after a title or honorific: "spokesman
    Glyn Davies", "Speaker Wahono", "Mr Greenspan". The name is one to four capitalised words
    (particles and hyphenated parts allowed) that are not titles, places, organisation words or
    dates and numbers, followed by no further capitalised word. Returns each name with the
    index of the title word before it."""
    spans = []
    index = 0
    while index < len(doc) - 1:
        token = doc[index]
        index += 1
        if (
            token.is_upper
            or not (is_title_head(token.text) or _is_demonym(token))
            or is_title_word(doc[index].text)
        ):
            continue
        start = end = index
        while end < len(doc) and end - start < 4:
            word = doc[end]
            if _glued_hyphen(doc, end) and end > start:
                end += 2  # "Kilroy-Silk", "Song-ho"
            elif _recoverable_name_word(word) or _inner_particle(doc, start, end):
                end += 1
            else:
                break
        end = min(end, len(doc))
        if end == start or (
            end < len(doc)
            and ((doc[end].is_alpha and doc[end].is_title) or _glued_hyphen(doc, end))
        ):
            continue
        if token.is_title and not is_honorific(token.text) and end - start < 2:
            continue  # "General Election", "King Crimson": one word after a capitalised title
        if any(i in taken for i in range(start, end)) or has_org_word(
            [t.text for t in doc[start:end]]
        ):
            continue
        spans.append((doc[start:end], start - 1))
        taken.update(range(start, end))
        index = end
    return spans


def _listed_names(doc: Doc, found: list[Span], taken: set[int]) -> list[Span]:
    """Names the model missed in lists of people (line-ups, result lists, "attended by A, B
    and C"): a run of two to four capitalised words (initials, particles and hyphenated parts
    allowed) standing alone between list separators, with at least two people within a few
    words on either side (found by the model or already recovered in the list, so a line-up
    is read in full), or one to four words followed by a match minute ("Cosmin Contra
    ( 31st )", "Becerril 46th )"). Titles, places, organisation words, dates and numbers are
    not names."""
    ends = {span.end for span in found}
    candidates: list[tuple[int, int, bool]] = []
    particles = name_particles()
    index = 0
    while index < len(doc):
        first = doc[index]
        if (
            not first.text[:1].isupper()
            or not _list_boundary(doc, index - 1)
            or not (_recoverable_name_word(first) or _BARE_INITIAL.match(first.text))
        ):
            index += 1
            continue
        start = end = index
        while end < len(doc) and end - start < 4:
            word = doc[end]
            if _glued_hyphen(doc, end) and end > start:
                end += 2
            elif (
                _recoverable_name_word(word)
                or (end == start and _BARE_INITIAL.match(word.text))
                or _inner_particle(doc, start, end)
            ):
                end += 1
            else:
                break
        end = min(end, len(doc))
        words = doc[start:end]
        minute = end > start and _match_minute_after(doc, end)
        if (
            end - start < (1 if minute else 2)
            or not _list_boundary(doc, end)
            or any(i in taken for i in range(start, end))
            or words[-1].lower_ in particles
            or (end - start == 1 and _BARE_INITIAL.match(words[0].text))
            or has_org_word([t.text for t in words])
            or is_false_positive(words.text)
        ):
            index = max(end, index + 1)
            continue
        if not (
            _affiliation_in_brackets(doc, start, end, ends)
            or _listed_attribute(doc, start, end, ends)
        ):
            candidates.append((start, end, minute))
        index = end
    if not candidates:
        return []
    starts = sorted(span.start for span in found)
    accepted = [minute for _, _, minute in candidates]
    starts = sorted([*starts, *(c[0] for c, ok in zip(candidates, accepted, strict=True) if ok)])
    order = list(range(len(candidates)))
    for sweep in range(4):  # a recovered name counts as a neighbour of the next one
        changed = False
        for position in order if sweep % 2 == 0 else reversed(order):
            start, end, _ = candidates[position]
            if accepted[position]:
                continue
            low = bisect_left(starts, start - _LIST_WINDOW)
            high = bisect_left(starts, end + _LIST_WINDOW)
            if high - low >= 2:
                accepted[position] = changed = True
                insort(starts, start)
        if not changed:
            break
    spans = []
    for (start, end, _), ok in zip(candidates, accepted, strict=True):
        if ok:
            spans.append(doc[start:end])
            taken.update(range(start, end))
    return spans


_MINUTE = re.compile(r"^\d{1,3}(?:st|nd|rd|th)$")


def _match_minute_after(doc: Doc, end: int) -> bool:
    """A goal or substitution minute right after a name: "( 31st )", "( 60th minute )",
    "( 41st min , pen )", or "46th )" inside a substitution bracket."""
    if end + 1 < len(doc) and doc[end].text == "(" and _MINUTE.match(doc[end + 1].text):
        return True
    return (
        end + 1 < len(doc) and _MINUTE.match(doc[end].text) is not None and doc[end + 1].text == ")"
    )


_DISMISSALS = frozenset({"c", "b", "st", "lbw"})
# Text that only a scorecard holds: a dismissal ("c Healy b Fleming", "lbw b"), bowling
# figures ("7-0-29-0"), "not out", "did not bat", or an initialled name and a score
# ("( A. Dale 69").
_SCORECARD_SIGNS = re.compile(
    r" (?:b|lbw|st) [A-Z]|\d-\d+-\d+-\d|\bnot out\b|\b[Dd]id [Nn]ot [Bb]at\b"
    r"|\b[A-Z]\. ?[A-Z][A-Za-z'\u2019-]+ \d"
)
_DIGIT = re.compile(r"\d")
_DID_NOT_BAT = re.compile(r"\b[Dd]id [Nn]ot [Bb]at\b")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*$")  # "McGrath", "O'Neill"
_BOWLING_FIGURES = re.compile(r"^\d+(?:\.\d)?-\d+-\d+-\d+$")  # overs-maidens-runs-wickets
_GLUED_INITIAL_NAME = re.compile(r"^(?:[A-Z]\.)+[A-Z][A-Za-z'\u2019]*[a-z]$")  # "T.O'Gorman"


def _scorecard_names(doc: Doc, text: str, taken: set[int]) -> list[Span]:
    """Players in cricket scorecards, which the model rarely tags: the fielder and bowler of
    a dismissal ("c Tillekeratne b Dharmasena 13", "lbw b Fleming 0", "st Kaluwitharana b
    Chandana"), the batsman before one ("S. Law c ...", "R. Ponting not out 46", "M. Slater run
    out 9") and the bowler before his figures ("Vaas 7-0-29-0"). A name is one to three
    capitalised words, an initial or two allowed in front."""
    spans: list[Span] = []
    if _SCORECARD_SIGNS.search(text) is None:  # most articles: one regex search
        return spans
    for index, token in enumerate(doc):
        word = token.text
        if word in _DISMISSALS and word != "lbw":
            end = _scorecard_name_end(doc, index + 1)
            if end is None:
                continue
            follower = doc[end] if end < len(doc) else None
            if word == "b":
                ok = follower is None or follower.like_num or _is_line_end(doc, end - 1)
            else:
                ok = follower is not None and follower.text == "b"
            if ok:
                _add_player(doc, index + 1, end, taken, spans)
        elif word[:1].isupper() and _list_boundary(doc, index - 1):
            end = _scorecard_name_end(doc, index)
            if end is None or end >= len(doc):
                continue
            follower = doc[end]
            if (
                _bowling_figures_at(doc, end)
                or (_INITIALS.match(token.text) and follower.like_num)  # "( A. Dale 69 ,"
                or (follower.text in _DISMISSALS and _dismissal_follows(doc, end))
                or (
                    follower.lower_ in ("run", "not")
                    and end + 1 < len(doc)
                    and doc[end + 1].lower_ == "out"
                )
            ):
                _add_player(doc, index, end, taken, spans)
    if _DID_NOT_BAT.search(text) is not None:
        _did_not_bat(doc, taken, spans)
    return spans


def _bowling_figures_at(doc: Doc, index: int) -> bool:
    """Bowling figures start at ``index`` (a line break may come first): "7-0-29-0",
    "9.5-0-44-1" (overs, maidens, runs, wickets), tokenised as seven glued tokens."""
    while index < len(doc) and doc[index].is_space:
        index += 1
    tokens = doc[index : index + 7]
    if len(tokens) < 7 or any(token.whitespace_ for token in tokens[:6]):
        return False
    return _BOWLING_FIGURES.match("".join(token.text for token in tokens)) is not None


def _did_not_bat(doc: Doc, taken: set[int], spans: list[Span]) -> None:
    """The batsmen listed after "Did not bat :", up to the full stop."""
    for index in range(2, len(doc) - 1):
        if not (
            doc[index].lower_ == "bat"
            and doc[index - 1].lower_ == "not"
            and doc[index - 2].lower_ == "did"
            and doc[index + 1].text == ":"
        ):
            continue
        position = index + 2
        while position < len(doc):
            end = _scorecard_name_end(doc, position)
            if end is None:
                break
            _add_player(doc, position, end, taken, spans)
            if end >= len(doc) or doc[end].text not in (",", "and"):
                break
            position = end + 1


def _scorecard_name_end(doc: Doc, start: int) -> int | None:
    """End of a player's name starting at ``start`` (initials, then up to three capitalised
    words or hyphenated parts), or None."""
    end = start
    if end < len(doc) and _GLUED_INITIAL_NAME.match(doc[end].text):
        return end + 1
    while end < len(doc) and end - start < 2 and _INITIALS.match(doc[end].text):
        if lookup_form(doc[end].text) is not None:  # "U.S."
            return None
        end += 1
    words = 0
    while end < len(doc) and words < 3:
        if _glued_hyphen(doc, end) and words:
            end += 2
        elif _capitalised(doc[end]) and not is_title_word(doc[end].text):
            end += 1
            words += 1
        else:
            break
    if not words or lookup_form(doc[start:end].text) is not None:
        return None
    return min(end, len(doc))


def _dismissal_follows(doc: Doc, index: int) -> bool:
    """``doc[index]`` starts a dismissal: "b Name", "lbw b Name", "c Name b", "st Name b"."""
    marker = doc[index].text
    if marker == "lbw":
        return index + 1 < len(doc) and doc[index + 1].text == "b"
    end = _scorecard_name_end(doc, index + 1)
    if end is None:
        return False
    if marker == "b":
        return end >= len(doc) or doc[end].like_num or _is_line_end(doc, end - 1)
    return end < len(doc) and doc[end].text == "b"


def _is_line_end(doc: Doc, index: int) -> bool:
    return "\n" in doc[index].whitespace_ or (index + 1 < len(doc) and doc[index + 1].is_space)


def _add_player(doc: Doc, start: int, end: int, taken: set[int], spans: list[Span]) -> None:
    if any(i in taken for i in range(start, end)) or has_org_word([t.text for t in doc[start:end]]):
        return
    spans.append(doc[start:end])
    taken.update(range(start, end))


def _listed_attribute(doc: Doc, start: int, end: int, person_ends: set[int]) -> bool:
    """The words after a listed person and a bracket, then a number, are the person's team,
    car or horse: "Alex Zanardi ( Italy ) , Reynard Honda , 53.980"."""
    if start < 4 or end + 1 >= len(doc) or doc[start - 1].text != "," or doc[start - 2].text != ")":
        return False
    if doc[end].text != "," or not doc[end + 1].like_num:
        return False
    opening = next((i for i in range(start - 3, max(start - 8, 0), -1) if doc[i].text == "("), None)
    return opening is not None and opening in person_ends


def _affiliation_in_brackets(doc: Doc, start: int, end: int, person_ends: set[int]) -> bool:
    """Words alone in brackets right after a person are the person's film, club or party,
    not another person: "Phil Davis (Vera Drake)"."""
    return (
        start >= 2
        and doc[start - 1].text == "("
        and start - 1 in person_ends
        and end < len(doc)
        and doc[end].text == ")"
    )


def _glued_hyphen(doc: Doc, index: int) -> bool:
    """A hyphen inside a word ("Mercedes-Benz", "Song-ho")."""
    return (
        doc[index].text == "-"
        and 0 < index < len(doc) - 1
        and not doc[index - 1].whitespace_
        and not doc[index].whitespace_
    )


def _list_boundary(doc: Doc, index: int) -> bool:
    """A list separator at ``index``: text edge, punctuation, a number or a line break."""
    if index < 0 or index >= len(doc):
        return True
    token = doc[index]
    text = token.text
    if text == "-" and _glued_hyphen(doc, index):
        return False
    if text in _LIST_SEPARATORS or token.is_space or token.like_num:
        return True
    if index + 1 < len(doc) and "\n" in token.whitespace_:
        return True
    return _DIGIT.search(text) is not None


def _inner_particle(doc: Doc, start: int, index: int) -> bool:
    """A particle inside a name, before a capitalised word or another particle ("Nico van
    Kerckhoven", "Joost van der Westhuizen")."""
    particles = name_particles()
    if index <= start or doc[index].lower_ not in particles:
        return False
    after = index + 1
    while after < len(doc) and doc[after].lower_ in particles:
        after += 1
    return after < len(doc) and _recoverable_name_word(doc[after])


def _is_demonym(token: Token) -> bool:
    """A nationality adjective before a name ("American Dennis Mitchell"); it needs two name
    words after it, like a capitalised title."""
    if not token.is_title:
        return False
    found = lookup_form(token.text)
    return found is not None and found.mention_type == "demonym"


def _capitalised(token: Token) -> bool:
    """A capitalised word as names are written: "Lama", "McGrath", "DeFreitas", "O'Neill"."""
    if token.is_title and token.is_alpha:
        return len(token) > 1
    text = token.text
    return (
        len(text) > 1
        and text[0].isupper()
        and not text.isupper()
        and _NAME_WORD.match(text) is not None
    )


def _recoverable_name_word(token: Token) -> bool:
    return (
        _capitalised(token)
        and token.pos_ not in _FUNCTION_POS  # "The Aviator"
        and token.ent_type_ not in _NOT_NAME_ENTITY_LABELS
        and not is_title_word(token.text)
        and lookup_form(token.text) is None
        and (not token.is_sent_start or _after_list_number(token))
    )


def _after_list_number(token: Token) -> bool:
    """Right after a list number or a line break ("62 Nolan Henke", "1. Alex Zanardi"): a
    sentence start there is only the parser's guess (but not a function word: "In Oakland")."""
    doc = token.doc
    if token.i == 0 or token.is_stop:
        return False
    before = doc[token.i - 1]
    return before.like_num or before.is_space or "\n" in before.whitespace_


def _person_entities(doc: Doc, ents: tuple[Span, ...], *, merge: bool) -> list[Span]:
    """The PERSON entities; with ``merge``, two that touch are one ("Susilo Bambang" +
    "Yudhoyono")."""
    persons = [ent for ent in ents if ent.label_ == "PERSON"]
    if not merge:
        return persons
    merged: list[Span] = []
    for ent in persons:
        if merged and merged[-1].end == ent.start and merged[-1][-1].whitespace_ == " ":
            merged[-1] = doc[merged[-1].start : ent.end]
        else:
            merged.append(ent)
    return merged


def _mostly_other_label(ents: tuple[Span, ...]) -> frozenset[str]:
    """Texts the model tags as an organisation, place or product more often than as a person
    in this article ("Yukos" once PERSON, twice ORG): those PERSON mentions are dropped."""
    person: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for ent in ents:
        key = ent.text.lower()
        if ent.label_ == "PERSON":
            person[key] += 1
        elif ent.label_ in ("ORG", "GPE", "PRODUCT", "FAC", "NORP"):
            other[key] += 1
    return frozenset(key for key in other if other[key] > person[key] and key in person)


def _extend_name(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Grow a name over a hyphenated tail written without spaces ("Jae" + "-in"), a quoted
    nickname and the surname after it ("Roberto " Hands of Stone " Duran"), a particle and the
    word after it ("Kengo" + "wa Dondo"), a hyphenated Korean given name ("Kim" + "In-so"),
    capitalised words next to it that no entity claims ("Ana" + "María Gómez") and a regnal
    number ("Henry VIII"); and back over a hyphenated first part ("Anne-" + "Gaelle Sidot"), a
    particle ("Maarten den" + "Bakker") and initials."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        if doc[end].whitespace_ or not doc[end + 1].is_alpha:
            break
        end += 2
    end = _nickname_end(doc, start, end)
    if end - start == 1 and _korean_given_name(doc, end):
        end += 3
    while end < len(doc) and _loose_name_word(doc[end]) and doc[end - 1].whitespace_ == " ":
        end += 1
    end = _particle_surname_end(doc, end)
    if end < len(doc) and doc[end - 1].whitespace_ and _is_regnal_number(doc, start, end):
        end += 1  # "Henry VIII", "Pedro I"
    while start > 0:
        before = doc[start - 1]
        if before.whitespace_ == " " and (_loose_name_word(before) or _INITIALS.match(before.text)):
            start -= 1
        elif _glued_hyphen(doc, start - 1) and start > 1 and _loose_name_word(doc[start - 2]):
            start -= 2  # "Anne-Gaelle"
        elif (
            before.whitespace_ == " "
            and before.lower_ in _LEADING_PARTICLES
            and start > 1
            and doc[start - 2].whitespace_ == " "
            and (_loose_name_word(doc[start - 2]) or doc[start - 2].ent_type_ == "PERSON")
        ):
            start -= 2  # "Maarten den Bakker"
        elif _GLUED_INITIAL_PARTICLE.match(before.text) and before.whitespace_ == " ":
            start -= 1  # "A.de Silva"
        else:
            break
    while end - start > 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start, end


_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})
# Entity labels a surname after a nickname or particle may wrongly carry ("Duran" GPE).
_SURNAME_BLOCKING_LABELS = _NOT_NAME_ENTITY_LABELS - {"LOC", "FAC", "NORP"}


def _nickname_end(doc: Doc, start: int, end: int) -> int:
    """End of a name with a quoted nickname before its surname ("Roberto " Hands of Stone "
    Duran"): the quote opens right after the first words of the name (or inside the entity),
    holds one to four words starting with a capital, and a capitalised surname follows the
    closing quote. Otherwise ``end``."""
    opening = next(
        (i for i in range(start + 1, min(end + 1, len(doc))) if doc[i].text in _QUOTES), None
    )
    if opening is None or not all(_surname_word(t) for t in doc[start:opening]):
        return end
    closing = next(
        (i for i in range(opening + 2, min(opening + 6, len(doc))) if doc[i].text in _QUOTES),
        None,
    )
    if closing is None or closing + 1 >= len(doc) or closing + 1 < end:
        return end
    inner = doc[opening + 1 : closing]
    if not inner[0].text[:1].isupper() or any(t.like_num or t.is_punct for t in inner):
        return end
    surname = doc[closing + 1]
    if not _surname_word(surname):
        return end
    after = doc[closing + 2] if closing + 2 < len(doc) else None
    if after is not None and after.is_alpha and after.text[:1].isupper():
        return end
    return closing + 2


def _surname_word(token: Token) -> bool:
    """A capitalised word that may be a surname even if the model labelled it a place or a
    product ("Duran", "Camacho", "Dondo"): not a title, country, date or number."""
    return (
        token.is_alpha
        and token.text[:1].isupper()
        and any(c.islower() for c in token.text)
        and token.ent_type_ not in _SURNAME_BLOCKING_LABELS
        and not is_title_word(token.text)
        and lookup_form(token.text) is None
    )


def _particle_surname_end(doc: Doc, end: int) -> int:
    """After a name, particles and the capitalised word they lead to ("Kengo wa Dondo"), when
    that word ends the name."""
    index = end
    particles = name_particles()
    while index < len(doc) and doc[index].lower_ in particles and doc[index].is_lower:
        index += 1
    if index == end or index >= len(doc) or not _surname_word(doc[index]):
        return end
    after = doc[index + 1] if index + 1 < len(doc) else None
    if after is not None and after.is_alpha and after.text[:1].isupper():
        return end
    return index + 1


def _korean_given_name(doc: Doc, end: int) -> bool:
    """A hyphenated two-syllable given name after a one-word surname ("Kim In-so", "Li
    In-mo"): short parts, the second in lower case."""
    if end + 2 >= len(doc) or doc[end - 1].whitespace_ != " ":
        return False
    first, second = doc[end], doc[end + 2]
    return (
        first.is_alpha
        and first.is_title
        and len(first) <= 5
        and _glued_hyphen(doc, end + 1)
        and second.is_alpha
        and second.is_lower
        and len(second) <= 5
    )


def _is_regnal_number(doc: Doc, start: int, end: int) -> bool:
    """The word at ``end`` is a regnal number after a one-word name, titles and nationality
    words aside ("Henry VIII", "Belgian King Baudouin I"); "I" only when no verb ending
    follows ("Pedro I 'm" is a pronoun)."""
    word = doc[end].text
    if word not in _REGNAL_NUMBERS or not doc[end - 1].is_title:
        return False
    words = [token.text for token in doc[start:end]]
    lead = _demonym_length(doc, start, end)
    if lead + leading_title_length(words[lead:]) != len(words) - 1:
        return False
    after = doc[end + 1] if end + 1 < len(doc) else None
    return word != "I" or after is None or not after.text.startswith(("'", "\u2019"))


def _loose_name_word(token: Token) -> bool:
    return (
        token.is_alpha
        and token.is_title
        and token.pos_ == "PROPN"
        and not token.ent_type_
        and not token.is_stop
        and not is_title_word(token.text)
        and lookup_form(token.text) is None
    )


def _best_segment(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The longest part of a run-on entity ("Jim Adams\nWASHINGTON", "Sri Lanka - Arjuna
    Ranatunga") that does not name a country or place; cut at line breaks, brackets and
    spaced dashes."""
    segments: list[tuple[int, int]] = []
    begin = start
    for index in range(start, end):
        token = doc[index]
        spaced_dash = token.text in ("-", "--") and bool(token.whitespace_) and index > start
        if token.is_space or token.text in ("(", ")", ",") or spaced_dash:
            segments.append((begin, index))
            begin = index + 1
        elif "\n" in token.whitespace_:
            segments.append((begin, index + 1))
            begin = index + 1
    segments.append((begin, end))
    segments = [(a, b) for a, b in segments if b > a]
    if len(segments) <= 1:
        return segments[0] if segments else (start, start)
    names = [(a, b) for a, b in segments if not _names_a_place(doc[a:b].text)]
    if not names:
        return (start, start)
    return max(names, key=lambda ab: (sum(t.is_alpha for t in doc[ab[0] : ab[1]]), -ab[0]))


def _longer_name_words(doc: Doc, ents: tuple[Span, ...]) -> frozenset[str]:
    """First and last words of the plain multi-word PERSON entities of the article (not run on
    across a line break, bracket or spaced dash): a one-word mention equal to one of them is a
    name even when it is also a place ("Washington" after "MaliVai Washington")."""
    return frozenset(
        word
        for ent in ents
        if ent.label_ == "PERSON"
        and len(ent) > 1
        and _best_segment(doc, ent.start, ent.end) == (ent.start, ent.end)
        and _reads_as_name(ent)
        for word in (ent[0].lower_, ent[-1].lower_)
    )


def _names_a_place(text: str) -> bool:
    """True when ``text`` is a region or group, or a country, demonym or city form that is not
    also a common personal name (those are listed with context vetoes, e.g. "Jordan")."""
    cleaned = clean_mention(text)
    if cleaned in exclusion_phrases():
        return True  # regions and groups ("Africans", "Middle East")
    return lookup_form(text) is not None and cleaned not in context_vetoes()


def _propagated(doc: Doc, found: list[Span]) -> list[Span]:
    """Other mentions of the people already found that the model missed or mislabelled: the
    full name again, or its first or last word alone ("Lebed" after "Alexander Lebed"), when
    capitalised, outside longer non-person entities and not part of a longer capitalised name."""
    covered = {token.i for span in found for token in span}
    full_names = {tuple(token.lower_ for token in span) for span in found if len(span) > 1}
    # first and last word alone: "Roberto Duran" after "Roberto " Hands of Stone " Duran"
    full_names.update((span[0].lower_, span[-1].lower_) for span in found if len(span) > 2)
    for span in found:  # a hyphenated surname on its own ("Kilroy-Silk")
        start = span.end - 1
        while start - 2 >= span.start and _in_compound(span[start - span.start]):
            start -= 2
        if span.start < start < span.end - 1:
            full_names.add(tuple(token.lower_ for token in span.doc[start : span.end]))
    parts = {
        word.lower_
        for span in found
        if len(span) > 1
        for word in (span[0], span[-1])
        if len(word) > 1 and not _in_compound(word)
    }
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for name in sorted(full_names, key=len, reverse=True):
        by_first_word.setdefault(name[0], []).append(name)
    spans: list[Span] = []
    index = 0
    while index < len(doc):
        token = doc[index]
        if index in covered or not token.is_alpha or not (token.is_title or token.is_upper):
            index += 1
            continue
        end = None
        for name in by_first_word.get(token.lower_, ()):
            stop = index + len(name)
            if stop <= len(doc) and tuple(t.lower_ for t in doc[index:stop]) == name:
                end = stop
                break
        if end is None and token.lower_ in parts and not token.is_stop:
            end = index + 1
        if end is None or any(i in covered for i in range(index, end)):
            index += 1
            continue
        if _extends_name(doc, index, end) or _inside_longer_entity(doc, index, end):
            index = end
            continue
        start = index
        while (
            start > 0
            and start - 1 not in covered
            and doc[start - 1].whitespace_ == " "
            and (
                _INITIALS.match(doc[start - 1].text) or doc[start - 1].lower_ in _LEADING_PARTICLES
            )
        ):
            start -= 1  # "M. Waugh", "de Silva" after "Aravinda de Silva"
        spans.append(doc[start:end])
        covered.update(range(start, end))
        index = end
    return spans


def _in_compound(token: Token) -> bool:
    """Part of a hyphenated word ("Silk" in "Kilroy-Silk")."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text == "-" and not token.whitespace_
    return before or after


def _extends_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word right before or after: the match is part of another name."""
    after = doc[end] if end < len(doc) else None
    before = doc[start - 1] if start > 0 else None
    if after is not None and after.is_alpha and after.is_title and not after.is_sent_start:
        return True
    return (
        before is not None
        and before.is_alpha
        and before.is_title
        and not before.is_sent_start
        and leading_title_length([before.text, doc[start].text]) == 0
    )


def _inside_longer_entity(doc: Doc, start: int, end: int) -> bool:
    """Inside a longer entity of another kind, unless that entity runs on over a line break,
    bracket or spaced dash ("SOCCER - KLINSMANN")."""
    # Entities do not overlap, so the only candidate is the one holding the first token; found
    # from token IOB tags, since doc.ents is rebuilt on every access.
    if doc[start].ent_iob_ in ("O", ""):
        return False
    ent_start, ent_end = entity_bounds(doc, start)
    if ent_end < end or ent_end - ent_start <= end - start:
        return False
    if doc[start].ent_type_ == "PERSON":
        return False
    if all(_title_or_punct(doc[i]) for i in range(ent_start, ent_end) if not start <= i < end):
        return False  # only a title or nationality with the name: '" Mr de Vabres', "American X"
    return _best_segment(doc, ent_start, ent_end) == (ent_start, ent_end)


def _title_or_punct(token: Token) -> bool:
    return (
        token.is_punct
        or is_title_word(token.text)
        or _is_demonym(token)
        or token.lower_ in name_particles()
    )


def _is_edge_punct(token: Token) -> bool:
    """Punctuation, or a number glued to a name by the model ("J. Ratcliffe 63")."""
    return (token.is_punct and token.text not in ("-",)) or any(c.isdigit() for c in token.text)


def _kind(token: Token) -> str:
    if token.ent_type_ == "PERSON":
        return PERSON
    if token.is_space or "\n" in token.whitespace_ or _spaced_dash(token):
        return BREAK  # even inside a run-on entity ("ROME - Israeli")
    if token.is_quote:
        return PUNCT
    if is_honorific(token.text):
        return OTHER  # "Mr" of '" Mr de Vabres' labelled ORG is still a title
    if token.ent_type_ in TITLE_ENTITY_LABELS:
        return ENT
    if token.tag_ == "POS":
        return POSS
    if token.is_punct:
        return PUNCT
    if (
        token.dep_ in _MODIFIER_DEPS
        and 0 < token.head.i - token.i <= 3
        and token.pos_ in ("NOUN", "PROPN", "ADJ")
        and token.tag_ not in _COMPARATIVE_TAGS  # "Earlier", "biggest"
        and token.ent_type_ not in _NUMERIC_ENTITY_LABELS  # "Last year actor ..."
        and not any(child.like_num for child in token.lefts)  # not "100 metres champion"
        and not (token.i > 0 and token.doc[token.i - 1].like_num)  # "5,000m champion"
    ):
        return COMPOUND  # "Economics Minister", "election chief", "development secretary"
    if token.pos_ == "ADJ":
        return ADJ
    return OTHER


def _spaced_dash(token: Token) -> bool:
    """A dash with spaces on both sides, as after a dateline ("ROME - Israeli ...")."""
    if token.text not in ("-", "--") or not token.whitespace_ or token.i == 0:
        return False
    return bool(token.doc[token.i - 1].whitespace_)


@Language.factory(
    "news_persons",
    assigns=["doc._.persons"],
    requires=["doc.ents"],
    default_config={
        "titles": True,
        "appositions": True,
        "false_positives": True,
        "clustering": True,
        "boundaries": True,
        "propagate": True,
        "affiliations": True,
        "org_cues": True,
        "title_recovery": True,
        "list_recovery": True,
        "scorecards": True,
    },
)
def make_person_normalizer(
    nlp: Language,
    name: str,
    titles: bool,
    appositions: bool,
    false_positives: bool,
    clustering: bool,
    boundaries: bool,
    propagate: bool,
    affiliations: bool,
    org_cues: bool,
    title_recovery: bool,
    list_recovery: bool,
    scorecards: bool,
) -> PersonNormalizer:
    register_lemmatizer(nlp)
    return PersonNormalizer(
        nlp,
        name,
        titles=titles,
        appositions=appositions,
        false_positives=false_positives,
        clustering=clustering,
        boundaries=boundaries,
        propagate=propagate,
        affiliations=affiliations,
        org_cues=org_cues,
        title_recovery=title_recovery,
        list_recovery=list_recovery,
        scorecards=scorecards,
    )
