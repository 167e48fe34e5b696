"""news_facts: links quantities and person events to predicates, places and dates.

Reads the five mention lists (``doc._.persons``, ``countries``, ``dates``, ``counts``,
``money``) and the dependency parse; writes ``doc._.facts``, one row per count or money mention
and one per person event. Links follow the parse (subject, object, prepositional attachment,
conjoined verbs), never token distance. The lexical rules are ``extract/rules/facts.json``; the
pure parts (predicate names, roles, date choice, confidences) are ``extract.normalize.facts``.
See docs/facts.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from spacy.attrs import HEAD, IS_SPACE, ORTH, POS, SENT_START
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from extract.components._guard import run_guarded
from extract.components._lemma import lemma_of, register_lemmatizer
from extract.extensions import doc_text, mentions
from extract.normalize.facts import (
    DATE_LINKS,
    DEFAULT_DISABLED_DATE_LINKS,
    PLACE_RULES,
    DateCandidate,
    FactRules,
    choose_date,
    fact_confidence,
    fact_id,
    load_fact_rules,
    logical_role,
    normalize_predicate,
    quantity_values,
)

_VERB_POS = frozenset({"VERB", "AUX"})
_VERB_POS_IDS = frozenset(POS_IDS[pos] for pos in _VERB_POS)
_VERB_POS_ID, _AUX_POS_ID = POS_IDS["VERB"], POS_IDS["AUX"]
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "SYM", "X"})
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "dobj", "dative", "attr", "oprd", "acomp", "npadvmod"}
)
_PERSON_ROLE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative"})
_MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "nummod", "poss", "quantmod"})
_SHARED_ROLE_DEPS = frozenset({"conj", "appos"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
_TITLE_ROLE_DEPS = frozenset({"dobj", "oprd", "nsubj", "nsubjpass"})
# Clauses without a subject of their own whose subject is the person's ('took 10 years ...,
# winning Academy Awards'; 'is to get ... after winning a court battle').
_CONTROLLED_DEPS = frozenset({"xcomp", "advcl", "pcomp"})
_NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})
_RELATIVE_PRONOUNS = frozenset({"who", "whom", "that", "which"})
# Where the climb from a date stops: the first word that is not glue between it and a head.
_GLUE_POS = frozenset({"ADP", "SCONJ", "PART", "CCONJ", "PUNCT", "DET"})
_MAX_CLIMB = 8
_TABLES = ("persons", "countries", "dates", "counts", "money")


@dataclass
class _Link:
    """How an anchor attaches to its verb."""

    verb: Token | None
    role: str | None
    rule: str
    path: list[Token] = field(default_factory=list)  # nominal heads climbed through
    extra_clause: list[Token] = field(default_factory=list)  # e.g. a participle in the anchor


class _DocIndex:
    """Everything the linker looks up, built once per Doc in linear time."""

    def __init__(self, doc: Doc, rules: FactRules) -> None:
        self.doc = doc
        self.rules = rules
        self.rows: dict[str, list[dict]] = {table: mentions(doc, table) for table in _TABLES}
        n = len(doc)
        self.owner: dict[str, list[int]] = {table: [-1] * n for table in _TABLES}
        self.spans: dict[str, list[Span | None]] = {}
        for table in _TABLES:
            spans: list[Span | None] = []
            owner = self.owner[table]
            for index, row in enumerate(self.rows[table]):
                span = doc.char_span(row["start_char"], row["end_char"], alignment_mode="expand")
                spans.append(span)
                if span is None:
                    continue
                for i in range(span.start, span.end):
                    if owner[i] < 0:
                        owner[i] = index
            self.spans[table] = spans
        # Pieces are sentences cut again at line breaks (a headline glued to the next line);
        # segments are pieces cut at ';'. Paragraphs end at line breaks.
        layout = _layout(doc)
        self.sentence = layout.sentence
        self.piece = layout.piece
        self.segment = layout.segment
        self.paragraph = layout.paragraph
        self.piece_starts = layout.piece_starts
        self.sentence_starts = layout.sentence_starts
        self.segment_has_verb = layout.segment_has_verb
        self.dates_in_piece: dict[int, list[int]] = {}
        self.date_attach: list[Token | None] = []
        self.date_verb: list[Token | None] = []
        for index, span in enumerate(self.spans["dates"]):
            attach = self._attach_of(span) if span is not None else None
            self.date_attach.append(attach)
            self.date_verb.append(_verb_above(attach, rules.naming_participles))
            row = self.rows["dates"][index]
            # A date without a value ('now', 'Monday' with no reference date) scopes nothing.
            if (
                span is not None
                and (row.get("start") or row.get("end"))
                and not _cut_short(span, row)
                and not (
                    attach is not None and lemma_of(attach).lower() in rules.attribute_date_heads
                )
            ):
                self.dates_in_piece.setdefault(self.piece[span.start], []).append(index)
        self._chunks: dict[int, dict[int, str]] = {}  # noun chunk texts by sentence
        self._doc_chunks: dict[int, str] | None = None
        self._parse_in_sentences: bool | None = None
        self._dangling: dict[int, int | None] = {}

    # --- parse helpers -------------------------------------------------------------------

    def _attach_of(self, span: Span) -> Token | None:
        """The word a date hangs from: the first head above it that is not a preposition,
        conjunction or punctuation ('On April 28' → the verb it modifies)."""
        token = span.root
        for _ in range(_MAX_CLIMB):
            head = token.head
            if head.i == token.i:
                return None
            token = head
            if span.start <= token.i < span.end or token.pos_ in _GLUE_POS:
                continue
            return token
        return None

    def mention_at(self, table: str, token: Token) -> int:
        return self.owner[table][token.i]

    def phrase(self, token: Token) -> tuple[str, str | None, str | None]:
        """An argument as written, with its person_key or iso3 when it is a mention."""
        for table in ("persons", "countries", "counts", "money"):
            index = self.owner[table][token.i]
            if index >= 0:
                row = self.rows[table][index]
                return (
                    row["text"],
                    row.get("person_key") if table == "persons" else None,
                    row.get("iso3") if table == "countries" else None,
                )
        chunk = self._sentence_chunks(self.sentence[token.i]).get(token.i)
        return (chunk if chunk is not None else token.text), None, None

    def _sentence_chunks(self, sentence: int) -> dict[int, str]:
        """Text of each noun chunk of ``sentence`` by its root token: ``doc.noun_chunks`` of
        the whole Doc costs a Token per word, and few sentences need one."""
        chunks = self._chunks.get(sentence)
        if chunks is not None:
            return chunks
        doc = self.doc
        if self._parse_in_sentences is None:
            # The chunks of one sentence are those of the Doc only when no arc leaves a
            # sentence (a chunk is a root's left edge through the root).
            heads = doc.to_array([HEAD]).astype(np.int64).ravel() + np.arange(len(doc))
            sentence_of = np.asarray(self.sentence)
            self._parse_in_sentences = bool((sentence_of[heads] == sentence_of).all())
        # Doc.noun_chunks' own iterator (the language's syntax iterator), run on one sentence.
        iterator = getattr(doc, "noun_chunks_iterator", None)
        if not self._parse_in_sentences or iterator is None:
            if self._doc_chunks is None:
                self._doc_chunks = {chunk.root.i: chunk.text for chunk in doc.noun_chunks}
            chunks = self._doc_chunks
        else:
            start = self.sentence_starts[sentence]
            following = sentence + 1
            end = (
                self.sentence_starts[following]
                if following < len(self.sentence_starts)
                else len(doc)
            )
            chunks = {}
            text = doc_text(doc)
            for chunk_start, chunk_end, _ in iterator(doc[start:end]):
                chunk = doc[chunk_start:chunk_end]
                chunks[chunk.root.i] = text[chunk.start_char : chunk.end_char]  # chunk.text
        self._chunks[sentence] = chunks
        return chunks

    def _date_spans(self, dates: list[int]) -> list[Span]:
        return [span for span in (self.spans["dates"][d] for d in dates) if span is not None]

    def dangling_date(self, piece: int) -> int | None:
        """A single date closing ``piece`` in a ';'-segment without a verb: the start of a
        clause the sentence splitter cut off ('...; on May 31, "Hongtong staff", ...')."""
        if piece not in self._dangling:
            found: int | None = None
            dates = self.dates_in_piece.get(piece, [])
            segments = [self.segment[span.start] for span in self._date_spans(dates)]
            last = segments[-1] if segments else -1
            if last >= 0 and not self.segment_has_verb[last] and segments.count(last) == 1:
                found = dates[-1]
            self._dangling[piece] = found
        return self._dangling[piece]


class _Layout(NamedTuple):
    sentence: list[int]  # per token
    piece: list[int]  # per token
    segment: list[int]  # per token
    paragraph: list[int]  # per token
    piece_starts: list[int]  # token index of each piece's first token
    sentence_starts: list[int]  # token index of each sentence's first token
    segment_has_verb: list[bool]  # per segment


def _layout(doc: Doc) -> _Layout:
    """Sentence, piece, segment and paragraph of every token, from token attribute arrays (no
    Token objects and no per-token Python loop: this used to be most of the linker's cost).

    A sentence start or a line break starts a piece at the next token that is not a line break;
    each piece starts a segment and so does the token after a ';'; a line break token starts a
    paragraph."""
    n = len(doc)
    if n == 0:
        return _Layout([], [], [], [], [], [], [])
    strings = doc.vocab.strings
    columns = doc.to_array([SENT_START, IS_SPACE, ORTH, POS])
    sent_start = columns[:, 0] == 1
    sent_start[0] = True
    orth = columns[:, 2]
    line_break = np.zeros(n, dtype=bool)
    for i in np.flatnonzero(columns[:, 1]).tolist():
        line_break[i] = "\n" in strings[int(orth[i])]
    after_break = np.zeros(n, dtype=bool)
    after_break[1:] = line_break[:-1]
    piece_start = ~line_break & (sent_start | after_break)
    semicolon = orth == strings[";"]
    after_semicolon = np.zeros(n, dtype=bool)
    after_semicolon[1:] = semicolon[:-1]
    pieces = np.cumsum(piece_start) - 1
    segments = pieces + np.cumsum(after_semicolon)
    segment_has_verb = np.zeros(int(piece_start.sum() + semicolon.sum()), dtype=bool)
    pos = columns[:, 3]
    verbs = ((pos == _VERB_POS_ID) | (pos == _AUX_POS_ID)) & (segments >= 0)
    segment_has_verb[segments[verbs]] = True
    return _Layout(
        (np.cumsum(sent_start) - 1).tolist(),
        np.maximum(pieces, 0).tolist(),
        np.maximum(segments, 0).tolist(),
        np.cumsum(line_break).tolist(),
        np.flatnonzero(piece_start).tolist(),
        np.flatnonzero(sent_start).tolist(),
        segment_has_verb.tolist(),
    )


def _is_verb(token: Token) -> bool:
    return token.pos_ in _VERB_POS


def _verb_above(token: Token | None, transparent: frozenset[str] = frozenset()) -> Token | None:
    """The first verb at or above ``token`` ('damage worth ... earlier this year' → the verb
    whose object holds the date). Naming participles in ``transparent`` are climbed through:
    in 'farms known as new economic zones in 1987' the date is the clause's, not the naming's."""
    for _ in range(_MAX_CLIMB):
        if token is None:
            return None
        if _is_verb(token) and not (
            token.dep_ == "acl" and token.tag_ == "VBN" and lemma_of(token).lower() in transparent
        ):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _conjunct_verb(token: Token, outside: Span) -> Token | None:
    for child in token.children:
        if child.dep_ == "conj" and _is_verb(child) and not outside.start <= child.i < outside.end:
            return child
    return None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass", "csubjpass") for child in verb.children)


def _participle_inside_any(verb: Token) -> Token | None:
    """The noun a participle inside a quantity modifies ('escaped persons' → persons), when
    the parser made the participle a main verb with that noun as its object."""
    if verb.i == 0 or not verb.doc[verb.i - 1].like_num:
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.i == verb.i + 1:
            return child
    return None


def _participle_inside(index: _DocIndex, verb: Token) -> Span | None:
    """The quantity span holding ``verb`` when the parser took a participle inside it
    ('7,831 escaped persons') for a main verb."""
    for table in ("counts", "money"):
        owner = index.owner[table][verb.i]
        if owner >= 0:
            span = index.spans[table][owner]
            if span is not None and verb.i < span.end - 1:
                return span
    return None


def _repair_participle(index: _DocIndex, verb: Token, link: _Link) -> _Link:
    span = _participle_inside(index, verb)
    if span is None:
        return link
    real = _conjunct_verb(verb, span)
    if real is None:
        return _Link(None, None, "no_predicate", link.path, [verb])
    role = "object" if _is_passive(real) else "subject"
    if link.rule == "preposition" or link.rule == "subset":
        role = link.role or role
    return _Link(real, role, "participle_in_mention", link.path, [verb])


def _link_anchor(index: _DocIndex, span: Span, *, persons: bool) -> _Link:
    """Climb the parse from an anchor to the verb it is an argument of."""
    rules = index.rules
    token = span.root
    path: list[Token] = [token]
    rule: str | None = None
    role_word: str | None = None
    if not persons and _is_verb(token) and token.i < span.end - 1:
        real = _conjunct_verb(token, span)
        if real is None:
            return _Link(None, None, "no_predicate", path, [token])
        role = "object" if _is_passive(real) else "subject"
        return _Link(real, role, "participle_in_mention", path, [token])
    for _ in range(_MAX_CLIMB):
        head = token.head
        dep = token.dep_
        if head.i == token.i:
            break
        if dep in _SHARED_ROLE_DEPS and not _is_verb(head):
            token = head
            path.append(token)
            continue
        if persons and dep == "compound":
            # 'named Robert Benders president': a name glued to the title noun after it.
            if head.pos_ == "NOUN" and head.dep_ in _TITLE_ROLE_DEPS and _is_verb(head.head):
                role = "subject" if head.dep_ == "nsubj" else "object"
                return _Link(head.head, role, role, [*path, head])
            break
        if dep in _MODIFIER_DEPS and not _is_verb(head):
            rule = rule or "noun_modifier"
            token = head
            path.append(token)
            continue
        if dep == "pobj":
            prep = head
            # Stacked prepositions: 'rise to between 13.50 and 14 dlrs' hangs from 'to'.
            while prep.dep_ == "prep" and prep.head.pos_ == "ADP" and prep.head.i != prep.i:
                prep = prep.head
            governor = prep.head
            if (
                governor.pos_ in ("ADV", "ADJ")
                and governor.dep_ in ("advmod", "acomp")
                and _is_verb(governor.head)
            ):
                governor = governor.head  # 'sales were up 11 pct to 221.0 mln dlrs'
            word = prep.lower_
            if prep.dep_ == "agent" and _is_verb(governor):
                return _finish(index, _Link(governor, "subject", rule or "subject", path))
            if persons:
                break
            if word == "of" and not _is_verb(governor):
                token = governor  # partitive: 'a total of 7,831 ...'
                path.append(token)
                continue
            if lemma_of(prep).lower() in rules.subset_markers or word in rules.subset_markers:
                rule, role_word = "subset", word
            elif rule is None:
                rule, role_word = "preposition", word
            if _is_verb(governor) and prep.dep_ in ("prep", "dative", "agent"):
                return _finish(index, _Link(governor, role_word, rule, path))
            if governor.i == prep.i:
                break
            token = governor
            path.append(token)
            continue
        if dep in ("nsubj", "nsubjpass") and head.dep_ in ("aux", "auxpass") and _is_verb(head):
            # 'Durkin was re-elected': the parser hung the subject on the auxiliary.
            dep = "nsubjpass" if head.dep_ == "auxpass" or _is_passive(head.head) else dep
            head = head.head
        if dep in _ARGUMENT_DEPS and _is_verb(head):
            if persons and dep not in _PERSON_ROLE_DEPS:
                break
            argument_role = logical_role(dep)
            if argument_role is None:
                break
            if dep == "attr" and any(c.dep_ == "expl" for c in head.children):
                argument_role = "subject"  # 'there is one person at large': the pivot
            if role_word is not None:
                return _finish(index, _Link(head, role_word, rule or "preposition", path))
            return _finish(index, _Link(head, argument_role, rule or argument_role, path))
        break
    if persons:
        relative = _relative_clause_verb(span.root)
        if relative is not None:
            return relative
    return _Link(None, None, "no_predicate", path)


def _relative_clause_verb(name: Token) -> _Link | None:
    """'Fu Yaobo and Zhang Qingzhao who fled to ...': a 'who' right after the name (or after a
    name conjoined to it) makes the name the relative clause's subject, wherever the parser
    attached the clause."""
    doc = name.doc
    for token in (name, *name.conjuncts):
        following = token.i + 1
        if following < len(doc) and doc[following].text == ",":
            following += 1
        if following >= len(doc):
            continue
        pronoun = doc[following]
        verb = pronoun.head
        if (
            pronoun.lower_ in _RELATIVE_PRONOUNS
            and pronoun.dep_ in _PERSON_ROLE_DEPS
            and verb.dep_ == "relcl"
            and _is_verb(verb)
        ):
            return _Link(verb, logical_role(pronoun.dep_), "relative_clause", [name])
    return None


def _finish(index: _DocIndex, link: _Link) -> _Link:
    assert link.verb is not None
    return _repair_participle(index, link.verb, link)


def _particles(verb: Token, rules: FactRules) -> list[Token]:
    if lemma_of(verb) == "be":
        return []  # 'sales were up 11 pct': a predicative adverb, not a particle
    found = []
    for child in verb.children:
        if child.dep_ == "prt" or (
            child.dep_ == "advmod" and child.lower_ in rules.particles and 0 < child.i - verb.i <= 2
        ):
            found.append(child)
    return found


def _own_arguments(verb: Token) -> tuple[Token | None, Token | None]:
    subject = obj = None
    for child in verb.children:
        dep = child.dep_
        if dep in ("nsubj", "csubj") and subject is None:
            subject = child
        elif dep == "agent":
            subject = next((c for c in child.children if c.dep_ == "pobj"), subject)
        elif dep in ("nsubjpass", "csubjpass") or (dep in ("dobj", "attr") and obj is None):
            obj = child
    return subject, obj


def _arguments(verb: Token) -> tuple[Token | None, Token | None]:
    """Logical subject and object of ``verb``; a conjoined verb without a subject shares that
    of the verb it is conjoined to, and its object too when that verb is passive ('X was
    arrested and sent back': X is sent back)."""
    subject, obj = _own_arguments(verb)
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return subject, obj
    passive = _is_passive(verb)
    for head in _clause_verbs(verb)[1:]:
        if passive and obj is None and _participle_inside_any(head) is not None:
            return subject, _participle_inside_any(
                head
            )  # '7,831 escaped persons ... were recovered'
        if not any(c.dep_ in _SUBJECT_DEPS for c in head.children):
            continue
        head_subject, head_obj = _own_arguments(head)
        if _is_passive(head):
            return head_subject, obj or head_obj
        if passive:
            return subject, obj  # an active subject is not a passive verb's agent
        return subject or head_subject, obj
    return subject, obj


def _clause_verbs(verb: Token) -> list[Token]:
    """The verb, then the verbs it is conjoined to (their dates scope it when it has none)."""
    verbs = [verb]
    head = verb
    for _ in range(_MAX_CLIMB):
        if head.dep_ != "conj" or head.head.i == head.i or not _is_verb(head.head):
            break
        head = head.head
        verbs.append(head)
    return verbs


def _conjoined_verbs(verb: Token) -> list[Token]:
    """Verbs conjoined after ``verb`` that share its subject (no subject of their own) and its
    voice ('killed ... and caused ...', not 'fled ... and was arrested ...')."""
    found = []
    passive = _is_passive(verb)
    auxiliaries = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    for child in verb.children:
        if child.dep_ != "conj" or not _is_verb(child):
            continue
        if not any(c.dep_ in _SUBJECT_DEPS for c in child.children):
            if _is_passive(child) == passive:
                found.append(child)
        elif (
            auxiliaries
            and child.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass") for c in child.children)
        ):
            found.append(child)  # 'six were killed and four injured in ... today': gapped
    return found


def _ancestor_verbs(
    token: Token, exclude: set[int], reporting: frozenset[str], temporal: frozenset[str]
) -> set[int]:
    """Verbs governing ``token``'s clause, up to the first relative or participial clause
    boundary (a clause modifying a noun has its own time) or adverbial clause with its own
    subject that is not a 'when' clause ('was in 1914 when 1,014 people drowned'). Reporting verbs are left out: the
    day something was said does not date what was said."""
    found: set[int] = set()
    current = token
    for ancestor in token.ancestors:
        if current.dep_ in _NOUN_CLAUSE_DEPS:
            break
        if (
            current.dep_ == "advcl"
            and any(c.dep_ in _SUBJECT_DEPS for c in current.children)
            and not any(c.lower_ in temporal for c in current.children)
        ):
            break  # 'continued today, even though X has returned': a clause of its own time
        current = ancestor
        if _is_verb(ancestor) and lemma_of(ancestor).lower() in reporting:
            break
        if _is_verb(ancestor) and ancestor.i not in exclude:
            found.add(ancestor.i)
    return found


class _FactBuilder:
    def __init__(
        self, index: _DocIndex, date_links: frozenset[str], place_rules: frozenset[str]
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
                link = _link_anchor(index, span, persons=False)
                facts.append(self._row(table, row, span, link))
        for position, row in enumerate(index.rows["persons"]):
            span = index.spans["persons"][position]
            if span is None:
                continue
            for link in self._person_links(span):
                facts.append(self._row("persons", row, span, link))
        facts.sort(key=lambda fact: (fact["start_char"], fact.pop("_order")))
        doc_id = index.doc._.doc_id or ""
        for number, fact in enumerate(facts):
            fact["fact_id"] = fact_id(doc_id, number)
        return facts

    def _person_links(self, span: Span) -> Iterator[_Link]:
        link = _link_anchor(self.index, span, persons=True)
        events = self.rules.event_verbs
        relative = _relative_clause_verb(span.root) if link.rule != "relative_clause" else None
        if relative is not None and relative.verb is not None:
            name = self._predicate(relative.verb)
            if name in events or lemma_of(relative.verb).lower() in events:
                yield relative
        if link.verb is None or link.role not in ("subject", "object"):
            return
        if self._predicate(link.verb) in events or lemma_of(link.verb).lower() in events:
            yield link
        # Conjoined verbs without a subject of their own share the person: the subject of
        # 'fled ... and was arrested', the passive subject of 'was arrested and sent back'.
        passive_first = _is_passive(link.verb)
        stack = [link.verb]
        while stack:
            verb = stack.pop()
            for child in verb.children:
                if child.dep_ != "conj" or not _is_verb(child):
                    continue
                if any(c.dep_ in _SUBJECT_DEPS for c in child.children):
                    continue
                if link.role == "subject":
                    role = "object" if _is_passive(child) else "subject"
                elif passive_first and not any(c.dep_ == "dobj" for c in child.children):
                    role = "object"
                else:
                    continue
                stack.append(child)
                name = self._predicate(child)
                if name in events or lemma_of(child).lower() in events:
                    yield _Link(child, role, "conjunct", link.path)
        # Not under a reporting verb: in 'X announced the appointment of Y, replacing Z' the
        # -ing clause is about the news, not about X.
        if (
            link.role == "subject"
            and not _is_passive(link.verb)
            and lemma_of(link.verb).lower() not in self.rules.reporting_verbs
        ):
            yield from self._controlled_links(link)

    def _controlled_links(self, link: _Link) -> Iterator[_Link]:
        """Subjectless infinitive and -ing clauses under the person's verb share its subject."""
        assert link.verb is not None
        events = self.rules.event_verbs
        stack = [(link.verb, 0)]
        while stack:
            verb, depth = stack.pop()
            for child in verb.children:
                target = child
                if child.dep_ == "prep":  # 'after winning ...'
                    target = next((c for c in child.children if c.dep_ == "pcomp"), child)
                if target.dep_ not in _CONTROLLED_DEPS or not _is_verb(target):
                    continue
                if target.tag_ not in ("VB", "VBG") or _is_passive(target):
                    continue
                if any(c.dep_ in _SUBJECT_DEPS for c in target.children):
                    continue
                if depth < 2:
                    stack.append((target, depth + 1))
                if self._predicate(target) in events or lemma_of(target).lower() in events:
                    yield _Link(target, "subject", "shared_subject", link.path)

    def _predicate(self, verb: Token) -> str:
        particles = tuple(p.lower_ for p in _particles(verb, self.rules))
        lemma = lemma_of(verb).lower()
        lemma = self.rules.lemma_fixes.get(lemma, lemma)
        doc = verb.doc
        if verb.i >= 2 and doc[verb.i - 1].text == "-" and doc[verb.i - 2].lower_ == "re":
            lemma = "re" + lemma  # 're-elected' is split by the tokenizer
        return normalize_predicate(lemma, particles)

    def _row(self, table: str, row: dict, span: Span, link: _Link) -> dict[str, Any]:
        index = self.index
        verb = link.verb
        fact: dict[str, Any] = {
            "fact_type": {"counts": "count", "money": "money", "persons": "person_event"}[table],
            "sentence": index.sentence[span.start],
            "start_char": row["start_char"],
            "end_char": row["end_char"],
            "predicate": None,
            "role": link.role,
            "negated": None,
            "subject": None,
            "subject_person_key": None,
            "subject_iso3": None,
            "object": None,
            "object_person_key": None,
            "object_iso3": None,
            "mention_id": row["mention_id"],
            "value": None,
            "low": None,
            "high": None,
            "qualifier": None,
            "unit": None,
        }
        if table != "persons":
            fact.update(quantity_values(table, row))
        anchor: tuple[str, str | None, str | None] = (row["text"], row.get("person_key"), None)
        if verb is not None:
            fact["predicate"] = self._predicate(verb)
            fact["negated"] = any(child.dep_ == "neg" for child in verb.children)
            subject, obj = _arguments(verb)
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
            if subject_value is None and subject is not None and not _inside(subject, span):
                subject_value = index.phrase(subject)
            if object_value is None and obj is not None and not _inside(obj, span):
                object_value = index.phrase(obj)
            for prefix, value in (("subject", subject_value), ("object", object_value)):
                if value is not None:
                    fact[prefix], fact[f"{prefix}_person_key"], fact[f"{prefix}_iso3"] = value
        date = self._date(span, link, quantity=table != "persons")
        fact.update(date)
        fact.update(self._places(span, link))
        fact["link_rule"] = link.rule
        fact["confidence"] = fact_confidence(
            self.rules, link.rule, fact["date_link"], has_predicate=verb is not None
        )
        fact["_order"] = verb.i if verb is not None else -1
        return fact

    # --- dates ---------------------------------------------------------------------------

    def _date(self, span: Span, link: _Link, *, quantity: bool) -> dict[str, Any]:
        index = self.index
        piece = index.piece[span.start]
        verb = link.verb
        # Most specific first: the anchor's own noun phrase ('a 1986 loss of ...'), the verb,
        # the verbs it is conjoined to, then its conjoined verbs ('killed ... and caused ...
        # earlier this year'); then its arguments ('the May deficit was ... at 866 mln dlrs').
        core: list[Token] = list(link.path)
        core.extend(link.extra_clause)
        arguments: list[Token] = []
        clause_verbs: list[Token] = []
        other_times: set[int] = set()
        if verb is not None:
            clause_verbs = _clause_verbs(verb)
            # A conjoined verb with other modality is another time ('is on schedule and
            # production will begin in 1988').
            for other in [*clause_verbs, *_conjoined_verbs(verb)]:
                if _modals(other) == _modals(verb):
                    core.append(other)
                else:
                    other_times.add(other.i)
            arguments = [t for t in _arguments(verb) if t is not None]
        clause_order = {t.i: rank for rank, t in reversed(list(enumerate([*core, *arguments])))}
        core_ids = {t.i for t in core}
        top = verb if verb is not None else link.path[-1]
        governing = _ancestor_verbs(
            top, set(clause_order), self.rules.reporting_verbs, self.rules.temporal_conjunctions
        )
        antecedents = [v.head for v in clause_verbs if v.dep_ == "relcl" and v.head.i != v.i]
        verb_ids = {v.i for v in clause_verbs}
        anchor_nouns = {t.i for t in link.path} | set(range(span.start, span.end))
        reported = _reported_clause(top, self.rules.reporting_verbs)
        segment = index.segment[(verb if verb is not None else span.root).i]
        candidates: list[tuple[int, DateCandidate]] = []
        anchor_tokens = range(span.start, span.end)
        for date_index in index.dates_in_piece.get(piece, []):
            date_span = index.spans["dates"][date_index]
            assert date_span is not None
            if date_span.start in anchor_tokens:
                continue
            attach = index.date_attach[date_index]
            kind = index.rows["dates"][date_index].get("kind") or "date"
            same_segment = index.segment[date_span.start] == segment
            date_verb = index.date_verb[date_index]
            rank, scope = self._date_scope(
                date_span,
                attach,
                date_verb,
                clause_order,
                core_ids,
                governing,
                antecedents,
                verb_ids,
                anchor_nouns,
                reported,
                other_times,
                is_quantity=quantity,
            )
            candidates.append((rank, DateCandidate(date_index, scope, same_segment, kind)))
        in_scope = [c for c in candidates if c[1].kind in self.rules.scope_date_kinds]
        if not in_scope and piece > 0:
            first_token = index.piece_starts[piece]
            previous_token = index.piece_starts[piece - 1]
            if index.paragraph[first_token] == index.paragraph[previous_token]:
                dangling = index.dangling_date(piece - 1)
                if dangling is not None:
                    kind = index.rows["dates"][dangling].get("kind") or "date"
                    candidates.append(
                        (200, DateCandidate(dangling, "previous_dangling", False, kind))
                    )
        candidates.sort(key=lambda item: (item[0], item[1].date_index))
        choice = choose_date(
            [c for _, c in candidates],
            scope_kinds=self.rules.scope_date_kinds,
            enabled=self.date_links,
        )
        if choice is None:
            return {
                "date_mention_id": None,
                "date_start": None,
                "date_end": None,
                "date_link": None,
            }
        date_row = index.rows["dates"][choice.date_index]
        return {
            "date_mention_id": date_row["mention_id"],
            "date_start": date_row.get("start"),
            "date_end": date_row.get("end"),
            "date_link": choice.link,
        }

    def _date_scope(
        self,
        date_span: Span,
        attach: Token | None,
        date_verb: Token | None,
        clause_order: dict[int, int],
        core_ids: set[int],
        governing: set[int],
        antecedents: list[Token],
        verb_ids: set[int],
        anchor_nouns: set[int],
        reported: Token | None,
        other_times: set[int],
        *,
        is_quantity: bool,
    ) -> tuple[int, str]:
        """How one date relates to the fact's clause (a ``DateCandidate`` scope), with its
        closeness rank."""
        rules = self.rules
        if attach is not None and attach.i in clause_order:
            rank = clause_order[attach.i]
            return rank, "clause" if attach.i in core_ids else "argument"
        if attach is not None and attach.i not in anchor_nouns and self._in_quantity(attach):
            # 'rose to 221.0 mln dlrs from 199.5 mln dlrs a year before': the other amount's.
            return 100, "other_quantity"
        if date_verb is not None and date_verb.i in clause_order:
            return 50 + clause_order[date_verb.i], "argument"
        for antecedent in antecedents:
            # 'the March 5 quake which cost ...'; 'on March 23, the same day that ...'.
            on_antecedent = attach is not None and attach.i == antecedent.i
            is_antecedent = date_span.start <= antecedent.i < date_span.end or (
                antecedent.dep_ == "appos" and date_span.start <= antecedent.head.i < date_span.end
            )
            if on_antecedent or is_antecedent:
                return 60, "relative"
        if (
            date_verb is not None
            and date_verb.dep_ == "advcl"
            and date_verb.head.i in verb_ids
            and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in rules.temporal_conjunctions
                for c in date_verb.children
            )
        ):
            return 70, "temporal"
        if attach is not None and attach.i in governing:
            return 99, "governing"
        if date_verb is not None and date_verb.dep_ in _NOUN_CLAUSE_DEPS:
            if is_quantity and date_verb.dep_ == "acl" and _modifies(date_verb.head, anchor_nouns):
                return 80, "participle"  # '12.32 dlrs a share earned last year'
            return 100, "noun_clause"
        if date_verb is not None and lemma_of(date_verb).lower() in rules.reporting_verbs:
            return 100, "reported"
        if date_verb is not None and date_verb.i in other_times:
            return 100, "other_time"
        if (
            reported is not None
            and reported.i != date_span.root.i
            and all(a.i != reported.i for a in date_span.root.ancestors)
        ):
            return 100, "reported"  # 'Yesterday X resigned and said he would plead ...'
        return 100, "sentence"

    def _in_quantity(self, token: Token) -> bool:
        owner = self.index.owner
        return owner["counts"][token.i] >= 0 or owner["money"][token.i] >= 0

    # --- places --------------------------------------------------------------------------

    def _places(self, span: Span, link: _Link) -> dict[str, list]:
        rules = self.rules
        enabled = self.place_rules
        heads: list[Token] = []
        verb = link.verb
        if verb is not None:
            heads.append(verb)
            heads.extend(_particles(verb, rules))
            subject, obj = _arguments(verb)
            if "subject_phrase" in enabled and subject is not None and not _inside(subject, span):
                heads.append(subject)  # 'exports to Japan fell 2.3 pct to 1.28 billion'
            if "object_phrase" in enabled and obj is not None and not _inside(obj, span):
                heads.append(obj)  # 'brought its order volume in Denmark to 100 mln marks'
        heads.extend(token for token in link.path if not _is_verb(token))
        if span.root not in heads:
            heads.append(span.root)
        if "of_phrase" in enabled:
            heads.extend(_of_phrases(span.root))  # '350 mln roubles worth of damage in ...'

        for token in span:
            if token.pos_ in ("NOUN", "PROPN") and token not in heads:
                heads.append(token)
        countries: list[tuple[str, str, str]] = []
        places: list[tuple[str, str]] = []
        seen: set[int] = set()
        self._collect_places(heads, span, countries, places, seen)
        if verb is not None and "where_clause" in enabled:
            # 'in Thailand, where more than 5,000 people were killed'.
            for clause_verb in _clause_verbs(verb):
                if clause_verb.dep_ == "relcl" and any(
                    c.lower_ == "where" for c in clause_verb.children
                ):
                    self._add_place(clause_verb.head, "in", countries, places, seen)
        if not places and verb is not None:
            # 'killed 110 people and caused damage in Georgia': a conjoined verb's place;
            # 'are believed to have been killed in Indonesia': the raised clause's.
            conjuncts = [*_conjoined_verbs(verb), *_clause_verbs(verb)[1:]]
            if "of_phrase" in enabled:
                for conjunct in list(conjuncts):
                    obj = _own_arguments(conjunct)[1]
                    if obj is not None:
                        conjuncts.extend([obj, *_of_phrases(obj)])
            if "raised_clause" in enabled:
                conjuncts.extend(c for c in verb.children if c.dep_ == "xcomp" and _is_verb(c))
            for conjunct in list(conjuncts):
                conjuncts.extend(_particles(conjunct, rules))
            self._collect_places(conjuncts, span, countries, places, seen)
        if "parenthetical" in enabled and len(countries) > 1:
            # 'come from Sri Lanka (7.1 mln dlrs) and West Germany (800,000 dlrs)': an amount
            # hanging from one of the countries is that country's.
            owner = self.index.owner["countries"]
            rows = self.index.rows["countries"]
            nearest = next((owner[t.i] for t in link.path[1:] if owner[t.i] >= 0), -1)
            if nearest >= 0:
                countries = [c for c in countries if c[2] == rows[nearest]["mention_id"]]
        return {
            "country_iso3": [iso3 for iso3, _, _ in countries],
            "country_prepositions": [prep for _, prep, _ in countries],
            "country_mention_ids": [mid for _, _, mid in countries],
            "places": [text for text, _ in places],
            "place_prepositions": [prep for _, prep in places],
        }

    def _collect_places(
        self,
        heads: list[Token],
        span: Span,
        countries: list[tuple[str, str, str]],
        places: list[tuple[str, str]],
        seen: set[int],
        nested: bool = False,
    ) -> None:
        for head in heads:
            for prep in head.children:
                if prep.dep_ not in ("prep", "dative"):  # 'gave ... aid to Sri Lanka'
                    continue
                if prep.lower_ not in self.rules.location_prepositions:
                    continue
                if span.start <= prep.i < span.end:
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for place in (pobj, *pobj.conjuncts):
                        if place.i in seen or span.start <= place.i < span.end:
                            continue
                        found = len(places)
                        self._add_place(place, prep.lower_, countries, places, seen)
                        if (
                            len(places) == found
                            and not nested
                            and "nested_phrase" in (self.place_rules)
                        ):
                            # 'exposure in loans to Brazil', 'in a park in Kenya': a place
                            # inside a phrase that is not one.
                            seen.add(place.i)
                            self._collect_places([place], span, countries, places, seen, True)

    def _add_place(
        self,
        token: Token,
        preposition: str,
        countries: list[tuple[str, str, str]],
        places: list[tuple[str, str]],
        seen: set[int],
    ) -> None:
        index = self.index
        country = index.owner["countries"][token.i]
        if country >= 0:
            row = index.rows["countries"][country]
            country_span = index.spans["countries"][country]
            if country_span is not None:
                seen.update(range(country_span.start, country_span.end))
            countries.append((row["iso3"], preposition, row["mention_id"]))
            places.append((row["text"], preposition))
            return
        if token.ent_type_ in self.rules.place_entity_labels:
            ent_start, ent_end = token.i, token.i + 1
            while ent_start > 0 and token.doc[ent_start].ent_iob_ == "I":
                ent_start -= 1
            while ent_end < len(token.doc) and token.doc[ent_end].ent_iob_ == "I":
                ent_end += 1
            seen.update(range(ent_start, ent_end))
            places.append((token.doc[ent_start:ent_end].text, preposition))
            return
        lemma = lemma_of(token).lower()
        if lemma in self.rules.place_nouns:
            # 'the southern Soviet republic of Georgia': the country named after 'of'.
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and index.owner["countries"][pobj.i] >= 0:
                            self._add_place(pobj, preposition, countries, places, seen)
                            seen.add(token.i)
                            return
            count = index.owner["counts"][token.i]
            count_span = index.spans["counts"][count] if count >= 0 else None
            if count_span is not None:
                text = index.rows["counts"][count]["text"]
                seen.update(range(count_span.start, count_span.end))
            else:
                text = index.phrase(token)[0]
            seen.add(token.i)
            places.append((text, preposition))
            return
        if "possessive" in self.place_rules and lemma not in self.rules.non_place_nouns:
            # 'from China's CNPC', 'at South Africa's largest gold mine'.
            for child in token.children:
                if child.dep_ == "poss" and index.owner["countries"][child.i] >= 0:
                    seen.add(token.i)
                    self._add_place(child, preposition, countries, places, seen)
                    return


def _of_phrases(token: Token) -> list[Token]:
    """Nouns of 'of' phrases on ``token``, also through 'worth' ('350 mln roubles worth of
    damage', '605,000 dlrs of debentures'): where they are is where the amount is."""
    found: list[Token] = []
    for child in token.children:
        holders = [child] if child.lower_ == "worth" else []
        if child.dep_ == "prep" and child.lower_ == "of":
            holders = [token]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    found.extend(p for p in prep.children if p.dep_ == "pobj")
    return found


def _modals(verb: Token) -> frozenset[str]:
    return frozenset(c.lower_ for c in verb.children if c.tag_ == "MD")


def _cut_short(span: Span, row: dict) -> bool:
    """A month date right before a number it did not take ('on May one', 'the March five
    quake'): the day was lost, so the value is not the date the text gives."""
    end = span.end
    return row.get("grain") == "month" and end < len(span.doc) and span.doc[end].like_num


def _reported_clause(token: Token, reporting: frozenset[str]) -> Token | None:
    """The clause under the nearest reporting verb above ``token`` ('said he would plead
    ...' → 'plead'), or None when no reporting verb governs it."""
    current = token
    for ancestor in token.ancestors:
        if _is_verb(ancestor) and lemma_of(ancestor).lower() in reporting:
            return current
        current = ancestor
    return None


def _modifies(token: Token, targets: set[int]) -> bool:
    """True when ``token`` is one of ``targets`` or a noun hanging directly from one ('dlrs a
    share': 'share' measures the amount)."""
    if token.i in targets:
        return True
    return token.dep_ in ("npadvmod", "appos") and token.head.i in targets


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


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
    index = _DocIndex(doc, rules or load_fact_rules())
    if date_links is None:
        date_links = (d for d in DATE_LINKS if d not in DEFAULT_DISABLED_DATE_LINKS)
    return _FactBuilder(index, frozenset(date_links), frozenset(place_rules)).build()


class FactLinker:
    def __init__(
        self,
        nlp: Language,
        name: str,
        disabled_date_links: Iterable[str] = (),
        disabled_place_rules: Iterable[str] = (),
    ) -> None:
        self.name = name
        self.rules = load_fact_rules()
        for disabled, known in (
            (disabled_date_links, DATE_LINKS),
            (disabled_place_rules, PLACE_RULES),
        ):
            unknown = sorted(set(disabled) - set(known))
            if unknown:
                raise ValueError(f"{name}: unknown rules {unknown}; known: {list(known)}")
        self.date_links = frozenset(DATE_LINKS) - frozenset(disabled_date_links)
        self.place_rules = frozenset(PLACE_RULES) - frozenset(disabled_place_rules)

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
    requires=["doc._.persons", "doc._.countries", "doc._.dates", "doc._.counts", "doc._.money"],
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
